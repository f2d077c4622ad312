CREATE TABLE "answer_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"items" jsonb NOT NULL,
	"effective_on" date NOT NULL,
	"valid_for" text NOT NULL,
	"expires_on" date NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_evidence_assessment_question_key" UNIQUE("assessment_id","question_id"),
	CONSTRAINT "answer_evidence_items_check" CHECK (jsonb_typeof("answer_evidence"."items") = 'array' and jsonb_array_length("answer_evidence"."items") between 1 and 10),
	CONSTRAINT "answer_evidence_valid_for_check" CHECK ("answer_evidence"."valid_for" ~ '^P[0-9YMWD]+$'),
	CONSTRAINT "answer_evidence_expiry_check" CHECK ("answer_evidence"."expires_on" > "answer_evidence"."effective_on")
);
--> statement-breakpoint
CREATE TABLE "organisation_evidence" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"valid_for" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_evidence_valid_for_check" CHECK ("organisation_evidence"."valid_for" ~ '^P[0-9YMWD]+$')
);
--> statement-breakpoint
ALTER TABLE "answer_evidence" ADD CONSTRAINT "answer_evidence_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_evidence" ADD CONSTRAINT "answer_evidence_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_evidence" ADD CONSTRAINT "answer_evidence_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_evidence" ADD CONSTRAINT "organisation_evidence_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_evidence_expiry_idx" ON "answer_evidence" USING btree ("organisation_id","expires_on");