"""The batch interface of EVENTS.md and the detector's behaviour on bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import time

import pytest

from pipeline.detect import DETECTOR_VERSION, Detector, get_detector
from pipeline.detect.batch import run_batch
from pipeline.settings import Settings

STORY = (
    "Sergei Lavrov accused Washington of wrecking the talks on Tuesday. "
    '"The Americans are not serious," he told reporters in Moscow.'
)


def run(lines: list[str]) -> tuple[list[dict], dict]:
    out = io.StringIO()
    counts = run_batch(lines, out, Settings())
    return [json.loads(line) for line in out.getvalue().splitlines()], counts


def test_output_lines_follow_the_contract_in_input_order() -> None:
    lines = [
        json.dumps({"id": "a", "text": STORY, "published": "2024-05-08"}),
        json.dumps({"id": "b", "text": "The bakery on Main Street reopened.", "title": "Bread"}),
        json.dumps({"id": "c", "text": STORY}),
    ]
    records, counts = run(lines)
    assert [r["id"] for r in records] == ["a", "b", "c"]
    first = records[0]
    assert first["relevant"] is True
    event = next(e for e in first["events"] if e["type"] == "ACCUSE")
    assert set(event) >= {"type", "mode", "source", "target", "reported_by", "sentence", "quote"}
    assert event["source"] == {
        "name": "Sergei Lavrov",
        "country": "RUS",
        "role": "FOREIGN_MINISTRY",
    }
    assert event["event_date"] == "2024-05-07"
    assert records[1] == {"id": "b", "relevant": False, "events": [], "statements": []}
    statement = first["statements"][0]
    assert statement["speaker"]["name"] == "Sergei Lavrov" and statement["about"] == ["USA"]
    assert counts["items"] == 3 and counts["relevant"] == 2 and counts["errors"] == 0


def test_bad_lines_get_an_error_and_the_run_goes_on() -> None:
    lines = [
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": STORY, "published": "yesterday"}),
        json.dumps({"id": "ok", "text": STORY}),
    ]
    records, counts = run(lines)
    assert [bool(r.get("error")) for r in records] == [True, True, True, True, False]
    assert records[2]["id"] == "no-text" and "text" in records[2]["error"]
    assert records[4]["relevant"] is True
    assert counts["errors"] == 4


def test_html_input_is_extracted_first() -> None:
    html = (
        "<html><head><title>Talks</title></head><body><nav>Home | World</nav><article>"
        f"<p>{STORY}</p><p>Antony Blinken said Washington wanted the talks to succeed.</p>"
        "</article></body></html>"
    )
    records, _ = run([json.dumps({"id": "h", "text": html, "published": "2024-05-08"})])
    assert records[0].get("error") is None
    assert records[0]["relevant"] is True


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "\x00\x01\x02\x03" * 2000,
        "Путин и Байден провели переговоры в Женеве.",
        "<<<>>>{{}}[[]]" * 500,
    ],
)
def test_junk_is_not_relevant(detector: Detector, text: str) -> None:
    detection = detector.detect(text, published=dt.date(2024, 1, 1))
    assert detection.relevant is False
    assert detection.detector_version == DETECTOR_VERSION


def test_a_five_megabyte_text_is_cut_not_choked_on(detector: Detector) -> None:
    text = (STORY + "\n") * (5_000_000 // (len(STORY) + 1))
    started = time.perf_counter()
    detection = detector.detect(text, published=dt.date(2024, 1, 1))
    assert detection.relevant
    assert time.perf_counter() - started < 120


def test_detect_many_keeps_order_and_matches_detect(detector: Detector) -> None:
    items = [
        (STORY, None, dt.date(2024, 5, 8)),
        ("Nothing about diplomacy here.", None, None),
        (STORY, "Lavrov", dt.date(2024, 5, 8)),
    ] * 7
    many = list(detector.detect_many(items, batch_size=4))
    assert len(many) == len(items)
    assert [d.relevant for d in many] == [True, False, True] * 7
    single = detector.detect(STORY, published=dt.date(2024, 5, 8))
    assert many[0].to_dict() == single.to_dict()


def test_detector_is_cached_per_dyad() -> None:
    assert get_detector() is get_detector(Settings())
    assert get_detector(Settings(sides=("USA", "CHN"))) is not get_detector()
