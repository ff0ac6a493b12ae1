"""Property-based fuzzing of the detect batch reader (pipeline/detect/batch.py) with hypothesis.

Any input, as bytes: JSON items with odd texts (escaped lone surrogates and NULs, carriage
returns, Unicode line separators, HTML), lines that are not JSON, absurd nesting, blank
lines, bytes that are not UTF-8. Every input line gets exactly one output line, in input
order, each a JSON object that is valid UTF-8, and nothing crashes the batch. The real
detector runs, on short texts and few examples so it stays cheap.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.detect.batch import open_input, run_batch
from pipeline.settings import Settings

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

WORDS = st.sampled_from(
    [
        "Lavrov", "accused", "Washington", "Blinken", "met", "Moscow", "sanctions", "the", ".",
        "\r", "\u2028", "\x85", "\x00", "\ud800", "\udfff", "\t", '"', "\\", "<p>", "</p>",
        "Путин", "😀", "\ufeff",
    ]
)  # fmt: skip
texts = st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=12).map(" ".join)


@st.composite
def lines(draw: st.DrawFn, index: int) -> tuple[bytes, int | None]:
    """One input line (without its \\n) and the id its output line must echo, if any."""
    kind = draw(st.sampled_from(["item", "item", "item", "text", "bytes", "nest", "blank"]))
    if kind == "item":
        record: dict = {"id": index, "text": draw(texts)}
        if draw(st.booleans()):
            record["title"] = draw(texts)
        if draw(st.booleans()):
            record["published"] = draw(st.sampled_from(["2024-05-08", "yesterday", "", 7]))
        if draw(st.booleans()):
            record["text"] = "<html><body><p>" + record["text"] + "</p></body></html>"
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        return line.encode("utf-8", errors="surrogatepass"), index
    if kind == "text":
        return draw(texts).replace("\n", " ").encode("utf-8", errors="surrogatepass"), None
    if kind == "bytes":
        return draw(st.binary(max_size=30)).replace(b"\n", b" "), None
    if kind == "nest":
        return b"[" * draw(st.sampled_from([1, 50, 5000, 100_000])), None
    return draw(st.sampled_from([b"", b" ", b"\r", b"\t \r"])), None


@st.composite
def batches(draw: st.DrawFn) -> list[tuple[bytes, int | None]]:
    return [draw(lines(i)) for i in range(draw(st.integers(0, 8)))]


@FUZZ
@given(batch=batches(), final_newline=st.booleans(), chunk_size=st.integers(1, 4))
@example(
    batch=[(b'{"id": 0, "text": "a\\ud800b"}', 0), (b"[" * 100_000, None), (b"", None),
           (b'{"id": 3, "text": "one\\rtwo"}', 3)],
    final_newline=True,
    chunk_size=2,
)  # fmt: skip
def test_every_line_gets_one_output_line_in_order(detector, batch, final_newline, chunk_size):
    raw = b"\n".join(line for line, _ in batch)
    if batch and final_newline:
        raw += b"\n"
    elif batch and batch[-1][0] == b"":
        batch = batch[:-1]  # "a\n" + "" is "a\n": a final line end starts no other line
    out = io.StringIO()
    counts = run_batch(open_input(io.BytesIO(raw)), out, Settings(), chunk_size=chunk_size)
    written = out.getvalue()
    assert written.endswith("\n") or not written
    records = [json.loads(line) for line in written.splitlines()]
    assert len(records) == len(batch) == counts["items"]
    written.encode("utf-8")  # raises if a lone surrogate reached the output
    for record, (_, expected_id) in zip(records, batch, strict=True):
        assert isinstance(record, dict) and "id" in record
        if expected_id is not None:
            assert record["id"] == expected_id  # order kept
        if "error" in record:
            assert isinstance(record["error"], str) and record["error"]
        else:
            assert isinstance(record["relevant"], bool)
    assert counts["errors"] == sum("error" in r for r in records)
