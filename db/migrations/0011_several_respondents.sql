CREATE TABLE "respondent_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"kind" text NOT NULL,
	"level" integer,
	"reason" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "respondent_answers_key" UNIQUE("assessment_id","question_id","user_id"),
	CONSTRAINT "respondent_answers_kind_check" CHECK (("respondent_answers"."kind" = 'level' and "respondent_answers"."level" is not null) or ("respondent_answers"."kind" = 'unsure' and "respondent_answers"."level" is null) or ("respondent_answers"."kind" = 'not_applicable' and "respondent_answers"."level" is null and "respondent_answers"."reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "from_respondents" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "respondents" text DEFAULT 'shared' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "opened_by" uuid;--> statement-breakpoint
ALTER TABLE "assessment_area_scores" ADD COLUMN "respondents" integer;--> statement-breakpoint
ALTER TABLE "assessment_area_scores" ADD COLUMN "respondent_low" double precision;--> statement-breakpoint
ALTER TABLE "assessment_area_scores" ADD COLUMN "respondent_high" double precision;--> statement-breakpoint
ALTER TABLE "assessment_area_scores" ADD COLUMN "disagreements" integer;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD COLUMN "respondents" integer;--> statement-breakpoint
ALTER TABLE "respondent_answers" ADD CONSTRAINT "respondent_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent_answers" ADD CONSTRAINT "respondent_answers_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent_answers" ADD CONSTRAINT "respondent_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "respondent_answers_user_idx" ON "respondent_answers" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_respondents_check" CHECK ("assessments"."respondents" in ('shared', 'named', 'anonymous'));