"""Show what the detector finds in chosen gold items, next to the labels, to study its errors.

    python -m benchmarks.explain pos-007 web-003 [--files F ...] [--no-seed]

For each item: the gold events and statements, then every predicted event with its mode,
actors, reported_by and evidence sentence, and every predicted statement.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import Any

from benchmarks.accuracy import default_gold_files, load_gold, seed_item
from pipeline.detect import get_detector


def _actor(actor: Any) -> str:
    return f"{actor.name} [{actor.country}]" if actor is not None else "-"


def explain(item: dict[str, Any]) -> str:
    lines = [f"== {item['id']}  {item.get('title') or ''}"]
    for event in item.get("events", []):
        flag = " (optional)" if event.get("optional") else ""
        lines.append(f"  gold  {event['type']} {event['source']}->{event['target']}{flag}")
    for statement in item.get("statements", []):
        flag = " (optional)" if statement.get("optional") else ""
        lines.append(
            f"  gold  say {statement['side']} {statement['speaker']}: {statement['key']!r}{flag}"
        )
    published = dt.date.fromisoformat(item["published"]) if item.get("published") else None
    found = get_detector().detect(item["text"], title=item.get("title"), published=published)
    for event in found.events:
        lines.append(
            f"  found {event.type}/{event.mode} {_actor(event.source)} -> {_actor(event.target)}"
            f" by {_actor(event.reported_by)} conf {event.confidence:.2f}"
        )
        lines.append(f"        {event.sentence[:220]!r}")
    for statement in found.statements:
        lines.append(f"  found say {_actor(statement.speaker)}: {statement.quote[:120]!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="+", help="gold item ids")
    parser.add_argument("--files", nargs="+", help="gold JSONL files (default: devset)")
    parser.add_argument("--no-seed", action="store_true", help="leave out the seed article")
    args = parser.parse_args(argv)
    items = load_gold(args.files or default_gold_files())
    seed = None if args.no_seed else seed_item()
    if seed is not None:
        items.append(seed)
    by_id = {item["id"]: item for item in items}
    for wanted in args.ids:
        if wanted not in by_id:
            print(f"== {wanted}: no such item")
            continue
        print(explain(by_id[wanted]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
