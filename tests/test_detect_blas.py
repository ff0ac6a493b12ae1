"""The detector's models multiply matrices with numpy's OpenBLAS, held to one thread.

spaCy's bundled BLIS picks its kernel by CPU model and runs its generic C kernel on CPUs it
does not know (AMD Zen 3 and later among them): there the parse cost a quarter more CPU
(benchmarks/detect_speed.py). The parses are the same either way: checked token by token
over every gold text and the speed benchmark's corpus when this was changed."""

from __future__ import annotations

import ctypes
from pathlib import Path

import numpy

from pipeline.detect import SPACY_MODEL, _one_thread_openblas


def _openblas_threads() -> int:
    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    lib = ctypes.CDLL(str(next(libs.glob("libscipy_openblas*.so*"))))
    return int(lib.scipy_openblas_get_num_threads64_())


def test_the_models_use_single_threaded_openblas(detector):
    for name in ("tok2vec", "tagger", "parser", "ner"):
        ops = detector.nlp.get_pipe(name).model.ops
        assert getattr(ops, "use_blis", True) is False, name
    assert _openblas_threads() == 1  # more threads would spend more CPU on the same parse
    assert _one_thread_openblas()


def test_the_parse_is_the_one_blis_gives():
    """One text parsed by the model on each: same tags, heads, labels and entities."""
    import spacy
    from thinc.api import use_ops

    text = (
        "Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would respond to "
        "the new U.S. sanctions, which Washington imposed after the talks in Geneva failed."
    )
    with use_ops("numpy", use_blis=True):
        blis_nlp = spacy.load(SPACY_MODEL)
    with use_ops("numpy", use_blis=False):
        openblas_nlp = spacy.load(SPACY_MODEL)
    assert blis_nlp.get_pipe("tok2vec").model.ops.use_blis is True

    def parse(nlp) -> list[tuple[str, str, int, str, str]]:
        return [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in nlp(text)]

    assert parse(openblas_nlp) == parse(blis_nlp)
