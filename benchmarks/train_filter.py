"""Train the detector's precision filter (`pipeline/detect/rescore.py`) and measure it honestly.

Runs the rules over the devset (with the seed article) and the tuning part of the real-text
gold set (cached parses, like `benchmarks.quick`), recording the filter's features for every
event and statement the rules produce, and labels each one with the benchmark's own matching:
an event is true when its (type, source, target) is a required gold event of the article,
a statement when the one-to-one matching gives it a required gold statement; items matching
only optional gold are left out of training; each article with any item is labelled by the
gold's relevance for the article model. Three logistic models (events, statements, article)
are fitted with scikit-learn (a dev dependency); the runtime evaluates their weights in plain
Python.

The honest figure is grouped cross-validation by article on the tuning part: the devset is
always in training, each fold of tuning articles is scored by a model that never saw it, with
thresholds chosen inside the training folds (an inner cross-validation). The figures are the
benchmark's scorer's, on the rules' output with the dropped items removed. The blind part is
never read.

    python -m benchmarks.train_filter [--cache DIR] [--folds 5] [--write] [--features FILE]

`--write` fits the model on everything (thresholds from the outer cross-validation's
out-of-fold scores) and writes `pipeline/detect/data/rescore.json`; the output depends only
on the rules and the gold, so a rerun writes the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import accuracy, quick

SEED = 20240909
PARTS = ("events", "statements")
MODELS = (*PARTS, "article")
C_VALUE = {"events": 0.3, "statements": 0.3, "article": 0.1}
MIN_COUNT = 2  # a feature seen in fewer training items gets no weight
GRID = [round(0.05 * i, 2) for i in range(1, 19)]

Row = dict[str, Any]  # {"article", "part", "features", "label"}


# --------------------------------------------------------------------------- collecting


def collect(cache: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]]]:
    """Gold items per part and, per article id, the rules' output with each item's features
    (`events[i]["_features"]`, `statements[i]["_features"]`), the filter switched off."""
    from pipeline.detect import rescore

    gold = {part: quick.gold_of(part) for part in ("dev", "tune")}
    out: dict[str, dict[str, Any]] = {}
    for items in gold.values():
        for item in items:
            with rescore.recording() as records:
                prediction = quick.predict([item], cache)[str(item["id"])]
            if records:
                (record,) = records
                for kind in PARTS:
                    assert len(record[kind]) == len(prediction[kind])
                    for entry, features in zip(prediction[kind], record[kind], strict=True):
                        entry["_features"] = sorted(set(features))
                prediction["_article"] = sorted(set(record["article"][0]))
            else:
                assert not prediction["events"] and not prediction["statements"]
            out[str(item["id"])] = prediction
    return gold, out


def label(gold: dict[str, Any], prediction: dict[str, Any]) -> dict[str, list[int | None]]:
    """1 when the benchmark credits the item, 0 when it counts against it, None when it
    only matches optional gold."""
    required = {
        accuracy.event_key(e["type"], e["source"], e["target"])
        for e in gold.get("events") or []
        if not e.get("optional")
    }
    optional = {
        accuracy.event_key(e["type"], e["source"], e["target"])
        for e in gold.get("events") or []
        if e.get("optional")
    }
    events: list[int | None] = []
    for e in prediction["events"]:
        key = accuracy.event_key(e["type"], e["source"]["country"], e["target"]["country"])
        events.append(1 if key in required else None if key in optional else 0)
    preds = prediction["statements"]
    golds = [s for s in gold.get("statements") or [] if not s.get("optional")]
    extras = [s for s in gold.get("statements") or [] if s.get("optional")]
    matched = accuracy._max_matching(golds, preds, set(range(len(preds))))
    absorbed = accuracy._max_matching(extras, preds, set(range(len(preds))) - set(matched))
    statements: list[int | None] = [
        1 if j in matched else None if j in absorbed else 0 for j in range(len(preds))
    ]
    return {"events": events, "statements": statements}


def rows_of(
    gold: dict[str, list[dict[str, Any]]], predictions: dict[str, dict[str, Any]]
) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {kind: [] for kind in MODELS}
    for part, items in gold.items():
        for item in items:
            prediction = predictions[str(item["id"])]
            labels = label(item, prediction)
            for kind in PARTS:
                for entry, y in zip(prediction[kind], labels[kind], strict=True):
                    rows[kind].append(
                        {
                            "article": str(item["id"]),
                            "part": part,
                            "features": entry["_features"],
                            "label": y,
                        }
                    )
            if prediction.get("_article"):
                rows["article"].append(
                    {
                        "article": str(item["id"]),
                        "part": part,
                        "features": prediction["_article"],
                        "label": int(bool(item.get("relevant"))),
                    }
                )
    return rows


# --------------------------------------------------------------------------- fitting


class Fitted:
    """One logistic model: weights by feature name and a bias."""

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights, self.bias = weights, bias

    def scores(self, rows: Sequence[Row]) -> list[float]:
        import math

        out = []
        for row in rows:
            z = self.bias + sum(self.weights.get(f, 0.0) for f in row["features"])
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out


def fit(rows: Sequence[Row], c_value: float) -> Fitted:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if r["label"] is not None]
    counts = Counter(f for r in train for f in r["features"])
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT and f != "bias")
    index = {f: i for i, f in enumerate(vocab)}
    data, cols, ptr = [], [], [0]
    for r in train:
        idx = sorted({index[f] for f in r["features"] if f in index})
        cols += idx
        data += [1.0] * len(idx)
        ptr.append(len(cols))
    x = csr_matrix((data, cols, ptr), shape=(len(train), len(vocab)))
    y = np.array([r["label"] for r in train])
    model = LogisticRegression(C=c_value, solver="liblinear", max_iter=1000, random_state=SEED)
    model.fit(x, y)
    weights = {
        f: round(float(w), 4) for f, w in zip(vocab, model.coef_[0], strict=True) if abs(w) >= 1e-4
    }
    return Fitted(weights, round(float(model.intercept_[0]), 4))


# --------------------------------------------------------------------------- scoring


def _article_value(best: float, article: Sequence[float] | None) -> float:
    """What the article threshold applies to, as the detector computes it
    (`rescore.article_value`; the best item's alone where the article has no score)."""
    from pipeline.detect import rescore

    return rescore.article_value(best, article[0] if article else None)


def filtered(
    predictions: dict[str, dict[str, Any]],
    scores: dict[str, dict[str, list[float]]],
    thresholds: dict[str, float],
) -> dict[str, dict[str, Any]]:
    """The output with items under the thresholds dropped, and everything dropped where the best
    item left scores under the "article" threshold; relevant when anything is left."""
    out = {}
    for aid, prediction in predictions.items():
        kept: dict[str, Any] = {"id": prediction["id"]}
        for kind in PARTS:
            kept[kind] = [
                e
                for e, s in zip(prediction[kind], scores[aid][kind], strict=True)
                if s >= thresholds[kind]
            ]
        best = max(
            (s for kind in PARTS for s in scores[aid][kind] if s >= thresholds[kind]), default=0.0
        )
        if _article_value(best, scores[aid].get("article")) < thresholds.get("article", 0.0):
            kept["events"], kept["statements"] = [], []
        kept["relevant"] = bool(kept["events"] or kept["statements"])
        out[aid] = kept
    return out


def figures(gold: Sequence[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> str:
    return quick.figures_line(accuracy.score(gold, predictions))


def choose_thresholds(
    gold: Sequence[dict[str, Any]],
    predictions: dict[str, dict[str, Any]],
    scores: dict[str, dict[str, list[float]]],
) -> dict[str, float]:
    """Thresholds maximising the sum of the three F1 figures on these (held-out) scores:
    events first with statements kept, then statements given that events threshold, then the
    article's own (its best kept item), twice round."""
    best = {"events": 0.0, "statements": 0.0, "article": 0.0}

    def total(thresholds: dict[str, float]) -> float:
        report = accuracy.score(gold, filtered(predictions, scores, thresholds))
        return report["event_f1"] + report["relevance_f1"] + report["statement_f1"]

    for _round in range(2):
        for kind in (*PARTS, "article"):
            results = []
            for t in [0.0, *GRID]:
                trial = {**best, kind: t}
                results.append((round(total(trial), 6), -t, t))
            best[kind] = max(results)[2]
    return best


def folds_of(ids: Sequence[str], k: int, seed: int) -> list[list[str]]:
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def oof_scores(
    rows: dict[str, list[Row]], train_ids: set[str], held_ids: Sequence[str], k: int, seed: int
) -> dict[str, dict[str, list[float]]]:
    """Out-of-fold scores for `held_ids` articles by models trained on the devset plus the
    `train_ids` articles outside each fold."""
    scores: dict[str, dict[str, list[float]]] = {}
    for fold in folds_of(held_ids, k, seed):
        test = set(fold)
        for kind in MODELS:
            train = [
                r
                for r in rows[kind]
                if (r["part"] == "dev" or r["article"] in train_ids) and r["article"] not in test
            ]
            model = fit(train, C_VALUE[kind])
            for aid in fold:
                held = [r for r in rows[kind] if r["article"] == aid]
                scores.setdefault(aid, {})[kind] = model.scores(held)
    return scores


def cross_validate(
    rows: dict[str, list[Row]],
    tune_gold: Sequence[dict[str, Any]],
    predictions: dict[str, dict[str, Any]],
    folds: int,
    seed: int,
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, list[float]]]]:
    """Nested cross-validation on the tuning part: each held-out fold is scored by a model
    fitted on the devset and the other folds, with thresholds chosen by an inner
    cross-validation on those other folds. The filtered output and the out-of-fold scores."""
    tune_ids = [str(item["id"]) for item in tune_gold]
    cv_scores: dict[str, dict[str, list[float]]] = {}
    cv_filtered: dict[str, dict[str, Any]] = {}
    for n, fold in enumerate(folds_of(tune_ids, folds, seed)):
        rest = [aid for aid in tune_ids if aid not in set(fold)]
        inner = oof_scores(rows, set(rest), rest, folds, seed + n + 1)
        rest_gold = [item for item in tune_gold if str(item["id"]) in set(rest)]
        thresholds = choose_thresholds(rest_gold, {aid: predictions[aid] for aid in rest}, inner)
        held = oof_scores(rows, set(rest), fold, 1, seed)
        cv_scores.update(held)
        cv_filtered.update(filtered({aid: predictions[aid] for aid in fold}, held, thresholds))
        print(f"fold {n + 1}: thresholds {thresholds}")
    return cv_filtered, cv_scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=quick.DEFAULT_CACHE)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--features", type=Path, help="reuse (or write) the collected features")
    parser.add_argument("--write", action="store_true", help="write the shipped weights")
    parser.add_argument("--out", type=Path, default=None, help="weights file to write")
    parser.add_argument(
        "--c", type=float, nargs=2, help="inverse regularisation: events, statements"
    )
    parser.add_argument("--c-article", type=float, help="inverse regularisation: article model")
    parser.add_argument(
        "--seed", type=int, default=SEED, help="fold assignment (repeat with others to see noise)"
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="repeat the cross-validation with other fold assignments and print the mean",
    )
    parser.add_argument(
        "--save-cv", type=Path, help="write the cross-validated output (JSON lines) for --errors"
    )
    args = parser.parse_args(argv)
    started = time.process_time()
    seed = args.seed
    if args.c:
        C_VALUE.update(events=args.c[0], statements=args.c[1])
    if args.c_article:
        C_VALUE.update(article=args.c_article)
    os.environ["DIPLOWATCH_RESCORE"] = "1"
    if args.features and args.features.exists():
        saved = json.loads(args.features.read_text(encoding="utf-8"))
        gold, predictions = saved["gold"], saved["predictions"]
    else:
        gold, predictions = collect(args.cache)
        if args.features:
            args.features.write_text(
                json.dumps({"gold": gold, "predictions": predictions}), encoding="utf-8"
            )
    rows = rows_of(gold, predictions)
    for kind in PARTS:
        labelled = [r["label"] for r in rows[kind] if r["label"] is not None]
        print(f"{kind}: {len(rows[kind])} items, {sum(labelled)} true of {len(labelled)} labelled")

    tune_gold = gold["tune"]
    tune_ids = [str(item["id"]) for item in tune_gold]
    tune_pred = {aid: predictions[aid] for aid in tune_ids}
    print(f"tune rules alone : {figures(tune_gold, tune_pred)}")

    cv_filtered, cv_scores = cross_validate(rows, tune_gold, predictions, args.folds, seed)
    print(f"tune CV filtered : {figures(tune_gold, cv_filtered)}")
    if args.repeats > 1:
        reports = [accuracy.score(tune_gold, cv_filtered)]
        for extra in range(1, args.repeats):
            again, _ = cross_validate(rows, tune_gold, predictions, args.folds, seed + 1000 * extra)
            reports.append(accuracy.score(tune_gold, again))
            print(f"  seed {seed + 1000 * extra}: {figures(tune_gold, again)}")
        means = {
            key: sum(r[key] for r in reports) / len(reports)
            for key in ("event_f1", "relevance_f1", "statement_f1")
        }
        print(
            f"tune CV mean of {len(reports)} fold assignments: events F1 {means['event_f1']:.3f}"
            f" | relevance F1 {means['relevance_f1']:.3f}"
            f" | statements F1 {means['statement_f1']:.3f}"
        )
    if args.save_cv:
        with args.save_cv.open("w", encoding="utf-8") as out:
            for aid in tune_ids:
                out.write(json.dumps(cv_filtered[aid]) + "\n")
    chosen = choose_thresholds(tune_gold, tune_pred, cv_scores)
    print(f"thresholds from the out-of-fold scores: {chosen}")

    if args.write or args.out:
        models = {kind: fit([r for r in rows[kind]], C_VALUE[kind]) for kind in MODELS}
        data = {
            "about": "weights of pipeline/detect/rescore.py; written by "
            "python -m benchmarks.train_filter --write",
            **{
                kind: {
                    "bias": models[kind].bias,
                    "threshold": chosen[kind],
                    "weights": dict(sorted(models[kind].weights.items())),
                }
                for kind in PARTS
            },
            "article": {
                "threshold": chosen["article"],
                "bias": models["article"].bias,
                "weights": dict(sorted(models["article"].weights.items())),
            },
        }
        from pipeline.detect import rescore

        path = args.out or rescore.MODEL_FILE
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path}")
        full = {
            aid: {
                kind: models[kind].scores([r for r in rows[kind] if r["article"] == aid])
                for kind in MODELS
            }
            for aid in predictions
        }
        for part in ("dev", "tune"):
            ids = [str(item["id"]) for item in gold[part]]
            pred = {aid: predictions[aid] for aid in ids}
            print(f"{part:4} in-sample: {figures(gold[part], filtered(pred, full, chosen))}")
    print(f"{time.process_time() - started:.0f} CPU s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
