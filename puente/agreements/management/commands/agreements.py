"""`puente agreements remind`: emails officials about agreement ends and obligations (daily)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from puente.agreements.tasks import send_agreement_reminders


class Command(BaseCommand):
    help = "Agreement chores. remind: email about ends and obligations 30, 15 and 5 days away."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_agreement_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"Reminders sent: {result.return_value}")
        else:
            self.stdout.write(f"Reminders queued as task {result.id}")
