"""The Airflow DAGs for real: a DagBag parse, and `dag.test()` of the ingest DAG over the local
test site into SQLite and Postgres, re-run to show that nothing is stored twice.

Airflow reads its configuration when first imported, so Airflow runs in child processes
with an AIRFLOW_HOME (and SQLite metadata database, migrated once per session) under tmp;
this test process never imports airflow. The child prints one JSON line prefixed RESULT.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline import db
from tests.test_alerts_support import Receiver, write_alerts

REPO = Path(__file__).resolve().parents[1]
DAGS = REPO / "dags"
PYTHON = sys.executable
AIRFLOW = str(Path(sys.executable).with_name("airflow"))
DAG_IDS = {"diplowatch_ingest", "diplowatch_alerts", "diplowatch_maintenance"}
EVENTS_URI = "diplowatch://events/"
# EVENTS.md, the seed article: the labelled (type, source, target) triples.
SEED_TRIPLES = {
    ("AGREE", "RUS", "USA"),
    ("REJECT", "USA", "RUS"),
    ("ACCUSE", "USA", "RUS"),
    ("ACCUSE", "RUS", "USA"),
    ("THREATEN", "USA", "RUS"),
}


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory) -> Path:
    """An AIRFLOW_HOME with a migrated SQLite metadata database, made once per session."""
    home = tmp_path_factory.mktemp("airflow-home")
    (home / "plugins").mkdir()
    done = subprocess.run(
        [AIRFLOW, "db", "migrate"],
        env=airflow_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return home


def airflow_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of an Airflow child process: nothing inherited from the developer's
    AIRFLOW_* or DIPLOWATCH_* variables, tasks that fail fast (no retries)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "DIPLOWATCH_"))}
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(DAGS),
        AIRFLOW__CORE__PLUGINS_FOLDER=str(home / "plugins"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home / 'airflow.db'}",
        DIPLOWATCH_TASK_RETRIES="0",
    )
    if os.environ.get("DIPLOWATCH_SHARED"):
        env["DIPLOWATCH_SHARED"] = os.environ["DIPLOWATCH_SHARED"]
    env.update(extra)
    return env


def run_child(script: str, args: list[str], env: dict[str, str], cwd: Path) -> dict:
    done = subprocess.run(
        [PYTHON, "-c", script, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
    )
    # The child's whole log stays next to the test's files, for when an assertion fails.
    (cwd / "airflow-child.log").write_text(done.stdout + "\n" + done.stderr, encoding="utf-8")
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, (done.stdout[-4000:], done.stderr[-6000:])
    return json.loads(lines[-1][len("RESULT ") :])


# --- parsing -----------------------------------------------------------------------------

PARSE_SCRIPT = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from airflow.dag_processing.dagbag import BundleDagBag
imported = time.perf_counter()
before = set(sys.modules)
dags = Path(sys.argv[1])
bag = BundleDagBag(dag_folder=dags, bundle_path=dags, bundle_name="dags-folder")
parsed = time.perf_counter()
heavy = [m for m in ("spacy", "trafilatura", "pipeline.detect", "pipeline.runner", "pipeline.db",
                     "pipeline.feeds", "pipeline.extract", "httpx")
         if m in set(sys.modules) - before]
out = {
    "import_errors": {str(k): str(v) for k, v in bag.import_errors.items()},
    "parse_seconds": round(parsed - imported, 3),
    "file_seconds": {Path(s.file).name: s.duration.total_seconds() for s in bag.dagbag_stats},
    "heavy_modules": heavy,
    "dags": {},
}
for dag in bag.dags.values():
    out["dags"][dag.dag_id] = {
        "catchup": dag.catchup,
        "max_active_runs": dag.max_active_runs,
        "timetable": type(dag.timetable).__name__,
        "cron": getattr(dag.timetable, "expression", None)
            or getattr(getattr(dag.timetable, "timetable", None), "expression", None),
        "schedule_assets": sorted(a.uri for a in dag.timetable.asset_condition.objects)
            if getattr(dag.timetable, "asset_condition", None) is not None else [],
        "tasks": {
            t.task_id: {
                "retries": t.retries,
                "backoff": t.retry_exponential_backoff,
                "timeout": t.execution_timeout.total_seconds() if t.execution_timeout else None,
                "outlets": sorted(getattr(o, "uri", "") for o in t.outlets),
                "mapped": "MappedOperator" in type(t).__name__,
            }
            for t in dag.tasks
        },
    }
print("RESULT " + json.dumps(out))
"""


def test_dagbag_parses_the_three_dags(airflow_home, tmp_path):
    result = run_child(
        PARSE_SCRIPT,
        [str(DAGS)],
        airflow_env(airflow_home, DIPLOWATCH_DB_URL="postgresql://nobody@127.0.0.1:1/none"),
        tmp_path,
    )
    print(
        f"\nDAG parse time: {result['parse_seconds']:.3f}s for the dags folder; per file: "
        f"{result['file_seconds']}"
    )
    assert result["import_errors"] == {}
    assert set(result["dags"]) == DAG_IDS
    # Parsing loads no NLP, no HTTP client of ours and no database code (and reaches no database:
    # the URL above points nowhere).
    assert result["heavy_modules"] == []
    for dag_id, dag in result["dags"].items():
        assert dag["catchup"] is False and dag["max_active_runs"] == 1, dag_id
        for task_id, task in dag["tasks"].items():
            assert task["retries"] == 0, (dag_id, task_id)  # DIPLOWATCH_TASK_RETRIES=0 here
            assert task["backoff"] == 2.0 and task["timeout"], (dag_id, task_id)

    ingest = result["dags"]["diplowatch_ingest"]
    assert ingest["cron"] == "*/15 * * * *"
    assert ingest["tasks"]["fetch_feed_batch"]["mapped"]
    assert ingest["tasks"]["fetch_article_batch"]["mapped"]
    assert ingest["tasks"]["publish_new_records"]["outlets"] == [EVENTS_URI]
    alerts = result["dags"]["diplowatch_alerts"]
    assert alerts["timetable"] == "AssetOrTimeSchedule"
    assert alerts["schedule_assets"] == [EVENTS_URI] and alerts["cron"] == "0 * * * *"


def test_defaults_retry_and_schedule_from_the_environment(airflow_home, tmp_path):
    result = run_child(
        PARSE_SCRIPT,
        [str(DAGS)],
        {
            **airflow_env(airflow_home, DIPLOWATCH_SCHEDULE="5 * * * *"),
            "DIPLOWATCH_TASK_RETRIES": "3",
        },
        tmp_path,
    )
    ingest = result["dags"]["diplowatch_ingest"]
    assert ingest["cron"] == "5 * * * *"
    assert {t["retries"] for t in ingest["tasks"].values()} == {3}


# --- running -----------------------------------------------------------------------------

DAG_TEST_SCRIPT = """
import datetime as dt, json, sys, time
from pathlib import Path
import sqlalchemy as sa
from airflow.dag_processing.dagbag import BundleDagBag
from airflow.models.asset import AssetEvent, AssetModel
from airflow.models.xcom import XComModel
from airflow.utils.session import create_session
from pipeline import db

dags, db_url = Path(sys.argv[1]), sys.argv[2]
bag = BundleDagBag(dag_folder=dags, bundle_path=dags, bundle_name="dags-folder")
WHEN = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
TABLES = ("feeds", "articles", "events", "event_mentions", "statements", "statement_mentions",
          "deliveries")

def counts():
    with db.get_engine(db_url).connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}

with create_session() as session:  # the metadata database outlives one test: count from here
    BASELINE = session.scalar(sa.select(sa.func.max(AssetEvent.id))) or 0

def asset_events():
    with create_session() as session:
        rows = session.execute(
            sa.select(AssetEvent.extra, AssetEvent.source_task_id)
            .join(AssetModel, AssetModel.id == AssetEvent.asset_id)
            .where(AssetModel.uri == "diplowatch://events/", AssetEvent.id > BASELINE)
            .order_by(AssetEvent.id)
        ).all()
    return [{"extra": extra, "task": task} for extra, task in rows]

def returned(dag_run, task_id):
    with create_session() as session:
        value = session.scalar(sa.select(XComModel.value).where(
            XComModel.dag_id == dag_run.dag_id, XComModel.run_id == dag_run.run_id,
            XComModel.task_id == task_id, XComModel.key == "return_value"))
    return XComModel.deserialize_value(type("R", (), {"value": value})()) if value is not None else None

def runs():
    with db.get_engine(db_url).connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT trigger, status, feeds_ok, feeds_not_modified, articles_new, articles_detected,"
            " events_new FROM runs ORDER BY id")).all()
    return [list(r) for r in rows]

def run(dag_id, step):
    started = time.perf_counter()
    dag_run = bag.get_dag(dag_id).test(logical_date=WHEN)
    seconds = time.perf_counter() - started
    with create_session() as session:
        tis = dag_run.get_task_instances(session=session)
        states = {f"{ti.task_id}[{ti.map_index}]": str(ti.state) for ti in tis}
    return {"step": step, "dag": dag_id, "state": str(dag_run.state), "seconds": round(seconds, 2),
            "tasks": states, "counts": counts(), "runs": runs(), "asset_events": asset_events(),
            "returned": {t: returned(dag_run, t) for t in
                         ("detect_and_store", "deliver_alerts", "feed_health_report",
                          "purge_raw_html", "select_waiting_articles")}}

steps = [run("diplowatch_ingest", "first")]
# The same run again: the feeds are not due yet, nothing waits; nothing may be added.
steps.append(run("diplowatch_ingest", "rerun"))
# And once more with every step redone on the same inputs: feeds due again with no
# validators (a full 200 fetch), every article back to `new` (fetched, extracted and
# detected again). Retried tasks do exactly this.
with db.session_scope(db_url) as session:
    session.execute(sa.text(
        "UPDATE feeds SET next_due_at = NULL, etag = NULL, last_modified = NULL"))
    session.execute(sa.text("UPDATE articles SET state = 'new', attempts = 0"))
steps.append(run("diplowatch_ingest", "redo"))
steps.append(run("diplowatch_alerts", "alerts"))
steps.append(run("diplowatch_maintenance", "maintenance"))
print("RESULT " + json.dumps(steps, default=str))
"""


def _seed_triples(db_url: str, seed_url: str) -> set[tuple[str, str, str]]:
    query = sa.text(
        "SELECT DISTINCT e.type, e.source_country, e.target_country FROM events e "
        "JOIN event_mentions m ON m.event_id = e.id JOIN articles a ON a.id = m.article_id "
        "WHERE a.url = :url"
    )
    with db.get_engine(db_url).connect() as conn:
        return {tuple(row) for row in conn.execute(query, {"url": seed_url})}


def test_ingest_dag_run_stores_the_seed_events_once(airflow_home, db_url, site, tmp_path):
    feeds_file = site.write_feeds_file(tmp_path, ["world"])
    decoy = tmp_path / "decoy.db"
    receiver = Receiver()
    alerts_file = write_alerts(
        tmp_path,
        f"channels:\n  - {{name: hook, type: webhook, url: '{receiver.url}'}}\n"
        "rules:\n  - {name: all, channels: [hook]}\n",
    )
    env = airflow_env(
        airflow_home,
        DIPLOWATCH_FEEDS=str(feeds_file),
        DIPLOWATCH_ALERTS=str(alerts_file),
        DIPLOWATCH_ALLOW_PRIVATE_HOSTS="1",
        DIPLOWATCH_HTTP_TIMEOUT="10",
    )
    if db_url.startswith("sqlite"):
        env["DIPLOWATCH_DB_URL"] = db_url
    else:
        # Postgres through the Airflow connection, which wins over DIPLOWATCH_DB_URL.
        env["AIRFLOW_CONN_DIPLOWATCH_DB"] = db_url
        env["DIPLOWATCH_DB_URL"] = f"sqlite:///{decoy}"
    started = time.perf_counter()
    with receiver:
        first, rerun, redo, alerts, maintenance = run_child(
            DAG_TEST_SCRIPT, [str(DAGS), db_url], env, tmp_path
        )
    print(
        f"\ningest dag.test() wall time ({db_url.split(':')[0]}): first {first['seconds']}s, "
        f"rerun {rerun['seconds']}s, redo {redo['seconds']}s; "
        f"child process in all {time.perf_counter() - started:.1f}s"
    )
    assert not decoy.exists()

    # The first run: every task succeeded, one mapped instance per batch.
    assert first["state"] == "success", first["tasks"]
    assert set(first["tasks"].values()) == {"success"}, first["tasks"]
    assert "fetch_feed_batch[0]" in first["tasks"] and "fetch_article_batch[0]" in first["tasks"]
    assert first["counts"]["feeds"] == 1 and first["counts"]["articles"] == 4
    detected = first["returned"]["detect_and_store"]
    assert detected["articles_detected"] == 4 and detected["articles_relevant"] >= 1
    assert detected["events_new"] == first["counts"]["events"] > 0
    assert len(detected["event_ids"]) == detected["events_new"]

    # The seed article was detected and its labelled events arrived.
    seed_url = site.article_url("seed")
    with db.get_engine(db_url).connect() as conn:
        state, relevant = conn.execute(
            sa.text("SELECT state, relevant FROM articles WHERE url = :u"), {"u": seed_url}
        ).one()
    assert state == "detected" and relevant
    found = _seed_triples(db_url, seed_url)
    assert len(found & SEED_TRIPLES) >= 3, found
    assert ("REJECT", "USA", "RUS") in found, found  # the story's headline event

    # One asset event, carrying the counts.
    (published,) = first["asset_events"]
    assert published["task"] == "publish_new_records"
    assert published["extra"]["events_new"] == detected["events_new"]
    assert published["extra"]["statements_new"] == detected["statements_new"]

    # The pass is recorded in `runs`, as a CLI pass is.
    assert first["runs"] == [
        ["airflow", "ok", 1, 0, 4, 4, detected["events_new"]],
    ]

    # The rerun: nothing due, nothing waiting; mapped tasks skipped, no asset event.
    assert rerun["state"] == "success", rerun["tasks"]
    assert rerun["counts"] == first["counts"]
    assert rerun["tasks"]["fetch_feed_batch[-1]"] == "skipped"
    assert rerun["tasks"]["fetch_article_batch[-1]"] == "skipped"
    assert rerun["tasks"]["publish_new_records[-1]"] == "skipped"
    assert rerun["returned"]["detect_and_store"]["articles_detected"] == 0
    assert len(rerun["asset_events"]) == 1
    assert rerun["runs"][1] == ["airflow", "ok", 0, 0, 0, 0, 0]

    # Everything redone on the same inputs: the same rows, and the same seed events.
    assert redo["state"] == "success", redo["tasks"]
    assert redo["returned"]["detect_and_store"]["articles_detected"] == 4
    assert redo["counts"] == first["counts"]
    assert _seed_triples(db_url, seed_url) == found

    # Every new record queued one alert with it; the alerts DAG delivered them all, once.
    records = first["counts"]["events"] + first["counts"]["statements"]
    assert first["counts"]["deliveries"] == records
    assert alerts["state"] == "success", alerts["tasks"]
    assert alerts["returned"]["deliver_alerts"]["sent"] == records
    assert len(receiver.ids()) == len(set(receiver.ids())) == records
    with db.get_engine(db_url).connect() as conn:
        statuses = conn.execute(sa.text("SELECT DISTINCT status FROM deliveries")).scalars().all()
    assert statuses == ["sent"]

    # The maintenance DAG runs against the same database.
    assert maintenance["state"] == "success", maintenance["tasks"]
    (health,) = maintenance["returned"]["feed_health_report"]
    assert health["name"] == "site-world" and health["consecutive_failures"] == 0
    assert maintenance["returned"]["purge_raw_html"] == 0  # the pages are fresh
    assert maintenance["counts"] == first["counts"]
