"""The actor dictionary: countries, bodies, people and offices loaded from YAML data.

The packaged `data/actors.yaml` is overlaid by `Settings.actors_file` when given, so a new
dyad (USA-CHN, RUS-UKR) or a new official is a matter of data, not code. Every surface form
the text can use for an actor becomes a `Surface` the spaCy matcher and the pre-filter read.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_ACTORS_FILE = DATA_DIR / "actors.yaml"
# The role of an actor of a side who does not act or speak for it: a national, a thing of the
# side, a former official, a candidate or a president-elect (events' WEAK_ROLE).
NO_SIDE_ROLE = "COUNTRY"
# Words that make a paragraph worth parsing even when it names no side ("the minister said").
_OFFICE_WORDS = re.compile(
    r"\b(?:[Pp]residents?|[Mm]inist(?:ers?|ry)|[Ss]pokes(?:man|woman|person)|[Ee]mbassy|"
    r"[Aa]mbassadors?|[Ee]nvoys?|[Dd]iplomats?|[Ss]ecretary|[Aa]dministration|[Kk]remlin|"
    r"[Ll]eaders?|[Oo]fficials?|[Aa]ides?)\b"
)

# A paragraph whose speaker is a pronoun ("..., he said"): its antecedent is in the one before.
_PRONOUN_SAID = re.compile(r"\b(?:[Hh]e|[Ss]he) (?:\w+ly )?(?:said|says|added|told|noted|warned)\b")
# ... or to a description that takes up someone named before ("said the California Republican")
_DESCRIBED = (
    r"(?:[Rr]epublican|[Dd]emocrat|senator|lawmaker|congress(?:wo)?man|chair(?:wo)?man|"
    r"official|diplomat|minister|spokes(?:wo)?man|envoy|ambassador|secretary)"
)
_DESCRIBED_SAID = re.compile(
    rf"\b(?:said|says|added|told|noted|warned) the (?:[\w.-]+ ){{0,3}}{_DESCRIBED}\b"
    rf"|\bthe (?:[\w.-]+ ){{0,3}}{_DESCRIBED} (?:said|says|added|told|noted|warned)\b"
)


def _pronoun_said(paragraph: str) -> bool:
    """The paragraph opens with a quote or a pronoun and credits its words to "he"/"she" or
    to a description ("the Arizona Republican"): it names no speaker before that."""
    opening = paragraph.lstrip()[:4]
    opens = opening[:1] in ('"', "“") or opening.startswith(("He ", "She "))
    return opens and bool(
        _PRONOUN_SAID.search(paragraph) or _DESCRIBED_SAID.search(paragraph[:400])
    )


@dataclass(frozen=True)
class Term:
    """One spell in one office."""

    office: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    country: str
    gender: str | None
    terms: tuple[Term, ...]

    def offices_on(self, day: dt.date) -> list[str]:
        return [t.office for t in self.terms if t.covers(day)]

    def nearest_office(self, day: dt.date) -> str | None:
        """The office held on the day, else the latest one begun before it, else the first."""
        held = self.offices_on(day)
        if held:
            return held[0]
        begun = [t for t in self.terms if t.start is None or t.start <= day]
        if begun:
            return max(begun, key=lambda t: t.start or dt.date.min).office
        return self.terms[0].office if self.terms else None


@dataclass(frozen=True)
class Body:
    key: str
    name: str
    country: str
    role: str
    kind: str | None


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    adjective: str
    organisation: bool = False  # NATO, the EU, the UN: a party but not a third country


@dataclass(frozen=True)
class Surface:
    """What one surface form names. `kind` says how the article resolves it."""

    kind: str  # person, surname, body, country, adjective, title, generic, none
    ref: str  # person key, body key, country code, office key, generic kind, or ""


@dataclass
class ActorDictionary:
    countries: dict[str, Country] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    office_roles: dict[str, str] = field(default_factory=dict)
    role_nouns: dict[str, str] = field(default_factory=dict)  # lowercase noun -> role
    # Nouns for people ("citizen", "hacker", "officer"): a side's name or demonym on them
    # ("a U.S. citizen", "Russian hackers") makes an actor of that side, never the state.
    person_nouns: set[str] = field(default_factory=set)
    # Nouns for people who speak for someone without being of a side ("his widow", "Reed's
    # lawyer", "the family of the detained man"): their owner is not the speaker.
    proxy_nouns: set[str] = field(default_factory=set)
    alias_words: dict[str, set[str]] = field(default_factory=dict)  # person key -> name words
    # lowercase title -> the one side whose government has that post ("attorney general")
    national_titles: dict[str, str] = field(default_factory=dict)
    # (surface, case_sensitive) -> what it names; the matcher builds its patterns from this.
    surfaces: dict[tuple[str, bool], list[Surface]] = field(default_factory=dict)

    def add_surface(self, text: str, surface: Surface, *, case_sensitive: bool = True) -> None:
        text = " ".join(str(text).split())
        if not text:
            return
        key = (text if case_sensitive else text.lower(), case_sensitive)
        entries = self.surfaces.setdefault(key, [])
        if surface not in entries:
            entries.append(surface)

    def holders(self, country: str | None, office: str, day: dt.date) -> list[Person]:
        """People holding the office on the day, in the country when given."""
        return [
            p
            for p in self.people.values()
            if (country is None or p.country == country) and office in p.offices_on(day)
        ]

    def role_of(self, person: Person, day: dt.date, *, strict: bool = True) -> str:
        """The person's role on the day; a person outside every term of office then (a former
        official, a candidate) speaks and acts for no side: a national, `NO_SIDE_ROLE`.
        Not `strict` (the day is a guess): the role of the office nearest the day."""
        held = person.offices_on(day)
        if not held and strict:
            return NO_SIDE_ROLE
        office = held[0] if held else person.nearest_office(day)
        return self.office_roles.get(office or "", "OFFICIAL")

    def side_forms(self, code: str) -> list[str]:
        """Case-sensitive surface forms that name the side or one of its actors."""
        forms: list[str] = []
        for (text, case_sensitive), entries in self.surfaces.items():
            if not case_sensitive:
                continue
            for entry in entries:
                if self.country_of(entry) == code and entry.kind != "surname":
                    forms.append(text)
                    break
        return forms

    def country_of(self, entry: Surface) -> str | None:
        if entry.kind in ("person", "surname"):
            return self.people[entry.ref].country
        if entry.kind == "body":
            return self.bodies[entry.ref].country
        if entry.kind in ("country", "adjective"):
            return entry.ref
        return None


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{value!r} is not a YYYY-MM-DD date; fix it", source=where) from None


# The last word of a body's name that makes it an institution of the state: such a name
# written in lower case still names it ("the state department", "the justice department").
_INSTITUTION_NOUNS = frozenset({"Department", "Ministry", "Council"})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Overlay `extra` on `base`: mappings merge, lists append, scalars replace."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(
            f"cannot read the actor dictionary ({exc.strerror})", source=str(path)
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(
            f"the actor dictionary is not valid YAML: {exc}", source=str(path)
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("the actor dictionary must be a mapping", source=str(path))
    return data


def _add_country(d: ActorDictionary, code: str, spec: dict[str, Any], where: str) -> None:
    name = spec.get("name") or code
    adjectives = [str(a) for a in spec.get("adjectives") or []]
    d.countries[code] = Country(
        code,
        str(name),
        adjectives[0] if adjectives else str(name),
        bool(spec.get("organisation")),
    )
    for form in [name, *(spec.get("names") or []), *(spec.get("metonyms") or [])]:
        d.add_surface(str(form), Surface("country", code))
    for form in [*adjectives, *(spec.get("demonyms") or [])]:
        d.add_surface(form, Surface("adjective", code))
    for body in spec.get("bodies") or []:
        key = f"{code}:{_slug(body['name'])}"
        role = str(body.get("role") or "GOVERNMENT")
        d.bodies[key] = Body(key, str(body["name"]), code, role, body.get("kind"))
        for form in [body["name"], *(body.get("aliases") or [])]:
            d.add_surface(str(form), Surface("body", key))
            words = str(form).split()
            if len(words) > 1 and words[-1] in _INSTITUTION_NOUNS:
                # "the state department says": the department written in lower case
                d.add_surface(str(form).lower(), Surface("body", key))
    for person in spec.get("people") or []:
        key = f"{code}:{_slug(person['name'])}"
        terms = tuple(
            Term(str(t[0]), _date(t[1], where), _date(t[2] if len(t) > 2 else None, where))
            for t in person.get("terms") or []
        )
        d.people[key] = Person(key, str(person["name"]), code, person.get("gender"), terms)
        for form in [person["name"], *(person.get("aliases") or [])]:
            d.add_surface(str(form), Surface("person", key))
            d.alias_words.setdefault(key, set()).update(str(form).split())
        if person.get("surname"):
            d.add_surface(str(person["surname"]), Surface("surname", key))


def build_dictionary(data: dict[str, Any], where: str = "actors") -> ActorDictionary:
    """Turn the parsed YAML into an `ActorDictionary`."""
    d = ActorDictionary()
    for office, spec in (data.get("offices") or {}).items():
        d.office_roles[str(office)] = str(spec.get("role") or "OFFICIAL")
        for title in spec.get("titles") or []:
            d.add_surface(str(title), Surface("title", str(office)), case_sensitive=False)
    for kind, forms in (data.get("generic_bodies") or {}).items():
        for form in forms:
            d.add_surface(str(form), Surface("generic", str(kind)), case_sensitive=False)
    for role, nouns in (data.get("role_nouns") or {}).items():
        for noun in nouns:
            d.role_nouns.setdefault(str(noun).lower(), str(role))
    for role, nouns in (data.get("person_nouns") or {}).items():
        for noun in nouns:
            d.person_nouns.add(str(noun).lower())
            d.role_nouns.setdefault(str(noun).lower(), str(role))
    for code, titles in (data.get("national_titles") or {}).items():
        for title in titles:
            d.national_titles[" ".join(str(title).lower().split())] = str(code).upper()
    for noun in data.get("proxy_nouns") or []:
        d.proxy_nouns.add(str(noun).lower())
    for form in data.get("not_actors") or []:
        d.add_surface(str(form), Surface("none", ""))
    for code, spec in (data.get("countries") or {}).items():
        if not isinstance(spec, dict):
            raise ConfigError(f"country {code!r} must be a mapping", source=where)
        _add_country(d, str(code).upper(), spec, where)
    return d


@lru_cache(maxsize=8)
def load_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The packaged dictionary overlaid with the extra files, loaded once per process."""
    data = _read(DEFAULT_ACTORS_FILE)
    for extra in extra_files:
        data = _merge(data, _read(Path(extra)))
    dictionary = build_dictionary(data, str(DEFAULT_ACTORS_FILE))
    LOGGER.debug(
        "actor dictionary: %s countries, %s people, %s bodies, %s surface forms",
        len(dictionary.countries),
        len(dictionary.people),
        len(dictionary.bodies),
        len(dictionary.surfaces),
    )
    return dictionary


class SidePrefilter:
    """A cheap scan: does the text name both watched sides? Skips the parser when not."""

    def __init__(self, dictionary: ActorDictionary, sides: Iterable[str]):
        self._patterns: list[re.Pattern[str]] = []
        for code in sides:
            forms = sorted(set(dictionary.side_forms(code)), key=len, reverse=True)
            if not forms:
                raise ConfigError(
                    f"the watched side {code!r} has no entry in the actor dictionary; "
                    "add it to the actors file",
                )
            alternation = "|".join(re.escape(f) for f in forms)
            self._patterns.append(re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"))

    def mentions_all(self, text: str) -> bool:
        return all(p.search(text) for p in self._patterns)

    def story_paragraphs(self, paragraphs: list[str]) -> list[str]:
        """The paragraphs worth parsing: those naming a side or an office, and the one after
        each (a quote's speaker or a pronoun often sits there). Filler is left unparsed."""
        keep = [
            any(p.search(text) for p in self._patterns) or bool(_OFFICE_WORDS.search(text))
            for text in paragraphs
        ]
        return [
            text
            for i, text in enumerate(paragraphs)
            if keep[i]
            or (i > 0 and keep[i - 1] and any(q in text for q in '"“”'))
            # '"...," he said' names its speaker in the paragraph before, whatever it names
            or (i + 1 < len(paragraphs) and keep[i + 1] and _pronoun_said(paragraphs[i + 1]))
        ]


__all__ = [
    "ActorDictionary",
    "Body",
    "Country",
    "Person",
    "SidePrefilter",
    "Surface",
    "Term",
    "build_dictionary",
    "load_dictionary",
]
