"""The exceptions diplowatch raises: one short hierarchy, each message naming the thing and the fix."""

from __future__ import annotations


class DiplowatchError(Exception):
    """Base of every error diplowatch raises on purpose."""


class ConfigError(DiplowatchError):
    """A settings, feeds or alerts file (or environment variable) is wrong.

    The message names the file (and line when known), what is wrong and how to fix it.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        where = ""
        if source:
            where = f"{source}:{line}: " if line else f"{source}: "
        super().__init__(f"{where}{message}")
        self.source = source
        self.line = line


class DatabaseError(DiplowatchError):
    """The database cannot be opened or reached, or the connection to it was lost.

    The message names the database (password hidden), what went wrong and what to check.
    Everything committed before the error is kept; the next pass resumes from there.
    """


class PassRunning(DiplowatchError):
    """Another pass over the same database is running; this one did nothing (not a failure)."""


class FetchError(DiplowatchError):
    """A feed or page could not be fetched (network, HTTP status, size, content type)."""

    def __init__(self, url: str, reason: str, *, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class BlockedAddressError(FetchError):
    """The URL resolves to a private, loopback, link-local or otherwise internal address."""


class ExtractionError(DiplowatchError):
    """A fetched page gave no usable article text."""


class DetectionError(DiplowatchError):
    """The detector could not process one input item."""


class DeliveryError(DiplowatchError):
    """An alert channel refused or failed a delivery."""


class QueryError(DiplowatchError):
    """A filter value of a query is wrong (an unknown type, a date that is no date).

    `parameter` is the API's name for it (the CLI maps it to its flag), `problem` says what
    is wrong and `valid` lists the accepted values when there is a list.
    """

    def __init__(self, parameter: str, problem: str, *, valid: list[str] | None = None):
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter
        self.problem = problem
        self.valid = valid
