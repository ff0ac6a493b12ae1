#!/usr/bin/env bash
# Runs once, when the Postgres volume is first created (docker-entrypoint-initdb.d):
# a database and owner for diplowatch's records, beside Airflow's metadata database.
set -euo pipefail

: "${DIPLOWATCH_DB_USER:?set DIPLOWATCH_DB_USER}"
: "${DIPLOWATCH_DB_PASSWORD:?set DIPLOWATCH_DB_PASSWORD}"
: "${DIPLOWATCH_DB_NAME:?set DIPLOWATCH_DB_NAME}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v user="$DIPLOWATCH_DB_USER" -v password="$DIPLOWATCH_DB_PASSWORD" \
    -v dbname="$DIPLOWATCH_DB_NAME" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"dbname" OWNER :"user";
REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
SQL
echo "created database ${DIPLOWATCH_DB_NAME} owned by ${DIPLOWATCH_DB_USER}"
