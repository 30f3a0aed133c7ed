"""`puente iati import|pull|export|validate`: IATI files from the command line."""

import sys
from itertools import chain
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from puente.iati.datastore import DatastoreError, Query, last_pulled
from puente.iati.exporter import (
    export_activities,
    export_records,
    imported_public_activities,
    own_public_activities,
)
from puente.iati.models import ImportRun
from puente.iati.services import run_import
from puente.iati.validator import errors, files_under, validate
from puente.iati.writer import write_activities


class Command(BaseCommand):
    help = "Import IATI files, export the department's activities, validate files."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser("import", help="import a file, a folder or a URL")
        importing.add_argument("source", help="an IATI activity file, a folder of them, or a URL")
        importing.add_argument("--country", help="keep only activities in this country (e.g. CO)")
        importing.add_argument(
            "--department", help="keep only activities located in this department (e.g. 54)"
        )
        importing.add_argument(
            "--publish",
            action="store_true",
            help="publish new activities on the portal at once (else they wait for review)",
        )
        pulling = commands.add_parser(
            "pull",
            help="import a country's or a publisher's activities from the IATI Datastore "
            "(only what changed since the last pull of the same; daily from cron)",
        )
        pulling.add_argument("--country", help="activities in this recipient country (e.g. CO)")
        pulling.add_argument("--publisher", help="activities of this publisher (e.g. XM-DAC-41122)")
        pulling.add_argument(
            "--publish",
            action="store_true",
            help="publish new activities on the portal at once (else they wait for review)",
        )
        pulling.add_argument(
            "--full", action="store_true", help="ask for every activity, not only what changed"
        )
        exporting = commands.add_parser("export", help="write the department's public activities")
        exporting.add_argument("--output", required=True, help="the file to write")
        exporting.add_argument(
            "--include-imported",
            action="store_true",
            help="add the published activities imported from other publishers, as they "
            "published them (their own reporting organisation)",
        )
        validating = commands.add_parser(
            "validate", help="check files (folders: every .xml inside) as the IATI Validator does"
        )
        validating.add_argument("paths", nargs="+", help="files or folders")

    def handle(self, *args, **options) -> None:
        if options["action"] == "import":
            self.import_(options)
        elif options["action"] == "pull":
            self.pull(options)
        elif options["action"] == "export":
            self.export(options["output"], options["include_imported"])
        else:
            self.validate(options["paths"])

    def export(self, output: str, include_imported: bool) -> None:
        own = own_public_activities()
        imported = imported_public_activities() if include_imported else None
        if not own.exists() and not (imported is not None and imported.exists()):
            raise CommandError("No public activity of the department to export (IATI needs one).")
        activities = export_activities(own)
        if imported is not None:
            activities = chain(activities, export_records(imported))
        with open(output, "wb") as out:
            count = write_activities(activities, out, timezone.now())
        self.stdout.write(f"{output}: {count} activities written")

    def validate(self, paths: list[str]) -> None:
        files: list[Path] = []
        for name in paths:
            path = Path(name)
            if not path.exists():
                raise CommandError(f"{name}: no such file or folder")
            files.extend(files_under(path))
        failed = False
        for path in files:
            problems = validate(path)
            found = errors(problems)
            warnings = len(problems) - len(found)
            failed = failed or bool(found)
            said = f"{len(found)} {'error' if len(found) == 1 else 'errors'}" if found else "valid"
            if warnings:
                said += f", {warnings} {'warning' if warnings == 1 else 'warnings'}"
            self.stdout.write(f"{path}: {said}")
            for problem in problems:
                self.stdout.write(f"  {problem}")
        if failed:
            sys.exit(1)

    def import_(self, options: dict) -> None:
        scope, country, department = ImportRun.Scope.ALL, "CO", "54"
        if options.get("department"):
            scope, department = ImportRun.Scope.DEPARTMENT, options["department"]
        elif options.get("country"):
            scope, country = ImportRun.Scope.COUNTRY, options["country"].upper()
        run = ImportRun.objects.create(
            source=options["source"],
            scope=scope,
            country=country,
            department=department,
            publish=options["publish"],
        )
        self.run_and_report(run)

    def pull(self, options: dict) -> None:
        country, publisher = (options.get("country") or "").upper(), options.get("publisher") or ""
        if not country and not publisher:
            raise CommandError("Say what to pull: --country CO, --publisher REF, or both.")
        query = Query(country, publisher)
        try:
            query.check()
        except DatastoreError as error:
            raise CommandError(str(error)) from error
        since = None if options["full"] else last_pulled(query)
        query = Query(country, publisher, since)
        self.stdout.write(
            f"{query.label}: "
            + (f"what changed since {since:%Y-%m-%d %H:%M} UTC" if since else "everything")
        )
        run = ImportRun.objects.create(
            source=query.source,
            label=query.label,
            scope=ImportRun.Scope.COUNTRY if country else ImportRun.Scope.ALL,
            country=country or "CO",
            publish=options["publish"],
        )
        self.run_and_report(run)

    def run_and_report(self, run: ImportRun) -> None:
        run = run_import(run, progress=self._progress)
        sys.stderr.write("\n")
        self.stdout.write(
            f"{run.source}: {run.get_status_display()} in {run.duration_seconds or 0:.1f} s — "
            f"{run.read} read, {run.created} created, {run.updated} updated, "
            f"{run.unchanged} unchanged, {run.filtered_out} outside the scope, "
            f"{run.skipped} skipped, {len(run.unmatched_places)} places not matched"
        )
        if run.created and not run.publish:
            self.stdout.write(
                f"  the {run.created} new activities wait for review before publication "
                "(staff pages: IATI, review), or import with --publish"
            )
        for problem in run.problems[:50]:
            self.stdout.write(
                f"  line {problem['line']}, {problem['identifier'] or '?'}: {problem['message']}"
            )
        if len(run.problems) > 50:
            self.stdout.write(f"  … and {len(run.problems) - 50} more (see the staff page)")
        if run.status != ImportRun.Status.DONE:
            raise CommandError(run.message)

    @staticmethod
    def _progress(run: ImportRun) -> None:
        width = 30
        filled = int(width * run.percent / 100)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {run.percent:3d}%  {run.read} activities"
        )
        sys.stderr.flush()
