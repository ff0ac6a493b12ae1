"""The page (pipeline/web/) and the bearer token (pipeline/auth.py), through TestClient, on both
databases: filters in the URL, paging with totals, every mention of a record, paraphrases not
quoted, hostile text escaped, relative links under a prefix, and who may read."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from pipeline.api import create_app
from pipeline.auth import COOKIE
from tests.support.records import HOSTILE, seed_records

TOKEN = "s3cret-token-for-tests-0123456789"


@pytest.fixture
def page(db_url, make_settings):
    records = seed_records(db_url)
    with TestClient(create_app(make_settings(db_url=db_url))) as client:
        yield client, records


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)


def test_the_filter_form_state_is_in_the_url(page):
    client, records = page
    html = client.get("/?type=ACCUSE&type=REJECT&side=USA>RUS&per=25").text
    rows = _rows(html)
    assert rows and all(("ACCUSE" in r) or ("REJECT" in r) for r in rows)
    assert all(re.search(r"USA</span><span class=\"arrow\">", r) for r in rows)
    # the form shows what was asked, so it can be changed and submitted again
    assert 'value="ACCUSE" checked' in html and 'value="REJECT" checked' in html
    assert 'value="USA&gt;RUS" selected' in html
    # the exports carry the same filter in the API's terms
    assert "events.csv?type=ACCUSE&amp;type=REJECT&amp;source=USA&amp;target=RUS" in html


def test_paging_with_totals(page):
    client, records = page
    first = client.get("/?per=25").text
    assert f"Showing <b>1&ndash;25</b>\nof <b>{records.events}</b> events" in first
    assert 'href="?per=25&amp;page=2" rel="next"' in first
    second = client.get("/?per=25&page=2").text
    assert f"<b>26&ndash;50</b>\nof <b>{records.events}</b>" in second
    assert set(_rows(first)).isdisjoint(_rows(second))
    last = client.get("/?per=25&page=3").text
    assert len(_rows(last)) == records.events - 50 and "Next &rarr;</span>" in last


def test_search_highlights_and_the_timeline(page):
    client, records = page
    html = client.get("/?q=swap").text
    assert "<mark>swap</mark>" in html and "<svg" in html and "<script" not in html
    assert "Events per day, by type and direction" in html
    assert 'href="./?q=swap&amp;since=' in html  # a bar opens its day
    refused = client.get("/?type=BOGUS")
    assert refused.status_code == 422 and "unknown event type" in refused.text
    assert "<form" in refused.text  # the form stays, to fix the filter


def test_event_page_lists_every_mention(page):
    client, records = page
    html = client.get(f"/view/events/{records.swap_id}").text
    assert f"Every mention ({records.swap_mentions})" in html
    assert html.count('rel="noopener noreferrer"') == records.swap_mentions
    for outlet in re.findall(r'<span class="outlet">(.*?)</span>', html):
        assert outlet.endswith(".example")
    assert "United States agreed a prisoner swap with" in html  # the article's title
    assert "published 2" in html and "reported by Russian Foreign Ministry" in html
    declined = client.get(f"/view/events/{records.declined_id}").text
    assert "speaker: White House" in declined and "&ldquo;quite busy&rdquo;" in declined
    assert client.get("/view/events/999999").status_code == 404
    assert client.get("/view/events/abc").status_code == 404


def test_statements_quotes_paraphrases_and_hostile_text(page):
    client, records = page
    html = client.get("/view/statements").text
    assert "&ldquo;It takes one to know one&rdquo;" in html
    # a paraphrase is marked as such and never wrapped in quotation marks
    paraphrase = "the offer was meant to prevent irreparable damage to relations"
    assert f"paraphrase</span>{paraphrase}" in html
    assert f"&ldquo;{paraphrase}" not in html
    # quotation marks already in the quote are not doubled
    assert "&ldquo;I&#39;m sure we&#39;ll talk at some point&rdquo;" in html
    assert HOSTILE not in html and "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    one = client.get(f"/view/statements/{records.paraphrase_id}").text
    assert 'blockquote class="paraphrase"' in one and "indirect speech" in one
    assert "&ldquo;the offer" not in one
    hostile = client.get(f"/view/statements/{records.hostile_id}").text
    assert "<script>" not in hostile and "Every mention (2)" in hostile


def test_feeds_and_passes(page):
    client, _ = page
    html = client.get("/view/feeds").text
    assert html.index("kremlin-en") < html.index("ap-europe")  # failing first
    assert "HTTP 503 Service Unavailable" in html and "Recent passes" in html
    assert "1 of 5 feeds failing" in html


def test_links_are_relative_under_a_mount_prefix(db_url, make_settings):
    """Mounted as Airflow mounts it, under /diplowatch, every link stays inside the prefix."""
    records = seed_records(db_url)
    host = FastAPI()
    host.mount("/diplowatch", create_app(make_settings(db_url=db_url)))
    with TestClient(host) as client:
        html = client.get(f"/diplowatch/view/events/{records.swap_id}").text
        assert 'href="../../static/diplowatch.css"' in html
        assert client.get("/diplowatch/static/diplowatch.css").status_code == 200
        assert 'href="../../events/' in html and 'href="../../"' in html
        assert not re.search(r'(href|src|action)="/(?!/)', html)  # nothing from the host's root
        assert client.get("/diplowatch/docs-assets/swagger-ui.css").status_code == 200


# --- the bearer token -----------------------------------------------------------------------


@pytest.fixture
def locked(db_url, make_settings):
    seed_records(db_url)
    with TestClient(create_app(make_settings(db_url=db_url, api_token=TOKEN))) as client:
        yield client


def test_the_api_needs_the_token(locked):
    for path in (
        "/events",
        "/events/1",
        "/statements",
        "/stats",
        "/health",
        "/openapi.json",
        "/docs",
    ):
        answer = locked.get(path)
        assert answer.status_code == 401, path
        assert answer.headers["www-authenticate"] == "Bearer"
    assert locked.get("/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert locked.get("/events", headers={"Authorization": TOKEN}).status_code == 401
    good = locked.get("/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert good.status_code == 200 and good.json()["total"] > 0
    spec = locked.get("/openapi.json", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_the_page_takes_the_token_once_and_keeps_a_cookie(locked):
    asked = locked.get("/view/statements?speaker=peskov")
    assert asked.status_code == 401 and 'name="token"' in asked.text
    assert 'value="./view/statements?speaker=peskov"' in asked.text
    wrong = locked.post("/login", data={"token": "nope", "next": "./"}, follow_redirects=False)
    assert wrong.status_code == 401 and "not the one" in wrong.text
    signed = locked.post(
        "/login",
        data={"token": TOKEN, "next": "./view/statements?speaker=peskov"},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    assert signed.headers["location"] == "./view/statements?speaker=peskov"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert TOKEN not in cookie  # the browser keeps a digest, never the token
    shown = locked.get("/view/statements?speaker=peskov")
    assert shown.status_code == 200 and "Dmitry Peskov" in shown.text and "sign out" in shown.text
    assert locked.get("/events").status_code == 200  # the cookie opens the API to this browser
    locked.post("/logout", follow_redirects=False)
    assert locked.get("/").status_code == 401


def test_signing_in_never_redirects_elsewhere(locked):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"):
        answer = locked.post(
            "/login", data={"token": TOKEN, "next": target}, follow_redirects=False
        )
        assert answer.headers["location"] == "./", target


def test_a_host_login_opens_the_app(db_url, make_settings):
    """The Airflow plugin's hook: the host vouches for a request, even with no token set."""
    seed_records(db_url)

    async def host(request) -> bool:
        return request.cookies.get("_token") == "logged-in"

    app = create_app(make_settings(db_url=db_url), host_auth=host, always_auth=True)
    with TestClient(app) as client:
        assert client.get("/events").status_code == 401
        refused = client.get("/")
        assert refused.status_code == 401 and "sign in to Airflow" in refused.text
        client.cookies.set("_token", "logged-in")
        assert client.get("/events").status_code == 200 and client.get("/").status_code == 200
    assert COOKIE != "_token"


@pytest.mark.parametrize("value", ["short", "sixteen chars but spaces", "x" * 15 + "\n"])
def test_a_weak_token_is_refused_at_start_without_showing_it(value):
    from pipeline.errors import ConfigError
    from pipeline.settings import load_settings

    with pytest.raises(ConfigError) as refused:
        load_settings(env={"DIPLOWATCH_API_TOKEN": value})
    assert "DIPLOWATCH_API_TOKEN" in str(refused.value) and value not in str(refused.value)
    strong = load_settings(env={"DIPLOWATCH_API_TOKEN": TOKEN})
    assert strong.api_token == TOKEN and TOKEN not in repr(strong)
