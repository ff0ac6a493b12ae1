"""The batch interface of EVENTS.md: JSONL items in, one JSONL result per item out, in order.

Each input line is `{"id", "text", "title"?, "published"?}`; a text starting with `<` is
HTML and goes through the project's extraction first. A bad line yields
`{"id": ..., "error": "..."}` and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from pipeline.detect import get_detector
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)


@dataclass
class _Item:
    id: Any
    text: str | None = None
    title: str | None = None
    published: dt.date | None = None
    error: str | None = None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text (and title) from HTML: the project's extractor, else trafilatura."""
    try:
        from pipeline.extract import extract_html
    except ImportError:  # the extraction module is not there yet: trafilatura alone
        extract_html = None  # type: ignore[assignment]
    if extract_html is not None:
        article = extract_html(html, url=None)
        if article is None:
            return "", None
        return article.text or "", article.title
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or "", None


def _parse_line(number: int, line: str) -> _Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Item(id=None, error=f"line {number} is not valid JSON: {exc.msg}")
    if not isinstance(record, dict):
        return _Item(id=None, error=f"line {number} is not a JSON object")
    item = _Item(id=record.get("id"))
    text = record.get("text")
    if not isinstance(text, str):
        item.error = "the item has no text (a string is required)"
        return item
    title = record.get("title")
    item.title = title if isinstance(title, str) else None
    published = record.get("published")
    if published:
        try:
            item.published = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            item.error = f"published {published!r} is not a YYYY-MM-DD date"
            return item
    if text.lstrip().startswith("<"):
        try:
            text, extracted_title = html_to_text(text)
        except Exception as exc:  # extraction of one page must not stop the batch
            item.error = f"HTML extraction failed: {exc}"
            return item
        item.title = item.title or extracted_title
    item.text = text
    return item


def _items(lines: Iterable[str]) -> Iterator[_Item]:
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield _parse_line(number, line)


def run_batch(input_lines: Iterable[str], out: TextIO, settings: Settings | None) -> dict[str, int]:
    """Detect over JSONL input lines, writing one output line per item; returns counts."""
    detector = get_detector(settings)
    counts = {"items": 0, "relevant": 0, "errors": 0, "events": 0, "statements": 0}
    items = list(_items(input_lines))
    good = [item for item in items if item.error is None]
    detections = detector.detect_many(
        (item.text or "", item.title, item.published) for item in good
    )
    results = iter(detections)
    for item in items:
        counts["items"] += 1
        if item.error is not None:
            record: dict[str, Any] = {"id": item.id, "error": item.error}
            counts["errors"] += 1
        else:
            try:
                detection = next(results)
            except Exception as exc:  # a crash inside spaCy on one text
                LOGGER.exception("detection failed for item %s", item.id)
                record = {"id": item.id, "error": f"detection failed: {exc}"}
                counts["errors"] += 1
            else:
                record = {"id": item.id, **detection.to_dict()}
                counts["relevant"] += int(detection.relevant)
                counts["events"] += len(detection.events)
                counts["statements"] += len(detection.statements)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return counts


__all__ = ["html_to_text", "run_batch"]
