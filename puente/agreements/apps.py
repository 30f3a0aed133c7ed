"""The agreements app: treaties, conventions and MoUs with their steps; viability concepts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "puente.agreements"
    verbose_name = _("Agreements and viability concepts")

    def ready(self) -> None:
        from puente.lib import work
        from puente.lib.dashboard import Panel, register
        from puente.portfolio.lifecycle import register_approval_ground

        from .panels import agreements_panel, agreements_work, concepts_work
        from .selectors import has_favourable_concept, has_linked_agreement

        register_approval_ground(has_linked_agreement)
        register_approval_ground(has_favourable_concept)

        register(Panel("agreements/_dashboard_panel.html", agreements_panel, order=5))
        work.register("concepts", work.Source(_("Viability concepts to issue"), concepts_work, 20))
        work.register("agreements", work.Source(_("Agreements"), agreements_work, order=30))
