"""Archives that must not be restored are refused before anything is touched."""

import io
import json
import tarfile
from dataclasses import asdict
from pathlib import Path

import pytest

from puente.operations.backup import BackupRefused, Manifest, engine, restore_backup

pytestmark = pytest.mark.django_db


def archive(path: Path, manifest: Manifest, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as out:
        for name, data in {
            "manifest.json": json.dumps(asdict(manifest)).encode(),
            **members,
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return path


def test_an_archive_reaching_outside_its_folder_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    manifest = Manifest(engine=engine(), created_at="2026-12-01", database_file="database.sqlite3",
                        database_sha256="0" * 64)  # fmt: skip
    evil = archive(tmp_path / "evil.tar.gz", manifest, {"../../outside.txt": b"gotcha"})
    with pytest.raises(BackupRefused, match="damaged"):
        restore_backup(evil)
    assert not (tmp_path.parent / "outside.txt").exists()
    assert not any(p.name.startswith(".restore-") for p in tmp_path.iterdir())  # cleaned up


def test_a_backup_of_the_other_engine_is_refused(tmp_path):
    other = "postgresql" if engine() == "sqlite" else "sqlite"
    manifest = Manifest(
        engine=other, created_at="2026-12-01", database_file="x", database_sha256=""
    )
    with pytest.raises(BackupRefused, match=f"a {other} backup cannot be restored into {engine()}"):
        restore_backup(archive(tmp_path / "other.tar.gz", manifest, {}))


def test_an_unknown_format_is_refused(tmp_path):
    manifest = Manifest(
        engine=engine(), created_at="", database_file="x", database_sha256="", format=99
    )
    with pytest.raises(BackupRefused, match="format 99 is unknown"):
        restore_backup(archive(tmp_path / "future.tar.gz", manifest, {}))
