CREATE TABLE "dashboard_versions" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_versions" ADD CONSTRAINT "dashboard_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What a dashboard shows changes when stored scores, assessments, teams or groups change: each such statement
-- moves its organisations' counter once (not once a row: the demo seed and imports write thousands).
-- Organisations that are being deleted are left alone.
CREATE FUNCTION stave_dashboard_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_versions (organisation_id, version)
  SELECT DISTINCT o.id, 1 FROM changed_rows r JOIN organisations o ON o.id = r.organisation_id
  ON CONFLICT (organisation_id) DO UPDATE SET version = dashboard_versions.version + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER assessment_scores_inserted AFTER INSERT ON "assessment_scores" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER assessment_scores_updated AFTER UPDATE ON "assessment_scores" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER assessment_scores_deleted AFTER DELETE ON "assessment_scores" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER assessments_updated AFTER UPDATE ON "assessments" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER assessments_deleted AFTER DELETE ON "assessments" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER teams_inserted AFTER INSERT ON "teams" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER teams_updated AFTER UPDATE ON "teams" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER teams_deleted AFTER DELETE ON "teams" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER groups_inserted AFTER INSERT ON "groups" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER groups_updated AFTER UPDATE ON "groups" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER groups_deleted AFTER DELETE ON "groups" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();
