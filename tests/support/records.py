"""Stored records for the query, API, page and browser tests: a small but varied database.

`seed_records(url)` writes feeds, articles, events with several mentions from several
outlets, statements (direct and paraphrased, one with a hostile quote), and passes, all
derived deterministically from a seed, through the ORM (so the search triggers run as they
do for the pipeline). It returns the few records tests look for by name.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from pipeline import db
from pipeline.models import EVENT_TYPES
from pipeline.schema import (
    Article,
    Event,
    EventMention,
    Feed,
    Run,
    Statement,
    StatementMention,
)

NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
FIRST_DAY = dt.date(2024, 3, 1)
HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'

ACTORS = {
    "USA": [
        ("United States", "COUNTRY"),
        ("Joe Biden", "HEAD_OF_STATE"),
        ("Antony Blinken", "FOREIGN_MINISTRY"),
        ("State Department", "FOREIGN_MINISTRY"),
        ("White House", "GOVERNMENT"),
    ],
    "RUS": [
        ("Russia", "COUNTRY"),
        ("Vladimir Putin", "HEAD_OF_STATE"),
        ("Sergei Lavrov", "FOREIGN_MINISTRY"),
        ("Dmitry Peskov", "SPOKESPERSON"),
        ("Russian Foreign Ministry", "FOREIGN_MINISTRY"),
    ],
}
VERBS = {
    "AGREE": ("offer", "offered talks to"),
    "CONSULT": ("call", "held a phone call with"),
    "SUPPORT": ("praise", "praised"),
    "COOPERATE": ("exchange", "agreed a prisoner swap with"),
    "CONCEDE": ("release", "released a detained citizen of"),
    "REQUEST": ("demand", "demanded guarantees from"),
    "ACCUSE": ("criticize", "accused"),
    "REJECT": ("offer", "rejected the proposal of"),
    "THREATEN": ("sanctions", "warned of new sanctions against"),
    "SANCTION": ("economic", "imposed sanctions on"),
    "COERCE": ("arrest", "detained a national of"),
    "ASSAULT": ("cyber", "was blamed for a cyberattack on"),
    "MOBILIZE": ("military", "moved troops near"),
}
OUTLETS = [
    ("wire-world", "https://www.reuters.example/world/"),
    ("ap-europe", "https://apnews.example/article/"),
    ("tass-en", "https://tass.example/politics/"),
    ("bbc-europe", "https://www.bbc.example/news/"),
    ("kremlin-en", "http://en.kremlin.example/events/"),
]


@dataclass
class Seeded:
    """What tests look for: ids of named records and the counts they should see."""

    events: int = 0
    statements: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    swap_id: int = 0  # the prisoner swap reported by three outlets
    swap_mentions: int = 0
    hostile_id: int = 0  # the statement whose quote is HTML
    paraphrase_id: int = 0
    declined_id: int = 0  # REJECT USA -> RUS on 2024-05-27: "declined the Kremlin's offer"


def _actor(country: str, rng: random.Random) -> tuple[str, str]:
    return rng.choice(ACTORS[country])


def seed_records(url: str, *, events: int = 60, seed: int = 11) -> Seeded:
    """Write the records into the (migrated) database at `url`."""
    rng = random.Random(seed)
    db.ensure_schema(url)
    out = Seeded()
    with db.session_scope(url) as session:
        feeds = []
        for i, (name, base) in enumerate(OUTLETS):
            failing = name == "kremlin-en"
            feeds.append(
                Feed(
                    name=name,
                    url=base + "rss.xml",
                    tags=[],
                    status="failed" if failing else "ok",
                    http_status=503 if failing else 200,
                    consecutive_failures=3 if failing else 0,
                    last_error="HTTP 503 Service Unavailable" if failing else None,
                    last_fetched_at=NOW - dt.timedelta(minutes=10 + i),
                    last_success_at=NOW - dt.timedelta(days=2 if failing else 0, minutes=10 + i),
                    next_due_at=NOW + dt.timedelta(minutes=120 if failing else 15),
                )
            )
        session.add_all(feeds)
        session.flush()
        article_no = 0

        def article(day: dt.date, title: str, feed: Feed) -> Article:
            nonlocal article_no
            article_no += 1
            base = next(b for n, b in OUTLETS if n == feed.name)
            return Article(
                url=f"{base}{day.isoformat()}-story-{article_no}",
                feed=feed,
                state="detected",
                attempts=1,
                title=title,
                entry_title=title,
                published_at=dt.datetime.combine(day, dt.time(9, 30), dt.UTC),
                text=f"{title}. Full text of the story.",
                relevant=True,
                detector_version="test",
                discovered_at=NOW,
            )

        def event(
            kind: str,
            src: str,
            tgt: str,
            day: dt.date,
            sentence: str,
            reports: int,
            *,
            quote: str | None = None,
            speaker: tuple[str, str] | None = None,
            reporter: tuple[str, str] | None = None,
            conf: float = 0.8,
        ) -> Event:
            source = _actor(src, rng) if kind != "COOPERATE" else ACTORS[src][0]
            target = _actor(tgt, rng)
            record = Event(
                type=kind,
                mode=VERBS[kind][0],
                source_name=source[0],
                source_country=src,
                source_role=source[1],
                target_name=target[0],
                target_country=tgt,
                target_role=target[1],
                event_date=day,
                confidence=conf,
                sentence=sentence,
                quote=quote,
                quote_speaker=speaker[0] if speaker else None,
                reported_by=reporter[0] if reporter else None,
                mention_count=0,
                first_seen_at=NOW,
                last_seen_at=NOW,
            )
            session.add(record)
            for n, feed in enumerate(rng.sample(feeds, reports)):
                title = f"{source[0]} {VERBS[kind][1]} {target[0]}"
                mention = EventMention(
                    event=record,
                    article=article(day + dt.timedelta(days=n % 2), title, feed),
                    key=f"e{rng.getrandbits(48)}",
                    type=kind,
                    mode=record.mode,
                    source={"name": source[0], "country": src, "role": source[1]},
                    target={"name": target[0], "country": tgt, "role": target[1]},
                    reported_by=(
                        {"name": reporter[0], "country": tgt, "role": reporter[1]}
                        if reporter
                        else None
                    ),
                    sentence=sentence if n == 0 else f"{sentence[:-1]}, {feed.name} reported.",
                    quote=quote,
                    quote_speaker=(
                        {"name": speaker[0], "country": src, "role": speaker[1]}
                        if speaker
                        else None
                    ),
                    event_date=day,
                    confidence=conf,
                    detector_version="test",
                    created_at=NOW,
                )
                session.add(mention)
                record.mention_count += 1
            out.events += 1
            out.by_type[kind] = out.by_type.get(kind, 0) + 1
            return record

        for i in range(events - 2):
            kind = EVENT_TYPES[i % len(EVENT_TYPES)]
            src, tgt = ("USA", "RUS") if rng.random() < 0.5 else ("RUS", "USA")
            day = FIRST_DAY + dt.timedelta(days=rng.randrange(0, 88))
            source_name = "Washington" if src == "USA" else "Moscow"
            target_name = "Moscow" if src == "USA" else "Washington"
            sentence = f"{source_name} {VERBS[kind][1]} {target_name} on {day:%B} {day.day}."
            event(
                kind,
                src,
                tgt,
                day,
                sentence,
                1 + rng.randrange(3),
                conf=round(0.5 + rng.random() / 2, 2),
            )
        swap = event(
            "COOPERATE",
            "USA",
            "RUS",
            dt.date(2024, 5, 20),
            "The United States and Russia completed a prisoner swap in Abu Dhabi.",
            3,
            reporter=("Russian Foreign Ministry", "FOREIGN_MINISTRY"),
            conf=0.95,
        )
        declined = event(
            "REJECT",
            "USA",
            "RUS",
            dt.date(2024, 5, 27),
            'The White House declined the Kremlin\'s offer of a call, saying Biden was "quite busy".',
            2,
            quote="quite busy",
            speaker=("White House", "GOVERNMENT"),
            conf=0.9,
        )
        statements = [
            ("Vladimir Putin", "RUS", "HEAD_OF_STATE", "It takes one to know one", True),
            (
                "Dmitry Peskov",
                "RUS",
                "SPOKESPERSON",
                "the offer was meant to prevent irreparable damage to relations",
                False,
            ),
            ("Joe Biden", "USA", "HEAD_OF_STATE", "\"I'm sure we'll talk at some point\"", True),
            (
                "Russian Foreign Ministry",
                "RUS",
                "FOREIGN_MINISTRY",
                "One more opportunity has been missed",
                True,
            ),
            ("Antony Blinken", "USA", "FOREIGN_MINISTRY", HOSTILE, True),
            (
                "Sergei Lavrov",
                "RUS",
                "FOREIGN_MINISTRY",
                "Washington was not ready for a serious conversation",
                False,
            ),
        ]
        saved = []
        for n, (name, country, role, quote, direct) in enumerate(statements):
            day = dt.date(2024, 5, 27) - dt.timedelta(days=n * 3)
            other = "USA" if country == "RUS" else "RUS"
            sentence = f'"{quote}," {name} said.' if direct else f"{name} said {quote}."
            record = Statement(
                speaker_name=name,
                speaker_country=country,
                speaker_role=role,
                quote=quote,
                quote_norm=quote.lower(),
                direct=direct,
                about=[other],
                sentence=sentence,
                statement_date=day,
                mention_count=0,
                first_seen_at=NOW,
                last_seen_at=NOW,
            )
            session.add(record)
            for k, feed in enumerate(feeds[: 1 + n % 3]):
                session.add(
                    StatementMention(
                        statement=record,
                        article=article(day, f"{name} on the other side's offer", feed),
                        key=f"s{n}-{k}",
                        speaker={"name": name, "country": country, "role": role},
                        quote=quote,
                        sentence=sentence,
                        direct=direct,
                        detector_version="test",
                        created_at=NOW,
                    )
                )
                record.mention_count += 1
            saved.append(record)
            out.statements += 1
        for i in range(6):
            started = NOW - dt.timedelta(minutes=15 * (5 - i) + 3)
            session.add(
                Run(
                    trigger="cli" if i % 3 else "airflow",
                    started_at=started,
                    finished_at=started + dt.timedelta(seconds=40 + i * 7),
                    status="ok" if i != 2 else "failed",
                    feeds_ok=4,
                    feeds_failed=1,
                    articles_new=12 - i,
                    articles_detected=12 - i,
                    events_new=3,
                    statements_new=2,
                    mentions_new=9,
                    errors=["kremlin-en: HTTP 503 Service Unavailable"] if i == 2 else [],
                )
            )
        session.flush()
        out.swap_id, out.swap_mentions = swap.id, swap.mention_count
        out.declined_id = declined.id
        out.hostile_id = saved[4].id
        out.paraphrase_id = saved[1].id
    return out


__all__ = ["HOSTILE", "NOW", "Seeded", "seed_records"]
