"""Page furniture is dropped before detection; story lines and datelines stay."""

from __future__ import annotations

import pytest

from pipeline.detect.furniture import (
    clean_dateline,
    is_furniture,
    strip_furniture,
    strip_inline_clutter,
)


@pytest.mark.parametrize(
    "line",
    [
        "KREMLIN SNUBS WHITE HOUSE OFFER AS TALKS STALL",
        "CLICK HERE TO GET THE NEWS APP",
        "Sign up for our morning briefing",
        "Read more: What the new sanctions mean for oil",
        "Related: Inside the prisoner swap",
        "Home | World | Politics | Business | Opinion",
        "Photo: Alexander Zemlianichenko/AP",
        "Sergei Lavrov speaks during a news conference in Moscow, Russia, May 3, 2023. REUTERS/Evgenia Novozhenina",
        "Flags fly outside the ministry building (Reuters/Jane Roe)",
        "By Jane Roe and John Doe",
        "Jane Roe, Moscow correspondent",
        "Advertisement",
        "Share",
        "© 2024 Example News. All rights reserved.",
        "Reporting by Jane Roe; Editing by John Doe",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Kremlin said on Monday that it had rejected the proposal.",
        '"We are not afraid," the minister said.',
        "Russia and the United States held talks in Riyadh.",
        "I do.",
        "“We shall answer in kind and in our own time.” — Deputy Foreign Minister Ivan Petrov",
        '"Talks are over for now!" -- Senator Jane Roe, on Sunday television',
    ],
)
def test_story_lines_stay(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MOSCOW (Reuters) - The Kremlin said.", "The Kremlin said."),
        ("WASHINGTON — Blinken met Lavrov.", "Blinken met Lavrov."),
        ("GENEVA, June 16 (AP) — The talks ended.", "The talks ended."),
        ("SOCHI, Russia, May 14 — Pompeo arrived.", "Pompeo arrived."),
        ("The talks ended - for now.", "The talks ended - for now."),
    ],
)
def test_datelines_are_cleaned(line: str, expected: str) -> None:
    assert clean_dateline(line) == expected


def test_strip_furniture_keeps_story_order() -> None:
    text = "HEADLINE IN CAPITALS FOR ANOTHER STORY\nFirst line.\n\nAdvertisement\nSecond line."
    assert strip_furniture(text) == ["First line.", "Second line."]


@pytest.mark.parametrize(
    "line",
    [
        "JUST WATCHED Inside the summit week as the two presidents meet in Geneva to talk about arms control and prisoners Replay More Videos ... MUST WATCH Inside the summit week.",
        "Hide Caption 4 of 20 Photos: The envoy over the years The envoy greets sailors in the port of Vladivostok during a visit to the Pacific fleet on a rainy day in May.",
        "Media playback is unsupported on your device Media caption Why the talks between the foreign ministers matter for the arms control treaty and the region.",
        "Get the briefing every morning with the top stories from Washington and Moscow. Sign Up Now. By signing up you agree to our terms.",
    ],
)
def test_players_galleries_and_signups_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a hover card: the shown name, the full name glued to the person's own headlines
        (
            "Sen. Jane Roe Jane Ann RoeSenators clash over sanctions bill | Roe visits Kyiv "
            "MORE (R-Ohio) said the talks were useful.",
            "Sen. Jane Roe (R-Ohio) said the talks were useful.",
        ),
        (
            "President John Doe John Henry Doe2024 race tightens | Doe signs order MORE met the "
            "Russian envoy.",
            "President John Doe met the Russian envoy.",
        ),
        # a bracketed link to another story
        (
            "The Kremlin rejected the note. (RELATED: How the embassy row began)",
            "The Kremlin rejected the note.",
        ),
        ("( PHOTOS: The minister's week) Lavrov arrived.", "Lavrov arrived."),
        # ordinary capitals and "more" stay
        (
            "Putin said MORE talks were needed, and Putin Later added nothing.",
            "Putin said MORE talks were needed, and Putin Later added nothing.",
        ),
    ],
)
def test_inline_clutter_is_cut_from_story_lines(line: str, expected: str) -> None:
    assert strip_inline_clutter(line) == expected


def test_a_hover_card_naming_the_other_side_leaves_no_trace() -> None:
    text = (
        "Sen. Jane Roe Jane Ann RoeTreasury sanctions Russians over hacking | Moscow expels "
        "envoy MORE (R-Ohio) spoke about farm subsidies on Tuesday.\n"
        "She said the bill would help growers in her state."
    )
    assert "Treasury sanctions" not in " ".join(strip_furniture(text))
