"""The PQRSD app: petitions, complaints, claims, suggestions and reports from the public."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsConfig(AppConfig):
    name = "puente.requests"
    label = "requests"
    verbose_name = _("Citizen requests (PQRSD)")

    def ready(self) -> None:
        from puente.lib import work
        from puente.lib.dashboard import Panel, register

        from .panels import pqrsd_panel, pqrsd_work

        register(Panel("requests/staff/_dashboard_panel.html", pqrsd_panel, order=10))
        work.register("pqrsd", work.Source(_("Citizen requests (PQRSD)"), pqrsd_work, order=10))
