"""An import run tells the truth while it runs and after its process dies."""

import datetime
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from puente.iati import services
from puente.iati.models import ImportRun, this_worker

pytestmark = pytest.mark.django_db

FILE = Path(__file__).parent / "files" / "cucuta-2.03.xml"


def test_a_runs_counts_and_size_are_saved_with_every_batch(monkeypatch):
    monkeypatch.setattr(services, "BATCH", 1)
    seen = []

    def watch(run: ImportRun) -> None:
        saved = ImportRun.objects.get(pk=run.pk)  # what another page would show now
        seen.append((saved.created, saved.bytes_total, saved.status))

    services.run_import(ImportRun.objects.create(source=str(FILE)), progress=watch)
    created, size, status = seen[0]
    assert created == 1 and size == FILE.stat().st_size and status == ImportRun.Status.RUNNING


def test_a_run_left_running_is_over_once_a_later_run_of_the_same_file_finishes():
    minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    killed = ImportRun.objects.create(
        source=str(FILE), status=ImportRun.Status.RUNNING, started_at=minute_ago,
        heartbeat_at=minute_ago, worker="elsewhere:1",
    )  # fmt: skip
    services.run_import(ImportRun.objects.create(source=str(FILE)))
    killed.refresh_from_db()
    assert killed.status == ImportRun.Status.INTERRUPTED and killed.finished


def test_a_run_whose_process_is_gone_is_interrupted_at_once():
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    now = timezone.now()
    dead = ImportRun.objects.create(
        source="a.xml", status=ImportRun.Status.RUNNING, heartbeat_at=now,
        worker=f"{socket.gethostname()}:{finished.stdout.strip()}",
    )  # fmt: skip
    alive = ImportRun.objects.create(
        source="b.xml", status=ImportRun.Status.RUNNING, heartbeat_at=now, worker=this_worker()
    )
    ImportRun.objects.mark_interrupted()
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == ImportRun.Status.INTERRUPTED
    assert alive.status == ImportRun.Status.RUNNING
