"""The Airflow DAGs on a new database and beside a running pass, with `dag.test()` in a child
process (as tests/test_dags.py runs them), on SQLite and PostgreSQL.

- The first runs of `diplowatch_alerts` and `diplowatch_maintenance` on a database no pass
  has touched create the schema instead of failing with `no such table`.
- While another pass holds the database's pass lock, the ingest DAG reads no feed: its
  feed-reading tasks are skipped, saying why, and the run does not fail.
"""

from __future__ import annotations

from pipeline import db
from pipeline.locks import pass_lock
from tests.test_dags import DAGS, airflow_env, airflow_home, run_child  # noqa: F401

FIRST_RUNS_SCRIPT = """
import datetime as dt, json, sys
from pathlib import Path
from airflow.dag_processing.dagbag import BundleDagBag
from airflow.utils.session import create_session

dags = Path(sys.argv[1])
bag = BundleDagBag(dag_folder=dags, bundle_path=dags, bundle_name="dags-folder")
WHEN = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.timezone.utc)

def run(dag_id):
    dag_run = bag.get_dag(dag_id).test(logical_date=WHEN)
    with create_session() as session:
        tis = dag_run.get_task_instances(session=session)
        states = {f"{ti.task_id}[{ti.map_index}]": str(ti.state) for ti in tis}
    return {"state": str(dag_run.state), "tasks": states}

print("RESULT " + json.dumps({d: run(d) for d in sys.argv[2:]}))
"""


def test_first_alerts_and_maintenance_runs_on_a_new_database_create_the_schema(
    airflow_home,  # noqa: F811
    db_url,
    tmp_path,
):
    env = airflow_env(airflow_home, DIPLOWATCH_DB_URL=db_url)
    result = run_child(
        FIRST_RUNS_SCRIPT,
        [str(DAGS), "diplowatch_alerts", "diplowatch_maintenance"],
        env,
        tmp_path,
    )
    log = (tmp_path / "airflow-child.log").read_text(encoding="utf-8")
    assert "no such table" not in log and "does not exist" not in log
    alerts, maintenance = result["diplowatch_alerts"], result["diplowatch_maintenance"]
    # No alerts file: the delivery task is skipped (saying so), not failed.
    assert alerts["state"] == "success", alerts["tasks"]
    assert alerts["tasks"] == {"deliver_alerts[-1]": "skipped"}
    assert "no alerts file" in log
    assert maintenance["state"] == "success", maintenance["tasks"]
    tasks = maintenance["tasks"]
    for task in ("feed_health_report[-1]", "redetect_articles[-1]", "purge_raw_html[-1]"):
        assert tasks[task] == "success", tasks
    assert db.current_revision(db_url) == db.head_revision()


def test_the_ingest_dag_reads_no_feed_while_a_pass_holds_the_lock(
    airflow_home,  # noqa: F811
    db_url,
    site,
    tmp_path,
):
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    env = airflow_env(
        airflow_home,
        DIPLOWATCH_DB_URL=db_url,
        DIPLOWATCH_FEEDS=str(feeds),
        DIPLOWATCH_ALLOW_PRIVATE_HOSTS="1",
    )
    with pass_lock(db_url):
        result = run_child(FIRST_RUNS_SCRIPT, [str(DAGS), "diplowatch_ingest"], env, tmp_path)
    log = (tmp_path / "airflow-child.log").read_text(encoding="utf-8")
    ingest = result["diplowatch_ingest"]
    assert ingest["state"] == "success", ingest["tasks"]
    assert ingest["tasks"]["select_due_feeds[-1]"] == "skipped", ingest["tasks"]
    assert "failed" not in ingest["tasks"].values()
    assert "a pass is already running" in log and db.safe_url(db_url) in log
    assert site.requests == []  # no feed was read
