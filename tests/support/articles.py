"""The articles the local test site serves.

The seed article's text is read from the shared seed file at test time (never copied into the
repo). The other articles are written for these tests: a reworded second-outlet version of the
seed story (same facts, new lead) for deduplication, one more US-Russia story, and two stories
that have nothing to do with either country.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
UTC = dt.UTC


def shared_dir() -> Path:
    """The shared data directory: $DIPLOWATCH_SHARED, else ../shared next to the repo."""
    env = os.environ.get("DIPLOWATCH_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def seed_paragraphs() -> tuple[str, ...]:
    """The seed article's paragraphs, one a line in the shared seed file."""
    path = shared_dir() / "seed" / "seed-article.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuntimeError(
            f"the seed article {path} cannot be read ({exc.strerror}); "
            "set DIPLOWATCH_SHARED to the shared directory"
        ) from None
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@dataclass(frozen=True)
class Article:
    """One story as the site publishes it."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: dt.datetime
    author: str
    outlet: str
    section: str = "World"
    summary: str = ""
    relevant: bool = True  # whether the story is about US-Russia relations

    @property
    def path(self) -> str:
        return f"/news/{self.published:%Y/%m/%d}/{self.slug}"

    @property
    def text(self) -> str:
        """The body as extraction should give it: paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


# Lines of the seed that are page furniture inside the body (a promoted headline and a
# "read more" banner); the page renders them as links, as the outlet does.
SEED_PROMO_PREFIXES = ("PUTIN CHALLENGES BIDEN", "CLICK HERE TO READ MORE")


def seed_article() -> Article:
    paragraphs = seed_paragraphs()
    return Article(
        slug="russia-says-us-rejected-putin-call-offer",
        title="Russia says US rejected Putin's offer of a call with Biden after 'killer' remark",
        paragraphs=paragraphs,
        published=dt.datetime(2021, 3, 22, 15, 40, tzinfo=UTC),
        author="Jordan Ellis",
        outlet="Washington Examiner",
        summary=paragraphs[0],
    )


OUTLET_LEAD = (
    "Washington turned down Vladimir Putin's proposal for a short conversation with President "
    "Biden, the Russian Foreign Ministry said on Monday, days after Biden agreed that the "
    "Russian president was a \u201ckiller.\u201d"
)


def outlet_article() -> Article:
    """The seed story as a second outlet ran it: a reworded lead, the same facts after it."""
    seed = seed_paragraphs()
    body = (OUTLET_LEAD,) + tuple(p for p in seed[1:] if not p.startswith(SEED_PROMO_PREFIXES))
    return Article(
        slug="moscow-says-washington-declined-putin-biden-call",
        title="Moscow says Washington declined Putin-Biden call",
        paragraphs=body,
        published=dt.datetime(2021, 3, 22, 17, 5, tzinfo=UTC),
        author="Dana Morrow",
        outlet="Global Wire Service",
        summary=OUTLET_LEAD,
    )


def reykjavik_article() -> Article:
    paragraphs = (
        "Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov agreed "
        "on Wednesday to keep talking about strategic stability, after a two-hour meeting in "
        "Reykjavik that both sides described as constructive.",
        "The meeting on the sidelines of the Arctic Council was the highest-level contact "
        "between the two governments since President Biden took office in January.",
        "\u201cWe have serious differences, but if the leaders of Russia and the United States "
        "can work together cooperatively, the world can be a safer place,\u201d Blinken told "
        "reporters after the talks.",
        "Lavrov said Moscow was ready to discuss every issue on the table, provided the "
        "conversation was honest and based on mutual respect, and he called the exchange "
        "useful.",
        "The two ministers also discussed preparations for a possible summit between Biden and "
        "President Vladimir Putin, though neither announced a date or a venue.",
        "Relations between Washington and Moscow have been strained by sanctions, expulsions of "
        "diplomats and disputes over Ukraine, cyberattacks and the jailing of opposition "
        "politician Alexei Navalny.",
    )
    return Article(
        slug="blinken-lavrov-agree-to-keep-talking-in-reykjavik",
        title="Blinken and Lavrov agree to keep talking after Reykjavik meeting",
        paragraphs=paragraphs,
        published=dt.datetime(2021, 5, 19, 21, 30, tzinfo=UTC),
        author="Sam Okafor",
        outlet="Washington Examiner",
        summary=paragraphs[0],
    )


def bike_lanes_article() -> Article:
    paragraphs = (
        "The city council voted eight to three on Monday night to build twelve miles of "
        "protected bike lanes along the river, ending a debate that had lasted most of a year.",
        "Supporters packed the public gallery and cheered when the result was read out. Several "
        "shop owners on Mill Street had argued that losing parking spaces would hurt trade.",
        "The transport department expects construction to start in the autumn and to take "
        "about eighteen months, with the busiest junctions rebuilt first.",
        "Council members also asked officials to report back on cycling numbers a year after the "
        "first section opens, so that the scheme can be adjusted if it does not work.",
    )
    return Article(
        slug="council-approves-river-bike-lanes",
        title="Council approves twelve miles of riverside bike lanes",
        paragraphs=paragraphs,
        published=dt.datetime(2021, 3, 22, 9, 15, tzinfo=UTC),
        author="Priya Nair",
        outlet="Washington Examiner",
        section="Local",
        summary=paragraphs[0],
        relevant=False,
    )


def coral_article() -> Article:
    paragraphs = (
        "Marine biologists surveying a stretch of reef off the coast of Queensland say young "
        "corals have settled in areas that were bleached five years ago, a sign that parts of "
        "the reef can recover when the water stays cool for long enough.",
        "The team counted new colonies along forty transects and found the highest densities in "
        "sheltered lagoons, where waves and sediment did less damage to the settling larvae.",
        "The researchers cautioned that another marine heatwave could undo the gains within "
        "weeks, and that recovery remained patchy along the wider reef system.",
    )
    return Article(
        slug="young-corals-return-to-bleached-reef",
        title="Young corals return to a bleached stretch of reef",
        paragraphs=paragraphs,
        published=dt.datetime(2021, 3, 21, 6, 0, tzinfo=UTC),
        author="Tom Lindqvist",
        outlet="Washington Examiner",
        section="Science",
        summary=paragraphs[0],
        relevant=False,
    )


def all_articles() -> dict[str, Article]:
    """Every article the site serves, by a short key."""
    return {
        "seed": seed_article(),
        "outlet": outlet_article(),
        "reykjavik": reykjavik_article(),
        "bike-lanes": bike_lanes_article(),
        "coral": coral_article(),
    }


# Which articles each feed lists, by article key.
FEEDS: dict[str, tuple[str, ...]] = {
    "world": ("seed", "reykjavik", "bike-lanes", "coral"),
    "politics": ("seed", "reykjavik"),
    "outlet": ("outlet",),
    "misc": ("bike-lanes", "coral"),
}
