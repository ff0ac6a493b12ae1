"""Pronouns and relative pronouns resolved to the actors an article has named.

He/she take the nearest fitting person in the sentence, else the subject of an earlier
sentence's main clause; it/they take the speaker of the clause they sit in ("the White House
said it has no plans") or the latest body; I/we inside a quote take its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.detect.actors import ActorDictionary, Person
from pipeline.models import ActorRef

HE = {"he", "him", "his", "himself"}
SHE = {"she", "her", "hers", "herself"}
IT = {"it", "its", "itself"}
THEY = {"they", "them", "their", "themselves"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our", "ourselves"}
_ENDS = {".", "!", "?", "…", ";", ":"}  # marks that really end a sentence
_SPEECH = {"say", "tell", "add", "state", "announce", "insist", "claim", "warn", "reply", "note",
           "write"}  # fmt: skip


def _title_gender(tok: Token) -> str | None:
    """The gender a title word gives its holder: "spokeswoman" f, "chairman" m."""
    word = tok.lower_
    if word.endswith(("woman", "women")):
        return "f"
    return "m" if word.endswith(("man", "men")) else None


_PREVIOUS_SENTENCES = 4  # how far back a pronoun's speaker may be taken up


@dataclass
class Mention:
    """An actor mention: token range, what it names, and the actor once resolved."""

    start: int
    end: int
    kind: str
    actor: ActorRef | None = None
    person: Person | None = None
    office: str | None = None
    body_kind: str | None = None
    bare_title: bool = False  # "President Biden" with no country before it


class PronounResolver:
    """Mixin of `ArticleContext`: the pronoun half of actor resolution."""

    doc: Doc
    dictionary: ActorDictionary
    mentions: list[Mention]
    _by_token: dict[int, Mention]
    quote_speakers: list[tuple[int, int, ActorRef]]
    sides: tuple[str, ...]

    def actor_of(self, tok: Token, depth: int = 0) -> ActorRef | None:
        raise NotImplementedError

    def quoted_tokens(self) -> set[int]:
        raise NotImplementedError

    def resolve_pronoun(self, tok: Token) -> ActorRef | None:
        word = tok.lower_
        if word in RELATIVE and tok.head.dep_ == "relcl":
            return self.actor_of(tok.head.head, 1)
        if word in IT | THEY:
            # "the White House said it has no plans": the speaker of the clause it sits in.
            head = tok.head
            while head.dep_ in ("ccomp", "conj", "xcomp") and head.head.i != head.i:
                head = head.head
                if head.lemma_ in _SPEECH:
                    for child in self._speech_subjects(head):
                        if child.i != tok.i:
                            mention = self._by_token.get(child.i)
                            if mention is not None and mention.actor is not None:
                                return mention.actor
                            if mention is None and child.pos_ == "NOUN":
                                # "Reed's parents said they would appeal": the pronoun takes
                                # up the speaker, who is no actor of a side
                                return self.actor_of(child)
                    break
        if word in THEY and tok.dep_ == "nsubj" and tok.head.dep_ in ("advcl", "conj"):
            # "U.S. officials have not accused Moscow, though they say ...": the main clause's
            # subject, not the side its object names
            main = tok.head.head
            for child in main.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i:
                    mention = self._by_token.get(child.i)
                    if mention is not None and mention.actor is not None:
                        return mention.actor
        if word in FIRST_PERSON:
            for start, end, speaker in self.quote_speakers:
                if start <= tok.i < end:
                    if word in ("i", "me", "my", "myself"):
                        return speaker
                    country = self.dictionary.countries.get(speaker.country)
                    return (
                        ActorRef(country.name, speaker.country, "GOVERNMENT") if country else None
                    )
            return None
        if word in HE | SHE:
            return self._fronted_subject(tok) or self._personal(tok, word in HE)
        if tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH and not self._fits_before(tok):
            # '"...," they said' after "Whelan's family said ...": the pronoun takes up the
            # subject of the sentence before; when that is no actor, neither is the speaker.
            previous = self._previous_subject(tok)
            if previous is not None:
                mention = self._by_token.get(previous.i)
                return mention.actor if mention is not None else None
        for mention in reversed(self.mentions):
            if mention.start >= tok.i or mention.actor is None:
                continue
            if tok.i - mention.start > 120:
                break
            if word in IT and mention.kind in ("body", "country", "generic"):
                return mention.actor
            if word in THEY and mention.kind in ("body", "country", "generic", "adjective"):
                return self._watched_conjunct(mention) or mention.actor
        return None

    def _watched_conjunct(self, mention: Mention) -> ActorRef | None:
        """ "Called Russia and China enablers and called on them to ...": a plural pronoun
        takes up a coordination; when the member named last is of neither watched side, the
        one member of a watched side stands for it."""
        if mention.actor is None or mention.actor.country in self.sides:
            return None
        found: dict[str, ActorRef] = {}
        for tok in self.doc[mention.start : mention.end]:
            for other in tok.conjuncts:
                partner = self._by_token.get(other.i)
                if partner is None or partner.actor is None:
                    continue
                if partner.actor.country in self.sides:
                    found.setdefault(partner.actor.country, partner.actor)
        return next(iter(found.values())) if len(found) == 1 else None

    def _fronted_subject(self, tok: Token) -> ActorRef | None:
        """ "Heading into his summit with Putin, President Trump has a goal": a pronoun in an
        opening participial clause, which has no subject of its own, is the main clause's
        subject named after it."""
        node = tok
        while node.dep_ != "advcl" and node.head.i != node.i:
            node = node.head
        main = node.head
        if (
            node.dep_ != "advcl"
            or node.i > main.i
            or node.tag_ not in ("VBG", "VBN")
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)
        ):
            return None
        for child in main.children:
            if child.dep_ == "nsubj" and child.i > node.right_edge.i:
                mention = self._by_token.get(child.i)
                if mention is not None and mention.kind in ("person", "title"):
                    return mention.actor
        return None

    @staticmethod
    def _speech_subjects(verb: Token) -> list[Token]:
        """The subject of a speech verb; for one with none of its own that a verb without an
        object takes ("called in the attache to say ..."), the subject of that verb."""
        own = [c for c in verb.children if c.dep_ == "nsubj"]
        if own or verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
            return own
        main = verb.head
        if any(c.dep_ in ("dobj", "dative") for c in main.children):
            return []  # "urged Moscow to say": the one urged would speak
        return [c for c in main.children if c.dep_ == "nsubj"]

    def _people_by_name(self) -> dict[str, Person]:
        people: dict[str, Person] | None = getattr(self, "_people_cache", None)
        if people is None:
            people = {p.name: p for p in self.dictionary.people.values()}
            self._people_cache = people
        return people

    def _fits_before(self, tok: Token) -> bool:
        """A body or group is named earlier in the pronoun's own sentence."""
        sent = tok.sent
        return any(
            sent.start <= m.start < tok.i
            and m.actor is not None
            and m.kind != "person"
            and not any(t.is_quote for t in self.doc[m.end : tok.i])  # not inside the quote
            for m in self.mentions
        )

    def _previous_subject(self, tok: Token) -> Token | None:
        """The main-clause subject of the sentence before, when it is a noun phrase. A
        sentence of the quote the pronoun's verb closes ('"We assess ... . Russia also has
        ...," they said') is not the one before, and a "they" that opens the one before takes
        up a subject before it in turn ("Clapper and Rogers issued a statement. They added
        ... . '...,' they said")."""
        quoted = self.quoted_tokens()
        start = tok.sent.start
        for _ in range(_PREVIOUS_SENTENCES):
            if start == 0:
                return None
            prev = self.doc[start - 1].sent
            start = prev.start
            if prev.root.i in quoted:
                continue
            subjects = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                return None
            if subjects[0].pos_ in ("NOUN", "PROPN"):
                return subjects[0]
            if subjects[0].lower_ not in THEY:
                return None
        return None

    def _stranger(self, tok: Token, quoted: set[int]) -> bool:
        """A named person the article gives no side: a PERSON name with no resolved actor."""
        if tok.i in quoted or tok.ent_type_ != "PERSON" or tok.pos_ != "PROPN":
            return False
        mention = self._by_token.get(tok.i)
        return mention is None or mention.actor is None

    def _described(self, tok: Token, start: int, quoted: set[int]) -> Token | None:
        """The named person (from `start`, before `tok`) whose phrase holds `tok` inside a
        relative or infinitive clause that describes that person ("X, the pick to replace Y")."""
        clause = False  # a name only beside the person ("X and Y") is no description of X
        for anc in tok.ancestors:
            clause = clause or (anc.pos_ == "VERB" and anc.dep_ in ("acl", "relcl"))
            if not clause or not start <= anc.i < tok.i or anc.i in quoted:
                continue
            if anc.ent_type_ == "PERSON" and anc.pos_ == "PROPN":
                mention = self._by_token.get(anc.i)
                if mention is None or mention.kind == "person":
                    return anc
        return None

    def _stranger_subject(self, start: int, end: int, quoted: set[int]) -> int | None:
        """The position of the last clause subject in [start, end) that is a stranger."""
        last = None
        for tok in self.doc[start:end]:
            if tok.dep_ in ("nsubj", "nsubjpass") and self._stranger(tok, quoted):
                last = tok.i
        return last

    def _is_person(self, mention: Mention, male: bool) -> bool:
        if mention.actor is None:
            return False
        # "the top U.S. diplomat" is an "official" title the resolver tied to a known person
        named = mention.kind == "title" and mention.actor.name in self._people_by_name()
        if (
            mention.kind == "person"
            or (mention.kind == "title" and mention.office != "official")
            or named
        ):
            person = mention.person or self._people_by_name().get(mention.actor.name)
            # "the president": the holder's gender; "the spokeswoman": the title's own
            gender = person.gender if person else _title_gender(self.doc[mention.end - 1])
            return not gender or (gender == "m") == male
        return False

    def other_person(self, tok: Token, speaker: ActorRef) -> ActorRef | None:
        """He/she inside `speaker`'s own quoted words: someone other than the speaker, who
        would say "I" ('"I pressed Putin. He denied it," Trump said')."""
        if tok.lower_ not in HE | SHE:
            return None
        return self._personal(tok, tok.lower_ in HE, exclude=speaker)

    def _chained(self, tok: Token, male: bool, exclude: ActorRef | None) -> ActorRef | None:
        """`_personal` of a subject pronoun, remembered: a chain of "he" subjects running
        through a story is resolved once, not once per link."""
        cache: dict[tuple[int, bool, ActorRef | None], ActorRef | None]
        cache = self.__dict__.setdefault("_chain_cache", {})
        key = (tok.i, male, exclude)
        if key not in cache:
            cache[key] = None  # a cycle cannot form (each link is earlier), but stay safe
            cache[key] = self._personal(tok, male, exclude)
        return cache[key]

    def _reported_before(self, tok: Token) -> set[int]:
        """ "The invitation to Obama still stands, he said": the words a pronoun's speech verb
        reports before it, whose people are spoken of, not the one speaking (unless they are
        its subject: "Kushner went at his friend's request, he said")."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _SPEECH or verb.i < tok.i:
            return set()
        if verb.dep_ == "parataxis" and verb.head.i < tok.i:
            skip = {t.i for t in verb.subtree}
            return {t.i for t in verb.head.subtree if t.i not in skip and t.i < tok.i}
        return {
            t.i
            for c in verb.children
            if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i
            for t in c.subtree
        }

    @staticmethod
    def _reported_subject(tok: Token) -> bool:
        """The subject of the reported words' own main verb (a speech verb's clause or the
        clause a parenthetical "he said" hangs on)."""
        head = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass") and (
            head.dep_ in ("ccomp", "ROOT", "conj")
            or any(c.dep_ == "parataxis" for c in head.children)
        )

    def _sentence_head(self, sent: Span) -> Span:
        """The sentence a piece belongs to: the parser may cut a sentence after a closing
        quote mark ('he found it "hard to believe" X would ...'); the piece after such a cut
        is no sentence of its own, and its subject is no subject of the story."""
        while sent.start > 0:
            before = self.doc[sent.start - 1].sent
            last = next(
                (
                    t
                    for t in reversed(before)
                    if not (t.is_quote or t.is_space and "\n" not in t.text)
                ),
                None,
            )
            if last is None or last.text in _ENDS or "\n" in last.text:
                break
            if not any(t.is_quote for t in before[-2:]):
                break  # only a cut right after a closing quote mark is taken back
            sent = before
        return sent

    def _personal(self, tok: Token, male: bool, exclude: ActorRef | None = None) -> ActorRef | None:
        """He/she: the nearest person before it in the sentence, else the subject of an
        earlier sentence's main clause, else the latest person named (never `exclude`)."""
        sent = tok.sent
        # '"I told President Putin so," he said': a name inside the quote is not who speaks
        quoted = self.quoted_tokens() if tok.i not in self.quoted_tokens() else set()
        reported = self._reported_before(tok)
        before = [
            m
            for m in self.mentions
            if sent.start <= m.start < tok.i
            and self._is_person(m, male)
            and m.start not in quoted
            and (m.start not in reported or self._reported_subject(self.doc[m.end - 1]))
            and m.actor != exclude
        ]
        stranger = self._stranger_subject(sent.start, tok.i, quoted)
        if before:
            subjects = [m for m in before if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            chosen = (subjects or before)[-1]
            if stranger is not None and stranger > chosen.start:
                return None  # "Goldstone told Putin's aide he ...": the later subject is no actor
            if stranger is not None and not subjects:
                # "Bush has not said how he would handle Putin, but he did say": the person
                # the sentence makes its subject, whom no side owns, is "he", not a name
                # the sentence only takes as an object
                return None
            return chosen.actor
        if stranger is not None:
            return None
        start = sent.start
        counted = 0
        speaking = (
            tok.dep_ == "nsubj"
            and tok.head.lemma_.lower() in _SPEECH
            and tok.i not in self.quoted_tokens()
        )
        while counted < 4 and start > 0:
            prev = self.doc[start - 1].sent
            head = self._sentence_head(prev)
            # a sentence of quoted words (or a stray quote mark) names no one new: "He" after
            # a quote running over several paragraphs still takes up the one who spoke it
            quoted_all = self.quoted_tokens()
            counted += not all(t.i in quoted_all or not t.is_alpha for t in prev)
            people = [
                m
                for m in self.mentions
                if head.start <= m.start < prev.end
                and self._is_person(m, male)
                and m.start not in quoted
                and m.actor != exclude
            ]
            if speaking:
                # '... but X said much progress was made. "...," he said': the one who was
                # speaking goes on speaking, not the subject of the sentence's main clause
                for m in people:
                    token = self.doc[m.end - 1]
                    if token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH:
                        return m.actor
            for m in people:
                token = self.doc[m.end - 1]
                if token.dep_ in ("nsubj", "nsubjpass") and token.head.i == head.root.i:
                    return m.actor
            agent = [
                g
                for c in head.root.children
                if c.dep_ == "agent"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if agent and self._stranger(agent[0], quoted):
                # "The move was cheered by Rep. X, a Democrat who ... He said": the passive's
                # doer is the one the story turned to, and no side owns that person
                return None
            doer = self._by_token.get(agent[0].i) if agent else None
            if doer is not None and self._is_person(doer, male) and doer.actor != exclude:
                return doer.actor  # ... or the person of a side it names
            main = [c for c in head.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if main and self._stranger(main[0], quoted):
                # "Senator X of Idaho said ... He said": the one the story last made its
                # subject is a person no side owns, so "he" speaks for no side either
                return None
            if main and main[0].lower_ in (HE if male else SHE) and main[0].i not in quoted:
                # "He tweeted ... He seemed to accept that Trump was pressured ... 'X,' he
                # wrote": a pronoun the story keeps as its subject keeps its person; a name
                # further inside that sentence does not take over
                return self._chained(main[0], male, exclude)
            for m in people:
                # "Kerry spoke with Lavrov on Wednesday, spokeswoman Jen Psaki said. He ...":
                # the main clause only attributes the words; the story's subject is the one
                # its reported clause is about
                token = self.doc[m.end - 1]
                if (
                    token.dep_ == "nsubj"
                    and token.head.dep_ == "ccomp"
                    and token.head.head.i == head.root.i
                    and head.root.lemma_.lower() in _SPEECH
                    and token.head.i < head.root.i
                ):
                    return m.actor
            if people:
                described = self._described(self.doc[people[-1].end - 1], head.start, quoted)
                if described is not None:
                    # "... including Gen. X, Trump's nominee to replace Rogers. 'Y,' he said":
                    # the later names only describe X, the person the story turned to
                    owner = self._by_token.get(described.i)
                    if owner is None or owner.actor is None or not self._is_person(owner, male):
                        return None
                    return owner.actor
                return people[-1].actor
            start = head.start
        return None


__all__ = ["Mention", "PronounResolver"]
