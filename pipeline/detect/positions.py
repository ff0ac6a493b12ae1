"""Whether a found statement takes a position about the other side, and which sides it is
about: the half of `StatementFinder` that judges what was said rather than finding it.

A lead that only reports the news, a fact sourced to a body ("the frigate conducted drills,
the ministry said"), a pronoun's follow-up detail and a statement by the bare state are not
statements; the rest are about the other side, both sides, or (naming only a third country)
neither.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from pipeline.detect.actors import NO_SIDE_ROLE
from pipeline.detect.arguments import subject
from pipeline.detect.dates import find_date
from pipeline.detect.found import Found
from pipeline.detect.lexicon import cue_counts
from pipeline.models import ActorRef

if TYPE_CHECKING:
    from pipeline.detect.events import EventFinder
    from pipeline.detect.resolve import ArticleContext

_HABITUAL = {"repeatedly", "often", "frequently", "long", "consistently", "previously",
             "routinely", "always", "persistently"}  # fmt: skip
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
BACKGROUND_DAYS = 60  # speech dated this long before the story is background, not news
# Words before "official" that name no body ("a senior administration official")
_UNNAMED_OWNERS = {"administration", "senior", "top", "government", "federal", "high-ranking"}
_GROUP_KINDS = {"party", "community"}  # bodies of many voices (see `group_speaker`)
_LAW_ROLES = {"JUDICIARY"}  # prosecutors and the attorney general
_DOMESTIC_ROLES = {"LEGISLATURE"}  # lawmakers: their words about their own side are home politics
# Words by which a speaker names the other side's ruler without a name ("abased himself before
# a tyrant"): in a story about the pair, the ruler meant is the other side's
_EPITHETS = {"tyrant", "dictator", "autocrat", "despot", "strongman"}
_RELATIONSHIP = re.compile(
    r"\b(?:bilateral|both countries|two countries|both sides|two sides|two nations|"
    r"relations between|ties between)\b",
    re.IGNORECASE,
)

# The speaker's own side's ties with an unnamed partner ("our relationship has never been
# worse", "the two largest nuclear powers", "the two leaders"): the pair's relationship when
# a government speaker says it in a story about the pair
_OWN_RELATIONSHIP = re.compile(
    r"\b(?:our|the) (?:relationship|relations)\b(?! with)|"
    r"\btwo (?:largest |biggest |great |leading )?nuclear (?:powers|superpowers|states)\b|"
    r"\b(?:the two|both) (?:leaders|presidents|men|heads of state)\b",
    re.IGNORECASE,
)


# A passage about the pair: of the sentences from PASSAGE_BEFORE before a statement to the one
# after it, at least PASSAGE_SHARE name the other side, in a story whose lead names both sides
# or of whose sentences at least STORY_SHARE name it.
PASSAGE_BEFORE = 5
PASSAGE_SHARE = 0.3
STORY_SHARE = 0.3
# A story of the speaker side's home politics (see `_home_story`): this many mentions of the
# other side as the object of a home affair, or of the side's legislature or of its players
# out of office.
HOME_AFFAIRS = 1
HOME_MENTIONS = 3

# Nouns of home politics: a side named as what they are about is not an actor of the pair
_HOME_AFFAIRS = {"probe", "investigation", "inquiry", "collusion", "tie", "contact", "link",
                 "connection", "dossier", "hoax", "hunt", "matter", "story", "counsel"}  # fmt: skip
# The business of home politics itself: words about it are about home in a story of home
_HOME_BUSINESS = {"probe", "investigation", "inquiry", "collusion", "dossier", "hoax", "hunt",
                  "counsel", "committee", "hearing", "testimony", "subpoena", "impeachment",
                  "campaign", "witness", "prosecutor", "juror", "jury"}  # fmt: skip
# The verbs of those affairs: "did not collude with Russia", "conspired with the Russians"
_HOME_AFFAIR_VERBS = {"collude", "conspire"}
_TIES = {"tie", "link", "connection"}  # "contacts with Russians" are always an affair at home
_NOUN_PHRASE_DEPS = ("compound", "amod", "poss", "nmod", "pobj", "prep", "npadvmod")
_THIRD_PERSON = {"he", "him", "his", "she", "her", "they", "them", "their"}

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
    _side_sentence_cache: dict[str, set[int]]
    _home_story_cache: dict[str, bool]

    def _anonymous_sources(self, speaker: ActorRef) -> bool:
        """ "U.S. officials said ...": unnamed officials known only by their side are the
        story's sources, neither a person nor a body that speaks for the side."""
        country = self.ctx.dictionary.countries.get(speaker.country)
        words = re.sub(r"\([^)]*\)", " ", speaker.name).split()
        if country is None or len(words) < 2 or words[-1].lower() not in ("officials", "official"):
            return False
        # "a U.S. official", "a senior administration official": no body is named
        owner = " ".join(w for w in words[:-1] if w.lower() not in _UNNAMED_OWNERS)
        return owner in (country.adjective, country.name, country.code)

    def group_speaker(self, speaker: ActorRef) -> bool:
        """ "Republicans said", "U.S. intelligence agencies concluded": a party or a whole
        community of agencies (the dictionary's `party` and `community` bodies, and their
        unnamed officials) is many voices of home politics or of reported findings, no
        person or body that speaks for the side. What they are said to charge still makes
        events (see `assemble`); it is no statement."""
        words = re.sub(r"\([^)]*\)", " ", speaker.name).split()
        if words and words[-1].lower() in ("officials", "official"):
            words = words[:-1]
        name = " ".join(words)
        return any(
            body.kind in _GROUP_KINDS and body.name == name and body.country == speaker.country
            for body in self.ctx.dictionary.bodies.values()
        )

    def _bare_country(self, speaker: ActorRef) -> bool:
        """A pronoun or a side word resolved to the state itself ("it said", "quoted ... as
        saying"): no person or body speaks, so the statement has no speaker worth naming."""
        country = self.ctx.dictionary.countries.get(speaker.country)
        return speaker.role == "COUNTRY" or (country is not None and speaker.name == country.name)

    def _background(self, found: Found) -> bool:
        """Speech the story recalls rather than reports: habitual ("has repeatedly denied",
        "has long said"), dated by its own adjuncts well before the story ("said in July
        2016", "told Reuters last year") or said as a candidate ("during the campaign")."""
        verb = found.verb
        if verb is None:
            return False
        kids = list(verb.children)
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        if perfect and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in kids):
            return True
        adjuncts = [c for c in kids if c.dep_ in ("prep", "npadvmod", "advmod")]
        for prep in adjuncts:
            if prep.lower_ in ("during", "throughout") and any(
                t.lemma_.lower() == "campaign" for t in prep.subtree
            ):
                return True  # "said during the campaign": a candidate's words
        if not self.ctx.terms_known:
            return False
        text = " ".join(t.text for c in adjuncts for t in c.subtree)
        day = find_date(text, self.ctx.day)
        years = [int(y) for y in _YEAR.findall(text)]
        if day is None and years:
            day = dt.date(max(years), 12, 31)
        return day is not None and (self.ctx.day - day).days > BACKGROUND_DAYS

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
        when the story goes on after it; a lone sentence is no lead. Found once per article."""
        try:
            return self._lead_start
        except AttributeError:
            pass
        self._lead_start: int | None = None
        for sent, count in zip(self.ctx.sentences, self.ctx.alpha_counts, strict=True):
            if count >= 8:
                rest = self.doc.text[sent.end_char :]
                if len(rest.split(maxsplit=8)) >= 8:
                    self._lead_start = sent.start
                break
        return self._lead_start

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
        """The sides a statement is about (see `_about_why`); the test that decided is kept on
        `found` for the precision filter (words naming the other side are surer than a
        passage about it)."""
        sides, found.about_reason = self._about_why(found)
        return sides

    def _about_why(self, found: Found) -> tuple[list[str], str]:
        """The sides a statement is about: the other side when its words name it (a name, a
        title, a pronoun that stands for it) or its sentence does, both when they speak of the
        relationship. Words that name no side are about the other one only inside a passage
        of a story about the pair (see `_pair_passage`), unless they name a third country. A
        side named only as the object of home politics ("the Russia probe", "ties to Russia")
        is not what the words are about; in a story that is also home politics, a lawmaker's
        words that name no side are about home. With the sides, the reason (which test
        decided)."""
        other = [c for c in self.sides if c != found.speaker.country]
        if self._lead_report(found):
            return [], "lead"
        ranges = [(q.span.start, q.span.end) for q in found.quotes if q.span is not None]
        if found.clause is not None:
            ranges.append(found.clause)
        if _RELATIONSHIP.search(found.text) or self._pair_compound(ranges):
            return sorted(set(self.sides)), "relationship"
        named: set[str] = set()
        for start, end in ranges:
            named |= self._sides_named(
                start, end, pronouns=True, speaker=found.speaker, verb=found.verb
            )
        if found.speaker.role in _LAW_ROLES and self._home_story(found.speaker.country):
            # "Sessions said he never met Russian officials about the campaign": in a story that
            # is also home politics, the law officers' words are its inquiry, not diplomacy
            return [], "home_law"
        if any(c in named for c in other):
            return other, "named"
        if (
            any(self.doc[i].lemma_.lower() in _EPITHETS for lo, hi in ranges for i in range(lo, hi))
            and not self._third_country(named)
            and all(self._pair_story(c) for c in other)
        ):
            return other, "epithet"
        if (
            found.speaker.role not in _DOMESTIC_ROLES
            and _OWN_RELATIONSHIP.search(found.text)
            and not self._third_country(named)
            and all(self._pair_story(c) for c in other)
        ):
            return sorted(set(self.sides)), "own_relationship"
        if (
            found.speaker.role in _DOMESTIC_ROLES
            # "they are playing with us": a lawmaker's own side named only as "we" or "us" is
            # the country acted on, not its government at home
            and found.speaker.country in self._names_only(ranges)
        ):
            # "Senator X called the news conference a disgrace by an American president": a
            # lawmaker on their own side's government is home politics, not the relationship
            return [], "lawmaker_on_home"
        home = self._home_story(found.speaker.country)
        if home and found.speaker.role in _DOMESTIC_ROLES:
            # words that name no side, in a story that is also the speaker's home politics:
            # the sentence or the passage naming the other side does not make them about it
            return [], "home_lawmaker"
        if home:
            # an official of the side's government, though, speaks for it: their words are
            # about the other side when their sentence names its leader or government
            # ("..., Pompeo said after meeting Lavrov"), and otherwise by the tests below
            # (the sentence, the passage), each marked as found in a home story so that the
            # precision filter weighs them apart: such a story talks of home as much as of
            # the other side, and only some of its officials' words are about the latter
            sent = found.sentence
            if sent is not None and self._names_state(sent.start, sent.end, other):
                return other, "home_state_named"
        if found.sentence is not None:
            sentence = self._sides_named(found.sentence.start, found.sentence.end, pronouns=False)
            if any(c in sentence for c in other):
                return other, "home_sentence" if home else "sentence"
        if self._third_country(self._names_only(ranges)):
            sent = found.sentence
            if (
                found.quotes
                and found.speaker.role == "HEAD_OF_STATE"
                and sent is not None
                and all(self._pair_story(c) for c in other)
                and any(self._names_state(s.start, s.end, other) for s in self._neighbours(sent))
            ):
                # '"Nobody can ask Syria to disarm," Putin said' beside the sentence of his
                # talks with the other side's leader: the leader's words on the third country
                # are his side's line in the exchange with the other (a minister's or a
                # lawmaker's are left to the tests below: they are as often home talk)
                return other, "third_in_pair_talk"
            return [], "third"  # about Ukraine, Syria, Iran...: not about the watched pair
        if found.relayed_by is not None and found.relayed_by.country in other:
            # '"I pressed him on it. He denied it," Biden said': the other side's leader
            # reports what was said to them, a turn of the exchange between the sides
            return other, "relayed"
        if self._sourced_fact(found) or (
            self._follow_up_detail(found) and not self._diplomatic(found)
        ):
            return [], "detail"
        if self._names_home(found, ranges):
            return [], "names_home"  # "Biden said Trump was a liar": words about someone at home
        if home and self._home_words(ranges):
            return [], "home_words"  # "the committee should move on": the home affair itself
        if (
            home
            and not found.quotes
            and not self._diplomatic(found)
            and not any(self._home_story(c) for c in other)
        ):
            # a paraphrase in a story of the speaker's home politics that names no side and
            # carries none of the pair's business ("told lawmakers a version of the report will
            # be released"): the home talk of the story, not words about the other side
            return [], "home_plain"
        if found.sentence is not None and all(
            self._pair_passage(found.sentence.start, c) for c in other
        ):
            return other, "home_passage" if home else "passage"
        return [], "none"

    def _neighbours(self, sent: Span) -> list[Span]:
        """The sentences just before and after `sent`."""
        i = self.ctx.sentence_index(sent.start)
        sentences = self.ctx.sentences
        return [sentences[j] for j in (i - 1, i + 1) if 0 <= j < len(sentences)]

    def _names_only(self, ranges: list[tuple[int, int]]) -> set[str]:
        """The sides the ranges name by a name or title, not by a pronoun."""
        named: set[str] = set()
        for start, end in ranges:
            named |= self._sides_named(start, end, pronouns=False)
        return named

    def _pair_compound(self, ranges: list[tuple[int, int]]) -> bool:
        """ "a setback to U.S.-Russia relations": one word joins the names of both sides."""
        for start, end in ranges:
            for tok in self.doc[start:end]:
                parts = re.split(r"[-\u2013]", tok.text)
                if len(parts) == 2 and {self.finder._side_word(p) for p in parts} >= set(
                    self.sides
                ):
                    return True
        return False

    def _home_words(self, ranges: list[tuple[int, int]]) -> bool:
        """The words speak of the business of home politics (an inquiry, a hearing, the
        committee), which in a story that is also home politics is what they are about."""
        return any(
            tok.lemma_.lower() in _HOME_BUSINESS and tok.pos_ in ("NOUN", "PROPN")
            for start, end in ranges
            for tok in self.doc[start:end]
        )

    def _names_home(self, found: Found, ranges: list[tuple[int, int]]) -> bool:
        """The words name a player of the speaker's home politics: a person of their side the
        dictionary knows who holds no office (a candidate, a former official) or its
        legislature ("Congress")."""
        for start, end in ranges:
            for m in self.ctx._mentions_between(start, end):
                actor = m.actor
                if (
                    actor is not None
                    and actor.country == found.speaker.country
                    and actor != found.speaker
                    and (
                        # a known player out of office; a national found by a side word
                        # ("Russian arms dealer X") is news of the pair as much as of home
                        (m.kind == "person" and actor.role == NO_SIDE_ROLE and m.person)
                        or actor.role in _DOMESTIC_ROLES
                    )
                ):
                    return True
        return False

    def _home_story(self, side: str) -> bool:
        """The story is (also) about the side's home politics: it names the other side as the
        object of a home affair ("the Russia probe", "ties to Russia"; a person of the other
        side in the affair, "links to Trump's campaign manager", makes it that person's home
        affair as often as this side's, so it counts for neither) or names the side's
        legislature (more than one lawmaker: one quoted again and again is a voice on the
        other side, not a debate at home) or its known players out of office (candidates,
        former officials) again and again. There, a speaker of the side whose words name no one speaks as often of
        home as of the other side."""
        cache = self._home_story_cache
        if side not in cache:
            affairs = legislature = players = 0
            lawmakers: set[ActorRef] = set()
            for m in self.ctx.mentions:
                actor = m.actor
                if actor is None:
                    continue
                if actor.country != side:
                    affair = self._affair_noun(m.end - 1) if actor.country in self.sides else None
                    affairs += (
                        affair is not None
                        and m.kind != "person"
                        and not self._pair_phrase(affair, side)
                    )
                elif actor.role in _DOMESTIC_ROLES:
                    legislature += 1
                    lawmakers.add(actor)
                elif m.kind == "person" and actor.role == NO_SIDE_ROLE and m.person:
                    players += 1
            cache[side] = (
                affairs >= HOME_AFFAIRS
                or (legislature >= HOME_MENTIONS and len(lawmakers) > 1)
                or players >= HOME_MENTIONS
            )
        return cache[side]

    def _pair_passage(self, start: int, side: str) -> bool:
        """The sentence at `start` sits in a passage about the other side: the story is about
        the pair (its lead names both sides, or many of its sentences name this one) and the
        sentences around it name this side often."""
        story = self._side_sentences(side)
        sentences = self.ctx.sentences
        counts = self.ctx.alpha_counts
        if not self._pair_story(side):
            return False
        i = self.ctx.sentence_index(start)
        around = [
            j
            for j in range(max(0, i - PASSAGE_BEFORE), min(len(sentences), i + 2))
            if j != i and counts[j] >= 4
        ]
        return bool(around) and sum(j in story for j in around) >= PASSAGE_SHARE * len(around)

    def _pair_story(self, side: str) -> bool:
        full = [j for j, count in enumerate(self.ctx.alpha_counts) if count >= 4]
        if not full:
            return False
        story = self._side_sentences(side)
        watched = [self._side_sentences(c) for c in self.sides]
        lead = full[0]
        return all(lead in named for named in watched) or (
            sum(j in story for j in full) >= STORY_SHARE * len(full)
        )

    def _side_sentences(self, side: str) -> set[int]:
        """Indexes of the sentences that name the side (not as the object of home politics)."""
        cache = self._side_sentence_cache
        if side not in cache:
            cache[side] = {
                j
                for j, sent in enumerate(self.ctx.sentences)
                if side in self._sides_named(sent.start, sent.end, pronouns=False)
            }
        return cache[side]

    def _third_country(self, named: set[str]) -> bool:
        """Of the sides named, one is a country outside the watched pair."""
        countries = self.ctx.dictionary.countries
        return any(
            c not in self.sides and not countries[c].organisation for c in named if c in countries
        )

    def _names_state(self, start: int, end: int, sides: list[str]) -> bool:
        """The range names a person or body in office of one of `sides` (its leader, a
        minister, a ministry), not only the country or its people."""
        return any(
            m.actor is not None
            and m.actor.country in sides
            and m.actor.role not in ("COUNTRY", NO_SIDE_ROLE)
            and not self._home_affair(m.end - 1)
            for m in self.ctx._mentions_between(start, end)
        )

    def _sides_named(
        self,
        start: int,
        end: int,
        *,
        pronouns: bool,
        speaker: ActorRef | None = None,
        verb: Token | None = None,
    ) -> set[str]:
        """Sides a token range names as actors or things of their own, not as the object of
        home politics; with `pronouns`, also he/she/they standing for an actor of a side (in
        `speaker`'s own quoted words "he" is someone else, the speaker would say "I", unless
        it is the subject of the speaker's own `verb`: '"... he just said it's not Russia"')."""
        named = {
            m.actor.country
            for m in self.ctx._mentions_between(start, end)
            if m.actor is not None and not self._home_affair(m.end - 1)
        }
        if pronouns:
            quoted = self.ctx.quoted_tokens() if speaker is not None else set()
            for tok in self.doc[start:end]:
                if tok.pos_ == "PRON" and tok.lower_ in _THIRD_PERSON:
                    own = verb is not None and tok.head.i == verb.i and tok.dep_ == "nsubj"
                    if speaker is not None and tok.i in quoted and not own:
                        actor = self.ctx.other_person(tok, speaker) or self.ctx.resolve_pronoun(tok)
                    else:
                        actor = self.ctx.resolve_pronoun(tok)
                    if actor is not None:
                        named.add(actor.country)
        return named

    def _home_affair(self, i: int) -> bool:
        """ "the Russia probe", "ties to Russia", "the investigation into Russian meddling": the
        side names what a home inquiry or affair is about, not an actor of the relationship."""
        return self._affair_noun(i) is not None

    def _affair_noun(self, i: int) -> Token | None:
        """The noun of home politics whose object the side named at token `i` is, if any."""
        node = self.doc[i]
        prep = None
        while node.dep_ in ("conj", "appos") and node.head.i < node.i:
            node = node.head  # "between his campaign and Russia": the first conjunct's place
        for _ in range(4):
            if node.dep_ not in _NOUN_PHRASE_DEPS or node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                home = node.lemma_.lower() in _HOME_AFFAIR_VERBS and prep in ("with", "between")
                return node if home else None
            prep = node.lower_ if node.dep_ == "prep" else prep
            lemma = node.lemma_.lower()
            if node.pos_ in ("NOUN", "PROPN") and lemma in _HOME_AFFAIRS:
                # "ties to Russia" and "his contacts with Russians" are affairs at home; "the
                # connection between Russia and the militants" is a charge against Russia, and
                # "a blow to ties with Moscow" is the relationship
                owned = any(c.dep_ in ("poss", "compound") for c in node.children)
                home = lemma not in _TIES or prep == "to" or (prep == "with" and owned)
                return node if home else None
        return None

    def _pair_phrase(self, noun: Token, side: str) -> bool:
        """The noun's phrase names the side too, or both ("contact between U.S. and Russian
        officials", "contacts between the two countries"): the business of the pair."""
        start, end = noun.left_edge.i, noun.right_edge.i + 1
        return side in self.ctx.countries_in(start, end) or bool(
            _RELATIONSHIP.search(self.doc[start:end].text)
        )


__all__ = ["PositionRules"]
