"""`diplowatch detect` against hostile batches: every input line gets exactly one output line,
in order, and one bad line (lone surrogate, absurd nesting, blank, a crash) costs only itself."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from pipeline.cli import main
from pipeline.detect.batch import open_input, run_batch
from pipeline.settings import Settings

STORY = (
    "Sergei Lavrov accused Washington of wrecking the talks on Tuesday. "
    '"The Americans are not serious," he told reporters in Moscow.'
)
GOOD = json.dumps({"id": "good", "text": STORY, "published": "2024-05-08"})


def _batch(raw: bytes) -> list[dict]:
    out = io.StringIO()
    run_batch(open_input(io.BytesIO(raw)), out, Settings())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_lone_surrogate_costs_nothing_and_the_lines_after_it_are_right(detector):
    surrogate = '{"id": "s", "text": "Lavrov \\ud800 accused Washington.\\udfff"}'
    raw = "\n".join([GOOD, surrogate, GOOD, GOOD]).encode() + b"\n"
    records = _batch(raw)
    assert [r["id"] for r in records] == ["good", "s", "good", "good"]
    assert all("error" not in r for r in records)
    assert records[0] == records[2] == records[3]
    assert records[0]["relevant"] is True and records[0]["events"]
    json.dumps(records, ensure_ascii=False).encode("utf-8")  # every output is valid UTF-8


def test_absurd_nesting_gets_its_own_error_line(detector):
    raw = "[" * 100_000 + "\n" + GOOD + "\n" + '{"id": "deep", "text": ' + "[" * 50_000 + "\n"
    records = _batch(raw.encode())
    assert len(records) == 3
    assert records[0] == {"id": None, "error": "line 1 is nested too deeply to be an item"}
    assert records[1]["id"] == "good" and records[1]["relevant"] is True
    assert "error" in records[2]


def test_blank_lines_get_an_output_line_each_and_a_final_newline_is_not_a_line(detector):
    raw = f"{GOOD}\n\n   \n{GOOD}\n".encode()
    records = _batch(raw)
    assert [r.get("error", "ok") for r in records] == [
        "ok",
        "line 2 is empty; each line must be one JSON item",
        "line 3 is empty; each line must be one JSON item",
        "ok",
    ]


def test_lines_end_at_newline_only(detector):
    # \r is JSON whitespace: an item written with a CR between its fields is one item.
    with_cr = '{"id": "cr",\r "text": "Lavrov accused Washington.\\r Moscow said."}'
    raw = f"{with_cr}\r\n{GOOD}\r\n".encode()
    records = _batch(raw)
    assert [r["id"] for r in records] == ["cr", "good"]
    assert all("error" not in r for r in records)


def test_bytes_that_are_not_utf8_and_nul_escapes_are_survived(detector):
    raw = (
        b'{"id": "bytes", "text": "Lavrov \xff\xfe accused \\u0000 Washington."}\n' + GOOD.encode()
    )
    records = _batch(raw)
    assert [r["id"] for r in records] == ["bytes", "good"]
    assert all("error" not in r for r in records)


def test_a_crash_inside_detection_costs_only_its_own_line(detector, monkeypatch):
    original = detector.detect

    def fragile(text, **kwargs):
        if "EXPLODE" in text:
            raise RuntimeError("parser blew up")
        return original(text, **kwargs)

    def fragile_many(items, batch_size=16):
        for text, title, published in items:
            yield fragile(text, title=title, published=published)

    monkeypatch.setattr(detector, "detect", fragile)
    monkeypatch.setattr(detector, "detect_many", fragile_many)
    bomb = json.dumps({"id": "bomb", "text": "EXPLODE " + STORY})
    records = _batch("\n".join([GOOD, bomb, GOOD]).encode())
    assert [r["id"] for r in records] == ["good", "bomb", "good"]
    assert "parser blew up" in records[1]["error"]
    assert records[0]["relevant"] and records[2]["relevant"]


HOSTILE_FILE = b"\n".join(
    [
        GOOD.encode(),
        b'{"id": "s", "text": "\\ud800"}',
        b"[" * 100_000,
        b"",
        b"not json at all",
        b'{"id": {"nested": "id"}, "text": "x"}',
        b'{"id": "no-text"}',
        b'{"id": "cr",\r"text": "Lavrov accused Washington."}',
        GOOD.encode(),
    ]
)


def test_the_cli_gives_one_line_per_input_line_from_a_file_and_from_stdin(tmp_path, capsys):
    source = tmp_path / "items.jsonl"
    source.write_bytes(HOSTILE_FILE + b"\n")
    target = tmp_path / "out.jsonl"
    assert main(["detect", "--input", str(source), "--output", str(target)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 9
    assert [r.get("id") for r in records] == [
        "good", "s", None, None, None, '{"nested": "id"}', "no-text", "cr", "good",
    ]  # fmt: skip
    errors = [i for i, r in enumerate(records) if "error" in r]
    assert errors == [2, 3, 4, 6]
    stats = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert stats["items"] == 9 and stats["errors"] == 4

    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "detect", "--input", "-"],
        input=HOSTILE_FILE,
        capture_output=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    piped = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert piped == records


@pytest.mark.parametrize("chunk_size", [1, 2, 64])
def test_output_order_is_kept_across_chunks(detector, chunk_size):
    lines = [json.dumps({"id": i, "text": STORY if i % 3 else "Bread."}) for i in range(7)]
    lines.insert(3, "")
    out = io.StringIO()
    run_batch(lines, out, Settings(), chunk_size=chunk_size)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r.get("id") for r in records] == [0, 1, 2, None, 3, 4, 5, 6]
    assert [r.get("relevant") for r in records if r.get("id") is not None] == [
        False, True, True, False, True, True, False,
    ]  # fmt: skip
