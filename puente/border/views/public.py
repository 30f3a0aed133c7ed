"""Public border pages: the obstacles staff chose to publish, and the public study library."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from puente.border.forms import ObstacleFilterForm, StudyFilterForm
from puente.border.models import Obstacle, Status, Study
from puente.border.selectors import filter_obstacles, search_studies
from puente.border.views.staff import study_download
from puente.lib.paging import page_of


def obstacle_list(request: HttpRequest) -> HttpResponse:
    form = ObstacleFilterForm(request.GET or None)
    found = filter_obstacles(
        Obstacle.objects.public(), **(form.cleaned_data if form.is_valid() else {})
    )
    page, query = page_of(request, found)
    return render(request, "border/obstacles.html", {"form": form, "page": page, "query": query})


def obstacle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    obstacle = get_object_or_404(Obstacle.objects.public(), pk=pk)
    # The public sees the dated status changes, not the internal notes written on them.
    steps = [
        (u.at, Status(u.to_status).label)
        for u in obstacle.updates.all()
        if u.to_status and u.to_status != u.from_status
    ]
    return render(request, "border/obstacle.html", {"obstacle": obstacle, "steps": steps})


def study_library(request: HttpRequest) -> HttpResponse:
    form = StudyFilterForm(request.GET or None)
    found = search_studies(
        Study.objects.filter(is_public=True), **(form.cleaned_data if form.is_valid() else {})
    )
    page, query = page_of(request, found)
    return render(request, "border/studies.html", {"form": form, "page": page, "query": query})


def study_file(request: HttpRequest, pk: int) -> FileResponse:
    return study_download(get_object_or_404(Study, pk=pk, is_public=True))
