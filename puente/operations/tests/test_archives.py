"""Archives that must not be restored are refused before anything is touched."""

import io
import json
import tarfile
from dataclasses import asdict
from pathlib import Path

import pytest

from puente.operations.backup import BackupRefused, Manifest, engine, restore_backup, sign

pytestmark = pytest.mark.django_db


def archive(
    path: Path, manifest: Manifest, members: dict[str, bytes], signature: str | None = None
) -> Path:
    """An archive as a backup of this installation would be (signed), holding `members`."""
    listed = json.dumps(asdict(manifest)).encode()
    signed = {"manifest.sig": (sign(listed) if signature is None else signature).encode()}
    with tarfile.open(path, "w:gz") as out:
        for name, data in {"manifest.json": listed, **(signed if signature != "" else {}),
                           **members}.items():  # fmt: skip
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


def good_manifest(**changes: object) -> Manifest:
    values: dict = {"engine": engine(), "created_at": "2026-12-01",
                    "database_file": "database.sqlite3", "database_sha256": "0" * 64}  # fmt: skip
    return Manifest(**{**values, **changes})


def untouched(settings, tmp_path) -> bool:  # noqa: ANN001
    return not any(p.name.startswith(".restore-") for p in tmp_path.iterdir())


def test_an_unsigned_archive_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    with pytest.raises(BackupRefused, match="not signed"):
        restore_backup(archive(tmp_path / "a.tar.gz", good_manifest(), {}, signature=""))
    assert untouched(settings, tmp_path)


def test_an_archive_altered_after_signing_is_refused(tmp_path, settings):
    """A viewer made superuser in the copy, the checksums updated: the signature no longer fits."""
    settings.MEDIA_ROOT = tmp_path / "media"
    signed_for = json.dumps(asdict(good_manifest())).encode()
    altered = good_manifest(database_sha256="f" * 64)
    with pytest.raises(BackupRefused, match="signature does not match"):
        restore_backup(archive(tmp_path / "a.tar.gz", altered, {}, signature=sign(signed_for)))


def test_an_archive_signed_with_another_key_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    forged = archive(tmp_path / "a.tar.gz", good_manifest(), {})  # signed with today's key
    settings.PUENTE_BACKUP_KEY = "the key of another installation"
    with pytest.raises(BackupRefused, match="another key"):
        restore_backup(forged)


def test_the_database_is_read_only_from_inside_the_archive(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    outside = good_manifest(database_file="../../var/puente.sqlite3")
    with pytest.raises(BackupRefused, match="database outside the archive"):
        restore_backup(archive(tmp_path / "a.tar.gz", outside, {}))
