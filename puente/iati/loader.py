"""Loads read activities into the portfolio: idempotent upsert keyed by IATI identifier.

The source owns what it publishes (titles, dates, status, partners, sectors, places, money,
results, linked documents); the Secretariat owns the rest (stage, publication, level and
parent, people reached, SDG goals, uploaded files), which a re-import never touches.
Activities are written in batches, each batch in one transaction; if a batch fails, its
activities are retried one by one so that one bad activity cannot sink the others.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db import DatabaseError, IntegrityError, models, transaction
from django.utils import timezone

from puente.portfolio import models as pm
from puente.portfolio.forms import forget_filter_choices
from puente.portfolio.lifecycle import Stage
from puente.portfolio.models import search_text_of
from puente.territory.models import Country, Currency, Municipality, Sector
from puente.territory.selectors import municipal_shapes

from . import data
from .fastinsert import allocate_ids, insert_rows
from .matching import Candidate, Match, Matcher
from .models import ActivitySource, ImportRun
from .organisations import OrganisationResolver
from .records import UNDECLARED, pack

STAGE_OF_STATUS = {
    "1": Stage.IDEA,
    "2": Stage.EXECUTION,
    "3": Stage.CLOSING,
    "4": Stage.CLOSED,
    "5": Stage.CANCELLED,
    "6": Stage.EXECUTION,
}
MAX_AMOUNT = Decimal(10) ** 17  # what a DECIMAL(20, 2) column holds
MAX_PROBLEMS = 1000


class ActivityRefused(ValueError):
    """The activity was read but cannot be stored (unknown currency, absurd amount, ...)."""


@dataclass
class Written:
    """What one batch wrote; merged into the outcome only after its transaction commits."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[dict] = field(default_factory=list)

    def note(self, item: data.Activity, element: str, message: str) -> None:
        self.problems.append(
            {
                "identifier": item.identifier,
                "line": item.line,
                "element": element,
                "message": message,
            }
        )


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    filtered_out: int = 0
    skipped: int = 0
    problems: list[dict] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)


def fingerprint(activity: data.Activity) -> str:
    """The reader's hash of the published XML, or (for activities built in code) of the data."""
    if activity.fingerprint:
        return activity.fingerprint
    content = asdict(activity)
    for volatile in ("line", "warnings"):
        content.pop(volatile)
    return hashlib.sha256(repr(content).encode()).hexdigest()


@dataclass(slots=True)
class Stored:
    """An activity written in this batch: what was read, its id, its source-owned columns."""

    item: data.Activity
    pk: int
    values: dict


class Loader:
    def __init__(self, run: ImportRun) -> None:
        self.run = run
        self.orgs = OrganisationResolver()
        municipalities = list(Municipality.objects.select_related("department"))
        candidates = [
            Candidate(
                m.pk, m.code, m.name, m.department.code, _f(m.latitude), _f(m.longitude),
                m.department.country_id,
            )
            for m in municipalities
        ]  # fmt: skip
        self.matcher = Matcher(candidates, municipal_shapes(municipalities))
        self.department_of = {c.id: c.department_code for c in candidates}
        self.country_of_department = dict(
            Municipality.objects.values_list("department__code", "department__country_id")
        )
        self.sectors = set(Sector.objects.values_list("code", flat=True))
        self.countries = set(Country.objects.values_list("code", flat=True))
        self.currencies = set(Currency.objects.values_list("code", flat=True))
        self.outcome = Outcome()
        self.current_source = run.source
        # What is stored as published: an activity whose XML hashes to one of these is not read
        # again (an unchanged re-import costs little more than parsing the file).
        # Activities imported before records were kept (no version) are read once more, to keep it.
        self.known_fingerprints = set(
            ActivitySource.objects.exclude(version="").values_list("fingerprint", flat=True)
        )
        self._unchanged_not_counted = 0
        self.identifiers_seen: set[str] = set()

    def unchanged_as_stored(self) -> None:
        self.outcome.unchanged += 1
        self._unchanged_not_counted += 1

    def take_unchanged_as_stored(self) -> int:
        """How many activities were found unchanged since the run's counts were last saved."""
        found, self._unchanged_not_counted = self._unchanged_not_counted, 0
        return found

    # --- the batch ------------------------------------------------------------------------

    def load(self, batch: list[data.Activity]) -> None:
        matches = {id(a): [self.matcher.match(p) for p in a.places] for a in batch}
        in_scope = [a for a in batch if self._in_scope(a, matches[id(a)])]
        self.outcome.filtered_out += len(batch) - len(in_scope)
        try:
            with transaction.atomic():
                written = self._write(in_scope, matches)
                self._count_in_run(written)
            self._merge(written)
        except (DatabaseError, IntegrityError, ActivityRefused):
            # Find the culprit: each activity on its own, the good ones land.
            for activity in in_scope:
                try:
                    with transaction.atomic():
                        written = self._write([activity], matches)
                        self._count_in_run(written)
                    self._merge(written)
                except (DatabaseError, IntegrityError, ActivityRefused) as error:
                    self.outcome.skipped += 1
                    self.problem(activity.identifier, activity.line, "iati-activity", str(error))
        self._record(in_scope, matches)

    def _count_in_run(self, written: "Written") -> None:
        """The run's counts go in with the rows they count, in the same transaction: a run
        killed between batches still says exactly what it wrote."""
        ImportRun.objects.filter(pk=self.run.pk).update(
            created=models.F("created") + written.created,
            updated=models.F("updated") + written.updated,
            unchanged=models.F("unchanged") + written.unchanged,
        )

    def _merge(self, written: "Written") -> None:
        """Counts what a batch wrote, once its transaction has committed."""
        self.outcome.created += written.created
        self.outcome.updated += written.updated
        self.outcome.unchanged += written.unchanged
        for problem in written.problems:
            self.problem(**problem)

    def problem(self, identifier: str, line: int, element: str, message: str) -> None:
        if len(self.outcome.problems) < MAX_PROBLEMS:
            self.outcome.problems.append(
                {"identifier": identifier, "line": line, "element": element, "message": message}
            )

    def _in_scope(self, activity: data.Activity, matches: list[Match]) -> bool:
        scope = self.run.scope
        if scope == ImportRun.Scope.ALL:
            return True
        departments = {self.department_of[m.municipality_id] for m in matches if m.municipality_id}
        if scope == ImportRun.Scope.DEPARTMENT:
            return self.run.department in departments
        countries = {c.code for c in activity.countries}
        countries |= {self.country_of_department.get(d, "") for d in departments}
        return self.run.country in countries

    def _record(self, activities: Iterable[data.Activity], matches: dict) -> None:
        for activity in activities:
            for place, match in zip(activity.places, matches[id(activity)], strict=True):
                if match.municipality_id is None and len(self.outcome.unmatched) < MAX_PROBLEMS:
                    self.outcome.unmatched.append(
                        {
                            "identifier": activity.identifier,
                            "line": place.line,
                            "name": place.names[0].text if place.names else "",
                            "codes": [a.code for a in place.administratives],
                            "point": [str(place.latitude), str(place.longitude)]
                            if place.latitude is not None
                            else None,
                        }
                    )

    def _write(self, batch: list[data.Activity], matches: dict) -> "Written":
        existing = {
            a.iati_identifier: a
            for a in pm.Activity.objects.filter(iati_identifier__in=[x.identifier for x in batch])
            .select_related("source")
            .defer("source__published_xml")  # the records stay in the database
        }
        result = Written()
        seen: set[str] = set()
        to_create: list[tuple[data.Activity, dict]] = []
        to_update: list[tuple[data.Activity, pm.Activity, dict]] = []
        for item in batch:
            if item.identifier in seen:
                result.note(
                    item, "iati-identifier", "the identifier appears twice; the second is ignored"
                )
                continue
            seen.add(item.identifier)
            self._check(item)
            print_ = item.fingerprint = fingerprint(item)
            current = existing.get(item.identifier)
            source = getattr(current, "source", None) if current else None
            if current is not None and source is None:
                result.note(
                    item,
                    "iati-identifier",
                    "a Secretariat activity has this identifier; it is not overwritten",
                )
                continue
            if source is not None and (
                (source.fingerprint == print_ and (source.version or not item.published))
                or _older(item, source.last_updated)
            ):
                result.unchanged += 1
                continue
            values = self._source_values(item)
            if current is None:
                to_create.append((item, values))
            else:
                to_update.append((item, current, values))
        written = self._insert_activities(to_create, public=self.run.publish)
        if to_update:
            for _, row, values in to_update:
                for column, value in values.items():
                    setattr(row, column, value)
            pm.Activity.objects.bulk_update(
                [row for _, row, _ in to_update], SOURCE_FIELDS, batch_size=500
            )
            self._clear_parts([row.pk for _, row, _ in to_update])
            ActivitySource.objects.filter(activity__in=[row for _, row, _ in to_update]).delete()
        # The source row is written anew below: an activity still waiting stays waiting.
        waiting = {
            row.pk
            for _, row, _ in to_update
            if getattr(row, "source", None) and row.source.awaiting_review
        }
        waiting |= {w.pk for w in written} if not self.run.publish else set()
        written += [Stored(item, row.pk, values) for item, row, values in to_update]
        self._write_parts(written, matches)
        insert_rows(
            ActivitySource,
            [
                {
                    "activity_id": w.pk,
                    "publisher_ref": w.item.reporting_org.ref[:150] if w.item.reporting_org else "",
                    "source": self.current_source[:1000],
                    "last_updated": w.item.last_updated,
                    "fingerprint": w.item.fingerprint,
                    "published_xml": pack(w.item.published),
                    "version": (w.item.version or UNDECLARED)[:10],
                    "run_id": self.run.pk,
                    "awaiting_review": w.pk in waiting,
                }
                for w in written
            ],
        )
        result.created, result.updated = len(to_create), len(to_update)
        return result

    @staticmethod
    def _insert_activities(new: list[tuple[data.Activity, dict]], public: bool) -> list["Stored"]:
        """New activities as plain rows with ids taken ahead, so their parts can name them:
        the ORM's bulk_create, then building model instances at all, cost a quarter of a
        batch's time."""
        if not new:
            return []
        ids = allocate_ids(pm.Activity, len(new))
        insert_rows(
            pm.Activity,
            [
                {
                    "id": pk,
                    "stage": STAGE_OF_STATUS.get(item.status, Stage.IDEA),
                    "is_public": public,
                    **values,
                }
                for (item, values), pk in zip(new, ids, strict=True)
            ],
            with_ids=True,
        )
        return [Stored(item, pk, values) for (item, values), pk in zip(new, ids, strict=True)]

    # --- one activity -----------------------------------------------------------------------

    def _check(self, item: data.Activity) -> None:
        amounts = [b.value for b in item.budgets] + [t.value for t in item.transactions]
        amounts += [p.value for p in item.planned_disbursements]
        for money in amounts:
            if money.currency not in self.currencies:
                raise ActivityRefused(f"line {item.line}: currency “{money.currency}” is unknown")
            if abs(money.amount) >= MAX_AMOUNT:
                raise ActivityRefused(
                    f"line {item.line}: the amount {money.amount} is too large to be real"
                )

    def _source_values(self, item: data.Activity) -> dict:
        """The activity's columns the source owns (SOURCE_FIELDS), by column name."""
        titles = _by_lang(item.titles)
        general = _by_lang(item.descriptions.get("1", []))
        # With neither Spanish nor English, the first title stands in (the rest go to texts).
        fallback = "" if titles.keys() & {"es", "en"} else _first_title(item)
        title_es, title_en = titles.get("es", "")[:300], (titles.get("en") or fallback)[:300]
        description_es, description_en = general.get("es", ""), general.get("en", "")
        reporting = self.orgs.resolve(item.reporting_org)
        gender = next(
            (m for m in item.policy_markers if m.vocabulary == "1" and m.code == "1"), None
        )
        return {
            "iati_identifier": item.identifier,
            "title_es": title_es,
            "title_en": title_en,
            "description_es": description_es,
            "description_en": description_en,
            "iati_status": item.status or "2",
            "planned_start": item.planned_start,
            "planned_end": item.planned_end,
            "actual_start": item.actual_start,
            "actual_end": item.actual_end,
            "humanitarian": item.humanitarian,
            "currency_id": (
                item.default_currency if item.default_currency in self.currencies else "USD"
            ),
            "reporting_org_id": reporting.pk if reporting is not None else None,
            "gender_marker": (min(gender.value, "2") if gender and gender.value.isdigit() else ""),
            "is_demo": False,
            # Bulk writes skip save(), which keeps the search text.
            "search_text": search_text_of(
                title_es, title_en, description_es, description_en, item.identifier
            ),
        }

    def _clear_parts(self, ids: list[int]) -> None:
        for model in SOURCE_PARTS:
            model._default_manager.filter(activity_id__in=ids).delete()
        pm.Document.objects.filter(activity_id__in=ids, file="").delete()

    def _write_parts(self, written: list["Stored"], matches: dict) -> None:
        # Rows as plain dicts of column values (see fastinsert): no model instances.
        parts: dict[type[models.Model], list[dict]] = {model: [] for model in ROW_PARTS}
        results: list[tuple[data.Result, pm.Result]] = []
        org = self._org_id
        for w in written:
            item, pk = w.item, w.pk
            self._participations(item, pk, parts[pm.Participation])
            self._classify(item, pk, parts)
            for place, match in zip(item.places, matches[id(item)], strict=True):
                parts[pm.Location].append(
                    {
                        "activity_id": pk,
                        "municipality_id": match.municipality_id,
                        "match_method": match.method,
                        "match_confidence": match.confidence,
                        "name": (place.names[0].text if place.names else "")[:200],
                        "source_ref": place.ref[:200],
                        "admin_code": (
                            place.administratives[0].code if place.administratives else ""
                        )[:60],
                        "latitude": place.latitude,
                        "longitude": place.longitude,
                    }
                )
            for b in item.budgets:
                parts[pm.Budget].append(
                    {
                        "activity_id": pk,
                        "kind": b.kind if b.kind in ("1", "2") else "1",
                        "period_start": b.period_start,
                        "period_end": b.period_end,
                        "amount": b.value.amount,
                        "currency_id": b.value.currency,
                    }
                )
            for d in item.planned_disbursements:
                parts[pm.PlannedDisbursement].append(
                    {
                        "activity_id": pk,
                        "period_start": d.period_start,
                        "period_end": d.period_end,
                        "amount": d.value.amount,
                        "currency_id": d.value.currency,
                        "provider_id": org(d.provider),
                        "receiver_id": org(d.receiver),
                    }
                )
            for t in item.transactions:
                parts[pm.Transaction].append(
                    {
                        "activity_id": pk,
                        "kind": t.kind,
                        "date": t.date,
                        "amount": t.value.amount,
                        "currency_id": t.value.currency,
                        "description": t.description[:300],
                        "provider_id": org(t.provider),
                        "receiver_id": org(t.receiver),
                    }
                )
            for r in item.results:
                results.append(
                    (
                        r,
                        pm.Result(
                            activity_id=pk,
                            kind=r.kind,
                            title=r.title[:300],
                            description=r.description,
                        ),
                    )
                )
            for doc in item.documents:
                parts[pm.Document].append(
                    {
                        "activity_id": pk,
                        "url": doc.url[:200],
                        "title": (doc.title or doc.url)[:300],
                        "category": _document_category(doc.categories),
                    }
                )
            parts[pm.RelatedActivity].extend(
                {"activity_id": pk, "ref": r.ref[:150], "relation": r.type[:1]}
                for r in item.related
            )
            parts[pm.ActivityText].extend(_texts(item, pk, w.values["title_en"]))
        for model, rows in parts.items():
            insert_rows(model, rows)  # no ids needed back: one executemany per table
        self._write_results(results)

    def _org_id(self, ref: data.OrgRef | None) -> int | None:
        found = self.orgs.resolve(ref)
        return found.pk if found is not None else None

    def _participations(self, item: data.Activity, pk: int, out: list[dict]) -> None:
        seen = set()
        for participant in item.participants:
            org = self._org_id(participant.org)
            if org is not None and (org, participant.role) not in seen:
                seen.add((org, participant.role))
                out.append({"activity_id": pk, "organisation_id": org, "role": participant.role})

    def _classify(self, item: data.Activity, pk: int, parts: dict) -> None:
        dac_seen = set()
        for s in item.sectors:
            dac = s.vocabulary in ("1", "2") and s.code in self.sectors and s.code not in dac_seen
            if dac:
                dac_seen.add(s.code)
                parts[pm.ActivitySector].append(
                    {
                        "activity_id": pk,
                        "sector_id": s.code,
                        "percentage": s.percentage or Decimal("100"),
                    }
                )
            else:
                parts[pm.Classification].append(
                    _classification(
                        pk, "sector", s.vocabulary, s.code or (s.names[0].text if s.names else ""),
                        s.percentage, s.names,
                    )
                )  # fmt: skip
        for c in item.countries:
            if c.code in self.countries:
                parts[pm.RecipientCountry].append(
                    {"activity_id": pk, "country_id": c.code, "percentage": c.percentage}
                )
        for r in item.regions:
            parts[pm.Classification].append(
                _classification(pk, "region", r.vocabulary, r.code, r.percentage, [])
            )
        for m in item.policy_markers:
            if not (m.vocabulary == "1" and m.code == "1"):
                parts[pm.Classification].append(
                    _classification(pk, "policy-marker", m.vocabulary, m.code, m.value, m.names)
                )
        for m in item.humanitarian_scopes:
            parts[pm.Classification].append(
                _classification(pk, "humanitarian-scope", m.vocabulary, m.code, m.value, m.names)
            )
        for m in item.tags:
            parts[pm.Classification].append(
                _classification(pk, "tag", m.vocabulary, m.code, "", m.names)
            )

    def _write_results(self, results: list[tuple[data.Result, pm.Result]]) -> None:
        pm.Result.objects.bulk_create([r for _, r in results], batch_size=1000)
        indicators = [
            (
                i,
                pm.Indicator(
                    result=row,
                    title=i.title[:300],
                    measure=i.measure if i.measure in "12345" else "1",
                    ascending=i.ascending,
                    baseline_year=i.baseline_year,
                    baseline_value=i.baseline_value,
                    baseline_comment=i.baseline_comment[:300],
                ),
            )
            for r, row in results
            for i in r.indicators
        ]
        pm.Indicator.objects.bulk_create([i for _, i in indicators], batch_size=1000)
        periods = [
            (
                p,
                pm.IndicatorPeriod(
                    indicator=row,
                    period_start=p.start,
                    period_end=p.end,
                    target=p.target,
                    actual=p.actual,
                    target_comment=p.target_comment[:300],
                    actual_comment=p.actual_comment[:300],
                ),
            )
            for i, row in indicators
            for p in i.periods
        ]
        pm.IndicatorPeriod.objects.bulk_create([p for _, p in periods], batch_size=1000)
        dimensions = []
        for p, row in periods:
            for side, found in (("target", p.target_dimensions), ("actual", p.actual_dimensions)):
                seen = set()
                for d in found:
                    if (d.name, d.value) in seen:
                        continue
                    seen.add((d.name, d.value))
                    total = p.target if side == "target" else p.actual
                    value = d.amount if d.amount is not None else total
                    dimensions.append(
                        pm.Disaggregation(
                            period=row,
                            side=side,
                            dimension=pm.Dimension.OTHER,
                            name=d.name[:100],
                            category=d.value[:100],
                            value=value or 0,
                        )
                    )
        pm.Disaggregation.objects.bulk_create(dimensions, batch_size=1000)


SOURCE_FIELDS = [
    "title_es", "title_en", "description_es", "description_en", "iati_status", "planned_start",
    "planned_end", "actual_start", "actual_end", "humanitarian", "currency", "reporting_org",
    "gender_marker", "search_text",
]  # fmt: skip
# Parts the source owns and a newer version replaces whole (results cascade to indicators).
SOURCE_PARTS: list[type[models.Model]] = [
    pm.Participation, pm.ActivitySector, pm.Location, pm.Budget, pm.PlannedDisbursement,
    pm.Transaction, pm.Result, pm.RelatedActivity, pm.ActivityText, pm.RecipientCountry,
    pm.Classification,
]  # fmt: skip


# Tables _write_parts fills with plain rows (the results tree needs ids back, so it is apart).
ROW_PARTS: list[type[models.Model]] = [m for m in SOURCE_PARTS if m is not pm.Result] + [
    pm.Document
]


def _f(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _older(item: data.Activity, stored: object) -> bool:
    return bool(item.last_updated and stored and item.last_updated < stored)  # type: ignore[operator]


def _by_lang(narratives: list[data.Narrative]) -> dict[str, str]:
    found: dict[str, str] = {}
    for n in narratives:
        found.setdefault(n.lang[:2], n.text)
    return found


def _first_title(item: data.Activity) -> str:
    return item.titles[0].text if item.titles else item.identifier


def _texts(item: data.Activity, pk: int, title_en: str) -> list[dict]:
    stand_in = title_en if not _by_lang(item.titles).keys() & {"es", "en"} else None
    texts = [
        {"activity_id": pk, "kind": "title", "lang": n.lang[:10], "text": n.text}
        for n in item.titles
        if n.lang[:2] not in ("es", "en") and n.text[:300] != stand_in
    ]
    for kind, narratives in item.descriptions.items():
        for n in narratives:
            if kind != "1" or n.lang[:2] not in ("es", "en"):
                texts.append(
                    {
                        "activity_id": pk,
                        "kind": "description",
                        "description_type": kind[:2],
                        "lang": n.lang[:10],
                        "text": n.text,
                    }
                )
    return texts


def _classification(
    pk: int, kind: str, vocabulary: str | None, code: str | None, value: object, names: list[Any]
) -> dict:  # type: ignore[type-arg]
    return {
        "activity_id": pk,
        "kind": kind,
        "vocabulary": (vocabulary or "")[:10],
        "code": (code or "")[:100],
        "value": str(value if value is not None else "")[:10],
        "label": (names[0].text if names else "")[:300],
    }


def _document_category(codes: list[str]) -> str:
    known = {c.value for c in pm.DocumentCategory}
    return next((c for c in codes if c in known), "B01")


def finish(run: ImportRun, loader: Loader) -> None:
    forget_filter_choices()  # participations went in as plain rows, without signals
    outcome = loader.outcome
    run.created, run.updated, run.unchanged = outcome.created, outcome.updated, outcome.unchanged
    run.filtered_out = outcome.filtered_out
    run.skipped += outcome.skipped
    run.problems = outcome.problems
    run.unmatched_places = outcome.unmatched
    run.finished_at = timezone.now()
