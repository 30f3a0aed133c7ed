"""Benchmark: the PQRSD inbox, report and tracking page over N requests, as ratios to a trivial
view timed in the same run.

    scripts/uvrun python bench/pqrsd.py [--requests 50000] [--repeat 15]

Uses an SQLite file under bench/.data/pqrsd-N/ (kept for the next run) unless DATABASE_URL is
set (then that database is migrated and filled: point it at a scratch database). Requests go
through Django's test client in this process.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchdata import staff_client  # noqa: E402


def seed(count: int) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from puente.lib.workdays import BOGOTA
    from puente.requests import deadlines
    from puente.requests.models import Channel, Kind, Request, Status, Subject, hash_code
    from puente.territory.services import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    have = Request.objects.count()
    if have >= count:
        return
    rng = random.Random(54)
    today = timezone.localdate()
    kinds, subjects = list(Kind), list(Subject)
    started = time.perf_counter()
    batch = []
    for n in range(have, count):
        kind = rng.choice(kinds)
        filed = datetime.combine(
            today - timedelta(days=rng.randint(0, 720)), clock(rng.randint(6, 21), 0), BOGOTA
        )
        received = deadlines.received_on(filed)
        due = deadlines.due_on(received, kind)
        answered = filed + timedelta(days=rng.randint(1, 30)) if rng.random() < 0.8 else None
        batch.append(Request(
            filing_number=f"PQRSD-B-{n:07d}", tracking_code_hash=hash_code(f"CODE-{n}"), kind=kind,
            subject=rng.choice(subjects), title=f"Solicitud de prueba {n} sobre el paso fronterizo",
            description="Texto de prueba para el banco de medidas.", channel=Channel.EMAIL,
            name="Persona de prueba", email=f"p{n}@example.org", consent=True, filed_at=filed,
            received_on=received, due_on=due, original_due_on=due,
            status=Status.ANSWERED if answered else Status.RECEIVED, answered_at=answered,
            answer="Respuesta." if answered else "",
        ))  # fmt: skip
        if len(batch) == 5000:
            Request.objects.bulk_create(batch)
            batch = []
    Request.objects.bulk_create(batch)
    print(f"seeded {count - have:,} requests in {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        data = ROOT / "bench" / ".data" / f"pqrsd-{args.requests}"
        data.mkdir(parents=True, exist_ok=True)
        os.environ["PUENTE_VAR_DIR"] = str(data)
    os.environ.setdefault("PUENTE_TESTING", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "puente.settings"
    import django

    django.setup()
    from django.test import Client
    from django.utils import timezone

    from puente.requests.models import Request

    seed(args.requests)
    staff = staff_client()
    public = Client()
    year = timezone.localdate().year
    last = Request.objects.order_by("-pk").first()
    number, code = (
        last.filing_number,
        f"CODE-{last.filing_number.rsplit('-', 1)[1].lstrip('0') or '0'}",
    )

    pages = {
        "trivial view (/healthz)": lambda: staff.get("/healthz"),
        "inbox, open requests, first page": lambda: staff.get("/staff/pqrsd/"),
        "inbox, overdue only": lambda: staff.get("/staff/pqrsd/?light=overdue"),
        "inbox, all, search 'fronterizo 4999'": lambda: staff.get(
            "/staff/pqrsd/?status=all&q=4999"
        ),
        "inbox, all, page 100, newest first": lambda: staff.get(
            "/staff/pqrsd/?status=all&sort=-filed&page=100"
        ),
        f"report, whole year {year}": lambda: staff.get(f"/staff/pqrsd/reports/?year={year}"),
        "public tracking look-up (right code)": lambda: public.post(
            "/es/pqrsd/consultar/", {"filing_number": number, "code": code}
        ),
    }
    for name, call in pages.items():
        response = call()
        assert response.status_code == 200, (name, response.status_code)
    timings: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(args.repeat):  # interleaved, so noise hits every page alike
        for name, call in pages.items():
            public.cookies.clear()  # the tracking limit counts attempts per address
            from django.core.cache import cache

            cache.clear()
            t0 = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - t0)
    base = statistics.median(timings["trivial view (/healthz)"])
    print(
        f"\n{Request.objects.count():,} requests ({Request.objects.open().count():,} open), {args.repeat} rounds, medians:"
    )
    print(f"{'page':45} {'median ms':>10} {'x trivial':>10}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:45} {median * 1000:10.1f} {median / base:10.1f}")


if __name__ == "__main__":
    main()
