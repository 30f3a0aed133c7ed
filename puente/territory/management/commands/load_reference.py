"""`puente load_reference`: loads geography, codelists and target populations."""

from django.core.management.base import BaseCommand

from puente.territory.services import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh reference data (geography, IATI codelists, populations)."

    def handle(self, *args, **options) -> None:
        counts = load_reference_data()
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
