"""The alerts file: a valid file loads; every kind of mistake names the file, line and fix."""

from __future__ import annotations

import pytest

from pipeline.alerts import load_alerts
from pipeline.errors import ConfigError
from pipeline.settings import Settings

GOOD = """\
channels:
  - {name: hook, type: webhook, url: https://alerts.example.org/in, secret_env: HOOK_SECRET}
  - {name: desk, type: email, to: [desk@example.org]}
  - {name: chat, type: slack, webhook_url_env: SLACK_URL, digest: daily}
rules:
  - {name: everything, channels: [hook]}
  - {name: hostile, kinds: [event], types: [THREATEN, SANCTION, ACCUSE], min_confidence: 0.6, channels: [desk, chat]}
  - {name: kremlin-voice, kinds: [statement], speakers: [Peskov, Zakharova], channels: [chat]}
"""


@pytest.fixture(autouse=True)
def _secrets(monkeypatch):
    """The variables GOOD's channels name; unset ones are refused at load (tested below)."""
    monkeypatch.setenv("HOOK_SECRET", "a-test-secret")
    monkeypatch.setenv("SLACK_URL", "https://hooks.slack.example/T000/B000/x")


def _load(tmp_path, text: str):
    path = tmp_path / "alerts.yaml"
    path.write_text(text, encoding="utf-8")
    return load_alerts(path), str(path)


def test_the_documented_example_loads(tmp_path):
    config, _ = _load(tmp_path, GOOD)
    assert list(config.channels) == ["hook", "desk", "chat"]
    assert config.channels["chat"].digest == "daily"
    hostile = config.rules[1]
    assert hostile.types == ("THREATEN", "SANCTION", "ACCUSE")
    assert hostile.min_confidence == 0.6 and hostile.line == 7


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("type: slack", "type: telegram", 4, "unknown channel type 'telegram'"),
        ("channels: [desk, chat]", "channels: [desk, pager]", 7,
         "rule 'hostile' sends to channel 'pager', which is not defined"),
        ("speakers: [Peskov", "speaker: [Peskov", 8, "unknown key 'speaker' in rule 'kremlin-voice'"),
        ("SANCTION, ACCUSE", "SANCTION, BLAME", 7, "unknown event type 'BLAME'"),
        ("kinds: [statement]", "kinds: [quote]", 8, "unknown kind 'quote'"),
        ("secret_env: HOOK_SECRET", "secret: hunter2", 2,
         "secrets go in the environment: name the variable with secret_env"),
        ("webhook_url_env: SLACK_URL", "webhook_url: https://hooks.slack.com/x", 4,
         "the Slack URL is a secret"),
        ("secret_env: HOOK_SECRET", "secret_env: 'abc-123 xyz'", 2,
         "must name an environment variable"),
        ("min_confidence: 0.6", "min_confidence: high", 7, "'min_confidence' of rule 'hostile'"),
        ("digest: daily", "digest: weekly", 4, "digest of channel 'chat' must be one of"),
        ("to: [desk@example.org]", "to: [desk]", 3, "needs 'to': a list of email addresses"),
        ("- {name: everything, channels: [hook]}", "- {name: everything}", 6,
         "rule 'everything' needs 'channels'"),
        ("name: desk", "name: hook", 3, "two channels are named 'hook'"),
        ("rules:", "rules:\n  - [not, a, mapping]", 6, "a rule must be a mapping"),
        ("  - {name: everything", "\t- {name: everything", 6, "not valid YAML"),
    ],
)  # fmt: skip
def test_mistakes_name_file_and_line(tmp_path, old, new, line, message):
    assert old in GOOD
    with pytest.raises(ConfigError) as info:
        _load(tmp_path, GOOD.replace(old, new, 1))
    path = str(tmp_path / "alerts.yaml")
    assert str(info.value).startswith(f"{path}:{line}: "), str(info.value)
    assert message in str(info.value)


def test_unknown_top_level_key_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match=r"alerts.yaml:10: unknown key 'rule' in the alerts file"):
        _load(tmp_path, GOOD + "\nrule: []\n")
    with pytest.raises(ConfigError, match="cannot read the alerts file"):
        load_alerts(tmp_path / "nope.yaml")


def test_empty_file_is_no_alerts(tmp_path):
    config, _ = _load(tmp_path, "")
    assert config.channels == {} and config.rules == ()


def test_a_bad_alerts_file_stops_the_run_before_any_fetch(tmp_path):
    from pipeline.runner import run_pass

    path = tmp_path / "alerts.yaml"
    path.write_text(GOOD.replace("type: slack", "type: pager"), encoding="utf-8")
    db_path = tmp_path / "never.db"
    settings = Settings(db_url=f"sqlite:///{db_path}", alerts_file=str(path))
    with pytest.raises(ConfigError, match=r"alerts.yaml:4: unknown channel type 'pager'"):
        run_pass(settings)
    assert not db_path.exists()


# -- secrets named by a channel are checked when the file is loaded ------------------------


@pytest.mark.parametrize(
    ("variable", "line", "channel", "what"),
    [
        ("HOOK_SECRET", 2, "hook", "the signing secret"),
        ("SLACK_URL", 4, "chat", "the Slack webhook URL"),
    ],
)
@pytest.mark.parametrize("state", ["unset", "empty"])
def test_a_secret_named_but_missing_fails_at_load_naming_channel_and_variable(
    tmp_path, monkeypatch, variable, line, channel, what, state
):
    if state == "unset":
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, "  ")
    with pytest.raises(ConfigError) as info:
        _load(tmp_path, GOOD)
    message = str(info.value)
    path = str(tmp_path / "alerts.yaml")
    assert message.startswith(f"{path}:{line}: channel {channel!r} takes {what}"), message
    assert f"environment variable {variable}" in message
    assert ("is not set" if state == "unset" else "is empty") in message
    assert f"set {variable} wherever diplowatch runs" in message  # the fix


def test_a_webhook_url_taken_from_the_environment_is_checked_too(tmp_path, monkeypatch):
    text = (
        "channels:\n  - {name: ops, type: webhook, url_env: OPS_HOOK_URL}\n"
        "rules:\n  - {name: all, channels: [ops]}\n"
    )
    with pytest.raises(
        ConfigError, match=r":2: channel 'ops' takes the webhook URL .*OPS_HOOK_URL"
    ):
        _load(tmp_path, text)
    monkeypatch.setenv("OPS_HOOK_URL", "https://ops.example.org/hook")
    config, _ = _load(tmp_path, text)
    assert config.channels["ops"].url_env == "OPS_HOOK_URL"


def test_an_explicit_environment_is_what_gets_checked(tmp_path, monkeypatch):
    path = tmp_path / "alerts.yaml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.delenv("HOOK_SECRET")
    full = {"HOOK_SECRET": "s", "SLACK_URL": "https://hooks.slack.example/x"}
    assert list(load_alerts(path, env=full).channels) == ["hook", "desk", "chat"]
    with pytest.raises(ConfigError, match="SLACK_URL"):
        load_alerts(path, env={"HOOK_SECRET": "s"})


def test_a_missing_secret_stops_the_pass_before_anything_is_fetched_or_stored(
    tmp_path, monkeypatch, capsys
):
    from pipeline.cli import main

    monkeypatch.delenv("HOOK_SECRET")
    alerts = tmp_path / "alerts.yaml"
    alerts.write_text(GOOD, encoding="utf-8")
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds: []\n", encoding="utf-8")
    db_path = tmp_path / "never.db"
    code = main(["run", "--db", str(db_path), "--feeds", str(feeds), "--alerts", str(alerts)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "channel 'hook'" in err and "HOOK_SECRET" in err and "is not set" in err
    assert not db_path.exists()
