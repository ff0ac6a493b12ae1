"""canonicalize_url: one URL per story, whatever link reached it."""

from __future__ import annotations

import pytest

from pipeline.urls import canonicalize_url, is_tracking_param


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM/News/Story", "https://www.example.com/News/Story"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com?b=1", "https://example.com/?b=1"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        # Existing escapes are kept: %2F is not the same path as /.
        ("https://example.com/a%2Fb", "https://example.com/a%2Fb"),
    ],
)
def test_normalises_scheme_host_port_path_fragment_and_order(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=rss&utm_medium=feed&utm_campaign=x&utm_term=y&utm_content=z",
        "fbclid=abc",
        "gclid=abc",
        "mc_cid=1&mc_eid=2",
        "ocid=msn",
        "cmpid=rss",
        "CMP=share_btn_tw",
        "at_medium=RSS&at_campaign=KARANGA",
        "ref=hp&ref_src=twsrc",
        "__twitter_impression=true",
        "ito=792",
    ],
)
def test_drops_tracking_parameters(query: str) -> None:
    url = f"https://www.example.com/world/2021/mar/22/story?{query}"
    assert canonicalize_url(url) == "https://www.example.com/world/2021/mar/22/story"


def test_keeps_meaningful_parameters_next_to_tracking_ones() -> None:
    url = "https://example.com/article.php?utm_source=x&id=42&page=2&fbclid=y"
    assert canonicalize_url(url) == "https://example.com/article.php?id=42&page=2"


def test_same_story_from_two_links_is_one_url() -> None:
    a = "https://Example.com/news/story?utm_source=twitter#top"
    b = "https://example.com:443/news/story?fbclid=zzz"
    assert canonicalize_url(a) == canonicalize_url(b)


def test_is_idempotent() -> None:
    url = "HTTPS://Example.com:443/x%20y/?z=1&a=&utm_source=q#f"
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once


@pytest.mark.parametrize("url", ["mailto:desk@example.com", "not a url", "ftp://example.com/x", ""])
def test_leaves_non_http_strings_alone(url: str) -> None:
    assert canonicalize_url(url) == url.strip()


def test_malformed_port_does_not_raise() -> None:
    assert canonicalize_url("http://example.com:99999999/x") == "http://example.com:99999999/x"


def test_tracking_param_is_case_insensitive_and_prefix_aware() -> None:
    assert is_tracking_param("UTM_Source")
    assert is_tracking_param("utm_anything_new")
    assert not is_tracking_param("id")
    assert not is_tracking_param("reference")
