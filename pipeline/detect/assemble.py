"""Turn one parsed article into `DetectedEvent`s and `DetectedStatement`s.

This is where the pieces meet: the article's resolved mentions, the event finder, the
statement finder, event dates (the trigger's own clause first, then another sentence that
names the same act with a date, then the date of the report) and the quote an event's
sentence carries.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from pipeline.detect.actors import NO_SIDE_ROLE, ActorDictionary, Person
from pipeline.detect.dates import find_date
from pipeline.detect.events import Candidate, EventFinder
from pipeline.detect.found import Found
from pipeline.detect.lexicon import Lexicon
from pipeline.detect.rescore import EventItem, StatementItem, rescore
from pipeline.detect.resolve import ArticleContext
from pipeline.detect.statements import StatementFinder
from pipeline.models import DetectedEvent, DetectedStatement

LOGGER = logging.getLogger(__name__)

_SAYING = {"ACCUSE", "SUPPORT", "THREATEN", "REQUEST"}  # events that are words, not acts
_NESTED = ("ccomp", "advcl", "relcl", "parataxis", "conj")
_GENERIC_LEMMAS = {"say", "be", "have", "do", "make", "take", "country", "state", "official"}
# Acts that need a party able to act for the other side: meeting, praising or cooperating
# with one of its private nationals (a lawyer, a banker, a pop star) is not an act between
# the governments; arresting, sanctioning or freeing one is (COERCE, SANCTION, an AGREE).
_BETWEEN_PARTIES = {"CONSULT", "SUPPORT", "COOPERATE"}


def _with_a_national(cand: Candidate, dictionary: ActorDictionary, known: set[str]) -> bool:
    """The meeting, praise or cooperation is with a private national of the other side, who
    does not act for it: "met a Russian lawyer", "talks with Russian nationals". The side
    itself named weakly ("met with the Russians") is still the side, and a person of the
    dictionary (a president-elect) is left to the dates of their offices."""
    if cand.type not in _BETWEEN_PARTIES:
        return False
    for actor in (cand.target, cand.source):
        country = dictionary.countries.get(actor.country)
        if (
            actor.role == NO_SIDE_ROLE
            and country is not None
            and actor.name != country.name
            and actor.name not in known
        ):
            return True
    return False


def _at_a_candidate(cand: Candidate, known: set[str]) -> bool:
    """An attack on a person of the dictionary who then held no office ("hacked into the
    accounts of the Clinton campaign") is aimed at a campaign, not at the other side."""
    return cand.type == "ASSAULT" and cand.target.role == NO_SIDE_ROLE and cand.target.name in known


def _governor(tok: Token) -> Token:
    """The verb whose clause a trigger sits in (a noun's governing verb)."""
    node = tok
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _own_clause(verb: Token) -> list[Token]:
    """The verb's clause without the clauses nested in it."""
    out: list[Token] = [verb]
    for child in verb.children:
        if child.dep_ in _NESTED:
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def _clause_date(tok: Token, published: dt.date) -> dt.date | None:
    return find_date(_clause_text(_own_clause(_governor(tok))), published)


def _clause_text(clause: list[Token]) -> str:
    # the tokens' own spacing: "December 29, 2016" keeps its year
    return "".join(t.text_with_ws for t in clause)


def _content_lemmas(cand: Candidate, ctx: ArticleContext) -> set[str]:
    # The object names the act ("a killer"); the trigger word alone ("offer") is too common.
    lemmas: set[str] = set()
    for child in cand.trigger.children:
        if child.dep_ in ("dobj", "oprd", "attr") and ctx.mention_at(child.i) is None:
            lemmas.add(child.lemma_.lower())
    return lemmas - _GENERIC_LEMMAS


LINK_WINDOW = 30  # sentences either side searched for a retelling with a date


def _linked_date(cand: Candidate, ctx: ArticleContext, published: dt.date) -> dt.date | None:
    """A date from another sentence that names the same act and the same actor."""
    lemmas = _content_lemmas(cand, ctx)
    if not lemmas:
        return None
    own = cand.trigger.sent
    sentences = ctx.sentences
    index = ctx.sentence_index(own.start)
    # The same act is retold nearby; a window keeps very long texts linear.
    for sent in sentences[max(0, index - LINK_WINDOW) : index + LINK_WINDOW + 1]:
        if sent.start == own.start:
            continue
        if not any(t.lemma_.lower() in lemmas for t in sent):
            continue
        names = {actor.name for _, actor in ctx.actors_in(sent.start, sent.end)}
        if cand.source.name not in names:
            continue
        found = find_date(sent.text, published)
        if found is not None:
            return found
    return None


def event_date(cand: Candidate, ctx: ArticleContext, published: dt.date) -> dt.date:
    found = _clause_date(cand.trigger, published) or _linked_date(cand, ctx, published)
    if found is None and cand.reported_by is not None:
        node = cand.trigger
        while node.head.i != node.i and node.dep_ != "ccomp":
            node = node.head
        if node.dep_ == "ccomp":
            found = _clause_date(node.head, published)
    if found is None or found > published + dt.timedelta(days=1):
        return published
    return found


BACKGROUND_DAYS = 45  # an act its own clause dates this long before the report is background
_YEAR_PREPS = {"in", "since", "during", "until", "by"}


def _past_year(tok: Token, published: dt.date) -> bool:
    """The act's own clause or noun phrase sets it in an earlier year: "annexed Crimea in
    2014", "the 2016 hack", "met the ambassador last year". A year that only dates another
    noun ("meddling in the 2016 election") says nothing of when the act happened."""
    verb = _governor(tok)
    anchors = {tok.i, verb.i}
    for word in (*tok.children, *verb.children):
        node = word
        if node.dep_ == "prep" and node.lower_ in _YEAR_PREPS:
            node = next((c for c in node.children if c.dep_ == "pobj"), node)
        if node.lower_ == "year" and any(c.lower_ == "last" for c in node.children):
            return True
        if node.lower_ in ("years", "decades") and any(c.lower_ == "ago" for c in node.children):
            return True
        text = node.text
        if (
            len(text) == 4
            and text.isdigit()
            and text[:2] in ("19", "20")
            and int(text) < published.year
            and (node.head.i in anchors or word.head.i in anchors)
        ):
            return True
    return False


def _background(cand: Candidate, published: dt.date) -> bool:
    """An act its own clause dates long before the report: history told for context."""
    clause = _own_clause(_governor(cand.trigger))
    day = find_date(_clause_text(clause), published)
    if (
        day is not None
        and (published - day).days > BACKGROUND_DAYS
        and any(t.text == str(day.year) for t in clause)
    ):
        return True  # a yearless date well before the report may be a deadline ahead of it
    return _past_year(cand.trigger, published)


def _out_of_office(
    cand: Candidate,
    day: dt.date,
    dictionary: ActorDictionary,
    people: dict[str, Person],
    text: str | None = None,
) -> bool:
    """A party named in the article did not hold office on the day the act happened: "Flynn
    called the ambassador on December 29", weeks before he took office, was a transition
    aide's call. Given the article's text, a party counts only when its surname is in it: one
    known only by a title ("Russia's ambassador") is whoever held it that day, so the
    dictionary's holder on another day proves nothing."""
    for actor in (cand.source, cand.target):
        person = people.get(actor.name)
        if (
            person is not None
            and person.terms
            and (text is None or person.name.rsplit(" ", 1)[-1] in text)
            and actor.role != NO_SIDE_ROLE
            and dictionary.role_of(person, day) == NO_SIDE_ROLE
        ):
            return True
    return False


# The act's own clause sets it before its party held office: in the race or the handover
# ("met the ambassador during the transition", "on the campaign trail", "before Trump took
# office"). A campaign against someone ("the campaign against the Islamic State") is a war.
_BEFORE_OFFICE = re.compile(
    r"\b(?:during|throughout|in)\s+(?:the|his|her|their|last\s+year's|[A-Z][a-z]+['’]s)\s+"
    r"(?:(?:\d{4}|presidential|election|general|White\s+House|[A-Z][a-z]+)\s+)*"
    r"(?:campaign|transition)(?:\s+period)?\b(?!\s+(?:against|of|in|on|to|for)\b)"
    r"|\bon\s+the\s+campaign\s+trail\b"
    r"|\bbefore\s+(?:\S+\s+){1,3}?(?:took|taking|take)\s+office\b"
    r"|\bbefore\s+(?:\S+\s+){1,3}?(?:was|were|being)\s+(?:sworn\s+in|inaugurated)\b"
    r"|\bbefore\s+(?:the|his)\s+inauguration\b"
)
ERA_DAYS = 4 * 366  # the last election this far back is the one "the campaign" means


def _election_day(day: dt.date, people: dict[str, Person]) -> dt.date | None:
    """The start of the last president-elect's term before the day (the race ends, the
    handover begins): the day "the campaign" and "the transition" lead up to or begin at."""
    starts = [
        term.start
        for person in people.values()
        for term in person.terms
        if term.office == "president_elect" and term.start is not None
    ]
    recent = [s for s in starts if s <= day and (day - s).days <= ERA_DAYS]
    return max(recent, default=None)


def _before_office(
    cand: Candidate, day: dt.date, dictionary: ActorDictionary, people: dict[str, Person]
) -> bool:
    """The act's own clause sets it in the last race or handover ("Flynn discussed sanctions
    with the ambassador during the transition", "before Trump took office"): a party who held
    no office when the race was decided acted as a candidate or an aide, not for their side
    (a secretary of state still in office then did)."""
    verb = _governor(cand.trigger)
    clause = _own_clause(verb)
    for child in verb.children:  # "before Trump took office" hangs as a clause of its own
        if child.dep_ == "advcl" and any(m.lower_ == "before" for m in child.children):
            clause = sorted([*clause, *child.subtree], key=lambda t: t.i)
    if not _BEFORE_OFFICE.search(_clause_text(clause)):
        return False
    era = _election_day(day, people)
    return era is not None and _out_of_office(cand, era, dictionary, people)


_PARTNER_PREPS = {"with", "between", "among", "into", "about", "over"}
_MODIFIERS = {"amod", "compound", "poss", "nmod"}


def _incidental(head: Token, ctx: ArticleContext) -> bool:
    """A mention that names a party to something else rather than one who acts or is acted
    on: a modifier of a thing ("Russian actors", "the Moscow project") or a partner or topic
    ("collusion between Moscow and the campaign", "colluded with Russia")."""
    node = head
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ in _MODIFIERS:
        return node.head.pos_ in ("NOUN", "PROPN") and ctx.mention_at(node.head.i) is None
    return node.dep_ == "pobj" and node.head.lower_ in _PARTNER_PREPS


def _anchored(cand: Candidate, ctx: ArticleContext, finder: EventFinder) -> bool:
    """The event's other side is read off the act's own sentence: found there by the rules of
    its structure, or, when guessed, named in it as one who acts or is acted on, or inside
    the clause the act is told in ("hackers targeted American utilities"); not only in the
    sentence before, nor as a party to something else in another clause ("denied that his
    campaign colluded with Russia"). A denial of a charge the sentence before or its own
    reports the other side making, or of a wrong the story tells of the denier's own state,
    a demand for a release, and forces sent to a host that the story's other side faces, are
    read off the story's acts, not guessed."""
    if not cand.guessed or cand.type == "MOBILIZE":
        return True
    if cand.type == "REJECT" and (finder.charged_by(cand) or finder.own_state_charged(cand)):
        return True
    if cand.type == "REQUEST" and any(
        child.dep_ == "dobj" and any(sense.type == "CONCEDE" for sense in finder.senses(child))
        for child in cand.trigger.children
    ):
        return True  # "demanded his release": put to whoever holds him, whom the story names
    sent = cand.trigger.sent
    clause: set[int] | None = None
    for start, named in ctx.actors_in(sent.start, sent.end):
        if named.country != cand.target.country:
            continue
        mention = ctx.mention_at(start)
        head = ctx.doc[start : mention.end if mention is not None else start + 1].root
        if not _incidental(head, ctx):
            return True
        if clause is None:
            clause = {t.i for t in _own_clause(_governor(cand.trigger))}
        if head.i in clause:
            return True
    return False


def _own_statements(
    found: list[Found], candidates: list[Candidate], sentences: list[Span]
) -> list[Found]:
    """Statements that are the speaker's own words, not reports of acts.

    "The ministry said the United States rejected the offer" in a lead is the evidence of the
    REJECT, not a statement; "Russia said it would expel ten diplomats" is a SANCTION.
    """
    first_end = sentences[0].end if sentences else 0
    kept = []
    for f in found:
        # "Biden told Putin that ..., the White House said" relays words, not an act: it stays.
        if f.clause is not None and not f.relays_speech:
            start, end = f.clause
            if start < first_end and any(
                start <= c.trigger.i < end and c.type not in _SAYING for c in candidates
            ):
                continue  # the lead reports the act it names; the act is the news
        kept.append(f)
    return kept


def _statement_tokens(found: Found) -> list[Token]:
    doc = found.verb.doc if found.verb is not None else None
    if doc is None:
        return []
    if found.clause is not None:
        return list(doc[found.clause[0] : found.clause[1]])
    return [t for q in found.quotes if q.span is not None for t in q.span]


def _statement(found: Found, published: dt.date) -> DetectedStatement:
    sentence = found.sentence.text.strip() if found.sentence is not None else found.text
    day = published
    if found.verb is not None:
        day = _clause_date(found.verb, published) or published
        if day > published:
            day = published
    return DetectedStatement(
        speaker=found.speaker,
        quote=found.text,
        sentence=sentence,
        about=found.about,
        direct=not found.indirect,
        statement_date=day,
        sentence_index=found.sentence.start if found.sentence is not None else 0,
    )


def assemble(
    doc: Doc,
    dictionary: ActorDictionary,
    lexicon: Lexicon,
    sides: tuple[str, str],
    published: dt.date,
    *,
    dated: bool = True,
) -> tuple[list[DetectedEvent], list[DetectedStatement]]:
    """Events and statements of one parsed article (`dated`: `published` is the article's
    own date, not a stand-in for a missing one)."""
    ctx = ArticleContext(doc, dictionary, published, dated=dated, sides=sides)
    finder = EventFinder(ctx, lexicon, sides)
    statement_finder = StatementFinder(finder)
    found_statements = statement_finder.find()
    sent_starts = {s.start: n for n, s in enumerate(ctx.sentences)}
    quote_of: dict[int, Found] = {}
    for found in found_statements:
        for quote in found.quotes:
            if quote.span is not None:
                quote_of.setdefault(quote.span.sent.start, found)
        if found.sentence is not None and found.quotes:
            quote_of.setdefault(found.sentence.start, found)

    for found in found_statements:
        for quote in found.quotes:
            if quote.span is not None:
                ctx.quote_speakers.append((quote.span.start, quote.span.end, found.speaker))
    candidates = list(finder.find())
    # What a lead says still colours the events (an accusation in it is one), even when the
    # lead itself is not kept as a statement.
    said = [(f.speaker, _statement_tokens(f), f.text) for f in found_statements]
    found_statements = _own_statements(found_statements, candidates, ctx.sentences)
    # "Republicans say ...", "U.S. intelligence agencies concluded ...": their charge is an
    # event above, but a party or a community of agencies makes no statement
    # "..., RIA Novosti reported": the outlet relays news or another's words, it says nothing
    # itself, though its report still says the story is about the pair (the gate below)
    news = [f for f in found_statements if statement_finder.news_relayed(f)]
    found_statements = [
        f
        for f in found_statements
        if not statement_finder.group_speaker(f.speaker) and f not in news
    ]
    candidates += finder.statement_events(said, candidates)
    known = {person.name for person in dictionary.people.values()}
    candidates = [
        c
        for c in candidates
        if not _with_a_national(c, dictionary, known) and not _at_a_candidate(c, known)
    ]
    candidates = finder.answered(candidates)

    people = {person.name: person for person in dictionary.people.values()}
    events: list[EventItem] = []
    seen: set[tuple[str, str, str, int]] = set()
    for cand in candidates:
        sent = cand.trigger.sent
        key = (cand.type, cand.source.name, cand.target.name, sent.start)
        if key in seen:
            continue
        seen.add(key)
        day = event_date(cand, ctx, published)
        if dated and (
            _background(cand, published)
            or (day != published and _out_of_office(cand, day, dictionary, people, doc.text))
            or _before_office(cand, day, dictionary, people)
        ):
            continue
        quoted = quote_of.get(sent.start)
        event = DetectedEvent(
            type=cand.type,
            mode=cand.mode,
            source=cand.source,
            target=cand.target,
            sentence=sent.text.strip(),
            event_date=day,
            confidence=cand.confidence,
            reported_by=cand.reported_by,
            quote=quoted.text if quoted else None,
            quote_speaker=quoted.speaker if quoted else None,
            sentence_index=sent_starts.get(sent.start, 0),
            guessed=not _anchored(cand, ctx, finder),
        )
        events.append(EventItem(event, cand.trigger, cand.guessed))
    statements = []
    spelled = _article_spellings(ctx)
    for f in found_statements:
        statement = _statement(f, published)
        if statement.speaker.name in spelled:
            statement.speaker = replace(statement.speaker, name=spelled[statement.speaker.name])
        statement.sentence_index = sent_starts.get(statement.sentence_index, 0)
        statements.append(StatementItem(statement, f.verb, _statement_facts(f)))
    if not statements and not news and all(e.event.guessed for e in events):
        # An act whose other side is only the one named nearby is a guess that leans on the
        # story being about the pair: alone it makes no article relevant (a home-politics
        # story names Moscow in every other sentence).
        events = []
    # The learned precision filter (rescore.py) has the last word on what the rules found.
    return rescore(
        ctx.sentences,
        _sides_at(ctx, sides),
        ctx.quoted_tokens(),
        events,
        statements,
        published,
        {
            code: "A" if code == sides[0] else "B" if code == sides[1] else "X"
            for code in dictionary.countries
        },
        {country.name for country in dictionary.countries.values()},
    )


def _article_spellings(ctx: ArticleContext) -> dict[str, str]:
    """The article's own spelling of a person's full name where it is not the dictionary's
    ("Vasily Nebenzya" for the dictionary's "Vassily Nebenzia"): a speaker is named as the
    article writes the name in full."""
    out: dict[str, str] = {}
    text = ctx.doc.text
    for m in ctx.mentions:
        person = m.person
        if person is None or person.name in out or m.end - m.start < 2:
            continue
        surface = ctx.doc[m.start : m.end].text
        if (
            surface != person.name
            and surface.split()[-1] != person.name.split()[-1]
            and person.name not in text
            and all(w[:1].isupper() for w in surface.split())
        ):
            out[person.name] = surface
    return out


def _sides_at(ctx: ArticleContext, sides: tuple[str, str]) -> dict[int, str]:
    """Each token of an actor mention: A or B (the watched sides) or X (another country)."""
    out: dict[int, str] = {}
    for m in ctx.mentions:
        if m.actor is not None:
            code = m.actor.country
            mark = "A" if code == sides[0] else "B" if code == sides[1] else "X"
            for i in range(m.start, m.end):
                out[i] = mark
    return out


def _statement_facts(found: Found) -> dict[str, object]:
    """How the rules found a statement, for the precision filter."""
    return {
        "indirect": found.indirect is not None,
        "trailing": found.trailing,
        "relays": found.relays_speech,
        "gloss_only": found.gloss_only,
        "glosses": min(len(found.glosses), 2),
        "quotes": min(len(found.quotes), 3),
        "open_ended": any(q.open_ended for q in found.quotes),
        "head": found.head.lemma_.lower() if found.head is not None else None,
        "about_how": found.about_reason,
    }


__all__ = ["assemble", "event_date"]
