"""Feeds: the feeds file (`load_feeds`) and fetching one feed into entries (`fetch_feed`).

A bad feed never stops a run: `fetch_feed` turns every failure into a FeedResult with status
"failed" or "blocked" and the reason, and keeps feedparser's `bozo` complaint even when the
feed was usable. Bytes are fetched by our own client (guard, timeouts, size cap, conditional
GET) and only then handed to feedparser, which therefore never touches the network.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import BlockedAddressError, ConfigError, FetchError
from pipeline.http import fetch
from pipeline.models import FeedEntry, FeedResult, FeedSpec
from pipeline.netguard import NetGuard
from pipeline.settings import Settings
from pipeline.text import clean, clean_char_refs, read_text_file
from pipeline.urls import canonicalize_url

LOGGER = logging.getLogger(__name__)

FEED_KEYS = ("name", "url", "tags")
_EXAMPLE = "each feed is a mapping like {name: bbc-world, url: https://..., tags: [outlet, intl]}"

# -- the feeds file ---------------------------------------------------------------------------


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node, what: str, source: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ConfigError(f"{what} must be a non-empty text value", source=source, line=_line(node))
    return str(node.value).strip()


def _tags(node: yaml.Node, source: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):  # "tags: official, rus" is accepted too
        items = [t.strip() for t in str(node.value).split(",")]
    elif isinstance(node, yaml.SequenceNode):
        items = [_scalar(item, "each tag", source) for item in node.value]
    else:
        raise ConfigError(
            "tags must be a list, e.g. tags: [wire, usa]", source=source, line=_line(node)
        )
    return tuple(t for t in items if t)


def _feed_spec(node: yaml.Node, source: str, seen: dict[str, int]) -> FeedSpec:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(
            f"a feed entry is not a mapping; {_EXAMPLE}", source=source, line=_line(node)
        )
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in FEED_KEYS:
            raise ConfigError(
                f"unknown key {key!r} in a feed entry; the keys are {', '.join(FEED_KEYS)}",
                source=source,
                line=_line(key_node),
            )
        fields[key] = value_node
    if "url" not in fields:
        raise ConfigError(f"a feed entry has no url; {_EXAMPLE}", source=source, line=_line(node))
    url = _scalar(fields["url"], "url", source)
    if not url.lower().startswith(("http://", "https://")) or url.rstrip("/")[-3:] == "://":
        raise ConfigError(
            f"url {url!r} is not an http(s) URL; write the full address starting with https://",
            source=source,
            line=_line(fields["url"]),
        )
    if "name" not in fields:
        raise ConfigError(
            f"the feed {url} has no name; {_EXAMPLE}", source=source, line=_line(node)
        )
    name = _scalar(fields["name"], "name", source)
    if name in seen:
        raise ConfigError(
            f"duplicate feed name {name!r} (first used on line {seen[name]}); "
            "give each feed a unique name",
            source=source,
            line=_line(fields["name"]),
        )
    seen[name] = _line(fields["name"])
    tags = _tags(fields["tags"], source) if "tags" in fields else ()
    return FeedSpec(name=name, url=url, tags=tags)


def load_feeds(path: str | Path) -> list[FeedSpec]:
    """Read a feeds file (`feeds: [{name, url, tags}]`); ConfigError names the line and the fix."""
    source = str(path)
    text = read_text_file(
        path, what="the feeds file", hint="check the path, DIPLOWATCH_FEEDS or --feeds"
    )
    try:
        try:  # libyaml when there: a 500-feed file in 20 ms instead of 250
            root = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:  # the pure-Python parser's words for what is wrong, and where
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
            source=source,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(
            f"the file must start with `feeds:` followed by a list; {_EXAMPLE}", source=source
        )
    feeds_node: yaml.Node | None = None
    for key_node, value_node in root.value:
        if key_node.value != "feeds":
            raise ConfigError(
                f"unknown top-level key {key_node.value!r}; the file holds only `feeds:`",
                source=source,
                line=_line(key_node),
            )
        feeds_node = value_node
    if feeds_node is None or not isinstance(feeds_node, yaml.SequenceNode):
        line = _line(feeds_node) if feeds_node is not None else None
        raise ConfigError(f"`feeds:` must be a list of feeds; {_EXAMPLE}", source=source, line=line)
    seen: dict[str, int] = {}
    specs = [_feed_spec(item, source, seen) for item in feeds_node.value]
    urls: dict[str, str] = {}
    for spec in specs:
        if spec.url in urls:
            LOGGER.warning(
                "%s: feeds %s and %s have the same url %s",
                source,
                urls[spec.url],
                spec.name,
                spec.url,
            )
        urls.setdefault(spec.url, spec.name)
    return specs


# -- entries ----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "pre",
        "figure",
        "figcaption",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


class _TextCollector(HTMLParser):
    """Turns an HTML fragment into text, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one paragraph a line."""
    if not fragment:
        return ""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _datetime(value: Any) -> dt.datetime | None:
    """feedparser's *_parsed values are UTC struct_time; make them aware datetimes."""
    if not isinstance(value, time.struct_time):
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def _raw(value: Any) -> str:
    """A value feedparser produced, as clean text: this is where a feed's text enters."""
    return clean(str(value or ""))


def _text_of(detail: Any, value: Any) -> str:
    kind = str((detail or {}).get("type", "")) if isinstance(detail, dict) else ""
    text = _raw(value)
    return html_to_text(text) if "html" in kind or "<" in text else " ".join(text.split())


def _entry(raw: Any) -> FeedEntry | None:
    guid = _raw(raw.get("id")) or None
    link = _raw(raw.get("link")) or (
        guid if str(guid or "").startswith(("http://", "https://")) else None
    )
    if not link:
        return None
    url = canonicalize_url(link)
    if not url.startswith(("http://", "https://")):
        return None
    # The fullest of content:encoded / content and summary is the fallback body.
    bodies = [_text_of(c, c.get("value")) for c in raw.get("content") or []]
    bodies.append(_text_of(raw.get("summary_detail"), raw.get("summary")))
    summary = max(bodies, key=len) or None
    title = _text_of(raw.get("title_detail"), raw.get("title")) or None
    published = _datetime(raw.get("published_parsed")) or _datetime(raw.get("updated_parsed"))
    author = " ".join(_raw(raw.get("author")).split()) or None
    return FeedEntry(
        url=url, title=title, summary=summary, published=published, author=author, guid=guid
    )


def parse_feed(
    body: bytes, headers: dict[str, str], limit: int
) -> tuple[list[FeedEntry], str | None]:
    """Entries (deduplicated by URL, at most limit) and feedparser's bozo message, if any."""
    import feedparser  # heavy-ish import kept out of module import time (Airflow DAG parsing)

    # A stream, never bytes or str: feedparser would treat a str that looks like a URL or
    # a path as something to open itself.
    parsed = feedparser.parse(io.BytesIO(clean_char_refs(body)), response_headers=headers)
    bozo = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        bozo = clean(f"{type(exc).__name__}: {exc}") if exc is not None else "malformed feed"
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.get("entries", []):
        entry = _entry(raw)
        if entry is None or entry.url in seen:
            continue
        seen.add(entry.url)
        entries.append(entry)
        if len(entries) >= limit:
            break
    if bozo is None and not entries and not parsed.get("version"):
        # Well-formed XML that is no feed (an XHTML error page, a sitemap): feedparser does
        # not complain, but the URL is wrong all the same.
        bozo = "the document is not a recognised RSS, Atom or RDF feed"
    return entries, bozo


def fetch_feed(
    spec: FeedSpec,
    settings: Settings,
    etag: str | None = None,
    last_modified: str | None = None,
    *,
    guard: NetGuard | None = None,
) -> FeedResult:
    """Fetch and parse one feed. Never raises for a bad feed: see FeedResult.status."""
    try:
        response = fetch(
            spec.url, settings, kind="feed", etag=etag, last_modified=last_modified, guard=guard
        )
    except BlockedAddressError as exc:
        LOGGER.warning("feed %s blocked: %s", spec.name, exc)
        return FeedResult(spec, "blocked", etag=etag, last_modified=last_modified, error=str(exc))
    except FetchError as exc:
        LOGGER.warning("feed %s failed: %s", spec.name, exc)
        return FeedResult(
            spec,
            "failed",
            etag=etag,
            last_modified=last_modified,
            http_status=exc.status,
            error=str(exc),
        )
    new_etag = response.etag or etag
    new_modified = response.last_modified or last_modified
    if response.not_modified:
        LOGGER.info("feed %s not modified", spec.name)
        return FeedResult(
            spec, "not_modified", etag=new_etag, last_modified=new_modified, http_status=304
        )
    headers = dict(response.headers)
    headers["content-location"] = response.url  # relative links resolve against the final URL
    try:
        entries, bozo = parse_feed(response.body, headers, settings.max_articles_per_feed)
    except Exception as exc:  # noqa: BLE001 - a parser crash on one feed must not end the run
        LOGGER.exception("feed %s: the parser crashed", spec.name)
        return FeedResult(
            spec,
            "failed",
            http_status=response.status,
            error=f"{response.url}: parser crashed: {exc!r}",
        )
    if bozo and not entries:
        LOGGER.warning("feed %s is not a usable feed: %s", spec.name, bozo)
        return FeedResult(
            spec,
            "failed",
            http_status=response.status,
            bozo=bozo,
            error=f"{response.url}: not a valid RSS/Atom feed ({bozo}); check the feed URL",
        )
    if bozo:
        LOGGER.info("feed %s is malformed but usable: %s", spec.name, bozo)
    LOGGER.info("feed %s: %d entries", spec.name, len(entries))
    return FeedResult(
        spec,
        "ok",
        entries=entries,
        etag=new_etag,
        last_modified=new_modified,
        http_status=response.status,
        bozo=bozo,
    )


__all__ = ["fetch_feed", "html_to_text", "load_feeds", "parse_feed"]
