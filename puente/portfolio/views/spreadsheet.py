"""The portfolio spreadsheet: its template (empty, or with the list's activities) and its upload."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.lib.tabular import XLSX
from puente.lib.workbook import Refused

from .. import upload
from ..forms import ActivityFilterForm, PortfolioUploadForm
from ..selectors import filter_activities, visible_activities
from ..spreadsheet import MAX_ROWS, build_template, read_upload

ERRORS_SHOWN = 200  # a file wrong in every row would otherwise make a page of thousands


@secretariat_view
def portfolio_spreadsheet(request: AuthedRequest) -> HttpResponse:
    form = PortfolioUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return _page(request, form)
    if not form.is_valid():
        return _page(request, form, status=400)
    sent = form.cleaned_data["file"]
    try:
        parsed = read_upload(sent.read(), upload.vocabulary())
    except Refused as refusal:
        form.add_error("file", str(refusal))
        return _page(request, form, status=400)
    planned = upload.plan(parsed.rows)
    errors = sorted(parsed.errors + planned.errors, key=lambda e: e.line)
    if errors and not form.cleaned_data["clean_only"]:
        return _page(request, form, status=400, errors=errors, clean=len(planned.targets))
    outcome = upload.apply(planned, request.user, sent.name)
    summary = _(
        "Activities created: %(created)s · updated: %(updated)s · unchanged: %(unchanged)s."
    ) % {
        "created": outcome.created,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
    }
    if errors:
        rows = len({e.line for e in errors})
        left_out = ngettext(
            "%(n)s row with errors was left out.", "%(n)s rows with errors were left out.", rows
        )
        messages.warning(request, f"{summary} {left_out % {'n': rows}}")
    else:
        messages.success(request, summary)
    return redirect("portfolio:spreadsheet")


def _page(
    request: AuthedRequest,
    form: PortfolioUploadForm,
    *,
    status: int = 200,
    errors: list | None = None,  # type: ignore[type-arg]
    clean: int = 0,
) -> HttpResponse:
    errors = errors or []
    return render(
        request,
        "portfolio/spreadsheet.html",
        {
            "form": form,
            "errors": errors[:ERRORS_SHOWN],
            "more_errors": max(len(errors) - ERRORS_SHOWN, 0),
            "error_count": len(errors),
            "clean": clean,
            "max_rows": MAX_ROWS,
        },
        status=status,
    )


@secretariat_view
def portfolio_template(request: AuthedRequest) -> HttpResponse:
    """The template; with `filled`, holding the activities the list's filters give (the first
    MAX_ROWS), ready to be corrected and uploaded back."""
    rows = []
    name = "puente-cartera-plantilla.xlsx"
    if request.GET.get("filled"):
        filters = ActivityFilterForm(request.GET).to_filter()
        activities = filter_activities(visible_activities(request.user), filters).order_by("pk")
        rows = upload.activity_cells(activities[:MAX_ROWS])
        name = "puente-cartera.xlsx"
    response = HttpResponse(build_template(upload.vocabulary(), rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
