"""The model's attribute rules (POS, MORPH and LEMMA exceptions by tag and word) without the Matcher.

spaCy's `attribute_ruler` in the English model holds about 180 rules, nearly all of one token
each, matched by TAG, LOWER, DEP and IS_SPACE. Run through spaCy's general token Matcher they
cost about a seventh of the detector's CPU time. `FastAttributeRuler` applies the same rules
with the same outcome: the rules that can hit a token depend only on those four attributes,
so the hits are looked up per distinct token signature, and the few two-token rules ("gon na",
an expletive before "is") are checked only where their first token fits. Matches are applied
as spaCy does: every match is found on the parsed tokens first, then each rule's attributes are
set in rule order, a later rule overriding an earlier one.

Rules of a form this class does not know (another attribute, an operator) make `from_ruler`
return None, and the model's own component stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

Predicate = Callable[[Token], bool]
Signature = tuple[str, str, str, bool]

_ATTRIBUTES: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}
_CACHE_LIMIT = 200_000


def _value_test(spec: Any) -> Callable[[Any], bool] | None:
    """A test of one attribute value as the Matcher reads `spec`, or None if unknown."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (operator, argument), *_ = spec.items()
        if operator == "IN":
            allowed = frozenset(argument)
            return lambda value: value in allowed
        if operator == "NOT_IN":
            banned = frozenset(argument)
            return lambda value: value not in banned
        if operator == "REGEX" and isinstance(argument, str):
            search = re.compile(argument).search
            return lambda value: bool(search(value))
    return None


def _token_test(pattern: dict[str, Any]) -> Predicate | None:
    """One token pattern as a predicate over tokens, or None if it uses something unknown."""
    tests: list[tuple[Callable[[Token], Any], Callable[[Any], bool]]] = []
    for attribute, spec in pattern.items():
        value_test = _value_test(spec)
        if attribute not in _ATTRIBUTES or value_test is None:
            return None
        tests.append((_ATTRIBUTES[attribute], value_test))
    return lambda token: all(test(read(token)) for read, test in tests)


def _index_key(pattern: dict[str, Any]) -> tuple[str, str] | None:
    """An exact TAG or LOWER a token must have to fit `pattern`, to file the test under."""
    for attribute in ("TAG", "LOWER"):
        if isinstance(pattern.get(attribute), str):
            return (attribute, pattern[attribute])
    return None


class _Tests:
    """Token tests filed by the exact tag or word they need, so a token meets only its own."""

    def __init__(self) -> None:
        self.filed: dict[tuple[str, str], list[tuple[Any, Predicate]]] = {}
        self.unfiled: list[tuple[Any, Predicate]] = []

    def add(self, pattern: dict[str, Any], label: Any, test: Predicate) -> None:
        key = _index_key(pattern)
        (self.filed.setdefault(key, []) if key else self.unfiled).append((label, test))

    def passed(self, token: Token) -> list[Any]:
        candidates = (
            self.filed.get(("TAG", token.tag_), [])
            + self.filed.get(("LOWER", token.lower_), [])
            + self.unfiled
        )
        return [label for label, test in candidates if test(token)]


def _signature(token: Token) -> Signature:
    return (token.tag_, token.lower_, token.dep_, token.is_space)


class FastAttributeRuler:
    """Applies an `AttributeRuler`'s rules, with the same result, by lookup rather than Matcher."""

    def __init__(
        self,
        single: _Tests,
        multi: _Tests,
        lengths: dict[int, tuple[int, int, int]],
        attrs: list[dict[Any, Any]],
    ):
        self.single = single  # one-token patterns, labelled by their rule
        self.multi = multi  # tokens of longer patterns, labelled (pattern, position)
        self.lengths = lengths  # pattern -> (rule, length, index of the token it sets)
        self.attrs = attrs  # each rule's attributes, as the ruler stores them (ids)
        self._hits: dict[Signature, tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> FastAttributeRuler | None:
        """The same rules as `ruler`, or None when one of them is of a form not handled here."""
        single, multi = _Tests(), _Tests()
        lengths: dict[int, tuple[int, int, int]] = {}
        for rule, index in enumerate(ruler.indices):
            entry = ruler.matcher.get(str(rule))
            if entry is None:
                return None
            for pattern in entry[1]:
                tests = [_token_test(token) for token in pattern]
                if not tests or not -len(tests) <= index < len(tests):
                    return None  # spaCy raises on a rule setting a token outside its match
                if len(tests) == 1:
                    if tests[0] is None:
                        return None
                    single.add(pattern[0], rule, tests[0])
                    continue
                number = len(lengths)
                lengths[number] = (rule, len(tests), index % len(tests))
                for position, (token, test) in enumerate(zip(pattern, tests, strict=True)):
                    if test is None:
                        return None
                    multi.add(token, (number, position), test)
        return cls(single, multi, lengths, list(ruler.attrs))

    def _lookup(self, token: Token) -> tuple[tuple[int, ...], frozenset[tuple[int, int]]]:
        """The one-token rules a token fits (in rule order), and the longer-pattern places."""
        key = _signature(token)
        found = self._hits.get(key)
        if found is None:
            rules = tuple(sorted(self.single.passed(token)))
            places = frozenset(self.multi.passed(token))
            if len(self._hits) >= _CACHE_LIMIT:
                self._hits.clear()
            found = self._hits[key] = (rules, places)
        return found

    def __call__(self, doc: Doc) -> Doc:
        lookups = [self._lookup(token) for token in doc]
        extra: dict[int, list[int]] = {}
        for start, (_, places) in enumerate(lookups):
            for number, position in places:
                if position:
                    continue
                rule, length, index = self.lengths[number]
                if start + length <= len(doc) and all(
                    (number, offset) in lookups[start + offset][1] for offset in range(1, length)
                ):
                    extra.setdefault(start + index, []).append(rule)
        for i, (rules, _) in enumerate(lookups):
            if i in extra:
                rules = tuple(sorted(rules + tuple(extra[i])))
            for rule in rules:
                set_token_attrs(doc[i], self.attrs[rule])
        return doc


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise TypeError(f"attribute_ruler is a {type(ruler).__name__}, not spaCy's AttributeRuler")
    return ruler


@Language.factory("diplowatch_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's `attribute_ruler`, which must be loaded already."""
    fast = FastAttributeRuler.from_ruler(_ruler(nlp))
    if fast is None:
        raise ValueError("the attribute_ruler holds rules FastAttributeRuler cannot apply")
    return fast


def use_fast_attributes(nlp: Language) -> bool:
    """Swap the model's attribute_ruler for `FastAttributeRuler` when its rules allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or FastAttributeRuler.from_ruler(ruler) is None:
        return False
    nlp.add_pipe("diplowatch_attributes", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return True
