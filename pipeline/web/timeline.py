"""The timeline as server-rendered SVG: events per day (or week, or month, for long spans),
stacked by type, the first side's acts above the axis and the other side's below. No script:
each bar's segments carry a tooltip and link to the list filtered to that period."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from pipeline.models import EVENT_TYPES

LOGGER = logging.getLogger(__name__)

# Cooperation in greens and blues, pressure in reds and browns, force in near-black.
TYPE_COLORS = {
    "AGREE": "#2e7d32",
    "CONSULT": "#1e63b5",
    "SUPPORT": "#7cb342",
    "COOPERATE": "#00897b",
    "CONCEDE": "#9e9d24",
    "REQUEST": "#7b1fa2",
    "ACCUSE": "#e53935",
    "REJECT": "#f57c00",
    "THREATEN": "#b71c1c",
    "SANCTION": "#6d4c41",
    "COERCE": "#c2185b",
    "ASSAULT": "#263238",
    "MOBILIZE": "#607d8b",
}
WIDTH, HEIGHT = 1000, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 16, 26


@dataclass(frozen=True)
class Bucket:
    start: dt.date
    end: dt.date  # inclusive


def bucket_size(first: dt.date, last: dt.date) -> str:
    """Days for up to four months, weeks for up to three years, months beyond."""
    span = (last - first).days
    if span <= 120:
        return "day"
    if span <= 3 * 366:
        return "week"
    return "month"


def _bucket(day: dt.date, size: str) -> Bucket:
    if size == "day":
        return Bucket(day, day)
    if size == "week":
        start = day - dt.timedelta(days=day.weekday())
        return Bucket(start, start + dt.timedelta(days=6))
    start = day.replace(day=1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    return Bucket(start, following - dt.timedelta(days=1))


def _buckets(first: dt.date, last: dt.date, size: str) -> list[Bucket]:
    out = []
    current = _bucket(first, size)
    while current.start <= last:
        out.append(current)
        current = _bucket(current.end + dt.timedelta(days=1), size)
    return out


def render(
    daily: list[dict[str, object]],
    sides: tuple[str, str],
    link: Callable[[dt.date, dt.date], str],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    size: str | None = None,
) -> tuple[Markup, str]:
    """The SVG of the counts per period (`query.event_stats`'s series, of `size` periods)
    and the period used."""
    if not daily:
        return Markup(""), "day"
    days = [dt.date.fromisoformat(str(row["date"])) for row in daily]
    first, last = since or min(days), until or max(days)
    if first > last:
        first, last = last, first
    size = size or bucket_size(first, last)
    buckets = _buckets(first, last, size)
    index = {b.start: i for i, b in enumerate(buckets)}
    up: list[dict[str, int]] = [{} for _ in buckets]
    down: list[dict[str, int]] = [{} for _ in buckets]
    for row, day in zip(daily, days, strict=True):
        # the stats give each period by its first day: look that up before working it out
        position = index.get(day)
        if position is None:
            position = index.get(_bucket(day, size).start)
        if position is None:
            continue
        # the first side's acts go up; the second side's (and any third party's) go down
        half_of = up if row["source"] == sides[0] else down
        kind = str(row["type"])
        half_of[position][kind] = half_of[position].get(kind, 0) + int(str(row["count"]))
    peak_up = max((sum(s.values()) for s in up), default=0)
    peak_down = max((sum(s.values()) for s in down), default=0)
    peak = max(peak_up, peak_down, 1)
    plot_w = WIDTH - LEFT - RIGHT
    half = (HEIGHT - TOP - BOTTOM) / 2
    axis = TOP + half
    step = plot_w / len(buckets)
    bar = max(step * 0.8, 1.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="timeline" role="img" aria-label="events per {size}, by type and direction">',
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{axis:.1f}" y2="{axis:.1f}" class="axis"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 10}" class="label" text-anchor="end">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{HEIGHT - BOTTOM}" class="label" text-anchor="end">{peak}</text>',
    ]
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    kinds: dict[str, tuple[str, str]] = {}  # kind -> (its colour, escaped for a tooltip)
    for i, bucket in enumerate(buckets):
        x = LEFT + i * step + (step - bar) / 2
        label = (
            bucket.start.isoformat()
            if size == "day"
            else (f"{bucket.start.isoformat()} to {bucket.end.isoformat()}")
        )
        href = escape(link(bucket.start, bucket.end))
        # what every segment of this bar shares, formatted once
        opening = f'<a href="{href}"><rect x="{x:.1f}" width="{bar:.1f}" '
        halves: tuple[tuple[dict[str, int], tuple[str, ...], int], ...] = (
            (up[i], sides, -1),
            (down[i], sides[::-1], 1),
        )
        for counts, direction, sign in halves:
            if not counts:
                continue
            offset = 0.0
            tip = escape(f"{label} \u00b7 {direction[0]} \u2192 {direction[1]} \u00b7 ")
            for kind in sorted(counts, key=lambda k: order.get(k, 99)):
                if kind not in kinds:
                    kinds[kind] = (str(escape(TYPE_COLORS.get(kind, "#888"))), str(escape(kind)))
                colour, shown = kinds[kind]
                count = counts[kind]
                height = count / peak * half
                y = axis - offset - height if sign < 0 else axis + offset
                offset += height
                parts.append(
                    f'{opening}y="{y:.1f}" height="{max(height, 0.5):.1f}" fill="{colour}">'
                    f"<title>{tip}{shown}: {count}</title></rect></a>"
                )
    for i, bucket in _ticks(buckets, size):
        x = LEFT + i * step + step / 2
        text = bucket.start.strftime("%b %Y" if size == "month" else "%d %b")
        if size != "month" and (i == 0 or bucket.start.month == 1 and bucket.start.day <= 7):
            text = bucket.start.strftime("%d %b %Y")
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 8}" class="label" text-anchor="middle">{text}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts)), size


def _ticks(buckets: list[Bucket], size: str) -> list[tuple[int, Bucket]]:
    """About eight evenly spread axis labels."""
    every = max(1, round(len(buckets) / 8))
    return [(i, b) for i, b in enumerate(buckets) if i % every == 0]


__all__ = ["TYPE_COLORS", "bucket_size", "render"]
