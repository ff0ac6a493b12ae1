"""Settings: defaults, the YAML file, DIPLOWATCH_* variables and overrides, in that order."""

from __future__ import annotations

import pytest

from pipeline.errors import ConfigError
from pipeline.settings import DEFAULT_FEEDS_FILE, load_settings


def test_defaults_are_the_embedded_database_and_packaged_feeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={})
    assert settings.db_url == "sqlite:///diplowatch.db"
    assert settings.feeds_file == str(DEFAULT_FEEDS_FILE)
    assert settings.sides == ("USA", "RUS")
    assert settings.allow_private_hosts is False


def test_environment_overrides_file_and_flags_override_environment(tmp_path):
    config = tmp_path / "dw.yaml"
    config.write_text("db_url: sqlite:///from-file.db\nfetch_concurrency: 3\nsides: [USA, CHN]\n")
    env = {
        "DIPLOWATCH_CONFIG": str(config),
        "DIPLOWATCH_DB_URL": "sqlite:///from-env.db",
        "DIPLOWATCH_FEEDS": "/etc/feeds.yaml",
        "DIPLOWATCH_ALLOW_PRIVATE_HOSTS": "yes",
    }
    settings = load_settings(env=env)
    assert settings.db_url == "sqlite:///from-env.db"
    assert settings.feeds_file == "/etc/feeds.yaml"
    assert settings.fetch_concurrency == 3
    assert settings.sides == ("USA", "CHN")
    assert settings.allow_private_hosts is True
    assert load_settings(env=env, db_url="sqlite:///flag.db").db_url == "sqlite:///flag.db"


def test_a_wrong_value_names_the_variable_and_the_fix():
    with pytest.raises(ConfigError, match="DIPLOWATCH_FETCH_CONCURRENCY.*not a valid int"):
        load_settings(env={"DIPLOWATCH_FETCH_CONCURRENCY": "many"})
    with pytest.raises(ConfigError, match="DIPLOWATCH_SIDES"):
        load_settings(env={"DIPLOWATCH_SIDES": "USA"})


def test_a_wrong_file_names_the_file_line_and_key(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("db_url: x\nfeeds: [unclosed\n")
    with pytest.raises(ConfigError) as excinfo:
        load_settings(env={"DIPLOWATCH_CONFIG": str(broken)})
    message = str(excinfo.value)
    assert message.startswith(f"{broken}:") and "not valid YAML" in message
    assert excinfo.value.line in (2, 3)  # where the unclosed list is noticed
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("db_ulr: sqlite:///typo.db\n")
    with pytest.raises(ConfigError, match="unknown setting 'db_ulr'.*db_url"):
        load_settings(env={"DIPLOWATCH_CONFIG": str(unknown)})
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(env={"DIPLOWATCH_CONFIG": str(tmp_path / "missing.yaml")})
