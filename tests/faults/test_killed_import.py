"""An IATI import killed mid-way (SIGKILL, no chance to clean up) leaves every activity it
loaded whole; the run says it was interrupted; importing the same file again completes it with
nothing counted or written twice."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.iati import scale

from .conftest import ROOT, child_env, puente, query

pytestmark = pytest.mark.faults

SOURCE = ROOT / "puente" / "iati" / "tests" / "files" / "cucuta-2.03.xml"
COPIES = 1000
BATCH = 200  # puente.iati.services.BATCH: activities written per transaction

# What one imported activity holds, per original activity: the same for every copy of it.
PARTS = """
SELECT s.activity_id,
       (SELECT COUNT(*) FROM portfolio_participation p WHERE p.activity_id = s.activity_id),
       (SELECT COUNT(*) FROM portfolio_activitysector x WHERE x.activity_id = s.activity_id),
       (SELECT COUNT(*) FROM portfolio_location l WHERE l.activity_id = s.activity_id),
       (SELECT COUNT(*) FROM portfolio_budget b WHERE b.activity_id = s.activity_id),
       (SELECT COUNT(*) FROM portfolio_transaction t WHERE t.activity_id = s.activity_id),
       (SELECT COUNT(*) FROM portfolio_result r WHERE r.activity_id = s.activity_id),
       a.iati_identifier
FROM iati_activitysource s JOIN portfolio_activity a ON a.id = s.activity_id
"""


def scaled(target: Path) -> int:
    # The file's deliberately broken activity is left out: every copy here should land.
    return scale(
        SOURCE,
        target,
        COPIES,
        keep=lambda a: not a.findtext("iati-identifier").strip().endswith("-BAD"),
    )


def shapes(database_url: str) -> dict[str, set[tuple]]:  # type: ignore[type-arg]
    """For each original activity, the set of part counts its copies have (one if all whole)."""
    found: dict[str, set[tuple]] = {}  # type: ignore[type-arg]
    for _id, *counts, identifier in query(database_url, PARTS):
        found.setdefault(identifier.rsplit("-k", 1)[0], set()).add(tuple(counts))
    return found


def test_a_killed_import_keeps_whole_activities_and_a_second_run_completes_it(
    scratch_database: str, tmp_path: Path
) -> None:
    big = tmp_path / "big.xml"
    total = scaled(big)
    child = subprocess.Popen(
        [sys.executable, "-m", "puente.cli", "iati", "import", str(big)],
        env=child_env(scratch_database), cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if (
                query(scratch_database, "SELECT COUNT(*) FROM iati_activitysource")[0][0]
                >= 2 * BATCH
            ):
                break
            assert child.poll() is None, "the import ended before it could be killed"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()

    landed = query(scratch_database, "SELECT COUNT(*) FROM iati_activitysource")[0][0]
    assert 2 * BATCH <= landed < total
    assert landed % BATCH == 0  # whole batches only: the one being written went with the process
    assert query(scratch_database, "SELECT COUNT(*) FROM portfolio_activity")[0][0] == landed
    # Every activity that landed has all its parts, like every other copy of the same activity.
    assert all(len(counts) == 1 for counts in shapes(scratch_database).values())
    ((status,),) = query(scratch_database, "SELECT status FROM iati_importrun")
    assert status == "running"  # nobody was left to say otherwise ...

    # ... until the next run finds it silent for longer than a run can be.
    query(scratch_database, "UPDATE iati_importrun SET heartbeat_at = '2000-01-01 00:00:00+00'")
    again = puente(scratch_database, "iati", "import", str(big))
    assert f"{total - landed} created" in again.stdout and f"{landed} unchanged" in again.stdout
    runs = query(
        scratch_database, "SELECT status, created, unchanged FROM iati_importrun ORDER BY id"
    )
    # The killed run says what it had written: its counts went in with each batch.
    assert runs == [("interrupted", landed, 0), ("done", total - landed, landed)]
    assert query(
        scratch_database, "SELECT COUNT(*), COUNT(DISTINCT iati_identifier) FROM portfolio_activity"
    ) == [(total, total)]
    assert all(len(counts) == 1 for counts in shapes(scratch_database).values())
    # No partner organisation twice either (the killed run had created some of them).
    assert query(
        scratch_database, "SELECT COUNT(*) - COUNT(DISTINCT name) FROM directory_organisation"
    ) == [(0,)]
