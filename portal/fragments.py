"""Parts of pages that are the same for everyone, rendered once and shared.

A logged-in member cannot be served from the anonymous page cache (their header,
"Min side" and CSRF token are theirs), but most of what they see is the same for
every visitor: the directory's results and facet counts, the home page's lists,
the event list. Those parts are rendered to HTML once and kept in the cache under
a key made of the part's name, the language and the normalised state of the
request (filters, search, page), beside the data version it was made for
(portal/cache_version.py, moved on by every write to actors, sectors, images and
events): one made for an older version is never served. The rest
of the page, the personal part, is rendered per request around them.

Only what is the same for every user may go into a fragment template: never
`user`, `perms`, `messages` or a CSRF token.
"""

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal.cache_version import versioned_get, versioned_set


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
    if not seconds:
        return compute()
    digest = hashlib.sha256(state.encode()).hexdigest()[:32]
    key = f"fragment:{name}:{get_language()}:{digest}"
    version, value = versioned_get(key)
    if not version:  # no cache to know what is current
        return compute()
    if value is None:
        value = compute()
        if value is not None:
            versioned_set(key, version, value, seconds)
    return value
