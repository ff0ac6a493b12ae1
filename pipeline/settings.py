"""One settings object, built once from packaged defaults, a YAML file and DIPLOWATCH_* variables.

Order of precedence (later wins): the defaults below, the YAML file named by
DIPLOWATCH_CONFIG (or `./diplowatch.yaml` when present), DIPLOWATCH_* environment
variables, then explicit overrides (command-line flags). Secrets never live here: channels
name the environment variable that holds them.

Every value is checked for its type and its range when it is read (`setting(...)` declares
the range of a field), so a timeout of 0 or nan, or a negative redirect limit, fails at
start with the variable (or file) that set it and what it must be, not obscurely later.
A new field declares its own range with `setting(default, low=..., high=...)`.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError
from pipeline.text import is_clean, read_text_file

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FEEDS_FILE = PACKAGE_DATA / "feeds.yaml"
ENV_PREFIX = "DIPLOWATCH_"
# Environment variables whose name is not DIPLOWATCH_<FIELD>.
ENV_ALIASES = {"FEEDS": "feeds_file", "ALERTS": "alerts_file"}
# Command-line flags whose name is not --<field>.
FLAGS = {"db_url": "--db", "feeds_file": "--feeds", "alerts_file": "--alerts"}


@dataclass(frozen=True)
class Check:
    """What a setting's value must be, beyond its type; `problem` says what is wrong, if anything.

    low / high bound numbers (inclusive, or exclusive with low_open); numbers must be finite;
    `nonempty` refuses an empty or blank text; `printable` refuses control characters
    (a value that ends up in an HTTP header); `valid` is any further check of the value,
    returning what is wrong or None; `shown` renders the value for the message.
    """

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    nonempty: bool = False
    printable: bool = False
    valid: Any = None  # Callable[[Any], str | None]
    shown: Any = repr  # how the value appears in a message (a URL's password hidden)

    def problem(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            return "must be a finite number"
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.low is not None and (value <= self.low if self.low_open else value < self.low):
                return self._range()
            if self.high is not None and value > self.high:
                return self._range()
        if isinstance(value, str):
            if self.nonempty and not value.strip():
                return "must not be empty"
            if self.printable and any(ord(c) < 32 or ord(c) == 127 for c in value):
                return "must not contain control characters (line breaks, tabs, NUL)"
        return self.valid(value) if self.valid is not None else None

    def _range(self) -> str:
        low = None
        if self.low is not None:
            low = (
                f"greater than {_num(self.low)}" if self.low_open else f"at least {_num(self.low)}"
            )
        high = f"at most {_num(self.high)}" if self.high is not None else None
        return "must be " + " and ".join(part for part in (low, high) if part)


_NO_CHECK = Check()


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def setting(default: Any, *, secret: bool = False, **check: Any) -> Any:
    """A Settings field with a range (see Check): `http_timeout: float = setting(20.0, low=0,
    low_open=True)`. Other modules' fields use this too, so every value is checked alike.
    A `secret` field is left out of repr() and never shown in a message."""
    if secret:
        check["shown"] = lambda value: "(hidden)"
    return field(default=default, repr=not secret, metadata={"check": Check(**check)})


def _token_problem(value: str) -> str | None:
    if len(value) < 16 or any(c.isspace() for c in value):
        return "must be a long random secret: 16 characters or more, no spaces"
    return None


def _database_url(value: str) -> str | None:
    from pipeline.dburl import url_problem

    return url_problem(value)


def _shown_url(value: str) -> str:
    from pipeline.dburl import safe_url

    return repr(safe_url(value))


@dataclass(frozen=True)
class Settings:
    db_url: str = setting(
        "sqlite:///diplowatch.db", nonempty=True, valid=_database_url, shown=_shown_url
    )
    feeds_file: str = setting(str(DEFAULT_FEEDS_FILE), nonempty=True)
    alerts_file: str | None = None
    schedule: str = setting("*/15 * * * *", nonempty=True)
    # The pair of watched sides (ISO 3166 alpha-3); another dyad is a matter of configuration.
    sides: tuple[str, str] = ("USA", "RUS")
    actors_file: str | None = None  # extra actor dictionary overlaid on the packaged one
    allow_private_hosts: bool = False
    user_agent: str = setting(
        "diplowatch/0.1 (+https://github.com/diplowatch/diplowatch; news monitoring)",
        nonempty=True,
        printable=True,
    )
    # Seconds for one whole HTTP exchange: connect, headers, body and every redirect.
    http_timeout: float = setting(20.0, low=0, low_open=True, high=3600)
    max_feed_bytes: int = setting(10 * 1024 * 1024, low=1)
    max_page_bytes: int = setting(5 * 1024 * 1024, low=1)
    max_redirects: int = setting(5, low=0, high=50)
    fetch_concurrency: int = setting(8, low=1, high=256)
    # Processes for the CPU stages (extraction, detection), each loading spaCy once; None:
    # the cores this process may use. 1 runs them in the calling process (Airflow tasks).
    workers: int | None = setting(None, low=1, high=256)
    batch_size: int = setting(32, low=1, high=10_000)  # articles a worker claims at a time
    # A claimed batch not finished by then is free for other workers (a crashed one's).
    lease_seconds: int = setting(600, low=10, high=7 * 86400)
    max_articles_per_feed: int = setting(50, low=1)
    feed_interval_minutes: int = setting(15, low=1)  # a healthy feed is due again after this long
    feed_max_backoff_minutes: int = setting(24 * 60, low=1)  # cap of the failing-feed backoff
    article_max_attempts: int = setting(3, low=1, high=100)
    # Negative keeps raw HTML forever.
    raw_html_retention_days: int = 30
    keep_raw_html: bool = True
    delivery_max_attempts: int = setting(8, low=1, high=100)
    delivery_backoff_seconds: float = setting(30.0, low=0, high=86400)
    progress: bool | None = None  # None: a progress bar when stderr is a terminal
    # When set, the API and the page answer only requests bearing it (`Authorization: Bearer`);
    # kept out of repr() and messages so that it never reaches a log line.
    api_token: str | None = setting(None, secret=True, printable=True, valid=_token_problem)

    def __post_init__(self) -> None:
        # Whoever builds a Settings (load_settings, a test, a DAG's with_overrides) gets one
        # that is in range; load_settings has already named the exact source of a bad value.
        for spec in fields(self):
            check_setting(spec.name, getattr(self, spec.name), env_name(spec.name))

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_FIELDS = {f.name: f for f in fields(Settings)}
_FIELD_TYPES = {name: f.type for name, f in _FIELDS.items()}
_ALIAS_OF = {name: alias for alias, name in ENV_ALIASES.items()}


def env_name(name: str) -> str:
    """The environment variable that sets field `name` (DIPLOWATCH_HTTP_TIMEOUT...)."""
    return ENV_PREFIX + _ALIAS_OF.get(name, name.upper())


def check_setting(name: str, value: Any, source: str) -> None:
    """Raise ConfigError naming `source` when `value` is out of field `name`'s range."""
    check = _FIELDS[name].metadata.get("check", _NO_CHECK) if name in _FIELDS else _NO_CHECK
    if isinstance(value, str) and not is_clean(value):
        problem: str | None = "must be text without control characters or invalid bytes"
    else:
        problem = check.problem(value)
    if problem is not None:
        raise ConfigError(
            f"setting {name!r} is {check.shown(value)}, but it {problem}; fix it, or remove it "
            f"to use the default ({_FIELDS[name].default!r})",
            source=source,
        )


def _coerce(name: str, value: Any, source: str) -> Any:
    kind = str(_FIELD_TYPES[name])
    try:
        if kind.startswith("bool"):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(value)
        if kind.startswith("int"):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return int(value)
        if kind.startswith("float"):
            return float(value)
        if kind.startswith("tuple"):
            items = (
                value if isinstance(value, list | tuple) else str(value).replace(",", " ").split()
            )
            items = tuple(str(i).strip().upper() for i in items)
            if len(items) != 2 or not all(len(i) == 3 and i.isalpha() for i in items):
                raise ValueError(value)
            return items
        if value is None:
            return None
        if isinstance(value, dict | list):
            raise ValueError(value)
        return str(value)
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(
            f"setting {name!r} has the value {value!r}, which is not a valid {kind}; "
            f"fix or remove it",
            source=source,
        ) from None


def _value(name: str, value: Any, source: str) -> Any:
    """A raw value from a file, the environment or a flag: typed, then range-checked."""
    coerced = _coerce(name, value, source)
    check_setting(name, coerced, source)
    return coerced


def _read_yaml(path: Path) -> dict[str, Any]:
    text = read_text_file(
        path, what="the settings file", hint="check the path or DIPLOWATCH_CONFIG"
    )
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ConfigError(
            f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
            source=str(path),
            line=line + 1 if line is not None else None,
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("the settings file must be a mapping of setting: value", source=str(path))
    return data


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the settings: defaults, then the YAML file, then DIPLOWATCH_* variables, then overrides.

    Each value is checked for type and range where it is read, so the error names the
    variable, file or flag that set it.
    """
    env = dict(os.environ if env is None else env)
    values: dict[str, Any] = {}
    config_path = env.get(ENV_PREFIX + "CONFIG")
    path = Path(config_path) if config_path else Path("diplowatch.yaml")
    if config_path or path.exists():
        for key, value in _read_yaml(path).items():
            name = str(key).replace("-", "_")
            if name not in _FIELD_TYPES:
                known = ", ".join(sorted(_FIELD_TYPES))
                raise ConfigError(
                    f"unknown setting {key!r}; known settings are: {known}", source=str(path)
                )
            values[name] = _value(name, value, str(path))
    for key, value in env.items():
        if not key.startswith(ENV_PREFIX) or key == ENV_PREFIX + "CONFIG":
            continue
        suffix = key[len(ENV_PREFIX) :]
        name = ENV_ALIASES.get(suffix, suffix.lower())
        if name in _FIELD_TYPES:
            values[name] = _value(name, value, key)
    for name, value in overrides.items():
        if value is not None:
            values[name] = _value(name, value, FLAGS.get(name, f"--{name.replace('_', '-')}"))
    return Settings(**values)


__all__ = [
    "Check",
    "Settings",
    "check_setting",
    "env_name",
    "load_settings",
    "setting",
    "DEFAULT_FEEDS_FILE",
    "PACKAGE_DATA",
]
