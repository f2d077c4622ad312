-- Any change to who may sign in, or to what they belong to, announces itself on one channel. The
-- embedded database keeps session lookups in memory (one process owns it) and forgets them on it.
CREATE FUNCTION stave_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('stave_access_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER sessions_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION stave_access_changed();--> statement-breakpoint
CREATE TRIGGER users_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION stave_access_changed();--> statement-breakpoint
CREATE TRIGGER members_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "members" FOR EACH STATEMENT EXECUTE FUNCTION stave_access_changed();--> statement-breakpoint
CREATE TRIGGER organisations_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION stave_access_changed();
