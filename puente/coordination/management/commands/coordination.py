"""`puente coordination remind`: the day's notices of the 5W reporting period (run it daily)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from puente.coordination.cycle import remind


class Command(BaseCommand):
    help = (
        "5W reporting chores. remind: tell partners a period has opened, and remind those who "
        "have not submitted before it closes (PUENTE_REPORT_REMINDER_DAYS, default 5 and 1)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat,
            help="act as if today were this day (YYYY-MM-DD)",
        )  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["date"] or timezone.localdate()
        self.stdout.write(f"Notices given: {remind(today)}")
