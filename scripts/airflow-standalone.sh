#!/usr/bin/env bash
# Run diplowatch on a schedule on this machine: `airflow standalone` (api-server, scheduler,
# dag-processor and triggerer in one command, with an embedded SQLite metadata database)
# with this project's DAGs. The plugin (the diplowatch page at /diplowatch/) comes from the
# project's `airflow.plugins` entry point, so the plugins folder stays Airflow's own.
#
#   scripts/airflow-standalone.sh            then open http://localhost:8080
#
# Any DIPLOWATCH_* variable you export (DIPLOWATCH_DB_URL, DIPLOWATCH_FEEDS,
# DIPLOWATCH_ALERTS, DIPLOWATCH_SCHEDULE) reaches the tasks unchanged.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${VIRTUAL_ENV:-$repo/.venv}"

export AIRFLOW_HOME="${AIRFLOW_HOME:-$repo/airflow_home}"
export AIRFLOW__CORE__DAGS_FOLDER="$repo/dags"
export AIRFLOW__CORE__PLUGINS_FOLDER="$AIRFLOW_HOME/plugins"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=False
# The records default to a SQLite file beside Airflow's own database.
export DIPLOWATCH_DB_URL="${DIPLOWATCH_DB_URL:-sqlite:///$AIRFLOW_HOME/diplowatch.db}"

# standalone starts each component as an `airflow` subprocess, found on PATH.
export PATH="$venv/bin:$PATH"

mkdir -p "$AIRFLOW__CORE__PLUGINS_FOLDER"
echo "AIRFLOW_HOME=$AIRFLOW_HOME; records in $DIPLOWATCH_DB_URL"
echo "the admin password is printed below and kept in $AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
exec "$venv/bin/airflow" standalone
