"""The ingest DAG under a real scheduler with the LocalExecutor: its mapped extraction and
detection tasks run at the same time, and together they store every article once.

Airflow runs as it does in production, in child processes: `airflow api-server` (the task
execution API), `airflow dag-processor` and `airflow scheduler` with LocalExecutor, over a
SQLite metadata database under tmp. The DAG is not paused at creation, so the scheduler
starts its latest interval by itself. The test process serves the news site and reads the
task instances' start and end times from the metadata database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path

import sqlalchemy as sa

from pipeline import db
from tests.test_claims import _serve_stories
from tests.test_dags import AIRFLOW, DAGS, airflow_env, airflow_home  # noqa: F401 - the fixture

ARTICLES = 80  # four mapped batches of 25 (ARTICLES_PER_TASK, and for detection set below)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop(process: subprocess.Popen) -> None:
    """Stop an Airflow component and whatever it started; a busy machine may need a while."""
    for sig, patience in ((signal.SIGTERM, 60), (signal.SIGKILL, 30)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(patience)
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise AssertionError(f"the Airflow API server did not answer at {url}")


def _overlapping(intervals: list[tuple[float, float]]) -> int:
    """The most intervals running at one moment."""
    edges = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    running = most = 0
    for _, step in edges:
        running += step
        most = max(most, running)
    return most


def _instances(metadata: Path, task_id: str) -> list[tuple[str, float, float]]:
    with sqlite3.connect(metadata) as conn:
        rows = conn.execute(
            "SELECT state, start_date, end_date FROM task_instance "
            "WHERE dag_id = 'diplowatch_ingest' AND task_id = ? AND map_index >= 0",
            (task_id,),
        ).fetchall()

    def seconds(value: str | None) -> float:
        if not value:
            return 0.0
        from datetime import datetime

        return datetime.fromisoformat(value.replace(" ", "T")).timestamp()

    return [(state, seconds(start), seconds(end)) for state, start, end in rows]


def test_mapped_tasks_run_in_parallel_under_the_local_executor(
    airflow_home,  # noqa: F811 - the fixture imported above
    site,
    tmp_path,
):
    feeds = _serve_stories(site, ARTICLES, 40, tmp_path)
    # Only the ingest DAG: the others would compete for the shared machine's two cores.
    dags = tmp_path / "dags"
    dags.mkdir()
    for name in ("diplowatch_common.py", "diplowatch_ingest.py"):
        shutil.copy(DAGS / name, dags / name)
    url = f"sqlite:///{tmp_path / 'diplowatch.db'}"
    home = tmp_path / "airflow"
    home.mkdir()
    metadata = home / "airflow.db"
    # A copy of the session's migrated metadata database: this test's runs stay its own.
    metadata.write_bytes((airflow_home / "airflow.db").read_bytes())
    port = _free_port()
    env = airflow_env(
        home,
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{metadata}",
        AIRFLOW__CORE__EXECUTOR="LocalExecutor",
        AIRFLOW__CORE__PARALLELISM="8",
        AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="False",
        AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"http://127.0.0.1:{port}/execution/",
        AIRFLOW__API_AUTH__JWT_SECRET="diplowatch-test-secret",
        AIRFLOW__API__SECRET_KEY="diplowatch-test-secret",
        AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC="1",
        AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="5",
        AIRFLOW__CORE__DAGS_FOLDER=str(dags),
        # SQLite metadata on a busy machine answers slowly; the task's calls must wait for it.
        AIRFLOW__WORKERS__EXECUTION_API_TIMEOUT="60",
        DIPLOWATCH_DB_URL=url,
        DIPLOWATCH_FEEDS=feeds,
        DIPLOWATCH_ALLOW_PRIVATE_HOSTS="1",
        DIPLOWATCH_DETECT_ARTICLES_PER_TASK="25",
        DIPLOWATCH_SCHEDULE="0 0 1 1 *",  # one run: the latest interval, started at once
    )
    logs = {}
    with ExitStack() as stack:
        for command in (["api-server", "--port", str(port)], ["dag-processor"], ["scheduler"]):
            log = stack.enter_context(open(tmp_path / f"{command[0]}.log", "w"))
            logs[command[0]] = tmp_path / f"{command[0]}.log"
            process = subprocess.Popen(
                [AIRFLOW, *command],
                env=env,
                cwd=home,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its children
            )
            stack.callback(_stop, process)
            if command[0] == "api-server":  # tasks call it: it must answer before they start
                _wait_for(f"http://127.0.0.1:{port}/api/v2/version", process)
        deadline = time.monotonic() + 600
        state = None
        while time.monotonic() < deadline:
            time.sleep(3)
            try:
                with sqlite3.connect(metadata) as conn:
                    row = conn.execute(
                        "SELECT state FROM dag_run WHERE dag_id = 'diplowatch_ingest' "
                        "ORDER BY id DESC LIMIT 1"
                    ).fetchone()
            except sqlite3.OperationalError:  # busy: the scheduler is writing
                continue
            state = row[0] if row else None
            if state in ("success", "failed"):
                break
    tails = {name: path.read_text()[-3000:] for name, path in logs.items()}
    assert state == "success", (state, tails)

    for task_id in ("fetch_article_batch", "detect_article_batch"):
        instances = _instances(metadata, task_id)
        assert len(instances) == -(-ARTICLES // 25), (task_id, instances)
        assert {s for s, *_ in instances} == {"success"}, (task_id, instances)
        parallel = _overlapping([(start, end) for _, start, end in instances])
        assert parallel >= 2, (task_id, instances)  # at least two batches at once
    with db.get_engine(url).connect() as conn:
        states = dict(
            conn.execute(sa.text("SELECT state, count(*) FROM articles GROUP BY state")).all()
        )
    assert states == {"detected": ARTICLES}
    fetched = [r.path for r in site.requests if r.path.startswith("/news/")]
    assert len(fetched) == len(set(fetched)) == ARTICLES  # no page fetched twice
