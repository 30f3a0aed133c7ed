"""`puente restore FILE [--yes]`: replace the database and the uploaded files with a backup's."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from puente.operations.backup import BackupRefused, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `puente backup` (stop the app servers and workers first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, **options) -> None:
        archive: Path = options["archive"]
        try:
            manifest = read_manifest(archive)
        except BackupRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{archive}: made {manifest.created_at}, {manifest.engine}, "
            f"{len(manifest.tables)} tables, {manifest.rows:,} rows, "
            f"{len(manifest.media)} uploaded files."
        )
        if not options["yes"]:
            answer = input("This replaces the current database and uploaded files. Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest, differ = restore_backup(archive)
        except BackupRefused as error:
            raise CommandError(str(error)) from error
        if differ:
            raise CommandError(f"Restored, but these tables differ from the backup: {differ}")
        self.stdout.write(
            f"Restored: {len(manifest.tables)} tables match the backup row for row, "
            f"{len(manifest.media)} uploaded files in place."
        )
        self._unapplied_migrations()

    def _unapplied_migrations(self) -> None:
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                "This backup predates some of this version's migrations: run `puente migrate`."
            )
