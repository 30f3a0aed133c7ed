"""`puente iati import|export|validate`: IATI files from the command line."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from puente.iati.models import ImportRun
from puente.iati.services import run_import


class Command(BaseCommand):
    help = "Import IATI activity files (file, folder or URL)."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser("import", help="import a file, a folder or a URL")
        importing.add_argument("source", help="an IATI activity file, a folder of them, or a URL")
        importing.add_argument("--country", help="keep only activities in this country (e.g. CO)")
        importing.add_argument(
            "--department", help="keep only activities located in this department (e.g. 54)"
        )

    def handle(self, *args, **options) -> None:
        if options["action"] == "import":
            self.import_(options)

    def import_(self, options: dict) -> None:
        scope, country, department = ImportRun.Scope.ALL, "CO", "54"
        if options.get("department"):
            scope, department = ImportRun.Scope.DEPARTMENT, options["department"]
        elif options.get("country"):
            scope, country = ImportRun.Scope.COUNTRY, options["country"].upper()
        run = ImportRun.objects.create(
            source=options["source"], scope=scope, country=country, department=department
        )
        run = run_import(run, progress=self._progress)
        sys.stderr.write("\n")
        self.stdout.write(
            f"{run.source}: {run.get_status_display()} in {run.duration_seconds or 0:.1f} s — "
            f"{run.read} read, {run.created} created, {run.updated} updated, "
            f"{run.unchanged} unchanged, {run.filtered_out} outside the scope, "
            f"{run.skipped} skipped, {len(run.unmatched_places)} places not matched"
        )
        for problem in run.problems[:50]:
            self.stdout.write(
                f"  line {problem['line']}, {problem['identifier'] or '?'}: {problem['message']}"
            )
        if len(run.problems) > 50:
            self.stdout.write(f"  … and {len(run.problems) - 50} more (see the staff page)")
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(run.message)

    @staticmethod
    def _progress(run: ImportRun) -> None:
        width = 30
        filled = int(width * run.percent / 100)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {run.percent:3d}%  {run.read} activities"
        )
        sys.stderr.flush()
