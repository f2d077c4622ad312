CREATE TABLE "weakest_marks" (
	"organisation_id" uuid NOT NULL,
	"scope_id" text NOT NULL,
	"model_id" text NOT NULL,
	"area_ids" text[] NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weakest_marks_organisation_id_scope_id_model_id_pk" PRIMARY KEY("organisation_id","scope_id","model_id")
);
--> statement-breakpoint
ALTER TABLE "notification_choices" DROP CONSTRAINT "notification_choices_kind_check";--> statement-breakpoint
ALTER TABLE "sent_notices" DROP CONSTRAINT "sent_notices_kind_check";--> statement-breakpoint
ALTER TABLE "weakest_marks" ADD CONSTRAINT "weakest_marks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_choices" ADD CONSTRAINT "notification_choices_kind_check" CHECK ("notification_choices"."kind" in ('assessment-due', 'target', 'action-due', 'weakest-digest'));--> statement-breakpoint
ALTER TABLE "sent_notices" ADD CONSTRAINT "sent_notices_kind_check" CHECK ("sent_notices"."kind" in ('assessment-due', 'target', 'action-due', 'weakest-digest'));