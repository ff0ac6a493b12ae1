"""The trigger lexicon: verbs, nouns and adjectives per PLOVER type, loaded from YAML data.

A verb can have several senses tried in order ("call on" is a REQUEST, "call X a killer" an
ACCUSE, "call X" a CONSULT); each sense carries the conditions the parse must meet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LOGGER = logging.getLogger(__name__)

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon.yaml"


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word and what the parse needs for it."""

    type: str
    mode: str | None
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    needs: str | None = None
    objects: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    prep_actor: bool = False  # the preposition's object must be an actor ("talk with Putin")
    unless: frozenset[str] = frozenset()  # objects that rule the sense out ("offered a reward")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, Sense]
    adjectives: dict[str, tuple[Sense, ...]]
    light_verbs: frozenset[str]
    insult_nouns: frozenset[str]
    accusation_nouns: frozenset[str]
    hypothetical_heads: frozenset[str]
    speech_verbs: frozenset[str]
    hypothetical_nouns: frozenset[str] = frozenset()
    # cue class ("negative", "positive", "threat") -> single-word lemmas and phrases
    cue_words: dict[str, frozenset[str]] = field(default_factory=dict)
    cue_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _words(values: Any) -> frozenset[str]:
    """Words of a list; YAML 1.1 reads a bare `on`/`off` as a boolean, so map them back."""
    out = set()
    for value in values or ():
        if value is True:
            value = "on"
        elif value is False:
            value = "off"
        out.add(str(value).lower())
    return frozenset(out)


def _sense(spec: Any) -> Sense:
    if isinstance(spec, str):
        kind, _, mode = spec.partition(" ")
        return Sense(kind.upper(), mode or None)
    return Sense(
        type=str(spec["type"]).upper(),
        mode=spec.get("mode"),
        prt=_words(spec.get("prt")),
        prep=_words(spec.get("prep")),
        needs=spec.get("needs"),
        objects=_words(spec.get("objects")),
        xcomp=_words(spec.get("xcomp")),
        prep_actor=bool(spec.get("prep_actor")),
        unless=_words(spec.get("unless")),
    )


def _senses(spec: Any) -> tuple[Sense, ...]:
    return tuple(_sense(s) for s in spec) if isinstance(spec, list) else (_sense(spec),)


def _phrase(cue: str) -> bool:
    return " " in cue or "-" in cue


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping key given twice (YAML keeps the last silently)."""


def _unique_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise ValueError(
                f"{key_node.start_mark.name}, line {key_node.start_mark.line + 1}: "
                f"{key!r} is defined twice; merge its senses into one list"
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_strict_yaml(path: str | Path) -> Any:
    """Parse a YAML data file, failing on duplicate keys with the line that repeats one."""
    with open(path, encoding="utf-8") as fp:
        return yaml.load(fp, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)


@lru_cache(maxsize=2)
def load_lexicon(path: str = str(LEXICON_FILE)) -> Lexicon:
    """Parse the lexicon file once per process."""
    data = read_strict_yaml(path) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return Lexicon(
        verbs={str(k).lower(): _senses(v) for k, v in (data.get("verbs") or {}).items()},
        nouns={str(k).lower(): _sense(v) for k, v in (data.get("nouns") or {}).items()},
        adjectives={str(k).lower(): _senses(v) for k, v in (data.get("adjectives") or {}).items()},
        light_verbs=words("light_verbs"),
        insult_nouns=words("insult_nouns"),
        accusation_nouns=words("accusation_nouns"),
        hypothetical_heads=words("hypothetical_heads"),
        speech_verbs=words("speech_verbs"),
        hypothetical_nouns=words("hypothetical_nouns"),
        # spaCy splits "non-starter" and "trumped-up" into three tokens, so hyphenated cues
        # are matched in the text like phrases, not as lemmas
        cue_words={
            str(k): frozenset(str(w).lower() for w in v if not _phrase(str(w)))
            for k, v in (data.get("evaluation") or {}).items()
        },
        cue_phrases={
            str(k): tuple(str(w).lower() for w in v if _phrase(str(w)))
            for k, v in (data.get("evaluation") or {}).items()
        },
    )


def cue_counts(lexicon: Lexicon, lemmas: list[str], text: str) -> dict[str, int]:
    """How many cue words and phrases of each class a stretch of text holds."""
    lowered = " ".join(text.lower().split())
    counts: dict[str, int] = {}
    for kind, words in lexicon.cue_words.items():
        counts[kind] = sum(1 for lemma in lemmas if lemma in words)
        counts[kind] += sum(1 for phrase in lexicon.cue_phrases.get(kind, ()) if phrase in lowered)
    return counts


__all__ = ["Lexicon", "Sense", "cue_counts", "load_lexicon"]
