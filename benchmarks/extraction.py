"""Extraction benchmark: how well our trafilatura options recover article bodies.

Data: the article-extraction-benchmark in the shared data directory (181 news pages,
`html/<id>.html.gz`, `ground-truth.json`), read from $DIPLOWATCH_SHARED or ../shared next to
the repository; never copied into the repo.

Scoring (as that benchmark defines it): predicted and true bodies become sets of overlapping
4-word shingles of lower-cased word tokens; precision, recall and F1 per page from the sets;
the mean over pages is reported. An empty prediction against a non-empty truth scores 0.

    .venv/bin/python benchmarks/extraction.py                 # every variant, one process each
    .venv/bin/python benchmarks/extraction.py --variant ours  # one variant
    .venv/bin/python benchmarks/extraction.py --limit 40      # a quick look

Each variant runs in its own process so its peak memory (max RSS) is its own.

Figures on 2 shared cores, trafilatura 2.3.1 (published trafilatura 2.0 F1: 0.958):

    default                          P 0.943  R 0.979  F1 0.955   54 pages/s  138 MiB
    default-no-comments              P 0.947  R 0.979  F1 0.958   55 pages/s  138 MiB
    recall-no-comments               P 0.943  R 0.980  F1 0.956   71 pages/s  139 MiB
    precision                        P 0.958  R 0.972  F1 0.961   54 pages/s  137 MiB
    precision-no-comments            P 0.958  R 0.972  F1 0.961   55 pages/s  137 MiB
    precision-no-comments-no-tables  P 0.951  R 0.959  F1 0.950   53 pages/s  137 MiB
    fast-precision-no-comments       P 0.943  R 0.947  F1 0.941   78 pages/s  107 MiB
    ours (pipeline.extract)          P 0.962  R 0.972  F1 0.963   47 pages/s  137 MiB
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

LOGGER = logging.getLogger(__name__)
SHINGLE = 4
_WORD = re.compile(r"\w+")

# Options handed to trafilatura.bare_extraction for each variant; "ours" is the pipeline's own
# extract_html (TRAFILATURA_OPTIONS plus hostile-input checks and headline removal).
VARIANTS: dict[str, dict[str, Any] | None] = {
    "default": {},
    "default-no-comments": {"include_comments": False},
    "recall-no-comments": {"favor_recall": True, "include_comments": False},
    "precision": {"favor_precision": True},
    "precision-no-comments": {"favor_precision": True, "include_comments": False},
    "precision-no-comments-no-tables": {
        "favor_precision": True,
        "include_comments": False,
        "include_tables": False,
    },
    "fast-precision-no-comments": {
        "fast": True,
        "favor_precision": True,
        "include_comments": False,
    },
    "ours": None,
}
# The pipeline's own extraction with one option changed (measured for cost, issue 12).
OURS_WITH: dict[str, dict[str, Any]] = {
    "ours-quick-date": {"date_extraction_params": {"extensive_search": False}},
    "ours-no-tables": {"include_tables": False},
    "ours-fast": {"fast": True},
    "ours-recall": {"favor_precision": False, "favor_recall": True},
}
VARIANTS.update(dict.fromkeys(OURS_WITH))


def data_dir() -> Path:
    env = os.environ.get("DIPLOWATCH_SHARED")
    shared = Path(env) if env else REPO_ROOT.parent / "shared"
    return shared / "data" / "article-extraction-benchmark"


def shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    if len(tokens) < SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def score(predicted: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall, F1 of one page from shingle sets."""
    pred, true = shingles(predicted), shingles(truth)
    if not true:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 1.0, 0.0)
    if not pred:
        return 0.0, 0.0, 0.0
    common = len(pred & true)
    precision, recall = common / len(pred), common / len(true)
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


@dataclass
class Figures:
    variant: str
    pages: int
    precision: float
    recall: float
    f1: float
    empty: int
    errors: int
    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0  # CPU time: steadier than wall time on a shared machine

    def line(self) -> str:
        return (
            f"{self.variant:34} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"empty {self.empty:3d}  errors {self.errors}  {self.pages / self.seconds:6.1f} pages/s  "
            f"{1000 * self.cpu_seconds / self.pages:5.1f} ms CPU/page  "
            f"peak {self.peak_mib:6.0f} MiB"
        )


def _extractor(variant: str) -> Callable[[bytes, str], str]:
    from pipeline.errors import ExtractionError
    from pipeline.extract import extract_html
    from pipeline.http import decode_body

    options = VARIANTS[variant]
    if options is None:
        if variant in OURS_WITH:  # this process runs this variant only
            from pipeline import extract

            extract.TRAFILATURA_OPTIONS.update(OURS_WITH[variant])

        def ours(raw: bytes, url: str) -> str:
            try:
                article = extract_html(raw, url)
            except ExtractionError as exc:
                LOGGER.warning("%s", exc)
                return ""
            return article.text if article else ""

        return ours

    import trafilatura

    def plain(raw: bytes, url: str) -> str:
        doc = trafilatura.bare_extraction(decode_body(raw), url=url, with_metadata=True, **options)
        return str(doc.text or "") if doc is not None and not isinstance(doc, dict) else ""

    return plain


def run_variant(variant: str, limit: int | None) -> Figures:
    folder = data_dir()
    truth: dict[str, dict[str, str]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    extract = _extractor(variant)
    pages = [(i, gzip.decompress((folder / "html" / f"{i}.html.gz").read_bytes())) for i in ids]
    totals = [0.0, 0.0, 0.0]
    empty = errors = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for page_id, raw in pages:
        try:
            predicted = extract(raw, truth[page_id].get("url", ""))
        except Exception:  # noqa: BLE001 - a crash is scored as an empty prediction
            LOGGER.exception("%s crashed on %s", variant, page_id)
            predicted, errors = "", errors + 1
        empty += not predicted.strip()
        for k, value in enumerate(score(predicted, truth[page_id]["articleBody"])):
            totals[k] += value
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    n = len(pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return Figures(
        variant, n, totals[0] / n, totals[1] / n, totals[2] / n, empty, errors, seconds, peak, cpu
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--variant", choices=sorted(VARIANTS), action="append")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--json", action="store_true", help="print one JSON line per variant")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if not (data_dir() / "ground-truth.json").exists():
        print(f"benchmark data not found in {data_dir()}; set DIPLOWATCH_SHARED", file=sys.stderr)
        return 2
    variants = args.variant or list(VARIANTS)
    if len(variants) == 1:
        figures = run_variant(variants[0], args.limit)
        print(json.dumps(figures.__dict__) if args.json else figures.line(), flush=True)
        return 0
    print(f"{len(variants)} variants on {data_dir()} (published trafilatura 2.0 F1: 0.958)")
    for variant in variants:
        # One process per variant: peak memory and import caches are the variant's own.
        command = [sys.executable, __file__, "--variant", variant, "--json"]
        if args.limit:
            command += ["--limit", str(args.limit)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{variant}: failed\n{done.stderr[-2000:]}")
            continue
        print(Figures(**json.loads(done.stdout.strip().splitlines()[-1])).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
