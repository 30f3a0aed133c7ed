"""Writes to the portfolio: each one atomic and recorded in the activity's history."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Model
from django.forms import BaseFormSet, ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrOrPromise

from puente.accounts.roles import is_secretariat
from puente.lib.audit import attribute
from puente.lib.uploads import stored_name

from .lifecycle import ALLOWED_STEPS, Stage, has_approval_grounds
from .models import (
    Activity,
    ActivitySector,
    Beneficiaries,
    Budget,
    Document,
    Indicator,
    Location,
    OrganisationRole,
    Participation,
    Result,
    StageChange,
)


class StageChangeRefused(Exception):
    """The lifecycle does not allow this step; the message says why in the user's words."""


class EditConflict(Exception):
    """Someone else saved the activity after this user opened it."""


@transaction.atomic
def change_stage(
    activity: Activity, to: str, by: User, reason: str, *, approve_unlinked: bool = False
) -> StageChange:
    """Moves an activity one allowed step along its lifecycle, recording who, when and why.

    A project is approved on the strength of a linked agreement or a favourable viability
    concept; without either, only when the person says so (`approve_unlinked`) and why.
    """
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    current, target = Stage(locked.stage), Stage(to)
    if target not in ALLOWED_STEPS[current]:
        raise StageChangeRefused(
            _("An activity in stage “%(current)s” cannot move to “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    if not reason.strip():
        raise StageChangeRefused(_("Say why the stage changes."))
    if target == Stage.APPROVED and not approve_unlinked and not has_approval_grounds(locked):
        raise StageChangeRefused(
            _(
                "A project is approved with a linked agreement or a favourable viability "
                "concept. Link one first, or tick “approve without them” and say why."
            )
        )
    locked.stage = target
    locked.sync_iati_status()
    locked.revision = F("revision") + 1
    attribute(
        locked,
        by,
        pgettext_lazy("history", "Stage: %(from)s → %(to)s. %(why)s"),
        **{"from": current.label, "to": target.label, "why": reason.strip()},
    )
    locked.save()
    change = StageChange.objects.create(
        activity=locked, from_stage=current, to_stage=target, by=by, reason=reason.strip()
    )
    activity.refresh_from_db()
    return change


@dataclass(frozen=True)
class NewIndicator:
    """An indicator entered with the activity, under the result its row names."""

    result_kind: str
    result_title: str
    title: str
    measure: str
    baseline_value: Decimal | None


@transaction.atomic
def save_activity(
    form: ModelForm,
    formsets: Iterable[BaseFormSet],
    by: User,
    expected_revision: int | None = None,
    new_indicators: Iterable[NewIndicator] = (),
) -> Activity:
    """Saves an activity with its inline parts, and any new results' indicators, in one
    transaction.

    `expected_revision` is the revision the user's form was built from: if the activity was
    saved since, nothing is written and EditConflict is raised, so no edit is silently lost.
    """
    activity: Activity = form.instance
    if activity.pk and expected_revision is not None:
        current = Activity.objects.select_for_update().values_list("revision", flat=True)
        if current.get(pk=activity.pk) != expected_revision:
            raise EditConflict
    is_new = activity.pk is None
    if not is_secretariat(by):
        published = not is_new and Activity.objects.filter(pk=activity.pk, is_public=True).exists()
        if activity.is_public != published:
            raise PermissionDenied(_("Only the Secretariat publishes or withdraws an activity."))
    activity = form.save(commit=False)
    if is_new:
        activity.sync_iati_status()
    activity.revision = (expected_revision or activity.revision or 0) + (0 if is_new else 1)
    attribute(
        activity,
        by,
        pgettext_lazy("history", "Created") if is_new else pgettext_lazy("history", "Edited"),
    )
    activity.save()
    form.save_m2m()
    for formset in formsets:
        formset.instance = activity  # type: ignore[attr-defined]
        for part in formset.save(commit=False):  # type: ignore[attr-defined]
            attribute(part, by)
            part.save()
        for part in formset.deleted_objects:  # type: ignore[attr-defined]
            attribute(part, by)
            part.delete()
    add_indicators(activity, new_indicators, by)
    return activity


def add_indicators(activity: Activity, rows: Iterable[NewIndicator], by: User) -> None:
    """Rows that name the same result (type and title) share it: it is made once, or found."""
    results: dict[tuple[str, str], Result] = {}
    for row in rows:
        key = (row.result_kind, row.result_title.strip())
        if key not in results:
            result = Result.objects.filter(activity=activity, kind=key[0], title=key[1]).first()
            if result is None:
                result = Result(activity=activity, kind=key[0], title=key[1])
                attribute(result, by)
                result.save()
            results[key] = result
        indicator = Indicator(
            result=results[key],
            title=row.title.strip(),
            measure=row.measure,
            baseline_value=row.baseline_value,
        )
        attribute(indicator, by)
        indicator.save()


@transaction.atomic
def save_part(form: ModelForm, by: User) -> object:
    """Saves one part of an activity (a result, an indicator, a period) with attribution."""
    part = form.save(commit=False)
    attribute(part, by)
    part.save()
    form.save_m2m()
    return part


def save_part_instance(part: Model, by: User) -> None:
    attribute(part, by)
    part.save()


# The parts that a part owns, deleted with it: each gets its own attributed history row,
# which a database cascade would write without the person's name.
_OWNED_PARTS = {
    "Result": "indicators",
    "Indicator": "periods",
    "IndicatorPeriod": "disaggregations",
}


@transaction.atomic
def delete_part(part: Model, by: User) -> None:
    """Deletes a part of an activity and the parts it owns, every deletion attributed to `by`."""
    owned = _OWNED_PARTS.get(type(part).__name__)
    if owned:
        for child in getattr(part, owned).all():
            delete_part(child, by)
    attribute(part, by)
    part.delete()


@transaction.atomic
def attach_document(form: ModelForm, by: User) -> Document:
    """Saves a document; an uploaded file is stored under a random name with its real type."""
    document: Document = form.save(commit=False)
    upload = form.cleaned_data.get("file")
    if upload:
        document.original_name = upload.name[:255]
        upload.name = stored_name(form.detected)  # type: ignore[attr-defined]
        document.content_type = form.detected.content_type  # type: ignore[attr-defined]
    attribute(document, by)
    document.save()
    return document


@transaction.atomic
def create_activity(
    *,
    by: User,
    title_es: str,
    stage: str,
    currency_id: str | None,
    description_es: str = "",
    reason: StrOrPromise = "",
    reason_values: Mapping[str, object] | None = None,
    implementer: Any = None,
    municipalities: Iterable[Any] = (),
    sectors: Iterable[Any] = (),
    budget: Decimal | None = None,
    people: int | None = None,
    populations: Iterable[Any] = (),
) -> Activity:
    """How a project is born: the activity and its first rows, each attributed to `by`.

    Sectors share 100 % equally; a budget is the first year's from today; people reached are
    recorded only when they belong to a single population (otherwise their split is unknown).
    """
    activity = Activity(
        title_es=title_es,
        description_es=description_es,
        stage=stage,
        currency_id=currency_id,
        responsible=by,
    )
    attribute(activity, by, reason, **(reason_values or {}))
    activity.save()
    today = timezone.localdate()
    sectors = list(sectors)
    share = (Decimal(100) / len(sectors)).quantize(Decimal("0.01")) if sectors else Decimal(100)
    rows: list[Model] = [
        *(
            [Participation(activity=activity, organisation=implementer,
                           role=OrganisationRole.IMPLEMENTING)]
            if implementer is not None else []
        ),
        *(Location(activity=activity, municipality=m) for m in municipalities),
        *(ActivitySector(activity=activity, sector=s, percentage=share) for s in sectors),
    ]  # fmt: skip
    if budget is not None and currency_id:
        rows.append(
            Budget(activity=activity, period_start=today, period_end=today + timedelta(days=364),
                   amount=budget, currency_id=currency_id)
        )  # fmt: skip
    populations = list(populations)
    if people and len(populations) == 1:
        rows.append(Beneficiaries(activity=activity, population=populations[0], count=people))
    for row in rows:
        attribute(row, by)
        row.save()
    return activity
