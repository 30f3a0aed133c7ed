"""Admin for the portfolio: administrators' view of every table, with history."""

from django.contrib import admin
from django.db.models import Model
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Activity,
    ActivitySector,
    Budget,
    Document,
    ExchangeRate,
    Location,
    Participation,
    Result,
    StageChange,
    Transaction,
)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation"]


def _inline(part: type[Model]) -> type[admin.TabularInline]:  # type: ignore[type-arg]
    """A plain tabular inline for one of the activity's parts."""
    return type(f"{part.__name__}Inline", (admin.TabularInline,), {"model": part, "extra": 0})


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title_es", "level", "stage", "is_public", "planned_start", "updated_at"]
    list_filter = ["level", "stage", "is_public", "humanitarian", "is_demo"]
    search_fields = ["title_es", "title_en", "iati_identifier"]
    # The lifecycle has its own rules and audit: change it from the staff workspace.
    readonly_fields = ["stage", "iati_status"]
    inlines = [
        ParticipationInline,
        *(_inline(part) for part in (ActivitySector, Location, Budget, Transaction, Document)),
    ]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["currency", "valid_from", "cop_per_unit"]
    list_filter = ["currency"]


admin.site.register(Result, SimpleHistoryAdmin)
admin.site.register(StageChange, list_display=["activity", "from_stage", "to_stage", "by", "at"])
