CREATE TABLE "organisation_privacy" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"team_results" text DEFAULT 'organisation' NOT NULL,
	"min_teams" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_privacy_team_results_check" CHECK ("organisation_privacy"."team_results" in ('organisation', 'team')),
	CONSTRAINT "organisation_privacy_min_teams_check" CHECK ("organisation_privacy"."min_teams" between 3 and 50)
);
--> statement-breakpoint
ALTER TABLE "organisation_privacy" ADD CONSTRAINT "organisation_privacy_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What a dashboard shows depends on these settings, so changing them moves the dashboard version
-- (and with it the cached figures and the API's entity tags), as the tables of 0006 and 0016 do.
CREATE TRIGGER organisation_privacy_inserted AFTER INSERT ON "organisation_privacy" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER organisation_privacy_updated AFTER UPDATE ON "organisation_privacy" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER organisation_privacy_deleted AFTER DELETE ON "organisation_privacy" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();
