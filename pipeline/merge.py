"""Deciding when two reports are one: the matching rules behind event and statement merging.

An event found in a new article joins an existing event when the type and sides agree, the
dates are within a day, the modes name the same act (one family: criticism and insult, a
refused offer and a refused meeting) and the actors are compatible (a speaker and the body
that speaks for their side count as one); a statement joins one by the same speaker with the
same or nearly the same words. `pipeline.store` applies these.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    String,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    not_,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.orm import Session

from pipeline.models import SYMMETRIC_TYPES, ActorRef, DetectedEvent, DetectedStatement, Detection
from pipeline.schema import Event, Statement


@functools.lru_cache(maxsize=65536)  # the same names and quotes come back all the time
def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


_PERSON_ROLES = frozenset(
    {"HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "SPOKESPERSON", "DIPLOMAT", "OFFICIAL"}
)
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
# Words too common to say two paraphrases carry the same content.
_STOPWORD_TEXT = (
    "a an and are as at be been but by for from had has have he her his i in is it its "
    "not of on or our said says she that the their them they this to was we were which "
    "who will with would you"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _actor_name(name: str) -> str:
    """An actor name for comparison: normalised, without a leading article ("the Kremlin")."""
    return _LEADING_ARTICLE.sub("", normalize_text(name))


def _surname(name: str) -> str:
    parts = _actor_name(name).split()
    return parts[-1] if parts else ""


def names_compatible(a: str, a_role: str | None, b: str, b_role: str | None) -> bool:
    """Two actor names of the same side can denote the same actor.

    Callers have already checked that both actors belong to the same side. Compatible are:
    equal names (ignoring case, punctuation and a leading "the"); the country itself and
    anyone acting for it; two people with the same surname ("Dmitry Peskov", "Peskov"); two
    bodies with the same role where one name contains the other ("Foreign Ministry",
    "Russian Foreign Ministry"); and two names for the side's government ("White House",
    "Biden administration"), which outlets use interchangeably.
    """
    left, right = _actor_name(a), _actor_name(b)
    if left and left == right:
        return True
    if "COUNTRY" in (a_role, b_role):
        return True
    if a_role in _PERSON_ROLES and b_role in _PERSON_ROLES:
        return _surname(a) == _surname(b)
    if a_role != b_role or a_role in _PERSON_ROLES:
        return False
    if a_role == "GOVERNMENT":
        return True
    shorter, longer = sorted((left, right), key=len)
    return bool(shorter) and f" {shorter} " in f" {longer} "


# Modes that name one act in different words: outlets call the same remark criticism,
# an insult or blame, and the same refusal a rejected offer or a refused meeting. Other
# modes of a type are different acts (a call is not a meeting, economic sanctions are not
# expulsions, an offer is not its acceptance). A mode outside every family is its own.
MODE_FAMILIES: dict[str, tuple[frozenset[str], ...]] = {
    "ACCUSE": (frozenset({"allege", "blame", "criticize", "insult", "protest", "condemn"}),),
    "SUPPORT": (frozenset({"praise", "endorse"}),),
    "REQUEST": (frozenset({"demand", "appeal"}),),
    "THREATEN": (frozenset({"threat", "retaliation", "sanctions", "force"}),),
    "REJECT": (frozenset({"offer", "demand", "meeting", "treaty", "proposal"}),),
    "CONSULT": (frozenset({"meeting", "talks", "visit", "summit"}),),
}
# Who speaks for whom: the government ("the Kremlin", "the White House") for anyone of its
# side, the foreign ministry for its minister, spokespeople and diplomats. An act credited to
# one in a report and to the other in another is the same act ("Peskov rejected the offer",
# "the Kremlin rejected the offer").
_MINISTRY_VOICES = frozenset({"FOREIGN_MINISTRY", "SPOKESPERSON", "DIPLOMAT"})


def _speaks_for(a_role: str | None, b_role: str | None) -> bool:
    roles = {a_role, b_role}
    return "GOVERNMENT" in roles or ("FOREIGN_MINISTRY" in roles and roles <= _MINISTRY_VOICES)


def mode_family(event_type: str, mode: str | None) -> str:
    """The family key of a mode: modes of one family describe one act."""
    mode = mode or ""
    for number, family in enumerate(MODE_FAMILIES.get(event_type, ())):
        if mode in family:
            return f"{event_type}:{number}"
    return f"{event_type}:{mode}"


def modes_agree(event_type: str, a: str | None, b: str | None) -> bool:
    """Two mentions' modes can describe the same act (a mention without a mode agrees)."""
    return not a or not b or mode_family(event_type, a) == mode_family(event_type, b)


def _sides_compatible(
    event_name: str, event_role: str | None, found: ActorRef, *, same_act: bool
) -> bool:
    """Whether the event's actor on one side and a new mention's actor can be the same.

    Beyond `names_compatible`: when two mentions report the same kind of act (modes of one
    family), anyone of a side and the body that speaks for them ("Biden", "White House";
    "Peskov", "the Kremlin"; "Zakharova", "the Foreign Ministry") are one actor: outlets
    credit the same act to either.
    """
    if names_compatible(event_name, event_role, found.name, found.role):
        return True
    return same_act and _speaks_for(event_role, found.role)


def _event_rank(event: Event, found: DetectedEvent, quote: str) -> tuple[int, int, int] | None:
    """Whether a stored event is the one this mention reports, and how well: None when not.

    Modes must not disagree; the actors on both sides must be compatible (compared the same
    way round when the event was stored the other way round, for CONSULT and COOPERATE) or,
    in place of compatible actors, the evidence must be the same quotation. The rank orders
    the matches: closest date first, then an equal mode, then the oldest event.
    """
    if not modes_agree(found.type, found.mode, event.mode):
        return None
    same_mode = bool(found.mode) and found.mode == event.mode
    same_act = bool(found.mode) and bool(event.mode)  # both named, and (above) one family
    same_way = event.source_country == found.source.country
    src, tgt = (found.source, found.target) if same_way else (found.target, found.source)
    actors = _sides_compatible(
        event.source_name, event.source_role, src, same_act=same_act
    ) and _sides_compatible(event.target_name, event.target_role, tgt, same_act=same_act)
    evidence = bool(quote and event.quote) and quotes_match(
        normalize_text(event.quote or ""), quote
    )
    if not (actors or evidence):
        return None
    return (abs((event.event_date - found.event_date).days), int(not same_mode), event.id)


def _statement_matches(statement: Statement, found: DetectedStatement, quote: str) -> bool:
    """A stored statement is this quotation again: a compatible speaker, the same words."""
    return names_compatible(
        statement.speaker_name, statement.speaker_role, found.speaker.name, found.speaker.role
    ) and quotes_match(statement.quote_norm, quote)


# --- narrowing in SQL --------------------------------------------------------------------
#
# The look-ups below fetch only the rows the rules above could accept: the same type and
# sides, the date window, and an actor that can be compatible by one of the rules of
# `names_compatible` and `_sides_compatible` (equal names, a country, a person of the same
# surname, a body of the same role, a leader and their government in the same mode) or, for
# quotation evidence, any event with a quotation. The rules then decide among those rows
# exactly as before. A rule added above needs its clause here (tests/test_merge_narrowing.py
# checks the narrowing never drops a row the rules accept).


def actor_keys(name: str | None, role: str | None) -> tuple[str, str]:
    """An actor's match keys, stored beside its name: the normalised name and its surname."""
    return _actor_name(name or ""), _surname(name or "")


def _one_of(column: Any, roles: frozenset[str]) -> ColumnElement[bool]:
    """column IN (the roles), written into the SQL (a bound list is re-expanded per call)."""
    return column.in_([literal_column(f"'{role}'") for role in sorted(roles)])


def _may_be_compatible(
    norm: Any, surname: Any, role: Any, slot: str, mode: Any = None
) -> ColumnElement[bool]:
    """SQL: a stored actor (its key columns) that `_sides_compatible` may accept for the found
    actor whose parameters start with `slot` (see `_actor_params`). Written once, with bound
    parameters, so the statement is built and compiled once per process."""

    def param(name: str, kind: Any = None) -> Any:
        return bindparam(f"{slot}_{name}", type_=kind)

    person = param("person", Boolean())
    clauses = [
        param("any", Boolean()),  # the found actor is the country itself
        role == "COUNTRY",
        norm == param("norm"),
        and_(person, _one_of(role, _PERSON_ROLES), surname == param("surname")),
        and_(
            not_(person),
            or_(role == param("role"), and_(role.is_(None), param("role_none", Boolean()))),
        ),
    ]
    if mode is not None:  # anyone of a side and the body that speaks for it, the same act
        same_act = and_(_MODE != "", _family_of(mode) == _FAMILY)
        clauses += [
            and_(param("government", Boolean()), same_act),
            and_(role == "GOVERNMENT", same_act),
            and_(param("ministry", Boolean()), _one_of(role, _MINISTRY_VOICES), same_act),
            and_(param("ministry_voice", Boolean()), role == "FOREIGN_MINISTRY", same_act),
        ]
    return or_(*clauses)


def _actor_params(slot: str, found: ActorRef, mode: str = "") -> dict[str, Any]:
    norm, surname = actor_keys(found.name, found.role)
    return {
        f"{slot}_any": found.role == "COUNTRY",
        f"{slot}_norm": norm,
        f"{slot}_person": found.role in _PERSON_ROLES,
        f"{slot}_surname": surname,
        f"{slot}_role": found.role,
        f"{slot}_role_none": found.role is None,
        f"{slot}_government": found.role == "GOVERNMENT",
        f"{slot}_ministry": found.role == "FOREIGN_MINISTRY",
        f"{slot}_ministry_voice": found.role in _MINISTRY_VOICES,
    }


_MODE = bindparam("mode", type_=String())
_FAMILY = bindparam("family", type_=String())


def _family_of(mode: Any) -> Any:
    """SQL: the family key of a stored event's mode, as `mode_family` gives it."""
    whens = [
        (and_(Event.type == event_type, mode == literal_column(f"'{member}'")), f"{event_type}:{n}")
        for event_type, families in MODE_FAMILIES.items()
        for n, family in enumerate(families)
        for member in sorted(family)
    ]
    return case(*whens, else_=Event.type + literal_column("':'") + func.coalesce(mode, ""))


_DAY = dt.timedelta(days=1)


def _event_direction(source_slot: str, target_slot: str) -> ColumnElement[bool]:
    """Events stored with the found source's side (slot) as source, within the window, whose
    actors may be compatible, or that carry a quotation (evidence if the same words)."""
    return and_(
        Event.type == bindparam("type"),
        Event.source_country == bindparam(f"{source_slot}_country"),
        Event.target_country == bindparam(f"{target_slot}_country"),
        Event.event_date.between(bindparam("day_from"), bindparam("day_to")),
        or_(
            and_(
                _may_be_compatible(
                    Event.source_norm, Event.source_surname, Event.source_role, source_slot, Event.mode
                ),
                _may_be_compatible(
                    Event.target_norm, Event.target_surname, Event.target_role, target_slot, Event.mode
                ),
            ),
            and_(bindparam("quoted", type_=Boolean()), Event.quote.is_not(None), Event.quote != ""),
        ),
    )  # fmt: skip


# Modes must not disagree (a mention without a mode agrees with any): one family.
_MODES_AGREE = or_(
    _MODE == "", Event.mode.is_(None), Event.mode == "", _family_of(Event.mode) == _FAMILY
)
_EVENTS_ONE_WAY = select(Event).where(_event_direction("s", "t"), _MODES_AGREE).order_by(Event.id)
# CONSULT and COOPERATE: stored either way round (each way its own indexed range).
_EVENTS_BOTH_WAYS = (
    select(Event)
    .where(or_(_event_direction("s", "t"), _event_direction("t", "s")), _MODES_AGREE)
    .order_by(Event.id)
)


def find_event(session: Session, found: DetectedEvent) -> Event | None:
    """The stored event this mention reports, if any.

    Same type, same pair of sides (either way round for CONSULT and COOPERATE), event dates
    within a day, modes of one family, and compatible actors on both sides; or, in
    place of compatible actors, the same quotation as evidence. Among several candidates
    the one with the closest date and an equal mode wins.
    """
    quote = normalize_text(found.quote) if found.quote else ""
    mode = found.mode or ""
    params = {
        "type": found.type,
        "mode": mode,
        "family": mode_family(found.type, mode),
        "day_from": found.event_date - _DAY,
        "day_to": found.event_date + _DAY,
        "quoted": bool(quote),  # the same quotation is evidence enough, whoever the actors
        "s_country": found.source.country,
        "t_country": found.target.country,
        **_actor_params("s", found.source, mode),
        **_actor_params("t", found.target, mode),
    }
    query = _EVENTS_BOTH_WAYS if found.type in SYMMETRIC_TYPES else _EVENTS_ONE_WAY
    best: tuple[tuple[int, int, int], Event] | None = None
    for event in session.scalars(query, params):
        rank = _event_rank(event, found, quote)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, event)
    return best[1] if best else None


def _content_words(text: str) -> set[str]:
    return {w for w in text.split() if w not in _STOPWORDS and len(w) > 1}


def quotes_match(a: str, b: str) -> bool:
    """Two (normalised) quotations are the same words: equal, one inside the other, nearly
    identical, or, for longer paraphrases, nearly all the shorter one's content words in
    the longer one (indirect speech is reworded by each outlet)."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 20 and f" {shorter} " in f" {longer} ":
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # The quick ratios are upper bounds of ratio(): the same answer, most of the time cheaply.
    if (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and matcher.ratio() >= 0.85
    ):
        return True
    small, large = sorted((_content_words(a), _content_words(b)), key=len)
    return len(small) >= 6 and len(small & large) >= 0.8 * len(small)


def find_statement(
    session: Session, found: DetectedStatement, when: dt.date | None
) -> Statement | None:
    """The stored statement this quotation repeats: same side, compatible speaker, the same
    or nearly the same words, dated within three days (quotes are re-reported for days)."""
    params: dict[str, Any] = {"country": found.speaker.country, **_actor_params("p", found.speaker)}
    query = _STATEMENTS_ANY_DAY
    if when is not None:
        window = dt.timedelta(days=3)
        params |= {"day_from": when - window, "day_to": when + window}
        query = _STATEMENTS_IN_WINDOW
    quote = normalize_text(found.quote)
    for statement in session.scalars(query, params):
        if _statement_matches(statement, found, quote):
            return statement
    return None


_SPEAKER = and_(
    Statement.speaker_country == bindparam("country"),
    _may_be_compatible(
        Statement.speaker_norm, Statement.speaker_surname, Statement.speaker_role, "p"
    ),
)
_STATEMENTS_ANY_DAY = select(Statement).where(_SPEAKER).order_by(Statement.id)
# Undated statements, and those dated in the window (each its own indexed range).
_STATEMENTS_IN_WINDOW = (
    select(Statement)
    .where(
        or_(
            and_(_SPEAKER, Statement.statement_date.is_(None)),
            and_(
                _SPEAKER,
                Statement.statement_date.between(bindparam("day_from"), bindparam("day_to")),
            ),
        )
    )
    .order_by(Statement.id)
)


# --- a batch's candidates at once -------------------------------------------------------
#
# Storing a batch of articles loads, in one query per kind, every stored record any of the
# batch's mentions could join (the same type and sides, or speaker side, and date windows;
# no narrowing by actor) and applies the rules above to them in Python: what the look-ups
# above would find, each mention merged in turn with the records of the batch's earlier
# mentions too (tests/test_merge_narrowing.py compares both with the rules over every row
# of the window).

_STATEMENT_WINDOW = dt.timedelta(days=3)


def _merged(spans: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Date ranges joined where they overlap or touch: the fewest BETWEEN clauses."""
    out: list[tuple[dt.date, dt.date]] = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def event_keys(found: DetectedEvent) -> list[tuple[str, str, str]]:
    """The (type, source side, target side) keys of the stored events this mention may join."""
    keys = [(found.type, found.source.country, found.target.country)]
    if found.type in SYMMETRIC_TYPES and found.source.country != found.target.country:
        keys.append((found.type, found.target.country, found.source.country))
    return keys


def load_events(session: Session, founds: Iterable[DetectedEvent]) -> list[Event]:
    """Every stored event any of these mentions could join (one query), oldest first."""
    spans: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = {}
    for found in founds:
        for key in event_keys(found):
            spans.setdefault(key, []).append((found.event_date - _DAY, found.event_date + _DAY))
    if not spans:
        return []
    conditions = [
        and_(
            Event.type == event_type,
            Event.source_country == source,
            Event.target_country == target,
            or_(*[Event.event_date.between(low, high) for low, high in _merged(ranges)]),
        )
        for (event_type, source, target), ranges in sorted(spans.items())
    ]
    return list(session.scalars(select(Event).where(or_(*conditions)).order_by(Event.id)))


def best_event(candidates: Iterable[tuple[int, Event]], found: DetectedEvent) -> Event | None:
    """Among (order, event) pairs, the event this mention joins by the rules of `find_event`
    (the type, sides and date window checked here); `order` stands for the id in the rank
    (an event not yet inserted has none: it ranks after every stored one, in creation order)."""
    quote = normalize_text(found.quote) if found.quote else ""
    keys = set(event_keys(found))
    best: tuple[tuple[int, int, int], Event] | None = None
    for order, event in candidates:
        if (event.type, event.source_country, event.target_country) not in keys:
            continue
        if abs((event.event_date - found.event_date).days) > 1:
            continue
        rank = _event_rank(event, found, quote)
        if rank is None:
            continue
        ranked = (rank[0], rank[1], order)
        if best is None or ranked < best[0]:
            best = (ranked, event)
    return best[1] if best else None


def load_statements(
    session: Session, wanted: Iterable[tuple[DetectedStatement, dt.date | None]]
) -> list[Statement]:
    """Every stored statement any of these (dated) quotations could repeat (one query): the
    speaker's side, a speaker one of them may be, undated or dated within the windows;
    oldest first. Undated quotations
    are left out (`find_statement` looks them up one by one: any day matches)."""
    spans: dict[str, list[tuple[dt.date, dt.date]]] = {}
    speakers: dict[str, list[ActorRef]] = {}
    for found, when in wanted:
        if when is not None:
            spans.setdefault(found.speaker.country, []).append(
                (when - _STATEMENT_WINDOW, when + _STATEMENT_WINDOW)
            )
            speakers.setdefault(found.speaker.country, []).append(found.speaker)
    if not spans:
        return []
    conditions = [
        and_(
            Statement.speaker_country == country,
            _any_speaker(speakers[country]),
            or_(
                Statement.statement_date.is_(None),
                *[Statement.statement_date.between(low, high) for low, high in _merged(ranges)],
            ),
        )
        for country, ranges in sorted(spans.items())
    ]
    return list(session.scalars(select(Statement).where(or_(*conditions)).order_by(Statement.id)))


def _any_speaker(speakers: list[ActorRef]) -> ColumnElement[bool]:
    """SQL: stored speakers `_may_be_compatible` may accept for at least one of these (all of
    one side): the union of its clauses, so the windows' rows of other speakers stay out."""
    if any(s.role == "COUNTRY" for s in speakers):
        return true()
    role = Statement.speaker_role
    clauses = [
        role == "COUNTRY",
        Statement.speaker_norm.in_(sorted({actor_keys(s.name, s.role)[0] for s in speakers})),
    ]
    surnames = {actor_keys(s.name, s.role)[1] for s in speakers if s.role in _PERSON_ROLES}
    if surnames:
        clauses.append(
            and_(_one_of(role, _PERSON_ROLES), Statement.speaker_surname.in_(sorted(surnames)))
        )
    roles = {s.role for s in speakers if s.role is not None and s.role not in _PERSON_ROLES}
    if roles:
        clauses.append(role.in_(sorted(roles)))
    if any(s.role is None for s in speakers):
        clauses.append(role.is_(None))
    return or_(*clauses)


def first_statement(
    candidates: Iterable[Statement], found: DetectedStatement, when: dt.date | None
) -> Statement | None:
    """The first of these statements (in the order given: oldest first) that this quotation
    repeats by the rules of `find_statement` (side and date window checked here)."""
    quote = normalize_text(found.quote)
    for statement in candidates:
        if statement.speaker_country != found.speaker.country:
            continue
        day = statement.statement_date
        if when is not None and day is not None and abs(day - when) > _STATEMENT_WINDOW:
            continue
        if _statement_matches(statement, found, quote):
            return statement
    return None


def lock_merge_keys(session: Session, detections: Detection | Iterable[Detection]) -> None:
    """Serialise merging of the same kind of record across concurrent writers.

    Two workers storing two outlets' versions of one story at the same moment would each
    miss the other's uncommitted event and create a duplicate (and a duplicate alert). On
    Postgres a transaction-level advisory lock per (type, sides) and per speaker side makes
    the second writer wait and then see the first one's rows (READ COMMITTED re-reads).
    A batch takes every lock it needs at once, in sorted order, so two writers can never
    deadlock on them. SQLite already allows one writer at a time.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    batch = [detections] if isinstance(detections, Detection) else list(detections)
    names = {
        f"e|{e.type}|{'|'.join(sorted((e.source.country, e.target.country)))}"
        for detection in batch
        for e in detection.events
    }
    names |= {f"s|{s.speaker.country}" for detection in batch for s in detection.statements}
    keys = [
        int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)
        for name in sorted(names)
    ]
    if keys:  # one round trip: unnest yields the keys, and they are locked, in this order
        session.execute(_LOCK_ALL, {"keys": keys})


_LOCK_ALL = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k")
