"""The portfolio spreadsheet: its template (empty, or with the list's activities) and its upload."""

from django.http import HttpResponse
from django.shortcuts import render

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.lib.tabular import XLSX
from puente.lib.workbook import Refused

from .. import upload
from ..forms import ActivityFilterForm, PortfolioUploadForm
from ..selectors import filter_activities, visible_activities
from ..spreadsheet import MAX_ROWS, build_template

ERRORS_SHOWN = 200  # a file wrong in every row would otherwise make a page of thousands
LISTED = 50  # activities named in the result, each a link


@secretariat_view
def portfolio_spreadsheet(request: AuthedRequest) -> HttpResponse:
    form = PortfolioUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return _page(request, form)
    if not form.is_valid():
        return _page(request, form, status=400)
    sent = form.cleaned_data["file"]
    try:
        loaded = upload.load(
            sent,
            request.user,
            clean_only=form.cleaned_data["clean_only"],
            current_stages=form.cleaned_data["current_stages"],
        )
    except (Refused, upload.Busy, upload.Conflict) as refusal:
        form.add_error("file", str(refusal))
        return _page(request, form, status=400 if isinstance(refusal, Refused) else 409)
    if loaded.outcome is None:
        return _page(request, form, status=400, errors=loaded.errors, clean=loaded.clean)
    # The result is shown, not redirected to: it lists what changed and what was left out.
    # Sending the same file again changes nothing, so a reload does no harm.
    return _page(
        request,
        PortfolioUploadForm(),
        outcome=loaded.outcome,
        errors=loaded.errors,
        name=sent.name,
    )


def _page(
    request: AuthedRequest,
    form: PortfolioUploadForm,
    *,
    status: int = 200,
    errors: list | None = None,  # type: ignore[type-arg]
    clean: int = 0,
    outcome: upload.Outcome | None = None,
    name: str = "",
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
            "rows_left_out": len({e.line for e in errors}),
            "clean": clean,
            "max_rows": MAX_ROWS,
            "outcome": outcome,
            "listed": LISTED,
            "name": name,
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
        narrowed = any(value for key, value in request.GET.items() if key != "filled")
        name = "puente-cartera-filtrada.xlsx" if narrowed else "puente-cartera.xlsx"
    response = HttpResponse(build_template(upload.vocabulary(), rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
