"""The HTTP client against the real local site: guard on every hop, caps, 304, timeouts."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from pipeline.errors import BlockedAddressError, FetchError
from pipeline.http import decode_body, fetch, fetch_page
from pipeline.netguard import ALLOW_HINT, NetGuard
from pipeline.settings import Settings
from tests.support.site import LocalSite


def loopback_only_guard(resolver=None) -> NetGuard:
    """Private hosts refused, except the loopback test site itself."""
    return NetGuard.from_settings(Settings(), allowed_networks=["127.0.0.1/32"], resolver=resolver)


def test_fetches_a_page_with_validators_and_our_user_agent(site: LocalSite) -> None:
    settings = site.settings()
    response = fetch_page(site.article_url("seed"), settings)
    assert response.status == 200
    assert response.url == site.article_url("seed")
    assert b"Putin" in response.body
    assert response.etag and response.etag.startswith('"')
    assert response.last_modified == "Mon, 22 Mar 2021 15:40:00 GMT"
    assert response.content_type == "text/html"
    assert response.charset == "utf-8"
    [request] = site.requests
    assert request.headers["user-agent"] == settings.user_agent
    assert "gzip" in request.headers["accept-encoding"]


def test_etag_round_trip_gives_304_and_no_body(site: LocalSite) -> None:
    settings = site.settings()
    first = fetch(site.feed_url("world"), settings, kind="feed")
    second = fetch(
        site.feed_url("world"),
        settings,
        kind="feed",
        etag=first.etag,
        last_modified=first.last_modified,
    )
    assert second.status == 304 and second.not_modified
    assert second.body == b""
    assert second.etag == first.etag
    requests = site.requests_to(site.feed_url("world"))
    assert [r.status for r in requests] == [200, 304]
    assert requests[1].headers["if-none-match"] == first.etag
    assert requests[1].headers["if-modified-since"] == first.last_modified


def test_if_modified_since_alone_gives_304(site: LocalSite) -> None:
    response = fetch(
        site.article_url("coral"), site.settings(), last_modified="Tue, 23 Mar 2021 00:00:00 GMT"
    )
    assert response.status == 304


def test_a_changed_etag_gives_the_full_body(site: LocalSite) -> None:
    response = fetch(site.article_url("coral"), site.settings(), etag='"stale"')
    assert response.status == 200 and response.body


def test_redirects_are_followed_and_recorded(site: LocalSite) -> None:
    site.fail("/old", "redirect", to="/older", code=301)
    site.fail("/older", "redirect", to=site.article_url("coral"), code=308)
    response = fetch(site.url("/old"), site.settings())
    assert response.url == site.article_url("coral")
    assert response.redirects == (site.url("/old"), site.url("/older"))
    assert response.requested_url == site.url("/old")


def test_too_many_redirects_fail_clearly(site: LocalSite) -> None:
    site.fail("/loop", "redirect", to="/loop")
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(site.url("/loop"), site.settings(max_redirects=2))
    assert len(site.requests_to("/loop")) == 3


def test_private_site_refused_without_the_switch_and_never_contacted(site: LocalSite) -> None:
    with pytest.raises(BlockedAddressError) as caught:
        fetch(site.article_url("seed"), Settings())
    assert ALLOW_HINT in str(caught.value)
    assert "127.0.0.1" in str(caught.value)
    assert site.requests == []


def test_redirect_to_metadata_service_is_refused_at_the_hop(site: LocalSite) -> None:
    url = site.fail("/go", "redirect", to="http://169.254.169.254/latest/meta-data/")
    with pytest.raises(BlockedAddressError) as caught:
        fetch(url, Settings(http_timeout=2), guard=loopback_only_guard())
    message = str(caught.value)
    assert "169.254.169.254" in message and "link-local" in message
    assert f"redirected from {url}" in message
    assert ALLOW_HINT in message
    assert [r.path for r in site.requests] == ["/go"]


def test_redirect_to_a_name_resolving_internally_is_refused(site: LocalSite) -> None:
    resolver = {"127.0.0.1": ["127.0.0.1"], "cms.internal.example": ["10.20.30.40"]}
    url = site.fail("/go", "redirect", to="http://cms.internal.example/admin")
    guard = loopback_only_guard(resolver=lambda host, port: resolver[host])
    with pytest.raises(BlockedAddressError, match=r"10\.20\.30\.40"):
        fetch(url, Settings(), guard=guard)


def test_redirect_to_a_non_http_scheme_is_refused(site: LocalSite) -> None:
    url = site.fail("/go", "redirect", to="file:///etc/passwd")
    with pytest.raises(BlockedAddressError, match="scheme 'file'"):
        fetch(url, site.settings())


def test_connects_to_the_checked_address_not_a_fresh_lookup(site: LocalSite) -> None:
    # news.test exists only in our resolver: the fetch can only succeed if the client
    # connects to the address the guard checked (which is also what defeats DNS rebinding).
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    url = f"http://news.test:{site.port}" + site.articles["coral"].path
    response = fetch(url, Settings(), guard=loopback_only_guard(resolver))
    assert response.status == 200 and b"corals" in response.body
    assert calls == ["news.test"]  # one resolution for the one hop, checked and used
    assert site.requests[0].headers["host"] == f"news.test:{site.port}"


def test_oversized_stream_without_length_is_cut_off(site: LocalSite) -> None:
    url = site.fail("/huge", "oversized", size=3_000_000)
    with pytest.raises(FetchError, match="max_page_bytes"):
        fetch(url, site.settings(max_page_bytes=1_000_000))


def test_oversized_declared_length_is_refused_before_reading(site: LocalSite) -> None:
    url = site.fail("/huge", "oversized", size=3_000_000, content_length=True)
    with pytest.raises(FetchError, match=r"3000000 bytes, over the 1000000-byte limit"):
        fetch(url, site.settings(max_page_bytes=1_000_000))


def test_feed_cap_is_max_feed_bytes(site: LocalSite) -> None:
    with pytest.raises(FetchError, match="max_feed_bytes"):
        fetch(site.feed_url("world"), site.settings(max_feed_bytes=1000), kind="feed")


def test_gzip_is_decompressed(site: LocalSite) -> None:
    plain = fetch(site.article_url("seed"), site.settings()).body
    site.fail(site.articles["seed"].path, "gzip")
    compressed = fetch(site.article_url("seed"), site.settings())
    assert compressed.headers["content-encoding"] == "gzip"
    assert compressed.body == plain


def test_gzip_bomb_is_stopped_by_the_cap_after_decompression(site: LocalSite) -> None:
    url = site.fail("/bomb", "gzip", size=50_000_000)  # ~50 KB on the wire
    with pytest.raises(FetchError, match="after decompression"):
        fetch(url, site.settings(max_page_bytes=1_000_000))


@pytest.mark.parametrize("code", [404, 500, 503])
def test_http_errors_raise_with_the_status(site: LocalSite, code: int) -> None:
    url = site.fail("/broken", "status", code=code)
    with pytest.raises(FetchError) as caught:
        fetch(url, site.settings())
    assert caught.value.status == code
    assert f"HTTP {code}" in str(caught.value)


def test_slow_server_times_out(site: LocalSite) -> None:
    url = site.fail("/slow", "slow", delay=5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, site.settings(http_timeout=0.5))
    assert time.monotonic() - started < 3


def test_slow_drip_stops_at_the_overall_deadline(site: LocalSite) -> None:
    url = site.fail("/drip", "drip", delay=0.1, bytes=200)
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slowly"):
        fetch(url, site.settings(http_timeout=0.4))
    assert time.monotonic() - started < 3


def test_binary_page_is_refused_by_content_type(site: LocalSite) -> None:
    url = site.fail("/photo", "binary", content_type="image/jpeg")
    with pytest.raises(FetchError, match="not an HTML page"):
        fetch_page(url, site.settings())


def test_connection_refused_is_a_fetch_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="ConnectError"):
        fetch(f"http://127.0.0.1:{port}/", Settings(allow_private_hosts=True, http_timeout=2))


def test_concurrent_fetches_from_threads(site: LocalSite) -> None:
    settings = site.settings()
    urls = [site.article_url(k) for k in site.articles] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda u: fetch(u, settings), urls))
    assert [r.url for r in responses] == urls
    assert all(r.status == 200 and r.body for r in responses)
    assert len(site.requests) == len(urls)


def test_decode_body_handles_declared_sniffed_and_wrong_charsets() -> None:
    text = "Путин и Байден"
    assert decode_body(text.encode("utf-8"), "utf-8") == text
    # Declared utf-8 but sent as windows-1251: detection recovers readable text.
    story = (
        "<p>Министерство иностранных дел России заявило в понедельник, что Соединённые Штаты "
        "отклонили предложение президента Путина провести разговор с президентом Байденом. "
        "По словам министерства, ответственность за это целиком лежит на американской стороне.</p>"
    )
    assert "иностранных дел" in decode_body(story.encode("cp1251"), "utf-8")
    meta = f'<html><head><meta charset="windows-1251"></head><body>{text}</body></html>'
    assert text in decode_body(meta.encode("cp1251"))
    assert decode_body(b"\xef\xbb\xbfhello") == "hello"
    assert decode_body("caf\u00e9".encode("latin-1"), "no-such-charset")  # never raises
