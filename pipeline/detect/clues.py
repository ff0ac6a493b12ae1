"""Clues in the parse that the event finder reads beside a trigger's own arguments.

Who the pair is ("talks between Kerry and Lavrov", "the two sides"), whether a call is the
setting of what one side told the other, whether a harm is held over the other side on a
condition (a threat), whether sanctions are named only as what is being lifted, and whether
an exchange is a prisoner swap.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.detect.arguments import governing_verb, is_dyad, owner_token, reporter, subject
from pipeline.detect.factuality import ACT_NOUN_TYPES, FACT, factuality, inverted_condition
from pipeline.detect.senses import SenseReader
from pipeline.models import ActorRef

WEAK_ROLE = "COUNTRY"  # nationals and things of a side: acted on, never acting
DYAD_ROLE = "_DYAD"  # internal: marks a pair-subject ("the two sides") until it is split

# "officials in both capitals", "delegations from the two countries": the pair by its places
_PAIR_PLACES = {"capitals", "countries", "sides", "governments", "nations"}
# "the ministers", "the leaders" right after both sides' people are named: the pair
PAIR_WINDOW = 2  # sentences back in which "the two sides" must have had both sides named
_PAIR_HEADS = {"leaders", "presidents", "ministers", "delegations"}
# "the two leaders", "the two presidents": the pair a story opens on, however far on
_STORY_PAIR_HEADS = {"leaders", "presidents"}
_OPENING = 2  # the title and the lead's first sentences: where a story names its pair
_WISH = {"want", "like", "love", "hope", "wish", "seek", "ready", "willing", "prepared", "keen",
         "eager", "open"}  # fmt: skip
# the tagger's lemma of "hoped" is sometimes "hop": the word forms are checked as well
_WISH_FORMS = {"hoped", "hopes", "hoping", "wanted", "wants", "wanting", "wished", "wishes"}
_SUGGESTING_MODALS = {"could", "can", "might"}
_BELIEF = {"believe", "think", "feel", "sense", "suspect", "assume", "guess", "impression",
           "feeling", "belief"}  # fmt: skip
_SETTING_AFTER = {"after", "following", "during"}
_MEASURES = {"hour", "day", "week", "minute", "round", "series", "month", "year"}
_ONGOING = {"continue", "keep"}
_ATTEMPTING = {"try", "attempt", "seek"}
# verbs of a meeting's taking place: "talks were held between", "took place between"
_OCCURRING = {"hold", "take", "happen", "occur", "begin", "start", "open", "resume", "continue",
              "end", "conclude", "last", "be"}  # fmt: skip
# removals of people from a country: the country they are removed from does it
_REMOVALS = {"expulsion", "deportation", "ouster", "eviction"}
# Words that name a party, a campaign or its people: what a hack of home politics hits
_PARTISAN = {"democratic", "democrat", "democrats", "republican", "republicans", "dnc", "dccc",
             "rnc", "campaign", "campaigns", "party", "clinton", "podesta", "opponent",
             "opponents", "gop"}  # fmt: skip
_HIT_PREPS = {"into", "of", "on", "against", "from"}  # "hacked into", "the hack of", "an attack on"
# verbs of going somewhere: "went to Moscow for talks with Lavrov"
_TRAVELLING = {"go", "travel", "fly", "head", "come", "arrive", "leave", "return", "jet"}
_PART_PREPS = {"in", "of", "from", "out"}
# Verbs of giving way: a vow not to do them defies the other side's pressure
_GIVING_WAY = {"bow", "yield", "surrender", "capitulate", "submit", "cave", "succumb", "kneel",
               "buckle", "budge", "bend", "retreat", "concede"}  # fmt: skip
_UNDER_DEPS = {"dobj", "pobj", "prep", "pcomp", "compound", "acl", "xcomp"}
_REFUSING_NOUNS = {"plan", "plans", "intention", "intentions", "interest", "desire", "question",
                   "need", "appetite", "reason"}  # fmt: skip
_SUMMONING = {"summon", "invite", "call"}
_LINKING = {"be", "remain", "seem", "look", "appear", "become"}
_MODAL_ADJECTIVES = {"possible", "likely", "unlikely", "impossible", "conceivable", "feasible",
                     "doubtful", "uncertain", "unclear", "probable", "improbable"}  # fmt: skip
_AFFIRMING = {"reaffirm", "affirm", "reconfirm", "declare", "proclaim"}
_OFFICES = {"president", "leader", "premier", "minister", "chancellor", "head", "ambassador",
            "envoy", "secretary", "spokesman", "spokeswoman", "spokesperson"}  # fmt: skip
_CAPTIVITY = {"prisoner", "detainee", "free", "swap", "inmate", "jail", "freed", "prison"}
_COURSE_VERBS = {"end", "begin", "last", "start", "open", "conclude", "wrap", "finish",
                 "resume", "continue", "drag", "run"}  # fmt: skip
_UNREAL_WORDS = {"would", "could", "might", "may", "should", "must", "can", "ca", "shall",
                 "will", "if", "whether", "unless"}  # fmt: skip
_MODIFIER_DEPS = {"conj", "nmod", "amod", "compound", "cc", "appos"}
# "the offer went unanswered", "the proposal was ignored": an offer left without an answer
_UNANSWERED = {"unanswered", "unacknowledged", "unheeded", "unreciprocated", "ignored", "hanging"}
_UNANSWERING = {"ignore", "rebuff", "spurn", "snub", "disregard", "reject", "dismiss"}
_LEFT = {"go", "remain", "stay", "be", "get", "lie", "leave"}


# Auxiliaries of a clause's own future
_WILL = {"will", "would", "'ll", "shall", "wo"}
# Prepositions that make a meeting noun the topic of something else ("his handling of the
# summit with Putin", "resigned over conversations with the ambassador")
_TOPIC_PREPS = {"of", "over", "about", "on", "from", "regarding", "concerning"}


class Clues(SenseReader):
    """Parse clues around a trigger, for `EventFinder`."""

    def _actor_or_dyad(self, tok: Token) -> ActorRef | None:
        if (is_dyad(tok) or self._pair_phrase(tok) or self._pair_they(tok)) and self._pair_in_view(
            tok
        ):
            # "the two leaders": the pair acts; each side is named by its country
            code = self.sides[0]
            return ActorRef(self.ctx.dictionary.countries[code].name, code, DYAD_ROLE)
        return self.ctx.actor_of(tok) or self._office_of(tok)

    def _pair_subject(self, tok: Token) -> bool:
        # "when the two spoke by phone": the pair just named, taken up
        return is_dyad(tok) or (self._pair_phrase(tok) and self._pair_in_view(tok))

    def _pair_in_view(self, tok: Token) -> bool:
        """ "The two leaders", "both sides" stand for the watched pair only where the text
        has just named a person or body of each side (this sentence or the two before): in a
        story that turns to Moscow and Beijing, or to Syria's warring parties, they are those."""
        index = self.ctx.sentence_index(tok.i)
        start = self.ctx.sentences[max(0, index - PAIR_WINDOW)].start
        # people of a side out of office, or its nationals, name it as well as its officials
        named = {actor.country for _, actor in self.ctx.actors_in(start, tok.sent.end)}
        return named >= set(self.sides) or self._leaders_of_story(tok)

    def _leaders_of_story(self, tok: Token) -> bool:
        """ "The two leaders met privately" further on in a story whose opening named the
        pair's leaders: the two leaders are the story's, so long as no one of another country
        is named from the opening on (a place is no one)."""
        if not is_dyad(tok) or tok.lower_ not in _STORY_PAIR_HEADS:
            return False
        sentences = self.ctx.sentences
        opening_end = sentences[min(len(sentences) - 1, _OPENING)].end
        if opening_end > tok.i:
            return False
        opening = {actor.country for _, actor in self.ctx.actors_in(0, opening_end)}
        if not opening >= set(self.sides):
            return False
        # places ("in the Finnish capital") are where they met, not a third party
        named = {
            actor.country
            for _, actor in self.ctx.actors_in(0, tok.sent.end)
            if actor.role != WEAK_ROLE
        }
        return named <= set(self.sides)

    def _pair_they(self, tok: Token) -> bool:
        """ "The two ministers held a dinner. Afterwards they said they had agreed ...": a
        "they" leading a sentence (or the clause its own "they" says) after one whose subject
        is the pair takes up the pair."""
        if tok.lower_ != "they" or tok.dep_ != "nsubj":
            return False
        if self._pair_named_before(tok):
            return True
        head = tok.head
        while head.dep_ in ("ccomp", "conj") and head.head.i != head.i:
            head = head.head
            if any(c.dep_ == "nsubj" and c.lower_ != "they" for c in head.children):
                return False  # "Lavrov said they ...": someone else's clause
        if head.dep_ != "ROOT" or tok.sent.start == 0:
            return False
        prev = self.ctx.doc[tok.sent.start - 1].sent
        for subj in prev.root.children:
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if is_dyad(subj) or self._pair_phrase(subj):
                return True
            named = {self.ctx.actor_of(t) for t in (subj, *subj.conjuncts)} - {None}
            sides = {a.country for a in named if a is not None and a.role != WEAK_ROLE}
            return sides >= set(self.sides)
        return False

    def _pair_named_before(self, tok: Token) -> bool:
        """ "Despite the low trust between the US and Russia, they were prepared ...", "Russia
        argued with the United States about the agreement they struck": earlier in the
        pronoun's sentence the two sides are named together, coordinated or one "with" the
        other, and nothing else plural is named in between."""
        sent = tok.sent
        for left in sent:
            if left.i >= tok.i:
                break
            partners = list(left.conjuncts)
            if left.dep_ in ("nsubj", "nsubjpass"):
                partners += [
                    p
                    for prep in left.head.children
                    if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < tok.i
                    for p in prep.children
                    if p.dep_ == "pobj"
                ]
            named = {self.ctx.actor_of(t) for t in (left, *partners) if t.i < tok.i} - {None}
            sides = {a.country for a in named if a is not None and a.role != WEAK_ROLE}
            if sides >= set(self.sides):
                last = max(t.i for t in (left, *partners) if t.i < tok.i)
                return not any(
                    t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "them")
                    for t in self.ctx.doc[last + 1 : tok.i]
                )
        return False

    def _pair_phrase(self, tok: Token) -> bool:
        """ "Officials in both capitals", "the two", and "the ministers" or "the leaders" just
        after a sentence that named both sides' people: phrases that stand for the pair."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of"):
                continue
            for place in prep.children:
                if (
                    place.dep_ == "pobj"
                    and place.lower_ in _PAIR_PLACES
                    and any(c.lower_ in ("two", "both") for c in place.children)
                ):
                    return True
        # "the ministers", "the two ministers"
        kids = [
            c
            for c in tok.children
            if c.dep_ != "punct" and not (c.dep_ == "nummod" and c.lower_ in ("two", "2"))
        ]
        if len(kids) != 1 or kids[0].dep_ != "det" or kids[0].lower_ != "the":
            return False
        if tok.lower_ == "two" and tok.dep_ == "nsubj":
            return True  # "the two rode together"
        if tok.lower_ == "sides":
            return True  # "the sides agreed": in a story about the pair, the pair
        if tok.lower_ not in _PAIR_HEADS:
            return False
        index = self.ctx.sentence_index(tok.i)
        start = self.ctx.sentences[max(0, index - 1)].start
        named = {
            actor.country
            for _, actor in self.ctx.actors_in(start, tok.i)
            if actor.role != WEAK_ROLE and actor.country in self.sides
        }
        return named == set(self.sides)

    @staticmethod
    def _modifiers(head: Token) -> list[Token]:
        """Tokens that modify a noun phrase's head directly or through coordination, not
        through clauses or prepositions ("senior U.S. and Russian officials")."""
        out: list[Token] = []
        frontier = [head]
        while frontier:
            node = frontier.pop()
            for child in node.children:
                if child.dep_ in _MODIFIER_DEPS:
                    out.append(child)
                    frontier.append(child)
        return out

    def _subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """`subject`, or for a main verb left without one, the actors the parser coordinated
        into the sentence's opening phrase ("In Prague, Obama and Medvedev signed ...")."""
        subj, passive = subject(verb)
        if subj is not None or passive:
            return subj, passive
        return self._stranded_subject(verb), False

    def _stranded_subject(self, verb: Token) -> Token | None:
        """ "After talks in Geneva, Kerry and Lavrov announced": the parser hangs the names on
        "Geneva" as its conjuncts and leaves the verb without a subject. The first actor of
        the coordination that ends just before the verb stands in for the subject."""
        if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
            return None
        described = self._described_subject(verb)
        if described is not None:
            return described
        inner = {
            t.i
            for c in verb.children
            if c.i < verb.i
            and c.dep_ in ("prep", "advmod", "npadvmod", "aux", "neg")
            and c.i > verb.i - 6
            for t in c.subtree
        }
        last = None
        for t in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
            if t.i in inner or t.is_punct:
                continue
            last = t
            break
        if last is None or last.dep_ != "conj" or self.ctx.actor_of(last) is None:
            return None
        chain = [last]
        while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        actors = [t for t in reversed(chain) if self.ctx.actor_of(t) is not None]
        return actors[0] if len(actors) >= 2 else None

    def _described_subject(self, verb: Token) -> Token | None:
        """ "Trump, who before he took office promised warmer ties, last week congratulated
        him": a relative clause set off between a name and its verb leads the parser to hang
        the relative clause's last verb on the main one as its complement, with the name as
        that complement's subject. The name, described by the relative clause, is the main
        verb's subject."""
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i > verb.i:
                continue
            if any(c.dep_ == "mark" for c in clause.children):
                return None
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ != "PROPN" or self.ctx.actor_of(subj) is None:
                return None
            relative = [c for c in subj.children if c.dep_ == "relcl"]
            if not relative or subj.i + 1 >= len(subj.doc) or subj.nbor(1).lower_ != ",":
                return None
            if not any(t.lower_ == "," and clause.i < t.i < verb.i for t in verb.sent):
                return None  # the described name and its verb are set off by a closing comma
            return subj
        return None

    def _speaker_pronoun(self, subj: Token) -> bool:
        """ "The Journal said it denies the allegations": "it" or "they" under a speech verb
        whose subject is no actor refers to that speaker, so the act is no side's."""
        if subj.lower_ not in ("it", "they"):
            return False
        node = subj.head
        for _ in range(4):
            if node.dep_ in ("ccomp", "conj", "xcomp") and node.head.i != node.i:
                node = node.head
                if node.lemma_.lower() in self.lex.speech_verbs:
                    speaker, passive = subject(node)
                    return (
                        speaker is not None
                        and not passive
                        and speaker.pos_ in ("NOUN", "PROPN")
                        and self.ctx.actor_of(speaker) is None
                    )
            else:
                return False
        return False

    def _relative_fact(self, verb: Token) -> bool:
        """An act in a relative clause is asserted whatever its host clause denies: "had not
        forgotten Whelan, whom Russia has refused to include". True when the act's own clause
        chain up to the relative clause carries no negation, modal, condition or wish."""
        node = verb
        for _ in range(4):
            kids = list(node.children)
            if any(c.dep_ == "neg" for c in kids) or any(
                c.dep_ in ("aux", "mark") and c.lower_ in _UNREAL_WORDS for c in kids
            ):
                return False
            if node.dep_ == "relcl":
                return not node.sent.text.rstrip().endswith("?")
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.lex.hypothetical_heads:
                return False
        return False

    @staticmethod
    def _noun_holder(verb: Token) -> Token | None:
        """ "Moscow had no intention of meeting them": the one who has the intention, plan
        or desire an "of"-clause hangs on acts in it."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "of":
            return None
        noun = prep.head
        if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "attr"):
            return None
        holder, passive = subject(noun.head)
        return None if passive else holder

    @staticmethod
    def _scheduled(verb: Token) -> bool:
        """ "Are expected to meet", "is set to visit", "are scheduled to hold talks": a
        meeting on the calendar, which counts as one."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i:
            return False
        kids = list(head.children)
        if any(c.dep_ == "neg" for c in kids):
            return False
        lemma = head.lemma_.lower()
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
        # "he plans to meet Putin on the sidelines": a meeting its party says is planned
        planned = lemma == "plan" and head.tag_ in ("VBZ", "VBP") and not passive
        return (
            (lemma in ("expect", "schedule", "set", "slate") and passive)
            or lemma == "due"
            or planned
        )

    def _talks_taken_up(self, tok: Token) -> tuple[ActorRef, ActorRef] | None:
        """ "Talks ended after about three hours": meetings whose course a sentence reports
        (they began, ended, lasted) with no party named, right after sentences naming a
        person or body of each side, are theirs."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _COURSE_VERBS:
            return None
        if any(
            c.dep_ == "neg"
            or (c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may"))
            for c in verb.children
        ):
            return None
        sent = tok.sent
        if self.ctx.actors_in(sent.start, sent.end):
            return None  # a party is named here: the usual rules apply
        index = self.ctx.sentence_index(tok.i)
        start = self.ctx.sentences[max(0, index - 2)].start
        found: dict[str, ActorRef] = {}
        for _, actor in self.ctx.actors_in(start, sent.start):
            if actor.role == WEAK_ROLE:
                continue
            if actor.country not in self.sides:
                return None  # a third party was named: the talks may be with it
            found.setdefault(actor.country, actor)
        if set(found) != set(self.sides):
            return None
        return found[self.sides[0]], found[self.sides[1]]

    def _met_with(self, tok: Token) -> tuple[ActorRef, ActorRef] | None:
        """ "a scheduled meeting with Putin in Helsinki", "took place between the NATO summit
        and a meeting with Putin": a meeting named with its partner of one watched side and
        no owner or subject; the other party is the one of the other side the story is
        following, named before it in the sentence or in the two sentences before, with no
        third party named in between (the meeting may be with that one)."""
        node = tok
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ in _TOPIC_PREPS:
            return None  # "resigned over a call with the ambassador": the meeting as a topic
        if node.dep_ == "dobj" and node.head.lemma_.lower() not in self.lex.light_verbs:
            return None  # "reports detailing conversations with Kislyak": told of, not held
        if node.dep_ == "pobj":
            holder = node.head.head
            if holder.pos_ == "ADJ":
                return None  # "open to talks with Washington", "ready for a summit": a wish
            if holder.pos_ == "NOUN" and any(
                sense.type != "CONSULT" for sense in self.senses(holder)
            ):
                return None  # "a call for talks with Moscow", "an invitation to a summit"
        partner: ActorRef | None = None
        inside: set[int] = set()
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "with":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                inside.update(t.i for t in prep.subtree)
                for node in [pobj, *pobj.conjuncts]:
                    actor = self.ctx.actor_of(node)
                    if actor is None or actor.role == WEAK_ROLE:
                        continue
                    if actor.country not in self.sides:
                        return None  # "with both Kim and Putin": not the pair's alone
                    partner = partner or actor
        if partner is None:
            return None
        other = next(code for code in self.sides if code != partner.country)
        index = self.ctx.sentence_index(tok.i)
        start = self.ctx.sentences[max(0, index - 2)].start
        for at, actor in reversed(self.ctx.actors_in(start, tok.i)):
            if at in inside or actor.role == WEAK_ROLE:
                continue
            mention = self.ctx.mention_at(at)
            head = self.ctx.doc[at : mention.end if mention is not None else at + 1].root
            if head.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue  # a place or a party to something else, not one who acts
            if head.dep_ == "nsubj" and head.head.lemma_.lower() in self.lex.speech_verbs:
                if actor.country not in self.sides:
                    return None  # "Ecuador's minister said his government held talks with"
                continue  # "Trump said the meeting with Putin ...": the one who speaks of it
            if actor.country == other:
                return actor, partner
            if actor.country != partner.country:
                return None  # a third party comes nearer: the meeting may be its
        return None

    def _official_side(self, subj: Token, actor: ActorRef | None) -> ActorRef | None:
        """ "The U.S. and Russian foreign ministers": officials the resolver knows only by
        their side's name act for their government, not as its nationals."""
        if actor is None or actor.role != WEAK_ROLE or self.ctx.mention_at(subj.i) is not None:
            return actor
        role = self.ctx.dictionary.role_nouns.get(
            subj.lower_
        ) or self.ctx.dictionary.role_nouns.get(subj.lemma_.lower())
        if role is None or role == WEAK_ROLE or actor.country not in self.sides:
            return actor
        country = self.ctx.dictionary.countries[actor.country]
        return ActorRef(country.name, country.code, "GOVERNMENT")

    def _summoner(self, verb: Token) -> ActorRef | None:
        """ "Was summoned to the State Department", "invited to the Kremlin": the body one is
        summoned or invited to does the summoning."""
        if verb.lemma_.lower() not in _SUMMONING:
            return None
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            for pobj in prep.children:
                actor = self.ctx.actor_of(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.role != WEAK_ROLE and actor.country in self.sides:
                    return actor
        return None

    def _coordinated_actor(self, subj: Token) -> ActorRef | None:
        """ "He, his employer and the U.S. government deny the charge": when the first of
        coordinated subjects is no actor of a side, a later one that is acts."""
        for tok in self._modifiers(subj):
            if tok.dep_ not in ("conj", "appos"):
                continue
            actor = self.ctx.actor_of(tok)
            if actor is not None and actor.role != WEAK_ROLE and actor.country in self.sides:
                return actor
        return None

    def _speaker_of_conjoined(self, verb: Token) -> ActorRef | None:
        """ "Putin said the talks had gone well, and praised Trump": a verb the parser joined
        to the reported clause, whose subject is a thing, belongs to the speaker."""
        head = verb.head
        if (
            verb.dep_ != "conj"
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            or head.dep_ != "ccomp"
            or (
                head.head.lemma_.lower() not in self.lex.speech_verbs
                and head.head.lemma_.lower() not in _AFFIRMING
            )
        ):
            return None
        speaker, passive = subject(head.head)
        if speaker is None or passive:
            return None
        actor = self._actor_or_dyad(speaker)
        return actor if actor is not None and actor.role != WEAK_ROLE else None

    def _office_of(self, tok: Token) -> ActorRef | None:
        """ "The president of Russia", "the foreign minister of the United States": an office
        named by the country it is of acts for that country's government."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _OFFICES:
            return None
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                actor = self.ctx.actor_of(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.country in self.sides:
                    country = self.ctx.dictionary.countries[actor.country]
                    return ActorRef(country.name, country.code, "GOVERNMENT")
        return None

    def _pair_in_sentence(self, tok: Token) -> bool:
        """The sentence names the pair as a pair: "the two sides", "the sides"."""
        return any(
            is_dyad(t) or self._pair_phrase(t) for t in tok.sent if t.pos_ in ("NOUN", "NUM")
        )

    def _after_talks(self, tok: Token) -> bool:
        """ "After six hours of talks", "following talks in Geneva": talks the setting
        presupposes, whatever the modality of the clause the parser hangs them on."""
        node = tok
        if node.dep_ == "pobj" and node.head.lower_ == "of":
            measure = node.head.head
            if measure.lemma_.lower() not in _MEASURES:
                return False
            node = measure
        return node.dep_ == "pobj" and node.head.lower_ in _SETTING_AFTER

    def _continued(self, tok: Token, nominal: bool) -> bool:
        """ "Will continue to call for the release": an act said to go on is under way."""
        verb = governing_verb(tok) if nominal else tok
        if verb is None or verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _ONGOING:
            return False
        head = verb.head
        kids = list(head.children)
        if any(c.dep_ == "neg" for c in kids) or head.sent.text.rstrip().endswith("?"):
            return False
        if any(
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for c in kids
        ):
            return False
        return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would") for c in kids)

    def _attempted(self, verb: Token) -> bool:
        """ "Tried to persuade Moscow to", "is trying to press Russia": an attempt to bring
        the other side round is made by asking, whether or not it succeeds."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.lemma_.lower() not in _ATTEMPTING:
            return False
        return factuality(head, False, "REQUEST", self.lex) == FACT

    def _wished(self, tok: Token, nominal: bool) -> bool:
        """A meeting or cooperation wished for or put forward rather than held: "wants to
        meet", "would like to talk", "hoped to establish dialogue", "sought talks", "said he
        and Trump could meet in Japan"."""
        return self._wish_head(tok, nominal) is not None

    def _wish_head(self, tok: Token, nominal: bool) -> Token | None:
        """The word of wishing or readiness an act sits under (the act itself for a
        suggesting modal), or None when the act is not voiced as wished or put forward."""
        verb = tok
        if nominal:
            verb = tok.head
            if tok.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
                return None
            if self._wish_word(verb) and not self._negated_word(verb):
                return verb if self._wish_stands(verb) else None  # "sought a meeting"
        if self._negated_word(verb):
            return None
        node = verb
        for _ in range(4):
            if node.dep_ not in ("xcomp", "acomp", "conj") or node.head.i == node.i:
                break
            below, node = node, node.head
            if self._wish_word(node):
                if any(c.dep_ == "nsubj" for c in below.children) or any(
                    c.dep_ == "dobj" and self.ctx.actor_of(c) is not None for c in node.children
                ):
                    return None  # "wanted Washington to start talks": asked of the other side
                stands = not self._negated_word(node) and self._wish_stands(node)
                return node if stands else None
            if self._negated_word(node):
                return None
        if nominal:
            return None
        # "he and Trump could meet in Japan", reported: a meeting put forward
        suggested = (
            tok.dep_ == "ccomp"
            and tok.head.lemma_.lower() in self.lex.speech_verbs
            and any(c.dep_ == "aux" and c.lower_ in _SUGGESTING_MODALS for c in tok.children)
            and not any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in tok.children)
            and not tok.sent.text.rstrip().endswith("?")
        )
        return tok if suggested else None

    def _only_possible(self, tok: Token) -> bool:
        """ "A summit remained possible", "talks are unlikely": a meeting judged possible."""
        head = tok.head
        if tok.dep_ != "nsubj" or head.lemma_.lower() not in _LINKING:
            return False
        return any(
            c.dep_ == "acomp" and c.lemma_.lower() in _MODAL_ADJECTIVES for c in head.children
        )

    def _wish_stands(self, wish: Token) -> bool:
        """The wish itself was voiced: not under a condition, a question or a denial ("if
        Putin wants to meet", "denied that he wanted talks")."""
        return factuality(wish, False, "AGREE", self.lex) == FACT

    @staticmethod
    def _wish_word(tok: Token) -> bool:
        return tok.lemma_.lower() in _WISH or tok.lower_ in _WISH or tok.lower_ in _WISH_FORMS

    @staticmethod
    def _negated_word(tok: Token) -> bool:
        return any(c.dep_ == "neg" for c in tok.children)

    def _called_off(self, tok: Token) -> bool:
        """A meeting named as what a refusal acts on: "suspended its participation in the
        talks", "pulled out of the negotiations". The refusal is the event, not the talks."""
        node = tok
        for _ in range(4):
            if node.head.i == node.i or node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass"):
                return False
            if node.dep_ == "prep" and node.lower_ not in _PART_PREPS:
                return False
            node = node.head
            if node.pos_ == "VERB":
                return any(
                    sense.type == "REJECT" and self._fits(node, sense)
                    for sense in self.senses(node)
                )
        return False

    def _under_no(self, tok: Token) -> str | None:
        """A meeting or exchange under a noun determined by "no": "no plans for a summit"
        refuses it ('refused'), "no signals on resuming a dialogue", "no date for a meeting"
        deny it ('not'); None when there is no such noun."""
        node = tok
        for _ in range(5):
            if node.head.i == node.i or node.dep_ not in _UNDER_DEPS:
                return None
            rel, node = node.dep_, node.head
            if node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children
            ):
                # a finite clause has its own factuality, but "saw no signals on resuming
                # talks" puts the "no" on the object beside the prepositional phrase
                if rel == "prep" and any(
                    c.dep_ == "dobj"
                    and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
                    for c in node.children
                ):
                    return "not"
                return None
            if node.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in node.children
            ):
                return "refused" if node.lemma_.lower() in _REFUSING_NOUNS else "not"
        return None

    def _standing_offer(self, tok: Token) -> ActorRef | None:
        """ "Ushakov said the invitation to Obama remained in force": an offer to one side,
        reported by the other, is the reporter's side's offer."""
        addressees = [
            self.ctx.actor_of(p)
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("to", "for")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        # "the invitation for Obama to visit": the one invited is the clause's subject
        addressees += [
            self.ctx.actor_of(p)
            for c in tok.children
            if c.dep_ in ("acl", "relcl")
            for p in c.children
            if p.dep_ == "nsubj"
        ]
        addressee = next((a for a in addressees if a is not None), None)
        if addressee is None or addressee.country not in self.sides:
            return None
        speaker = reporter(self.ctx, tok, self.lex.speech_verbs)
        if speaker is None or speaker.role == WEAK_ROLE or speaker.country not in self.sides:
            return None
        return speaker if speaker.country != addressee.country else None

    def _own_endorsement(self, tok: Token, source: ActorRef) -> bool:
        """ "Declined to endorse his own agencies' finding": what a refusal to back or accept
        turns down is its own side's, not an offer from the other side."""
        for comp in tok.children:
            if comp.dep_ != "xcomp" or not any(
                sense.type in ("SUPPORT", "AGREE") for sense in self.senses(comp)
            ):
                continue
            for obj in comp.children:
                if obj.dep_ != "dobj":
                    continue
                owner = self.ctx.actor_of(obj)
                if owner is None:
                    holder = owner_token(obj)
                    owner = self.ctx.actor_of(holder) if holder is not None else None
                if owner is not None and owner.country == source.country:
                    return True
        return False

    def _vowed_refusal(self, verb: Token) -> bool | None:
        """A vow or pledge of what one will not do: True when what is refused is giving way
        ("vowed that Moscow would not bow to pressure"), False for other negated pledges,
        None when the pledge is not negated."""
        for comp in verb.children:
            if comp.dep_ != "ccomp" or not any(c.dep_ == "neg" for c in comp.children):
                continue
            lemma = comp.lemma_.lower()
            return lemma in _GIVING_WAY or any(s.type == "CONCEDE" for s in self.senses(comp))
        return None

    def _believed_by_other(self, tok: Token, source: ActorRef) -> bool:
        """An offer the other side only believes was made: "Dmitriev said he believed the
        new administration was ready to listen"."""
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                return False
            head = node.head
            if node.dep_ in ("ccomp", "acl") and head.lemma_.lower() in _BELIEF:
                holder_verb = head.head if head.pos_ == "NOUN" else head
                holder, passive = subject(holder_verb)
                if holder is None or passive:
                    return False
                actor = self.ctx.actor_of(holder)
                return actor is not None and actor.country != source.country
            node = head
        return False

    def _eased(self, tok: Token) -> bool:
        """A sanction named as what a verb of easing acts on ("lifted", "easing sanctions")."""
        head = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass", "conj") or head.i == tok.i:
            return False
        if tok.dep_ == "conj":
            head = head.head  # "lifted the ban and sanctions"
        return any(sense.type == "CONCEDE" for sense in self.senses(head))

    def _force_to_come(self, tok: Token, nominal: bool) -> bool:
        """An attack in a clause of its own future ("would shoot down", "will strike", "is
        going to launch strikes"), not done yet."""
        verb = tok.head if nominal else tok
        if nominal and (tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.light_verbs):
            return False
        if verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" for c in verb.children):
            return False
        return any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children) or (
            verb.dep_ == "xcomp" and verb.head.lower_ == "going"
        )

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
            (
                c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            )
            or inverted_condition(c)  # "should Moscow move its troops, we will impose"
            for h in holders
            for c in h.children
        )

    def _between(self, tok: Token) -> tuple[ActorRef, ActorRef] | None:
        """The two watched sides named after "between" ("a call between the presidents")."""
        found: dict[str, ActorRef] = {}
        # "talks were held on Monday between", "conversations that took place between": the
        # parser hangs the pair on the verb of the meeting's taking place
        holders = [tok]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _OCCURRING:
            holders.append(tok.head)
        holders += [c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _OCCURRING]
        for prep in [c for h in holders for c in h.children] + self._between_after(tok):
            if prep.dep_ != "prep" or prep.lower_ != "between":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if is_dyad(pobj) and self._pair_in_view(pobj):
                    # "military talks between their two countries", with the pair just named
                    sides = [self.ctx.dictionary.countries[code] for code in self.sides]
                    return (
                        ActorRef(sides[0].name, sides[0].code, "GOVERNMENT"),
                        ActorRef(sides[1].name, sides[1].code, "GOVERNMENT"),
                    )
                for node in [pobj, *pobj.conjuncts, *self._pair_in_name(pobj)]:
                    actor = self.ctx.actor_of(node)
                    if actor is not None and actor.role != WEAK_ROLE:
                        found.setdefault(actor.country, actor)
        if set(found) >= set(self.sides):
            return found[self.sides[0]], found[self.sides[1]]
        return self._pair_modifier(tok)

    @staticmethod
    def _between_after(tok: Token) -> list[Token]:
        """ "raises the stakes for a summit next week between Trump and Putin": a "between"
        phrase right after the meeting's own phrase (past a date) that the parser hung on
        another word of the clause."""
        doc, at = tok.doc, tok.right_edge.i + 1
        while at < tok.sent.end and doc[at].ent_type_ in ("DATE", "TIME"):
            at += 1
        if at < tok.sent.end and doc[at].lower_ == "between" and doc[at].head.i != tok.i:
            return [doc[at]]
        return []

    @staticmethod
    def _pair_in_name(pobj: Token) -> list[Token]:
        """ "between Trump and Russian President Vladimir Putin": the parser makes the first
        of the pair a modifier inside the second's name, coordinated with its title."""
        return [
            node
            for mod in pobj.children
            if mod.dep_ in ("nmod", "compound") and mod.i < pobj.i
            for first in mod.subtree
            if any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children)
            for node in (first, *first.conjuncts)
        ]

    def _pair_modifier(self, tok: Token) -> tuple[ActorRef, ActorRef] | None:
        """ "the Lavrov-Rubio meeting", "U.S.-Russia talks", "a Russian-American swap": the
        two watched sides named in the noun's own modifiers, hyphenated or not."""
        found: dict[str, ActorRef] = {}
        for mod in tok.children:
            if mod.dep_ not in ("compound", "amod", "nmod") or mod.i > tok.i:
                continue
            for node in [mod, *(g for g in mod.subtree if g.dep_ in ("compound", "amod"))]:
                actor = self.ctx.actor_of(node)
                if actor is not None and actor.role != WEAK_ROLE:
                    found.setdefault(actor.country, actor)
                elif "-" in node.text:
                    for part in node.text.split("-"):
                        code = self._side_word(part)
                        if code is not None and code not in found:
                            country = self.ctx.dictionary.countries[code]
                            found[code] = ActorRef(country.name, code, "GOVERNMENT")
        if set(found) >= set(self.sides):
            return found[self.sides[0]], found[self.sides[1]]
        return None

    def _side_word(self, word: str) -> str | None:
        """The watched side a country name or adjective ("U.S.", "Russian") stands for."""
        surfaces = self.ctx.dictionary.surfaces
        for entry in surfaces.get((word, True), []) + surfaces.get((word.lower(), False), []):
            if entry.kind in ("country", "adjective") and entry.ref in self.sides:
                return entry.ref
        return None

    def _told_other(self, verb: Token) -> bool:
        """ "Biden told Putin in a call", "Kerry and Lavrov announced after talks": the
        speech verb's addressee or co-speaker is the other side, so the call is theirs."""
        subj, passive = self._subject_of(verb)
        if subj is None or passive:
            return False
        speaker = self._actor_or_dyad(subj)
        if speaker is None or speaker.role == WEAK_ROLE:
            return False
        if speaker.role == DYAD_ROLE:
            return True
        others = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + list(subj.conjuncts)
        return any(self._of_other_side(other, speaker) for other in others)

    def _of_other_side(self, tok: Token, speaker: ActorRef) -> bool:
        """`tok` names someone of the watched side that is not the speaker's."""
        actor = self.ctx.actor_of(tok)
        return (
            actor is not None
            and actor.role != WEAK_ROLE
            and actor.country in self.sides
            and actor.country != speaker.country
        )

    def _call_with_other(self, noun: Token, verb: Token) -> bool:
        """ "In a call to Lavrov, Kerry stressed ...", "after talks with Lavrov, Kerry said":
        the call or talks name the other side as the one talked with, so they are the pair's
        whatever the speech verb tells."""
        subj, passive = self._subject_of(verb)
        speaker = self._actor_or_dyad(subj) if subj is not None and not passive else None
        if speaker is None or speaker.role == WEAK_ROLE:
            return False
        return any(
            pobj.dep_ == "pobj" and self._of_other_side(pobj, speaker)
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to")
            for pobj in prep.children
        )

    def _travelled_for(self, noun: Token, kind: str) -> Token | None:
        """ "Will go to Helsinki for a summit with Putin", "flew to Moscow for talks with
        Lavrov": a trip made for a meeting that names its partner puts the traveller at it;
        a purpose with no partner ("recalled for consultations") does not."""
        prep = noun.head
        if kind != "CONSULT" or noun.dep_ != "pobj" or prep.lower_ != "for":
            return None
        verb = prep.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TRAVELLING:
            return None
        partner = any(
            pobj.dep_ == "pobj" and self._names_a_side(pobj)
            for child in noun.children
            if child.dep_ == "prep" and child.lower_ == "with"
            for pobj in child.children
        )
        return verb if partner else None

    def _names_a_side(self, tok: Token) -> bool:
        actor = self.ctx.actor_of(tok)
        return actor is not None and actor.role != WEAK_ROLE and actor.country in self.sides

    def _nominal_agent(self, noun: Token, kind: str) -> Token | None:
        """Who carries out an act named as a noun, after "by" ("the expulsion of diplomats
        by Washington") or, for a removal, the state removed from ("the expulsion of 35
        diplomats from the United States")."""
        if kind not in ACT_NOUN_TYPES:
            return None
        preps = {"by", "from"} if noun.lemma_.lower() in _REMOVALS else {"by"}
        # the parser often hangs the phrase on the noun's "of" object ("of diplomats by")
        objects = [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
        ]
        for prep in [g for h in (noun, *objects) for g in h.children]:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                actor = self.ctx.actor_of(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.role != WEAK_ROLE and actor.country in self.sides:
                    return pobj
        return None

    def _attack_of(self, tok: Token) -> Token | None:
        """The attack word in what the trigger accuses of, when the word is used in its sense
        of an attack ("of hacking", "for the hack"; not "of targeting Russia with sanctions"
        nor "compromising information")."""
        # "blamed Moscow's spy service for the hack": the reason may hang on the one blamed
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        for child in [*tok.children, *(g for o in objects for g in o.children)]:
            if child.dep_ not in ("prep", "pcomp", "xcomp", "advcl"):
                continue
            for sub in child.subtree:
                for sense in self.senses(sub):
                    if sense.type == "ASSAULT" and sense.mode == "cyber" and self._fits(sub, sense):
                        return sub  # attributed hacks; strikes are mostly on third parties
        return None

    def party_hacked(self, attack: Token) -> bool:
        """What a hack hits is a party or a campaign, not the state: "hacked the DNC",
        "hacking Democratic email accounts", "the hack of the Clinton campaign", "it had been
        hacked" (said of the party). An attack on home politics is the other side's meddling
        in it, which the charge codes; the attack itself is no act on the government."""
        hit: list[Token] = []
        for child in attack.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                hit.append(child)
            elif child.dep_ == "compound" and attack.pos_ == "NOUN":
                hit.append(child)  # "the DNC hack"
            elif child.dep_ == "prep" and child.lower_ in _HIT_PREPS:
                hit.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        if (
            attack.dep_ == "relcl"
            and attack.head.pos_ in ("NOUN", "PROPN")
            and any(
                c.dep_ == "nsubjpass" and c.lower_ in ("that", "which") for c in attack.children
            )
        ):
            hit.append(attack.head)  # "the committee that was hacked"
        for node in hit:
            for t in node.subtree:
                if t.lower_ in _PARTISAN or t.lower_.rstrip("'s’") in _PARTISAN:
                    return True
                if (
                    t.lower_ in ("it", "its")
                    and t.dep_ in ("nsubjpass", "poss")
                    and self._partisan_subject(attack)
                ):
                    return True
        return False

    def _partisan_subject(self, attack: Token) -> bool:
        """ "the DNC revealed it had been hacked": the pronoun names the party that speaks."""
        node = attack
        while node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
            node = node.head
            for c in node.children:
                if c.dep_ == "nsubj" and any(t.lower_ in _PARTISAN for t in c.subtree):
                    return True
        return False

    def _swap(self, tok: Token, verb: bool = False) -> bool:
        """A prisoner exchange named in a sentence about one of the watched sides (for a
        verb, "was swapped for": a passive with no agent and a "for" of what was given)."""
        words = {t.lemma_.lower() for t in tok.sent}
        if tok.lemma_.lower() not in ("swap", "exchange", "trade"):
            return False
        if verb and not (
            any(c.dep_ == "auxpass" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
        ):
            return False
        if not verb and tok.lemma_.lower() == "trade":
            return False
        if (
            tok.lemma_.lower() == "exchange"
            and not words & _CAPTIVITY
            and not any(self._person_released(t) for t in tok.sent)
        ):
            return False  # "an exchange of notes", "the stock exchange"
        sides = {a.country for _, a in self.ctx.actors_in(tok.sent.start, tok.sent.end)}
        return bool(sides & set(self.sides))

    def _person_released(self, tok: Token) -> bool:
        """ "Fogel's release", "released the teacher": a person set free, not a report."""
        if tok.lemma_.lower() != "release":
            return False
        held = [c for c in tok.children if c.dep_ in ("poss", "dobj", "nsubjpass")]
        return any(c.ent_type_ == "PERSON" or self.ctx.actor_of(c) is not None for c in held)

    def _joint(self, tok: Token) -> bool:
        """Both sides act: coordinated subjects or "the two sides"."""
        verb = governing_verb(tok) if tok.pos_ == "NOUN" else tok
        subj = self._subject_of(verb)[0] if verb is not None else None
        if subj is None:
            return False
        if is_dyad(subj) or subj.conjuncts:
            return True
        # "U.S. and Russian officials agreed": both sides named inside the subject
        named = {self.ctx.actor_of(t) for t in subj.subtree} - {None}
        return {a.country for a in named if a is not None} >= set(self.sides)

    def _left_unanswered(self, tok: Token) -> bool:
        """ "Moscow's offer went unanswered", "the proposal was ignored", "the invitation fell
        on deaf ears", "the offer was sincere and it had gone unanswered": an offer the one
        it was made to left without an answer (with no agent named; "was rejected by
        Washington" is the verb's own event)."""
        heads = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else []
        # "it" later in the sentence, with no other noun between, takes the offer up again
        for later in tok.sent:
            if later.i <= tok.i or later.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if later.lower_ in ("it", "this", "that") and not any(
                t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass")
                for t in tok.doc[tok.i + 1 : later.i]
            ):
                heads.append(later.head)
        return any(self._unanswering(head) for head in heads)

    @staticmethod
    def _unanswering(head: Token) -> bool:
        kids = list(head.children)
        if any(
            c.dep_ in ("neg", "agent") or c.lower_ in _UNREAL_WORDS
            for c in kids
            if c.dep_ in ("neg", "agent", "aux", "mark")
        ):
            return False
        lemma = head.lemma_.lower()
        if lemma in _UNANSWERING and any(c.dep_ == "nsubjpass" for c in kids):
            return True
        if lemma in _LEFT and any(
            c.dep_ in ("acomp", "oprd", "xcomp", "attr", "advmod") and c.lower_ in _UNANSWERED
            for c in kids
        ):
            return True
        # "fell on deaf ears"
        return lemma == "fall" and any(
            p.lower_ == "ears" and any(a.lower_ == "deaf" for a in p.children)
            for c in kids
            if c.dep_ == "prep"
            for p in c.children
        )


__all__ = ["DYAD_ROLE", "WEAK_ROLE", "Clues"]
