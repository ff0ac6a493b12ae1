"""Resolve the actor mentions of one article to `ActorRef`s: names, titles, pronouns.

Names resolve straight from the dictionary. Titles ("the Russian leader", "the president",
"the ministry") resolve to whoever held the office on the article's date, preferring the
people and bodies the article has already named. Pronouns resolve to the latest fitting
mention before them, or, in "X said it ...", to the speaker.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from pipeline.detect.actors import NO_SIDE_ROLE, ActorDictionary, Person, Surface
from pipeline.detect.components import ACTOR_SPANS, CASED
from pipeline.detect.pronouns import (
    RELATIVE,
    Mention,
    PronounResolver,
)
from pipeline.detect.tenure import called_former, date_from_titles
from pipeline.models import ActorRef

LOGGER = logging.getLogger(__name__)

_KIND_RANK = {"person": 0, "body": 1, "surname": 2, "country": 3, "adjective": 4, "title": 5}
_COUNTERPARTS = {"counterpart", "opposite"}  # "his Russian counterpart", "opposite number"
_NP_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
_OWNER_PREPS = ("of", "from", "by")
# A lawmaker described by party ("the Arizona Republican said"): the lawmaker last named
_PARTY_NOUNS = {"republican", "democrat"}
_HEAD_NOUNS = {"chief", "head", "boss", "chairman", "chairwoman", "chair"}  # "the FBI chief"
_INITIAL = re.compile(r"[A-Z]\.$")  # a middle initial ("Edward R. Royce")
PARTY_SENTENCES = 4  # how many sentences back the lawmaker may have been named
# Words that put the title after them outside the state ("opposition leader", "rebel leader")
_NON_STATE = {"opposition", "rebel", "separatist", "militia", "party", "union", "church", "team",
              "company", "protest", "student", "community", "tribal", "insurgent"}  # fmt: skip
_SAYING_LEMMAS = {"say", "tell", "add", "announce", "state", "report", "write", "warn", "confirm",
                  "note", "insist", "claim", "stress", "reply", "respond", "declare", "explain",
                  "comment", "tweet", "post", "accuse", "deny", "describe", "call"}  # fmt: skip
# Verbs of saying that open a sentence before the speaker's name ("Said Obama: ...", "Added
# Lavrov, ..."): the tagger may take them into the name
_SAYING_WORDS = {"said", "says", "added", "adds", "asked", "asks", "told", "tells", "wrote",
                 "writes", "tweeted", "warned", "insisted", "replied", "declared"}  # fmt: skip
# The party-and-state tag of a member of the U.S. Congress: "(D-N.J.)", ", R-Ariz."
_CONGRESS_TAG = re.compile(r"^\s*[,(]\s*[RDI]\s*[-\u2013]\s*[A-Z][A-Za-z]{0,4}\.?[A-Z]?\.?\s*[),]")
_CONGRESS_SIDE = "USA"
_LEGISLATIVE_POSTS = {"member", "chairman", "chairwoman", "chair", "head", "deputy", "leader",
                      "vice-chairman", "lawmaker", "senator", "speaker"}  # fmt: skip
_DEFINITE_BEFORE = {"the", "veteran", "senior", "top", "career", "chief"}  # "the veteran diplomat"
# Words in a person's phrase that put the post outside the state ("former", "campaign")
_OUTSIDE_WORDS = {"former", "formerly", "ex", "campaign", "transition", "retired"}
# Prepositions that put a name outside the post before it ("deputy secretary of state under
# X", "a meeting with X"): the name is the boss or the partner, not the holder of the post
_NOT_HOLDER_PREPS = {"under", "by", "with", "against", "from", "after", "before", "than", "like"}
# Posts one person holds at a time: a name the dictionary does not give the post on the day,
# with the post's title right before it, held it another time ("President Bill Clinton" in
# a 2016 story). Ministers are left out: stories misname deputies "Foreign Minister X".
_SINGLE_POSTS = {"president", "vice_president", "prime_minister"}
_UNDER_WORDS = {"deputy", "first", "assistant", "under", "acting", "former", "ex"}
_STATE_BODY_WORDS = {"committee", "department", "senate", "house", "congress", "agency", "ministry",
                     "bureau", "command", "council", "administration", "office", "service"}  # fmt: skip
_TITLE_REACH = 400  # tokens back to the person a bare "the senator" takes up
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr"}
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_FALLBACK_KINDS = {"foreign_ministry", "embassy", "government", "defence_ministry"}
# Roles a bare "the Russian minister", "the American official" does not take up
_NOT_OFFICIALS = {"HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "LEGISLATURE", NO_SIDE_ROLE}


class ArticleContext(PronounResolver):
    """Every actor mention of one article, resolved in reading order."""

    def __init__(
        self,
        doc: Doc,
        dictionary: ActorDictionary,
        day: dt.date,
        *,
        dated: bool = True,
        sides: tuple[str, ...] = (),
    ):
        self.doc = doc
        self.dictionary = dictionary
        self.day = day
        self.sides = sides  # the watched pair: "his counterpart" is the other one's
        # Who holds an office is judged on the article's day; an undated article is dated by
        # its own titles, and with none, nobody's term is held against them.
        self.terms_known = dated
        spans = self.doc.spans.get(ACTOR_SPANS, [])
        if not dated:
            found = date_from_titles(doc, spans, dictionary, self._entries, day)
            self.day = found or day
            self.terms_known = found is not None
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        # Token ranges of quotes and who said them: "we" and "I" inside resolve to the speaker.
        self.quote_speakers: list[tuple[int, int, ActorRef]] = []
        self._starts: list[int] | None = None
        self._sentences: list[Span] | None = None
        self._sentence_starts: list[int] = []
        self._alpha_counts: list[int] | None = None
        self._quoted: set[int] | None = None
        self._first_names: dict[str, list[Token]] | None = None  # word -> proper nouns before it
        self._side_titled: set[str] = set()  # people whose title the article gives a side
        self._resolve_all(dated)

    # ----------------------------------------------------------------- building

    def _entries(self, span: Span) -> list[Surface]:
        label = span.label_
        case_sensitive = label.startswith(CASED)
        text = label[2:]
        return self.dictionary.surfaces.get((text, case_sensitive), [])

    def _runs_on(self, span: Span) -> bool:
        """ "the state department of education", "a state department store": a body's name
        written in lower case that runs on into a longer name of something else ("the state
        department spokesman" still names the body: a title follows)."""
        if not span.text.islower() or span.end >= len(self.doc):
            return False
        after = self.doc[span.end]
        if after.lower_ == "of":
            return True
        return (
            after.pos_ in ("NOUN", "PROPN")
            and after.i not in self._spanned
            and after.lower_ not in self.dictionary.role_nouns
            and after.lower_ not in self.dictionary.person_nouns
        )

    def _resolve_all(self, dated: bool) -> None:
        seen_people: set[str] = set()
        others: set[str] = set()  # surnames the article gives to people not in the dictionary
        former: set[str] = set()  # people the article calls former holders of a post
        spans = list(self.doc.spans.get(ACTOR_SPANS, []))
        self._spanned = {i for span in spans for i in range(span.start, span.end)}
        for span in spans:
            entries = sorted(self._entries(span), key=lambda e: _KIND_RANK.get(e.kind, 9))
            entries = [
                e
                for e in entries
                if e.kind != "surname"
                or e.ref in seen_people
                or self._lone_surname(span, e.ref)
                or self._initialled(span, e.ref)
            ]
            if not entries:
                continue
            entry = entries[0]
            mention = Mention(span.start, span.end, entry.kind)
            if entry.kind in ("person", "surname"):
                person = self.dictionary.people[entry.ref]
                if self._namesake(span):
                    continue  # "Donald Trump Jr.", "the younger Trump": the son, not the father
                if self._someone_else(span, person):
                    others.add(span[-1].text)  # "Daniil Medvedev": later "Medvedev" is him too
                    continue
                if len(span) == 1 and span.text in others and person.key not in seen_people:
                    # "Hunter Biden" named: a later lone "Biden" is him, unless the story
                    # already named the dictionary's holder of the name ("President Trump
                    # ... first lady Melania Trump ... Trump said": still the president)
                    continue
                seen_people.add(person.key)
                if called_former(self.doc, span.start, self._by_token.__contains__, span.end):
                    former.add(person.key)
                mention.kind = "person"
                mention.person = person
                mention.actor = ActorRef(person.name, person.country, self._role_of(person))
                prev = self._by_token.get(span.start - 1)
                if prev is not None and prev.kind == "title" and prev.office:
                    prev.actor = None  # the title only introduces the name
                    mention.bare_title = not self._qualifier_before(prev.start)
                    if not mention.bare_title:
                        self._side_titled.add(person.key)  # "Russian President Putin"
            elif entry.kind == "body":
                if self._runs_on(span):
                    continue
                body = self.dictionary.bodies[entry.ref]
                name, surface = body.name, span.text
                if surface.lower() not in name.lower() and name.lower() not in surface.lower():
                    name = f"{name} ({surface})"  # keep the article's own name for the body
                mention.actor = ActorRef(name, body.country, body.role)
                mention.body_kind = body.kind
            elif entry.kind == "country":
                country = self.dictionary.countries[entry.ref]
                if self._person_noun_after(span):
                    # "a U.S. citizen", "a former U.S. Marine": the name used as a demonym
                    mention.actor = self._adjective_actor(span, entry.ref)
                else:
                    mention.actor = ActorRef(country.name, country.code, "GOVERNMENT")
            elif entry.kind == "adjective":
                mention.actor = self._adjective_actor(span, entry.ref)
            elif entry.kind == "title":
                mention.office = entry.ref
                if not self._followed_by_name(span):
                    mention.actor = self._title_actor(span, entry.ref)
            elif entry.kind == "generic":
                mention.body_kind = entry.ref
                actor = self._generic_actor(span, entry.ref)
                surface = span.text
                if (
                    actor is not None
                    and len(span) > 1
                    and span[0].is_title
                    and surface.lower() not in actor.name.lower()
                    and "(" not in actor.name
                ):
                    # "the Defense Ministry" resolved to the Russian Defence Ministry: keep the
                    # article's own name for the body beside the dictionary's
                    actor = ActorRef(f"{actor.name} ({surface})", actor.country, actor.role)
                mention.actor = actor
            else:  # "none": a form that only looks like an actor ("Washington Post")
                pass
            self._add(mention)
        self._add_unknown_people()
        self._titles_of_unknown_people()
        self._generics_owned_after()
        if not dated:
            self._no_longer_in_office(former)

    def _generics_owned_after(self) -> None:
        """ "the government of the United States", "the authorities of Russia": a generic body
        whose 'of' phrase names a country is that country's, whoever the story named last."""
        for mention in self.mentions:
            if mention.kind != "generic" or mention.body_kind is None:
                continue
            root = self.doc[mention.start : mention.end].root
            owner = next(
                (
                    self._by_token.get(p.i)
                    for c in root.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            if owner is None or owner.kind != "country" or owner.actor is None:
                continue
            country = owner.actor.country
            if mention.actor is not None and mention.actor.country == country:
                continue
            span = self.doc[mention.start : mention.end]
            mention.actor = self._country_body(mention.body_kind, country, span)

    def _initialled(self, span: Span, key: str) -> bool:
        """ "Edward R. Royce", "Adam B. Schiff": the dictionary's first name and surname of a
        person with middle initials between them, which its aliases do not spell out."""
        tok = span[0]
        if len(span) != 1 or tok.ent_type_ != "PERSON" or tok.i < 2:
            return False
        if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].ent_iob_ == "I":
            return False
        i = tok.i - 1
        initials = 0
        while i > 0 and _INITIAL.match(self.doc[i].text) and self.doc[i].ent_iob_ == "I":
            initials += 1
            i -= 1
        first = self.doc[i]
        return (
            initials > 0
            and first.ent_iob_ == "B"
            and first.text in self.dictionary.alias_words.get(key, set())
        )

    def _lone_surname(self, span: Span, key: str) -> bool:
        """ "Gowdy said": a surname of the dictionary standing alone, taken by the tagger for a
        person, names that person when no one else in the article bears it ("Hunter Biden",
        a "John Warner" the dictionary lacks)."""
        tok = span[0]
        if len(span) != 1 or tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B":
            return False
        if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].ent_iob_ == "I":
            return False
        known = self.dictionary.alias_words.get(key, set())
        if self._first_names is None:
            # each capitalised proper noun right before a word: the names the article puts first
            self._first_names = {}
            for before, word in zip(self.doc, self.doc[1:], strict=False):
                if before.pos_ == "PROPN" and before.is_title:
                    self._first_names.setdefault(word.text, []).append(before)
        for before in self._first_names.get(tok.text, []):
            if before.text not in known and not self._honorific(before.i):
                return False  # "Trevor Reed" somewhere: the lone "Reed" is likely him
        return True

    def _no_longer_in_office(self, former: set[str]) -> None:
        """An article whose date is unknown says itself who has left office: "former FBI
        Director James Comey" speaks and acts for no side, in every mention of him."""
        for m in self.mentions:
            if m.person is not None and m.person.key in former and m.actor is not None:
                m.actor = ActorRef(m.actor.name, m.actor.country, NO_SIDE_ROLE)

    def _role_of(self, person: Person) -> str:
        return self.dictionary.role_of(person, self.day, strict=self.terms_known)

    def _namesake(self, span: Span) -> bool:
        """A relative who shares the name: "Donald Trump Jr.", "Trump Jr.", "the younger
        Trump". The father keeps the bare name elsewhere in the article."""
        after = self.doc[span.end : span.end + 2]
        words = [t.lower_.rstrip(".") for t in after if t.text != ","]
        if words[:1] == ["jr"]:
            return True
        return span.start > 0 and self.doc[span.start - 1].lower_ in ("younger", "elder")

    def _someone_else(self, span: Span, person: Person) -> bool:
        """ "Daniil Medvedev", "Hunter Biden": a surname inside another person's full name."""
        first = span[0]
        if first.ent_iob_ != "I" or first.i == 0:
            return False
        known = self.dictionary.alias_words.get(person.key, set())
        i = first.i - 1
        while i >= 0 and self.doc[i].ent_type_ == "PERSON":
            before = self._by_token.get(i)
            if before is not None and before.kind == "title":
                break  # "Spokeswoman Maria Zakharova": the tagger took the title into the name
            if self.doc[i].lower_ in _SAYING_WORDS:
                break  # 'Said Obama: "..."': the verb opening the sentence, not a first name
            if self.doc[i].lower_ in _HONORIFICS:
                # "Ms Zakharova", "Mr Lavrov": a form of address written without a stop, the
                # person's own unless it gives another gender ("Mrs Clinton" of Bill Clinton)
                gender = _HONORIFIC_GENDER.get(self.doc[i].lower_)
                return gender is not None and person.gender not in (None, gender)
            if self.doc[i].text not in known and self.doc[i].is_alpha:
                return True
            if self.doc[i].ent_iob_ == "B":
                break
            i -= 1
        return False

    def _add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self._by_token[i] = mention

    def _followed_by_name(self, span: Span) -> bool:
        if span.end >= len(self.doc):
            return False
        nxt = self.doc[span.end]
        if nxt.lower_ in ("to", "in"):
            # "U.S. Ambassador to Ukraine Geoffrey Pyatt": the post's place, then the name
            i = span.end + 1
            while i < min(len(self.doc), span.end + 6) and (
                self.doc[i].ent_type_ in ("GPE", "LOC", "ORG") or self.doc[i].lower_ == "the"
            ):
                i += 1
            if i == span.end + 1 or i >= len(self.doc):
                return False
            nxt = self.doc[i]
            return nxt.pos_ == "PROPN" and nxt.ent_type_ == "PERSON"
        return nxt.pos_ == "PROPN" and (nxt.ent_type_ == "PERSON" or nxt.is_title)

    def _qualifier_before(self, start: int) -> Mention | None:
        """A side named right before a title: "Russian", "U.S.", "Russia's", "Kremlin"."""
        for back in (1, 2, 3):
            i = start - back
            if i < 0:
                break
            mention = self._by_token.get(i)
            if mention is not None and (
                mention.kind in ("adjective", "country", "body") or self._named_before(mention)
            ):
                return mention
            if self.doc[i].tag_ not in ("POS", "DT", "JJ", "NNP", "HYPH") or self.doc[i].is_punct:
                break
        return None

    def _named_before(self, mention: Mention) -> bool:
        """A generic body ("the department", "the ministry") the story named in full before."""
        return (
            mention.kind == "generic"
            and mention.actor is not None
            and any(
                m.kind == "body" and m.actor == mention.actor and m.start < mention.start
                for m in self.mentions
            )
        )

    def _qualifier_country(self, span: Span) -> tuple[str | None, Mention | None]:
        qualifier = self._qualifier_before(span.start)
        if qualifier is not None and qualifier.actor is not None:
            return qualifier.actor.country, qualifier
        root = span.root
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "to"):
                for pobj in child.children:
                    mention = self._by_token.get(pobj.i)
                    if mention is not None and mention.actor is not None:
                        return mention.actor.country, mention
        return None, None

    def _role_noun(self, tok: Token) -> str | None:
        nouns = self.dictionary.role_nouns
        return nouns.get(tok.lower_) or nouns.get(tok.lemma_.lower())

    def _person_noun_after(self, span: Span) -> bool:
        """ "U.S. citizen": a country's name modifying a person noun that no other actor
        mention covers ("U.S. officials" is the title's to resolve)."""
        root = span.root
        if root.dep_ not in ("compound", "amod", "nmod"):
            return False
        head = root.head
        if head.i < span.end or head.i in self._spanned or head.pos_ not in ("NOUN", "PROPN"):
            return False
        return head.lower_ in self.dictionary.person_nouns or (
            head.lemma_.lower() in self.dictionary.person_nouns
        )

    def _adjective_actor(self, span: Span, code: str) -> ActorRef:
        country = self.dictionary.countries[code]
        head = span.root.head if span.root.dep_ in ("amod", "compound", "poss") else span.root
        role = self._role_noun(head)
        if any(t.lower_ in _NON_STATE for t in self.doc[span.end : head.i]):
            role = None  # "Russian opposition leader": a side's national, not its leader
        if role and head.i >= span.end:
            return ActorRef(f"{span.text} {head.text}", code, role)
        # A side word on any other noun ("Russian children", "the U.S. dollar") names the
        # side weakly: it can be acted on, but it does not act for the side.
        return ActorRef(country.name, code, "COUNTRY")

    def _national(self, start: int, end: int) -> str | None:
        """The one side whose government has the post this title names ("attorney general")."""
        return self.dictionary.national_titles.get(self.doc[start:end].text.lower())

    def _title_actor(self, span: Span, office: str) -> ActorRef | None:
        if self._foreign_owner(span) or self._owned_elsewhere(span):
            return None  # "Nicaragua's president", "Italian Foreign Minister": not a side's
        if self._led_group(span):
            return None  # "the majority leader", "the party leader": not the state's leader
        country, qualifier = self._qualifier_country(span)
        # "the attorney general said": only a holder the story named has a post only one
        # side's government has (a US state has a secretary of state too)
        national = self._national(span.start, span.end) if country is None else None
        role = self.dictionary.office_roles.get(office, "OFFICIAL")
        if office == "official":
            if country is None and "administration" in span.text.lower():
                country = self._administration_side()
            if country is None:
                return self._last_diplomat(span)
            named_body = qualifier is not None and qualifier.kind in ("body", "generic")
            if (
                not named_body
                and not span.text.lower().endswith("s")
                and not self._indefinite(span)
            ):
                # "the Russian minister": the official of that side the article last named,
                # not its leader or a lawmaker named after him; "the Justice Department
                # official" speaks for the body (below), not for whoever the story last named
                for m in reversed(self.mentions):
                    if (
                        m.kind == "person"
                        and m.actor is not None
                        and m.actor.country == country
                        and m.actor.role not in _NOT_OFFICIALS
                    ):
                        return m.actor
            owner = (
                qualifier.actor.name
                if qualifier and qualifier.kind == "body" and qualifier.actor
                else None
            )
            owner = owner or self.dictionary.countries[country].adjective
            return ActorRef(f"{owner} {span.text.lower()}", country, role)
        seen = [
            m.person
            for m in reversed(self.mentions)
            if m.person is not None
            and office in m.person.offices_on(self.day)
            and (country is None or m.person.country == country)
            and (national is None or m.person.country == national)
        ]
        if country is None:
            # A bare title names the office holder the article already introduced; a bare
            # "President X" (no country before it) marks the outlet's own president.
            bare = [
                m.person
                for m in self.mentions
                if m.bare_title
                and m.person is not None
                and m.person.key not in self._side_titled  # "Russian President Putin" elsewhere
                and office in m.person.offices_on(self.day)
            ]
            # Else the holder the story last made its subject ("Biden, speaking separately,
            # said ...") rather than the one last named in passing ("handed Putin a list").
            topic = [
                m.person
                for m in reversed(self.mentions)
                if m.person is not None
                and m.person in seen
                and self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            ]
            person = bare[0] if bare else (topic[0] if topic else (seen[0] if seen else None))
        else:
            holders = self.dictionary.holders(country, office, self.day)
            person = seen[0] if seen else (holders[0] if len(holders) == 1 else None)
            if self._indefinite(span):
                person = None  # "a department spokesperson": not the one the story named
            if person is None:
                words = [qualifier.actor.name if qualifier and qualifier.actor else country]
                return ActorRef(f"{words[0]} {span.text.lower()}", country, role)
        if person is None and office == "envoy":
            return self._last_diplomat(span)  # "the veteran negotiator added"
        if person is None:
            return self._body_spokesperson(span, office, role)
        return ActorRef(person.name, person.country, self._role_of(person))

    def _led_group(self, span: Span) -> bool:
        """A leader's title led by a common noun no actor names ("majority leader", "party
        leader"): the leader of that group, not of a state."""
        last = span[-1]
        if last.lemma_.lower() != "leader":
            return False
        return any(
            c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and c.i < span.start
            and c.i not in self._by_token
            for c in last.children
        )

    def _last_diplomat(self, span: Span) -> ActorRef | None:
        """ "the veteran diplomat said", "the negotiator added": the diplomat the story last
        named, when the title is definite and singular."""
        words = span.text.lower().split()
        if words[-1] not in ("diplomat", "negotiator", "envoy") or self._indefinite(span):
            return None
        if span.start > 0 and self.doc[span.start - 1].lower_ not in _DEFINITE_BEFORE:
            return None
        quoted = self.quoted_tokens()
        for m in reversed(self.mentions):
            if span.start - m.start > 150:
                break
            if (
                m.kind == "person"
                and m.actor is not None
                and m.start < span.start
                and m.start not in quoted
                and m.actor.role in ("DIPLOMAT", "FOREIGN_MINISTRY")
            ):
                return m.actor
        return None

    def _body_spokesperson(self, span: Span, office: str, role: str) -> ActorRef | None:
        """ "The Kremlin rejected the offer. ... the spokeswoman said": a bare spokesperson
        speaks for the body the story has just named."""
        if office != "spokesperson" or span.text.lower().endswith("men"):
            return None
        for m in reversed(self.mentions):
            if span.start - m.start > 120:
                break
            if m.kind in ("body", "generic") and m.actor is not None:
                return ActorRef(f"{m.actor.name} {span.text.lower()}", m.actor.country, role)
        return None

    def _indefinite(self, span: Span) -> bool:
        """ "a senior administration official", "another Russian diplomat": someone new."""
        i = span.start - 1
        while i >= 0 and self.doc[i].tag_ in ("JJ", "JJS", "RB", "NNP", "HYPH", "POS"):
            i -= 1
        return i >= 0 and self.doc[i].lower_ in ("a", "an", "another", "one")

    def _administration_side(self) -> str | None:
        """ "a senior administration official": the side whose government the article calls
        an administration ("the Biden administration"), else the one side whose government
        the dictionary knows by that word."""
        for m in reversed(self.mentions):
            if m.actor is not None and m.kind == "body" and "administration" in m.actor.name:
                return m.actor.country
        sides = {
            b.country
            for b in self.dictionary.bodies.values()
            if b.kind == "government" and "administration" in b.name.lower()
        }
        return sides.pop() if len(sides) == 1 else None

    def _country_body(self, kind: str, country: str, span: Span) -> ActorRef:
        """The body of this kind that the country has ("the ministry" of Russia is its
        Foreign Ministry), or, where the dictionary knows none, the country's own."""
        for body in self.dictionary.bodies.values():
            if body.kind == kind and body.country == country:
                return ActorRef(body.name, body.country, body.role)
        return ActorRef(f"{country} {span.text.lower()}", country, "GOVERNMENT")

    def _generic_actor(self, span: Span, kind: str) -> ActorRef | None:
        if kind == "department":
            # "the department", "a department spokesperson": the department last named
            for m in reversed(self.mentions):
                if span.start - m.start > 200:
                    break
                if m.kind == "body" and m.actor is not None and "Department" in m.actor.name:
                    return m.actor
            return None
        if self._owned_by_pronoun(span.start):
            return None  # "his own country's ministry": the country of whoever "his" is
        country, _ = self._qualifier_country(span)
        if country is None:
            country = self._country_possessive(span.start)
        bodies = [b for b in self.dictionary.bodies.values() if b.kind == kind]
        if country is not None:
            return self._country_body(kind, country, span)
        if kind not in _FALLBACK_KINDS or self._foreign_owner(span):
            return None
        for m in reversed(self.mentions):
            if m.body_kind == kind and m.actor is not None:
                return m.actor
        # "Ministry of Foreign Affairs": the head noun, not the last word, names the body
        head = (
            span.root.lower_
            if span.root.pos_ in ("NOUN", "PROPN")
            else span.text.split()[-1].lower()
        )
        # "Russia said on Saturday ... in retaliation for sanctions over Ukraine. ... the
        # Foreign Ministry": a side named in a prepositional aside does not own the body.
        recent = [m for m in reversed(self.mentions) if m.actor is not None and m.kind != "title"]
        named = [m for m in recent if self.doc[m.end - 1].dep_ != "pobj"]
        for m in named + recent:
            for body in bodies:
                if (
                    m.actor is not None
                    and body.country == m.actor.country
                    and head in body.name.lower()
                ):
                    return ActorRef(body.name, body.country, body.role)
        return None

    def _owned_by_pronoun(self, start: int) -> bool:
        """ "his own country's", "their nation's": a body owned by someone's country, which
        the story's latest side does not tell."""
        if start < 3 or self.doc[start - 1].tag_ != "POS":
            return False
        if self.doc[start - 2].lower_ not in ("country", "nation"):
            return False
        before = self.doc[start - 3]
        if before.lower_ == "own" and start >= 4:
            before = self.doc[start - 4]
        return before.tag_ == "PRP$"

    def _country_possessive(self, start: int) -> str | None:
        """ "Russia accused ... . The country's Ministry of Foreign Affairs said": the country
        the story last made the subject of a clause owns the body."""
        if start < 2 or self.doc[start - 1].tag_ != "POS":
            return None
        if self.doc[start - 2].lower_ not in ("country", "nation") or start < 3:
            return None
        if self.doc[start - 3].lower_ != "the":
            return None  # "his own country's troops": the country of whoever "his" is
        for m in reversed(self.mentions):
            if m.start >= start - 2:
                continue
            if start - m.start > 150:
                break
            if (
                m.kind == "country"
                and m.actor is not None
                and self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            ):
                return m.actor.country
        return None

    def _foreign_owner(self, span: Span) -> bool:
        """ "Cuba's foreign ministry", "the Cuban embassy": a place the dictionary does not
        know owns the body, so it is not the watched side's."""
        i = span.start - 1
        if i >= 0 and self.doc[i].tag_ == "POS":
            i -= 1
        if i < 0 or i in self._by_token:
            return False
        tok = self.doc[i]
        return tok.ent_type_ in ("GPE", "NORP") or (
            tok.pos_ == "PROPN" and i + 1 < span.start and self.doc[i + 1].tag_ == "POS"
        )

    def _owned_elsewhere(self, span: Span) -> bool:
        """ "the Taliban spokesman", "a spokesman for the insurgents": the title's own phrase
        gives it to someone the dictionary does not know, a name before it or the "for" or
        "of" phrase after it, so it is no holder of a watched side's post."""
        named = self._spanned
        for child in span[-1].children:
            if (
                child.dep_ == "compound"
                and child.i < span.start
                and child.pos_ == "PROPN"
                and child.ent_type_ in ("ORG", "NORP")
                and child.i not in named
            ):
                return True
            if child.dep_ == "prep" and child.lower_ in ("for", "of") and child.i >= span.end:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if (
                    pobj is not None
                    and pobj.pos_ in ("NOUN", "PROPN")
                    and not any(t.i in named for t in pobj.subtree)
                ):
                    return True
        return False

    def _abbreviation_dot(self, i: int) -> bool:
        """The dot of a rank or title cut short ("Brig. Gen. Pat Ryder")."""
        tok = self.doc[i]
        if tok.text != "." or i == 0:
            return False
        prev = self.doc[i - 1]
        return prev.is_title and len(prev.text) <= 4 and prev.whitespace_ == ""

    def _add_unknown_people(self) -> None:
        """People the dictionary lacks, placed by a side word in their noun phrase."""
        surnames: dict[str, ActorRef] = {}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or any(
                i in self._by_token for i in range(ent.start, ent.end)
            ):
                continue
            country, office, noun_role, national = None, None, None, None
            outside, by_body = False, False
            phrase_start = max(0, ent.start - 6)
            for i in range(max(0, ent.start - 6), ent.start):
                tok = self.doc[i]
                if (tok.is_punct and not self._abbreviation_dot(i)) or tok.pos_ in (
                    "VERB",
                    "AUX",
                    "PRON",
                ):
                    country, office, noun_role = None, None, None  # the name's phrase starts
                    phrase_start = i + 1
                    continue
                mention = self._by_token.get(i)
                if mention is None and tok.pos_ == "ADP" and tok.lower_ in _NOT_HOLDER_PREPS:
                    country, office, noun_role = None, None, None  # "... under Bill Clinton"
                    phrase_start = i + 1
                    continue
                if self._former_person(mention):
                    outside = True  # "Obama adviser X" after Obama left office: no side's post
                    break
                if mention is None:
                    if tok.lower_ in self.dictionary.person_nouns:
                        noun_role = self._role_noun(tok)  # "American journalist Evan X"
                    continue
                if (
                    mention.office
                    and mention.start > 0
                    and self.doc[mention.start - 1].lower_ in _NON_STATE
                ):
                    outside = True  # "opposition leader Alexei Navalny": a title outside the state
                    break
                if mention.office:
                    office = mention.office
                    national = self._national(mention.start, mention.end) or national
                elif mention.kind == "generic" and mention.actor is None:
                    office = office or "official"  # "Air Force General James Hecker"
                if mention.actor is not None and mention.kind != "title":
                    if self._post_place(mention):
                        continue  # "U.S. Ambassador to Ukraine X": where the post is, not whose
                    country = mention.actor.country
                    by_body = mention.kind in ("body", "generic")
            tagged = self._congress_tag(ent)
            if tagged is not None and not outside and not self._former(ent, phrase_start):
                # "Bob Menendez (D-N.J.)", "Sen. Bob Corker, R-Tenn.": a member of Congress
                country, office, national = tagged, "lawmaker", tagged
            elif outside or self._outside_state(ent, phrase_start):
                continue
            for tok in ent.root.children:
                if tok.dep_ == "appos" and office is None:
                    # "Dan Coats, the director of national intelligence": a post after the name
                    titled = self._by_token.get(tok.i)
                    if titled is not None and titled.office:
                        office = titled.office
                        national = self._national(titled.start, titled.end)
                    elif self._legislative_post(tok):
                        # "X, a member of the upper house of parliament": a lawmaker
                        office = "lawmaker"
            head = ent.root.head
            titled = self._by_token.get(head.i) if ent.root.dep_ == "appos" else None
            if (
                office is None
                and titled is not None
                and titled.office
                and head.i < ent.start
                and not any(t.lower_ in _OUTSIDE_WORDS for t in head.subtree if t.i < ent.start)
            ):
                # "the director of national intelligence, Dan Coats", "Russia's ambassador,
                # X": the post before the name, when the post itself says whose it is
                national = self._national(titled.start, titled.end)
                qualifier = self._qualifier_before(titled.start)
                owner = national or (
                    qualifier.actor.country
                    if qualifier is not None and qualifier.actor is not None
                    else None
                )
                if owner is not None:
                    office, country = titled.office, country or owner
            if country is None:
                for tok in ent.root.children:
                    if tok.dep_ == "appos":
                        placed = [
                            m
                            for sub in tok.subtree
                            if (m := self._by_token.get(sub.i)) is not None and m.actor is not None
                        ]
                        # "X, a spokeswoman for the White House National Security Council":
                        # the body named says whose the post is, not the side the story
                        # gave the bare title
                        named = [m for m in placed if m.kind != "title"] or placed
                        if any(self._former_person(m) for m in named):
                            outside = True  # "X, President Obama's adviser" in 2017
                            break
                        if named:
                            mention = named[0]
                            country = mention.actor.country  # type: ignore[union-attr]
                            # "X, deputy head of Russia's reconciliation centre": a post;
                            # "X, an American tourist": a national
                            noun_role = self._role_noun(tok)
                            by_body = mention.kind != "adjective"  # "an American teacher"
            if outside:
                continue
            if country is None and office is not None:
                country = national or self._quoted_side(ent.start)
            if country is None or self._held_by_another(ent, country, office):
                continue
            role = self.dictionary.office_roles.get(office or "", noun_role or "OFFICIAL")
            if office is None and noun_role is None and not by_body:
                role = "COUNTRY"  # "American Taylor Fritz": a national, who speaks for no side
            self._add(Mention(ent.start, ent.end, "person", ActorRef(ent.text, country, role)))
            if len(ent) >= 2 and ent[-1].text[:1].isupper():  # "Lavrov", "McCain", "O'Brien"
                surnames[ent[-1].text] = ActorRef(ent.text, country, role)
        self._add_surnames(surnames)
        self.mentions.sort(key=lambda m: m.start)

    def _former_person(self, mention: Mention | None) -> bool:
        """A dictionary person whose terms of office all ended before the article's day."""
        return (
            self.terms_known
            and mention is not None
            and mention.person is not None
            and mention.actor is not None
            and mention.actor.role == NO_SIDE_ROLE
            and bool(mention.person.terms)
            and all(t.end is not None and t.end <= self.day for t in mention.person.terms)
        )

    def _held_by_another(self, ent: Span, country: str, office: str | None) -> bool:
        """ "President Bill Clinton" in a 2016 story: a post one person holds at a time that
        the dictionary gives someone else on the article's day, so the named person held it
        another time (or in another country) and speaks for no side now."""
        if not self.terms_known or office not in _SINGLE_POSTS:
            return False
        title = self._by_token.get(ent.start - 1)
        if title is None or title.kind != "title" or title.office != office:
            return False  # only the title right before the name ("President X")
        if title.start > 0 and self.doc[title.start - 1].lower_ in _UNDER_WORDS:
            return False  # "Deputy Prime Minister X": another post
        holders = self.dictionary.holders(country, office, self.day)
        if not holders:
            return False
        words = {t.text for t in ent if t.is_alpha}
        for person in holders:
            known = self.dictionary.alias_words.get(person.key, set())
            if words & known and ent[-1].text in known:
                return False
        return True

    def _congress_tag(self, ent: Span) -> str | None:
        """ "Bob Menendez (D-N.J.)", "Sen. Bob Corker, R-Tenn.": the party-and-state tag of a
        member of the U.S. Congress right after the name: that side's code."""
        if _CONGRESS_SIDE not in self.dictionary.countries:
            return None
        after = self.doc.text[ent.end_char : ent.end_char + 16]
        return _CONGRESS_SIDE if _CONGRESS_TAG.match(after) else None

    def _former(self, ent: Span, phrase_start: int) -> bool:
        """The name's own phrase calls the person a former holder or a campaign's."""
        appositions = [t for t in ent.root.children if t.dep_ == "appos"]
        words = list(self.doc[phrase_start : ent.start]) + [
            sub for t in appositions for sub in t.subtree
        ]
        return any(t.lower_ in _OUTSIDE_WORDS for t in words)

    def _legislative_post(self, noun: Token) -> bool:
        """ "a member of the upper house of parliament", "chairman of the Senate Armed Services
        Committee": a post (member, chair, head) in a legislature or one of its committees."""
        if noun.lemma_.lower() not in _LEGISLATIVE_POSTS:
            return False
        words = list(noun.subtree)
        if any(t.lower_ in _OUTSIDE_WORDS for t in words):
            return False
        for tok in words:
            mention = self._by_token.get(tok.i)
            if mention is not None and mention.actor is not None:
                if mention.actor.role == "LEGISLATURE":
                    return True
                continue
            before = self.doc[tok.i - 1].lower_ if tok.i > 0 else ""
            if tok.lower_ == "house" and before in ("upper", "lower"):
                return True  # "the upper house of parliament"
            if tok.lower_ in ("parliament", "legislature"):
                return True
        return False

    def _post_place(self, mention: Mention) -> bool:
        """The mention is the place a post is held in ("ambassador to Ukraine", "envoy in
        Kyiv"): the object of "to" or "in" after a title."""
        if mention.kind != "country" or mention.start == 0:
            return False
        prep = self.doc[mention.start - 1]
        if prep.lower_ not in ("to", "in") or prep.i == 0:
            return False
        title = self._by_token.get(prep.i - 1)
        return title is not None and title.kind == "title"

    def _titles_of_unknown_people(self) -> None:
        """ "Sen. Mark Warner ... the senator said": a bare definite title the dictionary
        cannot fill stands for the person the article last named with a post of that role,
        when that person is one the dictionary lacks (found later, by their title)."""
        people = [m for m in self.mentions if m.kind == "person" and m.person is None]
        if not people:
            return
        for m in self.mentions:
            if (
                m.kind != "title"
                or m.actor is not None
                or not m.office
                or m.start == 0
                or self.doc[m.start - 1].lower_ != "the"
                or self.doc[m.end - 1].tag_ in ("NNS", "NNPS")
                or self._followed_by_name(self.doc[m.start : m.end])
            ):
                continue
            role = self.dictionary.office_roles.get(m.office, "OFFICIAL")
            before = [
                p
                for p in people
                if p.end <= m.start and p.actor is not None and p.actor.role == role
            ]
            if before and m.start - before[-1].start < _TITLE_REACH:
                m.actor = before[-1].actor

    def _outside_state(self, ent: Span, phrase_start: int) -> bool:
        """The name's own phrase puts the person outside any watched state: a former holder
        ("former CIA director X", "X, formerly the Pentagon's ..."), a campaign or transition
        post, a place the dictionary does not know ("Italian Foreign Minister X",
        "Connecticut's secretary of state, X") or an employer that is no body of a side
        ("X, director of the Carnegie Moscow Center", "X, an analyst at Eurasia Group")."""
        before = list(self.doc[phrase_start : ent.start])
        appositions = [t for t in ent.root.children if t.dep_ == "appos"]
        after = [sub for t in appositions for sub in t.subtree]
        for tok in before + after:
            if tok.lower_ in _OUTSIDE_WORDS:
                return True
        titles = [self._by_token.get(t.i) for t in before]
        national = any(m is not None and self._national(m.start, m.end) for m in titles)
        for tok in before:
            if tok.i in self._by_token:
                continue
            if tok.ent_type_ == "GPE" or (tok.ent_type_ == "NORP" and not national):
                return True  # "Italian", "Mississippi"; "Republican Sen." is still a senator
        for tok in after:
            mention = self._by_token.get(tok.i)
            if tok.ent_type_ == "GPE" and mention is None and tok.dep_ == "poss":
                return True  # "Connecticut's secretary of state"
            if tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and self._own_employer(tok):
                return True  # the employer is an organisation of its own
        return False

    def _own_employer(self, first: Token) -> bool:
        """An organisation named from `first` that is no body of a side: no mention inside
        it but a place's name ("Carnegie Moscow Center"), and no word of a state body."""
        words = [first]
        for tok in self.doc[first.i + 1 :]:
            if tok.ent_iob_ != "I":
                break
            words.append(tok)
        mentions = [self._by_token.get(t.i) for t in words]
        if any(m is not None and m.kind not in ("country", "adjective") for m in mentions):
            return False
        return not any(t.lower_ in _STATE_BODY_WORDS for t in words)

    def _add_surnames(self, surnames: dict[str, ActorRef]) -> None:
        """ "Pentagon spokesman Peter Cook ... Cook said": a person the dictionary lacks, named
        again by the surname alone later in the article."""
        if not surnames:
            return
        first: dict[str, int] = {}
        for m in self.mentions:
            if m.kind == "person" and m.actor is not None:
                word = self.doc[m.end - 1].text
                if word in surnames and surnames[word].name == m.actor.name:
                    first.setdefault(word, m.end)
        for tok in self.doc:
            actor = surnames.get(tok.text)
            if (
                actor is None
                or tok.i < first.get(tok.text, len(self.doc))
                or tok.i in self._by_token
                or not self._surname_word(tok)
                or not self._name_alone(tok)
                or (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN")
                or (
                    tok.i > 0
                    and self.doc[tok.i - 1].pos_ == "PROPN"
                    and not self._honorific(tok.i - 1)
                )
            ):
                continue
            self._add(Mention(tok.i, tok.i + 1, "person", actor))

    @staticmethod
    def _surname_word(tok: Token) -> bool:
        """A proper noun, or a surname the tagger took for a common noun ("Coats was
        surprised", "Rice said"): capitalised inside a sentence, or its opening subject."""
        if tok.pos_ == "PROPN":
            return True
        return (
            tok.pos_ == "NOUN"
            and tok.text[:1].isupper()
            and (not tok.is_sent_start or tok.dep_ in ("nsubj", "nsubjpass"))
        )

    def _name_alone(self, tok: Token) -> bool:
        """The token may be a surname standing alone: no entity, a person, or a one-word entity
        of another label ("Corker said": the tagger often takes a lone surname for an
        organisation; "Corker Industries" is a longer entity and stays what it is)."""
        if tok.ent_type_ in ("PERSON", ""):
            return True
        return (
            tok.ent_type_ == "ORG"
            and tok.ent_iob_ == "B"
            and (tok.i + 1 == len(self.doc) or self.doc[tok.i + 1].ent_iob_ != "I")
        )

    def _honorific(self, i: int) -> bool:
        """ "Mr.", "Ms.", "Sen." before a surname: a form of address or a title, not a name."""
        if self.doc[i].text.rstrip(".").lower() in _HONORIFICS:
            return True
        mention = self._by_token.get(i)
        return mention is not None and mention.kind == "title"

    def _quoted_side(self, start: int) -> str | None:
        """ "..., spokesman Patrick Ventrell said": the side the story is quoting. The latest
        actor that is a clause's subject wins over one named in passing ("Putin's thanks"), and
        words inside quotes ("The Russians were shut down," Senator X said) are not the story's.
        """
        quoted = self.quoted_tokens()
        near = [
            m
            for m in self.mentions
            if 0 < start - m.start < 80 and m.actor is not None and m.start not in quoted
        ]
        subjects = [
            m
            for m in near
            if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            and m.actor
            and m.actor.role != "COUNTRY"
        ]
        # "The White House said Russia had meddled. X, the adviser, said ...": the side the
        # story is quoting speaks; "... a drone over Syria": a place named last is no side
        speakers = [m for m in subjects if self._speaking(m)]
        placed = [m for m in near if self.doc[m.end - 1].dep_ != "pobj"]
        chosen = speakers or subjects or placed or near
        if not chosen:
            return None
        best = max(chosen, key=lambda m: m.start)
        return best.actor.country if best.actor else None

    def _speaking(self, mention: Mention) -> bool:
        """The mention is the subject of a verb of saying."""
        head = self.doc[mention.end - 1].head
        return head.pos_ == "VERB" and head.lemma_.lower() in _SAYING_LEMMAS

    def quoted_tokens(self) -> set[int]:
        """Token indices inside double quotes (a paragraph break closes any open quote)."""
        if self._quoted is None:
            self._quoted = set()
            inside = False
            for tok in self.doc:
                if "\n" in tok.text:
                    inside = False
                elif tok.text in ('"', "“", "”"):
                    inside = tok.text == "“" or (tok.text == '"' and not inside)
                elif inside:
                    self._quoted.add(tok.i)
        return self._quoted

    # ----------------------------------------------------------------- lookups

    def mention_at(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def actor_of(self, tok: Token, depth: int = 0) -> ActorRef | None:
        """The actor a noun phrase headed by `tok` names, looking into its owners."""
        mention = self._by_token.get(tok.i)
        if mention is not None and mention.kind == "title" and depth == 0:
            # "The Kremlin's spokesman, Dmitry Peskov, said", "a spokeswoman for the ministry,
            # Maria Zakharova, said": the named holder speaks, not the post or its body
            holder = self._named_holder(tok, mention)
            if holder is not None:
                return holder
        if mention is not None and mention.kind == "title" and mention.office and depth == 0:
            owned = self._title_of_body(tok, mention.office)
            if owned is not None:
                return owned
        if mention is not None and mention.actor is not None:
            if mention.kind == "title" and depth == 0:
                for child in tok.children:
                    named = self._by_token.get(child.i)
                    if child.dep_ == "appos" and named is not None and named.kind == "person":
                        return named.actor or mention.actor
            return mention.actor
        if tok.pos_ == "PRON" or tok.lower_ in RELATIVE:
            return self.resolve_pronoun(tok)
        if depth > 2:
            return None
        if mention is None and depth == 0 and self._unplaced_person(tok):
            # "Trump lawyer Jay Sekulow said", "X, a former envoy under Obama, said": a person
            # the article names but no side claims speaks for nobody, not for whoever is
            # named in the phrase around the name
            return None
        if mention is None and depth == 0 and tok.lower_ in _PARTY_NOUNS:
            lawmaker = self._lawmaker_described(tok)
            if lawmaker is not None:
                return lawmaker
        for child in tok.children:
            if child.dep_ == "appos":  # "her counterpart, Sergei Ryabkov": the name wins
                actor = self.actor_of(child, depth + 1)
                if actor is not None:
                    return actor
        named_after = tok.pos_ == "NOUN" and any(
            c.dep_ in ("poss", "compound")
            and getattr(self._by_token.get(c.i), "kind", "") == "person"
            for c in tok.children
        )  # "Trump critics said": not Trump
        if (
            mention is not None and mention.kind == "title" or tok.dep_ in ("nsubj", "nsubjpass")
        ) and not named_after:
            person = self._person_in(tok)
            if person is not None:
                return person
        if mention is not None:
            return None
        if tok.lemma_.lower() in self.dictionary.proxy_nouns or tok.lower_ in (
            self.dictionary.proxy_nouns
        ):
            return None  # "his widow", "the family of the detained man": not the owner
        if depth == 0 and tok.lemma_.lower() in _HEAD_NOUNS:
            head = self._body_head_named(tok)
            if head is not None:
                return head  # "said the FBI chief": the FBI's man the story just named
        orders: tuple[tuple[str, ...], ...] = (("poss",), ("compound", "amod", "nmod"))
        if tok.lemma_.lower() in _COUNTERPARTS:
            # "his Russian counterpart": the side word says whose; the owner is the other end
            orders = orders[::-1]
        for deps in orders:
            for child in tok.children:
                if child.dep_ in deps:
                    actor = self.actor_of(child, depth + 1)
                    owner = self._by_token.get(child.i)
                    if (
                        actor is not None
                        and deps == ("poss",)
                        and tok.lemma_.lower() in _COUNTERPARTS
                        and actor.country in self.sides
                        and len(self.sides) == 2
                    ):
                        # "Kerry called his counterpart": the same post on the other side
                        other = next(c for c in self.sides if c != actor.country)
                        country = self.dictionary.countries.get(other)
                        name = f"{country.adjective if country else other} counterpart"
                        return ActorRef(name, other, actor.role)
                    if actor is not None and owner is not None and owner.kind == "person":
                        # "Trump's own team", "Trump critics", "the Trump campaign": people
                        # named after a person are not that person
                        return None if tok.pos_ == "NOUN" else actor
                    if actor is not None:
                        return actor
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self.actor_of(pobj, depth + 1)
                        if actor is not None:
                            return actor
        return None

    @staticmethod
    def _unplaced_person(tok: Token) -> bool:
        """The head of a person's name that no actor mention covers: someone the dictionary
        lacks and the article gives no side ("analyst X", "former ambassador X")."""
        return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"

    def _lawmaker_described(self, tok: Token) -> ActorRef | None:
        """ "the Arizona Republican", "the Democrat": a definite party noun standing for a
        lawmaker is the one the last few sentences named, when they named exactly one."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        first = self.sentences[max(0, self.sentence_index(tok.i) - PARTY_SENTENCES)].start
        found = {
            m.actor
            for m in self._mentions_between(first, tok.i)
            if m.kind == "person" and m.actor is not None and m.actor.role == "LEGISLATURE"
        }
        return found.pop() if len(found) == 1 else None

    def _body_head_named(self, tok: Token) -> ActorRef | None:
        """ "the FBI chief", "the head of the agency": a definite head of a named body is the
        one person of the body's side and role the last few sentences named, when they named
        exactly one (else the body speaks, as before)."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        owners = [c for c in tok.children if c.dep_ in ("compound", "poss")]
        owners += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        bodies = [
            m.actor
            for c in owners
            if (m := self._by_token.get(c.i)) is not None
            and m.kind in ("body", "generic")
            and m.actor is not None
        ]
        if not bodies:
            return None
        body = bodies[0]
        first = self.sentences[max(0, self.sentence_index(tok.i) - PARTY_SENTENCES)].start
        quoted = self.quoted_tokens()
        found = {
            m.actor
            for m in self._mentions_between(first, tok.i)
            if m.kind == "person"
            and m.actor is not None
            and m.start not in quoted
            and m.actor.country == body.country
            and m.actor.role == body.role
        }
        return found.pop() if len(found) == 1 else None

    def _named_holder(self, tok: Token, title: Mention) -> ActorRef | None:
        """The person named beside a title, set off by commas: as its apposition, or, where
        the parser hung the name inside the title's phrase ("the ambassador to the UN,
        Vasily Nebenzya, said": the name as the object of "to"), right after the title with
        the title's side."""
        for child in tok.children:
            named = self._by_token.get(child.i)
            if (
                child.dep_ == "appos"
                and named is not None
                and named.kind == "person"
                and named.actor is not None
            ):
                return named.actor
        comma = title.end
        if comma >= len(self.doc) or self.doc[comma].text != "," or title.actor is None:
            return None
        named = self._by_token.get(comma + 1)
        if (
            named is None
            or named.kind != "person"
            or named.actor is None
            or named.actor.country != title.actor.country
            or not tok.left_edge.i <= named.end - 1 <= tok.right_edge.i
        ):
            return None
        after = self.doc[named.end] if named.end < len(self.doc) else None
        return named.actor if after is not None and after.text == "," else None

    def _title_of_body(self, tok: Token, office: str) -> ActorRef | None:
        """ "a spokeswoman for Russia's foreign ministry", "the spokesman of the embassy", "a
        spokesman for President Putin": a post whose body (or, for a spokesperson, whose
        principal) is named after it speaks for that body, not for whoever held such a
        post earlier in the story ("X, a former official at the Treasury": not the body's)."""
        if any(t.lower_ in ("former", "ex") for t in tok.lefts):
            return None
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in ("for", "of", "at"):
                continue
            for pobj in child.children:
                owner = self._by_token.get(pobj.i)
                if (
                    pobj.dep_ == "pobj"
                    and owner is not None
                    and owner.actor is not None
                    and (
                        owner.kind in ("body", "generic")
                        # "a spokesman for President Putin": the voice of that person's side
                        or (owner.kind == "person" and office == "spokesperson")
                    )
                ):
                    role = self.dictionary.office_roles.get(office, "OFFICIAL")
                    name = f"{owner.actor.name} {tok.text.lower()}"
                    return ActorRef(name, owner.actor.country, role)
        return None

    def _person_in(self, tok: Token) -> ActorRef | None:
        """A named person inside a title phrase ("Speaker of the Duma Vyacheslav Volodin")."""
        for sub in tok.subtree:
            if sub.dep_ in ("relcl", "acl", "ccomp", "advcl") and sub.i != tok.i:
                break
            mention = self._by_token.get(sub.i)
            if (
                mention is not None
                and mention.kind == "person"
                and mention.actor is not None
                and sub.dep_ in ("pobj", "compound", "appos", "nsubj")
            ):
                return mention.actor
        return None

    def _mentions_between(self, start: int, end: int) -> list[Mention]:
        # Mentions are sorted by start once resolved: bisect, so that long articles do not
        # pay a scan of every mention for every question about a sentence.
        if self._starts is None or len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        return [m for m in self.mentions[lo:hi] if m.end <= end and m.actor is not None]

    def countries_in(self, start: int, end: int) -> set[str]:
        """Sides named in a token range (titles and pronouns excluded)."""
        return {m.actor.country for m in self._mentions_between(start, end) if m.actor}

    def actors_in(self, start: int, end: int) -> list[tuple[int, ActorRef]]:
        return [(m.start, m.actor) for m in self._mentions_between(start, end) if m.actor]

    @property
    def sentences(self) -> list[Span]:
        """The article's sentences, listed once."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [sent.start for sent in self._sentences]
        return self._sentences

    @property
    def alpha_counts(self) -> list[int]:
        """How many word tokens each of `sentences` holds, counted once."""
        if self._alpha_counts is None:
            self._alpha_counts = [sum(t.is_alpha for t in sent) for sent in self.sentences]
        return self._alpha_counts

    def sentence_of(self, token_i: int) -> Span:
        """The sentence holding token `token_i` (as `Token.sent`, without walking the doc)."""
        return self.sentences[self.sentence_index(token_i)]

    def sentence_index(self, token_i: int) -> int:
        """The index in `sentences` of the sentence holding token `token_i`."""
        sentences = self.sentences
        return max(0, min(len(sentences) - 1, bisect_right(self._sentence_starts, token_i) - 1))


__all__ = ["ArticleContext", "Mention"]
