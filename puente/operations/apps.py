"""App configuration for operations: error pages, backups and restores."""

from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from puente.lib.private_files import make_private


class OperationsConfig(AppConfig):
    name = "puente.operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        connection_created.connect(_private_sqlite_files)


def _private_sqlite_files(sender: Any, connection: Any, **_kwargs: Any) -> None:
    """The embedded database and its journal are readable by Puente's user alone."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    database = Path(connection.settings_dict["NAME"])
    make_private(database, Path(f"{database}-wal"), Path(f"{database}-shm"))
