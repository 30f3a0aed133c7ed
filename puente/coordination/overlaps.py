"""Possible duplications: work of different partners in the same place, sector and population,
at the same time, described alike (function 3: identify, unify and maximise efforts)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import F, Max, Min, Q
from django.db.models.functions import Coalesce
from rapidfuzz import fuzz

from puente.lib.names import fold
from puente.portfolio.models import Activity

from .models import OverlapDecision, ReportRow, ReportStatus

MIN_SIMILARITY = 60  # rapidfuzz token-set ratio of the folded names, 0-100


@dataclass(frozen=True)
class Unit:
    """One partner's activity in one municipality × DAC category × population."""

    key: str  # stable across runs: what a staff decision is kept against
    organisation_id: int | None
    organisation: str
    names: tuple[str, ...]  # Spanish and English where known
    municipality_id: int
    category: str
    population: str | None  # None: not stated (imported activities often do not say)
    start: datetime.date | None
    end: datetime.date | None
    link: str  # where staff read it


@dataclass(frozen=True)
class Candidate:
    first: Unit
    second: Unit
    similarity: int
    score: int  # the ranking: similarity, lowered when the population is not known on one side

    @property
    def keys(self) -> tuple[str, str]:
        return pair(self.first.key, self.second.key)


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def reported_units(since: datetime.date) -> list[Unit]:
    from django.urls import reverse

    grouped = (
        ReportRow.objects.filter(
            report__status=ReportStatus.APPROVED, report__period__end__gte=since
        )
        .values(
            "report__organisation_id",
            "report__organisation__name",
            "activity_name",
            "municipality_id",
            "category_id",
            "population_id",
        )
        .annotate(
            first=Min("report__period__start"),
            last=Max("report__period__end"),
            report=Max("report_id"),
        )
        .order_by()
    )
    return [
        Unit(
            f"5w:{g['report__organisation_id']}:{fold(g['activity_name'])[:300]}",
            g["report__organisation_id"],
            g["report__organisation__name"],
            (g["activity_name"],),
            g["municipality_id"],
            g["category_id"],
            g["population_id"],
            g["first"],
            g["last"],
            reverse("coordination:report", args=[g["report"]]),
        )
        for g in grouped
    ]


def portfolio_units(since: datetime.date) -> list[Unit]:
    from django.urls import reverse

    running = Activity.objects.annotate(
        began=Coalesce("actual_start", "planned_start"),
        ends=Coalesce("actual_end", "planned_end"),
        place=F("locations__municipality_id"),
        category=Coalesce("sectors__sector__category_id", "sectors__sector_id"),
    ).filter(Q(ends__isnull=True) | Q(ends__gte=since), place__isnull=False, category__isnull=False)
    rows = running.values(
        "id",
        "title_es",
        "title_en",
        "reporting_org_id",
        "reporting_org__name",
        "place",
        "category",
        "beneficiaries__population_id",
        "began",
        "ends",
    ).distinct()
    return [
        Unit(
            f"activity:{r['id']}",
            r["reporting_org_id"],
            r["reporting_org__name"] or "",
            tuple(n for n in (r["title_es"], r["title_en"]) if n),
            r["place"],
            r["category"],
            r["beneficiaries__population_id"],
            r["began"],
            r["ends"],
            reverse("portfolio:detail", args=[r["id"]]),
        )
        for r in rows
    ]


def _dates_overlap(a: Unit, b: Unit) -> bool:
    far_past, far_future = datetime.date.min, datetime.date.max
    return (a.start or far_past) <= (b.end or far_future) and (b.start or far_past) <= (
        a.end or far_future
    )


def similarity(a: Unit, b: Unit) -> int:
    return int(
        max((fuzz.token_set_ratio(fold(x), fold(y)) for x in a.names for y in b.names), default=0)
    )


def candidates(units: list[Unit], decided: set[tuple[str, str]]) -> list[Candidate]:
    """Pairs worth a look, best first; pairs staff already decided are not proposed again."""
    buckets: dict[tuple[int, str], list[Unit]] = defaultdict(list)
    for unit in units:
        buckets[(unit.municipality_id, unit.category)].append(unit)
    found: dict[tuple[str, str], Candidate] = {}
    for bucket in buckets.values():
        for a, b in combinations(bucket, 2):
            if a.key == b.key or a.organisation_id == b.organisation_id:
                continue
            if a.population and b.population and a.population != b.population:
                continue
            keys = pair(a.key, b.key)
            if keys in decided or not _dates_overlap(a, b):
                continue
            score = similarity(a, b)
            if score < MIN_SIMILARITY:
                continue
            ranked = score if a.population and b.population else score * 9 // 10
            if keys not in found or found[keys].score < ranked:
                first, second = (a, b) if a.key == keys[0] else (b, a)
                found[keys] = Candidate(first, second, score, ranked)
    return sorted(found.values(), key=lambda c: (-c.score, c.first.key, c.second.key))


def open_candidates(since: datetime.date) -> list[Candidate]:
    decided = set(OverlapDecision.objects.values_list("first", "second"))
    return candidates(reported_units(since) + portfolio_units(since), decided)
