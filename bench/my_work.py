"""Benchmark: what "Waiting for you" adds to the staff home, timed side by side in one run.

    scripts/uvrun python bench/my_work.py [--requests 300] [--repeat 15]

The staff home (the portfolio dashboard) is rendered with every My-work source registered and
with none, interleaved; the bench user has open PQRSD requests, assigned and not.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchdata import staff_client, use_bench_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="about a third stay open")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    use_bench_database(0)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from puente.lib import work
    from puente.requests.demo import create_demo_requests
    from puente.requests.models import Request
    from puente.territory.services import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    client = staff_client()
    bench_user = get_user_model().objects.get(username="bench")
    # Demo requests are made once per database; most come answered, some still open.
    create_demo_requests(bench_user, count=args.requests * 3)
    # Half of the open requests are the bench user's, half wait for someone.
    open_ids = list(Request.objects.open().values_list("pk", flat=True))
    Request.objects.filter(pk__in=open_ids[::2]).update(assigned_to=bench_user)

    sources = dict(work._SOURCES)
    variants = {"staff home with My work": sources, "staff home without it": {}}
    timings: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.repeat):
        for name, registered in variants.items():  # interleaved: noise hits both alike
            work._SOURCES.clear()
            work._SOURCES.update(registered)
            t0 = time.perf_counter()
            assert client.get("/staff/portfolio/").status_code == 200
            timings[name].append(time.perf_counter() - t0)
    work._SOURCES.update(sources)
    base = statistics.median(timings["staff home without it"])
    print(f"\n{Request.objects.open().count()} open requests, {args.repeat} rounds, medians:")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:28} {median * 1000:8.1f} ms {median / base:6.2f}x")


if __name__ == "__main__":
    main()
