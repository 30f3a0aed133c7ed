"""Reads shared by the portal's pages: partners, announcements, the home page's and the map's
figures."""

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from puente.directory.models import Organisation
from puente.lib.freshcache import kept
from puente.lib.textsearch import words_of
from puente.portfolio.lifecycle import Stage
from puente.portfolio.models import (
    Activity,
    ActivitySector,
    Beneficiaries,
    Budget,
    Location,
    OrganisationRole,
    Participation,
)
from puente.portfolio.selectors import (
    ActivityFilter,
    RateTable,
    current_budgets,
    filter_activities,
    public_activities_per_municipality,
)
from puente.territory.models import Municipality

from .models import Album, AnnouncementQuerySet


def public_partners() -> QuerySet[Organisation]:
    """Organisations taking part in at least one public activity, with how many."""
    return (
        Organisation.objects.filter(reviewed=True)
        .annotate(
            public_activities=Count(
                "participations__activity",
                filter=Q(participations__activity__is_public=True),
                distinct=True,
            )
        )
        .filter(public_activities__gt=0)
    )


def public_sector_categories() -> list[str]:
    """DAC categories (3-digit codes) of the public activities: the partner directory's themes."""

    def codes() -> list[str]:
        rows = ActivitySector.objects.filter(activity__is_public=True).values_list(
            Coalesce("sector__category_id", "sector_id"), flat=True
        )
        return sorted(set(rows))

    return kept("portal:public-categories", codes, RESOURCES_SECONDS)  # type: ignore[return-value]


def partners_in_category(partners: QuerySet[Organisation], category: str) -> QuerySet[Organisation]:
    in_category = Participation.objects.filter(activity__is_public=True).filter(
        Q(activity__sectors__sector__category_id=category)
        | Q(activity__sectors__sector_id=category)
    )
    return partners.filter(pk__in=in_category.values("organisation_id"))


def filter_announcements(
    announcements: AnnouncementQuerySet, q: str = "", kind: str = "", status: str = ""
) -> AnnouncementQuerySet:
    """The staff list's filters; words match titles and texts, accents and case ignored."""
    for term in words_of(q):
        announcements = announcements.filter(search_text__contains=term)
    if kind:
        announcements = announcements.filter(kind=kind)
    return announcements.with_status(status)


def filter_albums(q: str = "", status: str = "") -> QuerySet[Album]:
    """The staff gallery list: words in titles and texts (accents and case ignored), status."""
    # Grouped queries drop Meta.ordering: the order is restated for stable pages.
    albums = Album.objects.annotate(photo_count=Count("photos")).order_by("-taken_on", "-pk")
    for term in words_of(q):
        albums = albums.filter(search_text__contains=term)
    if status in ("published", "draft"):
        albums = albums.filter(is_published=status == "published")
    return albums


# Counting every public activity was the home page's whole cost (bench/portal.py); figures a
# few minutes old are fine on a public front page.
FIGURES_SECONDS = 300


def home_figures() -> dict[str, object]:
    """Activities in execution and public, partners, places reached, resources; cached."""

    def count() -> dict[str, object]:
        public = Activity.objects.public()
        places = public_activities_per_municipality(ActivityFilter())
        return {
            "active": public.filter(stage=Stage.EXECUTION).count(),
            "public": public.count(),
            # A semi-join, not public_partners()'s per-partner count: 12 ms instead of 443 ms
            # on 100,000 activities.
            "partners": Organisation.objects.filter(
                Exists(
                    Participation.objects.filter(
                        organisation=OuterRef("pk"), activity__is_public=True
                    )
                ),
                reviewed=True,
            ).count(),
            "municipalities": sum(1 for _municipality, n in places if n),
            "resources": public_resources().total,
        }

    return kept("portal:home-figures", count, FIGURES_SECONDS)  # type: ignore[return-value]


@dataclass
class Resources:
    """Public budgets in Colombian pesos (converted at the rate of each budget's start date)."""

    total: Decimal
    # Every source and sector, largest first, so that each list adds up to the total.
    by_source: list[tuple[int | None, Decimal]]  # organisation id (None: no funder named)
    by_sector: list[tuple[str | None, Decimal]]  # DAC category code (None: no sector)
    by_year: list[tuple[int, Decimal]]
    missing_rates: list[str]  # currencies left out for want of an exchange rate


RESOURCES_SECONDS = 300
TOP = 12
REST = "rest"  # the key of the row that gathers what a chart leaves out


def top_with_rest(rows: list[tuple[Any, Decimal]], n: int = TOP) -> list[tuple[Any, Decimal]]:
    """The `n` largest rows, and one row (key REST) with the sum of the others: a chart of a
    dozen bars that still adds up to the total."""
    if len(rows) <= n:
        return rows
    return [*rows[:n], (REST, sum((amount for _key, amount in rows[n:]), Decimal(0)))]


def public_resources() -> Resources:
    """Budgets of public activities by funder, sector category and year; cached a few minutes.

    An activity with several funders has its budget shared equally among them, and a budget is
    split across sectors by their percentages, so each chart adds up to the same total.
    """
    return kept("portal:resources", _count_resources, RESOURCES_SECONDS)  # type: ignore[return-value]


def _budgets_in_cop(budgets: QuerySet[Budget]) -> Iterator[tuple[int, Decimal | None, Budget]]:
    """(activity, pesos or None without a rate, budget) for each activity's current budgets:
    an original budget and its revision for one period count once, as the revision."""
    rates = RateTable()
    by_activity: dict[int, list[Budget]] = defaultdict(list)
    for budget in budgets.only(
        "activity_id", "kind", "amount", "currency_id", "period_start", "period_end"
    ):
        by_activity[budget.activity_id].append(budget)
    for rows in by_activity.values():
        for budget in current_budgets(rows):
            cop = rates.to_cop(budget.amount, budget.currency_id, budget.period_start)
            yield budget.activity_id, cop, budget


def _places_of(locations: QuerySet[Location]) -> dict[int, set[str]]:
    """Every municipality (DIVIPOLA code) of each activity among `locations`."""
    places: dict[int, set[str]] = defaultdict(set)
    for activity_id, code in locations.filter(municipality__isnull=False).values_list(
        "activity_id", "municipality__code"
    ):
        places[activity_id].add(code)
    return places


def _sector_shares() -> dict[int, list[tuple[str | None, Decimal]]]:
    """Each public activity's DAC categories with their shares of it (a fraction of 1)."""
    sectors: dict[int, list[tuple[str | None, Decimal]]] = defaultdict(list)
    for activity_id, code, category, percentage in ActivitySector.objects.filter(
        activity__is_public=True
    ).values_list("activity_id", "sector_id", "sector__category_id", "percentage"):
        sectors[activity_id].append((category or code, percentage / 100))
    return sectors


def _count_resources() -> Resources:
    public = {"activity__is_public": True}
    funders: dict[int, list[int]] = defaultdict(list)
    for activity_id, organisation_id in Participation.objects.filter(
        role=OrganisationRole.FUNDING, **public
    ).values_list("activity_id", "organisation_id"):
        funders[activity_id].append(organisation_id)
    sectors = _sector_shares()
    by_source: dict[int | None, Decimal] = defaultdict(Decimal)
    by_sector: dict[str | None, Decimal] = defaultdict(Decimal)
    by_year: dict[int, Decimal] = defaultdict(Decimal)
    missing: set[str] = set()
    for activity_id, cop, budget in _budgets_in_cop(Budget.objects.filter(**public)):
        if cop is None:
            missing.add(budget.currency_id)
            continue
        by_year[budget.period_start.year] += cop
        payers: list[int | None] = list(funders.get(activity_id, [])) or [None]
        for payer in payers:
            by_source[payer] += cop / len(payers)
        for category, share in sectors.get(activity_id) or [(None, Decimal(1))]:
            by_sector[category] += cop * share

    def largest_first(totals: dict) -> list:  # type: ignore[type-arg]
        return sorted(totals.items(), key=lambda item: -item[1])

    return Resources(
        total=sum(by_year.values(), Decimal(0)),
        by_source=largest_first(by_source),
        by_sector=largest_first(by_sector),
        by_year=sorted(by_year.items()),
        missing_rates=sorted(missing),
    )


@dataclass
class MunicipalFigures:
    """What public activities bring to one municipality. An activity in several municipalities
    counts once in each for activities and partners; its budget and its people are shared
    equally among all its municipalities (those outside the department included), so that the
    map's money and people add up to the activities' own."""

    activities: int = 0
    resources: Decimal = Decimal(0)  # Colombian pesos, at each budget's start-date rate
    people: float = 0.0
    partner_count: int = 0


def municipal_figures(f: ActivityFilter) -> dict[str, MunicipalFigures]:
    """The department's municipalities by DIVIPOLA code, each with what public activities that
    `f` selects bring it; cached a few minutes per filter (the list's order plays no part)."""
    key = "public-map-figures:" + hashlib.sha256(repr(replace(f, sort="")).encode()).hexdigest()
    return kept(key, lambda: _count_municipal_figures(f), RESOURCES_SECONDS)  # type: ignore[return-value]


def _count_municipal_figures(f: ActivityFilter) -> dict[str, MunicipalFigures]:
    selected = filter_activities(Activity.objects.public(), f).order_by().values("pk")
    figures = {
        code: MunicipalFigures()
        for code in Municipality.objects.of_department("54").values_list("code", flat=True)
    }
    places = _places_of(Location.objects.filter(activity__in=selected))
    places = {pk: codes for pk, codes in places.items() if codes & figures.keys()}
    located = Activity.objects.filter(
        pk__in=selected, locations__municipality__department__code="54"
    )
    money: dict[int, Decimal] = defaultdict(Decimal)
    for activity_id, cop, _budget in _budgets_in_cop(
        Budget.objects.filter(activity__in=located.values("pk"))
    ):
        money[activity_id] += cop or 0  # without a rate it is left out, as on Resources
    people = dict(
        Beneficiaries.objects.filter(activity__in=located.values("pk"))
        .values_list("activity_id")
        .annotate(n=Sum("count"))
        .values_list("activity_id", "n")
    )
    partners: dict[int, set[int]] = defaultdict(set)
    for activity_id, organisation_id in Participation.objects.filter(
        activity__in=located.values("pk"), organisation__reviewed=True
    ).values_list("activity_id", "organisation_id"):
        partners[activity_id].add(organisation_id)
    present: dict[str, set[int]] = defaultdict(set)
    for activity_id, codes in places.items():
        share = len(codes)
        for code in codes & figures.keys():
            figure = figures[code]
            figure.activities += 1
            figure.resources += money[activity_id] / share
            figure.people += (people.get(activity_id) or 0) / share
            present[code] |= partners[activity_id]
    for code, organisations in present.items():
        figures[code].partner_count = len(organisations)  # counts are kept, not the sets
    return figures


SMALL_MAPS = 6  # sector categories drawn as small maps on the resources page


def resources_by_category_and_place() -> dict[str, dict[str, Decimal]]:
    """Public budgets in pesos by DAC category and municipality of the department (DIVIPOLA
    code): an activity's money shared equally among its municipalities, as on the map, and then
    by its sectors' percentages, as on the resources page; cached a few minutes."""
    return kept("portal:resources-by-category-place", _count_category_places, RESOURCES_SECONDS)  # type: ignore[return-value]


def _count_category_places() -> dict[str, dict[str, Decimal]]:
    public = {"activity__is_public": True}
    department = set(Municipality.objects.of_department("54").values_list("code", flat=True))
    places = _places_of(Location.objects.filter(**public))
    sectors = _sector_shares()
    found: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for activity_id, cop, _budget in _budgets_in_cop(Budget.objects.filter(**public)):
        codes = places.get(activity_id, set())
        if not cop or not codes & department:
            continue
        for category, share in sectors.get(activity_id, ()):
            for code in codes & department:
                found[category or ""][code] += cop * share / len(codes)
    return {category: dict(by_place) for category, by_place in found.items()}
