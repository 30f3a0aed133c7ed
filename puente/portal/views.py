"""Public pages: home, the Secretariat, the partner directory, contact; and the health check."""

from collections import OrderedDict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from puente.directory.models import OrganisationKind
from puente.events.models import Event

from .hours import SHIFTS, office_status
from .models import Announcement, Function, Guideline, Office, Theme
from .selectors import home_figures, public_partners


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "figures": home_figures(),
            "announcements": Announcement.objects.published()[:3],
            "events": Event.objects.public().upcoming().select_related("municipality")[:3],
            "office": Office.objects.first(),
            "status": office_status(timezone.now()),
        },
    )


def secretariat(request: HttpRequest) -> HttpResponse:
    groups: OrderedDict[str, list[Function]] = OrderedDict((str(t.label), []) for t in Theme)
    for function in Function.objects.all():
        groups[str(Theme(function.theme).label)].append(function)
    return render(
        request,
        "portal/secretariat.html",
        {
            "office": Office.objects.first(),
            "groups": [(label, items) for label, items in groups.items() if items],
            "guidelines": Guideline.objects.all(),
        },
    )


def partners(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("type", "")
    organisations = public_partners()
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    return render(
        request,
        "portal/partners.html",
        {
            "organisations": organisations.order_by("-public_activities", "name"),  # type: ignore[misc]
            "kinds": OrganisationKind.choices,
            "kind": kind,
        },
    )


def contact(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/contact.html",
        {
            "office": Office.objects.first(),
            "status": office_status(timezone.now()),
            "shifts": SHIFTS,
        },
    )


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers as long as the process serves requests (for load balancers and benchmarks)."""
    return HttpResponse("ok", content_type="text/plain")
