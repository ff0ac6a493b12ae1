"""Extraction with real trafilatura on the local site's pages, fallbacks and hostile input."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from pipeline.errors import ExtractionError
from pipeline.extract import MAX_HTML_BYTES, MIN_PAGE_CHARS, extract_article, extract_html
from pipeline.feeds import fetch_feed
from pipeline.http import HttpResponse, fetch_page
from pipeline.models import FeedEntry, FeedSpec
from tests.support import pages
from tests.support.articles import SEED_PROMO_PREFIXES, Article
from tests.support.site import LocalSite

NAVIGATION = ("Manage preferences", "Share on Twitter", "Privacy policy", "Storm closes schools")


def body_paragraphs(article: Article) -> list[str]:
    return [p for p in article.paragraphs if not p.startswith(SEED_PROMO_PREFIXES)]


def test_seed_page_keeps_the_body_and_drops_the_furniture(site: LocalSite, seed: Article) -> None:
    response = fetch_page(site.article_url("seed"), site.settings())
    article = extract_html(response.body, response.url, charset=response.charset)
    assert article is not None
    # Paragraph for paragraph, one a line, headline not repeated in the body.
    assert article.text.split("\n") == body_paragraphs(seed)
    for phrase in pages.FURNITURE + NAVIGATION:
        assert phrase not in article.text
    for title, _href in pages._RELATED:
        assert title not in article.text
    assert article.title == seed.title
    assert article.author == seed.author
    assert article.published == dt.datetime(2021, 3, 22, 15, 40, tzinfo=dt.UTC)
    assert article.published.weekday() == 0  # a Monday, as the story says
    assert article.language == "en"
    assert article.source == "page"
    assert article.url == response.url


@pytest.mark.parametrize("key", ["outlet", "reykjavik", "bike-lanes", "coral"])
def test_every_site_article_extracts_exactly(site: LocalSite, key: str) -> None:
    response = fetch_page(site.article_url(key), site.settings())
    article = extract_html(response.body, response.url)
    assert article is not None
    assert article.text.split("\n") == body_paragraphs(site.articles[key])
    assert article.published == site.articles[key].published


def test_outlet_version_has_the_reworded_lead(site: LocalSite, seed: Article) -> None:
    outlet = site.articles["outlet"]
    assert outlet.paragraphs[0] != seed.paragraphs[0]
    assert outlet.paragraphs[1] == seed.paragraphs[1]
    assert "Russian Foreign Ministry" in outlet.paragraphs[0] and "Monday" in outlet.paragraphs[0]


def test_pipeline_of_feed_then_page(site: LocalSite, seed: Article) -> None:
    result = fetch_feed(FeedSpec("politics", site.feed_url("politics")), site.settings())
    entry = result.entries[0]
    response = fetch_page(entry.url, site.settings())
    article = extract_article(response, entry)
    assert article.source == "page"
    assert article.url == site.article_url("seed")
    assert article.text.split("\n") == body_paragraphs(seed)
    assert article.published == entry.published


def _response(
    url: str, body: bytes, content_type: str = "text/html; charset=utf-8"
) -> HttpResponse:
    return HttpResponse(url=url, status=200, headers={"content-type": content_type}, body=body)


def _entry(summary: str | None) -> FeedEntry:
    return FeedEntry(
        url="https://news.example/story",
        title="Feed title",
        summary=summary,
        published=dt.datetime(2021, 3, 22, 12, 0, tzinfo=dt.UTC),
        author="Feed Author",
    )


PAYWALL = (
    b"<html><head><title>Subscribe</title></head><body><nav><a href='/'>Home</a></nav>"
    b"<article><h1>Story</h1><p>Subscribe to read this story.</p></article>"
    b"<footer>All rights reserved</footer></body></html>"
)


def test_too_little_page_text_falls_back_to_the_feed(seed: Article) -> None:
    entry = _entry(seed.text)
    article = extract_article(_response("https://news.example/story?x=1", PAYWALL), entry)
    assert article.source == "feed"
    assert article.text == seed.text
    assert (article.url, article.title, article.author) == (entry.url, "Feed title", "Feed Author")
    assert article.published == entry.published


def test_short_page_wins_over_an_even_shorter_feed_summary() -> None:
    article = extract_article(_response("https://news.example/story", PAYWALL), _entry("Teaser."))
    assert article.source == "page"
    assert len(article.text) < MIN_PAGE_CHARS


def test_no_page_uses_the_feed() -> None:
    article = extract_article(None, _entry("Line one.\nLine two."))
    assert (article.source, article.text) == ("feed", "Line one.\nLine two.")


def test_hostile_page_falls_back_to_the_feed() -> None:
    binary = bytes(range(256)) * 100
    article = extract_article(_response("https://news.example/x", binary), _entry("Body."))
    assert article.source == "feed"


def test_nothing_anywhere_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article(_response("https://news.example/story", b"<html></html>"), _entry(None))
    with pytest.raises(ExtractionError):
        extract_article(None, None)


def test_page_metadata_gaps_are_filled_from_the_entry(seed: Article) -> None:
    html = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in seed.paragraphs)
        + "</article></body></html>"
    )
    article = extract_article(
        _response("https://news.example/story", html.encode()), _entry("short")
    )
    assert article.source == "page"
    assert article.author == "Feed Author"
    assert article.published == dt.datetime(2021, 3, 22, 12, 0, tzinfo=dt.UTC)


# -- hostile input -------------------------------------------------------------------------


def test_binary_is_refused() -> None:
    with pytest.raises(ExtractionError, match="binary"):
        extract_html(bytes(range(256)) * 64, "https://x/photo.jpg")


def test_huge_page_is_refused_before_parsing() -> None:
    huge = (
        b"<html><body>" + b"<p>words words words</p>" * (MAX_HTML_BYTES // 20) + b"</body></html>"
    )
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="extraction limit"):
        extract_html(huge, "https://x/huge")
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_absurd_nesting_is_refused_quickly(depth: int) -> None:
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="nested"):
        extract_html(pages.nested_page(depth), "https://x/deep")
    assert time.monotonic() - started < 2


def test_large_but_legal_page_finishes_in_reasonable_time(seed: Article) -> None:
    filler = "".join(
        f"<div class='teaser'><a href='/n/{i}'>Other story {i}</a></div>" for i in range(20000)
    )
    body = "".join(f"<p>{p}</p>" for p in seed.paragraphs)
    html = f"<html><body><nav>{filler}</nav><article>{body}</article></body></html>"
    started = time.monotonic()
    article = extract_html(html, "https://x/big")
    assert time.monotonic() - started < 30
    assert article is not None and "Peskov" in article.text


def test_wrong_declared_charset_still_reads(seed: Article) -> None:
    russian = (
        "Министерство иностранных дел России заявило в понедельник, что Соединённые Штаты "
        "отклонили предложение провести разговор президентов. По словам министерства, "
        "ответственность за упущенную возможность целиком лежит на американской стороне."
    )
    html = f"<html lang='ru'><body><article><h1>Заголовок</h1><p>{russian}</p><p>{russian}</p></article></body></html>"
    article = extract_html(html.encode("cp1251"), "https://x/ru", charset="utf-8")
    assert article is not None
    assert "иностранных дел" in article.text
    assert article.language == "ru"


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "plain words, no markup", "<<<>>>"])
def test_empty_or_junk_gives_none_or_a_clear_error(html: str) -> None:
    try:
        assert extract_html(html) is None
    except ExtractionError as exc:
        assert str(exc)


@pytest.mark.parametrize(
    "html",
    [
        b"<a" * 2_000_000,
        b"<script>" * 500_000,
        b"<!--" * 1_000_000,
        b'<meta property="article:published_time" ' * 100_000,
        b"<html " * 800_000,
        b"</div>" * 500_000,
        b'<div class="' + b"x" * 4_000_000,
    ],
    ids=["open-tags", "scripts", "comments", "metas", "html-tags", "closers", "open-quote"],
)
def test_pathological_markup_costs_linear_time(html: bytes) -> None:
    started = time.monotonic()
    try:
        extract_html(html, "https://x/hostile")
    except ExtractionError as exc:
        assert "https://x/hostile" in str(exc)
    assert time.monotonic() - started < 10


def test_binary_served_as_html_is_a_clear_error_then_the_feed(site: LocalSite) -> None:
    url = site.fail("/news/binary", "binary", content_type="text/html")
    response = fetch_page(url, site.settings())
    with pytest.raises(ExtractionError, match="binary data"):
        extract_article(response, None)
    assert extract_article(response, _entry("From the feed.")).source == "feed"


def test_mis_declared_page_from_the_site_reads(site: LocalSite) -> None:
    text = (
        "Министр иностранных дел России Сергей Лавров заявил журналистам, что Москва готова "
        "обсуждать с Вашингтоном все вопросы, если разговор будет честным и равноправным."
    )
    page = f"<html lang='ru'><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    url = site.add_resource("/news/ru", page.encode("cp1251"), "text/html; charset=utf-8")
    article = extract_html(fetch_page(url, site.settings()).body, url, charset="utf-8")
    assert article is not None and "Сергей Лавров" in article.text
