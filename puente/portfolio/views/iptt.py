"""The indicator performance tracking table (IPTT): a staff report and its XLSX export."""

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, internal_view
from puente.lib.paging import page_of
from puente.lib.tabular import workbook_response

from ..forms import IpttForm
from ..iptt import EXPORT_LIMIT, iptt_rows, sheets, standing_label
from ..iptt_pdf import PDF_LIMIT, render_iptt
from ..models import Activity, Dimension, Indicator
from ..rollup import FAR_BEHIND, ON_TRACK, OVERSHOOT, projects_under
from ..selectors import filter_activities, visible_activities


def _indicators(request: AuthedRequest) -> tuple[IpttForm, QuerySet[Indicator]]:
    readable = visible_activities(request.user)
    form = IpttForm(request.GET or None, readable=readable)
    activities = filter_activities(readable, form.to_filter())
    programme = form.cleaned_data.get("programme") if form.is_valid() else None
    if programme:
        parent = readable.filter(pk=programme).first()
        activities = (
            activities.filter(pk__in=projects_under(parent, readable))
            if parent
            else Activity.objects.none()
        )
    indicators = Indicator.objects.filter(result__activity__in=activities).order_by(
        "result__activity__title_es", "result__activity_id", "pk"
    )
    return form, indicators


@internal_view
def iptt(request: AuthedRequest) -> HttpResponse:
    form, indicators = _indicators(request)
    split = form.cleaned_data.get("split", "") if form.is_valid() else ""
    page, query = page_of(request, indicators, per_page=50)
    chosen = Indicator.objects.filter(pk__in=[i.pk for i in page.object_list]).order_by(
        "result__activity__title_es", "result__activity_id", "pk"
    )
    years, rows = iptt_rows(chosen, [split] if split else [])
    for row in rows:
        ascending = row.indicator.ascending
        row.shown = [  # type: ignore[attr-defined]
            (f, f.standing(ascending), standing_label(f.standing(ascending)))
            for f in row.cells(years)
        ]
        total = row.total
        # A project still under way is not "far behind" its life's target: its share is to date.
        row.shown.append(  # type: ignore[attr-defined]
            (total, total.standing(ascending), standing_label(total.standing(ascending)))
            if row.complete
            else (total, "", _("to date"))
        )
        row.split_rows = row.part_rows(years, split) if split else []  # type: ignore[attr-defined]
    return render(
        request,
        "portfolio/iptt.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "years": years,
            "rows": rows,
            "split": split,
            "thresholds": {"on": ON_TRACK, "far": FAR_BEHIND, "over": OVERSHOOT},
        },
    )


@internal_view
def iptt_export(request: AuthedRequest) -> HttpResponse:
    _form, indicators = _indicators(request)
    if refusal := _too_many(indicators, EXPORT_LIMIT):
        return refusal
    dimensions = [d.value for d in Dimension if d != Dimension.OTHER]
    return workbook_response(_("indicator-tracking"), sheets(indicators, dimensions))


def _too_many(indicators: QuerySet[Indicator], limit: int) -> HttpResponse | None:
    """The answer to an export of more than `limit` indicators, or None: every indicator is
    read to write it, and a whole large portfolio would outlast the request."""
    count = indicators.count()
    if count <= limit:
        return None
    return HttpResponse(
        _("%(count)s indicators match: narrow the filters to %(limit)s or fewer to export them.")
        % {
            "count": number_format(count, force_grouping=True),
            "limit": number_format(limit, force_grouping=True),
        },
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def _filters_in_words(form: IpttForm) -> list[str]:
    """The filters applied, as the page's labels and choices read them, in the PDF's Spanish;
    those refused as invalid are left out, as the table leaves them out."""
    form.is_valid()
    applied = getattr(form, "cleaned_data", {})
    words = []
    with translation.override("es"):
        for name, field in form.fields.items():
            value = applied.get(name)
            if value in (None, "", [], ()) or name in ("page", "sort"):
                continue
            # The choice's label by the value as sent: a typed value (True, a number) is not
            # a key of the choices.
            labels = {str(key): label for key, label in getattr(field, "choices", ())}
            shown = labels.get(str(form.data.get(name, "")), value)
            words.append(f"{field.label}: {shown}")
    return words


@internal_view
def iptt_pdf(request: AuthedRequest) -> HttpResponse:
    form, indicators = _indicators(request)
    if refusal := _too_many(indicators, PDF_LIMIT):
        return refusal
    split = form.cleaned_data.get("split", "") if form.is_valid() else ""
    years, rows = iptt_rows(indicators, [split] if split else [])
    response = HttpResponse(
        render_iptt(rows, years, split, _filters_in_words(form)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="seguimiento-de-indicadores.pdf"'
    return response
