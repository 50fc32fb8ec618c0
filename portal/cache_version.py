"""A data version that every write to what the public pages show moves on.

Caches shared by everyone (the directory's results and facet counts, the home
page's lists, the anonymous page cache, the typo lexicon) store each entry beside
the version it was made for (versioned_get/versioned_set) or put the version in
their keys, so a change to an actor, sector, image, event or opportunity is visible
on the very next request: an entry made for an older version is never served.

The version lives in the default cache: Redis when REDIS_URL is set, shared by
every app instance, so a change made through one is seen at once by the others.
Without Redis it is per process, which is right for one process (`make run`, the
tests); several processes without Redis see each other's changes only when their
cached entries expire (FRAGMENT_CACHE_SECONDS, PAGE_CACHE_SECONDS).

Bumped by signals on the models below (post_save, post_delete, the sectors of an
actor) and explicitly by bulk updates that send no signals (ActorQuerySet.publish…).
"""

import logging
import secrets
from typing import Any

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)
KEY = "data-version"
WATCHED = (
    "actors.Actor",
    "actors.ActorImage",
    "actors.Sector",
    "actors.Municipality",
    "events.Event",
    "events.Registration",
    "events.Speaker",
    "opportunities.Opportunity",
)


def data_version() -> str:
    """The current version (a string), or "" when the cache cannot be reached."""
    try:
        version = cache.get(KEY)
        if version is None:
            # A fresh cache: start anywhere, so a restarted Redis or process never
            # meets entries it wrote under the same number before.
            cache.add(KEY, secrets.randbits(48), None)
            version = cache.get(KEY)
    except Exception:
        logger.warning("Cache unreachable; shared page parts are not cached")
        return ""
    return str(version or "")


def versioned_get(key: str) -> tuple[str, Any]:
    """The current version and the entry under `key` if it was made for that version.

    One round trip to the cache for both (a page served from the cache costs one
    Redis call, not two). ("", None) when the cache cannot be reached: then nothing
    is shared. An entry made for another version is a miss (None).
    """
    try:
        found = cache.get_many([KEY, key])
    except Exception:
        logger.warning("Cache unreachable; shared page parts are not cached")
        return "", None
    version = found.get(KEY)
    if version is None:  # a fresh cache, or one that failed softly: no entry can be current
        return data_version(), None
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == str(version):
        return str(version), entry[1]
    return str(version), None


def versioned_set(key: str, version: str, value: Any, seconds: int) -> None:
    """Store `value` under `key` as made for `version` (what versioned_get reads)."""
    try:
        cache.set(key, (version, value), seconds)
    except Exception:
        logger.warning("Cache unreachable; %s not stored", key.split(":", 1)[0])


def bump(**_signal_kwargs) -> None:
    """Move the version on: every shared cached entry made before is outdated."""
    try:
        try:
            cache.incr(KEY)
        except ValueError:  # not set yet
            cache.add(KEY, secrets.randbits(48), None)
    except Exception:
        logger.warning("Cache unreachable; data version not moved on")


def connect() -> None:
    """Bump on every write to the watched models (called from PortalConfig.ready())."""
    from django.apps import apps

    for label in WATCHED:
        model = apps.get_model(label)
        post_save.connect(bump, sender=model, dispatch_uid=f"data-version-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"data-version-delete-{label}")
    sectors = apps.get_model("actors.Actor").sectors.through
    m2m_changed.connect(bump, sender=sectors, dispatch_uid="data-version-sectors")
    opportunity = apps.get_model("opportunities.Opportunity")
    for through in (opportunity.sectors.through, opportunity.events.through):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"data-version-{through.__name__}")
