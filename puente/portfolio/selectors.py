"""Reads of the portfolio: who may see what, filtering, sorting, totals and dashboards."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, Count, Model, Q, QuerySet, Sum, When
from django.utils import timezone

from puente.accounts.roles import (
    AnyUser,
    Role,
    account_organisation_id,
    has_role,
    is_office_reader,
    is_secretariat,
)
from puente.directory.models import Organisation
from puente.lib.freshcache import kept
from puente.lib.textsearch import words_of
from puente.territory.models import Municipality

from .lifecycle import Stage
from .models import (
    Activity,
    ActivitySector,
    Beneficiaries,
    Budget,
    ExchangeRate,
    Location,
    Participation,
    Transaction,
)

SORTS = {
    "title": "title_es",
    "-title": "-title_es",
    "start": "planned_start",
    "-start": "-planned_start",
    "stage": "stage",
    "-stage": "-stage",
    "updated": "updated_at",
    "-updated": "-updated_at",
}


def reporter_organisation_id(user: AnyUser) -> int | None:
    if not has_role(user, Role.REPORTER):
        return None
    return account_organisation_id(user)


def visible_activities(user: AnyUser) -> QuerySet[Activity]:
    """What a user finds in lists, exports, the API and maps.

    The office (administrators, staff, viewers) sees the whole portfolio; a partner reporter its
    own organisation's activities and everyone's public ones; the public only the public ones.
    """
    if is_office_reader(user):
        return Activity.objects.all()
    org_id = reporter_organisation_id(user)
    if org_id is None:
        return Activity.objects.public()
    own = Participation.objects.filter(organisation_id=org_id).values("activity_id")
    return Activity.objects.filter(Q(is_public=True) | Q(pk__in=own))


def _organisation_takes_part(user: AnyUser, activity: Activity) -> bool:
    org_id = reporter_organisation_id(user)
    if org_id is None:
        return False
    return activity.participations.filter(organisation_id=org_id).exists()


def reads_in_full(user: AnyUser, activity: Activity) -> bool:
    """Finances, uploaded documents and history: the office, and the reporters of an
    organisation taking part. Other organisations' reporters see a public activity as the
    public does (its public page and the IATI file), and an unpublished one not at all."""
    return is_office_reader(user) or _organisation_takes_part(user, activity)


def fully_readable_ids(user: AnyUser) -> set[int] | None:
    """The activities a user reads in full, as ids; None for the office (every activity)."""
    if is_office_reader(user):
        return None
    org_id = reporter_organisation_id(user)
    if org_id is None:
        return set()
    return set(
        Participation.objects.filter(organisation_id=org_id).values_list("activity_id", flat=True)
    )


def can_edit_activity(user: AnyUser, activity: Activity) -> bool:
    """Staff edit any activity; a reporter only those its organisation takes part in."""
    return is_secretariat(user) or _organisation_takes_part(user, activity)


@dataclass
class ActivityFilter:
    q: str = ""
    stage: str = ""
    level: str = ""
    sector: str = ""
    municipality: str = ""
    organisation: int | None = None
    population: str = ""
    year: int | None = None
    public: bool | None = None
    sort: str = "-updated"

    def narrows(self) -> bool:
        """True when any filter (not just the sort order) is set."""
        return any(
            getattr(self, f) not in ("", None) for f in self.__dataclass_fields__ if f != "sort"
        )


# The long texts no list row shows.
LIST_DEFERRED = ("description_es", "description_en", "search_text")


def add_list_parts(activities: Iterable[Activity], budgets: bool = False) -> list[Activity]:
    """What a list row shows besides the activity, set on each: its partners' short names
    (`partner_names`), its municipalities' names (`place_names`) and, when asked, its budgets
    (`budget_rows`). Read as plain rows: Django's prefetch of the three relations took 14 of a
    page's 16 ms (bench/portfolio.py)."""
    rows = list(activities)
    ids = [activity.pk for activity in rows]
    partners: dict[int, list[str]] = {pk: [] for pk in ids}
    places: dict[int, list[str]] = {pk: [] for pk in ids}
    for activity_id, acronym, name in (
        Participation.objects.filter(activity_id__in=ids)
        .order_by("pk")
        .values_list("activity_id", "organisation__acronym", "organisation__name")
    ):
        partners[activity_id].append(acronym or name)
    for activity_id, name in (
        Location.objects.filter(activity_id__in=ids, municipality__isnull=False)
        .order_by("pk")
        .values_list("activity_id", "municipality__name")
    ):
        places[activity_id].append(name)
    money: dict[int, list[Budget]] = {pk: [] for pk in ids}
    if budgets:
        for budget in Budget.objects.filter(activity_id__in=ids).order_by("pk"):
            money[budget.activity_id].append(budget)
    for activity in rows:
        activity.partner_names = partners[activity.pk]  # type: ignore[attr-defined]
        activity.place_names = places[activity.pk]  # type: ignore[attr-defined]
        activity.budget_rows = money[activity.pk]  # type: ignore[attr-defined]
    return rows


def filter_activities(qs: QuerySet[Activity], f: ActivityFilter) -> QuerySet[Activity]:
    if f.q:
        # Every word, in any order, accents, case and plurals ignored ("cucuta aguas" finds
        # "Agua … Cúcuta").
        for term in words_of(f.q):
            qs = qs.filter(search_text__contains=term)
    if f.stage:
        qs = qs.filter(stage=f.stage)
    if f.level:
        qs = qs.filter(level=f.level)
    # Non-correlated `pk IN (subquery)` filters: computed once, not once per activity (SQLite
    # otherwise walks the big index of a municipality for every row; see bench/portfolio.py).
    if f.sector:
        # A 3-digit code selects every purpose code of that category.
        sector_q = Q(sector_id=f.sector) | Q(sector__category_id=f.sector)
        qs = qs.filter(pk__in=ActivitySector.objects.filter(sector_q).values("activity_id"))
    if f.municipality:
        qs = qs.filter(
            pk__in=Location.objects.filter(municipality__code=f.municipality).values("activity_id")
        )
    if f.organisation:
        qs = qs.filter(
            pk__in=Participation.objects.filter(organisation_id=f.organisation).values(
                "activity_id"
            )
        )
    if f.population:
        qs = qs.filter(
            pk__in=Beneficiaries.objects.filter(population_id=f.population).values("activity_id")
        )
    if f.year:
        start, end = date(f.year, 1, 1), date(f.year, 12, 31)
        qs = qs.filter(planned_start__lte=end).filter(
            Q(planned_end__gte=start) | Q(planned_end__isnull=True)
        )
    if f.public is not None:
        qs = qs.filter(is_public=f.public)
    order = SORTS.get(f.sort, "-updated_at")
    # The tie-breaker goes the same way as the sort, so that one index serves both directions.
    tie = "-id" if order.startswith("-") else "id"
    if order.lstrip("-") == "stage":
        # Stages in the lifecycle's order (idea, formulation, ...), not their codes' A–Z.
        rank = Case(*(When(stage=s, then=n) for n, s in enumerate(Stage)), default=len(Stage))
        qs = qs.annotate(stage_rank=rank)
        order = order.replace("stage", "stage_rank")
    return qs.order_by(order, tie)


# --- money -------------------------------------------------------------------------------


class RateTable:
    """Dated exchange rates in memory: one query, then lookups for many amounts."""

    def __init__(self, rates: Iterable[ExchangeRate] | None = None) -> None:
        rows = list(rates if rates is not None else ExchangeRate.objects.order_by("valid_from"))
        self._rates: dict[str, list[tuple[date, Decimal]]] = {}
        for rate in sorted(rows, key=lambda r: r.valid_from):
            self._rates.setdefault(rate.currency_id, []).append(
                (rate.valid_from, rate.cop_per_unit)
            )

    def cop_per_unit(self, currency: str, on: date) -> Decimal | None:
        if currency == "COP":
            return Decimal("1")
        rates = self._rates.get(currency, [])
        # The rate in force is the latest one not after the date; before the first, the first.
        best = None
        for valid_from, rate in rates:
            if valid_from <= on:
                best = rate
            else:
                break
        if best is None and rates:
            best = rates[0][1]
        return best

    def to_cop(self, amount: Decimal, currency: str, on: date) -> Decimal | None:
        rate = self.cop_per_unit(currency, on)
        return None if rate is None else (amount * rate).quantize(Decimal("0.01"))

    def convert(self, amount: Decimal, currency: str, to: str, on: date) -> Decimal | None:
        """`amount` of `currency` in `to`, through COP at the rates in force on `on`."""
        if currency == to:
            return amount
        cop = self.to_cop(amount, currency, on)
        rate = self.cop_per_unit(to, on)
        if cop is None or not rate:
            return None
        return (cop / rate).quantize(Decimal("0.01"))

    def to_usd(self, amount: Decimal, currency: str, on: date) -> Decimal | None:
        return self.convert(amount, currency, "USD", on)


@dataclass
class MoneyTotals:
    cop: Decimal
    usd: Decimal
    missing_rates: set[str]


def convert_total(rows: Iterable[tuple[Decimal, str, date]], rates: RateTable) -> MoneyTotals:
    """Sums amounts in COP and in USD; an amount with no rate is left out and its currency named."""
    cop = usd = Decimal("0")
    missing: set[str] = set()
    for amount, currency, on in rows:
        in_cop = rates.to_cop(amount, currency, on)
        in_usd = rates.to_usd(amount, currency, on)
        if in_cop is not None:
            cop += in_cop
        if in_usd is not None:
            usd += in_usd
        if in_cop is None or in_usd is None:
            missing.add(currency if in_cop is None else "USD")
    return MoneyTotals(cop, usd, missing)


def current_budgets(budgets: Iterable[Budget]) -> list[Budget]:
    """The budgets that count: for a period with a revised budget, the revised one only (IATI
    files often carry both the original and its revision for the same period)."""
    by_period: dict[tuple[date, date], list[Budget]] = {}
    for budget in budgets:
        by_period.setdefault((budget.period_start, budget.period_end), []).append(budget)
    kept = []
    for rows in by_period.values():
        revised = [b for b in rows if b.kind == Budget.Kind.REVISED]
        kept += revised or rows
    return kept


@dataclass
class ListBudget:
    amount: Decimal | None  # None: no budget, or none that could be converted
    currency: str
    unconverted: bool  # some budget had no rate into the activity's currency on its date


def budget_in_own_currency(
    activity: Activity, rates: RateTable, rows: Iterable[Budget] | None = None
) -> ListBudget:
    """The activity's current budgets (`rows` when already read) added up: in their currency
    when they share one (57,000 USD reads as such, not as its peso value), otherwise in the
    activity's default currency."""
    budgets = current_budgets(activity.budgets.all() if rows is None else rows)
    currencies = {budget.currency_id for budget in budgets}
    currency = currencies.pop() if len(currencies) == 1 else (activity.currency_id or "COP")
    total: Decimal | None = None
    unconverted = False
    for budget in budgets:
        value = rates.convert(budget.amount, budget.currency_id, currency, budget.period_start)
        if value is None:
            unconverted = True
        else:
            total = (total or Decimal("0")) + value
    return ListBudget(total, currency, unconverted)


def activity_finance(activity: Activity, rates: RateTable | None = None) -> dict[str, MoneyTotals]:
    rates = rates or RateTable()
    budget = convert_total(
        (
            (b.amount, b.currency_id, b.period_start)
            for b in current_budgets(activity.budgets.all())
        ),
        rates,
    )
    by_kind: dict[str, MoneyTotals] = {"budget": budget}
    # "missing" gathers every currency without a rate, over budgets and transactions alike.
    for kind in ("1", "2", "3", "4"):
        by_kind[kind] = convert_total(
            (
                (t.amount, t.currency_id, t.date)
                for t in activity.transactions.all()
                if t.kind == kind
            ),
            rates,
        )
    missing = set().union(*(totals.missing_rates for totals in by_kind.values()))
    by_kind["missing"] = MoneyTotals(Decimal("0"), Decimal("0"), missing)
    return by_kind


# --- dashboard -----------------------------------------------------------------------------


def dashboard(qs: QuerySet[Activity], narrowed: bool = True) -> dict[str, object]:
    """Totals by stage, sector category, municipality and partner, in a few grouped queries.

    With `narrowed` False, `qs` is known to hold every activity: the part tables are then
    grouped directly, without restricting them to the activities of `qs` (twice as fast).
    """
    ids = qs.values("pk")

    def of_qs(model: type[Model]) -> QuerySet:  # type: ignore[type-arg]
        rows = model._default_manager.all()
        return rows.filter(activity__in=ids) if narrowed else rows

    by_stage = list(qs.order_by().values("stage").annotate(n=Count("pk")).order_by("-n"))
    by_sector = list(
        of_qs(ActivitySector)
        .values("sector_id")
        .annotate(n=Count("activity", distinct=True))
        .order_by("-n")[:12]
    )
    by_municipality = list(
        of_qs(Location)
        .filter(municipality__isnull=False)
        .values("municipality__code", "municipality__name")
        .annotate(n=Count("activity", distinct=True))
        .order_by("-n")[:15]
    )
    # Grouped on the (organisation, activity) index alone; names are looked up for the top rows.
    by_partner = list(
        of_qs(Participation)
        .values("organisation_id")
        .annotate(n=Count("activity_id", distinct=True))
        .order_by("-n")[:15]
    )
    names = Organisation.objects.in_bulk([row["organisation_id"] for row in by_partner])
    for row in by_partner:
        organisation = names[row["organisation_id"]]
        row["organisation__acronym"] = organisation.acronym
        row["organisation__name"] = organisation.name
    disbursed = list(
        of_qs(Transaction)
        .filter(kind__in=["3", "4"])
        .values("currency_id")
        .annotate(total=Sum("amount"))
        .order_by("currency_id")
    )
    return {
        "total": qs.count(),
        "by_stage": by_stage,
        "by_sector": by_sector,
        "by_municipality": by_municipality,
        "by_partner": by_partner,
        "spent_by_currency": disbursed,
    }


# The whole portfolio's totals are the same for every reader; grouping 100,000 activities four
# ways took a quarter of a second (bench/load.py), so they are counted at most once a minute.
DASHBOARD_SECONDS = 60


def whole_portfolio_dashboard() -> dict[str, object]:
    """dashboard() over every activity, with the time it was counted ("as_of")."""

    def count() -> dict[str, object]:
        return {**dashboard(Activity.objects.all(), narrowed=False), "as_of": timezone.now()}

    return kept("portfolio:dashboard", count, DASHBOARD_SECONDS)  # type: ignore[return-value]


# The public map is the same for everyone who picks the same filters, and the count behind it
# walks every public activity (bench/portal.py): a few minutes old is fine for the public.
PUBLIC_MAP_SECONDS = 300


def activities_per_municipality(qs: QuerySet[Activity]) -> list[tuple[Municipality, int]]:
    """Each municipality of Norte de Santander (by DIVIPOLA code) and how many of `qs` touch it."""
    rows = (
        Location.objects.filter(activity__in=qs.order_by().values("pk"), municipality__isnull=False)
        .values("municipality_id")
        .annotate(n=Count("activity_id", distinct=True))
    )
    counts = {row["municipality_id"]: row["n"] for row in rows}
    return [
        (m, counts.get(m.pk, 0)) for m in Municipality.objects.of_department("54").order_by("code")
    ]


def public_activities_per_municipality(f: ActivityFilter) -> list[tuple[Municipality, int]]:
    """`activities_per_municipality` of the public activities `f` selects, cached."""
    key = "public-map:" + hashlib.sha256(repr(f).encode()).hexdigest()
    return kept(  # type: ignore[return-value]
        key,
        lambda: activities_per_municipality(filter_activities(Activity.objects.public(), f)),
        PUBLIC_MAP_SECONDS,
    )
