"""Reads of coordination: the needs list's filters, reports a user may see, approved 5W rows."""

import datetime

from django.db.models import Q, QuerySet

from puente.accounts.roles import AnyUser, account_organisation_id, is_office_reader
from puente.lib.names import fold
from puente.territory.models import Currency, Municipality, Sector, TargetPopulation

from .models import Need, Report, ReportRow, ReportStatus, Service
from .spreadsheet import Vocabulary

DEPARTMENT = "54"  # Norte de Santander: the municipalities partners report in


def filter_needs(
    municipality: Municipality | int | None = None,
    service: Service | int | None = None,
    severity: str | None = None,
    covered: bool = False,
) -> QuerySet[Need]:
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


def visible_reports(user: AnyUser) -> QuerySet[Report]:
    """The office sees every report; a partner reporter only its own organisation's."""
    reports = Report.objects.select_related("organisation", "period")
    if is_office_reader(user):
        return reports
    organisation = account_organisation_id(user)
    return reports.filter(organisation_id=organisation) if organisation else reports.none()


def approved_rows(
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    municipality: Municipality | None = None,
    category: str | None = None,
    population: TargetPopulation | None = None,
    organisation_id: int | None = None,
    service_id: int | None = None,
) -> QuerySet[ReportRow]:
    """Rows of the approved version of each report, of the periods that touch [start, end]."""
    rows = ReportRow.objects.filter(report__status=ReportStatus.APPROVED)
    if start:
        rows = rows.filter(report__period__end__gte=start)
    if end:
        rows = rows.filter(report__period__start__lte=end)
    if municipality:
        rows = rows.filter(municipality=municipality)
    if category:
        rows = rows.filter(category_id=category)
    if population:
        rows = rows.filter(population=population)
    if organisation_id:
        rows = rows.filter(report__organisation_id=organisation_id)
    if service_id:
        rows = rows.filter(category__service_links__service_id=service_id)
    return rows


def vocabulary() -> Vocabulary:
    municipalities: dict[str, int] = {}
    for pk, code, name in Municipality.objects.of_department(DEPARTMENT).values_list(
        "pk", "code", "name"
    ):  # type: ignore[attr-defined]
        municipalities[name] = pk
        municipalities[code] = pk
    sectors: dict[str, str] = {}
    labels = []
    for code, name_es in Sector.objects.filter(withdrawn=False).values_list("code", "name_es"):
        sectors[code] = code
        if len(code) == 3:
            label = f"{code} – {name_es}"[:250]
            labels.append(label)
            sectors[label] = code
    populations: dict[str, str] = {}
    population_labels = []
    for population in TargetPopulation.objects.all():
        population_labels.append(population.name_es)
        for name in (population.name_es, population.name_en, population.code):
            if name:
                populations[fold(name)] = population.code
    currencies = set(Currency.objects.values_list("code", flat=True))
    return Vocabulary(municipalities, sectors, populations, currencies, labels, population_labels)


def categories() -> QuerySet[Sector]:
    """The three-digit DAC categories, for filters."""
    return Sector.objects.filter(Q(category__isnull=True), code__regex=r"^\d{3}$").order_by("code")
