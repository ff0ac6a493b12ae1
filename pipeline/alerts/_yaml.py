"""YAML read with line numbers, and checks that name the file and line of what is wrong."""

from __future__ import annotations

import re
from typing import Any

import yaml

from pipeline.errors import ConfigError

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# --- reading the file with line numbers ----------------------------------------------------


class YamlMapping(dict[str, Any]):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings carry the line numbers an error message needs."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMapping:
    loader.flatten_mapping(node)
    mapping = YamlMapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[str(key)] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


class YamlList(list[Any]):
    """A YAML sequence that remembers the line of each item."""

    item_lines: list[int]


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> YamlList:
    items = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    _construct_sequence,  # type: ignore[arg-type]
)


class Reader:
    """Checks one file's values, raising ConfigError with the file and line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, line: int | None) -> ConfigError:
        return ConfigError(message, source=self.path, line=line)

    def mapping(self, value: Any, what: str, line: int) -> YamlMapping:
        if not isinstance(value, YamlMapping):
            raise self.fail(f"{what} must be a mapping (key: value)", line)
        return value

    def check_keys(self, item: YamlMapping, allowed: set[str], what: str) -> None:
        for key in item:
            if key not in allowed:
                hint = ""
                if key in {"secret", "password", "webhook_url", "token"}:
                    hint = f"; secrets go in the environment: name the variable with {key}_env"
                    if key == "webhook_url":
                        hint = "; the Slack URL is a secret: put it in an environment variable "
                        hint += "and name it with webhook_url_env"
                raise self.fail(
                    f"unknown key {key!r} in {what}; allowed: {', '.join(sorted(allowed))}{hint}",
                    item.key_lines.get(key, item.line),
                )

    def text(self, item: YamlMapping, key: str, what: str, *, required: bool = False) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                raise self.fail(f"{what} needs {key!r}", item.line)
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value):
            raise self.fail(f"{key!r} of {what} must be a non-empty text", item.key_lines[key])
        return str(value)

    def env_name(self, item: YamlMapping, key: str, what: str) -> str | None:
        name = self.text(item, key, what)
        if name is not None and not ENV_NAME.match(name):
            raise self.fail(
                f"{key!r} of {what} must name an environment variable (like HOOK_SECRET), "
                f"not hold the value itself",
                item.key_lines[key],
            )
        return name

    def texts(self, item: YamlMapping, keys: tuple[str, ...], what: str) -> tuple[str, ...]:
        """A list of texts under any of `keys` (a single text is a list of one)."""
        out: list[str] = []
        for key in keys:
            value = item.get(key)
            if value is None:
                continue
            values = value if isinstance(value, list) else [value]
            for v in values:
                if not isinstance(v, str | int) or isinstance(v, bool) or not str(v).strip():
                    raise self.fail(
                        f"{key!r} of {what} must be a text or a list of texts",
                        item.key_lines[key],
                    )
                out.append(str(v).strip())
        return tuple(out)

    def number(
        self, item: YamlMapping, key: str, what: str, low: float, high: float
    ) -> float | None:
        value = item.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (low <= value <= high)
        ):
            raise self.fail(
                f"{key!r} of {what} must be a number from {low} to {high}, not {value!r}",
                item.key_lines[key],
            )
        return float(value)


def load_with_lines(text: str) -> Any:
    """Parse YAML safely; every mapping in the result is a YamlMapping with line numbers."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
