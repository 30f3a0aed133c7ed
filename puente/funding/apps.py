"""The funding app: sources of cooperation money, their calls for proposals, and applications."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "puente.funding"
    verbose_name = _("Funding sources and calls")

    def ready(self) -> None:
        from puente.lib.dashboard import Panel, register

        from .panels import funding_panel

        register(Panel("funding/_dashboard_panel.html", funding_panel, order=8))
