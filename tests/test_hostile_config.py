"""Hostile configuration: settings out of range, binary files, database URLs that cannot work.

Each mistake must fail at start with the variable or file that is wrong and the fix, never
with a traceback later, and never silently (an in-memory database, the server's default
database). The CLI turns each into `diplowatch: error: ...` and exit status 2.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline import db
from pipeline.cli import main
from pipeline.errors import ConfigError, DatabaseError
from pipeline.settings import Settings, load_settings
from tests.support.databases import pg_server_url

# -- settings out of range -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DIPLOWATCH_HTTP_TIMEOUT", "0", "greater than 0"),
        ("DIPLOWATCH_HTTP_TIMEOUT", "-5", "greater than 0"),
        ("DIPLOWATCH_HTTP_TIMEOUT", "nan", "finite"),
        ("DIPLOWATCH_HTTP_TIMEOUT", "inf", "finite"),
        ("DIPLOWATCH_MAX_REDIRECTS", "-1", "at least 0"),
        ("DIPLOWATCH_ARTICLE_MAX_ATTEMPTS", "0", "at least 1"),
        ("DIPLOWATCH_DELIVERY_MAX_ATTEMPTS", "0", "at least 1"),
        ("DIPLOWATCH_DELIVERY_BACKOFF_SECONDS", "-1", "at least 0"),
        ("DIPLOWATCH_FETCH_CONCURRENCY", "0", "at least 1"),
        ("DIPLOWATCH_MAX_FEED_BYTES", "0", "at least 1"),
        ("DIPLOWATCH_MAX_PAGE_BYTES", "-10", "at least 1"),
        ("DIPLOWATCH_MAX_ARTICLES_PER_FEED", "0", "at least 1"),
        ("DIPLOWATCH_FEED_INTERVAL_MINUTES", "0", "at least 1"),
        ("DIPLOWATCH_USER_AGENT", "bot\r\nX-Injected: 1", "control characters"),
        ("DIPLOWATCH_FEEDS", "", "must not be empty"),
        ("DIPLOWATCH_FETCH_CONCURRENCY", "1.5", "not a valid int"),
    ],
)
def test_an_out_of_range_variable_names_itself_and_what_it_must_be(variable, value, expected):
    with pytest.raises(ConfigError) as caught:
        load_settings(env={variable: value})
    message = str(caught.value)
    assert message.startswith(f"{variable}: ") and expected in message, message


def test_a_file_value_out_of_range_names_the_file(tmp_path):
    config = tmp_path / "dw.yaml"
    config.write_text("max_redirects: -1\n")
    with pytest.raises(ConfigError, match=rf"^{config}: setting 'max_redirects' is -1.*at least 0"):
        load_settings(env={"DIPLOWATCH_CONFIG": str(config)})
    config.write_text("http_timeout: .nan\n")
    with pytest.raises(ConfigError, match="finite"):
        load_settings(env={"DIPLOWATCH_CONFIG": str(config)})


def test_a_settings_object_out_of_range_cannot_be_built():
    # Code that builds Settings itself (a DAG, a test) gets the same check.
    with pytest.raises(ConfigError, match="DIPLOWATCH_HTTP_TIMEOUT.*greater than 0"):
        Settings(http_timeout=0)
    with pytest.raises(ConfigError, match="DIPLOWATCH_ARTICLE_MAX_ATTEMPTS"):
        Settings().with_overrides(article_max_attempts=0)
    assert Settings(http_timeout=0.5).http_timeout == 0.5


def test_the_cli_reports_a_bad_setting_without_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env["DIPLOWATCH_HTTP_TIMEOUT"] = "nan"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--db", str(tmp_path / "dw.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "DIPLOWATCH_HTTP_TIMEOUT" in result.stderr and "finite" in result.stderr
    assert not (tmp_path / "dw.db").exists()  # nothing was started


# -- binary and non-UTF-8 files ------------------------------------------------------------

BINARY = bytes(range(256)) * 4
LATIN1 = "feeds:\n  - {name: caf\u00e9, url: https://example.org/feed}\n".encode("latin-1")


@pytest.mark.parametrize("content", [BINARY, LATIN1], ids=["binary", "latin-1"])
def test_a_binary_settings_feeds_or_alerts_file_is_a_clear_config_error(tmp_path, content):
    from pipeline.alerts import load_alerts
    from pipeline.feeds import load_feeds

    path = tmp_path / "weird.yaml"
    path.write_bytes(content)
    loaders = {
        "the settings file": lambda: load_settings(env={"DIPLOWATCH_CONFIG": str(path)}),
        "the feeds file": lambda: load_feeds(path),
        "the alerts file": lambda: load_alerts(path),
    }
    for what, load in loaders.items():
        with pytest.raises(ConfigError) as caught:
            load()
        message = str(caught.value)
        assert message.startswith(str(path)) and what in message, message
        assert "binary" in message or "not UTF-8" in message


def test_a_directory_given_as_the_feeds_file_is_a_config_error(tmp_path):
    from pipeline.feeds import load_feeds

    with pytest.raises(ConfigError, match="is a directory"):
        load_feeds(tmp_path)


def test_the_cli_names_a_binary_feeds_file(tmp_path, capsys):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_bytes(b"\x00\x01\x02PNG" * 50)
    code = main(["run", "--db", str(tmp_path / "dw.db"), "--feeds", str(feeds)])
    err = capsys.readouterr().err
    assert code == 2 and f"{feeds}: the feeds file is a binary file" in err


# -- database URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("postgresql://postgres@127.0.0.1:5432", "names no database"),
        ("postgresql://postgres@127.0.0.1:5432/", "names no database"),
        ("mysql://root@localhost/diplowatch", "uses the scheme 'mysql'"),
        ("postgresql+psycopg2://u@h/db", "psycopg 3"),
        ("postgresql://u:hunter2@h:99999/db", "not a TCP port"),
    ],
)
def test_a_database_url_that_cannot_work_is_refused_at_load(url, expected):
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"DIPLOWATCH_DB_URL": url})
    message = str(caught.value)
    assert message.startswith("DIPLOWATCH_DB_URL: ") and expected in message, message
    assert "hunter2" not in message  # a password is never shown


def test_an_empty_database_url_never_falls_back_to_memory(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIPLOWATCH_DB_URL", "")
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds: []\n")
    assert main(["run", "--feeds", str(feeds)]) == 2
    assert "DIPLOWATCH_DB_URL" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [feeds]


def _needs_pg() -> str:
    server = pg_server_url()
    if not server:
        pytest.skip("needs DIPLOWATCH_TEST_PG_URL")
    return server


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg(**parts) -> str:
    server = sa.engine.make_url(db.normalize_url(_needs_pg()))
    return server.set(**parts).render_as_string(hide_password=False)


@pytest.mark.parametrize(
    ("make_url", "expected"),
    [
        (lambda: _pg(port=_closed_port(), database="dw"), "nothing answers at 127.0.0.1:"),
        (lambda: _pg(username="dw_no_such_role", database="postgres"), "create the role"),
        (lambda: _pg(database="dw_no_such_database"), "createdb"),
    ],
    ids=["wrong-port", "missing-role", "missing-database"],
)
def test_an_unreachable_postgres_is_a_clear_error(make_url, expected, tmp_path, capsys):
    url = make_url()
    with pytest.raises(DatabaseError, match=expected):
        db.ensure_schema(url)
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds: []\n")
    assert main(["run", "--db", url, "--feeds", str(feeds)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("diplowatch: error: database ") and expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize("where", ["parent-is-a-file", "path-is-a-directory"])
def test_an_unwritable_sqlite_path_is_a_clear_error(tmp_path, where):
    blocker = tmp_path / "blocker"
    if where == "parent-is-a-file":
        blocker.write_text("I am a file")
        path = blocker / "dw.db"
    else:
        blocker.mkdir()
        path = blocker
    with pytest.raises(DatabaseError) as caught:
        db.ensure_schema(f"sqlite:///{path}")
    message = str(caught.value)
    assert str(path.parent if where == "parent-is-a-file" else path) in message
    assert "writable" in message


def test_a_readable_url_with_a_password_hides_it_in_every_error():
    url = f"postgresql://postgres:hunter2@127.0.0.1:{_closed_port()}/dw"
    with pytest.raises(DatabaseError) as caught:
        db.ensure_schema(url)
    assert "hunter2" not in str(caught.value) and "***" in str(caught.value)


def test_settings_check_is_cheap_and_total():
    # The check runs at every Settings(); it must accept every default and reject nothing else.
    defaults = Settings()
    assert math.isfinite(defaults.http_timeout)
    for path in ("diplowatch.db", "/var/lib/dw/dw.db", "sqlite:////abs/dw.db"):
        assert Settings(db_url=path).db_url == path
    assert Settings(db_url="postgresql://u@h/db").db_url == "postgresql://u@h/db"
    assert Path(db.sqlite_path("diplowatch.db") or "").name == "diplowatch.db"
