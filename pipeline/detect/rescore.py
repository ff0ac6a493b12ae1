"""A learned precision filter over the rules' events and statements (issue 9).

The rules propose; this module disposes. Each event and statement the rules assembled is
described by a bag of named features (its type and mode, its trigger and the words and
structure of its sentence, where the sentence sits in the article, dates and tense, quotes,
and facts of the whole article such as how many candidates it carries or whether it is about
an investigation or a campaign) and scored by a logistic model whose weights ship in
`data/rescore.json`. Items scoring under the model's threshold are dropped. A third model
scores the article as a whole (the words of its lead, how much of it names each watched side,
what the rules found in it and how early): the article is relevant when anything is left and
a weighted mean of that score and the best kept item's (`article_value`) reaches the
article's own threshold (one weak item in a story about something else does not make a story
about the pair: the article then keeps nothing). The rules still decide type, direction and actors.

The weights are trained by `python -m benchmarks.train_filter` on the rules' own output over
the devset and the tuning part of the real-text gold set (each item labelled by whether the
benchmark's matching credits it), so they must be retrained when the rules change.

Scoring is a dictionary lookup per feature: no new runtime dependency and next to no time.
`DIPLOWATCH_RESCORE=0` switches the filter off (the rules alone), for comparisons.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from pipeline.models import DetectedEvent, DetectedStatement

MODEL_FILE = Path(__file__).resolve().parent / "data" / "rescore.json"

# The article model's share in what the article threshold applies to; the best kept item has
# the rest. Chosen by the nested cross-validation of benchmarks.train_filter (0.5 and 0.3
# scored lower on both fold assignments, the article model alone lower on events).
ARTICLE_SHARE = 0.7


def article_value(best: float, article: float | None) -> float:
    """What the article threshold applies to: the best kept item's score mixed with the
    article model's, or the best item's alone where there is no article model."""
    if article is None:
        return best
    return (1.0 - ARTICLE_SHARE) * best + ARTICLE_SHARE * article


# Words whose presence anywhere in the article says what kind of story it is: home politics
# (an investigation, a campaign), history, a third country's war, or diplomacy itself.
_TOPICS = """investigation investigator inquiry probe counsel mueller prosecutor indictment indict
    trial jury court hearing testimony testify subpoena impeachment impeach committee senator
    congressman lawmaker republican democrat democrats republicans campaign election candidate
    nominee primary voter poll vote transition dossier collusion fbi lawsuit
    history historian war cold soviet ww2 anniversary museum
    ukraine kyiv syria assad china beijing iran israel nato europe britain germany france turkey
    summit talks meeting call ambassador embassy diplomat sanction sanctions expel expulsion
    spokesman spokeswoman kremlin ministry
    market oil price stock company business olympic athlete match team player
    opinion column analysis analyst book film"""
TOPIC_WORDS = frozenset(_TOPICS.split())
_TOPIC_IDS = {word: get_string_id(word) for word in TOPIC_WORDS}
_YEAR = re.compile(r"^(19|20)\d\d$")
_MODALS = {"would", "could", "might", "may", "should", "can", "must", "will", "shall"}
_HEDGES = {"if", "unless", "whether", "possible", "possibly", "likely", "plan", "consider"}


def _bucket(value: float, edges: Sequence[float]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


@dataclass
class ArticleFacts:
    """What the filter knows of the whole article, computed once per article."""

    sentences: int
    topics: frozenset[str]
    keys: Counter[tuple[str, str, str]]
    types: Counter[str]
    statements: int
    speakers: Counter[str]
    both_sides_sentences: int
    first_key_sentence: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def features(self) -> list[str]:
        out = [
            f"a_sents={_bucket(self.sentences, (5, 10, 20, 40, 80))}",
            f"a_keys={_bucket(len(self.keys), (0, 1, 2, 3, 5, 8, 12))}",
            f"a_events={_bucket(sum(self.keys.values()), (0, 1, 2, 4, 8, 16))}",
            f"a_stmts={_bucket(self.statements, (0, 1, 2, 4, 8, 16))}",
            f"a_both={_bucket(self.both_sides_sentences, (0, 1, 2, 4, 8))}",
            f"a_both_share={_bucket(self.both_sides_sentences / max(1, self.sentences), (0.05, 0.1, 0.2, 0.4))}",
        ]
        out += [f"topic={word}" for word in sorted(self.topics)]
        return out


def _key(event: DetectedEvent) -> tuple[str, str, str]:
    return (event.type, event.source.country, event.target.country)


def article_facts(
    sentences: Sequence[Span],
    topics: set[str],
    events: Sequence[DetectedEvent],
    statements: Sequence[DetectedStatement],
    both_sides: int,
) -> ArticleFacts:
    keys = Counter(_key(e) for e in events)
    first: dict[tuple[str, str, str], int] = {}
    for e in events:
        first.setdefault(_key(e), e.sentence_index)
        first[_key(e)] = min(first[_key(e)], e.sentence_index)
    return ArticleFacts(
        sentences=len(sentences),
        topics=frozenset(topics),
        keys=keys,
        types=Counter(e.type for e in events),
        statements=len(statements),
        speakers=Counter(s.speaker.name for s in statements),
        both_sides_sentences=both_sides,
        first_key_sentence=first,
    )


def _word(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def sentence_features(
    sent: Span, sides_at: dict[int, str], quoted: set[int], published: dt.date
) -> list[str]:
    """Words and cues of one sentence: lemma unigrams and bigrams (an actor's words become
    its side: <A> and <B> the watched sides, <X> any other country),
    negation, modals, hedges, years other than the article's, quotation marks."""
    out: list[str] = []
    words: list[str] = []
    for tok in sent:
        if tok.is_space:
            continue
        side = sides_at.get(tok.i)
        if side is not None:
            word = f"<{side}>"
        elif tok.like_num and _YEAR.match(tok.text):
            year = int(tok.text)
            word = "<year>" if year == published.year else "<oldyear>"
            if year < published.year:
                out.append(f"year_back={_bucket(published.year - year, (1, 2, 5, 10))}")
        elif tok.like_num:
            word = "<num>"
        elif tok.is_punct:
            if tok.text in ('"', "“", "”", "'"):
                out.append("s_quote_mark")
            continue
        else:
            word = _word(tok)
        if words and words[-1] == word:
            continue
        words.append(word)
        if tok.dep_ == "neg":
            out.append("s_neg")
        if tok.lower_ in _MODALS:
            out.append(f"s_modal={tok.lower_}")
        if tok.lower_ in _HEDGES:
            out.append(f"s_hedge={tok.lower_}")
    out += [f"w={w}" for w in set(words) if not w.startswith("<") or w in ("<oldyear>",)]
    out += [f"b={a}_{b}" for a, b in set(zip(words, words[1:], strict=False))]
    sides = {w for w in words if w in ("<A>", "<B>")}
    out.append(f"s_sides={len(sides)}")
    n = len(words)
    out.append(f"s_len={_bucket(n, (8, 15, 25, 40, 60))}")
    inside = sum(1 for t in sent if t.i in quoted)
    if inside:
        out.append(f"s_quoted_share={_bucket(inside / max(1, len(sent)), (0.25, 0.5, 0.75))}")
    return out


_LEAD_SENTENCES = 3


def article_words(doc: Any, sentences: Sequence[Span]) -> list[str]:
    """What the article is about, for the article's model: each distinct lemma of its words
    ("aw=") and, apart, of the content words of its first three sentences ("lw="). (Each set alone made the article model better than none in repeated nested
    cross-validation, both together best.)"""
    strings = doc.vocab.strings
    out = set()
    for key in doc.count_by(LEMMA):
        word = strings[key].lower()
        if len(word) > 2 and word.isalpha():
            out.add(f"aw={word}")
    for sent in sentences[:_LEAD_SENTENCES]:
        for tok in sent:
            if tok.is_alpha and len(tok) > 2 and not tok.is_stop:
                out.add(f"lw={_word(tok)}")
    return sorted(out)


def article_features(
    facts: ArticleFacts,
    words: list[str],
    marks: dict[int, set[str]],
    events: Sequence[DetectedEvent],
    statements: Sequence[DetectedStatement],
    side_of: dict[str, str],
) -> list[str]:
    """Features of the article as a whole: its words, how much of it is about each watched
    side, what the rules found in it (types, directions, who speaks) and where."""
    n = max(1, facts.sentences)
    a = sum(1 for seen in marks.values() if "A" in seen)
    b = sum(1 for seen in marks.values() if "B" in seen)
    lead = [i for i in range(_LEAD_SENTENCES) if {"A", "B"} & marks.get(i + 1, set())]
    out = ["bias", *facts.features(), *words]
    out += [
        f"a_sideA_share={_bucket(a / n, (0.05, 0.1, 0.2, 0.4, 0.6))}",
        f"a_sideB_share={_bucket(b / n, (0.05, 0.1, 0.2, 0.4, 0.6))}",
        f"a_lead_sides={len(lead)}",
    ]
    out += sorted({f"a_type={e.type}" for e in events})
    out += sorted(
        {f"a_dir={e.type}:{side_of[e.source.country]}>{side_of[e.target.country]}" for e in events}
    )
    out += sorted(
        {f"a_speaker={s.speaker.role}:{side_of.get(s.speaker.country, 'X')}" for s in statements}
    )
    first = min(
        [e.sentence_index for e in events] + [s.sentence_index for s in statements], default=0
    )
    out.append(f"a_first_item={_bucket(first, (0, 1, 2, 4, 8, 16))}")
    return out


def _path(tok: Token, depth: int = 4) -> list[str]:
    """The trigger's way up to its root: dependency labels and the lemmas of its governors."""
    out = [f"dep={tok.dep_}", f"tag={tok.tag_}"]
    node, deps = tok, []
    for level in range(depth):
        if node.head.i == node.i:
            break
        deps.append(node.dep_)
        node = node.head
        out.append(f"anc={_word(node)}")
        if level == 0:
            out.append(f"head={_word(node)}")
            out.append(f"head_tag={node.tag_}")
    out.append("path=" + ">".join(deps[:3]))
    for child in tok.children:
        if child.dep_ in ("neg", "aux", "auxpass", "mark", "advmod", "prt"):
            out.append(f"child={child.dep_}:{child.lower_}")
    return out


def _days(when: dt.date | None, published: dt.date) -> str:
    if when is None:
        return "none"
    return _bucket((published - when).days, (0, 1, 7, 31, 365))


def _position(index: int, facts: ArticleFacts) -> list[str]:
    share = index / max(1, facts.sentences)
    return [
        f"pos={_bucket(index, (0, 1, 2, 4, 8, 16, 32))}",
        f"pos_share={_bucket(share, (0.1, 0.25, 0.5, 0.75))}",
    ]


def event_features(
    event: DetectedEvent,
    trigger: Token,
    guessed: bool,
    facts: ArticleFacts,
    sentence: list[str],
    quoted: set[int],
    published: dt.date,
    side_of: dict[str, str],
    bare: set[str],
) -> list[str]:
    t = event.type
    key = _key(event)
    out = [
        "bias",
        f"type={t}",
        f"mode={t}:{event.mode}",
        f"dir={t}:{side_of[event.source.country]}>{side_of[event.target.country]}",
        f"conf={_bucket(event.confidence, (0.5, 0.6, 0.7, 0.8, 0.9))}",
        f"trig={_word(trigger)}",
        f"trig_t={t}:{_word(trigger)}",
        f"trig_pos={trigger.pos_}",
        f"src_role={event.source.role}",
        f"tgt_role={event.target.role}",
        f"reported={event.reported_by is not None}",
        f"guessed={guessed}",
        f"unanchored={event.guessed}",
        f"quoted={trigger.i in quoted}",
        f"has_quote={event.quote is not None}",
        f"age={_days(event.event_date, published)}",
        f"age_t={t}:{_days(event.event_date, published)}",
        f"same_key={_bucket(facts.keys[key], (1, 2, 3, 5))}",
        f"same_type={_bucket(facts.types[t], (1, 2, 3, 5))}",
        f"first_key={_bucket(facts.first_key_sentence.get(key, 0), (0, 1, 2, 4, 8, 16))}",
        f"first_key_t={t}:{_bucket(facts.first_key_sentence.get(key, 0), (0, 2, 8))}",
    ]
    if event.reported_by is not None:
        out.append(f"reporter_role={event.reported_by.role}")
    for actor, tag in ((event.source, "src"), (event.target, "tgt")):
        if actor.name in bare:
            out.append(f"{tag}_bare")
    out += _path(trigger)
    out += _position(event.sentence_index, facts)
    out += facts.features()
    out += sentence
    return out


def statement_features(
    statement: DetectedStatement,
    verb: Token | None,
    extra: dict[str, Any],
    facts: ArticleFacts,
    sentence: list[str],
    published: dt.date,
    own_events: Sequence[str],
    bare: set[str],
) -> list[str]:
    speaker = statement.speaker
    other = [c for c in statement.about if c != speaker.country]
    words = len(statement.quote.split())
    out = [
        "bias",
        f"role={speaker.role}",
        f"side={speaker.country}",
        f"direct={statement.direct}",
        f"about_other={bool(other)}",
        f"about_n={len(statement.about)}",
        f"qlen={_bucket(words, (3, 6, 10, 20, 40, 80))}",
        f"age={_days(statement.statement_date, published)}",
        f"speaker_n={_bucket(facts.speakers[speaker.name], (1, 2, 3, 5, 8))}",
        f"bare_speaker={speaker.name in bare}",
        f"events_here={len(own_events)}",
    ]
    out += [f"event_here={t}" for t in own_events]
    out += [f"{name}={value}" for name, value in extra.items()]
    if verb is not None:
        out.append(f"verb={_word(verb)}")
        out.append(f"verb_tag={verb.tag_}")
        out += [f"v_{f}" for f in _path(verb, depth=2)]
    out += _position(statement.sentence_index, facts)
    out += facts.features()
    out += sentence
    return out


class Model:
    """Two logistic models (events, statements), named-feature weights and a threshold each;
    the article's model; and the threshold an article's best kept item (averaged with the
    article model's score) must reach."""

    def __init__(self, data: dict[str, Any]):
        self.weights: dict[str, dict[str, float]] = {
            part: dict(data[part]["weights"]) for part in ("events", "statements")
        }
        self.bias = {part: float(data[part]["bias"]) for part in ("events", "statements")}
        self.threshold = {part: float(data[part]["threshold"]) for part in ("events", "statements")}
        # The article's own bar: its best kept item must reach it, or the article keeps nothing
        # (one weak item does not make a story about the pair).
        article = data.get("article", {})
        self.article_threshold = float(article.get("threshold", 0.0))
        # The article's own model (its words, its sides, what the rules found in it): when
        # present, the article threshold applies to its score mixed with the best kept item's
        # (`article_value`).
        self.article_weights: dict[str, float] = dict(article.get("weights", {}))
        self.article_bias = float(article.get("bias", 0.0))

    def probability(self, part: str, features: Sequence[str]) -> float:
        if part == "article":
            weights, bias = self.article_weights, self.article_bias
        else:
            weights, bias = self.weights[part], self.bias[part]
        z = bias + sum(weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_MODEL: Model | None = None
_LOADED = False
# While `recording()` is active every call keeps everything and appends its features here.
_RECORDS: list[dict[str, list[list[str]]]] | None = None


def load_model(path: Path = MODEL_FILE) -> Model | None:
    global _MODEL, _LOADED
    if not _LOADED:
        _MODEL = Model(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else None
        _LOADED = True
    return _MODEL


def enabled() -> bool:
    return os.environ.get("DIPLOWATCH_RESCORE", "1") != "0"


@contextmanager
def recording() -> Iterator[list[dict[str, list[list[str]]]]]:
    """Keep every item and record each article's features (for training the model)."""
    global _RECORDS
    _RECORDS = []
    try:
        yield _RECORDS
    finally:
        _RECORDS = None


@dataclass
class EventItem:
    event: DetectedEvent
    trigger: Token
    guessed: bool


@dataclass
class StatementItem:
    statement: DetectedStatement
    verb: Token | None
    extra: dict[str, Any]


def rescore(
    sentences: Sequence[Span],
    sides_at: dict[int, str],
    quoted: set[int],
    events: Sequence[EventItem],
    statements: Sequence[StatementItem],
    published: dt.date,
    side_of: dict[str, str],
    bare: set[str],
) -> tuple[list[DetectedEvent], list[DetectedStatement]]:
    """The events and statements the model keeps (all of them while recording, or when the
    filter is off or has no weights). `sides_at` maps the tokens of actor mentions to A or B
    (the watched sides) or X (another country), `side_of` maps country codes the same way,
    and `bare` holds the names of the countries themselves."""
    model = load_model()
    if _RECORDS is None and (model is None or not enabled()):
        return [e.event for e in events], [s.statement for s in statements]
    if not events and not statements:
        return [], []
    # Whole-article facts at C speed: word counts by hash, sides by sentence from the mentions.
    doc = sentences[0].doc
    present = set(doc.count_by(LOWER)) | set(doc.count_by(LEMMA))
    topics = {word for word, key in _TOPIC_IDS.items() if key in present}
    starts = [sent.start for sent in sentences]
    marks: dict[int, set[str]] = {}
    for i, mark in sides_at.items():
        marks.setdefault(bisect_right(starts, i), set()).add(mark)
    both = sum(1 for seen in marks.values() if {"A", "B"} <= seen)
    facts = article_facts(
        sentences, topics, [e.event for e in events], [s.statement for s in statements], both
    )
    cache: dict[int, list[str]] = {}

    def sentence_of(tok: Token) -> list[str]:
        sent = tok.sent
        if sent.start not in cache:
            cache[sent.start] = sentence_features(sent, sides_at, quoted, published)
        return cache[sent.start]

    types_at: dict[int, list[str]] = {}
    for item in events:
        types_at.setdefault(item.trigger.sent.start, []).append(item.event.type)
    ev_features = [
        event_features(
            i.event,
            i.trigger,
            i.guessed,
            facts,
            sentence_of(i.trigger),
            quoted,
            published,
            side_of,
            bare,
        )
        for i in events
    ]
    st_features = []
    for s in statements:
        if s.verb is not None:
            sentence, own = sentence_of(s.verb), types_at.get(s.verb.sent.start, [])
        else:
            sentence, own = [], []
        st_features.append(
            statement_features(s.statement, s.verb, s.extra, facts, sentence, published, own, bare)
        )
    whole: list[str] = []
    if _RECORDS is not None or (model is not None and model.article_weights):
        whole = article_features(
            facts,
            article_words(doc, sentences),
            marks,
            [e.event for e in events],
            [s.statement for s in statements],
            side_of,
        )
    if _RECORDS is not None:
        _RECORDS.append({"events": ev_features, "statements": st_features, "article": [whole]})
        return [e.event for e in events], [s.statement for s in statements]
    assert model is not None
    ev_scores = [model.probability("events", feats) for feats in ev_features]
    st_scores = [model.probability("statements", feats) for feats in st_features]
    kept_events = [
        (item.event, p)
        for item, p in zip(events, ev_scores, strict=True)
        if p >= model.threshold["events"]
    ]
    kept_statements = [
        (item.statement, p)
        for item, p in zip(statements, st_scores, strict=True)
        if p >= model.threshold["statements"]
    ]
    best = max((p for _, p in kept_events + kept_statements), default=0.0)
    article = model.probability("article", whole) if model.article_weights else None
    if article_value(best, article) < model.article_threshold:
        return [], []
    return [e for e, _ in kept_events], [s for s, _ in kept_statements]


__all__ = [
    "MODEL_FILE",
    "EventItem",
    "Model",
    "StatementItem",
    "article_features",
    "article_value",
    "article_words",
    "event_features",
    "load_model",
    "recording",
    "rescore",
    "sentence_features",
    "statement_features",
]
