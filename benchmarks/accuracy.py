"""Accuracy of `diplowatch detect` against the labelled development set, scored as EVENTS.md says.

Gold items are JSONL lines (`tests/data/devset/*.jsonl`) plus the seed article, whose text is
read from the shared folder at run time and whose labels (from EVENTS.md) live here. The
script writes the input lines (id, text, title, published) to a temporary file, runs the
batch interface (`diplowatch detect --input IN --output OUT`) and scores the output:

- events per article as sets of (type, source side, target side), unordered for CONSULT and
  COOPERATE; gold events marked `optional` are neither required nor penalised;
- statements one-to-one: the predicted speaker's country equals the gold side, the gold
  speaker's surname or body name is in the predicted speaker name and the gold key phrase is
  in the predicted quote (case-insensitive, quotes and whitespace normalised); optional gold
  statements absorb predictions without being required;
- relevance per article.

Figures are micro-averaged over articles. Items whose output line has an `error` count as
predicting nothing. Usage:

    python -m benchmarks.accuracy [--files F ...] [--errors] [--json] [--predictions OUT]
    python -m benchmarks.accuracy --real tune|blind [--errors] [--json]

`--real` scores a part of the real-text gold set (`tests/data/real/`, text read from
../shared): the tuning part with every listing, the blind part with its figures only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.models import EVENT_TYPES, SYMMETRIC_TYPES

REPO_ROOT = Path(__file__).resolve().parent.parent
DEVSET_DIR = REPO_ROOT / "tests" / "data" / "devset"
BASELINE_FILE = Path(__file__).resolve().parent / "baseline.json"

INPUT_FIELDS = ("id", "text", "title", "published")

SEED_ID = "seed-2021-03-22"
# The labels of the seed article as EVENTS.md gives them. The two optional statements are
# parts of quotes EVENTS.md does not list separately (the second half of the ministry's
# statement, Biden's "rolling over"): a detector may report them, so they are not penalised.
SEED_GOLD: dict[str, Any] = {
    "id": SEED_ID,
    "title": "Russia says US rejected Putin's call offer",
    "published": "2021-03-22",
    "relevant": True,
    "events": [
        {"type": "AGREE", "source": "RUS", "target": "USA"},
        {"type": "REJECT", "source": "USA", "target": "RUS"},
        {"type": "ACCUSE", "source": "USA", "target": "RUS"},
        {"type": "ACCUSE", "source": "RUS", "target": "USA"},
        {"type": "THREATEN", "source": "USA", "target": "RUS"},
        {"type": "AGREE", "source": "USA", "target": "RUS", "optional": True},
    ],
    "statements": [
        {
            "side": "RUS",
            "speaker": "Foreign Ministry",
            "key": "One more opportunity has been missed",
        },
        {"side": "USA", "speaker": "Biden", "key": "I do"},
        {"side": "USA", "speaker": "Biden", "key": "we'll talk at some point"},
        {"side": "RUS", "speaker": "Putin", "key": "It takes one to know one"},
        {"side": "RUS", "speaker": "Peskov", "key": "irreparable damage"},
        {"side": "USA", "speaker": "White House", "key": "quite busy"},
        {
            "side": "RUS",
            "speaker": "Foreign Ministry",
            "key": "lies entirely with the United States",
            "optional": True,
        },
        {"side": "USA", "speaker": "Biden", "key": "rolling over", "optional": True},
    ],
}

EventKey = tuple[str, str, str]


# --------------------------------------------------------------------------- gold input


def shared_dir() -> Path:
    """The shared folder: `$DIPLOWATCH_SHARED`, else `../shared` next to the repository."""
    env = os.environ.get("DIPLOWATCH_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def seed_item(shared: Path | None = None) -> dict[str, Any] | None:
    """The seed article as a gold item, or None when the shared folder does not hold it."""
    path = (shared or shared_dir()) / "seed" / "seed-article.txt"
    if not path.is_file():
        return None
    return {**SEED_GOLD, "text": path.read_text(encoding="utf-8")}


def load_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Read gold items from JSONL files; a malformed line stops the run with its location."""
    items: list[dict[str, Any]] = []
    for path in paths:
        with open(path, encoding="utf-8") as fp:
            for number, line in enumerate(fp, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(
                        f"{path}:{number}: not valid JSON ({exc.msg}); fix the line"
                    ) from None
                if "id" not in item or "text" not in item:
                    raise SystemExit(f"{path}:{number}: a gold item needs an id and a text")
                items.append(item)
    return items


def default_gold_files() -> list[Path]:
    """Every JSONL file of the development set."""
    return sorted(DEVSET_DIR.glob("*.jsonl"))


# --------------------------------------------------------------------------- running the detector


class DetectorUnavailable(RuntimeError):
    """The detector's batch function does not exist yet (pipeline.detect.batch is missing)."""


def _detector_command(in_path: Path, out_path: Path) -> list[str] | None:
    """The command line of the batch interface, or None when the CLI module does not exist yet."""
    if importlib.util.find_spec("pipeline.cli") is None:
        return None
    script = Path(sys.executable).parent / "diplowatch"
    args = ["detect", "--input", str(in_path), "--output", str(out_path)]
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "pipeline.cli", *args]


def _run_in_process(lines: list[str], out_path: Path) -> None:
    """Fallback while the CLI is not written: call the detector's batch function directly."""
    from pipeline.settings import load_settings

    # Imported by name: the module is being written alongside this benchmark.
    run_batch = importlib.import_module("pipeline.detect.batch").run_batch
    with open(out_path, "w", encoding="utf-8") as out_fp:
        run_batch(lines, out_fp, load_settings())


def detector_available() -> bool:
    """Whether the detector's batch function exists (the CLI's `detect` calls it)."""
    try:
        return importlib.util.find_spec("pipeline.detect.batch") is not None
    except ModuleNotFoundError:
        return False


def run_detector(
    gold_items: Sequence[dict[str, Any]], *, timeout: float | None = None
) -> dict[str, dict[str, Any]]:
    """Run the detector over the gold items' input fields; returns its output lines by id.

    Runs `diplowatch detect` as a subprocess (the console script, else `python -m
    pipeline.cli`), or calls `pipeline.detect.batch.run_batch` in-process when the CLI does
    not exist. Raises DetectorUnavailable when there is no detector at all, and RuntimeError
    when the run fails or outlasts `timeout` seconds (default `$DIPLOWATCH_ACCURACY_TIMEOUT`,
    else 1800), so a hanging detector fails the gate instead of stalling it.
    """
    if timeout is None:
        timeout = float(os.environ.get("DIPLOWATCH_ACCURACY_TIMEOUT", "1800"))
    if not detector_available():
        raise DetectorUnavailable("pipeline.detect.batch does not exist yet: no detector to run")
    lines = [
        json.dumps({k: item[k] for k in INPUT_FIELDS if item.get(k) is not None}) + "\n"
        for item in gold_items
    ]
    with tempfile.TemporaryDirectory(prefix="diplowatch-accuracy-") as tmp:
        in_path, out_path = Path(tmp) / "input.jsonl", Path(tmp) / "output.jsonl"
        in_path.write_text("".join(lines), encoding="utf-8")
        command = _detector_command(in_path, out_path)
        if command is None:
            _run_in_process(lines, out_path)
        else:
            path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
            try:
                done = subprocess.run(
                    command,
                    cwd=REPO_ROOT,
                    env={**os.environ, "PYTHONPATH": path},
                    capture_output=True,
                    text=True,
                    check=False,
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired:
                raise RuntimeError(
                    f"`diplowatch detect` did not finish {len(lines)} items in {timeout:.0f} s; "
                    f"bisect the input to find the item it hangs on"
                ) from None
            if done.returncode != 0:
                raise RuntimeError(
                    f"`diplowatch detect` exited with {done.returncode}:\n{done.stderr[-3000:]}"
                )
        return read_predictions(out_path)


def read_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """Read the detector's output JSONL, keyed by item id."""
    predictions: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fp:
        for number, line in enumerate(fp, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise SystemExit(
                    f"{path}:{number}: the detector wrote a line that is not JSON"
                ) from None
            predictions[str(record.get("id"))] = record
    return predictions


# --------------------------------------------------------------------------- scoring


def normalise(text: str) -> str:
    """Case-fold and normalise quotes, dashes and whitespace so key phrases compare fairly."""
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u02bc", "'"), ("`", "'")):
        text = text.replace(curly, straight)
    for mark in ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"):
        text = text.replace(mark, " ")
    for dash in ("\u2013", "\u2014", "\u2212"):
        text = text.replace(dash, "-")
    return " ".join(text.split()).casefold()


def event_key(event_type: str, source: str, target: str) -> EventKey:
    """The scored identity of an event; CONSULT and COOPERATE ignore direction."""
    event_type, source, target = event_type.upper(), source.upper(), target.upper()
    if event_type in SYMMETRIC_TYPES and target < source:
        source, target = target, source
    return (event_type, source, target)


def _side(actor: Any) -> str:
    if isinstance(actor, dict):
        return str(actor.get("country") or "")
    return str(actor or "")


def predicted_event_keys(prediction: dict[str, Any]) -> set[EventKey]:
    """The set of scored event keys in one output line (nothing when it carries an error)."""
    if prediction.get("error"):
        return set()
    return {
        event_key(str(e.get("type", "")), _side(e.get("source")), _side(e.get("target")))
        for e in prediction.get("events") or []
    }


def statement_matches(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """EVENTS.md's rule: same side, gold speaker in the predicted name, key in the quote."""
    speaker = predicted.get("speaker") or {}
    if not isinstance(speaker, dict):
        return False
    if str(speaker.get("country") or "").upper() != str(gold["side"]).upper():
        return False
    if normalise(gold["speaker"]) not in normalise(str(speaker.get("name") or "")):
        return False
    return normalise(gold["key"]) in normalise(str(predicted.get("quote") or ""))


def _max_matching(
    golds: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]], free: set[int]
) -> dict[int, int]:
    """Maximum one-to-one matching of gold to predicted statements (Kuhn's augmenting paths)."""
    edges = [[j for j in sorted(free) if statement_matches(g, preds[j])] for g in golds]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return owner


@dataclass
class Counts:
    """True positives, false positives and false negatives of one figure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def figures(self) -> dict[str, float | int]:
        """Precision, recall and F1; all 1.0 when there was nothing to find and nothing found."""
        if self.tp + self.fp + self.fn == 0:
            p = r = f1 = 1.0
        else:
            p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
            r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
        }


@dataclass
class ArticleResult:
    """What one article contributed: its misses and false positives, for `--errors`."""

    id: str
    gold_relevant: bool
    predicted_relevant: bool
    error: str | None = None
    missed_events: list[EventKey] = field(default_factory=list)
    false_events: list[EventKey] = field(default_factory=list)
    missed_statements: list[dict[str, Any]] = field(default_factory=list)
    false_statements: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return (
            self.error is None
            and self.gold_relevant == self.predicted_relevant
            and not (self.missed_events or self.false_events)
            and not (self.missed_statements or self.false_statements)
        )


def score_article(
    gold: dict[str, Any], prediction: dict[str, Any] | None
) -> tuple[ArticleResult, dict[str, Counts], Counts]:
    """Score one article: per-type event counts, statement counts and its error listing."""
    prediction = prediction or {"error": "no output line for this id"}
    error = prediction.get("error")
    error = str(error) if error else None
    required = {
        event_key(e["type"], e["source"], e["target"])
        for e in gold.get("events") or []
        if not e.get("optional")
    }
    optional = {
        event_key(e["type"], e["source"], e["target"])
        for e in gold.get("events") or []
        if e.get("optional")
    } - required
    predicted = predicted_event_keys(prediction)
    result = ArticleResult(
        id=str(gold["id"]),
        gold_relevant=bool(gold.get("relevant")),
        predicted_relevant=bool(prediction.get("relevant")) and error is None,
        error=error,
        missed_events=sorted(required - predicted),
        false_events=sorted(predicted - required - optional),
    )
    per_type: dict[str, Counts] = {}
    for key in required & predicted:
        per_type.setdefault(key[0], Counts()).add(tp=1)
    for key in result.missed_events:
        per_type.setdefault(key[0], Counts()).add(fn=1)
    for key in result.false_events:
        per_type.setdefault(key[0], Counts()).add(fp=1)

    preds = [] if error else [s for s in prediction.get("statements") or [] if isinstance(s, dict)]
    golds = [s for s in gold.get("statements") or [] if not s.get("optional")]
    extras = [s for s in gold.get("statements") or [] if s.get("optional")]
    matched = _max_matching(golds, preds, set(range(len(preds))))
    leftover = set(range(len(preds))) - set(matched)
    absorbed = _max_matching(extras, preds, leftover)
    found = set(matched.values())
    result.missed_statements = [g for i, g in enumerate(golds) if i not in found]
    result.false_statements = [
        {"speaker": (preds[j].get("speaker") or {}), "quote": preds[j].get("quote")}
        for j in sorted(leftover - set(absorbed))
    ]
    statements = Counts(
        tp=len(matched), fp=len(result.false_statements), fn=len(result.missed_statements)
    )
    return result, per_type, statements


def score(
    gold_items: Sequence[dict[str, Any]], predictions: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Score predictions (output lines by id) against gold items; micro-averaged figures.

    Returns `event_f1`, `relevance_f1`, `statement_f1` and `per_type_f1` at the top (the
    figures the quality gate compares with its baseline), the full counts under `events`,
    `relevance`, `statements` and `per_type`, and the per-article listing under `articles`.
    """
    events, statements, relevance = Counts(), Counts(), Counts()
    per_type: dict[str, Counts] = {t: Counts() for t in EVENT_TYPES}
    articles: list[ArticleResult] = []
    for gold in gold_items:
        result, article_types, article_statements = score_article(
            gold, predictions.get(str(gold["id"]))
        )
        articles.append(result)
        for event_type, counts in article_types.items():
            per_type.setdefault(event_type, Counts()).add(counts.tp, counts.fp, counts.fn)
            events.add(counts.tp, counts.fp, counts.fn)
        statements.add(article_statements.tp, article_statements.fp, article_statements.fn)
        relevance.add(
            tp=int(result.gold_relevant and result.predicted_relevant),
            fp=int(result.predicted_relevant and not result.gold_relevant),
            fn=int(result.gold_relevant and not result.predicted_relevant),
        )
    figures = {
        "events": events.figures(),
        "relevance": relevance.figures(),
        "statements": statements.figures(),
        "per_type": {t: c.figures() for t, c in per_type.items()},
    }
    return {
        "items": len(articles),
        "errors": sum(1 for a in articles if a.error),
        "event_f1": figures["events"]["f1"],
        "relevance_f1": figures["relevance"]["f1"],
        "statement_f1": figures["statements"]["f1"],
        "per_type_f1": {t: f["f1"] for t, f in figures["per_type"].items()},
        **figures,
        "articles": [a.__dict__ | {"clean": a.clean} for a in articles],
    }


# --------------------------------------------------------------------------- report


def _format_key(key: Sequence[str]) -> str:
    arrow = "<->" if key[0] in SYMMETRIC_TYPES else "->"
    return f"{key[0]} {key[1]}{arrow}{key[2]}"


def format_report(report: dict[str, Any], *, errors: bool = False) -> str:
    """The figures as text: the three headline rows, the per-type table, optionally errors."""
    out = [f"{report['items']} items, {report['errors']} with an error in the output", ""]
    out.append(f"{'figure':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    for name in ("events", "relevance", "statements"):
        f = report[name]
        out.append(
            f"{name:<12} {f['precision']:>6.3f} {f['recall']:>6.3f} {f['f1']:>6.3f} "
            f"{f['tp']:>5} {f['fp']:>5} {f['fn']:>5}"
        )
    out += ["", f"{'event type':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for event_type, f in report["per_type"].items():
        out.append(
            f"{event_type:<12} {f['precision']:>6.3f} {f['recall']:>6.3f} {f['f1']:>6.3f} "
            f"{f['tp']:>5} {f['fp']:>5} {f['fn']:>5}"
        )
    if errors:
        out += ["", "errors per article (- missed, + false positive):"]
        for a in report["articles"]:
            if a["clean"]:
                continue
            out.append(f"{a['id']}:")
            if a["error"]:
                out.append(f"  error: {a['error']}")
            if a["gold_relevant"] != a["predicted_relevant"]:
                out.append(
                    f"  relevance: gold {a['gold_relevant']}, predicted {a['predicted_relevant']}"
                )
            out += [f"  - event {_format_key(k)}" for k in a["missed_events"]]
            out += [f"  + event {_format_key(k)}" for k in a["false_events"]]
            out += [
                f"  - statement {s['side']} {s['speaker']}: {s['key']!r}"
                for s in a["missed_statements"]
            ]
            out += [
                f"  + statement {s['speaker'].get('country')} {s['speaker'].get('name')}: "
                f"{str(s['quote'])[:90]!r}"
                for s in a["false_statements"]
            ]
    return "\n".join(out)


def evaluate(files: Sequence[Path] | None = None, *, include_seed: bool = True) -> dict[str, Any]:
    """Load the gold, run the detector over it and score it: what the quality gate calls."""
    gold = load_gold(files if files is not None else default_gold_files())
    seed = seed_item() if include_seed else None
    if seed is not None:
        gold.append(seed)
    return score(gold, predict_or_nothing(gold))


def evaluate_real(part: str = "tune") -> dict[str, Any]:
    """Score a part of the real-text gold set (the gate covers the tuning part only)."""
    from benchmarks.realset import load_gold as load_real

    gold = load_real(part)
    return score(gold, predict_or_nothing(gold))


def predict_or_nothing(gold: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The detector's predictions, or none at all (every figure 0) while it does not exist."""
    try:
        return run_detector(gold)
    except DetectorUnavailable as exc:
        print(f"warning: {exc}; scoring empty predictions", file=sys.stderr)
        return {}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score the detector and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", nargs="+", type=Path, help="gold JSONL files (default: devset)")
    parser.add_argument(
        "--real",
        choices=["tune", "blind"],
        help="score a part of the real-text gold set (tests/data/real) instead of the devset",
    )
    parser.add_argument("--no-seed", action="store_true", help="leave out the seed article")
    parser.add_argument("--predictions", type=Path, help="score this output file, do not run")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help=f"write these devset figures as the quality gate's floor ({BASELINE_FILE.name})",
    )
    args = parser.parse_args(argv)
    if args.write_baseline and (args.files or args.no_seed or args.predictions):
        parser.error("--write-baseline takes the whole devset and the seed, run by the detector")

    if args.real and (args.files or args.write_baseline):
        parser.error("--real scores a part of the real-text set on its own")
    if args.real == "blind" and args.errors:
        parser.error("the blind part is scored as a whole: no per-article listing")
    if args.real:
        from benchmarks.realset import load_gold as load_real

        gold = load_real(args.real)
    else:
        gold = load_gold(args.files if args.files else default_gold_files())
    seed = None if args.no_seed or args.files or args.real else seed_item()
    if seed is not None:
        gold.append(seed)
    predictions = (
        read_predictions(args.predictions) if args.predictions else predict_or_nothing(gold)
    )
    report = score(gold, predictions)
    if args.json:
        if not args.errors:
            report.pop("articles")
        print(json.dumps(report, indent=2, default=list))
    else:
        print(format_report(report, errors=args.errors))
    if args.write_baseline:
        write_baseline(report, evaluate_real("tune"))
        print(f"wrote {BASELINE_FILE}")
    return 0


def _floor(value: float) -> float:
    return math.floor(value * 1000) / 1000


def write_baseline(
    report: dict[str, Any], real: dict[str, Any] | None = None, path: Path = BASELINE_FILE
) -> None:
    """Store the figures of `report` (the devset) and `real` (the real-text tuning part), cut
    to three decimals, as the gate's floors."""
    floors: dict[str, Any] = {
        "event_f1": _floor(report["event_f1"]),
        "relevance_f1": _floor(report["relevance_f1"]),
        "statement_f1": _floor(report["statement_f1"]),
        "per_type_f1": {kind: _floor(report["per_type_f1"][kind]) for kind in EVENT_TYPES},
    }
    if real is not None:
        floors["real_tune"] = {
            name: _floor(real[name]) for name in ("event_f1", "relevance_f1", "statement_f1")
        }
    path.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
