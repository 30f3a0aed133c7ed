"""Background work of the IATI app (run by Django's tasks backend: immediate when embedded)."""

from django.tasks import task

from .models import ImportRun
from .services import run_import


@task
def import_in_background(run_id: int) -> None:
    run = ImportRun.objects.get(pk=run_id)
    if run.status == ImportRun.Status.QUEUED:
        run_import(run)
