#!/usr/bin/env bash
# Run once by the postgres image on an empty data volume (docker-compose.yml mounts this folder as
# /docker-entrypoint-initdb.d). Least privilege (docs/adr/0003, docs/adr/0004):
#   portal         owns the database and its tables, runs the migrations; not a superuser;
#   portal_app     group role of the app: DML on its tables, INSERT and SELECT only on audit_events, no DDL;
#   portal_web     the portal's login, a member of portal_app (row-level security applies to it);
#   portal_report  read-only reporting role (the rollups, no personal data); give a login membership.
# The superuser (POSTGRES_USER) is for this bootstrap and for the operator, never for the portal.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$PORTAL_OWNER_PASSWORD" -v web_password="$PORTAL_WEB_PASSWORD" <<'SQL'
CREATE ROLE portal LOGIN PASSWORD :'owner_password';
CREATE ROLE portal_app NOLOGIN;
CREATE ROLE portal_web LOGIN PASSWORD :'web_password' IN ROLE portal_app;
CREATE ROLE portal_report NOLOGIN;
CREATE DATABASE portal OWNER portal ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
REVOKE CREATE ON DATABASE portal FROM PUBLIC;
SQL
