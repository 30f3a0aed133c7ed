"""`puente digest`: emails each person what waits for them (daily, from cron)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from puente.accounts.digest import send_digests


class Command(BaseCommand):
    help = "Email each person (who has not opted out) the list of what waits for them."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Digests sent: {send_digests(timezone.localdate())}")
