"""Background work of the IATI app (run by Django's tasks backend: immediate when embedded)."""

from django.contrib.auth.models import User
from django.tasks import task

from .models import ImportRun
from .services import run_import


@task
def import_in_background(run_id: int) -> None:
    run = ImportRun.objects.get(pk=run_id)
    if run.status == ImportRun.Status.QUEUED:
        run_import(run)


def queue_import(
    source: str, label: str, scope: str, by: User | None, publish: bool = False
) -> ImportRun:
    """Records the run, then hands it to the tasks backend (immediate when embedded)."""
    run = ImportRun.objects.create(
        source=source, label=label[:300], scope=scope, created_by=by, publish=publish
    )
    import_in_background.enqueue(run.pk)
    return run
