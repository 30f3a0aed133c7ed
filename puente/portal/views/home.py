"""Public pages: home, the Secretariat, partners, contact and its form."""

from collections import OrderedDict

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from puente.directory.models import OrganisationKind
from puente.events.models import Event
from puente.lib.antispam import rate_setting
from puente.lib.uploads import image_response
from puente.portal import services
from puente.portal.forms.office import ContactForm
from puente.portal.hours import SHIFTS, office_status
from puente.portal.models import Announcement, Function, Guideline, Office, TeamMember, Theme
from puente.portal.selectors import (
    home_figures,
    partners_in_category,
    public_partners,
    public_sector_categories,
)
from puente.territory.models import Sector


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
            "team": TeamMember.objects.filter(is_published=True),
        },
    )


def partners(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("type", "")
    theme = request.GET.get("theme", "")
    organisations = public_partners()
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    categories = public_sector_categories()
    if theme in categories:
        organisations = partners_in_category(organisations, theme)
    names = Sector.objects.in_bulk(categories)
    return render(
        request,
        "portal/partners.html",
        {
            "organisations": organisations.order_by("-public_activities", "name"),  # type: ignore[misc]
            "kinds": OrganisationKind.choices,
            "kind": kind,
            "themes": [
                (code, f"{code} · {names[code].name}") for code in categories if code in names
            ],
            "theme": theme,
        },
    )


def secretary_photo(request: HttpRequest) -> FileResponse:
    office = Office.objects.first()
    if office is None:
        raise Http404
    return image_response(office.secretary_photo, max_age=3600)


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


@ratelimit(key="ip", rate=rate_setting("PUENTE_CONTACT_RATE"), method="POST", block=False)
def contact_form(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(
                request, "portal/contact_form.html", {"form": form, "limited": True}, status=429
            )
        if form.is_valid():
            services.receive_contact_message(form.save(commit=False), get_language() or "es")
            messages.success(request, _("Your message was sent. The Secretariat answers by email."))
            return redirect("portal:contact")
    return render(
        request,
        "portal/contact_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
