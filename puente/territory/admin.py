"""Admin for reference data: read mostly, searchable."""

from django.contrib import admin

from .models import (
    CodelistItem,
    Country,
    Currency,
    Department,
    Municipality,
    Sector,
    TargetPopulation,
)

admin.site.register(Country, search_fields=["code", "name_es", "name_en"])
admin.site.register(Currency, search_fields=["code", "name_es", "name_en"])
admin.site.register(Department, list_display=["code", "name", "country"])
admin.site.register(
    Municipality,
    list_display=["code", "name", "department", "border_zone"],
    list_filter=["department", "border_zone"],
    search_fields=["code", "name"],
)
admin.site.register(
    CodelistItem, list_display=["codelist", "code", "name_en"], list_filter=["codelist"]
)
admin.site.register(Sector, search_fields=["code", "name_en", "name_es"])
admin.site.register(TargetPopulation, list_display=["code", "name_es", "name_en", "order"])
