"""`puente backup [--output FILE]`: the database and the uploaded files in one checked archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from puente.operations.backup import BackupRefused, create_backup, default_output


class Command(BaseCommand):
    help = "Write a backup of the database and the uploaded files (a .tar.gz with a manifest)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, help="the archive to write (default: var/backups/puente-…)"
        )

    def handle(self, *args, **options) -> None:
        output = options["output"] or default_output()
        try:
            manifest = create_backup(output)
        except BackupRefused as error:
            raise CommandError(str(error)) from error
        size = output.stat().st_size / 2**20
        self.stdout.write(
            f"{output}: {manifest.engine} database, {len(manifest.tables)} tables, "
            f"{manifest.rows:,} rows, {len(manifest.media)} uploaded files, {size:.1f} MB"
        )
