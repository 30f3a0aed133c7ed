"""Benchmark: a programme's results roll-up and the indicator tracking table (IPTT) on a large
portfolio, each as a ratio to hand-written SQL computing the same figures (checked equal first).

    scripts/uvrun python bench/results.py [--activities 100000] [--repeat 7]

Each activity gets one result with one indicator linked to one of three shared indicators and
three yearly periods (2024-2026) split by sex: 100,000 activities give 300,000 periods and
600,000 disaggregation rows. A programme holds every twentieth project (5,000 at the default).
Uses the SQLite file of bench/portfolio.py (bench/.data/) unless DATABASE_URL is set.
"""

import argparse
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchdata import fill, staff_client, use_bench_database  # noqa: E402

PROGRAMME = "BENCH · Programa de resultados"


def add_results() -> None:
    """Results for every activity that has none yet (kept between runs)."""
    from django.db import transaction
    from django.db.models.functions import Mod

    from puente.portfolio.models import (
        Activity,
        Disaggregation,
        Indicator,
        IndicatorPeriod,
        Level,
        Result,
        SharedIndicator,
    )  # fmt: skip

    shared = [
        SharedIndicator.objects.get_or_create(name_es=name, defaults={"unit": "personas"})[0]
        for name in ("Personas atendidas", "Personas orientadas", "Jóvenes formados")
    ]
    programme, _ = Activity.objects.get_or_create(
        title_es=PROGRAMME, defaults={"level": Level.PROGRAMME}
    )
    Activity.objects.alias(every=Mod("id", 20)).filter(
        level=Level.PROJECT, parent=None, every=0
    ).update(parent=programme)
    todo = list(
        Activity.objects.filter(level=Level.PROJECT, results__isnull=True).values_list(
            "pk", flat=True
        )
    )
    started = time.perf_counter()
    for first in range(0, len(todo), 5000):
        chunk = todo[first : first + 5000]
        with transaction.atomic():
            results = Result.objects.bulk_create(
                [Result(activity_id=pk, title="Atención") for pk in chunk], batch_size=1000
            )
            indicators = Indicator.objects.bulk_create(
                [Indicator(result=r, title="Personas", shared=shared[r.activity_id % 3],
                           baseline_value=Decimal(r.activity_id % 50)) for r in results],
                batch_size=1000,
            )  # fmt: skip
            periods = IndicatorPeriod.objects.bulk_create(
                [IndicatorPeriod(indicator=i, period_start=date(y, 1, 1), period_end=date(y, 12, 31),
                                 target=Decimal(100 + i.pk % 400), actual=None if y == 2026 else Decimal(i.pk % 450))
                 for i in indicators for y in (2024, 2025, 2026)],
                batch_size=2000,
            )  # fmt: skip
            Disaggregation.objects.bulk_create(
                [Disaggregation(period=p, side="target", dimension="sex", category=c,
                                value=(p.target or 0) * share)
                 for p in periods for c, share in (("Mujeres", Decimal("0.6")), ("Hombres", Decimal("0.4")))],
                batch_size=4000,
            )  # fmt: skip
    if todo:
        print(f"added results to {len(todo):,} activities in {time.perf_counter() - started:.1f} s")


ROLLUP_SQL = """
SELECT i.shared_id, p.period_end, SUM(p.target), SUM(p.actual)
FROM portfolio_indicatorperiod p
JOIN portfolio_indicator i ON i.id = p.indicator_id
JOIN portfolio_result r ON r.id = i.result_id
JOIN portfolio_activity a ON a.id = r.activity_id
WHERE a.parent_id = %s AND a.level = 'project' AND i.shared_id IS NOT NULL
GROUP BY i.shared_id, p.period_end
"""

# The rest of what the roll-up shows, by hand too: the sex split per year, and the list of
# contributing indicators with their projects (for the unit checks and the contributions).
BREAKDOWN_SQL = """
SELECT i.shared_id, p.period_end, d.dimension, d.category, d.side, SUM(d.value)
FROM portfolio_disaggregation d
JOIN portfolio_indicatorperiod p ON p.id = d.period_id
JOIN portfolio_indicator i ON i.id = p.indicator_id
JOIN portfolio_result r ON r.id = i.result_id
JOIN portfolio_activity a ON a.id = r.activity_id
WHERE a.parent_id = %s AND a.level = 'project' AND i.shared_id IS NOT NULL
GROUP BY i.shared_id, p.period_end, d.dimension, d.category, d.side
"""
CONTRIBUTIONS_SQL = """
SELECT i.id, i.shared_id, a.id, a.title_es, i.title, i.unit, i.measure, i.baseline_value
FROM portfolio_indicator i
JOIN portfolio_result r ON r.id = i.result_id
JOIN portfolio_activity a ON a.id = r.activity_id
WHERE a.parent_id = %s AND a.level = 'project' AND i.shared_id IS NOT NULL
ORDER BY i.shared_id, a.title_es, i.id
"""
ROLLUP_QUERIES = (ROLLUP_SQL, BREAKDOWN_SQL, CONTRIBUTIONS_SQL)

PAGE_SQL = """
SELECT i.id, a.title_es, i.title, p.period_end, SUM(p.target), SUM(p.actual)
FROM portfolio_indicator i
JOIN portfolio_result r ON r.id = i.result_id
JOIN portfolio_activity a ON a.id = r.activity_id
JOIN portfolio_indicatorperiod p ON p.indicator_id = i.id
WHERE i.id IN (
  SELECT i2.id FROM portfolio_indicator i2 JOIN portfolio_result r2 ON r2.id = i2.result_id
  JOIN portfolio_activity a2 ON a2.id = r2.activity_id
  ORDER BY a2.title_es, a2.id, i2.id LIMIT 50)
GROUP BY i.id, a.title_es, i.title, p.period_end
"""


def median_ms(action, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    use_bench_database(args.activities)
    import django

    django.setup()
    from django.db import connection

    from puente.portfolio.iptt import iptt_rows
    from puente.portfolio.models import Activity, Indicator, IndicatorPeriod
    from puente.portfolio.rollup import rollups

    fill(args.activities)
    add_results()
    programme = Activity.objects.get(title_es=PROGRAMME)
    readable = Activity.objects.all()

    def by_sql(sql: str, params: list[object]) -> list[tuple]:  # type: ignore[type-arg]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    # Both ways give the same figures before either is timed.
    sums: dict[tuple[int, int], list[Decimal]] = {}
    for shared_id, end, target, actual in by_sql(ROLLUP_SQL, [programme.pk]):
        year = end.year if hasattr(end, "year") else int(str(end)[:4])
        sums[(shared_id, year)] = [Decimal(str(target or 0)), Decimal(str(actual or 0))]
    for rollup in rollups(programme, readable):
        for year, figures in rollup.years.items():
            expected = sums[(rollup.shared.pk, year)]
            assert [figures.target or 0, figures.actual or 0] == expected, (year, figures, expected)
    first_page = Indicator.objects.order_by(
        "result__activity__title_es", "result__activity_id", "pk"
    )
    _years, rows = iptt_rows(
        Indicator.objects.filter(pk__in=list(first_page.values_list("pk", flat=True)[:50]))
    )
    page_sql = by_sql(PAGE_SQL, [])
    assert sum(r.total.target or 0 for r in rows) == sum(
        Decimal(str(t or 0)) for *_x, t, _a in page_sql
    )

    client = staff_client()
    iptt_url = "/staff/portfolio/indicator-tracking/"
    programme_url = f"/staff/portfolio/activities/{programme.pk}/"
    for url in (iptt_url, programme_url):
        assert client.get(url).status_code == 200
    timings = {
        "programme roll-up (Python)": median_ms(lambda: rollups(programme, readable), args.repeat),
        "programme roll-up (SQL)": median_ms(
            lambda: [by_sql(sql, [programme.pk]) for sql in ROLLUP_QUERIES], args.repeat
        ),
        "IPTT first page rows (Python)": median_ms(
            lambda: iptt_rows(
                Indicator.objects.filter(pk__in=list(first_page.values_list("pk", flat=True)[:50]))
            ),
            args.repeat,
        ),
        "IPTT first page rows (SQL)": median_ms(lambda: by_sql(PAGE_SQL, []), args.repeat),
        "IPTT page, whole request": median_ms(lambda: client.get(iptt_url), args.repeat),
        # Read once: an export of the programme's 5,000 indicators with every split.
        "IPTT export of the programme (XLSX)": median_ms(
            lambda: client.get(
                f"/staff/portfolio/indicator-tracking/export.xlsx?programme={programme.pk}"
            ),
            1,
        ),
        "programme page, whole request": median_ms(lambda: client.get(programme_url), args.repeat),
    }
    n_periods = IndicatorPeriod.objects.count()
    print(f"\n{Activity.objects.count():,} activities, {n_periods:,} indicator periods, "
          f"{programme.children.count():,} projects in the programme; medians of {args.repeat}:")  # fmt: skip
    for name, ms in timings.items():
        print(f"{name:40} {ms:9.1f} ms")
    rollup_ratio = timings["programme roll-up (Python)"] / timings["programme roll-up (SQL)"]
    page_ratio = timings["IPTT first page rows (Python)"] / timings["IPTT first page rows (SQL)"]
    print(
        f"\nroll-up / SQL: {rollup_ratio:.1f}x   IPTT page rows / SQL: {page_ratio:.1f}x   (target <= 2x)"
    )


if __name__ == "__main__":
    main()
