"""The quality gate: the detector's accuracy on the devset may not drop below the baseline.

`benchmarks/baseline.json` is the committed floor (event, relevance and statement F1 and the
F1 of each event type). Raising it is a commit of its own; lowering it needs a reason.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.accuracy import BASELINE_FILE, EVENT_TYPES, evaluate

TOLERANCE = 0.005


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures() -> dict:
    return evaluate()


def test_baseline_names_every_figure(baseline: dict) -> None:
    assert {"event_f1", "relevance_f1", "statement_f1", "per_type_f1"} <= set(baseline)
    assert set(EVENT_TYPES) <= set(baseline["per_type_f1"])
    for value in [baseline["event_f1"], baseline["relevance_f1"], baseline["statement_f1"]]:
        assert 0.0 <= value <= 1.0


@pytest.mark.parametrize("name", ["event_f1", "relevance_f1", "statement_f1"])
def test_headline_figure_holds(name: str, baseline: dict, figures: dict) -> None:
    assert figures[name] >= baseline[name] - TOLERANCE, (
        f"{name} fell to {figures[name]:.3f} from the baseline {baseline[name]:.3f}; "
        f"run `python -m benchmarks.accuracy --errors` to see what changed"
    )


def test_per_type_f1_holds(baseline: dict, figures: dict) -> None:
    fallen = {
        kind: (figures["per_type_f1"].get(kind, 0.0), floor)
        for kind, floor in baseline["per_type_f1"].items()
        if figures["per_type_f1"].get(kind, 0.0) < floor - TOLERANCE
    }
    assert not fallen, f"event types below their baseline F1 (now, floor): {fallen}"
