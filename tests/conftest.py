"""Shared fixtures: the local test site (tests/support/fixtures.py) and test databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pipeline.settings import Settings, load_settings
from tests.support.databases import postgres_database, sqlite_database

pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture(autouse=True)
def _rules_alone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs the detector as shipped (rules, then the learned precision filter of
    pipeline/detect/rescore.py), except the rules' own unit tests (`test_detect_*` modules):
    a sentence written to test one rule is not a news article for the filter to judge, so
    there the filter is off unless the module sets `RESCORE = True` (the seed article)."""
    module = request.module.__name__.rsplit(".", 1)[-1]
    if module.startswith("test_detect_") and not getattr(request.module, "RESCORE", False):
        monkeypatch.setenv("DIPLOWATCH_RESCORE", "0")


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database URL: every storage test runs once on SQLite and once on Postgres."""
    if request.param == "sqlite":
        with sqlite_database(tmp_path) as url:
            yield url
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture(scope="session")
def detector():
    """The real detector, loaded once for the whole test session."""
    from pipeline.detect import get_detector

    return get_detector()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A scratch Postgres database, for behaviour that exists on Postgres only."""
    with postgres_database() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path) -> Iterator[str]:
    with sqlite_database(tmp_path) as url:
        yield url


@pytest.fixture
def make_settings(tmp_path, monkeypatch):
    """Settings for a test: private hosts allowed (the test site is on 127.0.0.1), nothing
    read from the developer's environment or working directory."""
    monkeypatch.chdir(tmp_path)

    def make(**overrides) -> Settings:
        base = {"allow_private_hosts": True, "fetch_concurrency": 4, "http_timeout": 10.0}
        base.update(overrides)
        return load_settings(env={}, **base)

    return make
