"""The coordination app: who does what where for whom (5W), and the needs nobody covers yet."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "puente.coordination"
    verbose_name = _("Coordination and needs")

    def ready(self) -> None:
        from puente.lib import work

        from .panels import reports_work

        work.register("reports", work.Source(_("5W reports"), reports_work, order=40))
