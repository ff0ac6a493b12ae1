"""The detector applies the model's attribute rules without spaCy's Matcher, with the same result."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from benchmarks.accuracy import DEVSET_DIR
from pipeline.detect import SPACY_MODEL
from pipeline.detect.attributes import FastAttributeRuler, use_fast_attributes

# Written here: the contractions and two-token rules of the English model's ruler, and news.
SENTENCES = [
    "Y'all ain't gonna believe it, let's go. C'mon, there is a deal and there were two.",
    "He gets what he got, and we gotta go. There's no way it ain't so.",
    "The minister said on Tuesday that Moscow would respond to the new sanctions.",
    '"We will not accept this," Lavrov told reporters; the U.S. envoy was not there.',
    "Its 12 diplomats—expelled in 2018—are back. She'd said they'd've left by 5 p.m.!",
]


def _attributes(doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    reference = spacy.load(SPACY_MODEL, exclude=["ner"])
    fast = spacy.load(SPACY_MODEL, exclude=["ner"])
    assert use_fast_attributes(fast)
    return reference, fast


def _devset_texts(limit: int) -> list[str]:
    texts: list[str] = []
    for path in sorted(DEVSET_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()][:limit]
    return texts


def test_the_pipeline_swaps_the_ruler(pipelines) -> None:
    _, fast = pipelines
    assert "attribute_ruler" not in fast.pipe_names
    names = fast.pipe_names
    assert names.index("parser") < names.index("diplowatch_attributes") < names.index("lemmatizer")


def test_the_detector_uses_the_fast_rules(detector) -> None:
    assert "diplowatch_attributes" in detector.nlp.pipe_names
    assert "attribute_ruler" not in detector.nlp.pipe_names


def test_same_attributes_as_the_model_ruler(pipelines) -> None:
    reference, fast = pipelines
    texts = SENTENCES + _devset_texts(limit=12)
    compared = 0
    for ref_doc, fast_doc in zip(reference.pipe(texts), fast.pipe(texts), strict=True):
        assert _attributes(fast_doc) == _attributes(ref_doc)
        compared += len(ref_doc)
    assert compared > 5000


def test_two_token_rules_fire(pipelines) -> None:
    _, fast = pipelines
    doc = fast("They ain't here, and we're gonna stay.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be"  # "ai" + "n't": a rule over two tokens setting the first
    assert lemmas["na"] == "to"  # "gon" + "na": setting the second


def _toy_ruler() -> tuple[spacy.language.Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return nlp, ruler


def test_a_later_rule_wins_as_in_spacy() -> None:
    nlp, ruler = _toy_ruler()
    ruler.add([[{"LOWER": "talks"}]], {"POS": "VERB", "LEMMA": "talk"})
    ruler.add([[{"LOWER": {"IN": ["talks", "deal"]}}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "talks"}, index=-1)
    fast = FastAttributeRuler.from_ruler(ruler)
    assert fast is not None
    for text in ("Peace talks resume", "talks and a deal", "talks talks peace"):
        expected, got = ruler(nlp.make_doc(text)), fast(nlp.make_doc(text))
        assert _attributes(got) == _attributes(expected)
    doc = fast(nlp.make_doc("Peace talks resume"))
    assert (doc[1].pos_, doc[1].lemma_) == ("NOUN", "talks")


def test_unknown_rule_forms_keep_the_model_ruler() -> None:
    nlp, ruler = _toy_ruler()
    ruler.add([[{"IS_DIGIT": True}]], {"POS": "NUM"})
    assert FastAttributeRuler.from_ruler(ruler) is None
    assert not use_fast_attributes(nlp)
    assert "attribute_ruler" in nlp.pipe_names
