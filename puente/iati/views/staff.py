"""Staff pages of IATI imports: start one (upload or address), follow it, read its report."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.iati.forms import ImportForm
from puente.iati.models import ImportRun
from puente.iati.selectors import awaiting_review
from puente.iati.services import store_upload
from puente.iati.tasks import queue_import
from puente.lib.paging import page_of


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
    return queue_import(
        source, label, form.cleaned_data["scope"], request.user, form.cleaned_data["publish"]
    )


@secretariat_view
def import_run(request: AuthedRequest, pk: int) -> HttpResponse:
    ImportRun.objects.mark_interrupted()
    run = get_object_or_404(ImportRun, pk=pk)
    waiting = awaiting_review(run.pk).count() if run.finished else 0
    return render(request, "iati/import_run.html", {"run": run, "waiting": waiting})
