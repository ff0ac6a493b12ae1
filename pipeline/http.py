"""Our HTTP client: every feed and page fetch goes through `fetch`.

What it adds to httpx: the network guard on every redirect hop (redirects are followed here,
not by httpx), connections made only to the addresses the guard checked, a size cap enforced
while streaming (after decompression, so a gzip bomb is stopped too), one wall-clock
deadline for the whole exchange, conditional GET, and charset handling for the body.

The deadline (`http_timeout` seconds from the start of `fetch`) covers connecting, the TLS
handshake, sending, the status line and headers, the body and every redirect hop: each
socket operation may wait only for what is left of it. httpx's own timeouts apply to each
read separately, so a server sending one byte a second (of headers or body) would
otherwise hold a fetch forever.

One httpx.Client per call, not a shared one: the guard's checked addresses are pinned in that
client's network backend for the duration of one fetch, the client holds no state between
runs (safe under ThreadPoolExecutor and forked Airflow workers), and the cost, a fresh
connection per fetch, is negligible at a few hundred fetches every quarter of an hour. The
SSL context (the expensive part) is shared; it is safe to use from several threads.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
import ssl
import sys
import time
import types
import typing
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpcore

from pipeline.errors import BlockedAddressError, FetchError
from pipeline.netguard import NetGuard
from pipeline.settings import Settings
from pipeline.text import clean_markup


def _import_httpx_without_its_cli() -> None:
    """Import httpx without its command-line client: the package imports it on import
    whenever click, rich and pygments are installed (they are, for uvicorn and our progress
    bar), half of the cost of importing httpx and 5 % of an unchanged pass's CPU. httpx.main
    stays usable: it imports the real client when called."""
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    stand_in = types.ModuleType("httpx._main")

    def main(*args: typing.Any, **kwargs: typing.Any) -> typing.Any:
        from httpx._main import main as real  # the stand-in left sys.modules already

        return real(*args, **kwargs)

    stand_in.main = main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = stand_in
    try:
        import httpx  # noqa: F401
    finally:
        del sys.modules["httpx._main"]


_import_httpx_without_its_cli()
import httpx  # noqa: E402

LOGGER = logging.getLogger(__name__)

Kind = typing.Literal["feed", "page"]

ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, */*;q=0.5",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
}
# Status codes whose Location header we follow.
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Media types an article page can have; anything else (images, PDFs, archives) is refused.
_PAGE_TYPE = re.compile(r"^(text/[\w.+-]+|application/(xhtml\+xml|xml|[\w.+-]+\+xml))$")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{1,40})""")


@dataclass(frozen=True)
class HttpResponse:
    """A fetched response: where it ended up, its status, headers and (capped) body."""

    url: str  # after redirects
    status: int
    headers: dict[str, str]  # names lower-cased
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    requested_url: str = ""
    redirects: tuple[str, ...] = field(default=())  # the URLs passed through, in order

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str | None:
        value = self.headers.get("content-type")
        return value.split(";", 1)[0].strip().lower() or None if value else None

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, if any."""
        match = re.search(
            r"charset\s*=\s*[\"']?([\w.:-]+)", self.headers.get("content-type", ""), re.I
        )
        return match.group(1) if match else None

    def text(self) -> str:
        """The body decoded: declared charset, then BOM/meta/XML declaration, then detection."""
        return decode_body(self.body, self.charset)


def _codec(name: str | bytes | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not name:
        return None
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def sniff_charset(body: bytes) -> str | None:
    """The charset a document declares about itself: BOM, XML declaration or <meta> tag."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return codec
    head = body[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(match.group(1)) if match else None


def decode_body(body: bytes, declared: str | None = None) -> str:
    """Decode a body to text without ever failing; wrong declarations fall back to detection.

    The text is cleaned (`pipeline.text.clean_markup`): this is where every fetched body
    enters, so NULs, lone surrogates and references to them (`&#0;`) stop here.
    """
    return clean_markup(_decode(body, declared))


def _decode(body: bytes, declared: str | None) -> str:
    tried: list[str] = []
    for candidate in (_codec(declared), sniff_charset(body), "utf-8"):
        if candidate is None or candidate in tried:
            continue
        tried.append(candidate)
        try:
            return body.decode(candidate)
        except UnicodeDecodeError:
            # A server that declares utf-8 and sends cp1251 is common; keep looking.
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:262144]).best()
        if best is not None and best.encoding:
            return body.decode(best.encoding, errors="replace")
    except (ImportError, LookupError):
        pass
    return body.decode(tried[0] if tried else "utf-8", errors="replace")


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


class _Deadline:
    """The wall-clock end of one exchange; every socket operation waits at most until then."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() >= self.end

    def bound(self, timeout: float | None, error: type[Exception]) -> float:
        """`timeout` cut to what is left; `error` when nothing is."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise error(f"the {self.seconds}s deadline of the exchange has passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads, writes and TLS handshake all end by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, bounded), self._deadline
        )

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _PinnedBackend(httpcore.SyncBackend):
    """Connects only to addresses the guard has checked for the host being fetched, and
    only until the exchange's deadline."""

    def __init__(self, guard: NetGuard, deadline: _Deadline) -> None:
        self._guard = guard
        self._deadline = deadline
        self._pins: dict[tuple[str, int], tuple[str, ...]] = {}

    def pin(self, host: str, port: int, addresses: tuple[str, ...]) -> None:
        self._pins[(host.lower(), port)] = addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._pins.get((host.lower(), port))
        if addresses is None:
            # Not pinned by fetch() (should not happen): resolve and check here instead.
            try:
                addresses = self._guard.resolve(f"http://{host}:{port}/", host, port)
            except BlockedAddressError:
                raise
            except OSError as exc:
                raise httpcore.ConnectError(str(exc)) from exc
        error: Exception | None = None
        for address in addresses:
            try:
                # TLS still verifies and sends SNI for the host name: httpcore takes those from
                # the request's origin, not from the address we connect to.
                bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
                stream = super().connect_tcp(address, port, bounded, local_address, socket_options)
                return _DeadlineStream(stream, self._deadline)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error


class _SharedSSLContext:
    """The shared SSL context, made when a TLS connection first needs it: loading the CA
    certificates costs a fifth of a second, which a pass over plain-HTTP feeds need not pay."""

    def __getattr__(self, name: str) -> typing.Any:
        return getattr(_ssl_context(), name)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, backend: _PinnedBackend) -> None:
        # httpx has no public way to pass a network backend: the pool httpx would build
        # (HTTPTransport.__init__, which holds nothing else) is replaced by one that uses
        # ours (same options as httpx's own, connections to pinned addresses only).
        self._pool = httpcore.ConnectionPool(
            ssl_context=typing.cast(ssl.SSLContext, _SharedSSLContext()),
            network_backend=backend,
            max_connections=4,
            retries=0,
        )


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _read_capped(
    response: httpx.Response, url: str, max_bytes: int, limit_name: str, deadline: _Deadline
) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            url,
            f"response is {int(declared)} bytes, over the {max_bytes}-byte limit ({limit_name}); "
            f"raise {limit_name} if this source is legitimate",
            status=response.status_code,
        )
    chunks: list[bytes] = []
    total = 0
    # iter_bytes yields decompressed bytes, so the cap also stops decompression bombs. No
    # chunk_size: httpx would buffer up to it, and a slow drip would dodge the deadline check.
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(
                url,
                f"response exceeds the {max_bytes}-byte limit ({limit_name}) after decompression; "
                f"raise {limit_name} if this source is legitimate",
                status=response.status_code,
            )
        if deadline.passed():
            raise FetchError(url, _too_slow(deadline, "sending the body"))
        chunks.append(chunk)
    return b"".join(chunks)


def _page_type_refusal(response: httpx.Response) -> str | None:
    media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not media or _PAGE_TYPE.match(media):
        return None
    return f"not an HTML page (Content-Type {media}); only HTML articles are extracted"


def fetch(
    url: str,
    settings: Settings,
    *,
    kind: Kind = "page",
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int | None = None,
    guard: NetGuard | None = None,
) -> HttpResponse:
    """GET a feed or page, following redirects with the guard checked at every hop.

    Sends If-None-Match / If-Modified-Since when etag / last_modified are given and returns a
    304 as such (empty body). Raises BlockedAddressError for a refused URL or redirect hop,
    FetchError for network errors, HTTP errors (4xx/5xx), oversized bodies, too many redirects
    and (kind="page") bodies that are not HTML.
    """
    guard = guard or NetGuard.from_settings(settings)
    limit_name = "max_feed_bytes" if kind == "feed" else "max_page_bytes"
    if max_bytes is None:
        max_bytes = settings.max_feed_bytes if kind == "feed" else settings.max_page_bytes
    deadline = _Deadline(settings.http_timeout)
    backend = _PinnedBackend(guard, deadline)
    base_headers = {"User-Agent": settings.user_agent, "Accept": ACCEPT[kind]}
    hops: list[str] = []
    current = url
    with httpx.Client(
        transport=_GuardedTransport(backend),
        headers=base_headers,
        timeout=httpx.Timeout(settings.http_timeout),
        follow_redirects=False,
        trust_env=False,
    ) as client:
        for _ in range(settings.max_redirects + 1):
            hops.append(current)
            if deadline.passed():
                raise FetchError(current, _too_slow(deadline, "following redirects"))
            try:
                checked = guard.check(current)
            except BlockedAddressError as exc:
                if current == url:
                    raise
                raise BlockedAddressError(
                    current, f"{exc.reason} (redirected from {url})"
                ) from None
            except OSError as exc:
                raise FetchError(current, f"{exc}; check the feed or link") from None
            try:
                raw_host = httpx.URL(current).raw_host.decode("ascii")
                request = client.build_request(
                    "GET", current, headers=_conditional_headers(etag, last_modified)
                )
            except (httpx.InvalidURL, UnicodeError) as exc:
                raise FetchError(current, f"malformed URL ({exc}); fix the link") from None
            backend.pin(raw_host, checked.port, checked.addresses)
            response = _send(client, request, current, deadline)
            try:
                status = response.status_code
                location = response.headers.get("location")
                if status in REDIRECT_STATUSES and location:
                    current = urljoin(current, location.strip())
                    LOGGER.debug("redirect %s %s -> %s", status, hops[-1], current)
                    continue
                headers = {k.lower(): v for k, v in response.headers.items()}
                common = {
                    "url": current,
                    "status": status,
                    "headers": headers,
                    "etag": headers.get("etag"),
                    "last_modified": headers.get("last-modified"),
                    "requested_url": url,
                    "redirects": tuple(hops[:-1]),
                }
                if status == 304:
                    return HttpResponse(body=b"", **common)  # type: ignore[arg-type]
                if status >= 400:
                    raise FetchError(
                        current, f"HTTP {status} {response.reason_phrase}".rstrip(), status=status
                    )
                if kind == "page" and (refusal := _page_type_refusal(response)):
                    raise FetchError(current, refusal, status=status)
                body = _read_capped(response, current, max_bytes, limit_name, deadline)
                return HttpResponse(body=body, **common)  # type: ignore[arg-type]
            except httpx.TimeoutException:
                raise FetchError(current, _too_slow(deadline, "sending the body")) from None
            except httpx.DecodingError as exc:
                raise FetchError(current, f"cannot decompress the body ({exc})") from None
            except httpx.HTTPError as exc:
                raise FetchError(current, f"{type(exc).__name__}: {exc}") from None
            finally:
                response.close()
    raise FetchError(
        url,
        f"more than {settings.max_redirects} redirects (max_redirects); the link loops or is broken",
    )


def _too_slow(deadline: _Deadline, doing: str) -> str:
    return (
        f"timed out: the server took more than http_timeout={deadline.seconds}s {doing} (one "
        "deadline covers connecting, headers, body and redirects); it answers too slowly or has "
        "stalled"
    )


def _send(
    client: httpx.Client, request: httpx.Request, url: str, deadline: _Deadline
) -> httpx.Response:
    try:
        return client.send(request, stream=True)
    except httpx.ConnectTimeout:
        raise FetchError(url, _too_slow(deadline, "to accept the connection")) from None
    except httpx.TimeoutException:
        raise FetchError(url, _too_slow(deadline, "to answer")) from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"{type(exc).__name__}: {exc}") from None


def fetch_page(url: str, settings: Settings, *, guard: NetGuard | None = None) -> HttpResponse:
    """Fetch an article page (max_page_bytes, HTML only)."""
    return fetch(url, settings, kind="page", guard=guard)


__all__ = ["HttpResponse", "decode_body", "fetch", "fetch_page", "sniff_charset"]
