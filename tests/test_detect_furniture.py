"""Page furniture is dropped before detection; story lines and datelines stay."""

from __future__ import annotations

import pytest

from pipeline.detect.furniture import clean_dateline, is_furniture, strip_furniture


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
