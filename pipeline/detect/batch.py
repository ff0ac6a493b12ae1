"""The batch interface of EVENTS.md: JSONL items in, one JSONL result per item out, in order.

Each input line is `{"id", "text", "title"?, "published"?}`; a text starting with `<` is
HTML and goes through the project's extraction first. Every input line gets exactly one
output line, in order: a bad one (not JSON, nested absurdly deep, empty, no text) yields
`{"id": ..., "error": "..."}` and the run goes on. Lines end at \\n only: a carriage
return inside a text is text. Output is written chunk by chunk, so a huge batch streams.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

from pipeline.detect import get_detector
from pipeline.settings import Settings
from pipeline.text import clean_data

LOGGER = logging.getLogger(__name__)

# Items detected (and written out) together: output streams as each chunk is done.
CHUNK_SIZE = 64


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
    if not line.strip():
        return _Item(id=None, error=f"line {number} is empty; each line must be one JSON item")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Item(id=None, error=f"line {number} is not valid JSON: {exc.msg}")
    except RecursionError:
        return _Item(id=None, error=f"line {number} is nested too deeply to be an item")
    if not isinstance(record, dict):
        return _Item(id=None, error=f"line {number} is not a JSON object")
    # This is where batch text enters: lone surrogates and NULs from JSON escapes go here.
    record = clean_data(record)
    item = _Item(id=_echo_id(record.get("id")))
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


def _echo_id(value: Any) -> Any:
    """The id as it will be written back: a JSON scalar (anything else becomes its text)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False)[:200]


def open_input(binary: BinaryIO) -> TextIO:
    """A JSONL input as text split on \\n only (Python's default also splits on \\r), with
    bytes that are not UTF-8 replaced rather than fatal."""
    return io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="\n")


def read_lines(stream: Iterable[str]) -> Iterator[str]:
    """The lines of a JSONL input (see `open_input`) without their line ends. A final line
    end does not start another, empty, line."""
    for line in stream:
        yield line[:-1] if line.endswith("\n") else line


def _items(lines: Iterable[str]) -> Iterator[_Item]:
    for number, line in enumerate(lines, 1):
        yield _parse_line(number, line)


def _detect_chunk(detector: Any, items: list[_Item]) -> list[Any]:
    """Detections (or the exception) for a chunk of good items, in order. A crash inside the
    parser costs only the item that caused it: the chunk is then redone one item at a time."""
    inputs = [(item.text or "", item.title, item.published) for item in items]
    try:
        return list(detector.detect_many(inputs))
    except Exception:  # noqa: BLE001 - which item failed is found below
        LOGGER.warning("a batch chunk failed; detecting its %d items one by one", len(items))
    results: list[Any] = []
    for text, title, published in inputs:
        try:
            results.append(detector.detect(text, title=title, published=published))
        except Exception as exc:  # noqa: BLE001 - this item's error line says why
            LOGGER.exception("detection failed for one item")
            results.append(exc)
    return results


def _record(item: _Item, result: Any, counts: dict[str, int]) -> dict[str, Any]:
    counts["items"] += 1
    if item.error is not None:
        counts["errors"] += 1
        return {"id": item.id, "error": item.error}
    if isinstance(result, BaseException):
        counts["errors"] += 1
        return {"id": item.id, "error": f"detection failed: {result!r}"}
    counts["relevant"] += int(result.relevant)
    counts["events"] += len(result.events)
    counts["statements"] += len(result.statements)
    return {"id": item.id, **result.to_dict()}


def run_batch(
    input_lines: TextIO | Iterable[str],
    out: TextIO,
    settings: Settings | None,
    *,
    chunk_size: int = CHUNK_SIZE,
) -> dict[str, int]:
    """Detect over JSONL input lines, writing one output line per input line, in order, as
    each chunk is done; a bad line gets `{"id", "error"}` and the batch goes on."""
    detector = get_detector(settings)
    counts = {"items": 0, "relevant": 0, "errors": 0, "events": 0, "statements": 0}
    items = _items(read_lines(input_lines))
    while chunk := list(itertools.islice(items, chunk_size)):
        good = [item for item in chunk if item.error is None]
        results = iter(_detect_chunk(detector, good) if good else [])
        for item in chunk:
            result = next(results) if item.error is None else None
            record = _record(item, result, counts)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return counts


__all__ = ["html_to_text", "open_input", "read_lines", "run_batch"]
