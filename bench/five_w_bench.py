"""Shared by the 5W write benchmarks: a partner, its reporter and this month's draft in the
benchmark database (bench/.data unless DATABASE_URL is set), and ways timed side by side."""

import datetime
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Partner:
    user: Any
    report: Any
    places: list[str]  # DIVIPOLA codes of the department
    population: Any


def bench_partner(data_name: str) -> Partner:
    if not os.environ.get("DATABASE_URL"):
        data = ROOT / "bench" / ".data" / data_name
        data.mkdir(parents=True, exist_ok=True)
        os.environ["PUENTE_VAR_DIR"] = str(data)
    os.environ.setdefault("PUENTE_TESTING", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "puente.settings"
    # The write API counts calls per token; a benchmark is not a client to slow down.
    os.environ.setdefault("PUENTE_API_TOKEN_RATE", "100000/m")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from puente.accounts.roles import Role
    from puente.coordination import services
    from puente.coordination.models import Report, ReportingPeriod
    from puente.directory.models import Organisation, ReporterAccount
    from puente.territory.models import Municipality, TargetPopulation
    from puente.territory.services import load_reference_data

    print(f"database: {settings.DATABASES['default']['ENGINE']}")
    call_command("migrate", verbosity=0)
    load_reference_data()
    organisation, _ = Organisation.objects.get_or_create(name="Bench partner")
    user, _ = User.objects.get_or_create(username="bench.reporter")
    user.groups.add(Group.objects.get_or_create(name=Role.REPORTER.value)[0])
    ReporterAccount.objects.get_or_create(user=user, defaults={"organisation": organisation})
    period = ReportingPeriod.month_of(datetime.date.today().replace(day=1))
    report = Report.objects.filter(organisation=organisation, period=period).first()
    report = report or services.open_report(organisation, period, user)
    places = list(Municipality.objects.filter(department__code="54").values_list("code", flat=True))
    return Partner(user, report, places, TargetPopulation.objects.first())


def side_by_side(sides: dict[str, Callable[[], None]], repeat: int, floor: str, rows: int) -> None:
    """Each side run `repeat` times, interleaved so that the machine's noise hits every side
    alike; medians printed as ratios to the `floor` side."""
    timings: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, side in sides.items():
            started = time.perf_counter()
            side()
            timings[name].append(time.perf_counter() - started)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    print(f"\n{rows:,} rows written {repeat} times each, medians:")
    for name, median in medians.items():
        ratio = median / medians[floor]
        print(f"{name:40} {median * 1000:9.0f} ms {ratio:7.1f} x {floor}")
