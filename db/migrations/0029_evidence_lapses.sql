CREATE TABLE "evidence_lapses" (
	"assessment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"expired_on" date NOT NULL,
	"counted" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_lapses_assessment_id_question_id_pk" PRIMARY KEY("assessment_id","question_id"),
	CONSTRAINT "evidence_lapses_counted_check" CHECK ("evidence_lapses"."counted" in ('one_level_lower', 'as_unsure'))
);
--> statement-breakpoint
ALTER TABLE "organisation_evidence" ADD COLUMN "stale_counts" text DEFAULT 'as_answered' NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_lapses" ADD CONSTRAINT "evidence_lapses_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_lapses" ADD CONSTRAINT "evidence_lapses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_evidence" ADD CONSTRAINT "organisation_evidence_stale_counts_check" CHECK ("organisation_evidence"."stale_counts" in ('as_answered', 'one_level_lower', 'as_unsure'));