"""Panels that apps add to portfolio pages: the portfolio renders them without importing them.

The dashboard and the activity page belong to the portfolio, below PQRSD, events, IATI and
border work in the layering; each of those registers a panel here when it starts, for a place
("dashboard", or "activity" with the activity shown), and the page shows every panel of its
place whose context function returns something for the signed-in user.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    # Called with the request, then what the page shows (the activity); None: nothing to show.
    context: Callable[..., dict[str, Any] | None]
    order: int = 100
    place: str = "dashboard"


_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    _PANELS[panel.template] = panel  # by template: registering twice (tests, reloads) is harmless


def panels_for(
    request: HttpRequest, place: str = "dashboard", *subject: Any
) -> list[tuple[str, dict[str, Any]]]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.template)):
        if panel.place != place:
            continue
        context = panel.context(request, *subject)
        if context is not None:
            shown.append((panel.template, context))
    return shown
