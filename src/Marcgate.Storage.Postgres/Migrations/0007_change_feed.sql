-- The change feed: every statement that changes accounts, profiles, repositories, failed logons, lockouts or known addresses sends a notification
-- in its own transaction (delivered at commit, never for a rollback), whichever host node or command made it; each
-- store LISTENs on a connection of its own and the host's caches drop what changed. The payload names the schema, so
-- catalogs in other schemas of the database are told apart.
CREATE FUNCTION marcgate_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('marcgate_catalog_changes', current_schema() || ' ' || TG_ARGV[0]);
    RETURN NULL;
END
$$;

CREATE TRIGGER accounts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION marcgate_announce_change('accounts');
CREATE TRIGGER profiles_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON profiles
    FOR EACH STATEMENT EXECUTE FUNCTION marcgate_announce_change('profiles');
CREATE TRIGGER repositories_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON repositories
    FOR EACH STATEMENT EXECUTE FUNCTION marcgate_announce_change('repositories');
CREATE TRIGGER logon_failures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON logon_failures
    FOR EACH STATEMENT EXECUTE FUNCTION marcgate_announce_change('lockouts');
CREATE TRIGGER logon_locks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON logon_locks
    FOR EACH STATEMENT EXECUTE FUNCTION marcgate_announce_change('lockouts');
CREATE TRIGGER logon_successes_changed AFTER INSERT OR DELETE OR TRUNCATE ON logon_successes
    FOR EACH STATEMENT EXECUTE FUNCTION marcgate_announce_change('lockouts');
