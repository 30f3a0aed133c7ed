"""Public PQRSD pages: file a request, follow it with its code, read the published reports."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from puente.lib.antispam import rate_setting
from puente.lib.tabular import table_response
from puente.lib.uploads import download_response
from puente.requests import services
from puente.requests.forms import RequestForm, TrackForm
from puente.requests.models import Attachment, PublishedReport, Request, hash_code
from puente.requests.reports import outcome_bar, report_rows

FILED_KEY = "pqrsd_filed"
TRACKED_KEY = "pqrsd_tracked"
# Compared against when no request has the number, so a wrong number costs the same time.
_NO_SUCH_HASH = hash_code("no-such-request")


def _too_many(request: HttpRequest, template: str, context: dict) -> HttpResponse:  # type: ignore[type-arg]
    context["limited"] = True
    return render(request, template, context, status=429)


@ratelimit(key="ip", rate=rate_setting("PUENTE_PQRSD_FILING_RATE"), method="POST", block=False)
def file_request(request: HttpRequest) -> HttpResponse:
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return _too_many(request, "requests/file.html", {"form": form})
        if form.is_valid():
            filed, code = services.file_request(
                form.save(commit=False), form.cleaned_data["attachments"], get_language() or "es"
            )
            # Shown once, on the next page; never stored in clear.
            request.session[FILED_KEY] = {"number": filed.filing_number, "code": code}
            return redirect("pqrsd:filed")
    return render(
        request,
        "requests/file.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def filed(request: HttpRequest) -> HttpResponse:
    receipt = request.session.pop(FILED_KEY, None)
    if receipt is None:
        return redirect("pqrsd:track")
    found = Request.objects.filter(filing_number=receipt["number"]).first()
    return render(request, "requests/filed.html", {"receipt": receipt, "r": found})


def _find(number: str, code: str) -> Request | None:
    found = Request.objects.filter(filing_number=number.strip().upper()).first()
    if found is None:
        Request(tracking_code_hash=_NO_SUCH_HASH).matches_code(code)
        return None
    return found if found.matches_code(code) else None


@ratelimit(key="ip", rate=rate_setting("PUENTE_PQRSD_TRACKING_RATE"), method="POST", block=False)
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    context: dict = {"form": form}  # type: ignore[type-arg]
    if request.method == "POST":
        if getattr(request, "limited", False):
            return _too_many(request, "requests/track.html", context)
        if form.is_valid():
            found = _find(form.cleaned_data["filing_number"], form.cleaned_data["code"])
            if found is None:
                # The same words whether the number exists or not.
                form.add_error(None, _("No request matches this filing number and code."))
            else:
                tracked = set(request.session.get(TRACKED_KEY, []))
                request.session[TRACKED_KEY] = sorted(tracked | {found.pk})
                context["r"] = found
                context["steps"] = found.steps.exclude(action__in=PRIVATE_STEPS)
    return render(request, "requests/track.html", context)


# What the requester sees of the trail: not internal notes, reminders or who did it.
PRIVATE_STEPS = ("note", "reminded", "assigned")


def tracked_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """An answer's file, for whoever opened the request with its code in this session."""
    attachment = get_object_or_404(Attachment, pk=pk, role=Attachment.Role.ANSWER)
    if attachment.request_id not in request.session.get(TRACKED_KEY, []):
        raise Http404
    return download_response(attachment.file, attachment.original_name, attachment.content_type)


def report_list(request: HttpRequest) -> HttpResponse:
    return render(request, "requests/reports.html", {"reports": PublishedReport.objects.all()})


def report_detail(request: HttpRequest, year: int, month: int = 0) -> HttpResponseBase:
    report = get_object_or_404(PublishedReport, year=year, month=month or None)
    if request.GET.get("format") == "csv":
        return table_response(
            f"pqrsd-{report}",
            "csv",
            [_("Group"), _("Figure"), _("Value")],
            report_rows(report.figures),
        )
    return render(
        request,
        "requests/report.html",
        {
            "report": report,
            "rows": report_rows(report.figures),
            "outcomes": outcome_bar(report.figures),
        },
    )
