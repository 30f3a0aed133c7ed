"""Benchmark: the staff activity list and dashboard over 100,000 activities, as ratios to a
trivial view timed in the same run.

    scripts/uvrun python bench/portfolio.py [--activities 100000] [--repeat 15]

Uses an SQLite file under bench/.data/ (kept for the next run) unless DATABASE_URL is set
(then that database is migrated and filled: point it at a scratch database). Requests go
through Django's test client in this process, so the figures measure Puente's work (queries,
templates), not a network.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchdata import fill, staff_client, use_bench_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    use_bench_database(args.activities)
    import django

    django.setup()
    from puente.portfolio.models import Activity

    fill(args.activities)
    from django.test import Client

    client = staff_client()
    anonymous = Client()

    pages = {
        "trivial view (/healthz)": "/healthz",
        "staff list, first page": "/staff/portfolio/activities/",
        "staff list, page 200, sorted by title": "/staff/portfolio/activities/?sort=title&page=200",
        "staff list, last page, sorted by start": "/staff/portfolio/activities/?sort=start&page=99999",
        "staff list, search + municipality": (
            "/staff/portfolio/activities/?q=agua&municipality=54810"
        ),
        "dashboard": "/staff/portfolio/",
        "API /api/activities (50 items)": "/api/activities?limit=50",
    }
    # The anonymous trivial view is the floor: every staff page also pays the signed-in
    # middleware (session, roles, second factor), which a ratio to the signed-in trivial view hides.
    anonymous_trivial = "trivial view, anonymous"
    timings: dict[str, list[float]] = {anonymous_trivial: [], **{name: [] for name in pages}}
    for url in pages.values():  # warm caches, check every page answers
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    # Interleave the pages so that machine noise hits them all alike.
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        anonymous.get("/healthz")
        timings[anonymous_trivial].append(time.perf_counter() - t0)
        for name, url in pages.items():
            t0 = time.perf_counter()
            client.get(url)
            timings[name].append(time.perf_counter() - t0)

    floor = statistics.median(timings[anonymous_trivial])
    base = statistics.median(timings["trivial view (/healthz)"])
    print(f"\n{Activity.objects.count():,} activities, {args.repeat} rounds, medians:")
    print(f"{'page':45} {'median ms':>10} {'x trivial':>10} {'x anonymous':>12}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:45} {median * 1000:10.1f} {median / base:10.1f} {median / floor:12.1f}")


if __name__ == "__main__":
    main()
