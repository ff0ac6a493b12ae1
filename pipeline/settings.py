"""One settings object, built once from packaged defaults, a YAML file and DIPLOWATCH_* variables.

Order of precedence (later wins): the defaults below, the YAML file named by
DIPLOWATCH_CONFIG (or `./diplowatch.yaml` when present), DIPLOWATCH_* environment
variables, then explicit overrides (command-line flags). Secrets never live here: channels
name the environment variable that holds them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FEEDS_FILE = PACKAGE_DATA / "feeds.yaml"
ENV_PREFIX = "DIPLOWATCH_"


@dataclass(frozen=True)
class Settings:
    db_url: str = "sqlite:///diplowatch.db"
    feeds_file: str = str(DEFAULT_FEEDS_FILE)
    alerts_file: str | None = None
    schedule: str = "*/15 * * * *"
    # The pair of watched sides (ISO 3166 alpha-3); another dyad is a matter of configuration.
    sides: tuple[str, str] = ("USA", "RUS")
    actors_file: str | None = None  # extra actor dictionary overlaid on the packaged one
    allow_private_hosts: bool = False
    user_agent: str = "diplowatch/0.1 (+https://github.com/diplowatch/diplowatch; news monitoring)"
    http_timeout: float = 20.0
    max_feed_bytes: int = 10 * 1024 * 1024
    max_page_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    fetch_concurrency: int = 8
    # Processes for the CPU stages (extraction, detection), each loading spaCy once; None:
    # the cores this process may use. 1 runs them in the calling process (Airflow tasks).
    workers: int | None = None
    batch_size: int = 32  # articles claimed at a time by a worker
    lease_seconds: int = 600  # a claimed batch not finished by then is free for others
    max_articles_per_feed: int = 50
    feed_interval_minutes: int = 15  # a healthy feed is due again after this long
    feed_max_backoff_minutes: int = 24 * 60  # cap of the failing-feed backoff
    article_max_attempts: int = 3
    raw_html_retention_days: int = 30
    keep_raw_html: bool = True
    delivery_max_attempts: int = 8
    delivery_backoff_seconds: float = 30.0
    progress: bool | None = None  # None: a progress bar when stderr is a terminal

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_FIELD_TYPES = {f.name: f.type for f in fields(Settings)}


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
        return None if value is None else str(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {name!r} has the value {value!r}, which is not a valid {kind}; "
            f"fix or remove it",
            source=source,
        ) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(
            f"cannot read the settings file ({exc.strerror}); check the path", source=str(path)
        ) from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ConfigError(
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            source=str(path),
            line=line + 1 if line is not None else None,
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("the settings file must be a mapping of setting: value", source=str(path))
    return data


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the settings: defaults, then the YAML file, then DIPLOWATCH_* variables, then overrides."""
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
            values[name] = _coerce(name, value, str(path))
    aliases = {"FEEDS": "feeds_file", "ALERTS": "alerts_file"}
    for key, value in env.items():
        if not key.startswith(ENV_PREFIX) or key == ENV_PREFIX + "CONFIG":
            continue
        suffix = key[len(ENV_PREFIX) :]
        name = aliases.get(suffix, suffix.lower())
        if name in _FIELD_TYPES:
            values[name] = _coerce(name, value, key)
    for name, value in overrides.items():
        if value is not None:
            values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
    return Settings(**values)


__all__ = ["Settings", "load_settings", "DEFAULT_FEEDS_FILE", "PACKAGE_DATA"]
