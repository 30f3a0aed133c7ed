"""What waits for someone: each app lists what it holds for a person; "My work" shows them all.

Like the dashboard panels, the lists come from apps above the one that shows them: each app
registers a source when it starts, and the staff home and the daily digest ask every source.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.utils.functional import Promise


@dataclass(frozen=True)
class WorkItem:
    title: str
    url: str  # a path on this site
    clock: str  # what the date means, read before it: "answer due", "submitted for review on", ...
    due: date | None = None
    late: bool = False


@dataclass(frozen=True)
class Source:
    area: str | Promise  # the heading the items are grouped under ("PQRSD", "5W reports", ...)
    items: Callable[[User, date], list[WorkItem]]
    order: int = 100


# A source lists at most this many items; the page it links to has the rest.
LIMIT = 25
_SOURCES: dict[str, Source] = {}


def register(key: str, source: Source) -> None:
    _SOURCES[key] = source  # by key: registering twice (tests, reloads) is harmless


def work_for(user: User, today: date) -> list[tuple[str, list[WorkItem]]]:
    """Each area with something waiting for `user`, in a fixed order; items soonest due first."""
    found = []
    for source in sorted(_SOURCES.values(), key=lambda s: (s.order, str(s.area))):
        items = source.items(user, today)
        if items:
            items.sort(key=lambda item: (item.due is None, item.due or today))
            found.append((str(source.area), items))
    return found
