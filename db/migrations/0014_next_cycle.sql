CREATE TABLE "invite_link_teams" (
	"invite_link_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "invite_link_teams_invite_link_id_team_id_pk" PRIMARY KEY("invite_link_id","team_id")
);
--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "carried" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "carried_from" uuid;--> statement-breakpoint
ALTER TABLE "respondent_answers" ADD COLUMN "carried" text;--> statement-breakpoint
ALTER TABLE "invite_link_teams" ADD CONSTRAINT "invite_link_teams_invite_link_id_invite_links_id_fk" FOREIGN KEY ("invite_link_id") REFERENCES "public"."invite_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_link_teams" ADD CONSTRAINT "invite_link_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invite_link_teams_team_idx" ON "invite_link_teams" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_carried_from_assessments_id_fk" FOREIGN KEY ("carried_from") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_carried_from_idx" ON "assessments" USING btree ("carried_from");--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_carried_check" CHECK ("answers"."carried" in ('unreviewed', 'reviewed'));--> statement-breakpoint
ALTER TABLE "respondent_answers" ADD CONSTRAINT "respondent_answers_carried_check" CHECK ("respondent_answers"."carried" in ('unreviewed', 'reviewed'));