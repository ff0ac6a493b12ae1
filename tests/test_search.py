"""Full-text search (pipeline/search.py, migration 0003): the query language, the index kept in
step by triggers on every write, and the same answers from SQLite FTS5 and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text

from pipeline import db, search
from pipeline.filters import EventFilter, StatementFilter, parse_query
from pipeline.query import list_events, list_statements
from pipeline.schema import Article, Event, EventMention, Statement, StatementMention

NOW = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


def _event(sentence: str, **values) -> Event:
    base = dict(
        type="ACCUSE",
        source_name="United States",
        source_country="USA",
        target_name="Russia",
        target_country="RUS",
        event_date=dt.date(2024, 4, 30),
        confidence=0.8,
        sentence=sentence,
        mention_count=0,
        first_seen_at=NOW,
        last_seen_at=NOW,
    )
    base.update(values)
    return Event(**base)


def _mention(event: Event, article: Article, key: str, sentence: str, **values) -> EventMention:
    return EventMention(
        event=event,
        article=article,
        key=key,
        type=event.type,
        source={"name": event.source_name, "country": event.source_country},
        target={"name": event.target_name, "country": event.target_country},
        sentence=sentence,
        event_date=event.event_date,
        confidence=event.confidence,
        detector_version="test",
        **values,
    )


def _found(url: str, q: str) -> list[str]:
    """The first sentences of the events matching `q`, sorted."""
    with db.session_scope(url) as session:
        page = list_events(session, EventFilter(query=parse_query(q)), limit=None)
    return sorted(e["sentence"] for e in page.items)


# --- the query language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "fts5", "tsquery"),
    [
        ("lavrov sanctions", '("lavrov" AND "sanctions")', "(('lavrov') & ('sanctions'))"),
        ('"prisoner swap"', '("prisoner swap")', "(('prisoner' <-> 'swap'))"),
        ("sanction*", '("sanction" *)', "(('sanction':*))"),
        ("sanctions -oil", '(("sanctions") NOT "oil")', "(('sanctions') & !('oil'))"),
        ("killer OR thug", '("killer") OR ("thug")', "(('killer')) | (('thug'))"),
        ("U.S.", '("u s")', "(('u' <-> 's'))"),
        ("Лавров", '("лавров")', "(('лавров'))"),
    ],
)
def test_query_language_in_both_dialects(q, fts5, tsquery):
    parsed = search.parse(q)
    assert search.to_fts5(parsed) == fts5
    assert search.to_tsquery(parsed) == tsquery


@pytest.mark.parametrize(
    ("q", "problem"),
    [
        ("", "no word"),
        ("!!! ???", "no word"),
        ("-oil", "only excludes"),
        ("x" * 501, "at most 500"),
        (" ".join(["w"] * 33), "at most 32"),
    ],
)
def test_queries_the_language_refuses(q, problem):
    with pytest.raises(search.SearchSyntaxError, match=problem):
        search.parse(q)


# --- the index, kept in step by the database itself --------------------------------------------


def test_index_follows_inserts_updates_and_deletes(db_url):
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        article = Article(
            url="https://news.example/a", state="detected", title="Kremlin snubs call"
        )
        event = _event("Washington blamed Moscow for the hack.")
        session.add_all([article, event])
        session.flush()
        event_id = event.id
    assert _found(db_url, "hack") == ["Washington blamed Moscow for the hack."]
    assert _found(db_url, "snubs") == []  # the article reports nothing yet

    with db.session_scope(db_url) as session:
        event = session.get(Event, event_id)
        article = session.scalar(select(Article))
        session.add(
            _mention(event, article, "k1", "Officials cited SolarWinds.", quote="a grave act")
        )
    # a mention brings its sentence, its quote and its article's title
    for q in ("solarwinds", '"grave act"', "snubs"):
        assert _found(db_url, q) == ["Washington blamed Moscow for the hack."], q

    with db.session_scope(db_url) as session:
        session.scalar(select(Article)).title = "Moscow rebuffs Washington"
        session.get(Event, event_id).sentence = "Washington accused Moscow of the intrusion."
    assert _found(db_url, "rebuffs") == ["Washington accused Moscow of the intrusion."]
    assert _found(db_url, "snubs") == [] and _found(db_url, "hack") == []

    with db.session_scope(db_url) as session:
        session.execute(delete(EventMention))
    assert _found(db_url, "solarwinds") == [] and _found(db_url, "rebuffs") == []
    assert _found(db_url, "intrusion") == ["Washington accused Moscow of the intrusion."]

    with db.session_scope(db_url) as session:
        session.delete(session.get(Event, event_id))
    assert _found(db_url, "intrusion") == []


def test_statements_are_searched_by_quote_speaker_and_title(db_url):
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        article = Article(url="https://news.example/b", state="detected", title="Peskov speaks")
        said = Statement(
            speaker_name="Dmitry Peskov",
            speaker_country="RUS",
            quote="the offer was meant to prevent irreparable damage",
            quote_norm="x",
            direct=False,
            about=["USA"],
            sentence="Peskov said the offer was meant to prevent irreparable damage.",
            mention_count=1,
            first_seen_at=NOW,
            last_seen_at=NOW,
        )
        session.add_all([article, said])
        session.add(
            StatementMention(
                statement=said,
                article=article,
                key="s1",
                speaker={"name": "Kremlin spokesman Dmitry Peskov", "country": "RUS"},
                quote=said.quote,
                sentence=said.sentence,
                detector_version="test",
            )
        )
    for q in ("irreparable", "peskov", "spokesman", "speaks", '"prevent irreparable"'):
        with db.session_scope(db_url) as session:
            page = list_statements(session, StatementFilter(query=parse_query(q)))
        assert [s["speaker"]["name"] for s in page.items] == ["Dmitry Peskov"], q


def test_a_new_index_covers_records_stored_before_it(db_url):
    """Migrating an older database indexes what it already holds."""
    db.upgrade(db_url, "0002")
    with db.get_engine(db_url).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO events (type, source_name, source_country, target_name,"
                " target_country, event_date, confidence, sentence, mention_count,"
                " first_seen_at, last_seen_at) VALUES ('THREATEN', 'United States', 'USA',"
                " 'Russia', 'RUS', '2021-03-17', 0.9, 'Biden warned of retaliation.', 0,"
                " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    db.upgrade(db_url)
    assert _found(db_url, "retaliation") == ["Biden warned of retaliation."]


# --- the same answers on both databases ----------------------------------------------------

CORPUS = [
    "The U.S. imposed sanctions on Russian banks.",
    "Moscow called Biden's remarks a 'killer' insult.",
    "Putin's spokesman Dmitry Peskov rejected the accusation.",
    "US-Russia talks in Geneva ended without agreement.",
    "The prisoner swap took place in Abu Dhabi on Friday.",
    "Лавров заявил о готовности к переговорам.",
    "Sanctions relief was not on the table, officials said.",
    "G7 leaders discussed the 2024 summit; Kremlin dismissed it.",
    "Café diplomacy: envoys met over coffee in Zürich.",
    "Washington sanctioned 12 officials over the hack.",
]
QUERIES = {
    "sanctions": [0, 6],
    "sanction*": [0, 6, 9],
    '"prisoner swap"': [4],
    "killer": [1],
    "peskov accusation": [2],
    "u.s.": [0],
    "us": [3],
    "US-Russia": [3],
    "лавров": [5],
    "g7": [7],
    "2024": [7],
    "café": [8],
    "zürich": [8],
    "sanctions -relief": [0],
    "geneva OR dhabi": [3, 4],
    '"russia talks"': [3],
    "kremlin": [7],
    "KREMLIN dismissed": [7],
    "swap*  -friday": [],
}


@pytest.fixture
def corpus_url(db_url):
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        session.add_all(_event(sentence) for sentence in CORPUS)
    return db_url


@pytest.mark.parametrize(("q", "expected"), sorted(QUERIES.items()))
def test_the_same_results_on_both_databases(corpus_url, q, expected):
    """Each query has one expected answer, checked on SQLite and on PostgreSQL."""
    assert _found(corpus_url, q) == sorted(CORPUS[i] for i in expected)


WORDS = ["sanctions", "Kremlin", "talks", "U.S.", "Peskov", "swap", "café", "Лавров", "g7", "2024"]
sentences = st.lists(
    st.sampled_from(WORDS + ["and", "the", "-", ",", "'", '"', "US-Russia", "(Moscow)"]),
    min_size=1,
    max_size=12,
).map(" ".join)
queries = st.lists(
    st.one_of(
        st.sampled_from(WORDS + ["OR", "-talks", "kreml*", '"u.s. swap"', "sanction*"]),
        st.text(alphabet='abcdeklmnorstwé.-*" ', min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(docs=st.lists(sentences, min_size=1, max_size=8), q=queries)
def test_sqlite_and_postgres_agree_on_random_searches(sqlite_url, pg_url, docs, q):
    try:
        search.parse(q)
    except search.SearchSyntaxError:
        return
    found = []
    for url in (sqlite_url, pg_url):
        db.ensure_schema(url)
        with db.session_scope(url) as session:
            session.execute(delete(Event))
            session.add_all(_event(sentence) for sentence in docs)
        found.append(_found(url, q))
    assert found[0] == found[1], (docs, q)


def test_actor_and_speaker_filters_search_names_only(db_url):
    """`actor` finds the words of a name (the last one perhaps begun) among an event's
    actors, reporters and quote speakers, in any mention; never in its sentences."""
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        article = Article(url="https://news.example/c", state="detected", title="Lavrov on talks")
        named = _event(
            "Moscow rejected the offer.", source_name="Sergei Lavrov", source_country="RUS"
        )
        reported = _event("Russia said the talks were off.")
        mentioned = _event("Sergei Lavrov's remarks were noted.")  # a name in a sentence only
        session.add_all([article, named, reported, mentioned])
        session.flush()
        session.add(
            _mention(
                reported, article, "r1", "Russia said the talks were off.",
                reported_by={"name": "Maria Zakharova", "country": "RUS"},
            )
        )  # fmt: skip

    def found(actor: str) -> list[str]:
        with db.session_scope(db_url) as session:
            page = list_events(session, EventFilter(actor=actor), limit=None)
        return sorted(e["sentence"] for e in page.items)

    assert (
        found("lavrov") == found("Sergei Lavrov") == found("lavr") == ["Moscow rejected the offer."]
    )
    assert found("zakharova") == ["Russia said the talks were off."]
    assert found("avrov") == [] and found("lavrov sergei") == []
