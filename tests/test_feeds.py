"""The feeds file and fetch_feed, against the real local site."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.feeds import fetch_feed, html_to_text, load_feeds
from pipeline.models import FeedSpec
from pipeline.settings import DEFAULT_FEEDS_FILE, Settings
from tests.support.site import LocalSite

# -- the feeds file ------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_names_urls_and_tags(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feeds:\n"
        "  - name: tass\n    url: https://tass.com/rss/v2.xml\n    tags: [wire, rus]\n"
        "  - name: bbc\n    url: https://feeds.bbci.co.uk/news/world/rss.xml\n    tags: outlet, intl\n"
        "  - name: bare\n    url: http://example.com/feed\n",
    )
    assert load_feeds(path) == [
        FeedSpec("tass", "https://tass.com/rss/v2.xml", ("wire", "rus")),
        FeedSpec("bbc", "https://feeds.bbci.co.uk/news/world/rss.xml", ("outlet", "intl")),
        FeedSpec("bare", "http://example.com/feed", ()),
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("feeds:\n  - name: a\n    tags: [x]\n", 2, "has no url"),
        (
            "feeds:\n  - name: a\n    url: https://a/\n  - name: a\n    url: https://b/\n",
            4,
            "duplicate feed name 'a' (first used on line 2)",
        ),
        ("feeds:\n  - name: a\n    url: ftp://a/feed\n", 3, "not an http(s) URL"),
        ("feeds:\n  - name: a\n    url: https://a/\n    colour: red\n", 4, "unknown key 'colour'"),
        ("feeds:\n  - url: https://a/\n", 2, "has no name"),
        ("feeds:\n  - name: a\n    url: [https://a/]\n", 3, "url must be a non-empty text value"),
        ("feeds:\n  - just-a-string\n", 2, "not a mapping"),
        ("feeds:\n  - name: a\n   url: https://a/\n", 3, "not valid YAML"),
        ("feed:\n  - name: a\n", 1, "unknown top-level key 'feed'"),
        ("feeds:\n  name: a\n", 2, "must be a list"),
    ],
)
def test_errors_name_the_file_the_line_and_the_fix(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_feeds(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_empty_and_missing_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must start with `feeds:`"):
        load_feeds(write(tmp_path, ""))
    with pytest.raises(ConfigError, match="cannot read the feeds file"):
        load_feeds(tmp_path / "nope.yaml")


def test_the_default_feed_list_loads_and_covers_both_sides() -> None:
    feeds = load_feeds(DEFAULT_FEEDS_FILE)
    by_name = {f.name: f for f in feeds}
    assert by_name["kremlin-en"].url == "http://en.kremlin.ru/events/president/news/feed"
    assert by_name["tass-en"].url == "https://tass.com/rss/v2.xml"
    assert {"official", "rus"} <= set(by_name["mid-ru-en"].tags)
    assert {"official", "usa"} <= set(by_name["state-dept-press-releases"].tags)
    tags = {t for f in feeds for t in f.tags}
    assert {"official", "wire", "outlet", "rus", "usa", "intl"} <= tags
    assert all(f.url.startswith(("http://", "https://")) for f in feeds)


def test_write_feeds_file_points_at_the_site(site: LocalSite, tmp_path: Path) -> None:
    feeds = load_feeds(site.write_feeds_file(tmp_path, ["world", "misc"]))
    assert [(f.name, f.url) for f in feeds] == [
        ("site-world", site.feed_url("world")),
        ("site-misc", site.feed_url("misc")),
    ]


# -- fetching ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["world", "world-atom"])
def test_rss_and_atom_give_clean_entries(site: LocalSite, name: str) -> None:
    result = fetch_feed(FeedSpec(name, site.feed_url(name)), site.settings())
    assert result.status == "ok" and result.error is None and result.bozo is None
    assert result.http_status == 200 and result.etag
    assert [e.url for e in result.entries] == [
        site.article_url(k) for k in ("seed", "reykjavik", "bike-lanes", "coral")
    ]  # tracking parameters gone
    seed = site.articles["seed"]
    entry = result.entries[0]
    assert entry.title == seed.title
    assert entry.author == seed.author
    assert entry.published == dt.datetime(2021, 3, 22, 15, 40, tzinfo=dt.UTC)
    assert entry.guid and seed.slug in entry.guid
    # The fullest content is kept, as plain text, one paragraph a line.
    assert entry.summary == seed.text
    assert "<p>" not in entry.summary


def test_entries_are_capped(site: LocalSite) -> None:
    result = fetch_feed(
        FeedSpec("w", site.feed_url("world")), site.settings(max_articles_per_feed=2)
    )
    assert len(result.entries) == 2


def test_etag_round_trip_gives_not_modified(site: LocalSite) -> None:
    spec = FeedSpec("w", site.feed_url("world"))
    first = fetch_feed(spec, site.settings())
    again = fetch_feed(spec, site.settings(), etag=first.etag, last_modified=first.last_modified)
    assert again.status == "not_modified" and again.entries == []
    assert again.http_status == 304
    assert (again.etag, again.last_modified) == (first.etag, first.last_modified)
    assert [r.status for r in site.requests_to(spec.url)] == [200, 304]


def test_malformed_feed_with_entries_is_ok_with_bozo(site: LocalSite) -> None:
    result = fetch_feed(FeedSpec("m", site.feed_url("malformed")), site.settings())
    assert result.status == "ok"
    assert result.bozo and "not well-formed" in result.bozo
    assert len(result.entries) == 4


def test_not_a_feed_is_failed_with_the_parser_message(site: LocalSite) -> None:
    result = fetch_feed(FeedSpec("g", site.feed_url("garbage")), site.settings())
    assert result.status == "failed"
    assert result.bozo and result.error and result.bozo in result.error
    assert "not a valid RSS/Atom feed" in result.error
    assert result.entries == []


def test_empty_feed_is_ok_without_entries(site: LocalSite) -> None:
    result = fetch_feed(FeedSpec("e", site.feed_url("empty")), site.settings())
    assert (result.status, result.entries, result.bozo) == ("ok", [], None)


def test_server_error_is_failed_with_status_and_keeps_validators(site: LocalSite) -> None:
    url = site.fail("/feeds/down.xml", "status", code=503)
    result = fetch_feed(FeedSpec("d", url), site.settings(), etag='"old"', last_modified="x")
    assert result.status == "failed" and result.http_status == 503
    assert result.error and "HTTP 503" in result.error
    assert (result.etag, result.last_modified) == ('"old"', "x")


def test_timeout_is_failed(site: LocalSite) -> None:
    url = site.fail("/feeds/slow.xml", "slow", delay=3)
    result = fetch_feed(FeedSpec("s", url), site.settings(http_timeout=0.3))
    assert result.status == "failed" and "timed out" in (result.error or "")


def test_private_feed_is_blocked_without_the_switch(site: LocalSite) -> None:
    result = fetch_feed(FeedSpec("w", site.feed_url("world")), Settings())
    assert result.status == "blocked"
    assert result.error and "DIPLOWATCH_ALLOW_PRIVATE_HOSTS=1" in result.error
    assert site.requests == []


def test_redirect_to_metadata_service_is_blocked(site: LocalSite) -> None:
    url = site.fail("/feeds/moved.xml", "redirect", to="http://169.254.169.254/feed")
    from pipeline.netguard import NetGuard

    guard = NetGuard.from_settings(Settings(), allowed_networks=["127.0.0.1/32"])
    result = fetch_feed(FeedSpec("m", url), Settings(), guard=guard)
    assert result.status == "blocked" and "169.254.169.254" in (result.error or "")


def test_oversized_feed_is_failed(site: LocalSite) -> None:
    result = fetch_feed(FeedSpec("w", site.feed_url("world")), site.settings(max_feed_bytes=500))
    assert result.status == "failed" and "max_feed_bytes" in (result.error or "")


def test_binary_feed_is_failed_not_raised(site: LocalSite) -> None:
    url = site.fail("/feeds/binary.xml", "binary")
    result = fetch_feed(FeedSpec("b", url), site.settings())
    assert result.status == "failed"


def test_entries_without_links_are_skipped_and_relative_links_resolved(site: LocalSite) -> None:
    doc = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>No link</title><description>x</description></item>"
        "<item><title>Relative</title><link>/news/rel?utm_source=a</link></item>"
        "<item><title>Dup</title><link>/news/rel?fbclid=b</link></item>"
        "<item><title>Mailto</title><link>mailto:desk@example.com</link></item>"
        "</channel></rss>"
    )
    url = site.add_resource("/feeds/odd.xml", doc, "application/rss+xml")
    result = fetch_feed(FeedSpec("o", url), site.settings())
    assert [e.url for e in result.entries] == [site.url("/news/rel")]
    assert result.entries[0].title == "Relative"


def test_html_to_text() -> None:
    html = "<p>One &amp; two</p><script>evil()</script><ul><li>three</li></ul>four<br>five"
    assert html_to_text(html) == "One & two\nthree\nfour\nfive"
    assert html_to_text(None) == ""


def test_entity_expansion_bomb_neither_hangs_nor_raises(site: LocalSite) -> None:
    entities = "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)
    )
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">{entities}]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&j;</title>'
        "<link>https://news.example/a</link></item></channel></rss>"
    )
    url = site.add_resource("/feeds/lol.xml", doc, "application/rss+xml")
    started = time.monotonic()
    result = fetch_feed(FeedSpec("lol", url), site.settings())
    assert time.monotonic() - started < 10
    assert result.bozo  # expat refuses the amplification; the loose parser keeps the link
    assert all(len(e.title or "") < 1000 for e in result.entries)


def test_feed_in_a_declared_legacy_charset_is_decoded(site: LocalSite) -> None:
    doc = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Лавров встретился с Блинкеном</title><link>https://news.example/ru</link>"
        "</item></channel></rss>"
    )
    url = site.add_resource("/feeds/ru.xml", doc.encode("cp1251"), "application/rss+xml")
    result = fetch_feed(FeedSpec("ru", url), site.settings())
    assert result.status == "ok"
    assert result.entries[0].title == "Лавров встретился с Блинкеном"


def test_well_formed_xml_that_is_no_feed_is_failed(site: LocalSite) -> None:
    doc = '<?xml version="1.0"?><urlset><url><loc>https://news.example/a</loc></url></urlset>'
    url = site.add_resource("/sitemap.xml", doc, "application/xml")
    result = fetch_feed(FeedSpec("sitemap", url), site.settings())
    assert result.status == "failed"
    assert "not a recognised RSS, Atom or RDF feed" in (result.error or "")
