"""Benchmark: the gap table and the dashboard aggregates over 1,000,000 5W rows on PostgreSQL,
each as a ratio to hand-written SQL that computes the same figures, timed side by side.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/puente_bench_coordination \\
        scripts/uvrun python bench/coordination.py [--rows 1000000] [--repeat 7]

With --api-write 5000: the write API's bulk write instead, on SQLite or DATABASE_URL
(bench/api_write.py). With --sync 500: a device sending 500 rows queued offline
(bench/queue_sync.py).

The database is created when missing and kept for the next run (filling 1M rows takes a minute).
Both sides return rows that are compared before anything is timed: a ratio between two different
answers would mean nothing.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/puente_bench_coordination"

HAND_GAP = """
WITH approved AS (
  SELECT r.municipality_id, sc.service_id, rep.organisation_id, r.activity_name, r.reached
  FROM coordination_reportrow r
  JOIN coordination_report rep ON rep.id = r.report_id
  JOIN coordination_reportingperiod p ON p.id = rep.period_id
  JOIN coordination_servicecategory sc ON sc.category_id = r.category_id
  WHERE rep.status = 'approved' AND p."end" >= %(start)s AND p.start <= %(end)s
), cover AS (
  SELECT municipality_id, service_id,
         COUNT(DISTINCT (organisation_id, activity_name)) AS activities,
         COUNT(DISTINCT organisation_id) AS partners, SUM(reached) AS reached
  FROM approved GROUP BY 1, 2
), needs AS (
  SELECT municipality_id, service_id, COUNT(*) AS n, SUM(people_affected) AS affected,
         SUM(people_excluded) AS excluded, MAX(severity) AS worst
  FROM coordination_need WHERE is_open GROUP BY 1, 2
), running AS (
  SELECT DISTINCT a.id, l.municipality_id, s.sector_id, sec.category_id
  FROM portfolio_activity a
  JOIN portfolio_location l ON l.activity_id = a.id
  JOIN portfolio_activitysector s ON s.activity_id = a.id
  JOIN territory_sector sec ON sec.code = s.sector_id
  WHERE COALESCE(a.actual_start, a.planned_start) <= %(end)s
    AND (COALESCE(a.actual_end, a.planned_end) IS NULL
         OR COALESCE(a.actual_end, a.planned_end) >= %(start)s)
    AND l.municipality_id IS NOT NULL
), portfolio AS (
  SELECT municipality_id, service_id, SUM(n) AS n FROM (
    SELECT r.municipality_id, sc.service_id, COUNT(DISTINCT r.id) AS n
    FROM running r JOIN coordination_servicecategory sc ON sc.category_id = r.category_id GROUP BY 1, 2
    UNION ALL
    SELECT r.municipality_id, sc.service_id, COUNT(DISTINCT r.id)
    FROM running r JOIN coordination_servicecategory sc ON sc.category_id = r.sector_id GROUP BY 1, 2
  ) paths GROUP BY 1, 2
), cells AS (
  SELECT municipality_id, service_id FROM needs UNION SELECT municipality_id, service_id FROM cover
  UNION SELECT municipality_id, service_id FROM portfolio
)
SELECT c.municipality_id, c.service_id, COALESCE(n.n, 0), COALESCE(n.affected, 0),
       COALESCE(n.excluded, 0), COALESCE(n.worst, 0), COALESCE(v.activities, 0),
       COALESCE(v.partners, 0), COALESCE(v.reached, 0), COALESCE(p.n, 0)
FROM cells c
JOIN territory_municipality m ON m.id = c.municipality_id
JOIN territory_department d ON d.id = m.department_id AND d.code = '54'
LEFT JOIN needs n ON n.municipality_id = c.municipality_id AND n.service_id = c.service_id
LEFT JOIN cover v ON v.municipality_id = c.municipality_id AND v.service_id = c.service_id
LEFT JOIN portfolio p ON p.municipality_id = c.municipality_id AND p.service_id = c.service_id
"""

HAND_DASHBOARD = """
SELECT GROUPING(r.category_id, r.municipality_id, r.population_id, r.nationality, p.start) AS g,
       r.category_id, r.municipality_id, r.population_id, r.nationality, p.start,
       SUM(r.reached), COUNT(DISTINCT rep.organisation_id),
       COUNT(DISTINCT (rep.organisation_id, r.activity_name)),
       SUM(r.female), SUM(r.male), SUM(r.other_sex), SUM(r.age_0_17), SUM(r.age_18_59),
       SUM(r.age_60_plus)
FROM coordination_reportrow r
JOIN coordination_report rep ON rep.id = r.report_id
JOIN coordination_reportingperiod p ON p.id = rep.period_id
WHERE rep.status = 'approved' AND p."end" >= %(start)s AND p.start <= %(end)s
GROUP BY GROUPING SETS ((r.category_id), (r.municipality_id), (r.population_id), (r.nationality),
                        (p.start), ())
"""


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def fill(rows: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from puente.coordination.defaults import ensure_default_services
    from puente.coordination.models import Need, ReportRow, Service
    from puente.directory.demo import create_demo_organisations
    from puente.portfolio.demo import generate_activities
    from puente.portfolio.models import Activity
    from puente.territory.services import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    ensure_default_services()
    for service in Service.objects.all():
        service.save()  # links the categories
    create_demo_organisations()
    if Activity.objects.count() < 5_000:
        generate_activities(5_000)
    have = ReportRow.objects.count()
    if have >= rows:
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # 60 partners x 24 months of approved reports, rows spread over them at random
        # (seeded), in plain SQL: the ORM would take many minutes for a million rows.
        cursor.execute("SELECT setseed(0.54)")
        cursor.execute("""
            INSERT INTO coordination_reportingperiod (start, "end")
            SELECT d::date, (d + interval '1 month' - interval '1 day')::date
            FROM generate_series(date_trunc('month', now()) - interval '23 months',
                                 date_trunc('month', now()), interval '1 month') d
            ON CONFLICT (start) DO NOTHING""")
        cursor.execute("""
            INSERT INTO coordination_report (organisation_id, period_id, version, status,
                review_comment, source_file, source_sha256, created_at, updated_at)
            SELECT o.id, p.id, 1, 'approved', '', '', '', now(), now()
            FROM (SELECT id FROM directory_organisation ORDER BY id LIMIT 60) o
            CROSS JOIN coordination_reportingperiod p
            ON CONFLICT DO NOTHING""")
        cursor.execute(
            """
            INSERT INTO coordination_reportrow (report_id, line, activity_name, sector_id, category_id,
                municipality_id, locality, population_id, nationality, targeted, female, male,
                other_sex, age_0_17, age_18_59, age_60_plus, reached, currency_id)
            WITH reports AS (SELECT array_agg(id) a FROM coordination_report),
                 places AS (SELECT array_agg(m.id) a FROM territory_municipality m
                            JOIN territory_department d ON d.id = m.department_id WHERE d.code = '54'),
                 sectors AS (SELECT array_agg(code) a FROM territory_sector
                             WHERE length(code) = 5 AND NOT withdrawn
                             AND substr(code, 1, 3) IN (SELECT category_id FROM coordination_servicecategory)),
                 populations AS (SELECT array_agg(code) a FROM territory_targetpopulation)
            SELECT reports.a[1 + (random() * (cardinality(reports.a) - 1))::int], g,
                   'Actividad ' || (1 + (random() * 400)::int),
                   s.code, substr(s.code, 1, 3),
                   places.a[1 + (random() * (cardinality(places.a) - 1))::int], '',
                   populations.a[1 + (random() * (cardinality(populations.a) - 1))::int],
                   (ARRAY['colombian', 'venezuelan', 'returnee'])[1 + (random() * 2)::int],
                   100, f, m, 0, f, m, 0, f + m, 'COP'
            FROM generate_series(1, %s) g, reports, places, sectors, populations,
                 LATERAL (SELECT sectors.a[1 + (random() * (cardinality(sectors.a) - 1))::int] AS code,
                                 (random() * 40)::int AS f, (random() * 40)::int AS m
                          WHERE g > 0) s""",
            [rows - have],
        )
        cursor.execute("ANALYZE")
    if not Need.objects.exists():
        from puente.territory.models import Municipality, TargetPopulation

        population = TargetPopulation.objects.first()
        today = datetime.date.today()
        Need.objects.bulk_create(
            Need(
                municipality=m,
                service=s,
                population=population,
                people_affected=500 + 37 * i,
                severity=1 + i % 4,
                source="bench",
                evidence_date=today,
            )
            for i, (m, s) in enumerate(
                (m, s)
                for m in Municipality.objects.of_department("54")
                for s in Service.objects.all()
            )
            if i % 3
        )
    print(f"filled {rows - have:,} rows in {time.perf_counter() - started:.0f} s")


def timed(function, repeat: int) -> list[float]:  # noqa: ANN001
    values = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        function()
        values.append(time.perf_counter() - t0)
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--api-write", type=int, metavar="ROWS",
                        help="time instead the write API on ROWS rows (bench/api_write.py)")  # fmt: skip
    parser.add_argument("--sync", type=int, metavar="ROWS",
                        help="time instead the sending of ROWS queued rows (bench/queue_sync.py)")  # fmt: skip
    args = parser.parse_args()
    if args.sync:
        from bench.queue_sync import run as run_sync

        run_sync(args.sync, min(args.repeat, 5))
        return
    if args.api_write:
        from bench.api_write import run

        run(args.api_write, min(args.repeat, 5))
        return
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("This benchmark runs on PostgreSQL: set DATABASE_URL to a scratch database.")
    ensure_database(os.environ["DATABASE_URL"])
    os.environ.setdefault("PUENTE_TESTING", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "puente.settings"
    import django

    django.setup()
    from django.db import connection

    from puente.coordination.analysis import dashboard_figures, gap_table
    from puente.coordination.models import ReportRow
    from puente.coordination.selectors import approved_rows

    fill(args.rows)
    end = datetime.date.today()
    start = (end.replace(day=1) - datetime.timedelta(days=365)).replace(day=1)
    params = {"start": start, "end": end}

    def orm_gap() -> list[tuple]:  # type: ignore[type-arg]
        return sorted(
            (
                c.municipality.pk,
                c.service.pk,
                c.needs,
                c.people_affected,
                c.people_excluded,
                c.severity,
                c.reported_activities,
                c.partners,
                c.reached,
                c.portfolio_activities,
            )
            for c in gap_table(start, end, approved_rows(start, end))
        )

    def hand(sql: str) -> list[tuple]:  # type: ignore[type-arg]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return sorted(
                tuple(
                    int(v) if hasattr(v, "as_integer_ratio") and not isinstance(v, bool) else v
                    for v in row
                )
                for row in cursor.fetchall()
            )

    def orm_dashboard():  # noqa: ANN202
        return dashboard_figures(approved_rows(start, end))

    figures = orm_dashboard()
    by_set = {}
    for row in hand(HAND_DASHBOARD):
        by_set.setdefault(row[0], []).append(row)
    total = by_set[31][0]
    assert (figures.reached, figures.partners, figures.activities) == (
        total[6],
        total[7],
        total[8],
    ), "dashboard totals differ"
    assert sorted((m, n) for m, _name, n in figures.by_municipality) == sorted(
        (r[2], r[6]) for r in by_set[23]
    )
    assert orm_gap() == hand(HAND_GAP), "gap tables differ"

    rounds = {
        "gap table (ORM + Python)": orm_gap,
        "gap table (hand SQL)": lambda: hand(HAND_GAP),
        "dashboard (ORM, 6 queries)": orm_dashboard,
        "dashboard (hand SQL, 1 query)": lambda: hand(HAND_DASHBOARD),
    }
    timings: dict[str, list[float]] = {name: [] for name in rounds}
    for _ in range(args.repeat):  # interleaved: the machine's noise hits every side alike
        for name, function in rounds.items():
            timings[name] += timed(function, 1)
    rows = approved_rows(start, end).count()
    print(
        f"\n{ReportRow.objects.count():,} 5W rows, {rows:,} in the 12 months timed; {args.repeat} rounds, medians:"
    )
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, median in medians.items():
        print(f"{name:34} {median * 1000:9.0f} ms")
    print(
        f"gap table: ORM / hand SQL = {medians['gap table (ORM + Python)'] / medians['gap table (hand SQL)']:.2f}"
    )
    print(
        f"dashboard: ORM / hand SQL = {medians['dashboard (ORM, 6 queries)'] / medians['dashboard (hand SQL, 1 query)']:.2f}"
    )


if __name__ == "__main__":
    main()
