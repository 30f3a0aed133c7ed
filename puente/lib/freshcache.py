"""Figures kept in the cache for a while, recounted by one request at a time once stale.

With a plain expiry, every request that arrives while an expensive count (the home page's
resources: a second on 100,000 activities) is being redone starts the same count again; under
load they pile up (bench/load.py saw 2-second home pages). Here the stale figures keep being
served to everyone else while the one request that took the lock counts again.
"""

import time
from collections.abc import Callable

from django.core.cache import cache

# How long stale figures may stand in while a recount is on its way (or after one failed).
KEPT_AT_MOST = 3600
RECOUNT_LOCK_SECONDS = 120


def _space(key: str) -> str:
    # Its own key space: an entry a former version cached under the same name (a shared Redis
    # outlives deployments) is never read as one of these.
    return f"kept:{key}"


def kept[T](key: str, count: Callable[[], T], fresh_seconds: int) -> T:
    key = _space(key)
    entry = cache.get(key)
    now = time.time()
    if isinstance(entry, tuple) and len(entry) == 2:
        counted_at, value = entry
        if now - counted_at < fresh_seconds or not cache.add(
            f"{key}:recounting", 1, RECOUNT_LOCK_SECONDS
        ):
            return value  # fresh, or another request is recounting: the kept figures do
    try:
        value = count()
        cache.set(key, (now, value), KEPT_AT_MOST)
    finally:
        cache.delete(f"{key}:recounting")
    return value


def forget(key: str) -> None:
    """Drops kept figures after a write that changes them: the next reader counts afresh."""
    cache.delete(_space(key))
