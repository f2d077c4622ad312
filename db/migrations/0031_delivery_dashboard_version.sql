-- The dashboard shows delivery metrics too (kept at the dashboard version), so what they are computed
-- from moves the version: events recorded or removed, once per statement as the tables of 0006 do (an
-- ingest that recorded nothing, a replay, has no rows and moves nothing), and a service mapped to
-- another team or unmapped (not the last-seen time every ingest updates).
CREATE TRIGGER delivery_events_inserted AFTER INSERT ON "delivery_events" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE TRIGGER delivery_events_deleted AFTER DELETE ON "delivery_events" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_dashboard_changed();--> statement-breakpoint
CREATE FUNCTION stave_delivery_mapping_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_versions (organisation_id, version)
  SELECT DISTINCT o.id, 1 FROM new_rows n JOIN old_rows p ON p.id = n.id JOIN organisations o ON o.id = n.organisation_id
  WHERE n.team_id IS DISTINCT FROM p.team_id
  ON CONFLICT (organisation_id) DO UPDATE SET version = dashboard_versions.version + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER delivery_services_mapped AFTER UPDATE ON "delivery_services" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stave_delivery_mapping_changed();
