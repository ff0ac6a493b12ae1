"""An all-unchanged pass stays light: `diplowatch run` over feeds that answer 304 loads no
model, parser or migration tool, and still records its run and the feeds' health.

Not a timing test (the figures are benchmarks/throughput.py's `--unchanged-feeds`): it checks
what the process imported, which is what made such a pass slow to start (spaCy, trafilatura
and Alembic each take a large part of a second to import)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sqlalchemy import select

from pipeline import db, runner
from pipeline.schema import Feed, Run

# Modules an unchanged pass has no use for: the detector and its model, extraction, feed
# parsing (a 304 has no body), migrations (the schema is at head), the query modules
# (--json prints only the summary) and httpx's command-line client.
HEAVY = (
    "spacy",
    "thinc",
    "trafilatura",
    "lxml",
    "feedparser",
    "alembic",
    "pipeline.detect",
    "pipeline.extract",
    "pipeline.query",
    "click",  # httpx's command-line client (pipeline.http imports httpx without it)
    "pygments",
    "rich",
)

CHILD = """
import json, sys
from pipeline.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": [m for m in json.loads(%r) if m in sys.modules]}),
      file=sys.stderr)
"""


def test_an_unchanged_pass_imports_no_heavy_module(db_url, site, tmp_path):
    feeds = site.write_feeds_file(tmp_path, ["politics", "empty"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds), workers=1)
    first = runner.run_pass(settings)
    assert first.articles_new == 2 and first.articles_detected == 2
    with db.session_scope(db_url) as session:
        fetched_before = {f.name: f.last_fetched_at for f in session.scalars(select(Feed))}
    db.get_engine(db_url).dispose()  # the child has the database to itself
    site.clear_requests()

    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env["DIPLOWATCH_ALLOW_PRIVATE_HOSTS"] = "1"
    args = ["run", "--feeds", str(feeds), "--db", db_url, "--json"]
    done = subprocess.run(
        [sys.executable, "-c", CHILD % json.dumps(HEAVY), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    summary = json.loads(done.stdout)
    assert [f["status"] for f in summary["feeds"]] == ["not_modified", "not_modified"]
    assert summary["articles_new"] == 0 and summary["articles_detected"] == 0
    assert report["loaded"] == [], f"an unchanged pass imported {report['loaded']}"

    # Every feed was asked conditionally, and its health and the run were still recorded.
    hits = [r for r in site.requests if r.path.startswith("/feeds/")]
    assert len(hits) == 2 and all(r.status == 304 for r in hits)
    assert all(r.headers.get("if-none-match") or r.headers.get("if-modified-since") for r in hits)
    with db.session_scope(db_url) as session:
        fetched = {f.name: f.last_fetched_at for f in session.scalars(select(Feed))}
        runs = session.scalars(select(Run).order_by(Run.id)).all()
    assert all(fetched[name] > fetched_before[name] for name in fetched)
    assert [r.status for r in runs] == ["ok", "ok"]
    assert runs[1].feeds_not_modified == 2 and runs[1].articles_new == 0

    # The program itself (`pipeline.cli.entry`, which skips the interpreter's clean-up):
    # its output whole, its exit code, its run recorded.
    db.get_engine(db_url).dispose()
    program = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True, env=env
    )
    assert program.returncode == 0, program.stderr
    assert json.loads(program.stdout)["run_id"] == runs[1].id + 1
    with db.session_scope(db_url) as session:
        assert [r.status for r in session.scalars(select(Run).order_by(Run.id))][-1] == "ok"
    failing = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--feeds", str(tmp_path / "none.yaml")],
        capture_output=True,
        text=True,
        env={**env, "DIPLOWATCH_DB_URL": db_url},
    )
    assert failing.returncode == 2 and "none.yaml" in failing.stderr


def test_httpx_keeps_its_command_line_client():
    code = (
        "import sys, pipeline.http, httpx; assert 'click' not in sys.modules; "
        "import httpx._main; print(type(httpx._main.main).__name__, httpx.main.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["Command", "httpx"], done.stderr
