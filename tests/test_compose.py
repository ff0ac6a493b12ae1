"""docker-compose.yml, Dockerfile and docker/ checked for structure (no Docker engine here):
services, health checks, start order, files referenced, settings consistent, the celery profile."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CORE = ["airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer"]
CELERY = ["redis", "airflow-worker"]
IMAGE_ROOT = "/opt/diplowatch"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (REPO / "Dockerfile").read_text(encoding="utf-8")


def _default(value: str) -> str:
    """Resolve ${VAR:-default} interpolations to their defaults."""
    return re.sub(r"\$\{[A-Z_0-9]+:-([^}]*)\}", r"\1", value)


def _variables(value: str) -> set[str]:
    return set(re.findall(r"\$\{([A-Z_0-9]+)", value))


def test_services_and_profiles(compose):
    services = compose["services"]
    assert set(services) == {"postgres", "airflow-init", *CORE, *CELERY}
    for name, service in services.items():
        profiles = service.get("profiles", [])
        assert profiles == (["celery"] if name in CELERY else []), name
    assert services["airflow-worker"]["command"] == "celery worker"
    assert "profiles" not in services["postgres"]


def test_health_checks_and_start_order(compose):
    services = compose["services"]
    for name, service in services.items():
        if name == "airflow-init":
            assert service["restart"] == "no"
            continue
        check = service.get("healthcheck", {})
        assert check.get("test") and check.get("interval"), f"{name} has no health check"
    for name in [*CORE, "airflow-init", "airflow-worker"]:
        depends = services[name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy", name
    for name in [*CORE, "airflow-worker"]:
        depends = services[name]["depends_on"]
        assert depends["airflow-init"]["condition"] == "service_completed_successfully", name
    worker = services["airflow-worker"]["depends_on"]
    assert worker["redis"]["condition"] == "service_healthy"
    assert worker["airflow-apiserver"]["condition"] == "service_healthy"
    # Nothing always started may wait on a service only the celery profile starts.
    for name, service in services.items():
        if name not in CELERY:
            assert not set(service.get("depends_on", {})) & set(CELERY), name
    # Every dependency is a service of this file.
    for name, service in services.items():
        assert set(service.get("depends_on", {})) <= set(services), name


def test_init_migrates_both_databases(compose):
    init = compose["services"]["airflow-init"]
    script = "\n".join(init["command"]) if isinstance(init["command"], list) else init["command"]
    assert "airflow db migrate" in script and "diplowatch db upgrade" in script
    assert script.index("airflow db migrate") < script.index("diplowatch db upgrade")
    assert "set -euo pipefail" in script


def test_every_referenced_file_exists(compose, dockerfile):
    for name, service in compose["services"].items():
        if "build" in service:
            context = service["build"] if isinstance(service["build"], str) else service["build"]
            context = context if isinstance(context, str) else context["context"]
            assert (REPO / context / "Dockerfile").is_file(), name
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                assert (REPO / source).exists(), f"{name}: {source} does not exist"
    for line in dockerfile.splitlines():
        if line.startswith("COPY"):
            parts = [p for p in line.split()[1:] if not p.startswith("--")]
            for source in parts[:-1]:
                assert (REPO / source).exists(), f"Dockerfile copies missing {source}"
    init_script = REPO / "docker" / "postgres-init.sh"
    assert init_script.stat().st_mode & 0o111, "the Postgres init script must be executable"


def test_paths_inside_the_image_exist_in_the_repo(compose, dockerfile):
    env = compose["x-airflow-common"]["environment"]
    for key in ("AIRFLOW__CORE__DAGS_FOLDER", "DIPLOWATCH_FEEDS"):
        path = _default(env[key])
        assert path.startswith(IMAGE_ROOT + "/"), key
        assert (REPO / path[len(IMAGE_ROOT) + 1 :]).exists(), f"{key}: {path}"
    assert f"ENV AIRFLOW__CORE__DAGS_FOLDER={env['AIRFLOW__CORE__DAGS_FOLDER']}" in dockerfile
    assert "-e /opt/diplowatch" in dockerfile  # editable: the plugin entry point resolves


def test_settings_are_consistent(compose, dockerfile):
    env = compose["x-airflow-common"]["environment"]
    postgres = compose["services"]["postgres"]["environment"]
    # The diplowatch URL is built from the same variables that create its database.
    url = env["DIPLOWATCH_DB_URL"]
    assert _variables(url) == {"DIPLOWATCH_DB_USER", "DIPLOWATCH_DB_PASSWORD", "DIPLOWATCH_DB_NAME"}
    for key in ("DIPLOWATCH_DB_USER", "DIPLOWATCH_DB_PASSWORD", "DIPLOWATCH_DB_NAME"):
        assert f"${{{key}" in postgres[key]
    assert _default(url) == "postgresql://diplowatch:diplowatch@postgres:5432/diplowatch"
    script = (REPO / "docker" / "postgres-init.sh").read_text(encoding="utf-8")
    for key in ("DIPLOWATCH_DB_USER", "DIPLOWATCH_DB_PASSWORD", "DIPLOWATCH_DB_NAME"):
        assert key in script
    # Airflow's metadata lives in its own database on the same server.
    metadata = _default(env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"])
    assert metadata.endswith("@postgres:5432/airflow") and postgres["POSTGRES_DB"] == "airflow"
    assert _default(postgres["POSTGRES_PASSWORD"]) in metadata
    # The same DIPLOWATCH_* variables the CLI reads; the schedule default matches the DAG's.
    for key in (
        "DIPLOWATCH_DB_URL",
        "DIPLOWATCH_FEEDS",
        "DIPLOWATCH_ALERTS",
        "DIPLOWATCH_SCHEDULE",
    ):
        assert key in env
    assert _default(env["DIPLOWATCH_SCHEDULE"]) == "*/15 * * * *"
    # The executor defaults to Local; the celery profile's broker is its redis service.
    assert _default(env["AIRFLOW__CORE__EXECUTOR"]) == "LocalExecutor"
    assert "AIRFLOW_EXECUTOR" in _variables(env["AIRFLOW__CORE__EXECUTOR"])
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://:@redis:6379/")
    assert (
        env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    )
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"]  # shared by every component


def test_image_matches_the_pinned_airflow(dockerfile):
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in pyproject["dependency-groups"]["dev"] if d.startswith("apache-airflow==")]
    (pin,) = pins
    version = pin.split("==")[1]
    assert f"FROM apache/airflow:{version}" in dockerfile
    assert f"ARG AIRFLOW_VERSION={version}" in dockerfile
    assert "apache/airflow" in dockerfile and "USER airflow" in dockerfile
