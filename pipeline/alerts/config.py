"""The alerts file: which channels exist and which rules send which records to them.

Read once at start (`load_alerts`) and checked whole, so a typo fails the run before
anything is fetched, with the file, the line and the fix. Secrets never live in this file:
channels name the environment variable that holds them (`secret_env`, `url_env`,
`webhook_url_env`). Each named variable must be set (and not empty) when the file is loaded,
so a missing secret stops the pass at start, naming the channel and the variable, instead
of leaving every alert pending until someone reads the outbox. The values themselves are
read again only when sending (a delivery without them still fails with the reason).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.alerts._yaml import Reader, YamlMapping, load_with_lines
from pipeline.errors import ConfigError
from pipeline.models import EVENT_TYPES
from pipeline.schema import Event, Statement
from pipeline.text import read_text_file

LOGGER = logging.getLogger(__name__)

CHANNEL_TYPES = ("webhook", "email", "slack")
DIGESTS = ("hourly", "daily")
KINDS = ("event", "statement")
_COMMON_CHANNEL_KEYS = {"name", "type", "digest"}
CHANNEL_KEYS = {
    "webhook": {"url", "url_env", "secret_env", "timeout"},
    "email": {"to", "smtp_conn_id", "subject_prefix", "timeout"},
    "slack": {"webhook_url_env", "timeout"},
}
RULE_KEYS = {
    "name",
    "kinds",
    "types",
    "min_confidence",
    "countries",
    "sides",
    "source",
    "sources",
    "target",
    "targets",
    "speakers",
    "channels",
}
_COUNTRY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ChannelConfig:
    """One place alerts go. Secrets are named by environment variable, never given."""

    name: str
    type: str
    line: int
    digest: str | None = None
    url: str | None = None
    url_env: str | None = None
    secret_env: str | None = None
    to: tuple[str, ...] = ()
    smtp_conn_id: str | None = None
    subject_prefix: str = "[diplowatch]"
    webhook_url_env: str | None = None
    timeout: float | None = None

    def window_end(self, now: dt.datetime) -> dt.datetime | None:
        """When a digest channel next sends: the end of the current hour or UTC day."""
        if self.digest == "hourly":
            return now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
        if self.digest == "daily":
            start = now.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
            return start + dt.timedelta(days=1)
        return None


def _contains_any(text: str | None, needles: tuple[str, ...]) -> bool:
    folded = (text or "").casefold()
    return any(n.casefold() in folded for n in needles)


def _actor_matches(country: str, name: str, wanted: tuple[str, ...]) -> bool:
    """A rule's source/target entry is a side code (RUS) or part of a name (Lavrov)."""
    return country in wanted or _contains_any(name, wanted)


@dataclass(frozen=True)
class Rule:
    """Which records go to which channels. A rule without filters matches every record.

    `types` and `min_confidence` constrain events only (statements have neither): a rule
    with `types` matches no statement. `speakers` matches a statement's speaker and an
    event's quoted speaker. For statements, `source` is the speaker's side and `target`
    the sides it is about.
    """

    name: str
    channels: tuple[str, ...]
    line: int
    kinds: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    min_confidence: float | None = None
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()

    def matches(self, kind: str, record: Event | Statement) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if isinstance(record, Event):
            return self._matches_event(record)
        return self._matches_statement(record)

    def _matches_event(self, event: Event) -> bool:
        if self.types and event.type not in self.types:
            return False
        if self.min_confidence is not None and event.confidence < self.min_confidence:
            return False
        if self.countries and not {event.source_country, event.target_country} & set(
            self.countries
        ):
            return False
        if self.sources and not _actor_matches(
            event.source_country, event.source_name, self.sources
        ):
            return False
        if self.targets and not _actor_matches(
            event.target_country, event.target_name, self.targets
        ):
            return False
        return not self.speakers or (
            event.quote_speaker is not None and _contains_any(event.quote_speaker, self.speakers)
        )

    def _matches_statement(self, statement: Statement) -> bool:
        if self.types:
            return False
        about = set(statement.about or [])
        if self.countries and not ({statement.speaker_country} | about) & set(self.countries):
            return False
        if self.sources and not _actor_matches(
            statement.speaker_country, statement.speaker_name, self.sources
        ):
            return False
        if self.targets and not about & set(self.targets):
            return False
        return not self.speakers or _contains_any(statement.speaker_name, self.speakers)


@dataclass(frozen=True)
class AlertsConfig:
    """The whole alerts file, checked."""

    path: str
    channels: dict[str, ChannelConfig] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()

    def routes(self, kind: str, record: Event | Statement) -> list[tuple[ChannelConfig, Rule]]:
        """Where a record goes: each channel once, credited to the first rule sending it there."""
        chosen: dict[str, tuple[ChannelConfig, Rule]] = {}
        for rule in self.rules:
            if rule.matches(kind, record):
                for name in rule.channels:
                    chosen.setdefault(name, (self.channels[name], rule))
        return list(chosen.values())

    def channel(self, name: str) -> ChannelConfig:
        try:
            return self.channels[name]
        except KeyError:
            known = ", ".join(sorted(self.channels)) or "none"
            raise ConfigError(
                f"no channel named {name!r}; the channels are: {known}", source=self.path
            ) from None


def _read_channel(reader: Reader, raw: Any, line: int) -> ChannelConfig:
    item = reader.mapping(raw, "a channel", line)
    name = reader.text(item, "name", "a channel", required=True)
    what = f"channel {name!r}"
    kind = reader.text(item, "type", what, required=True)
    if kind not in CHANNEL_TYPES:
        raise reader.fail(
            f"unknown channel type {kind!r} for {what}; use one of {', '.join(CHANNEL_TYPES)}",
            item.key_lines["type"],
        )
    reader.check_keys(item, _COMMON_CHANNEL_KEYS | CHANNEL_KEYS[kind], what)
    digest = reader.text(item, "digest", what)
    if digest is not None and digest not in DIGESTS:
        raise reader.fail(
            f"digest of {what} must be one of {', '.join(DIGESTS)}, not {digest!r}",
            item.key_lines["digest"],
        )
    timeout = reader.number(item, "timeout", what, 0.1, 300)
    assert name is not None and kind is not None
    common: dict[str, Any] = {"name": name, "type": kind, "line": item.line, "digest": digest}
    if kind == "webhook":
        url, url_env = reader.text(item, "url", what), reader.env_name(item, "url_env", what)
        if (url is None) == (url_env is None):
            raise reader.fail(f"{what} needs exactly one of 'url' or 'url_env'", item.line)
        if url is not None and not url.startswith(("http://", "https://")):
            raise reader.fail(f"url of {what} must start with https:// or http://", item.line)
        return ChannelConfig(
            **common,
            url=url,
            url_env=url_env,
            secret_env=reader.env_name(item, "secret_env", what),
            timeout=timeout,
        )
    if kind == "email":
        to = reader.texts(item, ("to",), what)
        if not to or not all("@" in a for a in to):
            raise reader.fail(f"{what} needs 'to': a list of email addresses", item.line)
        return ChannelConfig(
            **common,
            to=to,
            smtp_conn_id=reader.text(item, "smtp_conn_id", what),
            subject_prefix=reader.text(item, "subject_prefix", what) or "[diplowatch]",
            timeout=timeout,
        )
    env = reader.env_name(item, "webhook_url_env", what)
    if env is None:
        raise reader.fail(f"{what} needs 'webhook_url_env' (the variable holding its URL)", line)
    return ChannelConfig(**common, webhook_url_env=env, timeout=timeout)


def _read_rule(reader: Reader, raw: Any, line: int, channels: dict[str, ChannelConfig]) -> Rule:
    item = reader.mapping(raw, "a rule", line)
    name = reader.text(item, "name", "a rule", required=True)
    what = f"rule {name!r}"
    reader.check_keys(item, RULE_KEYS, what)
    targets = reader.texts(item, ("channels",), what)
    if not targets:
        raise reader.fail(f"{what} needs 'channels': the channels it sends to", item.line)
    for target in targets:
        if target not in channels:
            known = ", ".join(sorted(channels)) or "none defined"
            raise reader.fail(
                f"{what} sends to channel {target!r}, which is not defined (channels: {known})",
                item.key_lines["channels"],
            )
    kinds = reader.texts(item, ("kinds",), what)
    for kind in kinds:
        if kind not in KINDS:
            raise reader.fail(
                f"unknown kind {kind!r} in {what}; use event or statement", item.key_lines["kinds"]
            )
    types = tuple(t.upper() for t in reader.texts(item, ("types",), what))
    for type_ in types:
        if type_ not in EVENT_TYPES:
            raise reader.fail(
                f"unknown event type {type_!r} in {what}; PLOVER types are: "
                f"{', '.join(EVENT_TYPES)}",
                item.key_lines["types"],
            )
    countries = tuple(c.upper() for c in reader.texts(item, ("countries", "sides"), what))
    for country in countries:
        if not _COUNTRY.match(country):
            key = "countries" if "countries" in item else "sides"
            raise reader.fail(
                f"{country!r} in {what} is not a side code; use ISO 3166 alpha-3 like USA, RUS",
                item.key_lines[key],
            )
    assert name is not None
    return Rule(
        name=name,
        channels=targets,
        line=item.line,
        kinds=kinds,
        types=types,
        min_confidence=reader.number(item, "min_confidence", what, 0.0, 1.0),
        countries=countries,
        sources=reader.texts(item, ("source", "sources"), what),
        targets=reader.texts(item, ("target", "targets"), what),
        speakers=reader.texts(item, ("speakers",), what),
    )


def _unique(reader: Reader, items: list[Any], what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.name in seen:
            raise reader.fail(f"two {what}s are named {item.name!r}; names must differ", item.line)
        seen.add(item.name)


def _with_lines(items: list[Any], top: YamlMapping, key: str) -> list[tuple[Any, int]]:
    """Each item of a top-level list with its line (for items that are not mappings)."""
    default = top.key_lines.get(key, 1)
    lines = getattr(items, "item_lines", None) or [default] * len(items)
    return list(zip(items, lines, strict=True))


_SECRET_KEYS = (
    ("url_env", "the webhook URL"),
    ("secret_env", "the signing secret"),
    ("webhook_url_env", "the Slack webhook URL"),
)


def _check_environment(
    reader: Reader, channels: list[ChannelConfig], env: Mapping[str, str]
) -> None:
    """Every variable a channel names must be set now, not discovered unset at delivery."""
    for channel in channels:
        for key, purpose in _SECRET_KEYS:
            name = getattr(channel, key)
            if name is None or (env.get(name) or "").strip():
                continue
            state = "is empty" if name in env else "is not set"
            raise reader.fail(
                f"channel {channel.name!r} takes {purpose} from the environment variable "
                f"{name} ({key}), which {state}; set {name} wherever diplowatch runs passes "
                f"or sends alerts (docker compose: x-airflow-common.environment), or remove "
                f"the channel",
                channel.line,
            )


def load_alerts(path: str | Path, *, env: Mapping[str, str] | None = None) -> AlertsConfig:
    """Read and check an alerts file; raise ConfigError naming the file, line and fix.

    `env` (default: the process environment) must hold every variable the channels name.
    """
    source = str(path)
    reader = Reader(source)
    text = read_text_file(path, what="the alerts file", hint="check DIPLOWATCH_ALERTS or --alerts")
    try:
        data = load_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise reader.fail(
            f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
            mark.line + 1 if mark is not None else None,
        ) from None
    if data is None:  # an empty file: no channels, no rules
        data = YamlMapping()
        data.line, data.key_lines = 1, {}
    top = reader.mapping(data, "the alerts file", 1)
    reader.check_keys(top, {"channels", "rules"}, "the alerts file")
    lists: dict[str, list[Any]] = {}
    for key in ("channels", "rules"):
        value = top.get(key) or []
        if not isinstance(value, list):
            raise reader.fail(f"{key!r} must be a list", top.key_lines.get(key, 1))
        lists[key] = value
    channels = [
        _read_channel(reader, raw, line)
        for raw, line in _with_lines(lists["channels"], top, "channels")
    ]
    _unique(reader, channels, "channel")
    _check_environment(reader, channels, os.environ if env is None else env)
    by_name = {c.name: c for c in channels}
    rules = [
        _read_rule(reader, raw, line, by_name)
        for raw, line in _with_lines(lists["rules"], top, "rules")
    ]
    _unique(reader, rules, "rule")
    unused = set(by_name) - {c for r in rules for c in r.channels}
    if unused:
        LOGGER.warning("%s: no rule sends to channel(s) %s", source, ", ".join(sorted(unused)))
    return AlertsConfig(path=source, channels=by_name, rules=tuple(rules))


__all__ = ["AlertsConfig", "ChannelConfig", "Rule", "load_alerts", "EVENT_TYPES"]
