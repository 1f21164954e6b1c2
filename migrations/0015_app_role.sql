-- The product's own database role. Migrations run as the owner of the schema; the server runs as a login role
-- that is a member of fazhi_app, which may read and write the records but owns nothing: it cannot disable a
-- trigger, replace a function, or change the audit trail other than by appending through audit_append().
-- (A server without CREATEROLE for the migrating user skips this; the server then runs as the owner, and the
-- signed checkpoints of 0014 still detect tampering.)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fazhi_app') THEN
    BEGIN
      CREATE ROLE fazhi_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'fazhi_app not created (no CREATEROLE): the server will run as the owner';
      RETURN;
    END;
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO fazhi_app', current_database());
  GRANT USAGE ON SCHEMA public TO fazhi_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fazhi_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fazhi_app;
  -- Tables of later migrations (run by the same owner) get the same grants.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fazhi_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fazhi_app;
  -- The audit trail: read, and append only through audit_append(); checkpoints insert and read; the head read only.
  REVOKE ALL ON audit_log, audit_head, audit_checkpoints FROM fazhi_app;
  GRANT SELECT ON audit_log, audit_head TO fazhi_app;
  GRANT SELECT, INSERT ON audit_checkpoints TO fazhi_app;
  REVOKE ALL ON schema_migrations FROM fazhi_app;
  GRANT SELECT ON schema_migrations TO fazhi_app;
END $$;

-- Appending runs with the owner's rights, so the product role needs no write access to audit_log or audit_head.
ALTER FUNCTION audit_append(bigint, text, text, text, text, text, text, text, jsonb) SECURITY DEFINER;
ALTER FUNCTION audit_append(bigint, text, text, text, text, text, text, text, jsonb) SET search_path = public, pg_temp;
