"""CSV and XLSX exports of the staff's filtered activity list (the CSV is streamed).

Every row carries the activity's money (budget, committed, disbursed, spent: in its own currency,
in COP and in USD at the rate in force on each amount's date) and the people it reaches, so that
a spreadsheet can total them. Values are typed: numbers and dates reach XLSX as numbers and dates.
"""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.timezone import localdate

from puente.lib.tabular import table_response

from .models import Activity, Nationality, Sex, TransactionKind
from .selectors import RateTable, current_budgets

# The first columns are kept as they were: scripts written against the old export still work.
COLUMNS = [
    "id",
    "iati_identifier",
    "level",
    "title_es",
    "title_en",
    "stage",
    "iati_status",
    "planned_start",
    "planned_end",
    "organisations",
    "sectors",
    "municipalities",
    "public",
    "currency",
]
MONEY = {
    "budget": None,
    "committed": TransactionKind.COMMITMENT,
    "disbursed": TransactionKind.DISBURSEMENT,
    "spent": TransactionKind.EXPENDITURE,
}
for _name in MONEY:
    COLUMNS += [_name, f"{_name}_cop", f"{_name}_usd"]
PEOPLE_BY_SEX = [Sex.FEMALE, Sex.MALE]
PEOPLE_BY_NATIONALITY = [Nationality.COLOMBIAN, Nationality.VENEZUELAN, Nationality.RETURNEE]
PEOPLE = ["people"]
PEOPLE += [f"people_{sex.value}" for sex in PEOPLE_BY_SEX]
PEOPLE += [f"people_{nationality.value}" for nationality in PEOPLE_BY_NATIONALITY]
PEOPLE += ["people_by_population"]
COLUMNS += [*PEOPLE, "amounts_without_rate"]

Amounts = list[tuple[Decimal, str, date]]
CENT = Decimal("0.01")


class _Money:
    """Totals of one activity's amounts in its own currency, COP and USD; an amount with no
    rate to convert it is left out of that total, and its currency is named."""

    def __init__(self, rates: RateTable, currency: str) -> None:
        self.rates, self.currency, self.missing = rates, currency, set[str]()

    def totals(self, amounts: Amounts) -> list[Decimal | None]:
        """Nothing recorded, or nothing that could be converted, is an empty cell, not 0."""
        sums: list[Decimal | None] = [None, None, None]
        for amount, currency, on in amounts:
            converted = (
                self.rates.convert(amount, currency, self.currency, on),
                self.rates.to_cop(amount, currency, on),
                self.rates.to_usd(amount, currency, on),
            )
            for i, (value, target) in enumerate(
                zip(converted, (self.currency, "COP", "USD"), strict=True)
            ):
                if value is None:  # name the currency that has no rate on that date
                    unknown = self.rates.cop_per_unit(currency, on) is None
                    self.missing.add(currency if unknown else target)
                else:
                    sums[i] = (sums[i] or Decimal("0")) + value
        return [None if total is None else total.quantize(CENT) for total in sums]


def _money(a: Activity, rates: RateTable) -> tuple[list[Decimal | None], str]:
    money = _Money(rates, a.currency_id or "COP")
    cells: list[Decimal | None] = []
    for kind in MONEY.values():
        if kind is None:
            budgets = current_budgets(a.budgets.all())
            amounts = [(b.amount, b.currency_id, b.period_start) for b in budgets]
        else:
            amounts = [(t.amount, t.currency_id, t.date) for t in a.transactions.all()
                       if t.kind == kind]  # fmt: skip
        cells += money.totals(amounts)
    return cells, ", ".join(sorted(money.missing))


def _people(a: Activity) -> list[object]:
    rows = list(a.beneficiaries.all())
    if not rows:
        return [None] * len(PEOPLE)
    by_population: dict[str, int] = {}
    for b in rows:
        by_population[str(b.population)] = by_population.get(str(b.population), 0) + b.count
    return [
        sum(b.count for b in rows),
        *(sum(b.count for b in rows if b.sex == sex) for sex in PEOPLE_BY_SEX),
        *(sum(b.count for b in rows if b.nationality == n) for n in PEOPLE_BY_NATIONALITY),
        "; ".join(f"{name}: {n}" for name, n in sorted(by_population.items())),
    ]


def _rows(qs: QuerySet[Activity], language: str, full: set[int] | None) -> Iterator[list[object]]:
    # The CSV is streamed after the view has returned: labels are written in the language of
    # the request that asked for it, whatever the thread does meanwhile.
    rates = RateTable()
    qs = qs.select_related("currency").prefetch_related(
        "participations__organisation",
        "sectors__sector",
        "locations__municipality",
        "budgets",
        "transactions",
        "beneficiaries__population",
    )
    with translation.override(language):
        for a in qs.iterator(chunk_size=2000):
            money: list[Decimal | None] = [None for _ in range(len(MONEY) * 3)]
            people: list[object] = [None] * len(PEOPLE)
            missing = ""
            # Another organisation's public activity: only what its public page shows.
            if full is None or a.pk in full:
                money, missing = _money(a, rates)
                people = _people(a)
            yield [
                a.pk,
                a.iati_identifier or "",
                a.get_level_display(),
                a.title_es,
                a.title_en,
                a.get_stage_display(),
                a.get_iati_status_display(),
                a.planned_start,
                a.planned_end,
                "; ".join(
                    f"{p.organisation.short_name} ({p.get_role_display()})"
                    for p in a.participations.all()
                ),
                "; ".join(f"{s.sector} ({s.percentage:g} %)" for s in a.sectors.all()),
                "; ".join(
                    sorted({loc.municipality.name for loc in a.locations.all() if loc.municipality})
                ),
                "yes" if a.is_public else "no",
                a.currency_id,
                *money,
                *people,
                missing,
            ]


def export_activities(
    qs: QuerySet[Activity], fmt: str, full: set[int] | None = None
) -> HttpResponse | StreamingHttpResponse:
    """`full`: the activities whose money and people the reader may see (None: all of them)."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    name = f"activities-{localdate().isoformat()}"
    return table_response(name, fmt, COLUMNS, _rows(qs, translation.get_language(), full))
