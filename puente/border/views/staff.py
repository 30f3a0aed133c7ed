"""Staff pages of the border app: obstacles register, binational meetings, commitments, library."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.border import services
from puente.border.forms import (
    CommitmentFilterForm,
    CommitmentFormSet,
    MeetingForm,
    ObstacleFilterForm,
    ObstacleForm,
    StatusForm,
    StudyFilterForm,
    StudyForm,
)
from puente.border.models import BinationalMeeting, Commitment, Obstacle, Study
from puente.border.selectors import filter_commitments, filter_obstacles, search_studies
from puente.lib.audit import history_entries
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.lib.tabular import table_response
from puente.lib.uploads import download_response


@secretariat_view
def obstacle_list(request: AuthedRequest) -> HttpResponseBase:
    form = ObstacleFilterForm(request.GET or None)
    found = filter_obstacles(
        Obstacle.objects.all(), **(form.cleaned_data if form.is_valid() else {})
    )
    if request.GET.get("format") == "csv":
        header = [_("Title"), _("Category"), _("Status"), _("Municipalities"), _("Who must act"),
                  _("Measure or standard proposed"), _("Reported at"), _("Published")]  # fmt: skip
        rows = (
            (
                o.title,
                o.get_category_display(),
                o.get_status_display(),
                ", ".join(m.name for m in o.municipalities.all()),
                o.responsible,
                o.measure,
                o.reported_at.date().isoformat(),
                _("yes") if o.is_public else _("no"),
            )  # fmt: skip
            for o in found
        )
        return table_response("border-obstacles", "csv", header, rows)
    page, query = page_of(request, found)
    return render(
        request, "border/staff/obstacles.html", {"form": form, "page": page, "query": query}
    )


@secretariat_view
def obstacle_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    obstacle = get_object_or_404(Obstacle, pk=pk) if pk else Obstacle()
    form = ObstacleForm(request.POST or None, instance=obstacle)
    return form_page(
        request,
        template="border/staff/obstacle_form.html",
        context={"form": form, "obstacle": obstacle},
        forms=[form],
        save=lambda: services.save_obstacle(form, request.user),
        success_message=_("The obstacle was saved."),
        next_url=lambda saved: reverse("border-staff:obstacle", args=[saved.pk]),
    )


@secretariat_view
def obstacle_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    obstacle = get_object_or_404(Obstacle, pk=pk)
    form = StatusForm(request.POST or None, initial={"to_status": obstacle.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_status(
                obstacle, form.cleaned_data["to_status"], form.cleaned_data["note"], request.user
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The obstacle's history was updated."))
            return redirect("border-staff:obstacle", pk=pk)
    return render(
        request,
        "border/staff/obstacle.html",
        {
            "obstacle": obstacle,
            "form": form,
            "updates": obstacle.updates.select_related("by"),
            "entries": history_entries(obstacle.history.all(), limit=50),  # type: ignore[attr-defined]
            "meetings": obstacle.binationalmeeting_set.all(),
        },
        status=400 if form.errors else 200,
    )


@secretariat_view
def meeting_list(request: AuthedRequest) -> HttpResponse:
    page, query = page_of(
        request, BinationalMeeting.objects.prefetch_related("counterparts", "commitments")
    )
    return render(request, "border/staff/meetings.html", {"page": page, "query": query})


@secretariat_view
def meeting_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    meeting = get_object_or_404(BinationalMeeting, pk=pk) if pk else BinationalMeeting()
    form = MeetingForm(request.POST or None, instance=meeting)
    commitments = CommitmentFormSet(request.POST or None, instance=meeting, prefix="commitments")
    return form_page(
        request,
        template="border/staff/meeting_form.html",
        context={"form": form, "commitments": commitments, "meeting": meeting},
        forms=[form, commitments],
        save=lambda: services.save_meeting(form, commitments, request.user),
        success_message=_("The meeting was saved."),
        next_url=lambda saved: reverse("border-staff:meeting", args=[saved.pk]),
    )


@secretariat_view
def meeting_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(BinationalMeeting.objects.select_related("event"), pk=pk)
    return render(
        request,
        "border/staff/meeting.html",
        {
            "meeting": meeting,
            "commitments": meeting.commitments.all(),
            "entries": history_entries(meeting.history.all(), limit=30),  # type: ignore[attr-defined]
        },
    )


@secretariat_view
def commitment_list(request: AuthedRequest) -> HttpResponse:
    form = CommitmentFilterForm(request.GET or None)
    found = filter_commitments(
        Commitment.objects.all(), **(form.cleaned_data if form.is_valid() else {})
    )
    page, query = page_of(request, found)
    return render(
        request, "border/staff/commitments.html", {"form": form, "page": page, "query": query}
    )


@secretariat_view
def study_list(request: AuthedRequest) -> HttpResponse:
    form = StudyFilterForm(request.GET or None)
    found = search_studies(Study.objects.all(), **(form.cleaned_data if form.is_valid() else {}))
    page, query = page_of(request, found)
    return render(
        request, "border/staff/studies.html", {"form": form, "page": page, "query": query}
    )


@secretariat_view
def study_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    study = get_object_or_404(Study, pk=pk) if pk else Study()
    form = StudyForm(request.POST or None, request.FILES or None, instance=study)
    return form_page(
        request,
        template="border/staff/study_form.html",
        context={"form": form, "study": study},
        forms=[form],
        save=lambda: services.save_study(form, request.user),
        success_message=_("The document was saved in the library."),
        next_url=lambda saved: reverse("border-staff:studies"),
    )


@secretariat_view
def study_file(request: AuthedRequest, pk: int) -> FileResponse:
    return study_download(get_object_or_404(Study, pk=pk))


def study_download(study: Study) -> FileResponse:
    if not study.file:
        raise Http404
    return download_response(
        study.file, f"{study.title[:80]}.{study.extension or 'pdf'}", study.content_type
    )
