"""docker-compose.yml, Dockerfile and docker/ checked for structure (no Docker engine here):
services, health checks, start order, files referenced, settings consistent, the celery profile."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from pipeline import db
from tests.support.databases import pg_server_url

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
        if line.startswith("COPY") and "--from=" not in line:  # --from: another stage's files
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
    # The project is installed from its wheel, so only what the image copies is at /opt.
    copied = [
        line.split()[-1]
        for line in dockerfile.splitlines()
        if line.startswith("COPY") and "--from=" not in line
    ]
    for key in ("AIRFLOW__CORE__DAGS_FOLDER", "DIPLOWATCH_FEEDS"):
        path = _default(env[key])
        assert any(path == c or path.startswith(c.rstrip("/") + "/") for c in copied), key


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


def _lock_version(package: str) -> str:
    lock = tomllib.loads((REPO / "uv.lock").read_text(encoding="utf-8"))
    (version,) = [p["version"] for p in lock["package"] if p["name"] == package]
    return version


def _uv() -> str:
    uv = os.environ.get("UV") or shutil.which("uv")  # `uv run` sets UV to itself
    assert uv, "uv is needed to check the image's install (it is how the project is run)"
    return uv


def test_image_matches_the_pinned_airflow(dockerfile):
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in pyproject["dependency-groups"]["dev"] if d.startswith("apache-airflow==")]
    (pin,) = pins
    version = pin.split("==")[1]
    assert pyproject["project"]["optional-dependencies"]["airflow"] == [pin]
    assert _lock_version("apache-airflow") == version  # what the tests ran
    assert re.search(rf"^ARG AIRFLOW_VERSION={re.escape(version)}$", dockerfile, re.M)
    assert "FROM apache/airflow:${AIRFLOW_VERSION}" in dockerfile
    assert "apache/airflow" in dockerfile and "USER airflow" in dockerfile


def _run_lines(dockerfile: str) -> list[str]:
    """The Dockerfile's RUN instructions, continuation lines joined."""
    joined = re.sub(r"\\\n", " ", dockerfile)
    return [line[4:].strip() for line in joined.splitlines() if line.startswith("RUN ")]


def test_image_installs_exactly_the_lock(dockerfile, tmp_path):
    runs = _run_lines(dockerfile)
    (export,) = [r for r in runs if r.startswith("uv export")]
    assert "--frozen" in export and "--no-dev" in export
    # Every pip install takes pinned, hashed requirements or the project's own wheel, and
    # resolves nothing (--no-deps): no version can come from anywhere but uv.lock.
    installs = [part.strip() for r in runs for part in r.split("&&") if "pip install" in part]
    assert len(installs) == 2, installs
    assert all("--no-deps" in i for i in installs)
    assert (
        "--require-hashes" in installs[0]
        and "-r /tmp/diplowatch-dist/requirements.txt" in (installs[0])
    )
    assert installs[1].endswith("/tmp/diplowatch-dist/diplowatch-*.whl")
    # The same export, run here: every line pinned and hashed, Airflow's pin the image's.
    out = tmp_path / "requirements.txt"
    command = export.replace("/dist/requirements.txt", str(out)).split()
    done = subprocess.run(
        [_uv(), *command[1:], "--offline"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text[text.index("\n", text.index("--")) :].strip())
    names = {}
    for entry in entries:
        head = entry.split()[0]
        assert "==" in head and "--hash=sha256:" in entry, entry[:200]
        name, version = head.split("==")
        names[name] = version
    version = re.search(r"^ARG AIRFLOW_VERSION=(\S+)$", dockerfile, re.M)
    assert version and names["apache-airflow"] == version.group(1)
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for dependency in pyproject["project"]["dependencies"]:
        name = re.split(r"[<>=\[ ]", dependency)[0].lower().replace("_", "-")
        assert names.get(name) == _lock_version(name), name
    assert "pytest" not in names and "hypothesis" not in names  # dev tools stay out
    assert "diplowatch" not in names  # the project comes from its wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built as the image builds it (offline: hatchling is a dev tool)."""
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [_uv(), "build", "--wheel", "--offline", "--no-build-isolation", "--out-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("diplowatch-*.whl")
    return built


def test_the_wheel_carries_the_plugin_and_everything_the_package_reads(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        points = archive.read(entry_points).decode()
    assert "plugins/diplowatch_plugin.py" in names
    assert "[airflow.plugins]\ndiplowatch = plugins.diplowatch_plugin:DiplowatchPlugin" in points
    assert "diplowatch = pipeline.cli:entry" in points
    # Files the package reads at run time, not only its modules.
    for path in REPO.glob("pipeline/**/*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert path.relative_to(REPO).as_posix() in names, path
    assert not any(n.startswith(("tests/", "dags/", "benchmarks/")) for n in names)


def test_the_plugin_entry_point_loads_from_the_installed_wheel(wheel, tmp_path):
    """Installed as pip installs a pure wheel (unpacked into a directory on the path), with
    the repository off the path: the entry point must resolve from the wheel alone."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = f"""
import sys
sys.path[:] = [p for p in sys.path if p not in ({str(REPO)!r}, "")]
from importlib.metadata import distributions
(dist,) = [d for d in distributions(path=[{str(site)!r}]) if d.metadata["Name"] == "diplowatch"]
(point,) = [e for e in dist.entry_points if e.group == "airflow.plugins"]
plugin = point.load()
import plugins.diplowatch_plugin as module, pipeline
print(plugin.__name__, plugin.name, module.__file__, pipeline.__file__)
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "DIPLOWATCH_"))}
    env.update(PYTHONPATH=str(site), AIRFLOW_HOME=str(tmp_path / "airflow"))
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    cls, name, module_file, package_file = done.stdout.split()[-4:]
    assert (cls, name) == ("DiplowatchPlugin", "diplowatch")
    assert module_file.startswith(str(site)) and package_file.startswith(str(site))


# -- airflow-init waits for the databases -----------------------------------------------------


def _init_script(compose: dict) -> str:
    command = compose["services"]["airflow-init"]["command"]
    script = command[-1] if isinstance(command, list) else command
    # Compose interpolates $VAR itself; the script's own shell variables must be written $$.
    assert not re.search(r"(?<!\$)\$(?![${])", script.replace("$$", "")), "unescaped $ in init"
    return script.replace("$$", "$")


def test_postgres_is_healthy_only_when_it_answers_over_tcp(compose):
    # The first start's init script runs on a socket-only server: a socket check would pass
    # before diplowatch's database exists and airflow-init would race it.
    test = compose["services"]["postgres"]["healthcheck"]["test"]
    assert test[0] == "CMD" and test[1] == "pg_isready"
    assert "--host=127.0.0.1" in test and "--dbname=airflow" in test
    init = compose["services"]["airflow-init"]
    assert init["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert _default(init["environment"]["DIPLOWATCH_DB_WAIT_SECONDS"]).isdigit()


def _wait_part(compose: dict) -> str:
    script = _init_script(compose)
    start = script.index("set -euo pipefail")
    end = script.index('echo "migrating Airflow')
    return script[start:end] + 'echo "databases ready"\n'


def _run_wait(compose: dict, tmp_path: Path, db_url: str, seconds: int):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "DIPLOWATCH_"))}
    home = tmp_path / "airflow"
    home.mkdir(exist_ok=True)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        AIRFLOW_HOME=str(home),
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home / 'airflow.db'}",
        DIPLOWATCH_DB_URL=db_url,
        DIPLOWATCH_DB_WAIT_SECONDS=str(seconds),
    )
    return subprocess.Popen(
        ["bash", "-c", _wait_part(compose)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_init_waits_for_a_database_that_appears_late_and_gives_up_clearly(compose, tmp_path):
    """The init script's own wait loop, run by bash against the real PostgreSQL server."""
    server = pg_server_url()
    assert server, "set DIPLOWATCH_TEST_PG_URL"
    admin = sa.create_engine(
        sa.engine.make_url(db.normalize_url(server)), isolation_level="AUTOCOMMIT"
    )
    name = f"dw_test_late_{uuid.uuid4().hex[:10]}"
    url = sa.engine.make_url(db.normalize_url(server)).set(database=name)
    url_text = url.render_as_string(hide_password=False)
    try:
        waiting = _run_wait(compose, tmp_path, url_text, seconds=240)
        time.sleep(8)  # the database does not exist yet: the loop keeps trying
        assert waiting.poll() is None, waiting.communicate()
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        out, err = waiting.communicate(timeout=240)
        assert waiting.returncode == 0, err[-3000:]
        assert out.strip().endswith("databases ready")
        assert f'database "{name}" does not exist' in err  # it did try, and said why
    finally:
        db.get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    started = time.monotonic()
    never = _run_wait(compose, tmp_path, url_text, seconds=4)
    out, err = never.communicate(timeout=120)
    assert never.returncode == 1 and "databases ready" not in out
    assert "did not answer within 4s" in err and "DIPLOWATCH_DB_URL" in err
    assert time.monotonic() - started < 60
