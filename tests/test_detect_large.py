"""A huge input is cut to the detector's cap and read in linear time: a result, never a hang."""

from __future__ import annotations

import io
import json

import pytest

from pipeline.detect.batch import run_batch
from pipeline.settings import Settings


@pytest.mark.timeout(120)
def test_five_megabytes_of_relevant_text_give_a_result():
    sentence = "Lavrov said Washington must stop its provocations against Moscow. "
    text = sentence * (5 * 1024 * 1024 // len(sentence))
    items = [json.dumps({"id": "huge", "text": text, "published": "2024-05-01"})]
    out = io.StringIO()
    run_batch(items, out, Settings())
    (line,) = out.getvalue().splitlines()
    result = json.loads(line)
    assert result["id"] == "huge" and "error" not in result
    assert result["relevant"] is True
    assert {
        (e["type"], e["source"]["country"], e["target"]["country"]) for e in result["events"]
    } >= {("REQUEST", "RUS", "USA")}
