"""Files only Puente's own user may read: the database, backups, demo credentials.

They hold password hashes, second-factor secrets, sessions and PQRSD personal data, so they are
created 0600 (their folders 0700) whatever the process's umask says.
"""

import os
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def _narrow(path: Path, mode: int) -> None:
    # Only what this user owns: a folder or file an operator prepared under another owner is
    # their choice (and chmod would fail and stop Puente at start-up).
    if path.stat().st_uid == os.getuid():
        os.chmod(path, mode)


def private_folder(path: Path) -> Path:
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _narrow(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> IO[bytes]:
    """A new file open for writing, readable by this user alone from its first byte."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    return os.fdopen(descriptor, "wb")


def make_private(*paths: Path) -> None:
    """Narrows existing files to this user (the ones that exist; SQLite makes -wal/-shm later)."""
    for path in paths:
        if path.exists():
            _narrow(path, FILE_MODE)
