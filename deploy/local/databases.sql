-- Generated from the service registry (libs/registry) by `npx ofm registry generate`: edit the registry, not this file.
-- One role and one database per service (services own their data), plus ofm_test for the test suite.
-- Idempotent: safe to run on every start. Run by deploy/local/databases.sh and, in Docker, by the
-- postgres image's /docker-entrypoint-initdb.d. Passwords equal role names: LOCAL ONLY; production
-- takes credentials from secrets (Helm values / Kubernetes Secrets), never from this file.
\set ON_ERROR_STOP on

CREATE TEMP TABLE ofm_roles(name text, createdb bool, has_db bool);
-- Every service of the registry, planned ones too.
INSERT INTO ofm_roles VALUES
  ('ofm_gateway', false, true),
  ('ofm_accreditation', false, true),
  ('ofm_reciprocity', false, true),
  ('ofm_vehicles', false, true),
  ('ofm_property', false, true),
  ('ofm_customs', false, true),
  ('ofm_banking', false, true),
  ('ofm_emergency', false, true),
  ('ofm_insights', false, true);
-- The test suite creates throwaway databases with this role; it gets its own db to connect to.
INSERT INTO ofm_roles VALUES ('ofm_test', true, true);

SELECT format('CREATE ROLE %I', name) FROM ofm_roles
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) \gexec

-- Re-applied every run so a role altered by hand converges back to the documented state.
SELECT format('ALTER ROLE %I WITH LOGIN %s PASSWORD %L', name,
              CASE WHEN createdb THEN 'CREATEDB' ELSE 'NOCREATEDB' END, name)
FROM ofm_roles \gexec

-- DROP DATABASE ... WITH (FORCE) must end every session on a test database, autovacuum workers
-- included, which only a member of pg_signal_backend may do (the role gains no other power).
GRANT pg_signal_backend TO ofm_test;

SELECT format('CREATE DATABASE %I OWNER %I', name, name) FROM ofm_roles
WHERE has_db AND NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = name) \gexec

-- Only the owner (and superusers) may connect: no service can read another's tables.
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', name) FROM ofm_roles
WHERE has_db \gexec

SELECT count(*) || ' OFM roles/databases in place' AS result FROM ofm_roles r
JOIN pg_database d ON d.datname = r.name JOIN pg_roles o ON o.oid = d.datdba AND o.rolname = r.name;
