"""The learned precision filter (pipeline/detect/rescore.py): its features on sentences written
here, its shipped weights, and the training script's determinism."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from benchmarks import train_filter
from pipeline.detect import rescore

RESCORE = True
DAY = dt.date(2021, 6, 10)


def _features_of(detector, text: str) -> dict[str, list[list[str]]]:
    with rescore.recording() as records:
        detector.detect(text, published=DAY)
    assert len(records) == 1
    return records[0]


def _sides_at(detector, doc) -> dict[int, str]:
    from pipeline.detect.resolve import ArticleContext

    ctx = ArticleContext(detector.nlp("x") if doc is None else doc, detector.dictionary, DAY)
    out = {}
    for m in ctx.mentions:
        if m.actor is not None:
            mark = {"USA": "A", "RUS": "B"}.get(m.actor.country, "X")
            out.update({i: mark for i in range(m.start, m.end)})
    return out


def test_sentence_cues(detector) -> None:
    doc = detector.nlp("Moscow would not expel American diplomats in 2014, the Kremlin said.")
    sent = next(iter(doc.sents))
    features = set(rescore.sentence_features(sent, _sides_at(detector, doc), set(), DAY))
    assert {"s_neg", "s_modal=would", "w=<oldyear>", "year_back=10", "w=expel"} <= features
    assert "s_sides=2" in features  # Moscow and American name both watched sides
    assert "b=<B>_would" in features  # actors become their side in the bigrams


def test_sentence_of_one_side_and_a_quote(detector) -> None:
    doc = detector.nlp('"We are ready to talk," Lavrov told reporters in 2021.')
    sent = next(iter(doc.sents))
    quoted = set(range(1, 6))
    features = set(rescore.sentence_features(sent, _sides_at(detector, doc), quoted, DAY))
    assert "s_sides=1" in features
    assert "s_quote_mark" in features and any(f.startswith("s_quoted_share=") for f in features)
    assert "w=<oldyear>" not in features  # the article's own year is no sign of background
    assert not any(f.startswith("year_back") for f in features)


def test_event_and_statement_features(detector) -> None:
    text = (
        "Russia expelled two American diplomats on Tuesday, the Foreign Ministry said.\n"
        '"This is a hostile step by Washington," Foreign Minister Sergei Lavrov said.'
    )
    record = _features_of(detector, text)
    sanction = next(f for f in record["events"] if "type=SANCTION" in f)
    assert {"bias", "trig=expel", "trig_t=SANCTION:expel", "dir=SANCTION:B>A"} <= set(sanction)
    assert "pos=0" in sanction and "a_sents=5" in sanction
    assert "age=7" in sanction  # Tuesday is two days before the report
    lavrov = next(f for f in record["statements"] if "side=RUS" in f and "direct=True" in f)
    assert "verb=say" in lavrov and "about_other=True" in lavrov
    assert "about_how=named" in lavrov  # "Washington" in his words names the other side


def test_statement_features_say_how_the_words_were_found_about_the_other_side(detector) -> None:
    text = (
        "Lavrov met Blinken in Geneva on Tuesday as Russia and the United States argued over "
        "Ukraine.\n"
        "Russia accused Washington of ignoring its security demands.\n"
        "The Kremlin said Washington had ignored the proposals.\n"
        '"The proposals stay on the table and we expect an answer," Lavrov said.'
    )
    record = _features_of(detector, text)
    hows = {
        next(f for f in features if f.startswith("about_how="))
        for features in record["statements"]
        if "side=RUS" in features
    }
    # the Kremlin's words name Washington; Lavrov's name no one and stand in a passage
    # about the pair
    assert hows == {"about_how=named", "about_how=passage"}


def test_history_sentence_reads_as_background(detector) -> None:
    text = (
        "Washington imposed sanctions on Russia on Monday over its 2014 seizure of Crimea.\n"
        "Senators held a hearing on Russia on Tuesday about the investigation and the campaign."
    )
    record = _features_of(detector, text)
    sanction = next(f for f in record["events"] if "type=SANCTION" in f)
    assert "w=<oldyear>" in sanction and "year_back=10" in sanction
    assert {"topic=investigation", "topic=campaign", "topic=hearing"} <= set(sanction)


def test_filter_off_keeps_what_the_rules_found(detector, monkeypatch) -> None:
    text = "The United States imposed sanctions on Russia on Monday, the Treasury said."
    monkeypatch.setenv("DIPLOWATCH_RESCORE", "0")
    plain = detector.detect(text, published=DAY)
    with rescore.recording() as records:
        recorded = detector.detect(text, published=DAY)
    assert [e.type for e in plain.events] == [e.type for e in recorded.events] == ["SANCTION"]
    assert len(records[0]["events"]) == 1


def test_shipped_weights_load_and_score_deterministically() -> None:
    model = rescore.load_model()
    assert model is not None, "pipeline/detect/data/rescore.json is missing"
    for part in ("events", "statements"):
        assert 0.0 < model.threshold[part] < 1.0
        assert len(model.weights[part]) > 100
    features = ["bias", "type=SANCTION", "trig=expel", "pos=0", "w=expel", "topic=campaign"]
    first = model.probability("events", features)
    assert first == model.probability("events", list(reversed(features)))
    assert 0.0 < first < 1.0
    # A background act in a long story about an investigation scores under a fresh act.
    fresh = ["type=SANCTION", "pos=0", "age=0", "same_key=3", "first_key=0", "a_sents=10"]
    old = ["type=SANCTION", "pos=>32", "age=>365", "same_key=1", "first_key=>16", "a_sents=>80",
           "topic=investigation", "topic=campaign", "w=<oldyear>"]  # fmt: skip
    assert model.probability("events", fresh) > model.probability("events", old)


def test_shipped_weights_name_features_the_extractor_makes() -> None:
    data = json.loads(rescore.MODEL_FILE.read_text(encoding="utf-8"))
    prefixes = {
        "a_", "topic", "type", "mode", "dir", "conf", "trig", "src", "tgt", "reported", "guessed",
        "quoted", "has_quote", "age", "same_", "first_key", "reporter_role", "dep", "tag", "anc",
        "head", "path", "child", "pos", "w", "b", "s_", "year_back", "role", "side", "direct",
        "about", "qlen", "speaker_n", "bare_speaker", "events_here", "event_here", "v_", "verb",
        "indirect", "trailing", "unanchored", "relays", "gloss", "quotes", "open_ended",
    }  # fmt: skip
    for part in ("events", "statements"):
        for name in data[part]["weights"]:
            assert any(name.startswith(p) for p in prefixes), name
    article = ("a_", "topic=", "aw=", "lw=")
    for name in data["article"].get("weights", {}):
        assert name.startswith(article), name


def _rows(n: int) -> list[dict]:
    rows = []
    for i in range(n):
        good = i % 3 != 0
        features = ["bias", f"w={'talk' if good else 'hearing'}", f"pos={i % 4}", "type=CONSULT"]
        rows.append({"article": f"a{i}", "part": "dev", "features": features, "label": int(good)})
    rows.append({"article": "x", "part": "dev", "features": ["w=rare"], "label": None})
    return rows


def test_fitting_is_deterministic_and_learns_the_cue() -> None:
    first = train_filter.fit(_rows(60), 0.3)
    second = train_filter.fit(_rows(60), 0.3)
    assert first.weights == second.weights and first.bias == second.bias
    assert first.weights["w=talk"] > 0 > first.weights["w=hearing"]
    assert "w=rare" not in first.weights  # unlabelled items do not train


def test_thresholds_drop_items_and_relevance_follows() -> None:
    predictions = {
        "a": {"id": "a", "relevant": True, "events": [{"x": 1}], "statements": [{"y": 1}]},
        "b": {"id": "b", "relevant": True, "events": [{"x": 2}], "statements": []},
    }
    scores = {"a": {"events": [0.9], "statements": [0.1]}, "b": {"events": [0.2], "statements": []}}
    out = train_filter.filtered(predictions, scores, {"events": 0.5, "statements": 0.5})
    assert out["a"]["events"] == [{"x": 1}] and out["a"]["statements"] == []
    assert out["a"]["relevant"] and not out["b"]["relevant"]


# a 5-fold cross-validation over dev and tune: over 10 minutes on slow cores
@pytest.mark.timeout(1800)
def test_shipped_weights_are_what_the_script_writes(tmp_path: Path) -> None:
    """Retrains over the gold sets (several minutes with cached parses; set
    DIPLOWATCH_PARSE_CACHE to share a cache): a rule change that forgot the retraining fails."""
    out = tmp_path / "rescore.json"
    cache = os.environ.get("DIPLOWATCH_PARSE_CACHE", str(train_filter.quick.DEFAULT_CACHE))
    assert train_filter.main(["--cache", cache, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == rescore.MODEL_FILE.read_text(encoding="utf-8"), (
        "the rules changed since the filter was trained: "
        "run `python -m benchmarks.train_filter --write`"
    )


def test_an_article_whose_best_item_is_weak_keeps_nothing() -> None:
    predictions = {
        "a": {"id": "a", "relevant": True, "events": [{"x": 1}], "statements": [{"y": 1}]},
        "b": {"id": "b", "relevant": True, "events": [{"x": 2}], "statements": [{"y": 2}]},
    }
    scores = {
        "a": {"events": [0.9], "statements": [0.3]},
        "b": {"events": [0.35], "statements": [0.3]},
    }
    bars = {"events": 0.25, "statements": 0.25}
    plain = train_filter.filtered(predictions, scores, bars)
    assert plain["a"]["relevant"] and plain["b"]["relevant"]
    gated = train_filter.filtered(predictions, scores, {**bars, "article": 0.5})
    assert gated["a"]["events"] == [{"x": 1}] and gated["a"]["statements"] == [{"y": 1}]
    assert gated["b"]["events"] == gated["b"]["statements"] == [] and not gated["b"]["relevant"]


def test_the_shipped_article_threshold_drops_a_weak_article(detector, monkeypatch) -> None:
    """The detector applies the article's own threshold: with it raised above every item's
    score, an article the item thresholds keep loses everything; at 0 it keeps them."""
    model = rescore.load_model()
    assert model is not None
    assert 0.0 <= model.article_threshold < 1.0
    text = (
        "The United States imposed sanctions on Russia on Monday, the Treasury said. "
        "Russian Foreign Minister Sergei Lavrov said Moscow would respond to the sanctions."
    )
    monkeypatch.setattr(model, "article_threshold", 0.0)
    kept = detector.detect(text, published=DAY)
    assert kept.relevant and (kept.events or kept.statements)
    monkeypatch.setattr(model, "article_threshold", 1.0)
    dropped = detector.detect(text, published=DAY)
    assert not dropped.relevant and not dropped.events and not dropped.statements


def test_article_features_describe_the_whole_story(detector) -> None:
    text = (
        "Moscow expels American diplomats\n\n"
        "Russia expelled two American diplomats on Tuesday, the Foreign Ministry said.\n"
        '"This is a hostile step," Foreign Minister Sergei Lavrov said of Washington.\n'
        "The diplomats have a week to leave Russia, the American embassy in Moscow said.\n"
        "Moscow and Washington had planned a museum exchange after the renovation."
    )
    (whole,) = _features_of(detector, text)["article"]
    features = set(whole)
    assert {"bias", "aw=museum", "aw=renovation", "lw=diplomat", "lw=expel"} <= features
    assert "lw=renovation" not in features  # the fourth sentence is past the lead
    assert "aw=the" in features and "lw=the" not in features  # the lead keeps content words
    assert any(f.startswith("a_type=") for f in features)
    assert any(f.startswith("a_speaker=") and f.endswith(":B") for f in features)
    assert "a_lead_sides=3" in features  # each of the first three sentences names a side


def test_the_article_gate_drops_what_the_article_model_doubts() -> None:
    predictions = {
        "a": {"id": "a", "relevant": True, "events": [{"x": 1}], "statements": []},
        "b": {"id": "b", "relevant": True, "events": [{"x": 2}], "statements": []},
    }
    scores = {
        "a": {"events": [0.9], "statements": [], "article": [0.8]},
        "b": {"events": [0.9], "statements": [], "article": [0.05]},
    }
    # the article threshold applies to the best kept item's score mixed with the article's
    bars = {"events": 0.5, "statements": 0.5, "article": 0.5}
    out = train_filter.filtered(predictions, scores, bars)
    assert out["a"]["relevant"] and out["a"]["events"] == [{"x": 1}]
    assert not out["b"]["relevant"] and out["b"]["events"] == []


def test_the_article_model_outweighs_one_strong_item() -> None:
    """The article model's share is the larger: a strong item in a story the article model
    doubts no longer carries the story, and a weak item in a story it trusts does (a plain
    mean of the two decides both the other way)."""
    assert 0.5 < rescore.ARTICLE_SHARE < 1.0
    assert rescore.article_value(0.9, None) == 0.9
    assert (0.9 + 0.2) / 2 >= 0.5 > rescore.article_value(0.9, 0.2)
    assert rescore.article_value(0.2, 0.75) >= 0.5 > (0.2 + 0.75) / 2
    predictions = {"a": {"id": "a", "relevant": True, "events": [{"x": 1}], "statements": []}}
    bars = {"events": 0.5, "statements": 0.5, "article": 0.5}
    doubted = {"a": {"events": [0.9], "statements": [], "article": [0.2]}}
    assert not train_filter.filtered(predictions, doubted, bars)["a"]["relevant"]
    trusted = {"a": {"events": [0.9], "statements": [], "article": [0.6]}}
    assert train_filter.filtered(predictions, trusted, bars)["a"]["relevant"]


def test_the_shipped_article_model_gates_the_detector(detector, monkeypatch) -> None:
    """The article threshold applies to the best kept item's score mixed with the article
    model's: an article the model doubts keeps nothing, one it trusts keeps its items."""
    model = rescore.load_model()
    assert model is not None and model.article_weights
    text = (
        "The United States imposed sanctions on Russia on Monday, the Treasury said. "
        "Russian Foreign Minister Sergei Lavrov said Moscow would respond to the sanctions."
    )
    monkeypatch.setattr(model, "article_threshold", 0.5)
    monkeypatch.setattr(model, "article_bias", 40.0)
    kept = detector.detect(text, published=DAY)
    assert kept.relevant and (kept.events or kept.statements)
    monkeypatch.setattr(model, "article_bias", -40.0)
    dropped = detector.detect(text, published=DAY)
    assert not dropped.relevant and not dropped.events and not dropped.statements


def test_the_article_model_prefers_a_story_about_the_pair() -> None:
    model = rescore.load_model()
    assert model is not None
    pair = ["bias", "a_first_item=0", "a_lead_sides=3", "lw=putin", "lw=moscow", "a_type=ACCUSE"]
    home = ["bias", "a_first_item=>16", "a_lead_sides=0", "aw=attorney", "aw=lawyer", "a_stmts=0"]
    assert model.probability("article", pair) > 0.5 > model.probability("article", home)
