"""Clues in the parse that the event finder reads beside a trigger's own arguments.

Who the pair is ("talks between Kerry and Lavrov", "the two sides"), whether a call is the
setting of what one side told the other, whether a harm is held over the other side on a
condition (a threat), whether sanctions are named only as what is being lifted, and whether
an exchange is a prisoner swap.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.detect.arguments import governing_verb, is_dyad, subject
from pipeline.detect.senses import SenseReader
from pipeline.models import ActorRef

WEAK_ROLE = "COUNTRY"  # nationals and things of a side: acted on, never acting
DYAD_ROLE = "_DYAD"  # internal: marks a pair-subject ("the two sides") until it is split


class Clues(SenseReader):
    """Parse clues around a trigger, for `EventFinder`."""

    def _actor_or_dyad(self, tok: Token) -> ActorRef | None:
        if is_dyad(tok):
            # "the two leaders": the pair acts; each side is named by its country
            code = self.sides[0]
            return ActorRef(self.ctx.dictionary.countries[code].name, code, DYAD_ROLE)
        return self.ctx.actor_of(tok)

    def _eased(self, tok: Token) -> bool:
        """A sanction named as what a verb of easing acts on ("lifted", "easing sanctions")."""
        head = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass", "conj") or head.i == tok.i:
            return False
        if tok.dep_ == "conj":
            head = head.head  # "lifted the ban and sanctions"
        return any(sense.type == "CONCEDE" for sense in self.senses(head))

    def _conditional_harm(self, tok: Token, nominal: bool) -> bool:
        """A harm in a future clause that carries an if- or unless-condition."""
        verb = tok.head if nominal else tok
        if nominal and (tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.light_verbs):
            return False  # "would impose sanctions": the noun's light verb holds the clause
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids):
            return False
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in kids) or (
            verb.dep_ == "xcomp" and verb.head.lower_ == "going"  # "I am going to put tariffs"
        )
        if not future:
            return False
        holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
        return any(
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for h in holders
            for c in h.children
        )

    def _between(self, tok: Token) -> tuple[ActorRef, ActorRef] | None:
        """The two watched sides named after "between" ("a call between the presidents")."""
        found: dict[str, ActorRef] = {}
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "between":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for node in [pobj, *pobj.conjuncts]:
                    actor = self.ctx.actor_of(node)
                    if actor is not None and actor.role != WEAK_ROLE:
                        found.setdefault(actor.country, actor)
        if set(found) >= set(self.sides):
            return found[self.sides[0]], found[self.sides[1]]
        return None

    def _told_other(self, verb: Token) -> bool:
        """ "Biden told Putin in a call", "Kerry and Lavrov announced after talks": the
        speech verb's addressee or co-speaker is the other side, so the call is theirs."""
        subj, passive = subject(verb)
        if subj is None or passive:
            return False
        speaker = self._actor_or_dyad(subj)
        if speaker is None or speaker.role == WEAK_ROLE:
            return False
        if speaker.role == DYAD_ROLE:
            return True
        others = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + list(subj.conjuncts)
        for other in others:
            actor = self.ctx.actor_of(other)
            if (
                actor is not None
                and actor.role != WEAK_ROLE
                and actor.country in self.sides
                and actor.country != speaker.country
            ):
                return True
        return False

    def _attack_in(self, tok: Token) -> bool:
        """An attack named in what the trigger accuses of ("of hacking", "for the hack")."""
        # "blamed Moscow's spy service for the hack": the reason may hang on the one blamed
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        for child in [*tok.children, *(g for o in objects for g in o.children)]:
            if child.dep_ not in ("prep", "pcomp", "xcomp", "advcl"):
                continue
            for sub in child.subtree:
                for sense in self.senses(sub):
                    if sense.type == "ASSAULT" and sense.mode == "cyber":
                        return True  # attributed hacks; strikes are mostly on third parties
        return False

    def _swap(self, tok: Token) -> bool:
        """A prisoner exchange named in a sentence about one of the watched sides."""
        words = {t.lemma_.lower() for t in tok.sent}
        if tok.lemma_.lower() not in ("swap", "exchange"):
            return False
        if tok.lemma_.lower() == "exchange" and not words & {
            "prisoner", "detainee", "free", "swap", "inmate", "jail", "freed", "prison",
        }:  # fmt: skip
            return False  # "an exchange of notes", "the stock exchange"
        sides = {a.country for _, a in self.ctx.actors_in(tok.sent.start, tok.sent.end)}
        return bool(sides & set(self.sides))

    def _joint(self, tok: Token) -> bool:
        """Both sides act: coordinated subjects or "the two sides"."""
        verb = governing_verb(tok) if tok.pos_ == "NOUN" else tok
        subj = subject(verb)[0] if verb is not None else None
        if subj is None:
            return False
        if is_dyad(subj) or subj.conjuncts:
            return True
        # "U.S. and Russian officials agreed": both sides named inside the subject
        named = {self.ctx.actor_of(t) for t in subj.subtree} - {None}
        return {a.country for a in named if a is not None} >= set(self.sides)


__all__ = ["DYAD_ROLE", "WEAK_ROLE", "Clues"]
