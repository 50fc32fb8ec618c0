"""When the database is too busy to take a write: 503 "try again", never a 500.

A write that waits too long for a lock gives up with nothing saved: on PostgreSQL
after SEAT_LOCK_TIMEOUT_MS (lock_not_available), on SQLite after the busy timeout
("database is locked"). The visitor is told to try again in a moment, with
Retry-After, instead of "something went wrong"; forms that can keep what was typed
(registration) catch `DatabaseBusy` themselves and show it next to the form.
"""

import logging

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
# PostgreSQL's SQLSTATE for lock_not_available (psycopg's LockNotAvailable).
_LOCK_NOT_AVAILABLE = "55P03"
_SQLITE_BUSY = ("database is locked", "database table is locked")


class DatabaseBusy(Exception):
    """A write gave up waiting for a lock; nothing was saved. str() is for the visitor."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else _("Mange bruker portalen akkurat nå.")


def is_lock_timeout(error: BaseException) -> bool:
    """The database refused to wait longer for a lock (PostgreSQL or SQLite)."""
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.__cause__, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
        return True
    return str(error).strip() in _SQLITE_BUSY


class BusyDatabaseMiddleware:
    """Turns a lock timeout anywhere in a view into the 503 page (last in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not (isinstance(exception, DatabaseBusy) or is_lock_timeout(exception)):
            return None
        logger.warning("database busy: %s %s gave 503", request.method, request.path)
        try:
            body = render_to_string("503.html", request=request)
        except Exception:  # the page itself may need the database: plain text instead
            body = _("Mange bruker portalen akkurat nå. Prøv igjen om litt.")
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


class BusyActionsMixin:
    """For ModelAdmins whose actions lock rows: a lock timeout is an error message on
    the list, not a 503 page. Actions work object by object, each in its own
    transaction, so what was done before the timeout is kept and the message says so."""

    def response_action(self, request: HttpRequest, queryset):
        from django.contrib import messages
        from django.http import HttpResponseRedirect

        try:
            return super().response_action(request, queryset)  # type: ignore[misc]
        except DatabaseBusy as error:
            self.message_user(  # type: ignore[attr-defined]
                request,
                _("%(reason)s Handlingen stoppet før alt var gjort; det som ble gjort, er lagret.")
                % {"reason": error},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
