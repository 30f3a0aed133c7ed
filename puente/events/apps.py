"""The events app: seminars, trainings and binational meetings; registrations and attendance."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "puente.events"
    verbose_name = _("Events and trainings")

    def ready(self) -> None:
        from puente.lib.dashboard import Panel, register

        from .panels import events_panel

        register(Panel("events/staff/_dashboard_panel.html", events_panel, order=20))
