"""Activities from the portfolio spreadsheet: who each row is, what it changes, and the writes,
all in one transaction and each change in the activity's history with the file as its reason."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Model, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from puente.directory.models import Organisation
from puente.lib.audit import attribute, reason_text
from puente.lib.bulk import bulk_written
from puente.lib.names import fold
from puente.lib.workbook import Refused, cell_text
from puente.territory.models import Currency, Municipality, Sector

from .lifecycle import ALLOWED_STEPS, Stage, has_approval_grounds
from .models import (
    Activity,
    ActivitySector,
    Budget,
    Level,
    Location,
    OrganisationRole,
    Participation,
    StageChange,
)
from .spreadsheet import (
    DATA_SHEET,
    HEADERS,
    ORGANISATION_SLOTS,
    ActivityRow,
    CellError,
    Vocabulary,
    check_size,
    read_upload,
)

DEPARTMENT = "54"  # Norte de Santander: its municipalities are the drop-down's
REASON = pgettext_lazy("history", "Spreadsheet “%(file)s”, row %(line)s")
CREATED = pgettext_lazy("history", "Created from the spreadsheet “%(file)s”, row %(line)s")
AT_ITS_STAGE = gettext_lazy("recorded at its current stage")
SCALARS = ("iati_identifier", "title_es", "title_en", "description_es", "level",
           "planned_start", "planned_end", "currency_id", "is_public")  # fmt: skip


def _choices(choices: Any) -> tuple[dict[str, str], list[str]]:
    """A list's codes by their folded Spanish and English labels and code; Spanish labels."""
    found: dict[str, str] = {}
    labels = []
    for code, label in choices:
        for language in ("en", "es"):  # Spanish last: it wins where the two collide
            with translation.override(language):
                found[fold(str(label))] = code
        found[fold(code)] = code
        with translation.override("es"):
            labels.append(str(label))
    return found, labels


def vocabulary() -> Vocabulary:
    levels, level_labels = _choices(Level.choices)
    stages, stage_labels = _choices(Stage.choices)
    roles, role_labels = _choices(OrganisationRole.choices)
    sectors: dict[str, str] = {}
    sector_labels = []
    for code, name_es, name_en in Sector.objects.filter(
        category__isnull=False, withdrawn=False
    ).values_list("code", "name_es", "name_en"):
        label = f"{code} {name_es}"
        sector_labels.append(label)
        for key in (code, fold(label), fold(name_es), fold(name_en)):
            sectors.setdefault(key, code)
    municipalities: dict[str, int] = {}
    names = []
    # The department's own first: a name another department shares means the one here.
    ordered = Municipality.objects.annotate(here=F("department__code")).order_by("code")
    for pk, code, name, department in ordered.values_list("pk", "code", "name", "here"):
        municipalities[code] = pk
        if department == DEPARTMENT:
            names.append(name)
            municipalities[fold(name)] = pk
    for pk, name in ordered.exclude(department__code=DEPARTMENT).values_list("pk", "name"):
        municipalities.setdefault(fold(name), pk)
    organisations: dict[str, int | None] = {}
    organisation_names = []
    for pk, name, acronym in Organisation.objects.values_list("pk", "name", "acronym"):
        organisation_names.append(name)
        for key in {fold(name), fold(acronym)} - {""}:
            # Two organisations answering to one name: the row must say which (None).
            organisations[key] = None if organisations.get(key, pk) != pk else pk
    return Vocabulary(
        levels=levels,
        stages=stages,
        roles=roles,
        currencies=list(Currency.objects.values_list("code", flat=True)),
        sectors=sectors,
        municipalities=municipalities,
        organisations=organisations,
        level_labels=level_labels,
        stage_labels=stage_labels,
        role_labels=role_labels,
        sector_labels=sector_labels,
        municipality_names=sorted(names, key=fold),
        organisation_names=sorted(organisation_names, key=fold),
    )


# --- an uploaded file, from reading to writing -------------------------------------------------

LOCK = "portfolio:spreadsheet-upload"
LOCK_SECONDS = 600  # longer than any upload takes; a crashed one frees it by then


class Busy(Exception):
    """Another upload is being written."""


@dataclass
class Loaded:
    errors: list[CellError]  # by row; with `outcome`, the rows left out
    clean: int  # rows that load
    outcome: "Outcome | None"  # None: nothing was written


def load(sent: UploadedFile, by: User, *, clean_only: bool, current_stages: bool) -> Loaded:
    """Reads an uploaded sheet, checks every cell and row, and writes it when it is clean (or,
    with `clean_only`, its clean rows). Raises `Refused` for a file that cannot be read, `Busy`
    while another upload is written, and `Conflict` when the portfolio moved meanwhile."""
    check_size(sent.size or 0)
    parsed = read_upload(sent.read(), vocabulary())
    if not parsed.rows and not parsed.errors:
        raise Refused(_("The file has no rows of activities below its header."))
    # One upload at a time: rows are matched before the write, so two at once (a double click)
    # could each create the same new activities.
    if not cache.add(LOCK, by.pk, LOCK_SECONDS):
        raise Busy(_("Another upload is being saved; try again in a minute."))
    try:
        planned = plan(parsed.rows, current_stages=current_stages)
        errors = sorted(parsed.errors + planned.errors, key=lambda e: e.line)
        if errors and not clean_only:
            return Loaded(errors, len(planned.targets), None)
        return Loaded(errors, len(planned.targets), apply(planned, by, sent.name or ""))
    finally:
        cache.delete(LOCK)


# --- the template filled with activities ------------------------------------------------------


def activity_cells(activities: QuerySet[Activity]) -> list[dict[str, Any]]:
    """Each activity as the template's cells. A part the sheet cannot state whole (several
    sectors or budgets, more partners than its columns) is left empty: empty leaves it as it is."""
    with translation.override("es"):
        levels, stages = dict(Level.choices), dict(Stage.choices)
        roles = dict(OrganisationRole.choices)
        rows = []
        for activity in activities.prefetch_related(
            "sectors__sector", "locations__municipality", "participations__organisation", "budgets"
        ):
            sectors = list(activity.sectors.all())
            budgets = [
                b
                for b in activity.budgets.all()
                if _calendar_year(b) is not None and b.kind == Budget.Kind.ORIGINAL
            ]
            parts = list(activity.participations.all())
            row: dict[str, Any] = {
                "id": activity.pk,
                "iati_identifier": activity.iati_identifier,
                "title_es": activity.title_es,
                "title_en": activity.title_en or None,
                "description_es": activity.description_es or None,
                "level": str(levels[activity.level]),
                "stage": str(stages[activity.stage]),
                "planned_start": activity.planned_start,
                "planned_end": activity.planned_end,
                "currency": activity.currency_id,
                "is_public": "Sí" if activity.is_public else "No",
                "municipalities": "; ".join(
                    loc.municipality.name for loc in activity.locations.all() if loc.municipality
                ) or None,
            }  # fmt: skip
            # A sector the sheet can state whole: the only one, at 100 %, still current.
            if (
                len(sectors) == 1
                and sectors[0].percentage == 100
                and not sectors[0].sector.withdrawn
            ):
                row["sector"] = f"{sectors[0].sector.code} {sectors[0].sector.name_es}"
            # A year's budget the sheet can state whole: the activity's only one, a calendar
            # year, in the activity's currency (the sheet's one currency column).
            if (
                len(budgets) == 1
                and len(activity.budgets.all()) == 1
                and budgets[0].currency_id == activity.currency_id
            ):
                row["budget_year"] = _calendar_year(budgets[0])
                row["budget"] = budgets[0].amount
            if len(parts) <= ORGANISATION_SLOTS:
                for n, part in enumerate(parts, start=1):
                    row[f"organisation_{n}"] = part.organisation.name
                    row[f"role_{n}"] = str(roles[part.role])
            rows.append(row)
    return rows


def _calendar_year(budget: Budget) -> int | None:
    start, end = budget.period_start, budget.period_end
    whole_year = start == datetime.date(start.year, 1, 1) and end == datetime.date(
        start.year, 12, 31
    )
    return start.year if whole_year else None


# --- who each row is --------------------------------------------------------------------------


@dataclass
class Plan:
    """Rows matched to the activities they update (None: a new activity), and what refused."""

    targets: list[tuple[ActivityRow, Activity | None]] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


def _error(row: ActivityRow, key: str, message: str) -> CellError:
    return CellError(row.line, HEADERS[key], message, key, DATA_SHEET)


# Stages a new activity reaches only through the lifecycle, unless staff record projects that
# already stand there (the upload form's choice).
PAST_APPROVAL = {Stage.APPROVED, Stage.EXECUTION, Stage.CLOSING, Stage.CLOSED, Stage.CANCELLED}


def plan(rows: list[ActivityRow], current_stages: bool = False) -> Plan:
    """Each row's activity: by Puente ID, else by IATI identifier, else by its exact Spanish
    title (so the same file uploaded twice updates, never duplicates). Refuses unknown IDs,
    clashes, ambiguous titles, a stage the lifecycle does not allow (a new activity past
    negotiation only with `current_stages`), a budget that would add to another of the same
    year, and a row twice."""
    by_id = Activity.objects.in_bulk([r.puente_id for r in rows if r.puente_id])
    by_iati: dict[str, Activity] = {
        a.iati_identifier: a  # type: ignore[misc]
        for a in Activity.objects.filter(
            iati_identifier__in=[r.iati_identifier for r in rows if r.iati_identifier]
        )
    }
    titled = [r.title_es for r in rows if not r.puente_id and not r.iati_identifier and r.title_es]
    by_title: dict[str, list[Activity]] = defaultdict(list)
    for activity in Activity.objects.filter(title_es__in=titled):
        by_title[activity.title_es].append(activity)
    budgets: dict[int, list[Budget]] = defaultdict(list)
    for budget in Budget.objects.filter(
        activity__in=[
            *by_id.values(),
            *by_iati.values(),
            *(a for same in by_title.values() for a in same),
        ]
    ):
        budgets[budget.activity_id].append(budget)
    result = Plan()
    seen: dict[object, int] = {}  # an activity (or a new one's identity) -> the row naming it
    claimed: dict[str, object] = {}  # an IATI identifier -> the activity the file gives it to
    for row in rows:
        errors: list[CellError] = []
        target = _target(row, by_id, by_iati, by_title, errors)
        identity: object = (
            target.pk if target else ("new", row.iati_identifier or fold(row.title_es or ""))
        )
        if identity in seen:
            errors.append(_error(row, "id" if target else "title_es", _(
                "Row %(line)s already stands for this activity; keep one of the two rows."
            ) % {"line": seen[identity]}))  # fmt: skip
        seen.setdefault(identity, row.line)
        if row.iati_identifier:
            owner = claimed.setdefault(row.iati_identifier, identity)
            if owner != identity:
                errors.append(_error(row, "iati_identifier", _(
                    "Another row of the file gives this IATI identifier to another activity."
                )))  # fmt: skip
        if target:
            errors.extend(_date_problems(row, target))
        if target and row.stage and row.stage != target.stage:
            errors.extend(_stage_problems(row, target))
        if target and row.level and row.level != target.level:
            errors.extend(_level_problems(row, target))
        if target and row.budget:
            errors.extend(_budget_problems(row, budgets[target.pk]))
        if target is None and not row.title_es:
            errors.append(_error(row, "title_es", _("A new activity needs its title.")))
        if target is None and row.stage in PAST_APPROVAL and not current_stages:
            errors.append(_error(row, "stage", _(
                "A new activity starts before approval. To record projects that already stand "
                "at this stage, tick the choice for it on the upload form."
            )))  # fmt: skip
        if errors:
            result.errors.extend(errors)
        else:
            result.targets.append((row, target))
    return result


def _target(
    row: ActivityRow,
    by_id: dict[int, Activity],
    by_iati: dict[str, Activity],
    by_title: dict[str, list[Activity]],
    errors: list[CellError],
) -> Activity | None:
    if row.puente_id:
        activity = by_id.get(row.puente_id)
        if activity is None:
            errors.append(
                _error(row, "id", _("No activity has Puente ID %(id)s.") % {"id": row.puente_id})
            )
            return None
        owner = by_iati.get(row.iati_identifier or "")
        if owner is not None and owner.pk != activity.pk:
            errors.append(_error(row, "iati_identifier", _(
                "This IATI identifier belongs to another activity (Puente ID %(id)s)."
            ) % {"id": owner.pk}))  # fmt: skip
        return activity
    if row.iati_identifier:
        return by_iati.get(row.iati_identifier)
    same = by_title.get(row.title_es or "", [])
    if len(same) > 1:
        errors.append(_error(row, "title_es", _(
            "%(n)s activities have this title; write the Puente ID of the one you mean."
        ) % {"n": len(same)}))  # fmt: skip
        return None
    return same[0] if same else None


def _stage_problems(row: ActivityRow, activity: Activity) -> list[CellError]:
    current, target = Stage(activity.stage), Stage(row.stage)  # type: ignore[arg-type]
    if target not in ALLOWED_STEPS[current]:
        return [_error(row, "stage", _(
            "An activity in stage “%(current)s” cannot move to “%(target)s”."
        ) % {"current": current.label, "target": target.label})]  # fmt: skip
    if target == Stage.APPROVED and not has_approval_grounds(activity):
        return [_error(row, "stage", _(
            "A project is approved with a linked agreement or a favourable viability "
            "concept. Link one first, or approve it on its page and say why."
        ))]  # fmt: skip
    return []


def _date_problems(row: ActivityRow, activity: Activity) -> list[CellError]:
    """The row's dates against the stored ones it leaves in place, as the form checks them."""
    start = row.planned_start or activity.planned_start
    end = row.planned_end or activity.planned_end
    if start and end and end < start:
        key = "planned_end" if row.planned_end else "planned_start"
        return [_error(row, key, _("The end comes before the start."))]
    return []


def _budget_problems(row: ActivityRow, budgets: list[Budget]) -> list[CellError]:
    """A year's budget is set only where it would not sit beside another budget of that year
    (budgets by other periods: added up, the two would count the year twice)."""
    year = row.budget[0]  # type: ignore[index]
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    overlapping = [b for b in budgets if b.period_start <= end and b.period_end >= start]
    if any(_calendar_year(b) != year for b in overlapping):
        return [_error(row, "budget_year", _(
            "This activity's budgets for %(year)s do not follow the calendar year; change them "
            "on its page."
        ) % {"year": year})]  # fmt: skip
    return []


def _level_problems(row: ActivityRow, activity: Activity) -> list[CellError]:
    if activity.parent_id or activity.children.exists():  # type: ignore[attr-defined]
        return [_error(row, "level", _(
            "This activity is part of another or has parts of its own; change its level on "
            "its page."
        ))]  # fmt: skip
    return []


# --- the writes -------------------------------------------------------------------------------


class Conflict(Exception):
    """The portfolio changed between the check and the write; nothing was written."""


@dataclass
class _Batch:
    """The updates of every row, written together at the end, each with its history row (one
    save per row took 24 s for 5,000 changed rows on SQLite)."""

    activities: list[Activity] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    new_parts: dict[type[Model], list[Model]] = field(default_factory=lambda: defaultdict(list))
    stage_changes: list[StageChange] = field(default_factory=list)

    def write(self, by: User) -> None:
        if not self.activities:  # every row that changes anything changes its activity
            return
        bulk_update_with_history(
            self.activities, Activity, ACTIVITY_FIELDS, batch_size=500, default_user=by
        )
        if self.budgets:
            bulk_update_with_history(
                self.budgets, Budget, ["amount", "currency"], batch_size=500, default_user=by
            )
        for model, parts in self.new_parts.items():
            bulk_create_with_history(parts, model, batch_size=500, default_user=by)
        StageChange.objects.bulk_create(self.stage_changes)
        for written in {Activity, Budget, *self.new_parts}:
            bulk_written.send(sender=written)


# What an update may change on the activity itself (its save's side effects included).
ACTIVITY_FIELDS = [
    *(name.removesuffix("_id") for name in SCALARS),
    "stage", "iati_status", "revision", "search_text", "updated_at",
]  # fmt: skip


@dataclass
class Outcome:
    created: list[Activity] = field(default_factory=list)
    updated: list[Activity] = field(default_factory=list)
    unchanged: int = 0


@transaction.atomic
def apply(planned: Plan, by: User, filename: str) -> Outcome:
    """Creates the new activities and updates the matched ones; an unchanged row writes nothing."""
    outcome = Outcome()
    new_rows = [row for row, target in planned.targets if target is None]
    updates = [(row, target) for row, target in planned.targets if target is not None]
    if new_rows:
        outcome.created = _create(new_rows, by, filename)
    if updates:
        ids = [target.pk for _row, target in updates]
        current = Activity.objects.select_for_update().prefetch_related(
            "sectors", "locations", "participations", "budgets"
        ).in_bulk(ids)  # fmt: skip
        batch = _Batch()
        for row, target in updates:
            if _update(row, current[target.pk], by, filename, batch):
                outcome.updated.append(current[target.pk])
            else:
                outcome.unchanged += 1
        batch.write(by)
    return outcome


def _reason(filename: str, row: ActivityRow) -> tuple[Any, dict[str, object]]:
    return REASON, {"file": filename[:40], "line": row.line}


def _create(rows: list[ActivityRow], by: User, filename: str) -> list[Activity]:
    """New activities and their parts written in bulk, with their history rows (simple_history's
    bulk writer): 5,000 rows one by one took over a minute on SQLite."""
    activities = []
    for row in rows:
        activity = Activity(
            responsible=by,
            title_es=row.title_es or "",
            title_en=row.title_en or "",
            description_es=row.description_es or "",
            iati_identifier=row.iati_identifier,
            level=row.level or Level.PROJECT,
            stage=row.stage or Stage.IDEA,
            planned_start=row.planned_start,
            planned_end=row.planned_end,
            currency_id=row.currency or "COP",
            is_public=bool(row.is_public),
        )
        activity.sync_iati_status()
        activity.refresh_search_text()
        # Each with its row, as an update is (the bulk writer reads each instance's reason).
        attribute(activity, by, CREATED, file=filename[:40], line=row.line)
        activities.append(activity)
    created = bulk_create_with_history(activities, Activity, batch_size=500, default_user=by)
    parts: dict[type[Model], list[Model]] = defaultdict(list)
    for row, activity in zip(rows, created, strict=True):
        for part in _new_parts(row, activity):
            attribute(part, by, CREATED, file=filename[:40], line=row.line)
            parts[type(part)].append(part)
    for model, objects in parts.items():
        bulk_create_with_history(objects, model, batch_size=500, default_user=by)
    # Projects recorded where they already stand: the step is in their lifecycle's record.
    at_its_stage = reason_text(AT_ITS_STAGE)
    StageChange.objects.bulk_create(
        StageChange(
            activity=activity, from_stage=Stage.IDEA, to_stage=activity.stage, by=by,
            reason=f"{reason_text(CREATED, file=filename[:40], line=row.line)} ({at_its_stage})",
        )
        for row, activity in zip(rows, created, strict=True)
        if activity.stage in PAST_APPROVAL
    )  # fmt: skip
    for written in (Activity, *parts):
        bulk_written.send(sender=written)
    return created


def _new_parts(row: ActivityRow, activity: Activity) -> list[Model]:
    parts: list[Model] = []
    if row.sector:
        parts.append(ActivitySector(activity=activity, sector_id=row.sector, percentage=100))
    for pk in row.municipalities or ():
        parts.append(Location(activity=activity, municipality_id=pk))
    for organisation, role in row.participations or ():
        parts.append(Participation(activity=activity, organisation_id=organisation, role=role))
    if row.budget:
        parts.append(_budget(activity, row.budget, row.currency or activity.currency_id))
    return parts


def _budget(activity: Activity, budget: tuple[int, Decimal], currency: str | None) -> Budget:
    year, amount = budget
    return Budget(
        activity=activity,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        amount=amount,
        currency_id=currency or "COP",
    )


def _update(row: ActivityRow, activity: Activity, by: User, filename: str, batch: _Batch) -> bool:
    """Puts what the row changes in `batch`; False when it changes nothing."""
    reason, values = _reason(filename, row)
    # The row's fields bear the activity's names, but for the currency's key.
    stated = {name: getattr(row, name.removesuffix("_id")) for name in SCALARS}
    changed = [
        name
        for name in SCALARS
        if stated[name] is not None and cell_text(getattr(activity, name)) != stated[name]
    ]
    parts_changed = _update_parts(row, activity, by, reason, values, batch)
    previous = activity.stage
    stage_changed = bool(row.stage and row.stage != previous)
    if stage_changed and Stage(row.stage) not in ALLOWED_STEPS[Stage(previous)]:  # type: ignore[arg-type]
        # Checked against the stage read before the lock: someone moved it since.
        raise Conflict(
            _("“%(title)s” changed stage while the file was being checked; upload it again.")
            % {"title": activity.title_es}
        )
    if not changed and not stage_changed and not parts_changed:
        return False
    for name in changed:
        setattr(activity, name, stated[name])
    if stage_changed:
        activity.stage = row.stage  # type: ignore[assignment]
        activity.sync_iati_status()
    activity.revision += 1  # read under the lock (apply's select_for_update)
    activity.refresh_search_text()  # what its save would do
    activity.updated_at = timezone.now()
    attribute(activity, by, reason, **values)
    batch.activities.append(activity)
    if stage_changed:
        batch.stage_changes.append(
            StageChange(
                activity=activity,
                from_stage=previous,
                to_stage=str(row.stage),
                by=by,
                reason=reason_text(reason, **values),
            )
        )
    return True


def _update_parts(
    row: ActivityRow,
    activity: Activity,
    by: User,
    reason: Any,
    values: dict[str, object],
    batch: _Batch,
) -> bool:
    """Sets the parts the row states (sector, municipalities, organisations, a year's budget)."""
    changed = False

    def drop(part: Model) -> None:
        attribute(part, by, reason, **values)
        part.delete()

    def add(part: Model) -> None:
        attribute(part, by, reason, **values)
        batch.new_parts[type(part)].append(part)

    if row.sector:
        sectors = list(activity.sectors.all())
        if [(s.sector_id, s.percentage) for s in sectors] != [(row.sector, 100)]:
            for sector in sectors:
                drop(sector)
            add(ActivitySector(activity=activity, sector_id=row.sector, percentage=100))
            changed = True
    if row.municipalities is not None:
        locations = list(activity.locations.all())
        have = {loc.municipality_id for loc in locations}
        for loc in locations:
            # A place matched to no municipality is not the sheet's to state: it stays.
            if loc.municipality_id is not None and loc.municipality_id not in row.municipalities:
                drop(loc)
                changed = True
        for pk in row.municipalities:
            if pk not in have:
                add(Location(activity=activity, municipality_id=pk))
                changed = True
    if row.participations is not None:
        current = list(activity.participations.all())
        for participation in current:
            if (participation.organisation_id, participation.role) not in row.participations:
                drop(participation)
                changed = True
        have_pairs = {(p.organisation_id, p.role) for p in current}
        for organisation, role in row.participations:
            if (organisation, role) not in have_pairs:
                add(Participation(activity=activity, organisation_id=organisation, role=role))
                changed = True
    if row.budget:
        year, amount = row.budget
        currency = row.currency or activity.currency_id or "COP"
        same_year = [
            b
            for b in activity.budgets.all()
            if _calendar_year(b) == year and b.kind == Budget.Kind.ORIGINAL
        ]
        if same_year:
            budget = same_year[0]
            if budget.amount != amount or budget.currency_id != currency:
                budget.amount, budget.currency_id = amount, currency
                attribute(budget, by, reason, **values)
                batch.budgets.append(budget)
                changed = True
        else:
            add(_budget(activity, row.budget, currency))
            changed = True
    return changed
