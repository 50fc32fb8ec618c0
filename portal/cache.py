"""Django's Redis cache, failing soft: while Redis is unreachable every call is a miss.

Pages, sessions (portal/sessions.py) and the page cache already treat a lost Redis
as slower, not broken. Libraries that use the cache directly (allauth's login rate
limits) do not; with this backend they see an empty cache instead of an exception,
so logins go on, unthrottled, until Redis is back, rather than not at all. Each
failure is logged as a warning.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)
_OUTAGE = (ConnectionError, TimeoutError, OSError)


class ReusedRedisClient(RedisCacheClient):
    """Django's client, keeping one redis.Redis per connection pool.

    Django makes a new redis.Redis for every cache call, and each one builds its
    table of some 170 response callbacks: about a tenth of a millisecond of CPU per
    call, several calls per page. A redis.Redis is safe to share between threads
    (each command borrows a connection from the pool), so one per pool is enough.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)  # type: ignore[attr-defined]
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
            client = self._clients[index] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisClient

    def _soft(self, operation: str, call, fallback):
        try:
            return call()
        except _OUTAGE:
            logger.warning("Cache unreachable: %s treated as a miss", operation)
            return fallback

    def get(self, key, default=None, version=None):
        return self._soft(
            "get", lambda: super(FailSoftRedisCache, self).get(key, default, version), default
        )

    def get_many(self, keys, version=None):
        return self._soft(
            "get_many", lambda: super(FailSoftRedisCache, self).get_many(keys, version), {}
        )

    def add(self, key, value, timeout=None, version=None):
        # True: a lock taken through add() must not wait for a Redis that is gone.
        return self._soft(
            "add", lambda: super(FailSoftRedisCache, self).add(key, value, timeout, version), True
        )

    def set(self, key, value, timeout=None, version=None):
        return self._soft(
            "set", lambda: super(FailSoftRedisCache, self).set(key, value, timeout, version), None
        )

    def set_many(self, data, timeout=None, version=None):
        return self._soft(
            "set_many", lambda: super(FailSoftRedisCache, self).set_many(data, timeout, version), []
        )

    def delete(self, key, version=None):
        return self._soft(
            "delete", lambda: super(FailSoftRedisCache, self).delete(key, version), False
        )

    def incr(self, key, delta=1, version=None):
        return self._soft(
            "incr", lambda: super(FailSoftRedisCache, self).incr(key, delta, version), delta
        )

    def touch(self, key, timeout=None, version=None):
        return self._soft(
            "touch", lambda: super(FailSoftRedisCache, self).touch(key, timeout, version), False
        )
