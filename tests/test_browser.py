"""The page in a real browser: Debian's Chromium driven by Playwright, against the app served by
uvicorn over a seeded database (SQLite and PostgreSQL).

Chromium comes from the distribution (`apt-get install -y chromium`; `.ci/run` installs it),
launched by its path: Playwright's own browser download cannot work here. Every test saves a
screenshot to tests/artifacts/screenshots/ (not committed) for people to look at. Any request
the page makes beyond the test server fails the test: no CDN, no web font, nothing outside.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from pipeline.api import create_app
from tests.support.records import HOSTILE, seed_records
from tests.support.server import serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"
TOKEN = "browser-test-token-0123456789"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: install Debian's package "
            "(`apt-get install -y chromium`; .ci/run does this)"
        )
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def site(db_url, make_settings, request):
    """(base URL, seeded records, db name) of the app served over a seeded database."""
    records = seed_records(db_url)
    token = TOKEN if request.node.get_closest_marker("locked") else None
    app = create_app(make_settings(db_url=db_url, api_token=token))
    with serving(app) as base:
        yield base, records, "postgres" if db_url.startswith("postgresql") else "sqlite"


@pytest.fixture
def page(browser, site):
    base, _, _ = site
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    tab = context.new_page()
    outside: list[str] = []
    origin = urlsplit(base).netloc

    def guard(route) -> None:
        if urlsplit(route.request.url).netloc != origin:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    tab.route("**/*", guard)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert outside == [], f"the page reached beyond its server: {outside}"
    assert errors == [], errors


def shot(page, name: str, db: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{db}.png"), full_page=True)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_the_filter_form_filters(page, site):
    base, records, db = site
    page.goto(base)
    page.fill("#q", "swap")
    page.check("input[name=type][value=COOPERATE]")
    page.select_option("#side", "USA>RUS")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    asked = _query(page.url)
    assert (
        asked["q"] == ["swap"] and asked["type"] == ["COOPERATE"] and asked["side"] == ["USA>RUS"]
    )
    badges = page.locator("table.records tbody .type").all_inner_texts()
    assert badges and set(badges) == {"COOPERATE"}
    assert page.locator("table.records tbody mark").first.inner_text().lower() == "swap"
    shown = page.locator(".resultbar").inner_text()
    assert re.search(rf"Showing 1.{len(badges)} of {len(badges)} event", shown), shown
    # the form keeps the filter, so it can be refined
    assert page.input_value("#q") == "swap" and page.is_checked("input[value=COOPERATE]")
    shot(page, "events-filtered", db)
    # a bar of the timeline opens its day
    page.locator("svg.timeline a").first.click()
    page.wait_for_load_state()
    day = _query(page.url)
    assert day["since"] == day["until"] and day["q"] == ["swap"]


def test_paging_pages(page, site):
    base, records, db = site
    page.goto(base + "?per=25")
    assert (
        f"Showing 1\u201325 of {records.events} events" in page.locator(".resultbar").inner_text()
    )
    first_page = page.locator("table.records tbody tr").all_inner_texts()
    shot(page, "events", db)
    page.click("a[rel=next]")
    page.wait_for_load_state()
    assert _query(page.url)["page"] == ["2"]
    assert f"Showing 26\u201350 of {records.events}" in page.locator(".resultbar").inner_text()
    second_page = page.locator("table.records tbody tr").all_inner_texts()
    assert len(second_page) == 25 and not set(first_page) & set(second_page)
    page.click("a[rel=prev]")
    page.wait_for_load_state()
    assert page.locator("table.records tbody tr").all_inner_texts() == first_page


def test_the_event_page_lists_every_mention(page, site):
    base, records, db = site
    page.goto(base + "?q=%22prisoner+swap%22+dhabi")
    page.locator("table.records tbody tr").first.locator("td.date a").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"view/events/{records.swap_id}")
    mentions = page.locator("ol.mentions > li")
    assert mentions.count() == records.swap_mentions
    for i in range(mentions.count()):
        item = mentions.nth(i)
        assert item.locator(".outlet").inner_text().endswith(".example")
        link = item.locator(".source a")
        assert link.get_attribute("href").startswith("http") and link.inner_text()
        assert "published" in item.inner_text() and "reported by Russian Foreign Ministry" in (
            item.inner_text()
        )
    shot(page, "event", db)


def test_a_hostile_quote_is_shown_as_text(page, site):
    base, records, db = site
    page.goto(base + "view/statements")
    quote = page.get_by_text("window.pwned = 1", exact=False).first
    assert "<script>window.pwned = 1</script>" in quote.inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("table.records script, table.records img").count() == 0
    # a paraphrase is marked as one, and carries no quotation marks
    row = page.locator("tr", has_text="irreparable damage")
    assert row.locator(".tag").inner_text().lower() == "paraphrase"
    assert "\u201c" not in row.locator("td.evidence").inner_text()
    shot(page, "statements", db)
    page.goto(base + f"view/statements/{records.hostile_id}")
    assert HOSTILE in page.locator("blockquote").inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    shot(page, "statement", db)


def test_feeds_and_passes(page, site):
    base, _, db = site
    page.goto(base + "view/feeds")
    first_feed = page.locator("table.records").first.locator("tbody tr").first
    assert "kremlin-en" in first_feed.inner_text() and "FAILED" in first_feed.inner_text()
    assert page.locator("table.records").nth(1).locator("tbody tr").count() == 6
    shot(page, "feeds", db)


def test_the_api_documentation_works_offline(page, site):
    base, _, db = site
    page.goto(base + "docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "diplowatch" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path").count() >= 8
    shot(page, "docs", db)


@pytest.mark.locked
def test_signing_in_with_the_token(page, site):
    base, _, db = site
    page.goto(base + "view/statements?speaker=peskov")
    assert page.locator("input[name=token]").count() == 1
    shot(page, "sign-in", db)
    page.fill("input[name=token]", "not the token at all")
    page.click("button[type=submit]")
    assert "not the one" in page.locator(".error").inner_text()
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("view/statements?speaker=peskov")
    assert "Dmitry Peskov" in page.locator("table.records").inner_text()
    (cookie,) = page.context.cookies()
    assert cookie["httpOnly"] and cookie["value"] != TOKEN
    page.click(".signout button")
    page.wait_for_load_state()
    assert page.locator("input[name=token]").count() == 1
