"""Turns portfolio activities into IATI dataclasses for the writer (the loader's mirror)."""

from collections.abc import Iterator
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from puente.directory.models import Organisation
from puente.portfolio import models as pm

from . import data
from .elements.common import Element
from .models import ActivitySource
from .records import record_element

# Publisher identifiers of a demonstration install (settings.PUENTE_IATI_ORG_REF's default):
# there the demo activities are the department's, so the portal's IATI link serves a file.
PLACEHOLDER_PUBLISHER = "CO-DEMO-"


def own_public_activities() -> QuerySet[pm.Activity]:
    """What the department publishes: its public activities, not those it imported; demo
    activities only under the placeholder publisher, never under a real one."""
    own = pm.Activity.objects.public().filter(source__isnull=True)
    if settings.PUENTE_IATI_ORG_REF.startswith(PLACEHOLDER_PUBLISHER):
        return own
    return own.filter(is_demo=False)


def imported_public_activities() -> QuerySet[pm.Activity]:
    """Activities imported from other publishers and published on the portal after review."""
    return pm.Activity.objects.public().filter(source__isnull=False)


def export_records(qs: QuerySet[pm.Activity]) -> Iterator[data.Activity | Element]:
    """Imported activities as their publishers published them (1.0x ones in 2.03 form), with
    their own reporting organisation; one imported before records were kept, from the model."""
    kept = (
        ActivitySource.objects.filter(activity__in=qs).exclude(version="").order_by("activity_id")
    )
    for source in kept.only("published_xml", "version").iterator(chunk_size=500):
        element = record_element(source.published_xml, source.version)
        if element is not None:
            yield element
    yield from export_activities(qs.filter(source__version=""))


def export_activities(qs: QuerySet[pm.Activity]) -> Iterator[data.Activity]:
    qs = (
        qs.order_by("pk")
        .select_related("reporting_org", "source")
        .prefetch_related(
            "texts",
            Prefetch(
                "participations",
                queryset=pm.Participation.objects.select_related("organisation").order_by("pk"),
            ),
            Prefetch("sectors", queryset=pm.ActivitySector.objects.order_by("pk")),
            Prefetch(
                "locations",
                queryset=pm.Location.objects.select_related("municipality__department").order_by(
                    "pk"
                ),
            ),
            Prefetch("classifications", queryset=pm.Classification.objects.order_by("pk")),
            Prefetch("budgets", queryset=pm.Budget.objects.order_by("pk")),
            Prefetch(
                "planned_disbursements",
                queryset=pm.PlannedDisbursement.objects.select_related(
                    "provider", "receiver"
                ).order_by("pk"),
            ),
            Prefetch(
                "transactions",
                queryset=pm.Transaction.objects.select_related("provider", "receiver").order_by(
                    "pk"
                ),
            ),
            Prefetch("documents", queryset=pm.Document.objects.order_by("pk")),
            Prefetch("relations", queryset=pm.RelatedActivity.objects.order_by("pk")),
            Prefetch("recipient_countries", queryset=pm.RecipientCountry.objects.order_by("pk")),
            Prefetch(
                "results",
                queryset=pm.Result.objects.order_by("pk").prefetch_related(
                    Prefetch(
                        "indicators",
                        queryset=pm.Indicator.objects.order_by("pk").prefetch_related(
                            Prefetch(
                                "periods",
                                queryset=pm.IndicatorPeriod.objects.order_by("pk").prefetch_related(
                                    Prefetch(
                                        "disaggregations",
                                        queryset=pm.Disaggregation.objects.order_by("pk"),
                                    )
                                ),
                            )
                        ),
                    )
                ),
            ),
        )
    )
    for activity in qs.iterator(chunk_size=500):
        yield to_data(activity)


def org_ref(org: Organisation | None) -> data.OrgRef | None:
    if org is None:
        return None
    return data.OrgRef(org.iati_identifier or "", org.iati_type, [data.Narrative(org.name, "es")])


def to_data(a: pm.Activity) -> data.Activity:
    lang = "es"
    source = getattr(a, "source", None)
    item = data.Activity(
        identifier=a.iati_identifier or f"{settings.PUENTE_IATI_ORG_REF}-{a.pk}",
        default_lang=lang,
        default_currency=a.currency_id or "",
        last_updated=source.last_updated
        if source and source.last_updated
        else a.updated_at.replace(microsecond=0),
        humanitarian=a.humanitarian,
        reporting_org=org_ref(a.reporting_org)
        or data.OrgRef(
            settings.PUENTE_IATI_ORG_REF,
            "11",
            [data.Narrative(settings.PUENTE_IATI_ORG_NAME, lang)],
        ),
        status=a.iati_status,
        planned_start=a.planned_start,
        actual_start=a.actual_start,
        planned_end=a.planned_end,
        actual_end=a.actual_end,
    )
    texts = list(a.texts.all())
    item.titles = _narratives([("es", a.title_es), ("en", a.title_en)]) + [
        data.Narrative(t.text, t.lang) for t in texts if t.kind == "title"
    ]
    general = _narratives([("es", a.description_es), ("en", a.description_en)])
    general += [
        data.Narrative(t.text, t.lang)
        for t in texts
        if t.kind == "description" and t.description_type == "1"
    ]
    if general:
        item.descriptions["1"] = general
    for t in texts:
        if t.kind == "description" and t.description_type != "1":
            item.descriptions.setdefault(t.description_type, []).append(
                data.Narrative(t.text, t.lang)
            )
    item.participants = [
        data.Participant(org, p.role)
        for p in a.participations.all()
        if (org := org_ref(p.organisation)) is not None
    ]
    item.sectors = [data.SectorShare(s.sector_id, "1", s.percentage) for s in a.sectors.all()]
    item.countries = [
        data.CountryShare(c.country_id, c.percentage) for c in a.recipient_countries.all()
    ]
    for c in a.classifications.all():
        names = [data.Narrative(c.label, lang)] if c.label else []
        if c.kind == "sector":
            item.sectors.append(data.SectorShare(c.code, c.vocabulary, _decimal(c.value), names))
        elif c.kind == "region":
            item.regions.append(data.RegionShare(c.code, c.vocabulary, _decimal(c.value)))
        elif c.kind == "policy-marker":
            item.policy_markers.append(data.Marker(c.code, c.vocabulary, c.value, names))
        elif c.kind == "humanitarian-scope":
            item.humanitarian_scopes.append(data.Marker(c.code, c.vocabulary, c.value, names))
        elif c.kind == "tag":
            item.tags.append(data.Marker(c.code, c.vocabulary, "", names))
    if a.gender_marker:
        item.policy_markers.insert(0, data.Marker("1", "1", a.gender_marker))
    if source is None and not item.countries and not item.regions:
        # Where staff named no country, the places say it (the IATI rules, 3.7.1, want one):
        # Colombia for the department's own work, Venezuela where every place is across the
        # border; places in both say nothing rather than a guess. Imported ones keep their word.
        places = {
            loc.municipality.department.country_id for loc in a.locations.all() if loc.municipality
        }
        if len(places) <= 1:
            item.countries = [data.CountryShare(places.pop() if places else "CO")]
    item.places = [_place(loc) for loc in a.locations.all()]
    item.budgets = [
        data.Budget(
            b.kind,
            "1",
            b.period_start,
            b.period_end,
            data.Money(b.amount, b.currency_id, b.period_start),
        )
        for b in a.budgets.all()
    ]
    item.planned_disbursements = [
        data.PlannedDisbursement(
            "1",
            p.period_start,
            p.period_end,
            data.Money(p.amount, p.currency_id, p.period_start),
            org_ref(p.provider),
            org_ref(p.receiver),
        )
        for p in a.planned_disbursements.all()
    ]
    item.transactions = [
        data.Transaction(
            t.kind,
            t.date,
            data.Money(t.amount, t.currency_id, t.date),
            "",
            t.description,
            org_ref(t.provider),
            org_ref(t.receiver),
        )
        for t in a.transactions.all()
    ]
    item.documents = [
        data.DocumentLink(d.url, "", d.title, [d.category]) for d in a.documents.all() if d.url
    ]
    item.related = [data.Related(r.ref, r.relation) for r in a.relations.all()]
    item.results = [_result(r) for r in a.results.all()]
    return item


def _narratives(pairs: list[tuple[str, str]]) -> list[data.Narrative]:
    return [data.Narrative(text, lang) for lang, text in pairs if text]


def _decimal(value: str) -> Decimal | None:
    return Decimal(value) if value else None


def _place(loc: pm.Location) -> data.Place:
    names = [data.Narrative(loc.name, "es")] if loc.name else []
    if loc.municipality and not loc.name:
        names = [data.Narrative(loc.municipality.name, "es")]
    lat, lon = loc.latitude, loc.longitude
    if lat is None and loc.municipality and loc.municipality.latitude is not None:
        lat, lon = loc.municipality.latitude, loc.municipality.longitude
    admin = [data.AdminCode(loc.admin_code, "", "")] if loc.admin_code else []
    return data.Place(
        ref=loc.source_ref, names=names, administratives=admin, latitude=lat, longitude=lon
    )


def _result(r: pm.Result) -> data.Result:
    return data.Result(
        kind=r.kind,
        title=r.title,
        description=r.description,
        indicators=[
            data.Indicator(
                title=i.title,
                measure=i.measure,
                ascending=i.ascending,
                baseline_year=i.baseline_year,
                baseline_value=i.baseline_value,
                baseline_comment=i.baseline_comment,
                periods=[
                    data.Period(
                        start=p.period_start,
                        end=p.period_end,
                        target=p.target,
                        actual=p.actual,
                        target_comment=p.target_comment,
                        actual_comment=p.actual_comment,
                        target_dimensions=_dimensions(p, "target"),
                        actual_dimensions=_dimensions(p, "actual"),
                    )
                    for p in i.periods.all()
                ],
            )
            for i in r.indicators.all()
        ],
    )


def _dimensions(period: pm.IndicatorPeriod, side: str) -> list[data.Dimension]:
    return [
        data.Dimension(d.name or d.dimension, d.category, d.value)
        for d in period.disaggregations.all()
        if d.side == side
    ]
