"""Event dates resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect.dates import find_date, resolve_date

MONDAY = dt.date(2021, 3, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("asked last Wednesday whether", dt.date(2021, 3, 17)),
        ("said on Friday that", dt.date(2021, 3, 19)),
        ("said on Monday", MONDAY),
        ("last Monday's call", dt.date(2021, 3, 15)),
        ("yesterday", dt.date(2021, 3, 21)),
        ("met on March 17", dt.date(2021, 3, 17)),
        ("signed on 17 March 2020", dt.date(2020, 3, 17)),
        ("on Dec. 5 the treaty expires", dt.date(2020, 12, 5)),
        ("met in Geneva on June 16, 2021", dt.date(2021, 6, 16)),
        ("in April 2014", dt.date(2014, 4, 1)),
        ("on 2019-08-02", dt.date(2019, 8, 2)),
        ("next Tuesday", dt.date(2021, 3, 23)),
    ],
)
def test_find_date(text: str, expected: dt.date) -> None:
    assert find_date(text, MONDAY) == expected


def test_nothing_better_keeps_the_publication_date() -> None:
    assert resolve_date("warned this month that", MONDAY) == MONDAY
    assert resolve_date("no date here at all", MONDAY) == MONDAY
    assert find_date("may well happen", MONDAY) is None
