"""Admin for the directory."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation, Person, ReporterAccount


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country", "iati_identifier"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym", "iati_identifier"]
    inlines = [PersonInline]


admin.site.register(ReporterAccount, list_display=["user", "organisation"])
