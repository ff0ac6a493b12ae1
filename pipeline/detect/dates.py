"""Resolve the date expressions of news text against the publication date.

News dates are relative ("last Wednesday", "on Friday", "yesterday", "this month") or
partial ("March 17", "17 March 2021"); both resolve against the day the article was
published. An expression that gives nothing better than the publication date returns it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

LOGGER = logging.getLogger(__name__)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAY = re.compile(
    r"\b(?P<which>last|this|next|on|since|past)?\s*(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")\b(?!\s+(?:"
    + "|".join(MONTHS)
    + r")\b)",
    re.IGNORECASE,
)
_RELATIVE = (
    (re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.I), -2),
    (re.compile(r"\byesterday\b", re.I), -1),
    (re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I), 0),
    (re.compile(r"\blast\s+night\b", re.I), -1),
    (re.compile(r"\b(?:a|one)\s+week\s+ago\b|\blast\s+week\b", re.I), -7),
    (re.compile(r"\b(?:two|2)\s+weeks\s+ago\b", re.I), -14),
    (re.compile(r"\b(?:two|2)\s+days\s+ago\b", re.I), -2),
    (re.compile(r"\b(?:three|3)\s+days\s+ago\b", re.I), -3),
)
_MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, published: dt.date) -> dt.date | None:
    if year:
        return _safe(int(year), month, day)
    guess = _safe(published.year, month, day)
    # News reports the past: a yearless date well after publication is last year's.
    if guess is not None and (guess - published).days > 31:
        guess = _safe(published.year - 1, month, day)
    return guess


def find_date(text: str, published: dt.date) -> dt.date | None:
    """The first date `text` names, resolved against `published`; None when it names none."""
    for pattern in (_ISO,):
        match = pattern.search(text)
        if match:
            found = _safe(int(match["year"]), int(match["month"]), int(match["day"]))
            if found:
                return found
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(text)
        if match and 1 <= int(match["day"]) <= 31:
            found = _with_year(
                MONTHS[match["month"].lower()], int(match["day"]), match["year"], published
            )
            if found:
                return found
    match = _WEEKDAY.search(text)
    if match:
        return _weekday(match["weekday"].lower(), (match["which"] or "").lower(), published)
    for pattern, offset in _RELATIVE:
        if pattern.search(text):
            return published + dt.timedelta(days=offset)
    match = _MONTH_YEAR.search(text)
    if match:
        return _safe(int(match["year"]), MONTHS[match["month"].lower()], 1)
    return None


def _weekday(name: str, which: str, published: dt.date) -> dt.date:
    target = WEEKDAYS.index(name)
    back = (published.weekday() - target) % 7
    if which == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if which == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def resolve_date(text: str, published: dt.date) -> dt.date:
    """The date `text` names, or the publication date when it names nothing better."""
    return find_date(text, published) or published


__all__ = ["find_date", "resolve_date"]
