"""spaCy components built from the data: paragraph breaks and the actor matcher.

`diplowatch_paragraphs` runs before the parser so a sentence never spans two lines of the
article; `diplowatch_actors` runs after it and stores every dictionary match in
`doc.spans["actors"]`, each span labelled with the surface key its `Surface` entries are
filed under in the `ActorDictionary`.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.detect.actors import ActorDictionary, load_dictionary

LOGGER = logging.getLogger(__name__)

ACTOR_SPANS = "actors"
CASED, UNCASED = "C", "U"


def surface_label(text: str, case_sensitive: bool) -> str:
    """The span label that files a match under its dictionary surface."""
    return f"{CASED if case_sensitive else UNCASED}|{text}"


@Language.component("diplowatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: lines of news text are paragraphs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


class ActorMatcher:
    """Marks actor surface forms (names case-sensitively, titles and generic bodies not)."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary):
        self.dictionary = dictionary
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
        for text, case_sensitive in dictionary.surfaces:
            matcher = self.cased if case_sensitive else self.uncased
            label = surface_label(text, case_sensitive)
            patterns = [nlp.make_doc(text)]
            if text.endswith(".") and len(patterns[0]) > 1:
                # "sen." alone tokenises as "sen" + "."; "Sen." before a name is one token
                patterns.append(nlp.make_doc(f"{text[0].upper()}{text[1:]} Smith")[:-1].as_doc())
            matcher.add(label, patterns)
        # "‘s" and "’s" tokenise like "'s"; curly forms of names need no extra patterns.
        LOGGER.debug("actor matcher: %s surface forms", len(dictionary.surfaces))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for matcher in (self.cased, self.uncased):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=match_id))
        doc.spans[ACTOR_SPANS] = filter_spans(spans)
        return doc


@Language.factory("diplowatch_actors", default_config={"actors_files": []})
def make_actor_matcher(nlp: Language, name: str, actors_files: list[str]) -> ActorMatcher:
    """Factory: the matcher for the packaged dictionary overlaid with `actors_files`."""
    return ActorMatcher(nlp, load_dictionary(tuple(actors_files)))


__all__ = ["ACTOR_SPANS", "ActorMatcher", "paragraph_breaks", "surface_label"]
