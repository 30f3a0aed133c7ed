"""With PUENTE_TASKS=database, an import asked for on the site is queued in the database and run
by a worker process (`puente db_worker`), which may live on another machine: the run waits as
queued until a worker takes it, then completes."""

from pathlib import Path

import pytest

from .conftest import ROOT, puente, query

pytestmark = pytest.mark.faults
SOURCE = ROOT / "puente" / "iati" / "tests" / "files" / "cucuta-2.03.xml"


def test_a_queued_import_waits_for_a_worker_then_completes(
    scratch_database: str, tmp_path: Path
) -> None:
    env = {"PUENTE_TASKS": "database"}
    puente(scratch_database, "shell", "-c",
           "from puente.iati.tasks import queue_import; "
           f"queue_import({str(SOURCE)!r}, 'cucuta.xml', 'all', None)", **env)  # fmt: skip
    assert query(scratch_database, "SELECT status FROM iati_importrun") == [("queued",)]
    assert query(scratch_database, "SELECT COUNT(*) FROM portfolio_activity") == [(0,)]

    worker = puente(scratch_database, "db_worker", "--batch", "--no-startup-delay", **env)
    assert worker.returncode == 0
    assert query(scratch_database, "SELECT status, created FROM iati_importrun") == [("done", 2)]
    assert query(scratch_database, "SELECT COUNT(*) FROM portfolio_activity") == [(2,)]
    assert query(scratch_database, "SELECT status FROM django_tasks_database_dbtaskresult") == [
        ("SUCCESSFUL",)
    ]
