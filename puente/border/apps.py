"""The border app: obstacles to border life, binational work with Venezuela, studies."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorderConfig(AppConfig):
    name = "puente.border"
    verbose_name = _("Border and binational work")

    def ready(self) -> None:
        from puente.lib.dashboard import Panel, register

        from .panels import border_panel

        register(Panel("border/staff/_dashboard_panel.html", border_panel, order=30))
