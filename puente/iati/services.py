"""Runs an import: reads a file, folder or URL in a stream and loads it batch by batch."""

import http.client
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from puente.lib.audit import attribute
from puente.lib.fetching import download
from puente.portfolio.models import Activity as PortfolioActivity

from . import datastore
from .data import Activity
from .loader import Loader, finish
from .models import ActivitySource, ImportRun, this_worker
from .reader import FileRefused, Skipped, Unchanged, read_activities

BATCH = 200


class Progress(Protocol):
    """Told after every batch, with the run's counts as saved (the CLI prints them)."""

    def __call__(self, run: ImportRun, /) -> None: ...


def run_import(run: ImportRun, progress: Progress | None = None) -> ImportRun:
    """Imports `run.source` (a file, a folder of .xml files, or an http(s) URL)."""
    ImportRun.objects.mark_interrupted()
    run.status, run.started_at = ImportRun.Status.RUNNING, timezone.now()
    run.heartbeat_at, run.worker = run.started_at, this_worker()
    run.save(update_fields=["status", "started_at", "heartbeat_at", "worker"])
    loader = Loader(run)
    try:
        with _open_sources(run.source, loader) as files:
            run.bytes_total = sum(f.stat().st_size for f in files)
            done = 0
            for path in files:
                # A folder's activities name their own file; a file or URL names itself.
                loader.current_source = str(path) if Path(run.source).is_dir() else run.source
                with open(path, "rb") as handle:
                    _load_file(run, loader, handle, done, progress)
                done += path.stat().st_size
        run.status = ImportRun.Status.DONE
    except (FileRefused, OSError, ValueError, http.client.HTTPException) as error:
        run.status, run.message = ImportRun.Status.FAILED, str(error)
    finish(run, loader)
    run.save()
    if run.status == ImportRun.Status.DONE:
        ImportRun.objects.mark_superseded_by(run)
    return run


TWICE = "the identifier appears twice; the second is ignored"


def _load_file(
    run: ImportRun, loader: Loader, handle: BinaryIO, offset: int, progress: Progress | None
) -> None:
    batch: list[Activity] = []
    for item in read_activities(handle, loader.known_fingerprints):
        run.read += 1
        if not isinstance(item, Skipped):
            # The first of two activities with one identifier is kept, in this file or in an
            # earlier file of the folder; the second would overwrite it on every import.
            if item.identifier in loader.identifiers_seen:
                run.skipped += 1
                loader.problem(item.identifier, item.line, "iati-identifier", TWICE)
                continue
            loader.identifiers_seen.add(item.identifier)
        if isinstance(item, Unchanged):
            loader.unchanged_as_stored()
            continue
        if isinstance(item, Skipped):
            run.skipped += 1
            loader.problem(item.identifier, item.line, item.element, item.message)
            continue
        for warning in item.warnings:
            loader.problem(item.identifier, item.line, "warning", warning)
        batch.append(item)
        if len(batch) >= BATCH:
            loader.load(batch)
            batch = []
            _report(run, loader, offset + handle.tell(), progress)
    if batch:
        loader.load(batch)
    _report(run, loader, offset + handle.tell(), progress)


def _report(run: ImportRun, loader: Loader, position: int, progress: Progress | None) -> None:
    """After each batch: how far the run has read, for a watcher (what it wrote is counted with
    each batch's own transaction, see Loader._count_in_run)."""
    run.bytes_read = position
    outcome = loader.outcome
    # Progress is saved outside any import transaction so a watcher sees it move.
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            unchanged=F("unchanged") + loader.take_unchanged_as_stored(),
            read=run.read, bytes_read=position, bytes_total=run.bytes_total,
            filtered_out=outcome.filtered_out, skipped=run.skipped + outcome.skipped,
            heartbeat_at=timezone.now(),
        )  # fmt: skip
    if progress:
        progress(run)


@contextmanager
def _open_sources(source: str, loader: Loader) -> Iterator[list[Path]]:
    if source.startswith(datastore.SCHEME):
        with tempfile.TemporaryDirectory() as folder:
            yield datastore.fetch_pages(
                datastore.query_of(source),
                Path(folder),
                lambda identifier, message: loader.problem(identifier, 0, "iati-activity", message),
                # A long pull is alive: without a heartbeat another import would call it dead.
                lambda: ImportRun.objects.filter(pk=loader.run.pk).update(
                    heartbeat_at=timezone.now()
                ),
            )
        return
    parsed = urlparse(source)
    if parsed.scheme in ("http", "https"):
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "download.xml"
            download(source, target)
            yield [target]
        return
    if parsed.scheme and len(parsed.scheme) > 1:
        raise ValueError(f"“{source}”: only files, folders and http(s) addresses can be imported")
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xml" and p.is_file())
        if not files:
            raise ValueError(f"“{source}”: the folder holds no .xml file")
        yield files
    elif path.is_file():
        yield [path]
    else:
        raise ValueError(f"“{source}”: no such file or folder")


def store_upload(upload: UploadedFile) -> Path:
    """Keeps an uploaded file outside the web root under a random name, for the import to read."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex}.xml"
    with open(target, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return target


@transaction.atomic
def publish_imported(activities: QuerySet[PortfolioActivity], by: User) -> int:
    """Publishes imported activities waiting for review, each with its history row saying who;
    returns how many. Activities of the Secretariat's own are not touched here."""
    # Locks the activities only: the review list's joins (a publisher may be missing) cannot be
    # locked on PostgreSQL.
    waiting = (
        activities.filter(source__awaiting_review=True, is_public=False)
        .select_related(None)
        .select_for_update(of=("self",))
    )
    published = []
    for activity in waiting:
        published.append(activity.pk)
        activity.is_public = True
        activity.revision += 1  # a form opened before this publication must not undo it
        attribute(activity, by, pgettext_lazy("history", "Published after the import review"))
        activity.save(update_fields=["is_public", "revision", "updated_at"])
    ActivitySource.objects.filter(activity_id__in=published).update(awaiting_review=False)
    return len(published)
