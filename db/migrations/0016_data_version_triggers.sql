-- The API revalidates a team's trend and the dashboard by the organisation's data version (the
-- dashboard version): targets, trend notes and an organisation's own model versions are part of
-- what those show, so changing them moves it too, once per statement as the other tables do.
CREATE TRIGGER targets_inserted AFTER INSERT ON "targets" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER targets_updated AFTER UPDATE ON "targets" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER targets_deleted AFTER DELETE ON "targets" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER trend_annotations_inserted AFTER INSERT ON "trend_annotations" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER trend_annotations_updated AFTER UPDATE ON "trend_annotations" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER trend_annotations_deleted AFTER DELETE ON "trend_annotations" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER model_versions_inserted AFTER INSERT ON "model_versions" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();
