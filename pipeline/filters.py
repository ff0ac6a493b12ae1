"""What an analyst asks for, read and checked once for the CLI, the API and the page.

`event_filter` and `statement_filter` turn the values people type (dates or spans back,
type and country codes, a search) into `EventFilter` / `StatementFilter`, refusing anything
unknown with a `QueryError` that names the parameter and lists the valid values. The error
speaks in the API's parameter names; the CLI renames them to its flags.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline import search
from pipeline.errors import QueryError
from pipeline.models import EVENT_TYPES

LOGGER = logging.getLogger(__name__)

LEXICON_FILE = Path(__file__).resolve().parent / "detect" / "data" / "lexicon.yaml"
_RELATIVE = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.IGNORECASE)
MAX_TEXT = 200  # an actor or speaker name to look for


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field narrows; dates are inclusive event dates."""

    query: search.SearchQuery | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    country: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    actor: str | None = None  # part of a source, target, speaker or reporter name
    min_confidence: float | None = None


@dataclass(frozen=True)
class StatementFilter:
    """Which statements: every field narrows; dates are inclusive statement dates."""

    query: search.SearchQuery | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # the speaker's side
    speaker: str | None = None  # part of the speaker's name
    direct: bool | None = None  # True: direct quotes, False: paraphrases


def parse_date(value: str | None, parameter: str, today: dt.date | None = None) -> dt.date | None:
    """An ISO date (2024-05-01) or a span back from today (36h, 7d, 2w)."""
    if value is None or not value.strip():
        return None
    today = today or dt.datetime.now(dt.UTC).date()
    match = _RELATIVE.match(value)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        days = {"h": math.ceil(amount / 24), "d": amount, "w": amount * 7}[unit]
        try:
            # event dates are days: a span of hours reaches back to the day it started on
            return today - dt.timedelta(days=days)
        except OverflowError:
            raise QueryError(
                parameter, f"{value!r} reaches back before the year 1; use a shorter span"
            ) from None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(
            parameter, f"{value!r} is neither a date (YYYY-MM-DD) nor a span like 24h, 7d or 2w"
        ) from None


def split_values(values: Iterable[str] | str | None) -> list[str]:
    """`type=ACCUSE&type=REJECT` and `type=ACCUSE,REJECT` mean the same."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _one_of(
    parameter: str,
    values: list[str],
    known: Iterable[str],
    stored: Callable[[], Iterable[str]] | None,
    *,
    what: str,
    case: Callable[[str], str] = str.upper,
) -> tuple[str, ...]:
    """The values, normalised, when each is known (or stored); else a QueryError listing them."""
    valid = {case(k) for k in known}
    wanted = [case(v) for v in values]
    unknown = [v for v in wanted if v not in valid]
    if unknown and stored is not None:
        valid |= {case(s) for s in stored() if s}
        unknown = [v for v in wanted if v not in valid]
    if unknown:
        raise QueryError(
            parameter,
            f"unknown {what} {', '.join(map(repr, unknown))}; valid {what}s are: "
            + ", ".join(sorted(valid)),
            valid=sorted(valid),
        )
    return tuple(dict.fromkeys(wanted))


@lru_cache(maxsize=1)
def lexicon_modes() -> frozenset[str]:
    """Every mode the detector's lexicon can give (read from its data file, without spaCy)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("type"), str) and isinstance(node.get("mode"), str):
                found.add(node["mode"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            head, _, mode = node.partition(" ")
            if head in EVENT_TYPES and mode:
                found.add(mode.strip())

    try:
        data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        LOGGER.warning("cannot read the lexicon's modes from %s: %s", LEXICON_FILE, exc)
        return frozenset()
    for section in ("verbs", "nouns", "adjectives"):
        walk(data.get(section) if isinstance(data, dict) else None)
    return frozenset(found)


def _name(value: str | None, parameter: str) -> str | None:
    """A name to look for: its words must appear in this order in a name of the record,
    the last perhaps only begun ("lavr" finds Lavrov)."""
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise QueryError(parameter, f"is {len(value)} characters long; at most {MAX_TEXT}")
    if not search.name_words(value):
        raise QueryError(parameter, f"{value!r} has no letters or digits to look for")
    return value.strip()


def parse_query(value: str | None, parameter: str = "q") -> search.SearchQuery | None:
    if value is None or not value.strip():
        return None
    try:
        return search.parse(value)
    except search.SearchSyntaxError as exc:
        raise QueryError(parameter, f"the search {value!r} {exc}") from None


def _confidence(value: float | None) -> float | None:
    if value is None:
        return None
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise QueryError("min_confidence", f"{value} is not a number from 0 to 1")
    return value


@dataclass(frozen=True)
class Known:
    """Where valid values come from: the configured sides, and (asked only when a value is
    not among the expected ones) what the database holds."""

    sides: tuple[str, ...] = ("USA", "RUS")
    stored_countries: Callable[[], Iterable[str]] | None = None
    stored_modes: Callable[[], Iterable[str]] | None = None


def event_filter(
    *,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    types: Iterable[str] | str | None = None,
    modes: Iterable[str] | str | None = None,
    country: str | None = None,
    source: str | None = None,
    target: str | None = None,
    actor: str | None = None,
    min_confidence: float | None = None,
    known: Known | None = None,
    today: dt.date | None = None,
) -> EventFilter:
    """Check what was asked for events; raises QueryError naming the parameter at fault."""
    known = known or Known()

    def side(parameter: str, value: str | None) -> str | None:
        values = split_values(value)
        if not values:
            return None
        if len(values) > 1:
            raise QueryError(parameter, "takes one country code (ISO alpha-3), e.g. RUS")
        checked = _one_of(
            parameter, values, known.sides, known.stored_countries, what="country code"
        )
        return checked[0]

    return EventFilter(
        query=parse_query(q),
        since=parse_date(since, "since", today),
        until=parse_date(until, "until", today),
        types=_one_of("type", split_values(types), EVENT_TYPES, None, what="event type"),
        modes=_one_of(
            "mode",
            split_values(modes),
            lexicon_modes(),
            known.stored_modes,
            what="mode",
            case=str.lower,
        ),
        country=side("country", country),
        source=side("source", source),
        target=side("target", target),
        actor=_name(actor, "actor"),
        min_confidence=_confidence(min_confidence),
    )


def statement_filter(
    *,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    speaker: str | None = None,
    direct: bool | None = None,
    known: Known | None = None,
    today: dt.date | None = None,
) -> StatementFilter:
    """Check what was asked for statements; raises QueryError naming the parameter at fault."""
    known = known or Known()
    countries = split_values(country)
    if len(countries) > 1:
        raise QueryError("country", "takes one country code (ISO alpha-3), e.g. RUS")
    checked = _one_of(
        "country", countries, known.sides, known.stored_countries, what="country code"
    )
    return StatementFilter(
        query=parse_query(q),
        since=parse_date(since, "since", today),
        until=parse_date(until, "until", today),
        country=checked[0] if checked else None,
        speaker=_name(speaker, "speaker"),
        direct=direct,
    )


__all__ = [
    "EventFilter",
    "Known",
    "StatementFilter",
    "event_filter",
    "lexicon_modes",
    "parse_date",
    "parse_query",
    "split_values",
    "statement_filter",
]
