"""What every request of the app needs: the settings (resolved on first use), the database
brought up to date once, who may read, and the valid filter values."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from pipeline import db
from pipeline.auth import Authenticator, Guard
from pipeline.settings import Settings, load_settings

LOGGER = logging.getLogger(__name__)

SettingsSource = Settings | Callable[[], Settings]


class AppContext:
    """Settings resolved on first use (the Airflow plugin builds the app before any request,
    with no database at hand), and the schema brought up to date once, as the CLI's read
    commands do."""

    def __init__(
        self,
        source: SettingsSource | None,
        *,
        host_auth: Authenticator | None = None,
        always_auth: bool = False,
    ) -> None:
        self._source: SettingsSource = source if source is not None else load_settings
        self._settings: Settings | None = None
        self._schema_ready = False
        self._lock = threading.Lock()
        self.host_auth = host_auth
        self.always_auth = always_auth

    @property
    def settings(self) -> Settings:
        with self._lock:
            if self._settings is None:
                source = self._source
                self._settings = source if isinstance(source, Settings) else source()
            return self._settings

    @property
    def url(self) -> str:
        """The database URL, its schema brought up to date on first use."""
        settings = self.settings
        with self._lock:
            if not self._schema_ready:
                db.ensure_schema(settings.db_url)
                self._schema_ready = True
        return settings.db_url

    def guard(self) -> Guard:
        return Guard(self.settings.api_token or None, self.host_auth, self.always_auth)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with db.session_scope(self.url) as session:
            yield session
