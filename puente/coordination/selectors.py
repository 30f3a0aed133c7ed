"""Reads of the needs register: the staff list's filters."""

from django.db.models import QuerySet

from .models import Need


def filter_needs(municipality=None, service=None, severity=None, covered=False) -> QuerySet[Need]:  # type: ignore[no-untyped-def]
    needs = Need.objects.select_related("municipality", "service", "population")
    if not covered:
        needs = needs.filter(is_open=True)
    if municipality:
        needs = needs.filter(municipality=municipality)
    if service:
        needs = needs.filter(service=service)
    if severity:
        needs = needs.filter(severity__gte=severity)
    return needs
