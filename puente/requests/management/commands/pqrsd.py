"""`puente pqrsd remind`: emails officials about requests due soon or overdue (run it daily)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from puente.requests.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "PQRSD chores. remind: email officials about requests due within 3 working days."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_deadline_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"Reminders sent: {result.return_value}")
        else:
            self.stdout.write(f"Reminders queued as task {result.id}")
