"""Writes of the events app: registrations with a waiting list, attendance, personal data."""

import contextlib
import csv
import io
import secrets
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from puente.lib.audit import attribute

from .models import Event, Registration, hash_token
from .tasks import send_registration_email

Status = Registration.Status


def _email_on_commit(registration: Registration, what: str, token: str = "") -> None:
    transaction.on_commit(lambda: send_registration_email.enqueue(registration.pk, what, token))


@transaction.atomic
def register(registration: Registration) -> Registration:
    """Confirmed while there are seats, on the waiting list after; never twice for one email.

    The event row is locked so two people cannot take the last seat at the same time.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if not event.accepts_registrations():
        raise ValidationError(_("Registration for this event is closed."))
    registration.email = registration.email.strip().lower()
    if (
        event.registrations.exclude(status=Status.CANCELLED)
        .filter(email=registration.email)
        .exists()
    ):
        raise ValidationError(
            _("%(email)s is already registered for this event. Check your email for the "
              "confirmation, or write to us to change it.") % {"email": registration.email}
        )  # fmt: skip
    confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
    full = event.capacity is not None and confirmed >= event.capacity
    registration.status = Status.WAITING if full else Status.CONFIRMED
    token = secrets.token_urlsafe(24)
    registration.cancel_token_hash = hash_token(token)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same person, twice at once
        raise ValidationError(_("%(email)s is already registered for this event.")
                              % {"email": registration.email}) from None  # fmt: skip
    _email_on_commit(registration, "registered", token)
    return registration


@transaction.atomic
def cancel(registration: Registration) -> Registration | None:
    """Cancels; a freed seat goes to the first person waiting, who is told. Returns them."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration.refresh_from_db()
    if registration.status == Status.CANCELLED:
        return None
    freed = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status"])
    if not freed:
        return None
    promoted = (
        event.registrations.filter(status=Status.WAITING).order_by("created_at", "pk").first()
    )
    if promoted is not None:
        token = secrets.token_urlsafe(24)
        promoted.status = Status.CONFIRMED
        promoted.cancel_token_hash = hash_token(token)
        promoted.save(update_fields=["status", "cancel_token_hash"])
        _email_on_commit(promoted, "promoted", token)
    return promoted


def find_by_token(token: str) -> Registration | None:
    return (
        Registration.objects.select_related("event")
        .filter(cancel_token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def set_attendance(event: Event, attended_ids: set[int], by: User) -> int:
    """Ticks exactly these registrations as present; returns how many changed."""
    changed = 0
    for registration in event.registrations.exclude(status=Status.CANCELLED):
        present = registration.pk in attended_ids
        if registration.attended != present:
            registration.attended = present
            attribute(registration, by, pgettext_lazy("history", "Attendance"))
            registration.save(update_fields=["attended"])
            changed += 1
    return changed


@dataclass
class ListResult:
    marked: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # "row 7: ana@x.org is not registered"


MAX_LIST_BYTES = 2 * 1024 * 1024


@transaction.atomic
def mark_from_list(event: Event, data: bytes, by: User) -> ListResult:
    """Marks attendance from a CSV of the signed sheet (a column `email`).

    A file that cannot be read is refused whole; rows that match nobody are reported by number.
    """
    if len(data) > MAX_LIST_BYTES:
        raise ValidationError(_("The list is larger than 2 MB."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Excel on Windows saves CSV this way
        except UnicodeDecodeError:
            raise ValidationError(_("The list is not a text (CSV) file.")) from None
    dialect: type[csv.Dialect] = csv.excel
    with contextlib.suppress(csv.Error):  # one column, or odd quoting: read it as plain CSV
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    column = columns.get("email") or columns.get("correo") or columns.get("correo electrónico")
    if column is None:
        raise ValidationError(
            _("The list needs a column named “email” (or “correo”); it has: %(columns)s.")
            % {"columns": ", ".join(c for c in columns if c) or "—"}
        )
    live = {r.email: r for r in event.registrations.exclude(status=Status.CANCELLED)}
    result = ListResult()
    for number, row in enumerate(reader, start=2):
        email = (row.get(column) or "").strip().lower()
        if not email:
            continue
        registration = live.get(email)
        if registration is None:
            result.unmatched.append(
                _("row %(row)d: %(email)s is not registered") % {"row": number, "email": email}
            )
        elif registration.attended:
            result.already.append(email)
        else:
            registration.attended = True
            attribute(registration, by, pgettext_lazy("history", "Attendance list"))
            registration.save(update_fields=["attended"])
            result.marked.append(email)
    return result


@transaction.atomic
def save_event(event: Event, by: User, form_save_m2m=None) -> Event:  # noqa: ANN001
    attribute(event, by)
    event.save()
    if form_save_m2m is not None:
        form_save_m2m()
    return event


@transaction.atomic
def delete_event(event: Event, by: User) -> None:
    attribute(event, by, pgettext_lazy("history", "Deleted"))
    event.delete()


def registrations_of(email: str) -> list[Registration]:
    """Everything kept about one person (habeas data: to show, export or erase on request)."""
    email = email.strip().lower()
    return list(
        Registration.objects.filter(Q(email=email)).select_related(
            "event", "municipality", "population"
        )
    )


@transaction.atomic
def erase_person(email: str, by: User) -> int:
    """Removes name, email, phone and organisation; the anonymous counts stay for the figures."""
    erased = 0
    for registration in registrations_of(email):
        registration.name = _("(erased)")
        registration.email = ""
        registration.phone = ""
        registration.organisation = ""
        registration.erased = True
        registration.cancel_token_hash = ""
        attribute(registration, by, pgettext_lazy("history", "Personal data erased on request"))
        registration.save()
        erased += 1
    return erased
