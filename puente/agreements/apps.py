"""The agreements app: treaties, conventions and MoUs with their steps; viability concepts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "puente.agreements"
    verbose_name = _("Agreements and viability concepts")

    def ready(self) -> None:
        from puente.lib import work
        from puente.lib.dashboard import Panel, register

        from .panels import agreements_panel, agreements_work, concepts_work

        register(Panel("agreements/_dashboard_panel.html", agreements_panel, order=5))
        work.register("concepts", work.Source(_("Viability concepts to issue"), concepts_work, 20))
        work.register("agreements", work.Source(_("Agreements"), agreements_work, order=30))
