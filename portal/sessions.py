"""Sessions read from the shared cache, written through to the database, and still
served from the database while the cache is down (SESSION_ENGINE with REDIS_URL).

Django's cached_db already logs and skips cache errors when saving, but on load it
fills the cache after reading the database without catching errors, so a Redis
outage would fail every request of every logged-in member. Every session is in the
database, so reading it from there alone is always right, only slower.
"""

import logging

from django.contrib.sessions.backends import cached_db, db

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self) -> dict:
        try:
            return super().load()
        except Exception:
            logger.warning("Session cache unreachable; session read from the database")
            return db.SessionStore.load(self)

    def exists(self, session_key: str) -> bool:
        try:
            return super().exists(session_key)
        except Exception:
            return db.SessionStore.exists(self, session_key)

    def delete(self, session_key: str | None = None) -> None:
        # The database row goes first (in super()), so a logout counts even when the
        # cached copy cannot be removed; that copy expires with the session.
        try:
            super().delete(session_key)
        except Exception:
            logger.warning("Session cache unreachable; cached copy of a deleted session kept")
