"""Hostile network peers, against the real local site and a real webhook receiver.

Slow headers end at the one wall-clock deadline; every spelling of an internal address
(decimal, octal, hex, short, IPv6-mapped, a name resolving to loopback), given directly or
as a redirect target, is refused before any connection to it; external entities (XXE) are
never fetched or read; a webhook that is down and comes back gets each alert exactly once.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import select

from pipeline import db
from pipeline.alerts import enqueue_hook, load_alerts, send_due
from pipeline.errors import BlockedAddressError, FetchError
from pipeline.feeds import FeedSpec, fetch_feed
from pipeline.http import fetch
from pipeline.netguard import ALLOW_HINT, NetGuard
from pipeline.schema import Delivery
from pipeline.settings import Settings
from tests.support.site import LocalSite
from tests.test_alerts_support import Receiver, free_port, store_story, write_alerts

# -- one deadline for the whole exchange ----------------------------------------------------


def test_slow_headers_end_at_the_deadline(site: LocalSite) -> None:
    # One header byte every 1.5 s for 90 s: each read is quick, only the deadline stops it.
    url = site.fail("/slow-headers", "drip_headers", delay=1.5, bytes=60)
    settings = site.settings(http_timeout=2)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(url, settings)
    elapsed = time.monotonic() - started
    assert elapsed < 4.5, elapsed  # the 2 s deadline, plus at most one 1.5 s byte wait
    assert "http_timeout=2" in str(caught.value)
    started = time.monotonic()
    result = fetch_feed(FeedSpec("slow", url), settings)  # the feed fails, it does not raise
    assert result.status == "failed" and "http_timeout=2" in (result.error or "")
    assert time.monotonic() - started < 4.5


# -- SSRF: every spelling of an internal address ---------------------------------------------

LOOPBACK_SPELLINGS = [
    "2130706433",  # decimal
    "0177.0.0.1",  # octal
    "0x7f.0.0.1",  # hex
    "127.1",  # short form
    "[::ffff:127.0.0.1]",  # IPv6-mapped IPv4
    "localhost",  # a name that resolves to loopback
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_every_spelling_of_loopback_is_refused_and_never_contacted(site: LocalSite, host) -> None:
    url = f"http://{host}:{site.port}{site.articles['seed'].path}"
    with pytest.raises(BlockedAddressError) as caught:
        fetch(url, Settings(http_timeout=2))
    assert ALLOW_HINT in str(caught.value)
    result = fetch_feed(FeedSpec("sneaky", url), Settings(http_timeout=2))
    assert result.status == "blocked" and ALLOW_HINT in (result.error or "")
    assert site.requests == []  # the site (on loopback) was never reached


# 127.0.0.2 written every way: the guard below admits only 127.0.0.1 (the site itself).
OTHER_LOOPBACK = ["2130706434", "0177.0.0.2", "0x7f.0.0.2", "127.2", "[::ffff:127.0.0.2]"]
PRIVATE = ["10.0.0.1", "192.168.0.1", "169.254.169.254", "[::1]", "[fd00::1]", "0.0.0.0"]


@pytest.mark.parametrize("host", OTHER_LOOPBACK + PRIVATE)
def test_a_redirect_to_any_internal_spelling_is_refused_at_the_hop(site: LocalSite, host) -> None:
    guard = NetGuard.from_settings(Settings(), allowed_networks=["127.0.0.1/32"])
    go = site.fail("/go", "redirect", to=f"http://{host}:{site.port}/inside")
    with pytest.raises(FetchError) as caught:
        fetch(go, Settings(http_timeout=2), guard=guard)
    if isinstance(caught.value, BlockedAddressError):
        assert f"redirected from {go}" in str(caught.value)
    else:  # httpx itself refuses some spellings in a Location header (octal): refused too
        assert "Invalid URL in location header" in str(caught.value), str(caught.value)
    assert [r.path for r in site.requests] == ["/go"]


# -- XXE: external entities are never resolved ------------------------------------------------


def test_external_entities_are_neither_read_nor_fetched(site: LocalSite, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    site.add_resource("/secret.dtd", "LEAKED-OVER-HTTP", "text/plain")
    doc = (
        '<?xml version="1.0"?>'
        f'<!DOCTYPE rss [<!ENTITY file SYSTEM "file://{secret}">'
        f'<!ENTITY web SYSTEM "{site.url("/secret.dtd")}"><!ENTITY % p SYSTEM '
        f'"{site.url("/secret.dtd")}"> %p;]>'
        '<rss version="2.0"><channel><title>t</title>'
        "<item><title>a &file; b</title><link>https://news.example/x</link>"
        "<description>c &web; d</description></item></channel></rss>"
    )
    url = site.add_resource("/feeds/xxe.xml", doc, "application/rss+xml")
    result = fetch_feed(FeedSpec("xxe", url), site.settings())
    assert result.status == "ok"
    texts = " ".join(f"{e.title} {e.summary}" for e in result.entries)
    assert "TOP-SECRET" not in texts and "LEAKED" not in texts
    assert [e.url for e in result.entries] == ["https://news.example/x"]
    assert site.requests_to("/secret.dtd") == []


# -- a webhook that is down, then up -------------------------------------------------------


def test_a_webhook_down_then_up_gets_each_alert_exactly_once(
    db_url, tmp_path, make_settings, monkeypatch
):
    monkeypatch.setenv("HOOK_SECRET", "k")
    port = free_port()  # nothing listens yet: connections are refused
    config = load_alerts(
        write_alerts(
            tmp_path,
            "channels:\n  - {name: hook, type: webhook, "
            f"url: 'http://127.0.0.1:{port}/hook', secret_env: HOOK_SECRET}}\n"
            "rules:\n  - {name: all, channels: [hook]}\n",
        )
    )
    settings = make_settings(db_url=db_url, delivery_backoff_seconds=60)
    store_story(db_url, enqueue_hook(config), outlets=1)
    with db.session_scope(db_url) as session:
        ids = {d.id for d in session.scalars(select(Delivery))}
    assert ids
    now = dt.datetime.now(dt.UTC)
    down = send_due(settings, config=config, now=now)
    assert down.sent == 0 and down.failed >= 1
    with db.session_scope(db_url) as session:
        rows = list(session.scalars(select(Delivery)))
        assert all(r.status == "pending" for r in rows)
        assert any("ConnectError" in (r.last_error or "") for r in rows)
    with Receiver(port=port) as receiver:  # the receiver comes back on the same address
        sent = 0
        for hours in range(1, 6):
            sent += send_due(settings, config=config, now=now + dt.timedelta(hours=hours)).sent
        again = send_due(settings, config=config, now=now + dt.timedelta(days=2))
    assert sent == len(ids) and again.sent == 0
    assert sorted(receiver.ids()) == sorted(ids)  # each delivery id once: none lost, none twice
    with db.session_scope(db_url) as session:
        assert all(d.status == "sent" for d in session.scalars(select(Delivery)))
