"""Merging detections across articles: one event or statement, many mentions; distinct ones
kept apart; concurrent writers do not duplicate a story (Postgres advisory locks)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from pipeline import db, store
from pipeline.merge import names_compatible, normalize_text, quotes_match
from pipeline.models import ActorRef, DetectedEvent, DetectedStatement, Detection
from pipeline.schema import Event, Statement
from tests.test_alerts_support import add_article, outlet_detection, seed_detection, store_story

USA = ActorRef("United States", "USA", "COUNTRY")
RUS = ActorRef("Russia", "RUS", "COUNTRY")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("the Kremlin", "GOVERNMENT"), ("Kremlin", "GOVERNMENT"), True),
        (("Dmitry Peskov", "SPOKESPERSON"), ("Peskov", "SPOKESPERSON"), True),
        (("Foreign Ministry", "FOREIGN_MINISTRY"), ("Russian Foreign Ministry", "FOREIGN_MINISTRY"), True),
        (("White House", "GOVERNMENT"), ("Biden administration", "GOVERNMENT"), True),
        (("Washington", "COUNTRY"), ("State Department", "FOREIGN_MINISTRY"), True),
        (("Sergei Lavrov", "FOREIGN_MINISTRY"), ("Foreign Ministry", "FOREIGN_MINISTRY"), False),
        (("Dmitry Peskov", "SPOKESPERSON"), ("Maria Zakharova", "SPOKESPERSON"), False),
        (("State Department", "FOREIGN_MINISTRY"), ("Pentagon", "MILITARY"), False),
        (("Joe Biden", "HEAD_OF_STATE"), ("White House", "GOVERNMENT"), False),
        (("Ministry", "FOREIGN_MINISTRY"), ("Defense Ministry", "MILITARY"), False),
    ],
)  # fmt: skip
def test_names_compatible(a, b, same):
    assert names_compatible(a[0], a[1], b[0], b[1]) is same
    assert names_compatible(b[0], b[1], a[0], a[1]) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("I do", "I do.", True),
        ("I do", "I do not think so", False),
        ("It takes one to know one", "\u201cIt takes one to know one,\u201d", True),
        ("relations created through the fault of Washington", "One more opportunity has been "
         "missed to find a way out of the deadlock in relations created through the fault of "
         "Washington", True),
        ("the offer was intended to prevent irreparable damage to ties between Russia and the "
         "United States", "the call offer was meant to prevent Biden's statement from causing "
         "irreparable damage to the ties between Russia and the United States", True),
        ("Russia is ready to talk about strategic stability", "Russia will expel ten American "
         "diplomats in response to the sanctions", False),
        ("quite busy", "very busy", False),
    ],
)  # fmt: skip
def test_quotes_match(a, b, same):
    assert quotes_match(normalize_text(a), normalize_text(b)) is same


def _counts(db_url: str) -> tuple[int, int]:
    with db.session_scope(db_url) as session:
        events = session.scalar(select(func.count()).select_from(Event))
        statements = session.scalar(select(func.count()).select_from(Statement))
    return int(events or 0), int(statements or 0)


def test_two_outlets_one_story(db_url):
    seed, outlet = seed_detection(), outlet_detection()
    counts = store_story(db_url)
    assert counts[0].events_new == len(seed.events) == 5
    assert counts[1].events_new == 0 and counts[1].statements_new == 0
    assert _counts(db_url) == (5, 6)
    with db.session_scope(db_url) as session:
        mentions = {
            e.type + "/" + (e.mode or ""): e.mention_count for e in session.scalars(select(Event))
        }
        # The first outlet's wording is kept as the record's face.
        reject = session.scalars(select(Event).where(Event.type == "REJECT")).one()
        assert reject.source_name == "United States"
        peskov = session.scalars(
            select(Statement).where(Statement.speaker_name == "Dmitry Peskov")
        ).one()
        assert peskov.mention_count == 2
    assert set(mentions.values()) == {2}
    assert len(outlet.statements) == 4


def test_distinct_events_stay_apart(db_url):
    db.ensure_schema(db_url)
    day = dt.date(2021, 4, 15)
    biden = ActorRef("Joe Biden", "USA", "HEAD_OF_STATE")
    state = ActorRef("State Department", "USA", "FOREIGN_MINISTRY")
    events = [
        DetectedEvent("ACCUSE", "criticize", biden, RUS, "a", day, 0.8),
        DetectedEvent("ACCUSE", "allege", state, RUS, "b", day, 0.8),  # another mode
        DetectedEvent("ACCUSE", "criticize", biden, RUS, "c", day + dt.timedelta(days=3), 0.8),
        DetectedEvent("ACCUSE", "criticize", RUS, USA, "d", day, 0.8),  # the other direction
        DetectedEvent("SANCTION", "economic", USA, RUS, "e", day, 0.9),
        DetectedEvent("SANCTION", "economic", USA, RUS, "f", day + dt.timedelta(days=1), 0.9),
        DetectedEvent("CONSULT", "call", RUS, USA, "g", day, 0.9),
        DetectedEvent("CONSULT", "call", USA, RUS, "h", day, 0.9),  # symmetric: same call
    ]
    with db.session_scope(db_url) as session:
        article = add_article(session, "https://example.org/many")
        counts = store.store_detection(session, article, Detection(True, events, []))
    assert counts.events_new == 6
    assert counts.event_mentions == 8


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one remark, called an insult by one outlet and criticism by another
        (
            ("ACCUSE", "insult", ActorRef("Joe Biden", "USA", "HEAD_OF_STATE")),
            ("ACCUSE", "criticize", ActorRef("Biden", "USA", "HEAD_OF_STATE")),
        ),
        # one refusal, credited to the spokesman and to the government he speaks for
        (
            ("REJECT", "offer", ActorRef("Dmitry Peskov", "RUS", "SPOKESPERSON")),
            ("REJECT", "meeting", ActorRef("Kremlin", "RUS", "GOVERNMENT")),
        ),
        # one warning, by the minister and by her ministry
        (
            ("THREATEN", "retaliation", ActorRef("Maria Zakharova", "RUS", "SPOKESPERSON")),
            ("THREATEN", "threat", ActorRef("Russian Foreign Ministry", "RUS", "FOREIGN_MINISTRY")),
        ),
    ],
)
def test_one_act_in_two_modes_or_by_speaker_and_government_is_one_event_with_one_alert(
    db_url, tmp_path, monkeypatch, first, second
):
    from pipeline.alerts import enqueue_hook, load_alerts
    from pipeline.schema import Delivery
    from tests.test_alerts_support import write_alerts

    monkeypatch.setenv("HOOK_SECRET", "s3cret-for-tests")
    config = load_alerts(
        write_alerts(
            tmp_path,
            "channels:\n  - {name: hook, type: webhook, url: 'http://127.0.0.1:9/x', "
            "secret_env: HOOK_SECRET}\nrules:\n  - {name: everything, channels: [hook]}\n",
        )
    )
    db.ensure_schema(db_url)
    day = dt.date(2021, 3, 22)
    for n, (kind, mode, actor) in enumerate((first, second)):
        other = USA if actor.country == "RUS" else RUS
        found = DetectedEvent(kind, mode, actor, other, f"report {n}", day, 0.8)
        with db.session_scope(db_url) as session:
            article = add_article(session, f"https://outlet{n}.example/story")
            store.store_detection(
                session, article, Detection(True, [found], []), on_new=enqueue_hook(config)
            )
    with db.session_scope(db_url) as session:
        events = list(session.scalars(select(Event)))
        assert [(e.type, e.mention_count) for e in events] == [(first[0], 2)]
        alerts = session.scalar(
            select(func.count()).select_from(Delivery).where(Delivery.kind == "event")
        )
        assert alerts == 1


def test_different_acts_of_one_type_stay_apart(db_url):
    db.ensure_schema(db_url)
    day = dt.date(2016, 12, 29)
    kremlin = ActorRef("Kremlin", "RUS", "GOVERNMENT")
    white_house = ActorRef("White House", "USA", "GOVERNMENT")
    events = [
        DetectedEvent("SANCTION", "economic", white_house, RUS, "a", day, 0.9),
        DetectedEvent("SANCTION", "diplomatic", white_house, RUS, "b", day, 0.9),  # expulsions
        DetectedEvent("CONSULT", "call", kremlin, USA, "c", day, 0.9),
        DetectedEvent("CONSULT", "meeting", kremlin, USA, "d", day, 0.9),  # not the call
        DetectedEvent("REJECT", "accusation", kremlin, USA, "e", day, 0.9),  # a denial
        DetectedEvent("REJECT", "offer", kremlin, USA, "f", day, 0.9),  # not the denial
        DetectedEvent("AGREE", "offer", kremlin, USA, "g", day, 0.9),
        DetectedEvent("AGREE", "accept", kremlin, USA, "h", day, 0.9),  # not the offer
    ]
    with db.session_scope(db_url) as session:
        article = add_article(session, "https://example.org/apart")
        counts = store.store_detection(session, article, Detection(True, events, []))
    assert counts.events_new == 8


def test_statement_windows_and_speakers(db_url):
    db.ensure_schema(db_url)
    peskov = ActorRef("Dmitry Peskov", "RUS", "SPOKESPERSON")
    zakharova = ActorRef("Maria Zakharova", "RUS", "SPOKESPERSON")
    quote = "Washington has once again chosen confrontation over dialogue"
    said = [
        DetectedStatement(peskov, quote, "s", ["USA"], statement_date=dt.date(2021, 4, 1)),
        DetectedStatement(zakharova, quote, "s", ["USA"], statement_date=dt.date(2021, 4, 1)),
        # The same words a month later are a new statement.
        DetectedStatement(peskov, quote, "s", ["USA"], statement_date=dt.date(2021, 5, 1)),
    ]
    with db.session_scope(db_url) as session:
        article = add_article(session, "https://example.org/said")
        counts = store.store_detection(session, article, Detection(True, [], said))
    assert counts.statements_new == 3


def test_concurrent_writers_do_not_duplicate_a_story(pg_url):
    """Two workers store the two outlets' versions at the same moment: the second waits for
    the first's transaction (advisory lock) and merges into its records. (Postgres only:
    SQLite has one writer at a time, so the race cannot happen there.)"""
    db_url = pg_url
    db.ensure_schema(db_url)
    first_stored = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with db.session_scope(db_url) as session:
                article = add_article(session, "https://a.example/1")
                store.store_detection(session, article, seed_detection())
                first_stored.set()
                threading.Event().wait(0.8)  # still uncommitted while the second one starts
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
            first_stored.set()

    def second() -> None:
        first_stored.wait(10)
        try:
            with db.session_scope(db_url) as session:
                article = add_article(session, "https://b.example/2")
                store.store_detection(session, article, outlet_detection())
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert _counts(db_url) == (5, 6)
