"""A real local news site for integration tests: a ThreadingHTTPServer on 127.0.0.1.

It serves article pages and RSS/Atom feeds built from tests.support.articles, honours
conditional GET (ETag / Last-Modified, 304), logs every request, and can be told to
misbehave on any path (status codes, slowness, malformed feeds, redirects, binary or
oversized bodies, gzip) so the pipeline's handling of bad sources is tested for real.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.settings import Settings
from tests.support import pages
from tests.support.articles import FEEDS, Article, all_articles

# A fixed Last-Modified for feeds and pages that have no date of their own.
SITE_MODIFIED = "Mon, 22 Mar 2021 18:00:00 GMT"


@dataclass(frozen=True)
class RequestRecord:
    """One request the site answered."""

    method: str
    path: str  # without the query string
    query: str
    headers: dict[str, str]  # names lower-cased
    status: int


@dataclass
class Fault:
    """How a path misbehaves; see LocalSite.fail."""

    kind: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resource:
    """A document the site serves at a path."""

    body: bytes
    content_type: str
    last_modified: str = SITE_MODIFIED
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    # HTTP/1.0: one request per connection, which keeps the request log simple to reason about.
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        pass  # the site keeps its own request log; stderr noise helps no one

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.server.site._handle(self)

    def do_HEAD(self) -> None:  # noqa: N802
        self.server.site._handle(self)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a request stuck in a "slow" fault must not block teardown
    # The default backlog of 5 drops connections under a concurrent runner (1 s SYN retry).
    request_queue_size = 128
    site: LocalSite


class LocalSite:
    """The running site. Use `url(path)`, `feed_url(name)`, `requests`, `fail(...)`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[RequestRecord] = []
        self._faults: dict[str, Fault] = {}
        self._resources: dict[str, Resource] = {}
        self.conditional = True  # answer If-None-Match / If-Modified-Since with 304
        self.articles: dict[str, Article] = all_articles()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        address = self._server.server_address
        self.host: str = str(address[0])
        self.port: int = int(address[1])
        self.base_url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(
            # A short poll interval: shutdown() waits up to one interval, at every teardown.
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="test-site",
            daemon=True,
        )
        self._build()

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses ---------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def feed_url(self, name: str) -> str:
        """URL of a feed: world, politics, outlet, misc (RSS), world-atom, malformed, garbage, empty."""
        path = f"/feeds/{name}.xml"
        if path not in self._resources and path not in self._faults:
            raise KeyError(f"the test site has no feed {name!r}")
        return self.url(path)

    def article_url(self, key: str) -> str:
        """The canonical URL of an article (as canonicalize_url gives it)."""
        return self.url(self.articles[key].path)

    def write_feeds_file(
        self, directory: Path, names: Iterable[str], *, filename: str = "feeds.yaml"
    ) -> Path:
        """Write a feeds YAML listing the named site feeds (as `site-<name>`); return its path."""
        lines = ["feeds:"]
        for name in names:
            lines += [
                f"  - name: site-{name}",
                f"    url: {self.feed_url(name)}",
                "    tags: [test]",
            ]
        path = Path(directory) / filename
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def settings(self, **overrides: Any) -> Settings:
        """Settings that may fetch from this site: private hosts allowed, short timeouts."""
        values: dict[str, Any] = {"allow_private_hosts": True, "http_timeout": 5.0}
        values.update(overrides)
        return Settings(**values)

    # -- request log -------------------------------------------------------------------------

    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._requests)

    def requests_to(self, path_or_url: str) -> list[RequestRecord]:
        path = urlsplit(path_or_url).path or path_or_url
        return [r for r in self.requests if r.path == path]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # -- content and faults ------------------------------------------------------------------

    def add_resource(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        *,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve any document at path; return its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self._resources[path] = Resource(data, content_type, headers=dict(headers or {}))
        return self.url(path)

    def fail(self, path: str, kind: str, **options: Any) -> str:
        """Make a path misbehave; return its URL. Kinds and their options:

        status (code=500), slow (delay=seconds before answering), drip (delay between
        bytes, bytes=count), drip_headers (the status line, then one header byte every
        delay seconds, bytes=count of them, then a normal page), redirect (to=URL or path, code=302), binary (size=bytes,
        content_type), oversized (size=bytes, content_length=bool), gzip (serve the normal
        document gzip-compressed, or size=bytes of zeros as a bomb), malformed (serve
        malformed feed XML).
        """
        with self._lock:
            self._faults[path] = Fault(kind, options)
        return self.url(path)

    def heal(self, path: str) -> None:
        with self._lock:
            self._faults.pop(path, None)

    def _build(self) -> None:
        for article in self.articles.values():
            self._resources[article.path] = Resource(
                pages.article_page(article, self.base_url).encode("utf-8"),
                "text/html; charset=utf-8",
                last_modified=format_datetime(article.published, usegmt=True),
            )
        rss = "application/rss+xml; charset=utf-8"
        for name, keys in FEEDS.items():
            chosen = [self.articles[k] for k in keys]
            doc = pages.rss_feed(f"Test site: {name}", chosen, self.base_url)
            self._resources[f"/feeds/{name}.xml"] = Resource(doc.encode("utf-8"), rss)
        world = [self.articles[k] for k in FEEDS["world"]]
        atom = pages.atom_feed("Test site: world", world, self.base_url).encode("utf-8")
        self._resources["/feeds/world-atom.xml"] = Resource(atom, "application/atom+xml")
        broken = pages.malformed_feed(world, self.base_url).encode("utf-8")
        self._resources["/feeds/malformed.xml"] = Resource(broken, rss)
        self._resources["/feeds/garbage.xml"] = Resource(pages.garbage_feed().encode(), rss)
        empty = pages.rss_feed("Empty", [], self.base_url).encode("utf-8")
        self._resources["/feeds/empty.xml"] = Resource(empty, rss)

    # -- serving -------------------------------------------------------------------------------

    def _handle(self, handler: _Handler) -> None:
        parts = urlsplit(handler.path)
        with self._lock:
            fault = self._faults.get(parts.path)
            resource = self._resources.get(parts.path)
        self._respond(handler, fault, resource)

    def _begin(self, handler: _Handler, status: int) -> None:
        """Log the request, then start the response: logged before the client can see it."""
        parts = urlsplit(handler.path)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        record = RequestRecord(handler.command, parts.path, parts.query, headers, status)
        with self._lock:
            self._requests.append(record)
        handler.send_response(status)

    def _respond(self, handler: _Handler, fault: Fault | None, resource: Resource | None) -> int:
        opts = fault.options if fault else {}
        kind = fault.kind if fault else None
        try:
            if kind == "status":
                return self._send(
                    handler, int(opts.get("code", 500)), b"server error", "text/plain"
                )
            if kind == "slow":
                time.sleep(float(opts.get("delay", 10)))
            if kind == "redirect":
                target = str(opts.get("to", "/"))
                return self._send(
                    handler, int(opts.get("code", 302)), b"", "text/plain", {"Location": target}
                )
            if kind == "binary":
                blob = bytes(range(256)) * (int(opts.get("size", 65536)) // 256)
                return self._send(
                    handler, 200, blob, str(opts.get("content_type", "application/octet-stream"))
                )
            if kind == "oversized":
                return self._send_oversized(
                    handler,
                    int(opts.get("size", 20_000_000)),
                    bool(opts.get("content_length", False)),
                )
            if kind == "drip_headers":
                return self._send_drip_headers(
                    handler, float(opts.get("delay", 1.5)), int(opts.get("bytes", 100))
                )
            if kind == "drip":
                return self._send_drip(
                    handler, float(opts.get("delay", 0.5)), int(opts.get("bytes", 100))
                )
            if kind == "malformed":
                world = [self.articles[k] for k in FEEDS["world"]]
                doc = pages.malformed_feed(world, self.base_url).encode("utf-8")
                return self._send(handler, 200, doc, "application/rss+xml")
            if kind == "gzip" and "size" in opts:
                bomb = gzip.compress(b"\0" * int(opts["size"]))
                return self._send(handler, 200, bomb, "text/html", {"Content-Encoding": "gzip"})
            if resource is None:
                return self._send(handler, 404, b"not found", "text/plain")
            return self._send_resource(handler, resource, compress=kind == "gzip")
        except (BrokenPipeError, ConnectionResetError):
            return 499  # the client gave up (a size cap or timeout doing its job)

    def _send_resource(self, handler: _Handler, resource: Resource, *, compress: bool) -> int:
        etag = '"' + hashlib.sha1(resource.body).hexdigest()[:16] + '"'
        validators = {"ETag": etag, "Last-Modified": resource.last_modified}
        if self.conditional and self._not_modified(handler, etag, resource.last_modified):
            return self._send(handler, 304, b"", None, validators)
        body = gzip.compress(resource.body) if compress else resource.body
        extra = {**validators, **resource.headers}
        if compress:
            extra["Content-Encoding"] = "gzip"
        return self._send(handler, 200, body, resource.content_type, extra)

    @staticmethod
    def _not_modified(handler: _Handler, etag: str, last_modified: str) -> bool:
        if_none_match = handler.headers.get("If-None-Match")
        if if_none_match is not None:
            # If-None-Match wins over If-Modified-Since (RFC 9110).
            return (
                etag in [t.strip() for t in if_none_match.split(",")]
                or if_none_match.strip() == "*"
            )
        since = handler.headers.get("If-Modified-Since")
        if since:
            try:
                return parsedate_to_datetime(since) >= parsedate_to_datetime(last_modified)
            except (TypeError, ValueError):
                return False
        return False

    def _send(
        self,
        handler: _Handler,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> int:
        self._begin(handler, status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if handler.command != "HEAD" and status != 304:
            handler.wfile.write(body)
        return status

    def _send_oversized(self, handler: _Handler, size: int, content_length: bool) -> int:
        self._begin(handler, 200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        if content_length:
            handler.send_header("Content-Length", str(size))
        handler.end_headers()
        chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
        sent = 0
        while sent < size:
            handler.wfile.write(chunk)
            sent += len(chunk)
        return 200

    def _send_drip_headers(self, handler: _Handler, delay: float, count: int) -> int:
        parts = urlsplit(handler.path)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self._lock:
            self._requests.append(
                RequestRecord(handler.command, parts.path, parts.query, headers, 200)
            )
        handler.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
        handler.wfile.flush()
        for _ in range(count):
            time.sleep(delay)
            handler.wfile.write(b"x")
            handler.wfile.flush()
        body = b"<html><body><p>finally</p></body></html>"
        handler.wfile.write(
            b"\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
        )
        return 200

    def _send_drip(self, handler: _Handler, delay: float, count: int) -> int:
        self._begin(handler, 200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.end_headers()
        for _ in range(count):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(delay)
        return 200


__all__ = ["LocalSite", "RequestRecord", "SITE_MODIFIED"]
