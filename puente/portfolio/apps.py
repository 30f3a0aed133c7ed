"""App configuration for the portfolio app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "puente.portfolio"
    verbose_name = _("Cooperation portfolio")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from puente.directory.models import Organisation
        from puente.lib.bulk import bulk_written
        from puente.territory.models import Municipality, Sector, TargetPopulation

        from .forms import forget_filter_choices
        from .models import Participation

        # What the activity filters list (bulk writes, as the IATI import's, call it themselves).
        for model in (Participation, Organisation, Sector, Municipality, TargetPopulation):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_filter_choices,
                    sender=model,
                    dispatch_uid=f"filter-choices-{signal is post_save}-{model.__name__}",
                )
            bulk_written.connect(
                forget_filter_choices,
                sender=model,
                dispatch_uid=f"filter-choices-bulk-{model.__name__}",
            )
