"""Backups: the database and the uploaded files in one archive, checked when made and restored.

An archive is a .tar.gz holding `manifest.json` (what it holds: the row count and a checksum
of every table, a checksum of every file), `manifest.sig` (an HMAC of the manifest with this
installation's key, so that an archive altered and given new checksums is refused), the
database (an SQLite copy taken with SQLite's online backup, or a plain `pg_dump`), and `media/`
with the uploaded files. A restore checks everything before it touches anything, replaces the
database in one transaction, swaps the files in only once the database is in, and checks the
tables against the manifest afterwards.
"""

import datetime
import gzip
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from puente.lib.private_files import private_file, private_folder

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.sql.gz"
MEDIA = "media"


class BackupRefused(Exception):
    """An archive that cannot be trusted or restored here; nothing was changed."""


@dataclass
class Manifest:
    engine: str
    created_at: str
    database_file: str
    database_sha256: str
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)
    format: int = FORMAT

    @property
    def rows(self) -> int:
        return sum(t["rows"] for t in self.tables.values())


def sign(manifest: bytes) -> str:
    """The manifest's signature: HMAC-SHA256 with PUENTE_BACKUP_KEY, or a key derived from
    SECRET_KEY (then only an installation with the same secret restores the archive)."""
    key = settings.PUENTE_BACKUP_KEY or settings.SECRET_KEY
    return salted_hmac(
        "puente.operations.backup", manifest, secret=key, algorithm="sha256"
    ).hexdigest()


def engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


# --- what a database holds ------------------------------------------------------------------


def table_digests() -> dict[str, dict[str, Any]]:
    """Rows and a SHA-256 of every table, rows in primary-key order: equal digests, equal data."""
    digests = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            keys = connection.introspection.get_primary_key_columns(cursor, table) or []
            order = ", ".join(connection.ops.quote_name(k) for k in keys) or "1"
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")  # noqa: S608 (names from the schema)
            digest, rows = hashlib.sha256(), 0
            while chunk := cursor.fetchmany(2000):
                for row in chunk:
                    digest.update(repr(row).encode())
                    rows += 1
            digests[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return digests


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _media_files(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


# --- PostgreSQL's own tools -----------------------------------------------------------------


def _postgres_command(program: str) -> tuple[list[str], dict[str, str]]:
    db: dict[str, Any] = dict(settings.DATABASES["default"])
    args = [program, "--dbname", str(db["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _dump_postgres(target: Path) -> None:
    args, env = _postgres_command("pg_dump")
    with gzip.open(target, "wb") as out:
        dump = subprocess.Popen(  # noqa: S603 (fixed program, settings-made arguments)
            [*args, "--format=plain", "--no-owner", "--no-privileges"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )  # fmt: skip
        assert dump.stdout is not None
        shutil.copyfileobj(dump.stdout, out)
        _out, err = dump.communicate()
    if dump.returncode != 0:
        raise BackupRefused(f"pg_dump failed: {err.decode(errors='replace').strip()}")


def _restore_postgres(dump: Path) -> None:
    args, env = _postgres_command("psql")
    connections.close_all()
    # One transaction: the old schema goes only if the whole dump goes in. A server still
    # holding locks makes the restore stop after 30 s instead of waiting forever.
    prologue = (
        b"SET lock_timeout = '30s';\n"
        b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n"
    )  # fmt: skip
    restore = subprocess.Popen(  # noqa: S603
        [*args, "--single-transaction", "--quiet", "--no-psqlrc",
         "--set", "ON_ERROR_STOP=1", "--file", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert restore.stdin is not None
    restore.stdin.write(prologue)
    with gzip.open(dump, "rb") as source:
        shutil.copyfileobj(source, restore.stdin)
    restore.stdin.close()
    err = restore.stderr.read() if restore.stderr else b""
    restore.wait()
    if restore.returncode != 0:
        raise BackupRefused(
            f"PostgreSQL refused the restore, nothing was changed: "
            f"{err.decode(errors='replace').strip()}"
        )


# --- SQLite ---------------------------------------------------------------------------------


def _copy_sqlite(target: Path) -> None:
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)  # consistent even while others write


def _restore_sqlite(source: Path) -> None:
    connection.ensure_connection()
    with sqlite3.connect(source) as backup:
        # SQLite's backup API replaces the live database's pages in one step.
        backup.backup(connection.connection)


# --- making and restoring archives ------------------------------------------------------------


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"puente-{stamp}.tar.gz"


def create_backup(output: Path) -> Manifest:
    if not output.parent.exists():
        private_folder(output.parent)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        database = Path(scratch) / (SQLITE_FILE if engine() == "sqlite" else POSTGRES_FILE)
        if engine() == "sqlite":
            _copy_sqlite(database)
        else:
            _dump_postgres(database)
        manifest = Manifest(
            engine=engine(),
            created_at=timezone.now().isoformat(),
            database_file=database.name,
            database_sha256=_sha256(database),
            tables=table_digests(),
            media=_media_files(media_root),
        )
        partial = output.with_name(f".{output.name}.{uuid.uuid4().hex}.partial")
        with private_file(partial) as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            data = json.dumps(asdict(manifest), indent=1, sort_keys=True).encode()
            for name, content in ((MANIFEST, data), (SIGNATURE, sign(data).encode())):
                info = tarfile.TarInfo(name)
                info.size, info.mtime = len(content), int(datetime.datetime.now().timestamp())
                archive.addfile(info, io.BytesIO(content))
            archive.add(database, arcname=database.name)
            for name in manifest.media:
                archive.add(media_root / name, arcname=f"{MEDIA}/{name}", recursive=False)
        partial.replace(output)  # a half-written archive never carries the final name
    return manifest


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    member = archive.extractfile(name)
    if member is None:
        raise KeyError(name)
    return member.read()


def read_manifest(archive_path: Path) -> Manifest:
    """The archive's manifest, once its signature proves this installation wrote it as it is."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            data = _member(archive, MANIFEST)
            try:
                signature = _member(archive, SIGNATURE).decode("ascii", "replace").strip()
            except KeyError:
                signature = ""
    except (OSError, EOFError, tarfile.TarError, KeyError) as error:
        raise BackupRefused(f"{archive_path}: not a Puente backup ({error})") from error
    if not signature:
        raise BackupRefused(f"{archive_path}: the archive is not signed; it cannot be trusted")
    if not constant_time_compare(signature, sign(data)):
        raise BackupRefused(
            f"{archive_path}: the signature does not match: the archive was altered after it was "
            "made, or made by an installation with another key (PUENTE_BACKUP_KEY or SECRET_KEY)"
        )
    try:
        raw = json.loads(data)
    except ValueError as error:
        raise BackupRefused(f"{archive_path}: not a Puente backup ({error})") from error
    if raw.get("format") != FORMAT:
        raise BackupRefused(f"{archive_path}: backup format {raw.get('format')!r} is unknown here")
    return Manifest(**raw)


def _unpack(archive_path: Path, manifest: Manifest, into: Path) -> None:
    """Extracts and checks every file against the manifest; raises before anything is used."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links out of the folder, devices.
            archive.extractall(into, filter="data")
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupRefused(f"{archive_path}: the archive is damaged ({error})") from error
    database = into / manifest.database_file
    if not database.is_file() or _sha256(database) != manifest.database_sha256:
        raise BackupRefused(f"{archive_path}: the database copy does not match its checksum")
    found = _media_files(into / MEDIA)
    if found != manifest.media:
        wrong = sorted(set(found.items()) ^ set(manifest.media.items()))[:3]
        raise BackupRefused(f"{archive_path}: uploaded files do not match the manifest: {wrong}")


def restore_backup(archive_path: Path) -> tuple[Manifest, list[str]]:
    """Replaces the database and the uploaded files; returns the tables that differ afterwards."""
    manifest = read_manifest(archive_path)
    if manifest.engine != engine():
        raise BackupRefused(
            f"{archive_path}: a {manifest.engine} backup cannot be restored into {engine()}"
        )
    # The database is read from inside the archive only, under one of the names we write.
    if manifest.database_file not in (SQLITE_FILE, POSTGRES_FILE):
        raise BackupRefused(
            f"{archive_path}: the manifest names a database outside the archive "
            f"({manifest.database_file!r})"
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        _unpack(archive_path, manifest, unpacked)
        database = unpacked / manifest.database_file
        if manifest.engine == "sqlite":
            _restore_sqlite(database)
        else:
            _restore_postgres(database)
        # The database is in: now the files, swapped whole.
        (unpacked / MEDIA).mkdir(exist_ok=True)
        retired = media_root.with_name(f".{media_root.name}-replaced-{uuid.uuid4().hex[:8]}")
        if media_root.exists():
            media_root.rename(retired)
        (unpacked / MEDIA).rename(media_root)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(unpacked, ignore_errors=True)
    now = table_digests()
    differ = sorted(
        name
        for name in set(now) | set(manifest.tables)
        if now.get(name) != manifest.tables.get(name)
    )
    return manifest, differ
