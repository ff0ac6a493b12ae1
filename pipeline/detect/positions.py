"""Whether a found statement takes a position about the other side, and which sides it is
about: the half of `StatementFinder` that judges what was said rather than finding it.

A lead that only reports the news, a fact sourced to a body ("the frigate conducted drills,
the ministry said"), a pronoun's follow-up detail and a statement by the bare state are not
statements; the rest are about the other side, both sides, or (naming only a third country)
neither.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from pipeline.detect.arguments import subject
from pipeline.detect.lexicon import cue_counts
from pipeline.models import ActorRef

if TYPE_CHECKING:
    from pipeline.detect.events import EventFinder
    from pipeline.detect.resolve import ArticleContext
    from pipeline.detect.statements import Found

_DOMESTIC_ROLES = {"LEGISLATURE"}  # lawmakers: their words about their own side are home politics
_RELATIONSHIP = re.compile(
    r"\b(?:bilateral|both countries|two countries|both sides|two sides|two nations|"
    r"relations between|ties between)\b",
    re.IGNORECASE,
)


# Words of the business between two sides ("the sides", "relations", "dialogue")
_PAIR_WORDS = {"side", "relation", "relationship", "dialogue", "confrontation", "tension",
               "polemic", "channel", "ambassador", "embassy", "diplomat", "cooperation",
               "partner", "response", "retaliation", "joint"}  # fmt: skip


class PositionRules:
    """Mixin of `StatementFinder`: is a statement a position, and about whom."""

    doc: Doc
    ctx: ArticleContext
    finder: EventFinder
    sides: tuple[str, str]

    def _anonymous_sources(self, speaker: ActorRef) -> bool:
        """ "U.S. officials said ...": unnamed officials known only by their side are the
        story's sources, neither a person nor a body that speaks for the side."""
        country = self.ctx.dictionary.countries.get(speaker.country)
        words = speaker.name.split()
        if country is None or len(words) < 2 or words[-1].lower() != "officials":
            return False
        owner = " ".join(words[:-1])
        return owner in (country.adjective, country.name)

    def _bare_country(self, speaker: ActorRef) -> bool:
        """A pronoun or a side word resolved to the state itself ("it said", "quoted ... as
        saying"): no person or body speaks, so the statement has no speaker worth naming."""
        country = self.ctx.dictionary.countries.get(speaker.country)
        return speaker.role == "COUNTRY" or (country is not None and speaker.name == country.name)

    def _has_cue(self, found: Found) -> bool:
        """The words judge, welcome or warn: the mark of a position taken."""
        if found.clause is None:
            return False
        words = self.doc[found.clause[0] : found.clause[1]]
        counts = cue_counts(self.finder.lex, [t.lemma_.lower() for t in words], found.text)
        return any(counts.get(k, 0) for k in ("negative", "positive", "threat"))

    def _lead_report(self, found: Found) -> bool:
        """ "Putin said on Friday he would not expel any American diplomats": a lead reports the
        news in the speaker's mouth; the story's quotes carry the position. A lead keeps its
        statement only when it judges, warns or quotes (EVENTS.md labels the seed this way)."""
        if found.quotes or found.relays_speech or found.clause is None or found.verb is None:
            return False
        lead = self._lead_sentence()
        if lead is None or found.verb.sent.start != lead:
            return False
        clause = self.doc[found.clause[0] : found.clause[1]]
        return not any(t.is_quote for t in clause) and not self._has_cue(found)

    def _lead_sentence(self) -> int | None:
        """The start of the story's first full sentence (a short headline line is not it),
        when the story goes on after it; a lone sentence is no lead."""
        for sent in self.doc.sents:
            if sum(t.is_alpha for t in sent) >= 8:
                rest = self.doc.text[sent.end_char :]
                return sent.start if len(rest.split()) >= 8 else None
        return None

    def _follow_up_detail(self, found: Found) -> bool:
        """ "He said the call lasted an hour": a pronoun's paraphrase that names no other side
        and judges nothing adds a detail to the speaker's statement, not a new position."""
        if found.quotes or found.verb is None or found.clause is None:
            return False
        subj, _ = subject(found.verb)
        if subj is None or subj.pos_ != "PRON" or subj.lower_ == "who":  # "Lavrov, who said"
            return False
        clause = self.doc[found.clause[0] : found.clause[1]]
        return not any(t.is_quote for t in clause) and not self._has_cue(found)

    def _diplomatic(self, found: Found) -> bool:
        """ "He said the sides had agreed to name ambassadors", "he said Russia's response
        would be tangible": the words carry the business between the sides (a trigger word
        of the lexicon or a word of the relationship), unlike "he said the schedule was not
        finalised"."""
        if found.clause is None:
            return False
        lex = self.finder.lex
        if found.verb is not None and any(
            sense.type == "EVALUATE" for sense in lex.verbs.get(found.verb.lemma_.lower(), ())
        ):
            return True  # "he described the journalist as caught in the act": a judgement
        for tok in self.doc[found.clause[0] : found.clause[1]]:
            lemma = tok.lemma_.lower()
            if tok.i == (found.verb.i if found.verb is not None else -1):
                continue
            if (
                lemma in _PAIR_WORDS
                or lemma in lex.nouns
                or lemma in lex.adjectives
                or (tok.pos_ == "VERB" and lemma in lex.verbs and lemma not in lex.speech_verbs)
            ):
                return True
        return False

    def _sourced_fact(self, found: Found) -> bool:
        """ "The frigate conducted drills in the Atlantic, the ministry said": a fact the story
        sources, not a position. The attribution trails a clause whose subject is a thing, not
        an actor, and that names neither side nor judges anything."""
        if (
            not found.trailing
            or found.quotes
            or found.glosses
            or found.relays_speech
            or found.head is None
        ):
            return False
        subj, _ = subject(found.head)
        if subj is None or subj.pos_ == "PRON" or self.ctx.actor_of(subj) is not None:
            return False
        return not self._has_cue(found)

    def _about(self, found: Found) -> list[str]:
        """The sides a statement is about: in a story about the pair, the other side, unless
        the statement names only a third country."""
        other = [c for c in self.sides if c != found.speaker.country]
        if self._lead_report(found):
            return []
        if _RELATIONSHIP.search(found.text):
            return sorted(set(self.sides))
        ranges = [(q.span.start, q.span.end) for q in found.quotes if q.span is not None]
        if found.clause is not None:
            ranges.append(found.clause)
        named: set[str] = set()
        for start, end in ranges:
            named |= self.ctx.countries_in(start, end)
        if any(c in named for c in other):
            return other
        if found.speaker.country in named and found.speaker.role in _DOMESTIC_ROLES:
            # "Senator X called the news conference a disgrace by an American president": a
            # lawmaker on their own side's government is home politics, not the relationship
            return []
        if self._sourced_fact(found) or (
            self._follow_up_detail(found) and not self._diplomatic(found)
        ):
            return []
        countries = self.ctx.dictionary.countries
        if any(
            c not in self.sides and not countries[c].organisation for c in named if c in countries
        ):
            return []  # about Ukraine, Syria, Iran...: not about the watched pair
        return other


__all__ = ["PositionRules"]
