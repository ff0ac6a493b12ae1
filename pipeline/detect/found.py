"""What the statement finder finds, before it becomes a `DetectedStatement`: a quote and a
found statement. Its own module so that `statements` (which finds them) and `positions`
(which judges them) both import it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from pipeline.models import ActorRef


@dataclass
class Quote:
    """A quoted stretch of text, with its token span once aligned to the parse."""

    start_char: int
    end_char: int
    text: str
    span: Span | None = None
    open_ended: bool = False


@dataclass
class Found:
    """A statement before it becomes a `DetectedStatement`."""

    speaker: ActorRef
    verb: Token | None
    quotes: list[Quote] = field(default_factory=list)
    indirect: str | None = None
    sentence: Span | None = None
    clause: tuple[int, int] | None = None  # token range of an indirect statement's clause
    about: list[str] = field(default_factory=list)
    trailing: bool = False  # attributed after the words ("..., the White House said")
    relays_speech: bool = False  # its clause is someone's words ("Biden told Putin that ...")
    head: Token | None = None  # the verb of the reported clause
    gloss_only: bool = False  # ", adding that ...": stands only as part of its host statement
    glosses: list[str] = field(default_factory=list)  # ", calling the measures provocative"
    about_reason: str = ""  # which test of `_about` decided
    relayed_by: ActorRef | None = None  # who reports these words inside their own quote

    @property
    def text(self) -> str:
        if self.indirect:
            return " ".join([self.indirect, *self.glosses])
        return " ".join([*(q.text.strip() for q in self.quotes), *self.glosses])


__all__ = ["Found", "Quote"]
