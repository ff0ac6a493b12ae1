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
