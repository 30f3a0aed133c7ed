"""Who changed what: attributing a write to its user, and reading a record's history back."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import BooleanField, Model, QuerySet
from django.utils import translation
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
        with translation.override(settings.LANGUAGE_CODE):
            text = str(reason)
            if values:
                text %= {key: str(value) for key, value in values.items()}
        instance._change_reason = text[:100]  # type: ignore[attr-defined]


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


def readable(field: Any, value: Any) -> Any:
    """A stored value as the pages show it, not as the database holds it."""
    if value is None or value == "":
        return ""
    if getattr(field, "many_to_many", False) and isinstance(value, list):
        # simple_history lists the through rows ({"agreement": 4, "activity": 12}): by name.
        target = field.m2m_reverse_field_name()
        pks = [row.get(target) for row in value if isinstance(row, dict)]
        related = field.related_model._default_manager.filter(pk__in=pks)
        return ", ".join(sorted(str(item) for item in related))
    choices = getattr(field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(field, BooleanField):
        return str(_("yes") if value else _("no"))
    if getattr(field, "many_to_one", False) and field.related_model is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else value
    return value


def history_entries(records: QuerySet, limit: int = 200, subject: str = "") -> list[Entry]:  # type: ignore[type-arg]
    """The newest `limit` history records, each with what it changed against the one before."""
    entries = []
    for record in records.select_related("history_user").order_by("-history_date")[:limit]:
        previous = record.prev_record
        delta = record.diff_against(previous).changes if previous else []
        fields = record.instance_type._meta
        changes = []
        for c in delta:
            field = fields.get_field(c.field)
            label = str(getattr(field, "verbose_name", c.field))
            changes.append(Change(label, readable(field, c.old), readable(field, c.new)))
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
