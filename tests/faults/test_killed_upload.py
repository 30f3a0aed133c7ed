"""A 5W upload killed after writing its new rows but before committing them leaves the report
exactly as it was; sending the file again replaces the rows once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, child_env, query

pytestmark = pytest.mark.faults

ROWS = "SELECT activity_name FROM coordination_reportrow ORDER BY activity_name"


def upload_child(database_url: str, *args: str) -> subprocess.Popen:  # type: ignore[type-arg]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.upload_child", *args],
        env=child_env(database_url), cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finished(child: subprocess.Popen) -> None:  # type: ignore[type-arg]
    _out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err


def test_a_killed_upload_changes_nothing_and_a_second_one_replaces_once(
    scratch_database: str, tmp_path: Path
) -> None:
    finished(upload_child(scratch_database, "setup"))
    finished(upload_child(scratch_database, "upload", "marzo", "3"))
    before = query(scratch_database, ROWS)
    assert before == [("marzo 0",), ("marzo 1",), ("marzo 2",)]

    written = tmp_path / "written"
    child = upload_child(scratch_database, "upload", "abril", "40", "--pause", str(written))
    try:
        deadline = time.monotonic() + 120
        while not written.exists():
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the upload never reached its write"
            time.sleep(0.05)
        assert written.read_text() == "40"  # the new rows were in, uncommitted, when it died
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert query(scratch_database, ROWS) == before
    assert query(scratch_database, "SELECT source_file FROM coordination_report") == [
        ("marzo.xlsx",)
    ]

    finished(upload_child(scratch_database, "upload", "abril", "40"))
    after = query(scratch_database, ROWS)
    assert len(after) == 40 and len(set(after)) == 40
    assert all(name.startswith("abril ") for (name,) in after)
    assert query(scratch_database, "SELECT source_file FROM coordination_report") == [
        ("abril.xlsx",)
    ]
