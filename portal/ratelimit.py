"""Counting requests per client address or per e-mail address in the cache.

Fixed windows (one counter per key and period, e.g. per hour) with `cache.add` +
`cache.incr`, which are atomic on Redis and within a process on the local-memory
cache. With Redis (REDIS_URL) the counts are shared by every worker and server;
without it each process counts on its own, so with N workers a limit of L lets up to
N × L through: production runs with Redis.

Callers count per client address with `portal.client_address.client_address`, the
one rule (TRUSTED_PROXY_COUNT) that login throttling and the contact form use too.
"""

import hashlib
import time

from django.core.cache import cache

PREFIX = "ratelimit"


def _key(scope: str, identifier: str, period: int) -> str:
    window = int(time.time() // period)
    digest = hashlib.sha256(identifier.encode()).hexdigest()[:32]
    return f"{PREFIX}:{scope}:{period}:{window}:{digest}"


def hit(scope: str, identifier: str, *, limit: int, period: int) -> bool:
    """Count one request; False when it is over `limit` in the current `period` (seconds)."""
    key = _key(scope, identifier, period)
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, period)
        count = 1
    return count <= limit
