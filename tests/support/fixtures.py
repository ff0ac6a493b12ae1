"""pytest fixtures for the local test site; register with `pytest_plugins = ["tests.support.fixtures"]`.

`site` gives a fresh, running LocalSite per test (its own port, request log and faults), and
`site_settings` the Settings that may fetch from it (private hosts allowed, short timeouts).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pipeline.settings import Settings
from tests.support.articles import Article, seed_article
from tests.support.site import LocalSite


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A real HTTP news site on 127.0.0.1 (see tests.support.site.LocalSite)."""
    with LocalSite() as running:
        yield running


@pytest.fixture
def site_settings(site: LocalSite) -> Settings:
    """Settings allowed to fetch from the local site (allow_private_hosts=True)."""
    return site.settings()


@pytest.fixture
def seed() -> Article:
    """The seed article (text read from the shared seed file)."""
    return seed_article()
