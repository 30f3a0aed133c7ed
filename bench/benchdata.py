"""Shared by the benchmarks: a database with N demo activities, kept between runs."""

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def use_bench_database(activities: int) -> None:
    """Points Django at bench/.data/portfolio-N (SQLite) unless DATABASE_URL is set."""
    if not os.environ.get("DATABASE_URL"):
        # Kept between runs: seeding takes a minute, and migrations bring an old copy up to date.
        data = ROOT / "bench" / ".data" / f"portfolio-{activities}"
        data.mkdir(parents=True, exist_ok=True)
        os.environ["PUENTE_VAR_DIR"] = str(data)
    os.environ.setdefault("PUENTE_TESTING", "1")  # plain HTTP, test hosts allowed
    os.environ["DJANGO_SETTINGS_MODULE"] = "puente.settings"


def fill(activities: int) -> None:
    """Migrates and seeds up to `activities` demo activities (Django must be set up)."""
    from django.conf import settings
    from django.core.management import call_command

    from puente.directory.demo import create_demo_organisations
    from puente.portal.demo import create_demo_announcements, create_demo_content
    from puente.portfolio.demo import create_exchange_rates, generate_activities
    from puente.portfolio.models import Activity
    from puente.territory.services import load_reference_data

    db = settings.DATABASES["default"]
    print(f"database: {db['ENGINE']} {db['NAME']}")
    call_command("migrate", verbosity=0)
    load_reference_data()
    create_demo_content()
    create_demo_announcements()
    started = time.perf_counter()
    if Activity.objects.count() < activities:
        create_demo_organisations()
        create_exchange_rates()
        generate_activities(activities - Activity.objects.count())
        elapsed = time.perf_counter() - started
        print(f"seeded {Activity.objects.count():,} activities in {elapsed:.1f} s")


def staff_client():  # noqa: ANN201
    """A test client signed in as a member of the Secretariat staff (after django.setup())."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from puente.accounts.roles import Role

    group, _ = Group.objects.get_or_create(name=Role.STAFF.value)
    user, _ = get_user_model().objects.get_or_create(username="bench")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client
