"""Sessions kept in the database, read with one raw query (see puente.lib.rowread)."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import connection
from django.utils import timezone

from puente.lib.rowread import first_row


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> AbstractBaseSession | None:
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        where = "session_key = %s AND expire_date > %s"
        session = first_row(self.model, where, [self.session_key, now])
        if session is None:
            self._session_key = None  # as Django's own store does: a new session will be made
        return session
