"""The database, backups and demo credentials are readable by Puente's own user alone."""

import os
import stat
from pathlib import Path

import pytest
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper

from puente.operations import backup
from puente.operations.backup import create_backup

pytestmark = pytest.mark.django_db


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_and_its_folder_are_private(tmp_path, settings, monkeypatch):
    # The database copy itself is the fault tests' (a real file database in another process);
    # here only the archive's own permissions are at stake.
    for copy in ("_copy_sqlite", "_dump_postgres"):
        monkeypatch.setattr(backup, copy, lambda target: target.write_bytes(b"copy"))
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "backups" / "puente.tar.gz"
    create_backup(archive)
    assert mode(archive) == 0o600
    assert mode(archive.parent) == 0o700


def test_an_embedded_database_is_private_from_its_first_connection(tmp_path):
    path = tmp_path / "puente.sqlite3"
    wrapper = DatabaseWrapper(
        {**connections["default"].settings_dict, "ENGINE": "django.db.backends.sqlite3",
         "NAME": str(path), "OPTIONS": {}},
        alias="private-check",
    )  # fmt: skip
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x integer)")
    finally:
        wrapper.close()
    assert mode(path) == 0o600


def test_the_demo_credentials_are_private(tmp_path, settings):
    from django.core.management import call_command

    settings.VAR_DIR = tmp_path / "var"
    call_command("seed_demo", activities=0, verbosity=0)
    assert mode(tmp_path / "var" / "demo-credentials.txt") == 0o600


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another owner needs root")
def test_a_folder_an_operator_gave_another_owner_is_left_as_it_is(tmp_path):
    """chmod there would fail, and Puente would not start."""
    from puente.lib.private_files import private_folder

    folder = tmp_path / "var"
    folder.mkdir(mode=0o755)
    os.chown(folder, 65534, 65534)
    private_folder(folder)
    assert mode(folder) == 0o755
