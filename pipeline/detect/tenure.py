"""When an article has no date, date it by the offices its own titles give to people.

Who speaks for a side depends on the day: a former official, a candidate or a
president-elect does not (`ActorDictionary.role_of`). An article that comes without a
publication date would otherwise be read as of today, which turns the president of its own
time into a former one. Its titles date it instead: "President Obama", "Secretary of State
John Kerry" and "President-elect Donald Trump" each say the named person held that office
when the article was written. The day most of these titles agree on is the article's day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from pipeline.detect.actors import ActorDictionary, Surface

LOGGER = logging.getLogger(__name__)

# A title after one of these is not held at the time of writing ("former President Obama")
_PAST = {"former", "ex", "then", "late", "onetime", "one-time", "outgoing", "past"}
_YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")


# Words that say a post is no longer held at the time of writing ("former FBI Director X")
_FORMER = {"former", "ex", "onetime", "one-time", "erstwhile"}
_TITLE_TAGS = {"HYPH", "NNP", "NNPS", "NN", "JJ", "POS"}
_QUALIFIER_DEPS = {"compound", "amod", "nmod"}


def called_former(
    doc: Doc, start: int, named: Callable[[int], bool], end: int | None = None
) -> bool:
    """The words before a name, over its title and the side or body named on the title
    ("former FBI Director James Comey", "ex-Secretary of State X"), say it is a former post.
    A name that only qualifies a noun after it ("former Trump aides", `end` the name's end)
    is not the one the word makes former: the aides are."""
    if end is not None and end < len(doc):
        last = doc[end - 1]
        if last.dep_ in _QUALIFIER_DEPS and last.head.i >= end:
            return False
    i = start - 1
    for _ in range(6):
        if i < 0:
            return False
        tok = doc[i]
        if tok.lower_ in _FORMER:
            return True
        if tok.tag_ not in _TITLE_TAGS and not named(i):
            return False
        i -= 1
    return False


def titled_people(
    doc: Doc, spans: Iterable[Span], entries: Callable[[Span], list[Surface]]
) -> list[tuple[str, str]]:
    """(person key, office) for each dictionary person named right after a title."""
    out: list[tuple[str, str]] = []
    previous: tuple[Span, str] | None = None
    for span in spans:
        kinds = {e.kind: e.ref for e in entries(span)}
        person = kinds.get("person")
        office = kinds.get("title")
        if previous is not None and person is not None and previous[0].end == span.start:
            title, held = previous
            before = doc[title.start - 1] if title.start > 0 else None
            if before is not None and before.tag_ == "HYPH" and title.start > 1:
                before = doc[title.start - 2]
            if before is None or before.lower_ not in _PAST:
                out.append((person, held))
        previous = (span, office) if office is not None else None
    return out


def _years(text: str, today: dt.date) -> list[int]:
    return [y for y in map(int, _YEAR.findall(text)) if y <= today.year]


def date_from_titles(
    doc: Doc,
    spans: Iterable[Span],
    dictionary: ActorDictionary,
    entries: Callable[[Span], list[Surface]],
    today: dt.date,
) -> dt.date | None:
    """The day most of the article's titled people held their titles, or None without any.

    Ties between periods (a president with two terms) go to the period nearest the latest
    year the text names."""
    spans = list(spans)
    spells: list[tuple[dt.date, dt.date]] = []
    for key, office in titled_people(doc, spans, entries):
        person = dictionary.people.get(key)
        if person is None:
            continue
        for term in person.terms:
            if term.office == office:
                start = term.start or dt.date(1900, 1, 1)
                end = min(term.end or today, today)
                if start < end:
                    spells.append((start, end))
    # "former FBI Director James Comey": the article was written after that post was left
    covered = {i for span in spans for i in range(span.start, span.end)}
    for span in spans:
        named = next((e.ref for e in entries(span) if e.kind == "person"), None)
        person = dictionary.people.get(named) if named else None
        if person is None or not person.terms:
            continue
        ends = [t.end for t in person.terms]
        if None in ends or not called_former(doc, span.start, covered.__contains__, span.end):
            continue
        left = max(e for e in ends if e is not None)
        if left < today:
            spells.append((left, today))
    if not spells:
        return None
    # The days where the most spells overlap: sweep the starts and ends in order.
    points = sorted({s for s, _ in spells} | {e for _, e in spells})
    best: list[tuple[dt.date, dt.date]] = []
    best_count = 0
    for lo, hi in zip(points, points[1:], strict=False):
        count = sum(1 for s, e in spells if s <= lo and hi <= e)
        if count > best_count:
            best, best_count = [(lo, hi)], count
        elif count == best_count and count:
            best.append((lo, hi))
    if not best:
        return None
    years = _years(doc.text, today)
    if years:
        latest = dt.date(max(years), 7, 1)
        lo, hi = min(best, key=lambda b: min(abs((b[0] - latest).days), abs((b[1] - latest).days)))
    else:
        lo, hi = best[-1]
    day = lo + (hi - lo) / 2
    LOGGER.debug("an undated article dated %s by its titles", day)
    return day


__all__ = ["called_former", "date_from_titles", "titled_people"]
