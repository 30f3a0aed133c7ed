"""Kept figures: counted once, reused while fresh, and once stale recounted by one request while
the others are served the stale figures (no pile-up of the same expensive count)."""

import time

import pytest
from django.core.cache import cache

from puente.lib.freshcache import kept


def test_fresh_figures_are_counted_once():
    counts = []
    assert kept("k", lambda: counts.append(1) or len(counts), 60) == 1
    assert kept("k", lambda: counts.append(1) or len(counts), 60) == 1
    assert counts == [1]


def test_stale_figures_are_recounted_by_one_request_while_others_get_the_old_ones():
    cache.set("kept:k", (time.time() - 120, "old"), 3600)
    cache.add("kept:k:recounting", 1, 60)  # another request is recounting right now
    assert kept("k", lambda: "new", 60) == "old"
    cache.delete("kept:k:recounting")
    assert kept("k", lambda: "new", 60) == "new"  # this one recounts
    assert kept("k", lambda: "newer", 60) == "new"  # and it is fresh again


def test_a_failed_recount_leaves_the_lock_free_for_the_next_request():
    cache.set("kept:k", (time.time() - 120, "old"), 3600)

    def broken() -> str:
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        kept("k", broken, 60)
    assert kept("k", lambda: "new", 60) == "new"


def test_something_else_cached_under_the_name_is_not_taken_for_figures():
    cache.set("kept:k", {"an": "old format"}, 3600)
    assert kept("k", lambda: "counted", 60) == "counted"
