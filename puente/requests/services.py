"""Every step on a PQRSD request, each dated, attributed and written in one transaction."""

import secrets
from collections.abc import Iterable
from datetime import date, datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.lib.uploads import Detected, stored_name

from . import deadlines
from .models import Attachment, FilingCounter, Request, Status, Step, hash_code
from .tasks import notify_requester

# No 0/O or 1/I/L: the code is read from paper and typed back.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16  # 16 symbols of 31: about 79 bits, beyond guessing.


def new_tracking_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def _next_filing_number(year: int) -> str:
    counter, _ = FilingCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"PQRSD-{year}-{counter.last:05d}"


def _store(request: Request, files: Iterable[tuple[UploadedFile, Detected]], role: str) -> None:
    for upload, detected in files:
        original_name = (upload.name or "file")[:255]
        upload.name = stored_name(detected)  # stored under what it is, not what it says
        Attachment.objects.create(
            request=request,
            role=role,
            file=upload,
            original_name=original_name,
            content_type=detected.content_type,
            size=upload.size or 0,
        )


def _step(request: Request, action: str, by: User | None, text: str = "") -> Step:
    return Step.objects.create(request=request, action=action, by=by, text=text)


def _notify(request: Request, what: str) -> None:
    # After the commit: no email about a step that was rolled back.
    if request.email:
        transaction.on_commit(lambda: notify_requester.enqueue(request.pk, what))


@transaction.atomic
def file_request(
    request: Request,
    files: Iterable[tuple[UploadedFile, Detected]],
    language: str,
    now: datetime | None = None,
) -> tuple[Request, str]:
    """Files a request from the public form; returns it and its tracking code (shown once)."""
    code = new_tracking_code()
    request.filed_at = now or timezone.now()
    request.language = language
    request.filing_number = _next_filing_number(timezone.localdate(request.filed_at).year)
    request.tracking_code_hash = hash_code(code)
    request.received_on = deadlines.received_on(request.filed_at)
    request.due_on = request.original_due_on = deadlines.due_on(request.received_on, request.kind)
    request.status = Status.RECEIVED
    request.save()
    _store(request, files, Attachment.Role.FILED)
    _step(request, Step.Action.FILED, None)
    if request.email:
        # The code goes to the requester's own mailbox; it is never stored in clear.
        transaction.on_commit(
            lambda: notify_requester.enqueue(request.pk, "filed", code)  # type: ignore[arg-type]
        )
    return request, code


def _require_open(request: Request) -> None:
    if not request.is_open:
        raise ValidationError(
            _("Request %(number)s is %(status)s; it can no longer be changed.")
            % {"number": request.filing_number, "status": request.get_status_display().lower()}
        )


@transaction.atomic
def assign(request: Request, official: User, by: User) -> None:
    _require_open(request)
    request.assigned_to = official
    request.status = Status.IN_PROGRESS
    request.save(update_fields=["assigned_to", "status"])
    _step(request, Step.Action.ASSIGNED, by, official.get_full_name() or official.get_username())


@transaction.atomic
def add_note(request: Request, text: str, by: User) -> None:
    _step(request, Step.Action.NOTE, by, text)


@transaction.atomic
def extend(request: Request, new_due_on: date, reason: str, by: User, today: date) -> None:
    """Art. 14: announced before the term ends, with reasons, at most twice the original term."""
    _require_open(request)
    if request.is_extended:
        raise ValidationError(_("The term of this request has already been extended once."))
    if today > request.due_on:
        raise ValidationError(
            _("The term ended on %(date)s; an extension must be announced before it ends.")
            % {"date": request.due_on.isoformat()}
        )
    latest = deadlines.latest_extension(request.received_on, request.kind)
    if not request.due_on < new_due_on <= latest:
        raise ValidationError(
            _("The new date must fall after %(due)s and no later than %(latest)s (twice the term).")
            % {"due": request.due_on.isoformat(), "latest": latest.isoformat()}
        )
    request.due_on = new_due_on
    request.extension_reason = reason
    request.save(update_fields=["due_on", "extension_reason"])
    _step(request, Step.Action.EXTENDED, by, f"{new_due_on.isoformat()} · {reason}")
    _notify(request, "extended")


@transaction.atomic
def transfer(request: Request, entity: str, reason: str, by: User) -> None:
    _require_open(request)
    request.transferred_to = entity
    request.answer = reason
    request.status = Status.TRANSFERRED
    request.save(update_fields=["transferred_to", "answer", "status"])
    _step(request, Step.Action.TRANSFERRED, by, f"{entity} · {reason}")
    _notify(request, "transferred")


@transaction.atomic
def answer(
    request: Request, text: str, files: Iterable[tuple[UploadedFile, Detected]], by: User
) -> None:
    _require_open(request)
    request.answer = text
    request.answered_at = timezone.now()
    request.status = Status.ANSWERED
    request.save(update_fields=["answer", "answered_at", "status"])
    _store(request, files, Attachment.Role.ANSWER)
    _step(request, Step.Action.ANSWERED, by, text)
    _notify(request, "answered")


@transaction.atomic
def close(request: Request, text: str, by: User) -> None:
    if request.status not in (Status.ANSWERED, Status.TRANSFERRED):
        raise ValidationError(_("Only an answered or transferred request can be closed."))
    request.status = Status.CLOSED
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at"])
    _step(request, Step.Action.CLOSED, by, text)


@transaction.atomic
def erase_personal_data(request: Request, by: User) -> None:
    """Habeas data (Ley 1581): the requester asked to be forgotten once the request is done."""
    if request.is_open:
        raise ValidationError(
            _("Answer or transfer the request first: its answer still has to reach the person.")
        )
    for field in ("name", "id_type", "id_number", "email", "phone", "address"):
        setattr(request, field, "")
    request.municipality = None
    request.anonymous = True
    request.save()
    _step(request, Step.Action.PERSONAL_DATA_ERASED, by)
