"""End to end: a real pass over the local test site (the seed story from two outlets) with
the real detector queues and delivers one alert per merged record; the next pass sends
nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pipeline import db
from pipeline.alerts.channels import verify_signature
from pipeline.runner import run_pass
from pipeline.schema import Delivery, Event, Statement
from tests.test_alerts_support import Receiver, write_alerts

pytest.importorskip("pipeline.detect")


def test_run_pass_delivers_each_merged_record_once(db_url, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HOOK_SECRET", "k")
    with Receiver(fail_first=1) as rx:
        alerts = write_alerts(
            tmp_path,
            f"channels:\n  - {{name: hook, type: webhook, url: '{rx.url}', secret_env: HOOK_SECRET}}\n"
            "rules:\n  - {name: all, channels: [hook]}\n",
        )
        feeds = site.write_feeds_file(tmp_path, ["world", "outlet"])
        settings = site.settings(
            db_url=db_url, feeds_file=str(feeds), alerts_file=str(alerts),
            delivery_backoff_seconds=0.0,
        )  # fmt: skip
        first = run_pass(settings)
        with db.session_scope(db_url) as session:
            records = int(session.scalar(select(func.count()).select_from(Event)) or 0) + int(
                session.scalar(select(func.count()).select_from(Statement)) or 0
            )
            rows = list(session.scalars(select(Delivery)))
        assert records > 0 and len(rows) == records
        # The receiver refused the first call; the pass's send stopped nothing else.
        assert first.deliveries_failed == 1 and first.deliveries_sent == records - 1
        second = run_pass(settings)  # the feeds are unchanged: no new records
        assert (second.events_new, second.statements_new) == (0, 0)
        assert second.deliveries_sent == 1  # only the one that failed, its backoff over
    assert sorted(rx.ids()) == sorted(r.id for r in rows)
    assert all(
        verify_signature(r.body, r.headers["x-diplowatch-signature"], "k") for r in rx.received
    )
    both = [r.json() for r in rx.received if len(r.json()["sources"]) == 2]
    assert both, "the two outlets' mentions should have merged into shared records"
