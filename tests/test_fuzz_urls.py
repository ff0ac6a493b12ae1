"""Property-based fuzzing of URL canonicalisation (pipeline/urls.py) with hypothesis.

For any string: canonicalize_url never raises, is idempotent, and gives text PostgreSQL can
store; what it changes is a valid ASCII http(s) URL (a malformed one is left alone, to fail
at fetch with the reason). A well-formed http(s) URL, unicode host included, always comes
out as valid ASCII with the same host (IDNA).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.text import clean, is_clean
from pipeline.urls import canonicalize_url, is_tracking_param

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces URLs are made of, hostile ones included: odd ports, brackets, escapes, unicode
# hosts, credentials, tracking parameters, NUL and control characters, lone surrogates.
PIECES = st.sampled_from(
    [
        "http://", "https://", "HTTPS://", "ftp://", "//", "example.com", "EXAMPLE.com.",
        "xn--e1afmkfd.xn--p1ai", "пример.рф", "bücher.de", "[::1]", "[::ffff:127.0.0.1]", "[",
        "]", ":", ":80", ":443", ":99999", ":-1", ":0x50", "@", "user:pw@", "/", "/a b", "/%",
        "/%2F", "/%zz", "/ü", "?", "?b=2&a=1", "&utm_source=x", "&fbclid=1", "=", "#frag",
        "%00", "\x00", "\t", "\r\n", " ", "\ud800", "\u202e", "\ufffd", "..", ";", "\\",
    ]
)  # fmt: skip
urls = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=10).map("".join),
)


@FUZZ
@given(urls)
@example("http://пример.рф/путь?q=ё")
@example("https://user:pässword@Example.COM:443/a b?utm_source=x&b=2&a=1#f")
@example("http://[::1]:99999/")
@example("http://ex\x00ample.com/\ud800")
def test_canonicalisation_never_raises_and_is_idempotent(url: str) -> None:
    once = canonicalize_url(url)
    assert isinstance(once, str)
    assert canonicalize_url(once) == once


def _valid_ascii_http(result: str) -> bool:
    parts = urlsplit(result)
    return (
        result.isascii()
        and not any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in result)
        and parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and parts.fragment == ""
        and not any(
            is_tracking_param(name) for name, _ in parse_qsl(parts.query, keep_blank_values=True)
        )
    )


@FUZZ
@given(urls)
@example("http://пример.рф/путь?q=ё")
@example("https://user:pässword@bücher.de/a b")
@example("http://exa mple.com/")
@example("http://ex\x00ample.com/\ud800")
def test_the_result_is_storable_and_either_valid_ascii_or_left_alone(url: str) -> None:
    result = canonicalize_url(url)
    assert is_clean(result)  # no NUL, no lone surrogate: PostgreSQL and JSON can hold it
    if result.startswith(("http://", "https://")) and result != clean(url).strip():
        assert _valid_ascii_http(result), result  # what it changed, it made valid


LABEL = st.from_regex(r"\A[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?\Z")
UNICODE_LABEL = st.text(st.characters(categories=("Ll", "Lu", "Lo")), min_size=1, max_size=8)
HOSTS = st.lists(st.one_of(LABEL, UNICODE_LABEL), min_size=1, max_size=4).map(".".join)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


@st.composite
def http_urls(draw: st.DrawFn) -> tuple[str, str]:
    host = draw(HOSTS)
    try:
        host.encode("idna")
    except UnicodeError:
        host = "example.org"  # IDNA refuses some letters; such a host is left alone
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https"]))
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    segments = draw(st.lists(ANY_TEXT, max_size=3))
    query = draw(st.lists(st.tuples(st.sampled_from(["q", "id", "utm_source", "b"]), ANY_TEXT)))
    text = f"{scheme}://{host}{port}/" + "/".join(segments)
    if query:
        text += "?" + "&".join(f"{k}={v}" for k, v in query)
    return text + draw(st.sampled_from(["", "#top"])), host


@FUZZ
@given(http_urls())
@example(("http://пример.рф/путь?q=ё", "пример.рф"))
def test_a_well_formed_http_url_becomes_valid_ascii_with_its_host_kept(case) -> None:
    url, host = case
    result = canonicalize_url(url)
    assert _valid_ascii_http(result), (url, result)
    assert urlsplit(result).hostname == host.lower().encode("idna").decode("ascii").lower()
    assert canonicalize_url(result) == result
