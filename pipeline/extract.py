"""Article extraction: the story's text and metadata from a page, with the feed as fallback.

`extract_html` runs trafilatura with options chosen by measurement (benchmarks/extraction.py):
precision favoured, so navigation, cookie banners, related links and footers stay out of the
text the detector reads. `extract_article` falls back to the feed entry's own content when the
page gives nothing or too little. Hostile input (huge, binary, absurdly nested, mis-declared
charsets) is refused with an ExtractionError before or instead of crashing the parser.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from pipeline.errors import ExtractionError
from pipeline.http import HttpResponse, decode_body
from pipeline.models import ExtractedArticle, FeedEntry
from pipeline.text import clean, clean_markup
from pipeline.urls import canonicalize_url

LOGGER = logging.getLogger(__name__)

# Chosen with benchmarks/extraction.py on 181 news pages (trafilatura 2.3.1), mean F1 of
# 4-word shingles: defaults 0.955, no comments 0.958, favor_precision 0.961 (P 0.958,
# R 0.972), fast mode 0.941, without tables 0.950; these options, with the headline removed
# from the body as below, 0.963 (P 0.962, R 0.972). Precision matters most to us: furniture
# in the text becomes false events downstream.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}
# A page text shorter than this is a teaser, paywall or error page, unless the feed has less.
MIN_PAGE_CHARS = 300
# Pages larger than this are refused before parsing (the fetch cap is normally lower).
MAX_HTML_BYTES = 8 * 1024 * 1024
# Element nesting beyond this is not a real article page (libxml2's HTML parser also stops
# building the tree at 256 levels, so trafilatura would silently lose the text); such pages
# are refused up front with a clear message.
MAX_NESTING = 256
_BINARY_SAMPLE = 8192
_HTML_LANG = re.compile(
    r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*""", re.I
)
_META_LANG = re.compile(
    r"""<meta\b[^>]{0,300}?(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']og:locale)["']?[^>]{0,300}?content\s*=\s*["']?([A-Za-z]{2,3})""",
    re.I,
)
# Precise publication timestamps in metadata (htmldate, inside trafilatura, keeps only the day).
_PUBLISHED_TIME = re.compile(
    r"""(?:"datePublished"\s*:\s*"|<meta\b[^>]{0,300}?property\s*=\s*["']article:published_time["'][^>]{0,300}?content\s*=\s*["'])([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)""",
    re.I,
)
# Every pattern run over page bytes is bounded ({0,n}): hostile input such as "<a<a<a..."
# must cost linear time, not quadratic backtracking. Longer tags are simply not counted.
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]{0,30})\b[^<>]{0,2000}?(/?)>|<!--")
_VOID = frozenset(
    b"area base br col embed hr img input link meta source track wbr p li td tr th option".split()
)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first few KB: not a text document."""
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    if b"\0" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def _max_nesting(data: bytes) -> int:
    """Element nesting depth, roughly as a browser sees it (cheap: a regex over tags).

    Scripts, styles and comments are skipped, void elements ignored, and a closing tag closes
    everything opened inside it, so sloppy pages with unclosed <span>s don't count as deep:
    the deepest of the 181 benchmark pages measures 51.
    """
    stack: list[bytes] = []
    deepest = 0
    lowered = data.lower()
    pos = 0
    while (match := _TAG.search(lowered, pos)) is not None:
        pos = match.end()
        if match.group(0) == b"<!--":
            pos = lowered.find(b"-->", pos)
        elif match.group(1) or match.group(3) or match.group(2) in _VOID:
            name = match.group(2)
            if match.group(1) and name in stack:  # a closing tag closes what it contains
                while stack.pop() != name:
                    pass
        elif match.group(2) in (b"script", b"style"):
            pos = lowered.find(b"</" + match.group(2), pos)  # their content is not markup
        else:
            stack.append(match.group(2))
            deepest = max(deepest, len(stack))
            if deepest > MAX_NESTING:
                break
        if pos < 0:
            break
    return deepest


def _language(html: str) -> str | None:
    """The page's declared language (primary subtag): <html lang>, Content-Language or og:locale."""
    head = html[:16384]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).lower() if match else None


def _utc(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _published(day: str | None, html: str) -> dt.datetime | None:
    """Publication time, UTC-aware: the page's precise timestamp when it agrees with the day
    trafilatura (htmldate) chose, else that day at midnight UTC."""
    chosen = _utc(day) if day else None
    match = _PUBLISHED_TIME.search(html[:262144])
    precise = _utc(match.group(1)) if match else None
    if precise is not None and (chosen is None or precise.date() == chosen.date()):
        return precise
    return chosen


def _clean_text(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _check_hostile(data: bytes, where: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ExtractionError(
            f"{where}: the page is {len(data)} bytes, over the {max_bytes}-byte extraction limit; "
            "it is not extracted"
        )
    if _looks_binary(data):
        raise ExtractionError(f"{where}: the page is binary data, not HTML; it is not extracted")
    if _max_nesting(data) > MAX_NESTING:
        raise ExtractionError(
            f"{where}: elements are nested more than {MAX_NESTING} deep, which no article page "
            "needs; it is not extracted"
        )


def extract_html(
    html: str | bytes,
    url: str | None = None,
    *,
    charset: str | None = None,
    max_bytes: int = MAX_HTML_BYTES,
) -> ExtractedArticle | None:
    """The article in a page, or None when the page has no recognisable article text.

    Raises ExtractionError for hostile input (too large, binary, absurdly nested) and when the
    extractor itself fails, naming the page.
    """
    where = url or "page"
    data = html.encode("utf-8", errors="replace") if isinstance(html, str) else html
    _check_hostile(data, where, max_bytes)
    text_html = clean_markup(html) if isinstance(html, str) else decode_body(html, charset)
    import trafilatura  # heavy import kept out of module import time (Airflow DAG parsing)

    try:
        document = trafilatura.bare_extraction(
            text_html,
            url=url,
            with_metadata=True,
            output_format="python",
            **TRAFILATURA_OPTIONS,
        )
    except RecursionError:
        raise ExtractionError(f"{where}: the page is too deeply structured to extract") from None
    except Exception as exc:  # noqa: BLE001 - one bad page must not end the run
        LOGGER.debug("trafilatura failed on %s", where, exc_info=True)
        raise ExtractionError(
            f"{where}: the extractor failed ({type(exc).__name__}: {exc})"
        ) from None
    if document is None:
        return None
    fields = document if isinstance(document, dict) else document.as_dict()
    # The parser expands character references (&#0; included): clean what it gives.
    text = _clean_text(clean(str(fields.get("text") or "")))
    title = clean(str(fields.get("title") or "")).strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]  # the headline has its own field
    if not text:
        return None
    return ExtractedArticle(
        url=url or str(fields.get("url") or ""),
        text=text,
        title=title,
        author=clean(str(fields.get("author") or "")) or None,
        published=_published(fields.get("date"), text_html),
        language=_language(text_html),
        source="page",
    )


def extract_article(
    page_response: HttpResponse | None,
    entry: FeedEntry | None,
    *,
    page_errors: str = "fallback",
) -> ExtractedArticle:
    """The article for an entry: the page's text, else the feed entry's own content.

    The page wins when it gives at least MIN_PAGE_CHARS of text or more than the feed has.
    Missing page metadata (title, author, date) is filled from the entry. The URL is the
    entry's canonical URL when there is an entry. Raises ExtractionError when neither the page
    nor the entry has text. With page_errors="raise", a page refused by extraction (hostile,
    or the extractor failed) raises its ExtractionError instead of falling back to the feed,
    so that the pipeline records the failure and tries the page again later.
    """
    if page_response is None and entry is None:
        raise ExtractionError("nothing to extract: neither a page nor a feed entry was given")
    url = entry.url if entry else canonicalize_url(page_response.url)  # type: ignore[union-attr]
    page: ExtractedArticle | None = None
    page_problem = "no page was fetched"
    if page_response is not None:
        try:
            page = extract_html(
                page_response.body, page_response.url, charset=page_response.charset
            )
            page_problem = "the page has no article text" if page is None else ""
        except ExtractionError as exc:
            if page_errors == "raise":
                raise
            page_problem = str(exc)
            LOGGER.info("extraction failed, trying the feed content: %s", exc)
    feed_text = _clean_text(entry.summary or "") if entry else ""
    if page is not None and (len(page.text) >= MIN_PAGE_CHARS or len(page.text) >= len(feed_text)):
        page.url = url
        if entry is not None:
            page.title = page.title or entry.title
            page.author = page.author or entry.author
            # The feed's timestamp is usually precise to the minute; the page date may be a day.
            page.published = entry.published or page.published
        return page
    if feed_text and entry is not None:
        if page is not None:
            LOGGER.info(
                "page text of %s too short (%d chars); using the feed content", url, len(page.text)
            )
        return ExtractedArticle(
            url=url,
            text=feed_text,
            title=entry.title,
            author=entry.author,
            published=entry.published,
            language=page.language if page else None,
            source="feed",
        )
    raise ExtractionError(
        f"{url}: no article text ({page_problem}, and the feed entry has no content)"
    )


__all__ = ["MIN_PAGE_CHARS", "TRAFILATURA_OPTIONS", "extract_article", "extract_html"]
