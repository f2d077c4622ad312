CREATE TABLE "assessment_area_scores" (
	"assessment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"score" double precision,
	"percent" integer,
	"sum" integer NOT NULL,
	"scored" integer NOT NULL,
	"unsure" integer NOT NULL,
	"not_applicable" integer NOT NULL,
	"unanswered" integer NOT NULL,
	CONSTRAINT "assessment_area_scores_assessment_id_area_id_pk" PRIMARY KEY("assessment_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scoring_version" integer NOT NULL,
	"water_level" double precision,
	"weakest" text[] NOT NULL,
	"spill" double precision,
	"mean" double precision,
	"level_answers" integer NOT NULL,
	"unsure_answers" integer NOT NULL,
	"not_applicable_answers" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_kind" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_label" text;--> statement-breakpoint
UPDATE "audit_events" SET "actor_kind" = CASE WHEN "actor_id" IS NULL THEN 'system' ELSE 'member' END, "actor_label" = CASE WHEN "actor_id" IS NULL THEN 'not recorded' END;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "actor_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_area_scores" ADD CONSTRAINT "assessment_area_scores_assessment_id_assessment_scores_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment_scores"("assessment_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_area_scores" ADD CONSTRAINT "assessment_area_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_role_check" CHECK ("members"."role" in ('owner', 'admin', 'facilitator', 'member', 'viewer'));--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_kind_check" CHECK ("audit_events"."actor_kind" in ('member', 'participant', 'token', 'system'));--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_label_check" CHECK ("audit_events"."actor_kind" = 'member' or "audit_events"."actor_label" is not null);--> statement-breakpoint
ALTER TABLE "invite_links" ADD CONSTRAINT "invite_links_role_check" CHECK ("invite_links"."role" in ('owner', 'admin', 'facilitator', 'member', 'viewer'));