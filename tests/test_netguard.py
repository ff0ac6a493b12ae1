"""The network guard: internal addresses and odd schemes are refused unless allowed."""

from __future__ import annotations

import ipaddress

import pytest

from pipeline.errors import BlockedAddressError
from pipeline.netguard import ALLOW_HINT, NetGuard, check_url, internal_reason, is_public_address
from pipeline.settings import Settings


def fixed_resolver(table: dict[str, list[str]]):
    """A resolver answering from a table, so no test depends on real DNS."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"unknown host {host}")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 wrapping 169.254.169.254
        "192.0.2.10",  # documentation range
    ],
)
def test_internal_addresses_are_refused(address: str) -> None:
    assert internal_reason(ipaddress.ip_address(address)) is not None
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://localhost:8080/feed", "http://169.254.169.254/latest/meta-data/"],
)
def test_private_urls_refused_by_default_with_the_fix_in_the_message(url: str) -> None:
    with pytest.raises(BlockedAddressError) as caught:
        check_url(url, Settings())
    message = str(caught.value)
    assert url in message
    assert ALLOW_HINT in message
    assert caught.value.url == url


def test_the_message_names_the_address() -> None:
    guard = NetGuard(resolver=fixed_resolver({"intranet.corp": ["10.1.2.3"]}))
    with pytest.raises(BlockedAddressError, match=r"10\.1\.2\.3.*private"):
        guard.check("https://intranet.corp/news")


def test_allow_private_hosts_lets_them_through() -> None:
    checked = check_url("http://127.0.0.1:8000/feed", Settings(allow_private_hosts=True))
    assert checked.addresses == ("127.0.0.1",)
    assert checked.port == 8000


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/x",
        "gopher://example.com/",
        "javascript:alert(1)",
        "data:text/html,hi",
        "//example.com/x",
        "http:///nohost",
    ],
)
def test_non_http_urls_are_refused_even_when_private_hosts_are_allowed(url: str) -> None:
    with pytest.raises(BlockedAddressError):
        check_url(url, Settings(allow_private_hosts=True))


def test_one_internal_answer_among_public_ones_refuses_the_host() -> None:
    # A DNS answer mixing a public and an internal address is a rebinding trick.
    guard = NetGuard(resolver=fixed_resolver({"news.example": ["93.184.216.34", "127.0.0.1"]}))
    with pytest.raises(BlockedAddressError, match="127.0.0.1"):
        guard.check("https://news.example/")


def test_public_host_is_allowed_with_all_its_addresses() -> None:
    table = {"news.example": ["93.184.216.34", "2606:2800:220:1::1"]}
    checked = NetGuard(resolver=fixed_resolver(table)).check("https://news.example/rss")
    assert checked.addresses == ("93.184.216.34", "2606:2800:220:1::1")
    assert (checked.host, checked.port) == ("news.example", 443)


@pytest.mark.parametrize("spelling", ["2130706433", "0x7f.1", "127.1", "0177.0.0.1"])
def test_odd_spellings_of_loopback_are_resolved_then_refused(spelling: str) -> None:
    with pytest.raises(BlockedAddressError):
        check_url(f"http://{spelling}/", Settings())


def test_allowed_networks_admit_only_the_listed_internal_addresses() -> None:
    table = {"wiki.corp": ["10.0.0.7"], "db.corp": ["10.0.0.8"]}
    guard = NetGuard.from_settings(
        Settings(), allowed_networks=["10.0.0.7/32"], resolver=fixed_resolver(table)
    )
    assert guard.check("http://wiki.corp/").addresses == ("10.0.0.7",)
    with pytest.raises(BlockedAddressError, match="10.0.0.8"):
        guard.check("http://db.corp/")


def test_unresolvable_host_is_an_oserror_not_a_block() -> None:
    guard = NetGuard(resolver=fixed_resolver({}))
    with pytest.raises(OSError, match="cannot resolve"):
        guard.check("https://no-such-host.example/")


def test_the_system_resolver_is_used_by_default() -> None:
    # localhost resolves through the real resolver (no network needed) and is refused.
    with pytest.raises(BlockedAddressError, match="loopback"):
        NetGuard().check("http://localhost/")
