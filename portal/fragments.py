"""Parts of pages that are the same for everyone, rendered once and shared.

A logged-in member cannot be served from the anonymous page cache (their header,
"Min side" and CSRF token are theirs), but most of what they see is the same for
every visitor: the directory's results and facet counts, the home page's lists,
the event list. Those parts are rendered to HTML once and kept in the cache under
a key made of the part's name, the language, the data version
(portal/cache_version.py, moved on by every write to actors, sectors, images and
events) and the normalised state of the request (filters, search, page). The rest
of the page, the personal part, is rendered per request around them.

Only what is the same for every user may go into a fragment template: never
`user`, `perms`, `messages` or a CSRF token.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal.cache_version import data_version

logger = logging.getLogger(__name__)


def state_of(request: HttpRequest, names: Iterable[str]) -> str:
    """The request's query parameters that matter, in a fixed order: one key per state."""
    parts = []
    for name in sorted(names):
        values = sorted(value.strip() for value in request.GET.getlist(name) if value.strip())
        parts += [f"{name}={value}" for value in values]
    return "&".join(parts)


def shared(name: str, state: str, render: Callable[[], str]) -> SafeString:
    """The fragment `name` for this state: from the cache, or rendered and stored."""
    return mark_safe(_cached(name, state, render))


def shared_parts(
    name: str, state: str, compute: Callable[[], dict[str, Any] | None]
) -> dict[str, Any] | None:
    """Like shared(), for a page made of several pieces (title, head, body, ...).

    `compute` returns the pieces, or None when there is nothing to share (the object
    does not exist or is not public): None is not stored, so the view decides anew.
    """
    return _cached(name, state, compute)


def _cached(name: str, state: str, compute: Callable[[], Any]) -> Any:
    seconds = settings.FRAGMENT_CACHE_SECONDS
    version = data_version() if seconds else ""
    if not version:  # switched off, or no cache to know what is current
        return compute()
    digest = hashlib.sha256(state.encode()).hexdigest()[:32]
    key = f"fragment:{name}:{get_language()}:{version}:{digest}"
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Fragment cache unreachable; rendering %s", name)
        return compute()
    if value is None:
        value = compute()
        if value is None:
            return None
        try:
            cache.set(key, value, seconds)
        except Exception:
            logger.warning("Fragment cache unreachable; %s not stored", name)
    return value
