"""Find statements: direct quotes and attributed indirect speech by a watched side's actor.

Direct quotes are found in the raw text (curly or straight, across sentences, and the
news habit of a paragraph that opens a quote and leaves it open for the next one), then
attributed to the speech verb next to them ("..., Peskov said", "Lavrov said: ...",
"saying, ..."). Indirect speech is a speech verb with a clausal complement ("Peskov said
the offer was meant to ..."). One statement per speech verb; the speaker must belong to a
watched side and the statement must be about the other side or the relationship.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Span, Token

from pipeline.detect.arguments import subject
from pipeline.detect.events import EventFinder
from pipeline.detect.found import Found, Quote
from pipeline.detect.lexicon import Sense, cue_counts
from pipeline.detect.positions import _RELATIONSHIP, PositionRules
from pipeline.detect.pronouns import RELATIVE, Mention
from pipeline.models import ActorRef

LOGGER = logging.getLogger(__name__)

_LINE = re.compile(r"[^\n]+")
# Double quotation marks; some papers close a quote with two apostrophes ('’’', "''")
_MARK = re.compile(r'[“”"]|’’|\'\'')
_CLOSING = {"”", "’’", "''"}
_QUOTE_END = ",.?!"  # the punctuation that ends quoted words before their closing mark
_JUDGING_TYPES = {"EVALUATE"}  # "called it nonsense"; accusing and warning verbs are events
_EXPRESS = {"express", "voice", "reiterate", "stress"}
_EXPRESSED = {"concern", "concerns", "regret", "satisfaction", "disappointment", "hope",
              "support", "gratitude", "outrage", "indignation", "objection", "objections",
              "condolences", "confidence", "readiness", "willingness", "interest", "protest",
              "dissatisfaction", "frustration", "alarm", "opposition", "position"}  # fmt: skip
# the links inside a description set beside a name ("X, Undersecretary of Defense for ...")
_DESCRIBING = frozenset({"appos", "prep", "pobj", "compound", "amod", "det", "poss", "case"})
_TELL = {"tell", "assure", "inform", "remind", "warn"}  # speech verbs with a hearer object
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")  # "said extending it made ..."
# "urged Moscow to withdraw", "called on Washington to lift": a demand put in words is a
# statement too (the REQUEST event is coded separately); "accused X of Y" likewise.
_URGE = {"urge", "ask", "press", "implore", "appeal", "demand", "exhort", "beg"}
# A person named with a title ("President Putin", "Mr. Lavrov"): the group is the surname
_TITLED = re.compile(
    r"\b(?:President|Mr|Mrs|Ms|Secretary|Minister|Senator|Ambassador|Chancellor)\.?"
    r"\s+(?:[A-Z][\w'-]+\s+)?([A-Z][\w'-]+)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")
# Courts and judges rule; what they say from the bench is no side's diplomatic statement
_COURT = re.compile(r"\b(?:court|courts|judge|judges|tribunal)\b", re.IGNORECASE)
# Things a side's name can qualify without the side acting or being acted on
_MARKET_NOUNS = {"dollar", "currency", "market", "stock", "share", "bond", "yield", "economy",
                 "inflation", "rate", "future", "index", "open", "championship",
                 "team", "league", "tour"}  # fmt: skip
_BARE_ATTRIBUTION = 12  # tokens of a sentence that is only "Trump tweeted on Thursday."
_ADJACENT = 7  # tokens between a quote and the speech verb that introduces it
# A quote signed after a dash: closing marks, then the dash, then the name
_SIGNATURE = re.compile(r"""[”"’']*[ \t]*(?:—|–|--)[ \t]*(?=[A-Z])""")
_SIGNATURE_TOKENS = 10  # how far into the signature the speaker's name may start
_LONG_NAME = 20  # ... unless they are the speaker's name and post ("Sen. X, R-Texas, said")
# Verbs by which a speaker relays what someone else said to them ("he told me", "he denied it")
_RELAYED = {"say", "tell", "deny", "insist", "assure", "promise", "admit", "state", "add",
            "reply", "answer", "declare"}  # fmt: skip
# Verbs by which a spokesman relays his own side's principal ("President Putin believes that
# ...", "He reiterated our belief that ...", Peskov said): the principal's word too
_RELAYED_OWN = {"reiterate", "believe", "stress", "underscore", "warn"}
# Documents that speak for whoever issued them ("the statement said")
_DOCUMENTS = {"statement", "readout", "communique", "communiqué", "release", "letter",
              "message", "note", "declaration"}  # fmt: skip
_PAIR_SENTENCES = 3  # how far back the two people a pair subject takes up are looked for
# Nouns by which a story takes up two people it named ("both leaders", "the two men"); not
# "the two sources", who were never named
_PAIR_NOUNS = {"leader", "president", "man", "woman", "minister", "diplomat", "senator",
               "lawmaker", "envoy", "counterpart", "statesman", "premier", "hawk", "chief",
               "secretary", "politician", "official"}  # fmt: skip
_DOCUMENT_SENTENCES = 6  # how far back the document's issuer is looked for
# Acts done in words, whose quoted words make a statement ("warned of 'serious repercussions'")
# Modals under which a verb of speech reports nothing said: "should insist", "could argue"
_UNSAID_MODALS = {"should", "could", "might", "may", "must", "ought", "can", "ca"}
_WORDED_ACTS = {"THREATEN", "REQUEST", "ACCUSE"}
_SPEECH_ONLY = frozenset({"clarify", "elaborate", "reassert"})
_CITING = {"cite"}  # "cited a lack of progress": the reason given is the speaker's own words
_SPOKEN_OF = {"warn", "complain"}  # "warned of ...": the words of the warning
_LAYING = {"put", "lay", "place", "pin", "pile"}  # "put the blame for X on Y"
_CHARGE_PREPS = {"for", "of", "on", "over"}  # "blamed X for ...", "blamed the chill on ..."
_SAID_FIRST = {"Added", "Said", "Adds", "Says", "Continued", "Replied"}  # "Added X, \"...\""
_MEDIA_ROLE = "STATE_MEDIA"
_NEWS_VERBS = {"report", "according"}  # "RIA Novosti reported", "according to Tass"
_NAMING = {"call", "describe", "term", "dub", "label", "brand"}  # "what X called \"...\""
# Nouns of speech whose that-clause is what was said ("Lavrov's claim that ...")
_SPEECH_NOUNS = {"claim", "assertion", "accusation", "allegation", "warning", "statement",
                 "remark", "comment", "assurance", "promise", "pledge", "insistence", "argument",
                 "contention", "suggestion", "denial", "charge", "vow", "admission", "complaint",
                 "announcement", "declaration", "prediction", "stance", "position",
                 "view", "assessment", "conclusion", "belief"}  # fmt: skip
# Verbs by which a speaker puts out words of his own ("issued a statement that ...",
# "repeated a warning by the army that ...")
_ISSUING = {"issue", "make", "release", "repeat", "reiterate", "echo", "renew", "publish",
            "deliver", "voice", "level", "lodge", "reaffirm", "restate", "state",
            "outline", "reassert", "defend", "cite"}  # fmt: skip
# "any claim that ...", "no suggestion that ...": words no one is reported to have said
_UNSAID = {"any", "no", "every", "such", "whatever"}


def find_quotes(text: str) -> list[Quote]:
    """Quoted stretches of each line, their marks paired in reading order whatever their
    shape (a curly quote closed by a straight mark, '“Zero collusion," he said', is common in
    scraped text), and quotes left open at a line end."""
    quotes: list[Quote] = []
    for line in _LINE.finditer(text):
        opened: int | None = None
        for mark in _MARK.finditer(text, line.start(), line.end()):
            char = mark.group()
            if opened is None:
                if char not in _CLOSING:  # a closing mark with nothing open is a stray
                    opened = mark.end()
                continue
            if char == "“" and not _closing_opener(text, mark.start(), mark.end()):
                continue  # a curly opener inside an open quote: the first one runs on
            _add_quote(quotes, text, opened, mark.start(), open_ended=False)
            opened = None
        if opened is not None:
            _add_quote(quotes, text, opened, line.end(), open_ended=True)
    return quotes


def _closing_opener(text: str, start: int, end: int) -> bool:
    """ "... before a tyrant,“ said McCain": a curly opener right after the closing
    punctuation of the words and before a space is the closing mark set the wrong way round."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else "\n"
    return before in _QUOTE_END and after.isspace()


def _add_quote(quotes: list[Quote], text: str, start: int, end: int, *, open_ended: bool) -> None:
    body = text[start:end]
    if not body.strip() or (len(body.split()) < 2 and not body.strip().endswith((".", "!", "?"))):
        return
    quotes.append(Quote(start, end, body, None, open_ended))


# Per lexicon (held by its verb table, so an id is never reused while cached): the verbs that
# judge, and those that condemn; listed once, not once per article.
_VERB_CLASSES: dict[int, tuple[object, frozenset[str], frozenset[str]]] = {}


def _verb_classes(verbs: dict[str, tuple[Sense, ...]]) -> tuple[frozenset[str], frozenset[str]]:
    cached = _VERB_CLASSES.get(id(verbs))
    if cached is None or cached[0] is not verbs:
        judging = frozenset(
            lemma
            for lemma, senses in verbs.items()
            if any(sense.type in _JUDGING_TYPES for sense in senses)
        )
        # "condemned the attack as an act of aggression": a judgement with its own words
        condemning = frozenset(
            lemma
            for lemma, senses in verbs.items()
            if any(sense.type in ("ACCUSE", "SUPPORT", "REJECT") for sense in senses)
        )
        cached = _VERB_CLASSES[id(verbs)] = (verbs, judging, condemning)
    return cached[1], cached[2]


_PERFECT = frozenset({"has", "have", "had"})


class StatementFinder(PositionRules):
    """Attributes quotes and indirect speech in one parsed article."""

    def __init__(self, finder: EventFinder):
        self.finder = finder
        self.ctx = finder.ctx
        self.doc = finder.ctx.doc
        # "clarified that ...", "elaborated that ...": verbs that report words only here,
        # where a that-clause gives the words (no event of their own)
        self.speech = finder.lex.speech_verbs | _SPEECH_ONLY
        self.sides = finder.sides
        self._side_sentence_cache = {}
        self._home_story_cache = {}
        self.judging, self.condemning = _verb_classes(finder.lex.verbs)

    def _speaker(self, verb: Token) -> ActorRef | None:
        if verb.lemma_.lower() == "according":
            for child in self.doc[verb.i + 1].children if verb.i + 1 < len(self.doc) else ():
                return self.ctx.actor_of(child)
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _DOCUMENTS:
            return self._issuer(verb.head)  # "the ministry issued a statement saying ..."
        host = verb.head.head if verb.head.lower_ == "as" else None
        if verb.dep_ == "pcomp" and host is not None and host.lemma_.lower() == "quote":
            # "RIA quoted Ryabkov as saying ...": the words are Ryabkov's
            for child in host.children:
                # "... quoted Ryabkov as saying", "Ryabkov was quoted as saying"
                if child.dep_ in ("dobj", "nsubjpass"):
                    return self.ctx.actor_of(child)
        subj, passive = subject(verb)
        head = verb.head
        if (
            subj is None
            and verb.dep_ == "ccomp"
            and head.lemma_.lower() == "ask"
            and head.i < verb.i
            and not any(c.dep_ == "nsubj" for c in verb.children)
        ):
            # "Peskov, asked whether the swap meant a thaw, said ...": the parser made "asked"
            # the main verb; the one asked is the one who said
            subj, passive = subject(head)
        if subj is None and not passive:
            asked = [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() == "ask"]
            if asked and asked[0].left_edge.i == verb.sent.start:
                # "When asked what ..., Vasily Nebenzya, Russian ambassador to the U.N., said"
                named = self._named_before(verb)
                if named is not None:
                    return named
                # "Asked whether ..., a deputy minister, Sergei Ryabkov, said ...": the parser
                # lost the subject in the question; it is the actor named right before the verb
                for i in range(verb.i - 1, asked[0].i, -1):
                    mention = self.ctx.mention_at(i)
                    if mention is not None and mention.actor is not None:
                        return mention.actor if mention.kind in ("person", "body") else None
                    if self.doc[i].pos_ in ("VERB", "AUX"):
                        break
            if verb.dep_ == "ROOT" and (
                verb.lemma_.lower() in self.speech or self._opens_quote(verb)
            ):
                # "During a hearing, Director of National Intelligence Dan Coats said ...": the
                # parser hung the name on the phrase before it; the speaker is named right
                # before the verb
                return self._named_before(verb)
            if (
                verb.dep_ == "advcl"
                and verb.tag_ == "VBG"
                and verb.lemma_.lower() in self.speech
                and head.dep_ == "ROOT"
                and head.i < verb.i
            ):
                # "..., Clapper and other officials defended the assessment, telling members
                # that ...": the speaking participle's main verb lost its subject the same way
                return self._named_before(head)
        if subj is None or passive:
            return None
        if subj.tag_ == "VBG" and subj.dep_ == "nsubj" and subj.i < verb.i:
            # "Meeting over a beer with Merkel, President Obama revealed ...": the opening
            # participle taken for the subject; the speaker is named right before the verb
            named = self._named_before(verb)
            if named is not None:
                return named
        quoted = self.ctx.quoted_tokens()
        if subj.i in quoted:
            # '"The talks required hard choices," Biden said': the parser may give the verb the
            # quote's subject too; the speaker is the subject outside the quote.
            outside = [c for c in verb.children if c.dep_ == "nsubj" and c.i not in quoted]
            subj = outside[0] if outside else subj
        actor = self.ctx.actor_of(subj)
        if actor is None and subj.pos_ == "NOUN" and subj.lemma_.lower() in _DOCUMENTS:
            return self._document_owner(subj)
        if actor is None:
            pair = self._pair_named(subj)
            if pair:
                return pair[0]
        return actor

    def _pair_named(self, subj: Token) -> list[ActorRef]:
        """ "Both leaders called the talks constructive", "the two men said ...": a pair
        subject takes up the last two people the story named before it (in its sentence or
        the ones just before); the pair's words are credited to the first named, when that
        one is of a watched side and the other is not of the other side (a pair of both
        sides' leaders speaks for neither alone). Unnamed pairs ("two officials said") name
        no one."""
        if (
            subj.tag_ != "NNS"
            or subj.lemma_.lower() not in _PAIR_NOUNS
            or self.ctx.mention_at(subj.i) is not None
        ):
            return []
        words = {
            c.lower_ for c in subj.children if c.dep_ in ("det", "nummod", "predet", "preconj")
        }
        if not ("both" in words or {"the", "two"} <= words):
            return []
        earliest = max(0, self.ctx.sentence_index(subj.i) - _PAIR_SENTENCES)
        start = self.ctx.sentences[earliest].start
        quoted = self.ctx.quoted_tokens()
        # (first place named, who): a known person's actor, else the name of someone the
        # dictionary does not know ("Cameron"), latest first
        seen: list[tuple[int, ActorRef | str]] = []
        for i in range(subj.i - 1, start - 1, -1):
            tok = self.doc[i]
            if i in quoted:
                continue
            mention = self.ctx.mention_at(i)
            who: ActorRef | str | None = None
            if mention is not None and mention.kind == "person" and mention.actor is not None:
                if i != mention.end - 1 or mention.actor.role == "COUNTRY":
                    continue
                who = mention.actor
            elif (
                mention is None
                and tok.ent_type_ == "PERSON"
                and (i + 1 == len(self.doc) or self.doc[i + 1].ent_iob_ != "I")
            ):
                who = tok.text
            if who is None:
                continue
            known = [k for k, (_, w) in enumerate(seen) if w == who]
            if known:
                seen[known[0]] = (i, who)
            elif len(seen) < 2:
                seen.append((i, who))
        if len(seen) != 2:
            return []
        people = [who for _, who in sorted(seen, key=lambda x: x[0])]
        first, second = people
        if not isinstance(first, ActorRef) or first.country not in self.sides:
            return []
        if (
            isinstance(second, ActorRef)
            and second.country in self.sides
            and second.country != first.country
        ):
            return []  # "Kerry and Lavrov" before it: the pair's word is no one side's
        return [first]

    def _opens_quote(self, verb: Token) -> bool:
        """ "X stood by the assessment: \"We have been clear ...\"": the verb's clause ends in
        a colon that opens a quote."""
        doc = self.doc
        for child in verb.children:
            if child.dep_ == "punct" and child.text == ":" and child.i > verb.i:
                after = child.i + 1
                return after < len(doc) and doc[after].is_quote
        return False

    def _named_before(self, verb: Token) -> ActorRef | None:
        """The person or body whose name ends right before the verb (commas and adverbs
        between them allowed), when nothing of the verb's own clause is its subject."""
        i = verb.i - 1
        while i > verb.sent.start and (
            self.doc[i].is_punct and self.doc[i].text == "," or self.doc[i].pos_ == "ADV"
        ):
            i -= 1
        tok = self.doc[i]
        if (
            tok.dep_ == "conj"
            and tok.tag_ == "NNS"
            and any(c.dep_ == "amod" and c.lower_ == "other" for c in tok.children)
            and self.ctx.mention_at(tok.head.i) is not None
        ):
            i = tok.head.i  # "Clapper and other officials said": the one named speaks
            mention = self.ctx.mention_at(i)
            return mention.actor if mention and mention.kind == "person" else None
        mention = self.ctx.mention_at(i)
        if mention is None or mention.kind not in ("person", "body"):
            mention = self._described_before(tok) or mention
        if mention is None or mention.actor is None or mention.kind not in ("person", "body"):
            return None
        if i in self.ctx.quoted_tokens():
            return None
        if self.doc[mention.end - 1].dep_ == "conj":
            return self._first_of_joint(self.doc[mention.end - 1])
        return mention.actor

    def _described_before(self, tok: Token) -> Mention | None:
        """ "..., Marcel Lettre, Undersecretary of Defense for Intelligence, said": the words
        before the verb end a description set beside a name; the name is the one meant."""
        crossed = False
        while not crossed and tok.head.i < tok.i:
            # "Vasily Nebenzya, Russian ambassador to the U.N., said": the parser may join
            # the title to the name as a conjunct
            crossed = tok.dep_ == "appos" or tok.dep_ == "conj" and tok.pos_ == "NOUN"
            if not crossed and tok.dep_ not in _DESCRIBING:
                break
            tok = tok.head
        mention = self.ctx.mention_at(tok.i) if crossed else None
        return mention if mention is not None and mention.kind == "person" else None

    def _first_of_joint(self, last: Token) -> ActorRef | None:
        """ "Clapper, Rogers and Lettre said": a joint word by one side's people is credited to
        the first named; "Kerry and Lavrov announced" is no one side's word."""
        actors = []
        tok = last
        while True:
            mention = self.ctx.mention_at(tok.i)
            if mention is None or mention.actor is None or mention.kind not in ("person", "body"):
                if tok is last or tok.dep_ == "conj" or tok.ent_type_ == "PERSON":
                    return None  # a conjunct no side claims
                break
            actors.append(mention.actor)
            if tok.dep_ != "conj":
                break
            tok = tok.head
        if not actors or len({a.country for a in actors}) != 1:
            return None
        return actors[-1]

    def _document_owner(self, doc_noun: Token) -> ActorRef | None:
        """ "McKeon's statement said", "the statement added": a document speaks for its owner,
        named on it or as the one who issued the document last named ("The ministry issued a
        statement ...", "X said in a statement ...")."""
        for child in doc_noun.children:
            if child.dep_ in ("poss", "compound"):
                owner = self.ctx.actor_of(child, 1)
                if owner is not None:
                    return owner
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in doc_noun.children):
            return None
        lemma = doc_noun.lemma_.lower()
        first = max(0, self.ctx.sentence_index(doc_noun.i) - _DOCUMENT_SENTENCES)
        start = self.ctx.sentences[first].start
        for i in range(doc_noun.i - 1, start - 1, -1):
            tok = self.doc[i]
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            for child in tok.children:
                if child.dep_ in ("poss", "compound"):
                    owner = self.ctx.actor_of(child, 1)
                    if owner is not None:
                        return owner
            # "issued a statement" (the object), "said in a statement" (under a preposition)
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if tok.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
                subj, passive = subject(verb)
                if subj is not None and not passive and subj.i != doc_noun.i:
                    return self.ctx.actor_of(subj)
            return None
        return None

    def _issuer(self, noun: Token, *, owned: bool = True) -> ActorRef | None:
        """Who put out a document or the words a noun names: the one who issued, made or
        repeated it ("X issued a statement", "X stood by claims"), else (`owned`) the
        document's owner ("the ministry's statement", "the statement said")."""
        head = noun.head
        verb = None
        if noun.dep_ == "dobj" and head.lemma_.lower() in _ISSUING:
            verb = head
        elif noun.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() == "stand":
            verb = head.head  # "stood by claims that ..."
        if verb is not None:
            if any(c.dep_ == "neg" for c in verb.children) or (
                verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)
            ):
                return None  # "did not repeat his claim", "an effort to release a statement"
            subj, passive = subject(verb)
            if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
                # "X hit back, issuing a statement that ...": the participle's main verb acts
                subj, passive = subject(verb.head)
                if subj is None and not passive and verb.head.dep_ == "ROOT":
                    return self._named_before(verb.head)  # the parser lost the main subject
            if subj is not None and not passive:
                actor = self.ctx.actor_of(subj)
                if actor is not None:
                    return actor
        if owned and noun.lemma_.lower() in _DOCUMENTS:
            return self._document_owner(noun)
        return None

    def _spoken(self, noun: Token) -> Found | None:
        """ "X issued a statement that ...", "repeated a warning by the army that ...", "stood
        by claims that ...": the that-clause of words someone puts out is theirs."""
        clauses = [
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            # the parser may take the "that" for an object of the clause's verb
            and c.left_edge.lower_ == "that"
            and c.left_edge.head.i == c.i
            and any(g.dep_ in _CLAUSE_SUBJECTS for g in c.children)
        ]
        if not clauses or any(c.dep_ == "det" and c.lower_ in _UNSAID for c in noun.children):
            return None
        # Only words someone is reported putting out: "Trump's claim that ..." mostly recalls
        # a position as background (tune: 20 of 26 such were no labelled statement)
        speaker = self._issuer(noun, owned=False)
        if speaker is None or speaker.role == "COUNTRY" or self._bare_country(speaker):
            return None
        clause = clauses[0]
        start, end = clause.left_edge.i + 1, clause.right_edge.i + 1
        text = self.doc[start:end].text.strip(" ,.;:\n")
        if len(text.split()) < 3:
            return None
        return Found(
            speaker, noun, indirect=text, sentence=noun.sent, clause=(start, end), head=clause
        )

    def _is_speech_verb(self, tok: Token, inside: set[int]) -> bool:
        if tok.i in inside:
            return False
        if tok.lower_ == "according":
            return True
        if tok.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
            return True  # '"...," he went on': the speaker carries on speaking
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.speech

    def _attribute(self, quote: Quote, inside: set[int]) -> Token | None:
        span = quote.span
        if span is None:
            return None
        root = span.root
        named = self._what_called(root, inside)
        if named is not None:
            return named
        if (
            root.head.i not in range(span.start, span.end)
            and self._is_speech_verb(root.head, inside)
            and root.dep_ in ("ccomp", "dobj", "parataxis", "xcomp", "advcl")
        ):
            return root.head
        if len(quote.text.split()) <= 4 and not self._stands_alone(span):
            return None  # a phrase quoted inside the reporter's sentence ("unacceptable action")
        best: tuple[int, Token] | None = None
        lo = max(span.sent.start if span.start < len(self.doc) else 0, span.start - _ADJACENT)
        hi = min(len(self.doc), span.end + _ADJACENT)
        end_sent = self.doc[max(span.end - 1, span.start)].sent
        limit = end_sent.end
        after = span.end
        while after < len(self.doc) and self.doc[after].is_quote:
            after += 1
        if after < len(self.doc) and self.doc[after].is_lower and self.doc[after].is_alpha:
            # '"... humiliated?" he asked.': the splitter cut after the question mark, but a
            # sentence does not open in lower case; the attribution goes on
            limit = self.doc[after].sent.end
        elif after < len(self.doc) and (
            self._bare_attribution(self.doc[after].sent, after)
            or self._opening_attribution(self.doc[after].sent, after)
        ):
            limit = self.doc[after].sent.end  # '"... HCare!" Trump tweeted.': cut off alone
        hi = min(hi, max(limit, span.end + 1))
        for i in list(range(lo, span.start)) + list(range(span.end, hi)):
            tok = self.doc[i]
            if tok.is_space and "\n" in tok.text:
                if i >= span.end:
                    break
                continue
            if self._is_speech_verb(tok, inside):
                distance = span.start - i if i < span.start else i - span.end
                if best is None or distance < best[0]:
                    best = (distance, tok)
        if best is None:
            return self._named_after(span, limit, inside) or self._colon_verb(span, inside)
        return best[1]

    def _named_after(self, span: Span, limit: int, inside: set[int]) -> Token | None:
        """'"...," Senate Majority Whip John Cornyn, R-Texas, said': the speech verb is far
        from the quote only because the speaker's long name and post come between; the
        subject opens right after the closing mark."""
        for i in range(span.end + _ADJACENT, min(limit, span.end + _LONG_NAME)):
            tok = self.doc[i]
            if tok.is_space and "\n" in tok.text:
                return None
            if not self._is_speech_verb(tok, inside):
                continue
            subj, _ = subject(tok)
            if subj is None or subj.i > tok.i:
                return None
            gap = self.doc[span.end : subj.left_edge.i]
            return tok if all(t.is_punct or t.is_space for t in gap) else None
        return None

    def _said_first(self, quote: Quote) -> tuple[ActorRef, Token] | None:
        """'Added House Chairman Ed Royce, California Republican, "This should ..."': a
        sentence opening with the verb of speech and then the speaker, whose quote follows the
        name and its post (the parser may take the verb for an adjective)."""
        span = quote.span
        if span is None:
            return None
        sent = span.sent
        first = sent[0]
        while first.i < span.start and (first.is_quote or first.is_space):
            first = self.doc[first.i + 1]
        if first.text not in _SAID_FIRST or first.i >= span.start:
            return None
        before = span.start - 1
        while before > first.i and self.doc[before].is_quote:
            before -= 1
        if self.doc[before].text not in (",", ":"):
            return None
        named = [
            m
            for m in self.ctx.mentions
            if first.i < m.start < before and m.actor is not None and m.kind != "country"
        ]
        if not named or named[0].start - first.i > _ADJACENT:
            return None
        # "Committee Chairman Ed Royce": the person the post is given to, else the body
        people = [m for m in named if m.kind == "person"]
        actor = (people or named)[0].actor
        return (actor, first) if actor is not None else None

    def _signed(self, quote: Quote) -> tuple[ActorRef, Token] | None:
        """'"We will respond." — Deputy Foreign Minister Sergei Ryabkov, on state TV': a whole
        utterance signed after a dash on its own line, as roundups of quotes do."""
        text = self.doc.text
        if quote.open_ended or not quote.text.rstrip().endswith((".", "!", "?", "…")):
            return None
        line_end = text.find("\n", quote.end_char)
        line_end = len(text) if line_end < 0 else line_end
        after = text[quote.end_char : line_end]
        sign = _SIGNATURE.match(after)
        if sign is None:
            return None
        start = quote.end_char + sign.end()
        span = self.doc.char_span(start, line_end, alignment_mode="expand")
        if span is None:
            return None
        window = range(span.start, min(span.end, span.start + _SIGNATURE_TOKENS))
        signers = [
            (m.actor, m)
            for i in window
            if (m := self.ctx.mention_at(i)) is not None
            and m.actor is not None
            and m.kind not in ("country", "adjective")  # "— Washington ...": no one signs
        ]
        if not signers:
            return None
        actor, chosen = next(((a, m) for a, m in signers if m.kind == "person"), signers[0])
        return actor, self.doc[chosen.end - 1]

    def _bare_attribution(self, sent: Span, start: int) -> bool:
        """The sentence opening at `start` right after a quote is only an attribution: a verb of
        speech with its subject and adjuncts but no words of its own ("Trump tweeted.")."""
        root = sent.root
        return (
            sent.start == start
            and len(sent) <= _BARE_ATTRIBUTION
            and root.pos_ == "VERB"
            and root.lemma_.lower() in self.speech
            and any(c.dep_ == "nsubj" for c in root.children)
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") for c in root.children)
            and not any(t.is_quote for t in sent)
        )

    def _opening_attribution(self, sent: Span, start: int) -> bool:
        """'"... the Rigged Witch Hunt!" Trump tweeted, deploying his nickname for ...': the
        sentence cut off after the quote's "!" or "?" opens with its speaker and a verb of
        speech that reports no words of its own; what follows is the reporter's gloss."""
        root = sent.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        return (
            sent.start == start
            and start > 0
            and self.doc[start - 1].is_quote
            and self.doc[max(0, start - 2)].text in ("!", "?")
            and root.pos_ == "VERB"
            and root.lemma_.lower() in self.speech
            and subj is not None
            and subj.left_edge.i == start
            and root.i - start <= _ADJACENT
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children)
            and not any(t.is_quote for t in sent)
        )

    def _what_called(self, root: Token, inside: set[int]) -> Token | None:
        """'to convey what spokesman Ned Price called "strong objections" to a "reckless
        intercept"': words quoted as what someone called something are that someone's."""
        head = root.head
        for _ in range(3):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if (
            head.i in inside
            or head.lemma_.lower() not in _NAMING
            or not any(
                c.lower_ == "what" and c.dep_ in ("dobj", "nsubjpass") for c in head.children
            )
            or not any(c.dep_ == "nsubj" for c in head.children)
        ):
            return None
        return head

    def _colon_verb(self, span: Span, inside: set[int]) -> Token | None:
        """'Then he proposed the next round: "Next time in Moscow."': a quote after a colon is
        the words of the clause before it, whatever its verb."""
        i = span.start - 1
        while i >= 0 and self.doc[i].is_quote:
            i -= 1
        if i <= 0 or self.doc[i].text != ":":
            return None
        root = self.doc[i].sent.root  # the main clause, not "what it is" inside it
        if root.pos_ in ("VERB", "AUX") and root.i not in inside and root.i < i:
            return root
        head = self.doc[i].head  # the sentence ran on into the quote: the colon's own clause
        if head.pos_ in ("VERB", "AUX") and head.i not in inside and head.i < i:
            return head
        return None

    def find(self) -> list[Found]:
        quotes = find_quotes(self.doc.text)
        inside: set[int] = set()
        for quote in quotes:
            quote.span = self.doc.char_span(
                quote.start_char, quote.end_char, alignment_mode="expand"
            )
            if quote.span is not None:
                inside.update(range(quote.span.start, quote.span.end))
        by_verb: dict[int, Found] = {}
        # A paragraph that is all quote, going on from the speaker's: its own statement
        # (keyed by its first token), folded back into the one it continues unless it is
        # about the other side in its own right.
        continued: dict[int, Found] = {}
        previous: Found | None = None
        for quote in quotes:
            if quote.span is None:
                continue
            verb = self._attribute(quote, inside)
            speaker = self._speaker(verb) if verb is not None else None
            signed = (self._signed(quote) or self._said_first(quote)) if verb is None else None
            if signed is not None:
                found = Found(signed[0], signed[1], sentence=quote.span.sent, quotes=[quote])
                by_verb[quote.span.start] = previous = found
                continue
            if verb is None and previous is not None and self._continues(previous, quote):
                if self._opens_paragraph(quote):
                    found = Found(
                        previous.speaker, previous.verb, sentence=quote.span.sent, quotes=[quote]
                    )
                    by_verb[quote.span.start] = found
                    continued[quote.span.start] = previous
                    previous = found
                else:
                    previous.quotes.append(quote)
                continue
            if verb is None:
                said = self._paragraph_before(quote)
                if said is not None:
                    # keyed by the quote's first token: the verb may have its own statement
                    found = Found(said[0], said[1], sentence=quote.span.sent, quotes=[quote])
                    by_verb[quote.span.start] = previous = found
                continue
            if speaker is None:
                continue
            found = by_verb.setdefault(verb.i, Found(speaker, verb, sentence=verb.sent))
            found.quotes.append(quote)
            previous = found
        for found in list(by_verb.values()):
            self._embed_partial_quotes(found)
        for found in list(by_verb.values()):
            for nested in self._nested_speech(found):
                by_verb.setdefault(nested.verb.i, nested)  # type: ignore[union-attr]
        for tok in self.doc:
            if tok.i in by_verb or tok.i in inside:
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in _SPEECH_NOUNS:
                spoken = self._spoken(tok)
                if spoken is not None:
                    by_verb[tok.i] = spoken
                continue
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.lower_ == "according":
                according = self._according(tok, inside)
                if according is not None and according.verb is not None:
                    by_verb.setdefault(according.verb.i, according)
                continue
            indirect = self._indirect(tok)
            if indirect is not None:
                by_verb[tok.i] = indirect
        self._fold_glosses(by_verb)
        self._fold_continuations(by_verb, continued)
        for relay in by_verb.values():
            if relay.trailing and relay.clause is not None:
                lo, hi = relay.clause
                relay.relays_speech = any(
                    f is not relay and f.verb is not None and lo <= f.verb.i < hi
                    for f in by_verb.values()
                )
        kept: list[Found] = []
        # Outer clauses first, so a statement nested in another by the same speaker is dropped
        # ("said Russia appreciated ..., adding ..."); nested speech by another speaker stays.
        for found in sorted(
            by_verb.values(), key=lambda f: -(f.clause[1] - f.clause[0]) if f.clause else 0
        ):
            if found.speaker.country not in self.sides or not found.text:
                continue
            if (
                self._country_speaker(found.verb)
                or self._bare_country(found.speaker)
                or self._anonymous_sources(found.speaker)
                or _COURT.search(found.speaker.name)
            ):
                continue  # "Russia said it would expel ...": the state's act, reported
            outer = [
                k
                for k in kept
                if found.verb is not None
                and k.clause
                and k.clause[0] <= found.verb.i < k.clause[1]
                and (
                    k.speaker == found.speaker
                    or found.speaker.role == "COUNTRY"
                    or (k.trailing and not self._relayed_speaker(found))
                )
            ]
            if outer:
                continue
            if self._background(found):
                continue
            if self._named_in_own_words(found):
                continue  # "I raised it with President Putin", credited to Putin
            found.about = self._about(found)
            if found.about and self._elsewhere(found):
                continue
            if found.about and not self._story_has_actor(found.about):
                continue  # "said a strong rouble helps the economy" where the U.S. is a currency
            if found.about:
                kept.append(found)
        return kept

    def news_relayed(self, found: Found) -> bool:
        """ "X said ..., RIA Novosti reported", "according to Tass": a news outlet that reports
        news or relays another speaker's words in its sentence is the channel, not the one
        who speaks (its presenter's or report's own words stay its statement). What it
        reports still makes events (see `assemble`); it is no statement."""
        verb = found.verb
        if verb is None or found.speaker.role != _MEDIA_ROLE:
            return False
        if verb.lemma_.lower() in _NEWS_VERBS or verb.lower_ in _NEWS_VERBS:
            return True
        quoted = self.ctx.quoted_tokens()
        for tok in verb.sent:
            if tok.i == verb.i or tok.i in quoted or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.lemma_.lower() not in self.speech:
                continue
            subj, passive = subject(tok)
            if subj is not None and not passive and subj.pos_ in ("PROPN", "NOUN"):
                mention = self.ctx.mention_at(subj.i)
                if mention is None or mention.actor != found.speaker:
                    return True  # "Zakharova said ..., Tass reported": her words, relayed
        return False

    @staticmethod
    def _named_in_own_words(found: Found) -> bool:
        """Quoted words in the first person that name their speaker with a title ("During
        today's meeting, I addressed directly with President Putin ...") are someone else's:
        nobody says "I" and "President Putin" of himself in one breath."""
        if found.indirect or not found.quotes:
            return False
        parts = found.speaker.name.split()
        if len(parts) < 2:
            return False  # a body ("the White House"), not a person
        words = " ".join(q.text for q in found.quotes)
        if not _FIRST_PERSON.search(words):
            return False
        return any(m.group(1) == parts[-1] for m in _TITLED.finditer(words))

    def _relayed_speaker(self, inner: Found) -> bool:
        """ "Lavrov told Pompeo that ..., the ministry said": the words a trailing attribution
        relays are their own speaker's statement too, when a person spoke them in a finite
        clause of their own ("for Obama to tell Putin" reports no words)."""
        verb = inner.verb
        if verb is None or inner.speaker.role == "COUNTRY":
            return False
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
            verb.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children)
        )
        subj, passive = subject(verb)
        if not finite or subj is None or passive:
            return False
        if subj.lower_ in ("he", "she"):
            return True
        mention = self.ctx.mention_at(subj.i)
        return mention is not None and mention.kind in ("person", "surname", "title")

    def _elsewhere(self, found: Found) -> bool:
        """ "Putin told Xi that relations between Moscow and Beijing were at their best": a
        pair word that names the speaker's side and a third country, never the other side, is
        about another relationship."""
        other = [c for c in self.sides if c != found.speaker.country]
        ranges = [(q.span.start, q.span.end) for q in found.quotes if q.span is not None]
        if found.clause is not None:
            ranges.append(found.clause)
        named: set[str] = set()
        for start, end in ranges:
            named |= self.ctx.countries_in(start, end)
        if not named or any(c in named for c in other):
            return False
        countries = self.ctx.dictionary.countries
        third = any(c not in self.sides and c in countries and not countries[c].organisation
                    for c in named)  # fmt: skip
        return third and bool(_RELATIONSHIP.search(found.text))

    def _story_has_actor(self, about: list[str]) -> bool:
        """A side the statement is about is in the story as more than a word on a thing or a
        national ("the U.S. dollar", "American Tommy Paul")."""
        for m in self.ctx.mentions:
            if m.actor is None or m.actor.country not in about:
                continue
            if m.kind == "person" and m.actor.role == "COUNTRY":
                continue
            tok = self.doc[m.end - 1]
            head = tok.head
            if (
                tok.dep_ in ("compound", "amod", "nmod", "poss")
                and head.i >= m.end
                and head.lemma_.lower() in _MARKET_NOUNS
                and self.ctx.mention_at(head.i) is None
            ):
                continue  # "the U.S. dollar": the side names a thing, not an actor
            return True
        return False

    def _indirect(self, tok: Token) -> Found | None:
        """Attributed indirect speech or a stated judgement ("called it nonsense")."""
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        if any(c.dep_ == "neg" for c in kids):
            return None
        if any(c.dep_ == "aux" and c.lower_ in _UNSAID_MODALS for c in kids):
            return None  # "leaders should insist that ...", "he could argue that ...": unsaid
        comps = [c for c in kids if c.dep_ == "ccomp"]
        if lemma in _TELL:
            # "told a broadcaster that he had not spoken with Putin": the parser reads the
            # that-clause as a relative clause on the hearer; it is what was told.
            comps += [
                r
                for c in kids
                if c.dep_ in ("dobj", "dative")
                for r in c.children
                if r.dep_ == "relcl"
                and r.left_edge.lower_ == "that"
                and any(g.dep_ == "nsubj" and g.lower_ != "that" for g in r.children)
            ]
        subject_object = self._object_as_subject(tok) if lemma in self.speech else []
        if lemma in self.speech:
            comps += self._stray_that_clauses(tok) + subject_object
        comps += [g for c in comps for g in c.conjuncts if g.dep_ == "conj"]
        if any(
            g.dep_ == "mark" and g.lower_ in ("whether", "if") for c in comps for g in c.children
        ):
            return None  # "asked whether ...": a question put to the speaker
        if (
            tok.dep_ == "relcl"
            and not self._misparsed_main(tok)
            and not self._who_said(tok)
            and not self._in_document(tok)
        ) or any(c.lower_ in ("what", "whom", "which") for c in kids):
            return None  # "what it called fake news": the article's aside, not a statement
        # "welcomed the decision as a step forward": the parser may hang "as" on the object
        as_predicate = any(c.dep_ == "prep" and c.lower_ == "as" for c in kids) or any(
            g.dep_ == "prep" and g.lower_ == "as" and any(p.dep_ == "pobj" for p in g.children)
            for c in kids
            if c.dep_ == "dobj"
            for g in c.children
        )
        judged = (
            (
                lemma in self.judging
                and (
                    as_predicate
                    or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in kids)
                    or self._judging_object(tok)
                )
            )
            or (lemma in self.condemning and as_predicate)
            or self._quoted_judgement(tok)
            or self._quoted_act(tok)
            or self._reasoned_charge(tok)
            # "issued a statement condemning the strike": the document's own judgement
            or (
                lemma in self.judging | self.condemning
                and tok.dep_ == "acl"
                and tok.head.lemma_.lower() in _DOCUMENTS
            )
        )
        expressed = lemma in _EXPRESS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _EXPRESSED for c in kids
        )
        said = (
            lemma in self.speech
            and any(
                any(g.dep_ in _CLAUSE_SUBJECTS for g in c.children)
                # "said more would follow": a finite clause whose subject the parser missed
                or any(g.dep_ == "aux" and g.tag_ == "MD" for g in c.children)
                or c in subject_object
                for c in comps
            )
            or self._spoke_of(tok)
        )
        requested = self._request(tok)
        trailing = (
            lemma in self.speech
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and any(c.dep_ == "nsubj" for c in kids)
            and tok.dep_ in ("parataxis", "advcl", "conj")
            and tok.head.i < tok.i
            and tok.head.pos_ in ("VERB", "AUX")
            and not comps
            and not any(c.dep_ == "mark" for c in kids)  # "..., as the president claimed"
        )
        parenthetical = (
            lemma in self.speech
            and tok.dep_ == "parataxis"
            and tok.head.i > tok.i
            and tok.head.pos_ in ("VERB", "AUX")
            and tok.head.dep_ in ("ROOT", "conj")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.head.children)
            and any(c.dep_ == "nsubj" for c in kids)
            and not comps
            and tok.left_edge.i > tok.sent.start
            and "," in (tok.left_edge.text, self.doc[tok.left_edge.i - 1].text)
        )
        if parenthetical or trailing:
            start, end = tok.sent.start, tok.sent.end
            if parenthetical:
                # "Russia, he said, would be guided only by its own interests": the sentence
                # around the attribution is what was said
                skip = {t.i for t in tok.subtree}
                if tok.left_edge.text != ",":
                    skip.add(tok.left_edge.i - 1)
                words = [t for t in tok.sent if t.i not in skip]
                text = "".join(t.text_with_ws for t in words).strip(" ,.;:\n")
            else:
                # "Obama urged Putin to pull back, the White House said": the sentence before it.
                subj, _ = subject(tok)
                skip = {t.i for t in subj.subtree} if subj is not None else set()
                skip.add(tok.i)
                # the words as written ("was \"a letdown, frankly,\""), not one token per space
                text = "".join(t.text_with_ws for t in self.doc[start:end] if t.i not in skip)
                text = " ".join(text.split()).strip(" ,.;:\n")
            speaker = self._speaker(tok)
            if speaker is None or len(text.split()) < 3:
                return None
            return Found(
                speaker,
                tok,
                indirect=text,
                sentence=tok.sent,
                clause=(start, end),
                trailing=True,
                head=tok.head,
            )
        if not (said or judged or expressed or requested):
            return None
        gloss_only = tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl") and not judged
        if gloss_only and tok.dep_ == "acl" and tok.head.lemma_.lower() in _DOCUMENTS:
            gloss_only = False  # "issued a statement saying ...": the document's own words
        if gloss_only and tok.head.lemma_.lower() not in self.speech:
            if tok.dep_ != "advcl" or tok.sent.start == self._lead_sentence():
                return None  # "..., saying it was responding": the lead's gloss
            # "Peskov rejected the allegations, saying Russia had never interfered": later in
            # the story the participle carries the speaker's own account.
            gloss_only = False
        speaker = self._speaker(tok)
        if speaker is None:
            return None
        if requested and not (said or judged or expressed) and self._own_addressee(tok, speaker):
            return None  # "Democrats urged the president to cancel": a domestic appeal
        subj, _ = subject(tok)
        if (
            subj is not None
            and subj.left_edge.i > 0
            and self.doc[subj.left_edge.i - 1].lower_ in ("what", "which", "whom", "as")
            and not self._in_document(tok)
        ):
            return None  # "what U.S. agencies say was a campaign": the reporter's gloss
        if (
            lemma == "call"
            and not requested
            and any(c.lower_ in ("on", "for", "upon") and c.i > tok.i for c in kids)
        ):
            return None  # "called for calm": a request with no addressee and act
        if comps and all(c.i < tok.i for c in comps):
            start = min(c.left_edge.i for c in comps)
            end = max(c.right_edge.i for c in comps) + 1
        else:
            start = tok.i
            end = tok.right_edge.i + 1
            if subj is not None and subj.i > tok.i:
                end = subj.left_edge.i  # "..., said Peskov": stop before the speaker
        text = self.doc[start:end].text.strip(" ,.;:\n")
        if len(text.split()) < 3:
            return None
        after = end <= tok.i  # "Biden told Putin that ..., the White House said"
        if comps and tok.dep_ == "acl" and tok.head.lemma_.lower() in _DOCUMENTS:
            # "the ministry issued a statement saying that Lavrov had urged ...": the person
            # the document reports speaks (a body's own "said Putin noted" stays the body's)
            speaker = self._relayed_person(comps[0], speaker)
        return Found(
            speaker,
            tok,
            indirect=text,
            sentence=tok.sent,
            clause=(start, end),
            trailing=after,
            head=comps[0] if comps else None,
            gloss_only=gloss_only,
        )

    def _relayed_person(self, head: Token, speaker: ActorRef) -> ActorRef:
        """ "The ministry released a statement saying that Lavrov had urged Pompeo to ...": a
        document of a body that reports what one of its side's people said credits the words
        to that person, the innermost speaker (the document is only the channel)."""
        if self._is_person(speaker):
            return speaker
        lemma = head.lemma_.lower()
        if lemma not in self.speech and lemma not in _RELAYED:
            return speaker
        if any(c.dep_ == "neg" or c.tag_ == "MD" for c in head.children):
            return speaker
        subj, passive = subject(head)
        if subj is None or passive or subj.pos_ != "PROPN":
            return speaker
        mention = self.ctx.mention_at(subj.i)
        if mention is None or mention.kind != "person" or mention.actor is None:
            return speaker
        actor = mention.actor
        if actor.country != speaker.country or actor.role == "COUNTRY":
            return speaker
        return actor

    def _is_person(self, actor: ActorRef) -> bool:
        return any(p.name == actor.name for p in self.ctx.dictionary.people.values())

    def _according(self, tok: Token, inside: set[int]) -> Found | None:
        """ "According to a readout from the ministry, the ministers discussed 'the removal of
        barriers'", "Putin, according to the Kremlin, asked for guarantees": the clause is the
        source's account of words, when it quotes them or reports an act of speaking. Nested
        speech credits the person who spoke, else the source."""
        main = tok.head
        if main.i == tok.i or main.pos_ not in ("VERB", "AUX") or main.i in inside:
            return None
        source = None
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        source = self.ctx.actor_of(pobj)
        if source is None:
            return None
        lemma = main.lemma_.lower()
        skip = {t.i for t in tok.subtree}
        words = [t for t in main.subtree if t.i not in skip]
        quoting = any(t.is_quote for t in words)
        speaking = lemma in self.speech or self._request(main)
        if not (quoting or speaking):
            return None  # "Russia has massed troops, according to U.S. intelligence": a fact
        speaker = source
        if speaking:
            subj, passive = subject(main)
            inner = self.ctx.actor_of(subj) if subj is not None and not passive else None
            if (
                subj is not None
                and inner is not None
                and inner.role != "COUNTRY"
                and not self._bare_country(inner)
            ):
                speaker = inner
                skip |= {t.i for t in subj.subtree}  # "asked for guarantees", not "Putin, asked"
        lo, hi = min(skip), max(skip)
        words = [
            t for t in words if t.i not in skip and not (t.is_punct and lo - 1 <= t.i <= hi + 1)
        ]
        if not words:
            return None
        start, end = words[0].i, words[-1].i + 1
        text = "".join(t.text_with_ws for t in words).strip(" ,.;:\n")
        if len(text.split()) < 3:
            return None
        return Found(
            speaker, main, indirect=text, sentence=main.sent, clause=(start, end), head=main
        )

    def _nested_speech(self, found: Found) -> list[Found]:
        """'"He said he didn't meddle. I asked him again," Trump said': speech reported
        inside a quote by someone other than its speaker is that someone's statement (the
        innermost speaker is credited; the quote stays its speaker's too)."""
        out: list[Found] = []
        for quote in found.quotes:
            if quote.span is None:
                continue
            for verb in quote.span:
                lemma = verb.lemma_.lower()
                if verb.pos_ != "VERB" or lemma not in _RELAYED and lemma not in _RELAYED_OWN:
                    continue
                if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
                    continue  # "will be announcing", "did not say": no speech reported
                subj, passive = subject(verb)
                if (
                    subj is None
                    or subj.head.i != verb.i  # "to continue to add fuel": no one says anything
                    or passive
                    or subj.lower_ in ("i", "we", "you")
                    or (subj.pos_ != "PRON" and self.ctx.mention_at(subj.i) is None)
                ):
                    continue
                speaker = self.ctx.actor_of(subj)
                if speaker == found.speaker and subj.pos_ == "PRON":
                    speaker = self.ctx.other_person(subj, found.speaker)
                if (
                    speaker is None
                    or speaker == found.speaker
                    or speaker.country not in self.sides
                    or self._bare_country(speaker)
                    or (lemma in _RELAYED_OWN and not self._own_principal(subj, speaker, found))
                ):
                    continue
                if not any(
                    c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and lemma not in _TELL)
                    for c in verb.children
                ):
                    continue  # "when he tells me", "he says, '": no words of his reported
                if any(f.speaker == speaker and f.sentence == verb.sent for f in out):
                    continue  # "he said he didn't, he said he didn't": one statement a sentence
                start = min(subj.left_edge.i, verb.i)
                end = min(verb.right_edge.i + 1, quote.span.end)
                text = self.doc[start:end].text.strip(" ,.;:\n")
                if len(text.split()) < 3:
                    continue
                out.append(
                    Found(
                        speaker,
                        verb,
                        indirect=text,
                        sentence=verb.sent,
                        clause=(start, end),
                        relayed_by=found.speaker,
                    )
                )
        return out

    def _own_principal(self, subj: Token, speaker: ActorRef, found: Found) -> bool:
        """ "President Putin believes that ...", Peskov said: a person of the quoted speaker's
        own side, whose view the speaker relays (a body's belief is no one's word)."""
        if speaker.country != found.speaker.country:
            return False
        if subj.pos_ == "PRON":
            return True
        mention = self.ctx.mention_at(subj.i)
        return mention is not None and mention.kind in ("person", "surname", "title")

    def _embed_partial_quotes(self, found: Found) -> None:
        """'said the United States "will respond" to what it called a provocation': quoted
        words inside the speaker's reported clause; the statement is the whole clause."""
        verb = found.verb
        if (
            verb is None
            or not found.quotes
            or any(q.span is None or self._stands_alone(q.span) for q in found.quotes)
        ):
            return
        clause = self._indirect(verb)
        if clause is None or clause.clause is None or clause.speaker != found.speaker:
            return
        lo, hi = clause.clause
        if all(lo <= q.span.start and q.span.end <= hi + 1 for q in found.quotes if q.span):
            found.indirect, found.clause, found.head = clause.indirect, clause.clause, clause.head

    def _who_said(self, verb: Token) -> bool:
        """ "echoed by Sergei Lavrov, who told reporters that ...": a relative clause whose
        subject is "who" standing for a named actor reports that actor's words."""
        return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children) and (
            self.ctx.mention_at(verb.head.i) is not None
        )

    @staticmethod
    def _spoke_of(verb: Token) -> bool:
        """ "warned of the risk of nuclear war", "complained of a growing list of irritants":
        the "of" phrase of a warning or a complaint is what was said, in the speaker's words
        (a few words, "warned of consequences for Moscow", say too little)."""
        if verb.lemma_.lower() not in _SPOKEN_OF:
            return False
        return any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and c.i == verb.i + 1
            and any(g.dep_ == "pobj" and g.right_edge.i - c.i >= 4 for g in c.children)
            for c in verb.children
        )

    @staticmethod
    def _in_document(verb: Token) -> bool:
        """ "issued a statement in which Tillerson expressed ...", "a letter in which he called
        on Moscow to ...": a relative clause that says what a document says, with a subject
        of its own, reports its speaker's words."""
        return (
            verb.head.lemma_.lower() in _DOCUMENTS
            and any(
                c.dep_ == "prep"
                and c.lower_ == "in"
                and any(g.dep_ == "pobj" and g.lower_ == "which" for g in c.children)
                for c in verb.children
            )
            and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.children)
        )

    @staticmethod
    def _misparsed_main(verb: Token) -> bool:
        """ "Speaker of the Duma Vyacheslav Volodin called the remarks hysteria": the parser
        made the title the sentence's root and the main verb a relative clause on it. A
        relative clause on a verbless root, with a subject of its own and no relative word,
        is the sentence's main clause."""
        head = verb.head
        return (
            head.dep_ == "ROOT"
            and head.pos_ in ("PROPN", "NOUN")
            and head.i < verb.i
            and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)
            and not any(t.lower_ in RELATIVE for t in verb.subtree if t.i < verb.i)
        )

    def _stray_that_clauses(self, verb: Token) -> list[Token]:
        """ "told reporters outside the court that the charges were baseless": the parser may
        hang the that-clause on a noun of the verb's phrase; a clause with its own subject
        opened by the conjunction "that" (not a relative pronoun) is what was said."""
        out: list[Token] = []
        for child in verb.children:
            if child.dep_ not in ("dobj", "dative", "prep", "npadvmod") or child.i < verb.i:
                continue
            for sub in child.subtree:
                if sub.dep_ not in ("acl", "relcl", "ccomp") or sub.i == child.i:
                    continue
                if sub.dep_ == "ccomp" and sub.head.pos_ not in ("NOUN", "PROPN"):
                    continue  # "responded by complaining that ...": the participle's own clause
                # "that" as the clause's conjunction, or taken for its relative subject beside
                # a subject of its own ("at a press conference that Trump accepted the denial")
                marks = [
                    g for g in sub.children if g.dep_ in ("mark", "nsubj") and g.lower_ == "that"
                ]
                if marks and any(
                    g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ not in ("that", "which")
                    for g in sub.children
                ):
                    out.append(sub)
        return out

    @staticmethod
    def _object_as_subject(verb: Token) -> list[Token]:
        """ "said responsibility for the crisis rests with Putin": the parser took the said
        clause's subject for the verb's object and hung the clause's verb somewhere inside it.
        A finite verb inside the object with no subject and no relative word of its own
        cannot belong to a noun phrase (English needs "that" or "which" there); it is the
        clause that was said."""
        out: list[Token] = []
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.i < verb.i:
                continue
            for inner in obj.subtree:
                if (
                    inner.i > obj.i
                    and inner.tag_ in ("VBZ", "VBD", "VBP")
                    and not any(
                        g.dep_ in _CLAUSE_SUBJECTS or g.lower_ in RELATIVE for g in inner.children
                    )
                    and not any(
                        t.lower_ in RELATIVE or t.is_quote or t.is_punct
                        for t in obj.doc[obj.i : inner.i]
                    )
                ):
                    out.append(inner)
                    break
            that = obj.doc[obj.left_edge.i - 1] if obj.left_edge.i > verb.i + 1 else None
            if (
                not out
                and that is not None
                and that.lower_ == "that"
                and that.tag_ == "IN"
                and that.head.i == verb.i
                and any(t.pos_ == "VERB" for t in obj.subtree)
            ):
                # "said on Friday that the indictment aimed to ...": the conjunction taken for
                # an object of its own; the object after it opens the clause that was said
                out.append(obj)
        return out

    def _request(self, verb: Token) -> bool:
        """ "urged Russia to cease", "called on Moscow to release him", "accused Washington of
        meddling": a demand or an accusation addressed to someone, in the speaker's words."""
        lemma = verb.lemma_.lower()
        kids = list(verb.children)
        if lemma == "accuse":
            objects = [c for c in kids if c.dep_ == "dobj"]
            # "accused Washington of meddling" ("of" may hang on the object)
            return bool(objects) and any(
                c.dep_ == "prep"
                and c.lower_ == "of"
                and any(g.dep_ in ("pcomp", "pobj") for g in c.children)
                for c in kids + [g for o in objects for g in o.children]
            )
        if lemma == "call":
            return any(
                c.dep_ == "prep"
                and c.lower_ in ("on", "upon")
                and any(g.dep_ == "pobj" for g in c.children)
                for c in kids
            ) and any(self._to_act(c) for c in kids)
        if lemma in _URGE:
            return any(self._to_act(c) for c in kids) and any(
                c.dep_ in ("dobj", "prep", "nsubj") for c in kids if c.i > verb.i
            )
        return False

    @staticmethod
    def _to_act(child: Token) -> bool:
        """ "to release him": the act a demand asks for (the parser may make it an advcl)."""
        return (
            child.dep_ in ("xcomp", "advcl")
            and child.pos_ in ("VERB", "AUX")
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        )

    def _own_addressee(self, verb: Token, speaker: ActorRef) -> bool:
        """The demand is put to the speaker's own side."""
        for child in verb.children:
            hearers = [child] if child.dep_ == "dobj" else []
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                hearers = [g for g in child.children if g.dep_ == "pobj"]
            for hearer in hearers:
                actor = self.ctx.actor_of(hearer)
                if actor is not None and actor.country == speaker.country:
                    return True
        return False

    def _fold_glosses(self, by_verb: dict[int, Found]) -> None:
        """ "..., Putin said, calling the measures provocative": the participle is part of the
        same statement, not a second one; its words join the statement of the verb it hangs on.
        """
        for i in sorted(by_verb):
            found = by_verb[i]
            verb = found.verb
            if verb is None or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
                continue
            host = by_verb.get(verb.head.i)
            if host is None or host.speaker != found.speaker:
                continue
            if found.indirect:
                if found.indirect not in host.text:  # the host's clause may already hold it
                    host.glosses.append(found.indirect)
            else:  # ', adding that the offer "deserves attention"': the quote joins the first
                host.quotes.extend(found.quotes)
            if host.clause is not None and found.clause is not None:
                host.clause = (
                    min(host.clause[0], found.clause[0]),
                    max(host.clause[1], found.clause[1]),
                )
            del by_verb[i]
        for i in [i for i, found in by_verb.items() if found.gloss_only]:
            del by_verb[i]  # a gloss with no statement of its own speaker to join

    def _fold_continuations(self, by_verb: dict[int, Found], continued: dict[int, Found]) -> None:
        """A quoted paragraph going on from its speaker's stands as a statement of its own when
        it is about the other side (its words name it, or it sits in a passage about the pair);
        otherwise its words join the paragraph before (and that one's, when it was folded too).
        """
        into: dict[int, Found] = {}  # id of a folded statement -> where its words went
        for key in sorted(continued):
            found = by_verb.get(key)
            if found is None:
                continue
            if found.speaker.country in self.sides and self._about(found):
                continue
            parent = continued[key]
            while id(parent) in into:
                parent = into[id(parent)]
            parent.quotes.extend(found.quotes)
            into[id(found)] = parent
            del by_verb[key]

    @staticmethod
    def _opens_paragraph(quote: Quote) -> bool:
        """The quote opens its own paragraph."""
        span = quote.span
        if span is None:
            return False
        before = span.doc.text[: quote.start_char].rstrip('“" ')
        return not before or before.endswith("\n")

    def _quoted_judgement(self, verb: Token) -> bool:
        """ "called Russia 'a rival'", "referred to Moscow as 'a competitor'", "declared him 'a
        free man'": a naming verb
        whose judgement, after its object, is in quotation marks gives the speaker's own words
        whatever they are."""
        lemma = verb.lemma_.lower()
        if lemma not in _NAMING and lemma not in ("refer", "declare"):
            return False
        kids = [c for c in verb.children if c.i > verb.i]
        if not any(c.dep_ in ("dobj", "prep") for c in kids):
            return False
        if lemma == "refer" and not any(
            t.dep_ == "prep" and t.lower_ == "as" for c in kids for t in c.subtree
        ):
            return False
        marks = [t for c in kids for t in c.subtree if t.is_quote]  # closing marks hang on it
        return len(marks) >= 2 and marks[-1].i - marks[0].i > 1

    def _quoted_act(self, verb: Token) -> bool:
        """ "warned Moscow of 'serious repercussions'", "urged the Kremlin to 'de-escalate'":
        an act done in words whose words, after the verb, are quoted is the speaker's
        statement as well as the act."""
        senses = self.finder.lex.verbs.get(verb.lemma_.lower(), ())
        if not any(sense.type in _WORDED_ACTS for sense in senses):
            return False
        marks = [
            t
            for c in verb.children
            if c.i > verb.i and c.dep_ in ("dobj", "prep", "xcomp", "oprd", "dative")
            for t in c.subtree
            if t.is_quote
        ]
        return len(marks) >= 2 and marks[-1].i - marks[0].i > 2

    def _reasoned_charge(self, verb: Token) -> bool:
        """ "blamed the GRU for trying to interfere in the vote", "criticized Russia for a new
        law banning ...", "cited Russia's occupation of Crimea": a charge against the other
        side, or a reason about it, that the speaker gives in words is their statement as
        well as the act. A charge at home ("rebuked Trump over his meeting with Putin") is
        not."""
        lemma = verb.lemma_.lower()
        charging = lemma not in self.speech and any(
            sense.type == "ACCUSE" for sense in self.finder.lex.verbs.get(lemma, ())
        )
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        # "put the blame for the chill on ...": the noun carries the charge, what is blamed
        # is its "for" phrase (on the noun or, as the parser may have it, on the verb)
        laid = lemma in _LAYING and any(o.lemma_.lower() == "blame" for o in objs)
        if not (charging or laid or lemma in _CITING):
            return False  # cheap tests first: this runs on every verb of the story
        speaker = self._speaker(verb)
        if speaker is None:
            return False
        other = {c for c in self.sides if c != speaker.country}
        if laid:
            objs = [
                p
                for o in [verb, *objs]
                for f in o.children
                if f.dep_ == "prep" and f.lower_ == "for" and f.i > verb.i
                for p in f.children
                if p.dep_ == "pobj"
            ]
        if lemma in _CITING:
            return bool(objs) and bool(
                other & self.ctx.countries_in(objs[0].left_edge.i, objs[0].right_edge.i + 1)
            )
        charged = {
            c for o in objs for c in self.ctx.countries_in(o.left_edge.i, o.right_edge.i + 1)
        }
        if self._pair_compound([(o.left_edge.i, o.right_edge.i + 1) for o in objs]):
            charged |= other  # "blamed the poor U.S.-Russia relationship on ..."
        preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
        if lemma == "blame" or laid:
            # "blamed the poor state of relations with Russia on ...": the parser may hang the
            # "on" of the one blamed on a noun of the object
            preps += [t for o in objs for t in o.subtree if t.dep_ == "prep" and t.lower_ == "on"]
        for prep in preps:
            if prep.lower_ not in _CHARGE_PREPS:
                continue
            for c in prep.children:
                if c.dep_ not in ("pobj", "pcomp") or c.right_edge.i - prep.i < 3:
                    continue
                if prep.lower_ == "on":  # "blamed the chill on Moscow's meddling"
                    charged |= self.ctx.countries_in(c.left_edge.i, c.right_edge.i + 1)
                if charged & other:
                    return True
        return False

    def _judging_object(self, verb: Token) -> bool:
        """ "called the allegations fabricated", "described the talks as frank": the parser
        folds the judgement into the object; its words give it away."""
        if not any(c.dep_ == "dobj" for c in verb.children):
            return False
        for obj in verb.children:
            # the judgement may hang on the object or on the verb ("called X 'without merit'")
            if obj.dep_ not in ("dobj", "prep", "oprd", "advmod", "acomp") or obj.i < verb.i:
                continue
            words = list(obj.subtree)
            if any(t.lower_ == "as" for t in words):
                return True
            text = self.doc[obj.left_edge.i : obj.right_edge.i + 1].text
            counts = cue_counts(self.finder.lex, [t.lemma_.lower() for t in words], text)
            if any(counts.get(k, 0) for k in ("negative", "positive")) or any(
                t.lemma_.lower() in self.finder.lex.insult_nouns for t in words
            ):
                return True
        return False

    def _stands_alone(self, span: Span) -> bool:
        """The quote is a clause set off by punctuation, not a phrase inside a sentence."""
        before = self.doc[span.start - 1] if span.start > 0 else None
        while before is not None and before.is_quote and before.i > 0:
            before = self.doc[before.i - 1]
        return before is None or before.is_punct or before.is_space or bool(before.is_sent_start)

    def _country_speaker(self, verb: Token | None) -> bool:
        """The speaker is a country name or a side word, not a person or a body."""
        if verb is None:
            return False
        subj, _ = subject(verb)
        if subj is None:
            return False
        mention = self.ctx.mention_at(subj.i)
        return mention is not None and mention.kind in ("country", "adjective")

    def _paragraph_before(self, quote: Quote) -> tuple[ActorRef, Token] | None:
        """ "Peskov criticised the decision.\n\"This is a hostile step.\"": a quote with no
        attribution of its own that makes up the rest of its paragraph, right after a sentence
        whose speaker acts in words (a verb of speech or of the lexicon, not negated), is that
        speaker's."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, quote.start_char) + 1
        line_end = text.find("\n", quote.end_char)
        line_end = len(text) if line_end < 0 else line_end
        lead = text[line_start : quote.start_char].rstrip(' “"')
        if (lead and not lead.endswith((".", "!", "?", ":"))) or text[
            quote.end_char : line_end
        ].strip(' ”".,'):
            return None  # the quote is not a paragraph, or the sentences ending one, of its own
        start = quote.span.start if quote.span is not None else 0
        while start > 0 and (self.doc[start - 1].is_quote or self.doc[start - 1].is_space):
            start -= 1
        if start == 0:
            return None
        sent = self.doc[start - 1].sent
        root = sent.root
        lemma = root.lemma_.lower()
        if (
            root.pos_ not in ("VERB", "AUX")
            or any(c.dep_ == "neg" for c in root.children)
            or not (lemma in self.speech or lemma in self.finder.lex.verbs)
            or any(t.is_quote for t in sent)
        ):
            return None
        speaker = self._speaker(root)
        if speaker is None or speaker.country not in self.sides:
            return None
        return speaker, root

    def _continues(self, previous: Found, quote: Quote) -> bool:
        """A quote that opens a paragraph right after the previous speaker's quote."""
        if not previous.quotes or quote.span is None:
            return False
        last = previous.quotes[-1]
        between = self.doc.text[last.end_char : quote.start_char]
        starts_line = self.doc.text[: quote.start_char].rstrip('“"').endswith("\n")
        if starts_line and (last.open_ended or between.count("\n") == 1):
            return True  # a paragraph that is all quote, right after the speaker's paragraph
        # A second quote in the same paragraph with no speaker of its own goes on the first's.
        return "\n" not in between and len(between) < 200


__all__ = ["Found", "Quote", "StatementFinder", "find_quotes"]
