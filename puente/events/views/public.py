"""Public event pages: list and month views, one event with its registration form, calendars."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from puente.events import ical, services
from puente.events.forms import EventFilterForm, RegistrationForm
from puente.events.models import Event, Material, Registration
from puente.events.selectors import filter_events, month_grid, seats
from puente.lib.paging import page_of
from puente.lib.uploads import download_response

REGISTERED_KEY = "events_registered"


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page, query = page_of(request, filter_events(Event.objects.public(), **filters))
    today = timezone.localdate()
    return render(
        request,
        "events/list.html",
        {"form": form, "page": page, "query": query, "this_month": today},
    )


def event_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    first = date(year, month, 1)
    previous = date(year - (month == 1), (month - 2) % 12 + 1, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return render(
        request,
        "events/month.html",
        {
            "weeks": month_grid(Event.objects.public(), year, month),
            "first": first,
            "previous": previous,
            "following": following,
            "today": timezone.localdate(),
        },
    )


def _public_event(request: HttpRequest, pk: int) -> Event:
    return get_object_or_404(Event.objects.public().select_related("municipality"), pk=pk)


@ratelimit(key="ip", rate="20/h", method="POST", block=False)
def event_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    event = _public_event(request, pk)
    if slug != event.get_absolute_url().rstrip("/").rsplit("/", 1)[-1]:
        return redirect(event, permanent=True)
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if getattr(request, "limited", False):
            form.add_error(None, _("Too many registrations from your connection. Try again later."))
            status = 429
        elif form.is_valid():
            registration = form.save(commit=False)
            registration.event = event
            registration.language = get_language() or "es"
            try:
                services.register(registration)
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                request.session[REGISTERED_KEY] = registration.pk
                return redirect("events:registered", pk=event.pk)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "form": form if event.accepts_registrations() else None,
            "seats": seats(event),
            "materials": event.materials.all(),
            "organisations": event.organisations.all(),
        },
        status=status,
    )


def registered(request: HttpRequest, pk: int) -> HttpResponse:
    registration = (
        Registration.objects.filter(pk=request.session.get(REGISTERED_KEY, 0), event_id=pk)
        .select_related("event")
        .first()
    )
    if registration is None:
        return redirect("events:list")
    return render(
        request, "events/registered.html", {"r": registration, "event": registration.event}
    )


def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email: asks first, then frees the seat."""
    registration = services.find_by_token(token)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return render(request, "events/cancel.html", {"gone": True}, status=404)
    if request.method == "POST":
        services.cancel(registration)
        return render(request, "events/cancel.html", {"done": True, "event": registration.event})
    return render(request, "events/cancel.html", {"r": registration, "event": registration.event})


def material_file(request: HttpRequest, pk: int, material_id: int) -> FileResponse:
    event = _public_event(request, pk)
    material = get_object_or_404(Material, pk=material_id, event=event)
    if not material.file:
        raise Http404
    return download_response(
        material.file, f"{material.title[:80]}.{material.extension or 'pdf'}", material.content_type
    )


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = _public_event(request, pk)
    return ical.calendar_response([event], f"evento-{event.pk}.ics", event.title)


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Upcoming and recent public events, for calendar applications to subscribe to."""
    since = timezone.now() - timedelta(days=90)
    events = Event.objects.public().filter(ends_at__gte=since).select_related("municipality")
    return ical.calendar_response(
        events,
        "eventos.ics",
        _("Events of the Secretariat of Frontiers and International Cooperation"),
    )
