"""Admin for the portfolio: administrators' view of every table, with history."""

from django.contrib import admin
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


class SectorInline(admin.TabularInline):
    model = ActivitySector
    extra = 0


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


class BudgetInline(admin.TabularInline):
    model = Budget
    extra = 0


class TransactionInline(admin.TabularInline):
    model = Transaction
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title_es", "level", "stage", "is_public", "planned_start", "updated_at"]
    list_filter = ["level", "stage", "is_public", "humanitarian", "is_demo"]
    search_fields = ["title_es", "title_en", "iati_identifier"]
    # The lifecycle has its own rules and audit: change it from the staff workspace.
    readonly_fields = ["stage", "iati_status"]
    inlines = [
        ParticipationInline,
        SectorInline,
        LocationInline,
        BudgetInline,
        TransactionInline,
        DocumentInline,
    ]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["currency", "valid_from", "cop_per_unit"]
    list_filter = ["currency"]


admin.site.register(Result, SimpleHistoryAdmin)
admin.site.register(StageChange, list_display=["activity", "from_stage", "to_stage", "by", "at"])
