"""Counting requests per client address or per e-mail address in the cache.

Fixed windows (one counter per key and period, e.g. per hour) with `cache.add` +
`cache.incr`, which are atomic on Redis and within a process on the local-memory
cache. With Redis (REDIS_URL) the counts are shared by every worker and server;
without it each process counts on its own, so with N workers a limit of L lets up to
N × L through: production runs with Redis.

The client address is REMOTE_ADDR. Behind a reverse proxy that must be the real
client's address (nginx's `real_ip` module, or gunicorn's `--forwarded-allow-ips`
together with a proxy that sets it); otherwise every visitor shares the proxy's
address and one limit.
"""

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest

PREFIX = "ratelimit"


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


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
