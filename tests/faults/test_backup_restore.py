"""`puente backup` and `puente restore` round-trip a database and its uploaded files: after a
restore every table has the same rows (counted and checksummed here, independently of Puente's
own check) and every file the same bytes. A damaged or foreign archive changes nothing."""

import hashlib
import io
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import puente, query

pytestmark = pytest.mark.faults


def tables(database_url: str) -> list[str]:
    if database_url.startswith("sqlite"):
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    return sorted(name for (name,) in query(database_url, sql))


def digests(database_url: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of its rows in a fixed order."""
    found = {}
    for table in tables(database_url):
        rows = sorted(repr(r) for r in query(database_url, f'SELECT * FROM "{table}"'))
        found[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return found


def files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


@dataclass
class BackedUp:
    """A demo database and its uploads, with a fresh backup of both."""

    database: str
    media: Path
    env: dict[str, str]
    archive: Path
    said: str  # what `puente backup` printed


@pytest.fixture
def backed_up(scratch_database: str, tmp_path: Path) -> BackedUp:
    media = tmp_path / "media"
    env = {"MEDIA_ROOT": str(media), "PUENTE_VAR_DIR": str(tmp_path / "var")}
    puente(scratch_database, "seed_demo", **env)
    archive = tmp_path / "backup.tar.gz"
    made = puente(scratch_database, "backup", "--output", str(archive), **env)
    return BackedUp(scratch_database, media, env, archive, made.stdout)


def test_backup_then_restore_brings_back_every_row_and_file(backed_up: BackedUp) -> None:
    scratch_database, media, env = backed_up.database, backed_up.media, backed_up.env
    before, before_files = digests(scratch_database), files(media)
    assert before["portfolio_activity"][0] > 0 and len(before_files) > 5  # something to lose
    assert f"{len(before)} tables" in backed_up.said

    # A bad day: rows deleted and changed, a photo lost, a stray file.
    query(scratch_database, "DELETE FROM portfolio_budget")
    query(scratch_database, "UPDATE portfolio_activity SET title_es = 'cambiado'")
    lost = next(media.rglob("*.jpg"))
    lost.unlink()
    (media / "stray.txt").write_text("not in the backup")
    assert digests(scratch_database) != before

    restored = puente(scratch_database, "restore", str(backed_up.archive), "--yes", **env)
    assert f"Restored: {len(before)} tables match the backup" in restored.stdout
    assert digests(scratch_database) == before
    assert files(media) == before_files


def test_a_damaged_archive_is_refused_and_changes_nothing(
    backed_up: BackedUp, tmp_path: Path
) -> None:
    scratch_database, media, env = backed_up.database, backed_up.media, backed_up.env
    archive = backed_up.archive
    query(scratch_database, "DELETE FROM portfolio_budget")  # today's state, to be kept
    today, today_files = digests(scratch_database), files(media)

    # The same archive with one uploaded file altered inside it.
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member)
            if member.name.startswith("media/") and member.name.endswith(".jpg"):
                content = data.read() + b"!"
                member.size = len(content)
                data = io.BytesIO(content)
            target.addfile(member, data)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    for bad, says in ((tampered, "do not match the manifest"),
                      (truncated, "damaged"),
                      (tmp_path / "missing.tar.gz", "not a Puente backup")):  # fmt: skip
        with pytest.raises(Exception) as refused:
            puente(scratch_database, "restore", str(bad), "--yes", **env)
        assert says in refused.value.stderr  # type: ignore[attr-defined]
        assert digests(scratch_database) == today
        assert files(media) == today_files
