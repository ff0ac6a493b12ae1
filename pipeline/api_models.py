"""The shapes of the API's answers, as pydantic models: they document the API in OpenAPI and
check that every answer has the shape the documentation promises."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Actor(BaseModel):
    name: str | None
    country: str | None = Field(description="ISO 3166 alpha-3 side, e.g. USA, RUS")
    role: str | None = Field(description="HEAD_OF_STATE, FOREIGN_MINISTRY, COUNTRY, ...")


class Event(BaseModel):
    """One real-world event merged from every sentence that reported it (EVENTS.md shape)."""

    id: int
    type: str = Field(description="PLOVER type: AGREE, CONSULT, ..., ASSAULT, MOBILIZE")
    mode: str | None
    source: Actor
    target: Actor
    reported_by: Actor | None = Field(description="who the first report attributes it to")
    sentence: str = Field(description="the first evidence sentence")
    quote: str | None
    quote_speaker: Actor | None
    event_date: str = Field(description="the day the act happened (YYYY-MM-DD)")
    confidence: float
    mention_count: int
    sources: list[str] = Field(description="the URL of every article that reported it")
    outlets: list[str]
    first_seen_at: str


class Statement(BaseModel):
    """One thing said by one speaker, merged across the articles that quote it."""

    id: int
    speaker: Actor
    quote: str = Field(description="the words; a paraphrase when `direct` is false")
    sentence: str
    about: list[str]
    direct: bool = Field(description="true: a direct quotation; false: indirect speech")
    statement_date: str | None
    mention_count: int
    sources: list[str]
    outlets: list[str]
    first_seen_at: str


class ArticleBrief(BaseModel):
    id: int
    url: str
    title: str | None
    outlet: str | None
    feed: str | None
    published_at: str | None


class EventMention(BaseModel):
    """One sentence of one article reporting the event."""

    id: int
    type: str
    mode: str | None
    source: Actor | None
    target: Actor | None
    reported_by: Actor | None
    sentence: str
    quote: str | None
    quote_speaker: Actor | None
    event_date: str
    confidence: float
    detector_version: str
    found_at: str
    article: ArticleBrief | None


class StatementMention(BaseModel):
    id: int
    speaker: Actor | None
    quote: str
    sentence: str
    direct: bool
    detector_version: str
    found_at: str
    article: ArticleBrief | None


class EventDetail(Event):
    mentions: list[EventMention]


class StatementDetail(Statement):
    mentions: list[StatementMention]


class Article(ArticleBrief):
    final_url: str | None
    author: str | None
    language: str | None
    state: str
    relevant: bool | None
    text_source: str | None
    discovered_at: str | None
    fetched_at: str | None
    detected_at: str | None
    detector_version: str | None
    last_error: str | None
    text: str | None
    event_ids: list[int]
    statement_ids: list[int]


TOTAL_EXACT = Field(
    True,
    description="false when `total` is a floor: a text search (q, actor, speaker) is counted "
    "up to 1,000 matches, and `total` is then 1000 meaning 'at least 1,000'",
)


class EventPage(BaseModel):
    """One page of a filtered list: `items` from `offset`, and the `total` the filter matches."""

    total: int
    total_exact: bool = TOTAL_EXACT
    offset: int
    limit: int
    items: list[Event]


class StatementPage(BaseModel):
    total: int
    total_exact: bool = TOTAL_EXACT
    offset: int
    limit: int
    items: list[Statement]


class TypeCount(BaseModel):
    type: str
    count: int


class DirectionCount(BaseModel):
    source: str
    target: str
    count: int


class PeriodCount(BaseModel):
    date: str = Field(description="the first day of the period (a Monday for weeks)")
    type: str
    source: str
    target: str
    count: int


class Stats(BaseModel):
    """Counts of the events matching the filter."""

    total: int
    first_date: str | None
    last_date: str | None
    bucket: str = Field(description="the period of `series`: day, week or month")
    by_type: list[TypeCount]
    by_direction: list[DirectionCount]
    series: list[PeriodCount] = Field(
        description="counts per period, type and direction; periods without events are left out"
    )


class Feed(BaseModel):
    name: str
    url: str
    enabled: bool
    status: str
    http_status: int | None
    failures: int
    error: str | None
    last_fetched_at: str | None
    last_success_at: str | None
    next_due_at: str | None
    articles: int


class Run(BaseModel):
    id: int
    trigger: str
    status: str
    started_at: str | None
    finished_at: str | None
    seconds: float | None
    feeds_ok: int
    feeds_not_modified: int
    feeds_failed: int
    feeds_skipped: int
    articles_new: int
    articles_failed: int
    articles_detected: int
    events_new: int
    statements_new: int
    mentions_new: int
    deliveries_sent: int
    deliveries_failed: int
    errors: list[str]


class Problem(BaseModel):
    """An error: `detail` says what is wrong in the request's terms."""

    detail: str


__all__ = [
    "Article",
    "Event",
    "EventDetail",
    "EventPage",
    "Feed",
    "Problem",
    "Run",
    "Statement",
    "StatementDetail",
    "StatementPage",
    "Stats",
]
