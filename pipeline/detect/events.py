"""Find events in a parsed article: trigger words, their arguments and their factuality.

A trigger (a verb, noun or adjective of the lexicon) becomes an event when its source and
target resolve to the two watched sides. The source is the subject (or the `by` agent of a
passive, or the owner of a noun: "Putin's offer"); the target is the object, a prepositional
object, the owner of the object ("rejected Putin's offer") or, in a clause under a speech
verb, its subject. Negated, modal, conditional and embedded acts are not events, but a
refused meeting or offer ("has no plans to meet") is a REJECT.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.detect.lexicon import Lexicon, Sense
from pipeline.detect.resolve import ArticleContext
from pipeline.models import ActorRef

LOGGER = logging.getLogger(__name__)

_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca"}
_CONDITIONAL = {"if", "whether", "unless", "lest"}
_REFUSAL_VERBS = {"refuse", "decline", "reject", "rule", "resist", "balk", "oppose"}
_REFUSAL_NOUNS = {"plan", "intention", "interest", "desire", "reason", "need", "appetite"}
_WANT_VERBS = {"plan", "intend", "want", "will", "expect", "wish", "seek", "have"}
_TARGET_DEPS = {"dobj", "dative", "pobj", "prep", "nsubjpass", "acl", "xcomp", "conj", "pcomp"}
_TARGET_PREPS = {
    "with",
    "to",
    "on",
    "against",
    "at",
    "toward",
    "towards",
    "for",
    "over",
    "from",
    "of",
    "into",
    "upon",
    "between",
    "in",
    "near",
    "off",
    "about",
}
_SPEECHLIKE = {"ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "REJECT", "AGREE"}
_ACT_NOUN_TYPES = {"CONSULT", "COOPERATE", "CONCEDE", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
_NO_FALLBACK = {"ASSAULT", "MOBILIZE"}
_SYMMETRIC = {"CONSULT", "COOPERATE"}


@dataclass
class Candidate:
    """An event found in one sentence, before dates and quotes are attached."""

    type: str
    mode: str | None
    source: ActorRef
    target: ActorRef
    trigger: Token
    confidence: float
    reported_by: ActorRef | None = None


class EventFinder:
    """Walks a parsed article and yields candidate events between the watched sides."""

    def __init__(self, ctx: ArticleContext, lexicon: Lexicon, sides: tuple[str, str]):
        self.ctx = ctx
        self.lex = lexicon
        self.sides = sides

    # ----------------------------------------------------------------- senses

    def senses(self, tok: Token) -> tuple[Sense, ...]:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.pos_ != "NOUN"):
            return self.lex.verbs.get(lemma, ())
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.i > 0:
                pair = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"
                if pair in self.lex.nouns:
                    return (self.lex.nouns[pair],)
            for key in (tok.lower_, lemma):
                if key in self.lex.nouns:
                    return (self.lex.nouns[key],)
            return ()
        if tok.pos_ == "ADJ":
            return self.lex.adjectives.get(lemma, ())
        return ()

    def _fits(self, tok: Token, sense: Sense) -> bool:
        kids = list(tok.children)
        if sense.prt and not any(
            c.lower_ in sense.prt and c.dep_ in ("prt", "advmod", "prep") for c in kids
        ):
            return False
        if sense.prep and not any(
            c.lower_ in sense.prep and c.dep_ in ("prep", "prt", "dative", "agent") for c in kids
        ):
            return False
        needs = sense.needs
        if needs == "oprd":
            return any(
                c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as") for c in kids
            )
        if needs == "object":
            return any(
                c.dep_ in ("dobj", "dative", "nsubjpass") and self._objectish(c) for c in kids
            )
        if needs == "objnoun":
            objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr")]
            objects += [g for c in objects for g in c.children if g.dep_ in ("compound", "conj")]
            objects += [p for c in kids if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            return any(
                o.lemma_.lower() in sense.objects or o.lower_ in sense.objects for o in objects
            )
        if needs == "xcomp":
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in sense.xcomp for c in kids)
        if needs == "xcomp_any":
            return any(c.dep_ == "xcomp" for c in kids)
        if sense.prep_actor:
            return any(
                self.ctx.actor_of(p) is not None
                for c in kids
                if c.dep_ == "prep" and c.lower_ in sense.prep
                for p in c.children
                if p.dep_ == "pobj"
            )
        return True

    def _objectish(self, tok: Token) -> bool:
        if self.ctx.actor_of(tok) is not None:
            return True
        return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in self.ctx.dictionary.role_nouns

    # ----------------------------------------------------------------- arguments

    def subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The token that acts, and whether the verb is passive."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        ):
            passive = True  # a reduced passive: "when asked", "a deal signed by ..."
        for child in verb.children:
            if passive and child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, True
            if not passive and child.dep_ in ("nsubj", "csubj"):
                return child, False
        if passive:
            return None, True
        if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:
            return self.subject(verb.head, depth + 1)[0], False
        if depth < 3 and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            head = verb.head
            if head.dep_ in ("dobj", "attr", "nsubj"):
                return self.subject(head.head, depth + 1)[0], False
        return None, passive

    def owner(self, noun: Token) -> ActorRef | None:
        """Who owns a nominal trigger: "Putin's offer", "U.S. sanctions", "offer from Moscow"."""
        mention = self.ctx.mention_at(noun.i)
        if mention is not None and mention.actor is not None:
            return None
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                actor = self.ctx.actor_of(child)
                if actor is not None:
                    return actor
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                for pobj in child.children:
                    actor = self.ctx.actor_of(pobj)
                    if actor is not None:
                        return actor
        return None

    def targets(self, tok: Token, skip: set[int], speechlike: bool) -> Iterator[ActorRef]:
        """Actors the trigger acts on, nearest first (breadth-first over its dependents)."""
        frontier = [tok]
        seen = set(skip)
        for _ in range(4):
            nxt: list[Token] = []
            for node in frontier:
                for child in node.children:
                    if child.i in seen:
                        continue
                    seen.add(child.i)
                    dep = child.dep_
                    if dep == "prep" and child.lower_ not in _TARGET_PREPS:
                        continue
                    if dep in ("nsubj", "nsubjpass") and node.i != tok.i:
                        if not (speechlike and node.dep_ == "ccomp"):
                            continue
                    elif dep not in _TARGET_DEPS | {"poss", "oprd", "ccomp", "nsubj", "compound"}:
                        continue
                    if dep == "ccomp" and not speechlike:
                        continue
                    if dep in ("compound", "poss") and node.i == tok.i:
                        continue
                    actor = self.ctx.actor_of(child) if dep not in ("prep", "ccomp") else None
                    if actor is not None:
                        yield actor
                        for sub in child.subtree:
                            seen.add(sub.i)
                        continue
                    nxt.append(child)
            frontier = nxt

    # ----------------------------------------------------------------- factuality

    def factuality(self, tok: Token, nominal: bool, kind: str) -> str:
        """'fact', 'refused' (an act declined: a REJECT) or 'not' (negated, modal, embedded)."""
        node = tok
        if nominal:
            if any(c.lower_ in ("no", "any") and c.dep_ == "det" for c in tok.children):
                return "not" if kind not in _ACT_NOUN_TYPES else "refused"
            if kind not in _ACT_NOUN_TYPES:
                return "fact"
            while (
                node.dep_
                in (
                    "dobj",
                    "pobj",
                    "prep",
                    "compound",
                    "conj",
                    "appos",
                    "attr",
                    "nsubjpass",
                    "npadvmod",
                )
                and node.head.i != node.i
            ):
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    break
        for _ in range(6):
            kids = list(node.children)
            neg = any(c.dep_ == "neg" for c in kids)
            if neg:
                if node.lemma_.lower() in _WANT_VERBS or any(
                    c.lemma_.lower() == "will" for c in kids if c.dep_ == "aux"
                ):
                    return "refused"
                return "not"
            if node.lemma_.lower() in _REFUSAL_NOUNS and any(
                c.lower_ == "no" for c in kids if c.dep_ == "det"
            ):
                return "refused"
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
                return "not"
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in kids):
                return "not"
            if node.dep_ in ("ROOT",) or node.head.i == node.i:
                return "fact"
            head = node.head
            rel = node.dep_
            if head.lemma_.lower() in _REFUSAL_NOUNS and any(
                c.lower_ == "no" for c in head.children if c.dep_ == "det"
            ):
                return "refused"
            if rel in (
                "xcomp",
                "ccomp",
                "acl",
                "dobj",
                "pcomp",
                "pobj",
                "prep",
                "relcl",
                "advcl",
                "conj",
                "csubj",
            ):
                lemma = head.lemma_.lower()
                if lemma in self.lex.speech_verbs and rel == "ccomp":
                    return "fact"
                if (
                    rel in ("xcomp", "ccomp", "acl", "dobj", "pcomp")
                    and node.i != tok.i
                    or rel in ("xcomp", "acl")
                ):
                    if lemma in _REFUSAL_VERBS:
                        return "refused"
                    if lemma in self.lex.hypothetical_heads:
                        return "not"
                if rel in ("relcl", "advcl") and head.pos_ in ("VERB", "AUX"):
                    return "fact"
                node = head
                continue
            return "fact"
        return "fact"

    def reporter(self, tok: Token) -> ActorRef | None:
        """The speaker of the speech verb the trigger's clause is reported under."""
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                break
            if (
                node.dep_ in ("ccomp", "parataxis")
                and node.head.lemma_.lower() in self.lex.speech_verbs
            ):
                subj, _passive = self.subject(node.head)
                return self.ctx.actor_of(subj) if subj is not None else None
            node = node.head
        for t in tok.sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                for child in t.doc[t.i + 1].children:
                    return self.ctx.actor_of(child)
        return None

    # ----------------------------------------------------------------- events

    def find(self) -> Iterator[Candidate]:
        for sent in self.ctx.doc.sents:
            if sent.text.rstrip().endswith("?"):
                continue  # a question asks whether something happened
            for tok in sent:
                for sense in self.senses(tok):
                    if self._fits(tok, sense):
                        candidate = self._build(tok, sense)
                        if candidate is not None:
                            yield candidate
                        break

    def _build(self, tok: Token, sense: Sense) -> Candidate | None:
        nominal = tok.pos_ in ("NOUN", "PROPN")
        kind, mode = sense.type, sense.mode
        state = self.factuality(tok, nominal, kind)
        if state == "not":
            return None
        confidence = 0.85
        source: ActorRef | None = None
        skip: set[int] = set()
        if nominal:
            source = self.owner(tok)
            if (
                source is None
                and tok.dep_ in ("dobj", "nsubjpass")
                and (
                    tok.head.lemma_.lower() in self.lex.light_verbs
                    or tok.head.lemma_.lower() in self.lex.verbs
                )
            ):
                subj, _ = self.subject(tok.head)
                source = self.ctx.actor_of(subj) if subj is not None else None
                confidence -= 0.05
            if source is None:
                return None
            for child in tok.children:
                if child.dep_ in ("poss", "compound", "amod", "nmod"):
                    skip.update(s.i for s in child.subtree)
        else:
            subj, passive = self.subject(tok)
            if subj is not None:
                source = self.ctx.actor_of(subj)
                skip.update(s.i for s in subj.subtree)
                if passive:
                    skip.update(s.i for c in tok.children if c.dep_ == "agent" for s in c.subtree)
            if source is None:
                return None
        if state == "refused" and kind in ("CONSULT", "AGREE", "COOPERATE"):
            mode = "meeting" if kind == "CONSULT" else "offer"
            kind = "REJECT"
        elif state == "refused":
            return None
        target = self._pick_target(tok, source, skip, kind)
        if target is None:
            target = self._conj_partner(tok, source, kind)
        if target is None and kind not in _NO_FALLBACK:
            target = self._fallback(tok, source)
            confidence -= 0.2
        if target is None or target.country == source.country:
            return None
        if {source.country, target.country} != set(self.sides):
            return None
        reported = self.reporter(tok)
        if reported is not None and reported == source:
            reported = None
        if reported is not None:
            confidence -= 0.05
        return Candidate(kind, mode, source, target, tok, round(confidence, 2), reported)

    def _pick_target(
        self, tok: Token, source: ActorRef, skip: set[int], kind: str
    ) -> ActorRef | None:
        speechlike = kind in _SPEECHLIKE
        third_party = False
        for actor in self.targets(tok, skip, speechlike):
            if actor.country == source.country:
                continue
            if actor.country in self.sides:
                return actor
            third_party = True
        if third_party:
            return ActorRef("third party", "", "COUNTRY")
        return None

    def _conj_partner(self, tok: Token, source: ActorRef, kind: str) -> ActorRef | None:
        """ "Putin and Biden met": the coordinated subject is the other party."""
        if kind not in _SYMMETRIC:
            return None
        subj, _ = self.subject(tok) if tok.pos_ != "NOUN" else (None, False)
        if subj is None:
            return None
        for conj in subj.conjuncts:
            actor = self.ctx.actor_of(conj)
            if actor is not None and actor.country != source.country:
                return actor
        return None

    def _fallback(self, tok: Token, source: ActorRef) -> ActorRef | None:
        """The other watched side named elsewhere in the sentence, when nothing else is."""
        others = [
            (abs(start - tok.i), actor)
            for start, actor in self.ctx.actors_in(tok.sent.start, tok.sent.end)
            if actor.country in self.sides and actor.country != source.country
        ]
        if not others:
            return None
        return min(others, key=lambda pair: pair[0])[1]


__all__ = ["Candidate", "EventFinder"]
