"""Panels that apps add to the staff dashboard: the portfolio renders them without importing them.

The dashboard belongs to the portfolio, below PQRSD, events and border work in the layering;
each of those registers a panel here when it starts, and the dashboard shows every panel whose
context function returns something for the signed-in user.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]  # None: nothing for this user
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    _PANELS[panel.template] = panel  # by template: registering twice (tests, reloads) is harmless


def panels_for(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.template)):
        context = panel.context(request)
        if context is not None:
            shown.append((panel.template, context))
    return shown
