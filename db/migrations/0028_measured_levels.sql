CREATE TABLE "measured_level_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"caps_answers" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measured_levels" (
	"assessment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"metric" text NOT NULL,
	"quarter" integer NOT NULL,
	"metric_value" double precision NOT NULL,
	"level" integer NOT NULL,
	"capped" boolean NOT NULL,
	CONSTRAINT "measured_levels_assessment_id_question_id_pk" PRIMARY KEY("assessment_id","question_id"),
	CONSTRAINT "measured_levels_metric_check" CHECK ("measured_levels"."metric" in ('deployment-frequency', 'change-lead-time', 'change-fail-rate', 'failed-deployment-recovery-time', 'rework-rate'))
);
--> statement-breakpoint
ALTER TABLE "measured_level_settings" ADD CONSTRAINT "measured_level_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measured_levels" ADD CONSTRAINT "measured_levels_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measured_levels" ADD CONSTRAINT "measured_levels_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;