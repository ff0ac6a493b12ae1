"""Decide whether a URL may be fetched: http(s) only, and never an internal address by default.

Feeds and the links inside them are untrusted input. Without this guard a hostile feed could
point the pipeline at the cloud metadata service (169.254.169.254), a database on localhost or
an intranet page. `NetGuard.check` resolves the host once, refuses the URL if *any* address is
internal, and returns the checked addresses; `pipeline.http` then connects to exactly those
addresses, so a DNS answer that changes between check and connect (rebinding) is never used.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.errors import BlockedAddressError
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
ALLOW_HINT = (
    "set DIPLOWATCH_ALLOW_PRIVATE_HOSTS=1 to allow private hosts, for local tests and intranets"
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# host, port -> the addresses it resolves to (as strings); swappable for tests and custom DNS.
Resolver = Callable[[str, int], Sequence[str]]

# IPv6 prefixes that embed an IPv4 address in their last 32 bits (NAT64 translation).
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses the system resolver gives for host (IPv4 and IPv6), in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _name, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]).split("%", 1)[0], None)  # drop IPv6 zone ids
    return list(seen)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, Teredo, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def internal_reason(ip: IPAddress) -> str | None:
    """Why an address is internal ('loopback', 'private', ...), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = internal_reason(inner)
            return f"{reason} (embedded in {ip})" if reason else None
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    )
    for name, hit in checks:
        if hit:
            return name
    # is_global is False for what remains internal, e.g. CGNAT 100.64.0.0/10.
    if not ip.is_global:
        return "not globally routable"
    return None


def is_public_address(address: str) -> bool:
    """True when an address (string) is globally routable and not internal in any way."""
    return internal_reason(ipaddress.ip_address(address)) is None


@dataclass(frozen=True)
class CheckedURL:
    """A URL that passed the guard, with the addresses it may be fetched from."""

    url: str
    host: str
    port: int
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class NetGuard:
    """The fetch policy: which schemes and addresses a URL may use.

    allow_private lets every address through (local tests, intranets). allowed_networks lets
    chosen internal networks through while every other internal address stays refused, e.g.
    one intranet host, or the loopback test server in tests that check the refusal of others.
    """

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()
    resolver: Resolver = field(default=system_resolver, compare=False)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        allowed_networks: Iterable[str] = (),
        resolver: Resolver | None = None,
    ) -> NetGuard:
        return cls(
            allow_private=settings.allow_private_hosts,
            allowed_networks=tuple(ipaddress.ip_network(n, strict=False) for n in allowed_networks),
            resolver=resolver or system_resolver,
        )

    def check_scheme(self, url: str) -> tuple[str, int]:
        """The URL's host and port, or BlockedAddressError for a non-http(s) or host-less URL."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise BlockedAddressError(url, f"malformed URL ({exc}); fix the link") from None
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise BlockedAddressError(
                url,
                f"scheme {scheme or '(none)'!r} is not allowed; only http and https URLs are fetched",
            )
        if not parts.hostname:
            raise BlockedAddressError(url, "the URL has no host; use an absolute http(s) URL")
        return parts.hostname, port or (443 if scheme == "https" else 80)

    def address_allowed(self, address: str) -> str | None:
        """None when the address may be used, else why not."""
        ip = ipaddress.ip_address(address)
        if self.allow_private:
            return None
        if any(ip.version == net.version and ip in net for net in self.allowed_networks):
            return None
        return internal_reason(ip)

    def resolve(self, url: str, host: str, port: int) -> tuple[str, ...]:
        """Resolve host and check every address; BlockedAddressError if any is internal."""
        try:
            addresses = tuple(self.resolver(host, port))
        except (OSError, UnicodeError) as exc:
            # Not "blocked": the caller reports an unresolvable host as a fetch failure.
            raise OSError(f"cannot resolve host {host!r}: {exc}") from exc
        if not addresses:
            raise OSError(f"cannot resolve host {host!r}: no addresses")
        for address in addresses:
            reason = self.address_allowed(address)
            if reason is not None:
                # One internal answer refuses the host: a mixed answer is a rebinding trick.
                raise BlockedAddressError(
                    url,
                    f"host {host!r} resolves to {address}, a {reason} address, which is refused; "
                    f"{ALLOW_HINT}",
                )
        return addresses

    def check(self, url: str) -> CheckedURL:
        """Check scheme and every resolved address of the URL's host; return what was checked.

        Raises BlockedAddressError (naming the URL, the address and the fix) when the URL is
        refused, and OSError when the host cannot be resolved.
        """
        host, port = self.check_scheme(url)
        addresses = self.resolve(url, host, port)
        LOGGER.debug("allowed %s via %s", url, ", ".join(addresses))
        return CheckedURL(url=url, host=host, port=port, addresses=addresses)


def check_url(url: str, settings: Settings) -> CheckedURL:
    """Check a URL under the settings' policy (see NetGuard.check)."""
    return NetGuard.from_settings(settings).check(url)


__all__ = [
    "ALLOW_HINT",
    "CheckedURL",
    "NetGuard",
    "Resolver",
    "check_url",
    "internal_reason",
    "is_public_address",
    "system_resolver",
]
