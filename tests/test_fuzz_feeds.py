"""Property-based fuzzing of feed parsing (pipeline/feeds.parse_feed) with hypothesis.

Arbitrary bytes and RSS/Atom documents built from hostile fragments (NUL and other
character references, lone surrogates, unbalanced markup, entity declarations, wrong
encodings): parse_feed never raises, reports a broken document through its bozo message
(its documented way to fail), keeps at most `limit` entries with distinct http(s) URLs, and
every text it returns can be stored (no NUL, no lone surrogate, nothing unclean).
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.feeds import parse_feed
from pipeline.text import is_clean

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = st.sampled_from(
    [
        "&#0;", "&#x0;", "&#1;", "&#xD800;", "&#55296;", "&#x110000;", "&#99999999999;", "&amp;",
        "&lt;b&gt;", "&nbsp;", "&bogus;", "<b>", "</p>", "<![CDATA[x\x00y]]>", "<!-- c -->",
        "\x00", "\x01", "\ud800", "\ufffe", "é", "Путин", "\u202e", "<", ">", "&", '"', "\r",
        "<script>alert(1)</script>", "]]>", "<?xml?>", "\t", " ",
    ]
)  # fmt: skip
fragment_text = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=8).map("".join)
links = st.one_of(
    st.sampled_from(["https://news.example/a", "http://news.example/a?utm_source=x", "/rel"]),
    fragment_text.map(lambda t: "https://news.example/" + t),
    fragment_text,
)


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    items = []
    atom = draw(st.booleans())
    for _ in range(draw(st.integers(0, 4))):
        title, summary, link, guid = (
            draw(fragment_text),
            draw(fragment_text),
            draw(links),
            draw(fragment_text),
        )
        if atom:
            items.append(
                f"<entry><title>{title}</title><link href='{link}'/><id>{guid}</id>"
                f"<summary type='html'>{summary}</summary></entry>"
            )
        else:
            items.append(
                f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
                f"<description>{summary}</description><author>{title}</author></item>"
            )
    prolog = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0" encoding="utf-8"?>',
                '<?xml version="1.0" encoding="iso-8859-1"?>',
                '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
                '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            ]
        )
    )
    if atom:
        body = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{"".join(items)}</feed>'
    else:
        body = f'<rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>'
    cut = draw(st.integers(0, len(body)))  # sometimes truncated mid-document
    text = prolog + (body if draw(st.booleans()) else body[:cut])
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="surrogatepass" if encoding != "latin-1" else "replace")


def _check(body: bytes, headers: dict[str, str], limit: int) -> None:
    entries, bozo = parse_feed(body, headers, limit)
    assert len(entries) <= limit
    assert len({e.url for e in entries}) == len(entries)
    assert bozo is None or (isinstance(bozo, str) and is_clean(bozo))
    for entry in entries:
        assert entry.url.startswith(("http://", "https://")) and entry.url.isascii()
        for value in (entry.url, entry.title, entry.summary, entry.author, entry.guid):
            assert value is None or is_clean(value), repr(value)


@settings(FUZZ)
@given(body=st.binary(max_size=400), content_type=st.sampled_from(["", "application/rss+xml"]))
@example(body=b"\x00" * 50, content_type="")
@example(body=b"<rss><channel><item><link>https://a.example/x</link></item>", content_type="")
def test_arbitrary_bytes_never_raise(body: bytes, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    entries, bozo = parse_feed(body, headers, 5)
    assert len(entries) <= 5
    assert bozo is None or is_clean(bozo)
    for entry in entries:
        for value in (entry.url, entry.title, entry.summary, entry.author, entry.guid):
            assert value is None or is_clean(value), repr(value)


@settings(FUZZ)
@given(body=feed_documents(), limit=st.integers(1, 3))
@example(
    body=b'<rss version="2.0"><channel><item><title>A &#0; B</title>'
    b"<link>https://a.example/x</link></item></channel></rss>",
    limit=3,
)
@example(  # a reference past any code point: feedparser's chr() overflowed
    body=b'<rss version="2.0"><channel><item><link>https://a.example/x</link>'
    b"<guid>&#99999999999;</guid></item></channel></rss>",
    limit=1,
)
@example(  # UTF-16: the reference to a lone surrogate is no ASCII run of bytes
    body='<rss version="2.0"><channel><item><link>https://a.example/x</link>'
    "<description>&#xD800;</description></item></channel></rss>".encode("utf-16"),
    limit=1,
)
def test_hostile_feed_documents_give_clean_entries_or_a_reason(body: bytes, limit: int) -> None:
    _check(body, {"content-type": "application/xml"}, limit)
