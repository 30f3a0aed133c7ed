"""Public pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from puente.directory.models import Organisation
from puente.portfolio.lifecycle import Stage
from puente.portfolio.models import Activity


def home(request: HttpRequest) -> HttpResponse:
    public = Activity.objects.public()
    figures = {
        "active": public.filter(stage=Stage.EXECUTION).count(),
        "public": public.count(),
        "partners": Organisation.objects.filter(participations__activity__is_public=True)
        .distinct()
        .count(),
    }
    return render(request, "portal/home.html", {"figures": figures})


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers as long as the process serves requests (for load balancers and benchmarks)."""
    return HttpResponse("ok", content_type="text/plain")
