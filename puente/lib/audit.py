"""Who changed what: attributing a write to its user, and reading a record's history back."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import BooleanField, Model, QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrOrPromise


def attribute(instance: Model, by: User, reason: StrOrPromise = "", **values: Any) -> None:
    """Marks the next save or delete of `instance` as `by`'s (simple_history reads these).

    `reason` is a translatable message (gettext_lazy) with %(name)s placeholders filled from
    `values`. It is written in the office's language, Spanish, whoever makes the change: the
    record is the office's, and it reads the same to everyone afterwards.
    """
    instance._history_user = by  # type: ignore[attr-defined]
    if reason:
        instance._change_reason = reason_text(reason, **values)[:100]  # type: ignore[attr-defined]


def reason_text(reason: StrOrPromise, **values: Any) -> str:
    """A change's reason as the record keeps it: in the office's language, values filled in."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(reason)
        if values:
            text %= {key: str(value) for key, value in values.items()}
    return text


# simple_history's own labels are English codes ("~" reads "Changed"): these read as people write.
ACTIONS = {
    "+": pgettext_lazy("history", "Created"),
    "~": pgettext_lazy("history", "Changed"),
    "-": pgettext_lazy("history", "Deleted"),
}


@dataclass(frozen=True)
class Change:
    field: str  # the field's label, as the forms show it
    old: Any  # values as people read them: a choice's label, yes or no, a related record's name
    new: Any


@dataclass(frozen=True)
class Entry:
    record: Any  # a simple_history historical record
    changes: list[Change]
    subject: str = ""  # what the record is, where one history lists several kinds of record

    @property
    def who(self) -> str:
        user = self.record.history_user
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def action(self) -> str:
        return str(ACTIONS.get(self.record.history_type, self.record.history_type))

    @property
    def reason(self) -> str:
        return self.record.history_change_reason or ""


def readable(field: Any, value: Any, names: dict[tuple[Any, Any], str] | None = None) -> Any:
    """A stored value as the pages show it, not as the database holds it. `names` keeps the
    related records already looked up, so one history asks for each of them once."""
    names = {} if names is None else names
    if value is None or value == "":
        return ""
    if getattr(field, "many_to_many", False) and isinstance(value, list):
        # simple_history lists the through rows ({"agreement": 4, "activity": 12}): by name.
        target = field.m2m_reverse_field_name()
        pks = [row.get(target) for row in value if isinstance(row, dict)]
        return ", ".join(sorted(_names(field.related_model, pks, names).values()))
    choices = getattr(field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(field, BooleanField):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime.datetime):  # in the office's time, as the pages write dates
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if getattr(field, "many_to_one", False) and field.related_model is not None:
        return _names(field.related_model, [value], names).get(value, value)
    return value


def _names(model: Any, pks: list[Any], names: dict[tuple[Any, Any], str]) -> dict[Any, str]:
    """The names of `model`'s rows `pks` (deleted ones left out), asked for once per history."""
    wanted = [pk for pk in pks if (model, pk) not in names]
    if wanted:
        for row in model._default_manager.filter(pk__in=wanted):
            names[(model, row.pk)] = str(row)
    return {pk: names[(model, pk)] for pk in pks if (model, pk) in names}


def history_entries(records: QuerySet, limit: int = 200, subject: str = "") -> list[Entry]:  # type: ignore[type-arg]
    """The newest `limit` history records, each with what it changed against the one before.

    The record before another of the same row is usually in the same window: it is found there
    rather than asked for (simple_history's prev_record is a query per record), so a history
    costs a query per row it covers, not per change.
    """
    window = list(
        records.select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    )
    if not window:
        return []
    key = window[0].instance_type._meta.pk.attname
    previous: dict[int, Any] = {}
    oldest: dict[Any, Any] = {}  # per row, its oldest record in the window so far
    for record in window:  # newest first: the next record of the same row is the one before
        row = getattr(record, key)
        if row in oldest:
            previous[id(oldest[row])] = record
        oldest[row] = record
    for record in oldest.values():
        previous[id(record)] = record.prev_record  # before the window, if anything
    names: dict[tuple[Any, Any], str] = {}
    entries = []
    for record in window:
        before = previous[id(record)]
        delta = record.diff_against(before).changes if before is not None else []
        fields = record.instance_type._meta
        changes = []
        for c in delta:
            field = fields.get_field(c.field)
            label = str(getattr(field, "verbose_name", c.field))
            changes.append(
                Change(label, readable(field, c.old, names), readable(field, c.new, names))
            )
        entries.append(Entry(record, changes, subject))
    return entries


def save_form(form: Any, by: User) -> Any:
    """Saves a model form (and its many-to-many fields), attributed to `by`, in one transaction."""
    with transaction.atomic():
        instance = form.save(commit=False)
        attribute(instance, by)
        instance.save()
        form.save_m2m()
    return instance


def save_formset(formset: Any, by: User, instance: Model | None = None) -> list[Any]:
    """Saves a formset's new and changed rows and deletes its removed ones, each attributed.

    Deletions go first, so that a row may take over a unique value a removed row had.
    """
    if instance is not None:
        formset.instance = instance
    saved = formset.save(commit=False)
    for row in formset.deleted_objects:
        attribute(row, by)
        row.delete()
    for row in saved:
        attribute(row, by)
        row.save()
    return saved
