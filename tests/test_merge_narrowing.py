"""The merge look-ups narrow candidates in SQL; the rules in merge.py still decide. These tests
compare the narrowed look-ups, and a batch's look-ups (all candidates loaded at once, the
rules applied in Python), with the rules applied to every row of the date window (what the
look-ups did before they were narrowed) over a few hundred random actors, roles, modes,
directions and quotations: the narrowing must never drop a row the rules would accept."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import or_, select

from pipeline import db, merge, store_detections
from pipeline.models import SYMMETRIC_TYPES, ActorRef, DetectedEvent, DetectedStatement
from pipeline.schema import Event, Statement, utcnow

ACTORS = {
    "USA": [
        ("Joe Biden", "HEAD_OF_STATE"),
        ("Biden", "HEAD_OF_STATE"),
        ("White House", "GOVERNMENT"),
        ("Biden administration", "GOVERNMENT"),
        ("United States", "COUNTRY"),
        ("State Department", "FOREIGN_MINISTRY"),
        ("U.S. State Department", "FOREIGN_MINISTRY"),
        ("Antony Blinken", "DIPLOMAT"),
        ("Blinken", "SPOKESPERSON"),
        ("Pentagon", "MILITARY"),
        ("the Pentagon", None),
        ("White House", "SPOKESPERSON"),  # an equal name under another role
    ],
    "RUS": [
        ("Vladimir Putin", "HEAD_OF_STATE"),
        ("Putin", "OFFICIAL"),
        ("Kremlin", "GOVERNMENT"),
        ("the Kremlin", "GOVERNMENT"),
        ("Russia", "COUNTRY"),
        ("Foreign Ministry", "FOREIGN_MINISTRY"),
        ("Russian Foreign Ministry", "FOREIGN_MINISTRY"),
        ("Dmitry Peskov", "SPOKESPERSON"),
        ("Sergei Lavrov", "FOREIGN_MINISTRY"),
        ("Anatoly Antonov", "DIPLOMAT"),
        ("Mikhail Mishustin", "HEAD_OF_GOVERNMENT"),
        ("Kremlin", None),
        ("Duma", "LEGISLATURE"),
    ],
}
QUOTES = [
    None,
    None,
    "It takes one to know one",
    "it takes one to know one.",
    "Washington has once again chosen confrontation over dialogue",
    "We will respond to these sanctions in kind and without delay",
]
TYPES = ["ACCUSE", "CONSULT", "REJECT"]
# Modes of one family (criticize, allege, insult; offer, meeting; meeting, talks) and apart
# (call) so the family rules are exercised on every type.
MODES = [None, "", "criticize", "allege", "insult", "offer", "meeting", "talks", "call"]
DAY = dt.date(2024, 3, 10)


def _actor(rng: random.Random, side: str) -> ActorRef:
    name, role = rng.choice(ACTORS[side])
    return ActorRef(name, side, role)  # type: ignore[arg-type]


def _found(rng: random.Random) -> DetectedEvent:
    source, target = ("USA", "RUS") if rng.random() < 0.5 else ("RUS", "USA")
    return DetectedEvent(
        type=rng.choice(TYPES),
        mode=rng.choice(MODES),
        source=_actor(rng, source),
        target=_actor(rng, target),
        sentence="s",
        event_date=DAY + dt.timedelta(days=rng.randint(-3, 3)),
        confidence=0.7,
        quote=rng.choice(QUOTES),
    )


def _event_row(found: DetectedEvent) -> Event:
    """A stored event as storage makes it (one mention)."""
    event = store_detections._new_event(found, utcnow())
    event.sentence = "s"
    event.mention_count = 1
    return event


def _every_window_row(session, found: DetectedEvent) -> Event | None:
    """The rules over every event of the type, sides and date window: the unnarrowed look-up."""
    day = dt.timedelta(days=1)
    sides = [(found.source.country, found.target.country)]
    if found.type in SYMMETRIC_TYPES:
        sides.append((found.target.country, found.source.country))
    rows = session.scalars(
        select(Event)
        .where(
            Event.type == found.type,
            or_(*[(Event.source_country == s) & (Event.target_country == t) for s, t in sides]),
            Event.event_date.between(found.event_date - day, found.event_date + day),
        )
        .order_by(Event.id)
    )
    quote = merge.normalize_text(found.quote) if found.quote else ""
    ranked = [(rank, e) for e in rows if (rank := merge._event_rank(e, found, quote)) is not None]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def test_narrowed_event_lookup_finds_what_the_rules_accept(db_url):
    db.ensure_schema(db_url)
    rng = random.Random(20261206)
    with db.session_scope(db_url) as session:
        session.add_all(_event_row(_found(rng)) for _ in range(400))
    matched = 0
    founds = [_found(rng) for _ in range(400)]
    with db.session_scope(db_url) as session:
        # A batch's look-up: every candidate of all 400 mentions in one query, rules in Python.
        batch = list(enumerate(merge.load_events(session, founds)))
        for found in founds:
            expected = _every_window_row(session, found)
            got = merge.find_event(session, found)
            assert (got.id if got else None) == (expected.id if expected else None), found
            assert merge.best_event(batch, found) is expected, found
            alone = enumerate(merge.load_events(session, [found]))
            assert merge.best_event(alone, found) is expected, found
            matched += expected is not None
    assert 100 < matched < 400  # both outcomes were exercised


def test_narrowed_statement_lookup_finds_what_the_rules_accept(db_url):
    db.ensure_schema(db_url)
    rng = random.Random(7)

    def said() -> tuple[DetectedStatement, dt.date | None]:
        side = rng.choice(["USA", "RUS"])
        quote = rng.choice([q for q in QUOTES if q])
        when = None if rng.random() < 0.05 else DAY + dt.timedelta(days=rng.randint(-6, 6))
        return DetectedStatement(_actor(rng, side), quote, "s", ["USA"]), when

    with db.session_scope(db_url) as session:
        for _ in range(300):
            found, when = said()
            norm, surname = merge.actor_keys(found.speaker.name, found.speaker.role)
            session.add(
                Statement(
                    speaker_name=found.speaker.name,
                    speaker_country=found.speaker.country,
                    speaker_role=found.speaker.role,
                    speaker_norm=norm,
                    speaker_surname=surname,
                    quote=found.quote,
                    quote_norm=merge.normalize_text(found.quote),
                    about=["USA"],
                    sentence="s",
                    statement_date=when,
                    mention_count=1,
                )
            )
    matched = 0
    wanted = [said() for _ in range(300)]
    with db.session_scope(db_url) as session:
        batch = merge.load_statements(session, wanted)  # the dated ones' candidates at once
        for found, when in wanted:
            query = select(Statement).where(Statement.speaker_country == found.speaker.country)
            if when is not None:
                window = dt.timedelta(days=3)
                query = query.where(
                    or_(
                        Statement.statement_date.is_(None),
                        Statement.statement_date.between(when - window, when + window),
                    )
                )
            quote = merge.normalize_text(found.quote)
            expected = next(
                (
                    s
                    for s in session.scalars(query.order_by(Statement.id))
                    if merge._statement_matches(s, found, quote)
                ),
                None,
            )
            got = merge.find_statement(session, found, when)
            assert (got.id if got else None) == (expected.id if expected else None), found
            if when is not None:
                assert merge.first_statement(batch, found, when) is expected, found
                alone = merge.load_statements(session, [(found, when)])  # narrowest load
                assert merge.first_statement(alone, found, when) is expected, found
            matched += expected is not None
    assert 50 < matched < 300


def test_upgrade_fills_the_match_keys_of_stored_records(db_url):
    """Records stored before revision 0005 get their keys, so old stories still merge."""
    import sqlalchemy as sa

    db.upgrade(db_url, "0004")
    with db.get_engine(db_url).begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO events (type, mode, source_name, source_country, source_role,"
                " target_name, target_country, target_role, event_date, confidence, sentence,"
                " mention_count, first_seen_at, last_seen_at) VALUES ('ACCUSE', 'criticize',"
                " 'The Kremlin', 'RUS', 'GOVERNMENT', 'President Joe Biden', 'USA',"
                " 'HEAD_OF_STATE', '2024-03-10', 0.8, 's', 1, CURRENT_TIMESTAMP,"
                " CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO statements (speaker_name, speaker_country, speaker_role, quote,"
                " quote_norm, direct, about, sentence, statement_date, mention_count,"
                " first_seen_at, last_seen_at) VALUES ('Dmitry Peskov', 'RUS', 'SPOKESPERSON',"
                " 'No.', 'no', true, '[]', 's', '2024-03-10', 1, CURRENT_TIMESTAMP,"
                " CURRENT_TIMESTAMP)"
            )
        )
    db.ensure_schema(db_url)
    with db.get_engine(db_url).connect() as connection:
        keys = connection.execute(
            sa.text("SELECT source_norm, source_surname, target_norm, target_surname FROM events")
        ).one()
        speaker = connection.execute(
            sa.text("SELECT speaker_norm, speaker_surname FROM statements")
        ).one()
    assert tuple(keys) == ("kremlin", "kremlin", "president joe biden", "biden")
    assert tuple(speaker) == ("dmitry peskov", "peskov")
    found = DetectedEvent(
        "ACCUSE",
        "criticize",
        ActorRef("Kremlin", "RUS", "GOVERNMENT"),
        ActorRef("Biden", "USA", "HEAD_OF_STATE"),
        "s2",
        DAY,
        0.8,
    )
    with db.session_scope(db_url) as session:
        assert merge.find_event(session, found) is not None
