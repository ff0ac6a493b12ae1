"""The quality gate: the detector's accuracy may not drop below the committed baseline.

`benchmarks/baseline.json` is the committed floor: event, relevance and statement F1 and the
F1 of each event type on the devset, and the three headline figures on the tuning part of the
real-text gold set (`tests/data/real/tune`, text read from ../shared). Raising it is a commit
of its own (`python -m benchmarks.accuracy --write-baseline`); lowering it needs a reason.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.accuracy import BASELINE_FILE, EVENT_TYPES, evaluate, evaluate_real

RESCORE = True  # the detector as shipped: rules and the learned precision filter
TOLERANCE = 0.005
# While the detector is retuned on real journalism (issue 9), the devset may give up at most
# this much of its 1.8.0 figures (per event type: PER_TYPE_MARGIN); the real-text figures may
# not give up anything.
DEVSET_MARGIN = 0.02
PER_TYPE_MARGIN = 0.05


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures() -> dict:
    return evaluate()


@pytest.fixture(scope="module")
def real_figures() -> dict:
    return evaluate_real("tune")


def test_baseline_names_every_figure(baseline: dict) -> None:
    assert {"event_f1", "relevance_f1", "statement_f1", "per_type_f1"} <= set(baseline)
    assert set(EVENT_TYPES) <= set(baseline["per_type_f1"])
    for value in [baseline["event_f1"], baseline["relevance_f1"], baseline["statement_f1"]]:
        assert 0.0 <= value <= 1.0


@pytest.mark.parametrize("name", ["event_f1", "relevance_f1", "statement_f1"])
def test_headline_figure_holds(name: str, baseline: dict, figures: dict) -> None:
    assert figures[name] >= baseline[name] - DEVSET_MARGIN - TOLERANCE, (
        f"{name} fell to {figures[name]:.3f} from the baseline {baseline[name]:.3f}; "
        f"run `python -m benchmarks.accuracy --errors` to see what changed"
    )


def test_per_type_f1_holds(baseline: dict, figures: dict) -> None:
    fallen = {
        kind: (figures["per_type_f1"].get(kind, 0.0), floor)
        for kind, floor in baseline["per_type_f1"].items()
        if figures["per_type_f1"].get(kind, 0.0) < floor - PER_TYPE_MARGIN - TOLERANCE
    }
    assert not fallen, f"event types below their baseline F1 (now, floor): {fallen}"


@pytest.mark.timeout(1800)  # the first one parses the whole tuning part (1,399 real articles)
@pytest.mark.parametrize("name", ["event_f1", "relevance_f1", "statement_f1"])
def test_real_text_figure_holds(name: str, baseline: dict, real_figures: dict) -> None:
    floor = baseline["real_tune"][name]
    assert real_figures[name] >= floor - TOLERANCE, (
        f"{name} on the real-text tuning part fell to {real_figures[name]:.3f} from the "
        f"baseline {floor:.3f}; run `python -m benchmarks.accuracy --real tune --errors`"
    )
