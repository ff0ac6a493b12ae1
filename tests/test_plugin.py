"""The Airflow plugin: real `airflow plugins` and Airflow's own api-server app, in subprocesses.

Airflow reads its configuration when first imported, so everything Airflow runs in a child
process with its own AIRFLOW_HOME under tmp_path; this test process never imports airflow.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from pipeline import db
from pipeline.schema import Event

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
AIRFLOW = str(Path(sys.executable).with_name("airflow"))


def airflow_env(home: Path, plugins: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "DIPLOWATCH_"))}
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__PLUGINS_FOLDER=str(plugins),
        AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "dags"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home / 'airflow.db'}",
        **extra,
    )
    return env


def plugins_listing(tmp_path: Path, plugins: Path) -> list[dict]:
    home = tmp_path / "airflow"
    home.mkdir(exist_ok=True)
    done = subprocess.run(
        [AIRFLOW, "plugins", "--output", "json"],
        env=airflow_env(home, plugins),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # The JSON document is the last line; log lines may come before it.
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check_diplowatch(listing: list[dict]) -> dict:
    found = [p for p in listing if p["name"] == "diplowatch"]
    assert len(found) == 1, listing
    plugin = found[0]
    assert plugin["fastapi_apps"] == [
        {
            "app": "fastapi.applications.FastAPI",
            "url_prefix": "/diplowatch",
            "name": "diplowatch: events and statements",
        }
    ]
    (view,) = plugin["external_views"]
    assert view["href"] == "/diplowatch/" and view["destination"] == "nav"
    assert view["url_route"] == "diplowatch"
    return plugin


def test_plugin_loads_from_the_plugins_folder(tmp_path):
    plugin = _check_diplowatch(plugins_listing(tmp_path, REPO / "plugins"))
    assert plugin["source"] == "$PLUGINS_FOLDER/diplowatch_plugin.py"


def test_plugin_loads_from_the_entry_point(tmp_path):
    """Installed (editable, as in the venv and the Docker image), the package's entry point
    registers the plugin with an empty plugins folder."""
    empty = tmp_path / "no-plugins"
    empty.mkdir()
    plugin = _check_diplowatch(plugins_listing(tmp_path, empty))
    assert "plugins.diplowatch_plugin:DiplowatchPlugin" in plugin["source"]


SERVE_SCRIPT = """
import json
from fastapi.testclient import TestClient
from airflow.api_fastapi.app import create_app, get_auth_manager
from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser

client = TestClient(create_app())
login = get_auth_manager().generate_jwt(SimpleAuthManagerUser(username="admin", role="admin"))
answers = {}
for who, headers, cookies in (
    ("anonymous", {}, {}),
    ("forged", {"Authorization": "Bearer not-a-jwt"}, {"_token": "not-a-jwt"}),
    ("airflow-cookie", {}, {"_token": login}),
    ("airflow-bearer", {"Authorization": "Bearer " + login}, {}),
):
    client.cookies.clear()
    for name, value in cookies.items():
        client.cookies.set(name, value)
    for path in ("/diplowatch/health", "/diplowatch/events?type=REJECT", "/diplowatch/"):
        response = client.get(path, headers=headers)
        body = response.json() if "json" in response.headers["content-type"] else response.text
        answers[who + " " + path] = [response.status_code, body]
print(json.dumps(answers))
"""


def test_airflow_api_server_serves_the_app_to_airflow_users_only(tmp_path, sqlite_url):
    """Airflow's own FastAPI application (what `airflow api-server` runs) answers under
    /diplowatch from the database named by DIPLOWATCH_DB_URL, to requests that carry an
    Airflow login (cookie or bearer JWT); anonymous and forged ones get 401."""
    db.upgrade(sqlite_url)
    with db.session_scope(sqlite_url) as session:
        session.add(
            Event(
                type="REJECT",
                source_name="United States",
                source_country="USA",
                target_name="Russia",
                target_country="RUS",
                event_date=dt.date(2021, 3, 22),
                confidence=0.9,
                sentence="Washington declined the offer <of a call>.",
                mention_count=0,
            )
        )
    home = tmp_path / "airflow"
    home.mkdir()
    # Airflow's own middleware reads its metadata database for every login it sees
    migrated = subprocess.run(
        [AIRFLOW, "db", "migrate"],
        env=airflow_env(home, REPO / "plugins"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    done = subprocess.run(
        [PYTHON, "-c", SERVE_SCRIPT],
        env=airflow_env(home, REPO / "plugins", DIPLOWATCH_DB_URL=sqlite_url),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answers = json.loads(done.stdout.strip().splitlines()[-1])
    for who in ("anonymous", "forged"):
        assert answers[f"{who} /diplowatch/health"][0] == 401
        assert answers[f"{who} /diplowatch/events?type=REJECT"][0] == 401
        status, page = answers[f"{who} /diplowatch/"]
        assert status == 401 and "declined" not in page and "sign in to Airflow" in page
    for who in ("airflow-cookie", "airflow-bearer"):
        status, health = answers[f"{who} /diplowatch/health"]
        assert status == 200 and health["counts"]["events"] == 1
        status, events = answers[f"{who} /diplowatch/events?type=REJECT"]
        assert status == 200 and [e["source"]["country"] for e in events["items"]] == ["USA"]
        status, page = answers[f"{who} /diplowatch/"]
        assert status == 200 and "declined the offer &lt;of a call&gt;" in page


def test_plugin_module_imports_without_touching_a_database(tmp_path):
    """Loading the plugin builds the app but opens no database (the file must not appear)."""
    home = tmp_path / "airflow"
    home.mkdir()
    target = tmp_path / "never.db"
    done = subprocess.run(
        [PYTHON, "-c", "import plugins.diplowatch_plugin"],
        env=airflow_env(home, REPO / "plugins", DIPLOWATCH_DB_URL=f"sqlite:///{target}"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert not target.exists()
