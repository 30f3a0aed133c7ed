"""Staff pages of IATI imports: start one (upload or address), follow it, read its report."""

import io

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page

from puente.paging import page_of
from puente.roles import AuthedRequest, secretariat_view

from .exporter import export_activities, own_public_activities
from .forms import ImportForm
from .models import ImportRun
from .services import store_upload
from .tasks import queue_import
from .writer import write_activities, write_organisation_file


@secretariat_view
def import_list(request: AuthedRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = _start(request, form)
        return redirect("iati:run", pk=run.pk)
    ImportRun.objects.mark_interrupted()  # so no dead run is shown as still running
    page, query = page_of(request, ImportRun.objects.all(), 20)
    return render(
        request,
        "iati/import_list.html",
        {"form": form, "page": page, "query": query},
        status=400 if request.method == "POST" else 200,
    )


def _start(request: AuthedRequest, form: ImportForm) -> ImportRun:
    upload, url = form.cleaned_data.get("file"), form.cleaned_data.get("url") or ""
    if upload is not None:
        source, label = str(store_upload(upload)), upload.name
    else:
        source, label = url, url
    return queue_import(source, label, form.cleaned_data["scope"], request.user)


@secretariat_view
def import_run(request: AuthedRequest, pk: int) -> HttpResponse:
    ImportRun.objects.mark_interrupted()
    run = get_object_or_404(ImportRun, pk=pk)
    return render(request, "iati/import_run.html", {"run": run})


# --- public IATI files -----------------------------------------------------------------------


@cache_page(600)
def public_activity_file(request: HttpRequest) -> HttpResponse:
    """The department's public activities as IATI 2.03 (what the IATI Registry points at)."""
    if not own_public_activities().exists():
        # IATI files hold at least one activity: an empty one would not validate.
        return HttpResponse(
            _("The department has no public activity to publish yet."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    out = io.BytesIO()
    write_activities(export_activities(own_public_activities()), out, timezone.now())
    return HttpResponse(out.getvalue(), content_type="application/xml; charset=utf-8")


@cache_page(600)
def public_organisation_file(request: HttpRequest) -> HttpResponse:
    out = io.BytesIO()
    write_organisation_file(
        settings.PUENTE_IATI_ORG_REF, settings.PUENTE_IATI_ORG_NAME, "11", out, timezone.now()
    )
    return HttpResponse(out.getvalue(), content_type="application/xml; charset=utf-8")
