"""Scale-out settings for Airflow: the celery profile runs one task per core on each worker,
every Airflow container learns how many mapped tasks of a run may run at once, and the ingest
DAG's mapped extraction and detection tasks take that number (no Docker engine here: the
compose file is read as data, the DAG parsed by Airflow's DagBag in a child process)."""

from __future__ import annotations

import re

import yaml

from tests.test_compose import REPO
from tests.test_dags import DAGS, airflow_env, airflow_home, run_child  # noqa: F401

PARSE = """
import json, sys
from pathlib import Path
from airflow.dag_processing.dagbag import BundleDagBag
dags = Path(sys.argv[1])
bag = BundleDagBag(dag_folder=dags, bundle_path=dags, bundle_name="dags-folder")
dag = bag.dags["diplowatch_ingest"]
print("RESULT " + json.dumps({
    "errors": {str(k): str(v) for k, v in bag.import_errors.items()},
    "tasks": {t.task_id: {"mapped": "MappedOperator" in type(t).__name__,
                          "limit": t.max_active_tis_per_dagrun} for t in dag.tasks},
    "order": [t.task_id for t in dag.topological_sort()],
}))
"""


def _default(value: str) -> str:
    return re.sub(r"\$\{[A-Z_0-9]+:-([^}]*)\}", r"\1", value)


def test_celery_workers_run_one_task_per_core_and_share_the_task_limit():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    worker = compose["services"]["airflow-worker"]
    assert worker["profiles"] == ["celery"]
    concurrency = worker["environment"]["AIRFLOW__CELERY__WORKER_CONCURRENCY"]
    assert "AIRFLOW_WORKER_CONCURRENCY" in concurrency and int(_default(concurrency)) >= 1
    # Every Airflow container (scheduler, workers) reads the same task limit.
    common = compose["x-airflow-common"]["environment"]
    assert int(_default(common["DIPLOWATCH_PARALLEL_TASKS"])) >= 2
    assert int(_default(common["AIRFLOW__CORE__PARALLELISM"])) >= int(
        _default(common["DIPLOWATCH_PARALLEL_TASKS"])
    )
    scaling = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    assert "--profile celery up -d --scale airflow-worker=" in scaling
    assert "AIRFLOW_WORKER_CONCURRENCY" in scaling and "DIPLOWATCH_PARALLEL_TASKS" in scaling


def test_mapped_extraction_and_detection_take_the_task_limit(airflow_home, tmp_path):  # noqa: F811
    result = run_child(
        PARSE, [str(DAGS)], airflow_env(airflow_home, DIPLOWATCH_PARALLEL_TASKS="6"), tmp_path
    )
    assert result["errors"] == {}
    tasks = result["tasks"]
    for task_id in ("fetch_feed_batch", "fetch_article_batch", "detect_article_batch"):
        assert tasks[task_id] == {"mapped": True, "limit": 6}, task_id
    assert not tasks["detect_and_store"]["mapped"]
    order = result["order"]
    assert order.index("fetch_article_batch") < order.index("select_extracted_articles")
    assert order.index("detect_article_batch") < order.index("detect_and_store")
