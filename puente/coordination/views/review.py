"""Reviewing several submitted 5W reports at once: each approved or returned on its own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.coordination import services
from puente.coordination.forms import ManyReviewsForm
from puente.coordination.models import Report, ReportStatus

# Reports on one page of decisions: the oldest submitted first.
PAGE = 50


@secretariat_view
def review_many(request: AuthedRequest) -> HttpResponse:
    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED)
    reports = list(
        waiting.select_related("organisation", "period")
        .annotate(row_count=Count("rows"))
        .order_by("submitted_at", "pk")[:PAGE]
    )
    for report in reports:  # which submission this page shows: a later one is read first
        report.seen = services.submission_seen(report)  # type: ignore[attr-defined]
    form = ManyReviewsForm(reports, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _apply(request, form)
        return redirect("coordination:reports-review")
    context = {"form": form, "total": waiting.count(), "shown": len(reports)}
    return render(
        request, "coordination/review_many.html", context, status=400 if form.errors else 200
    )


def _apply(request: AuthedRequest, form: ManyReviewsForm) -> None:
    """Each decision in its own transaction, attributed to the reviewer; one that can no longer
    be taken (another reviewer decided first) is said, and the others still go through."""
    approved = returned = 0
    shown = {str(r.pk) for r in form.reports}
    gone = [k for k, v in request.POST.items() if k.startswith("decision-") and v
            and k.removeprefix("decision-") not in shown]  # fmt: skip
    if gone:
        messages.warning(request, ngettext(
            "%(n)d decision was not taken: another reviewer decided on that report first.",
            "%(n)d decisions were not taken: another reviewer decided on those reports first.",
            len(gone),
        ) % {"n": len(gone)})  # fmt: skip
    for report, decision, reason in form.decisions():
        seen = request.POST.get(f"seen-{report.pk}", "")
        try:
            services.review(report.pk, request.user, decision, reason, seen)
        except ValidationError as error:
            messages.error(request, f"{report}: {error.messages[0]}")
            continue
        if decision == "approve":
            approved += 1
        else:
            returned += 1
    if approved:
        messages.success(request, ngettext(
            "%(n)d report approved; its figures now count.",
            "%(n)d reports approved; their figures now count.", approved,
        ) % {"n": approved})  # fmt: skip
    if returned:
        messages.success(request, ngettext(
            "%(n)d report returned to its partner with your comments.",
            "%(n)d reports returned to their partners with your comments.", returned,
        ) % {"n": returned})  # fmt: skip
    if not approved and not returned:
        messages.error(request, _("No decision could be taken."))
