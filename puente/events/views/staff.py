"""Staff event pages: list, write, delete, registrations and attendance, figures, personal data."""

import json
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.events import services
from puente.events.forms import (
    AttendanceListForm,
    EventFilterForm,
    EventForm,
    FiguresForm,
    MaterialFormSet,
    PersonForm,
)
from puente.events.models import Event, Registration
from puente.events.selectors import attendance_figures, filter_events, seats
from puente.lib.audit import history_entries
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.lib.tabular import table_response


@secretariat_view
def event_list(request: AuthedRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page, query = page_of(request, filter_events(Event.objects.all(), **filters))
    return render(request, "events/staff/list.html", {"form": form, "page": page, "query": query})


@secretariat_view
def event_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk) if pk else Event()
    form = EventForm(request.POST or None, instance=event)
    materials = MaterialFormSet(
        request.POST or None, request.FILES or None, instance=event, prefix="materials"
    )

    def save() -> Event:
        saved = services.save_event(form.save(commit=False), request.user, form.save_m2m)
        materials.instance = saved
        materials.save()
        return saved

    return form_page(
        request,
        template="events/staff/form.html",
        context={"form": form, "materials": materials, "event": event},
        forms=[form, materials],
        save=save,
        success_message=_("The event was saved."),
        next_url=lambda saved: reverse("events-staff:registrations", args=[saved.pk]),
    )


@secretariat_view
def event_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    if request.method == "POST":
        title = event.title_es
        services.delete_event(event, request.user)
        messages.success(request, _("The event “%s” was deleted.") % title)
        return redirect("events-staff:list")
    return render(
        request,
        "events/staff/delete.html",
        {"event": event, "registered": event.registrations.exclude(status="cancelled").count()},
    )


@secretariat_view
def registrations(request: AuthedRequest, pk: int) -> HttpResponseBase:
    event = get_object_or_404(Event.objects.select_related("municipality"), pk=pk)
    people = event.registrations.select_related("municipality", "population").order_by(
        "status", "created_at"
    )
    if request.GET.get("format") in ("csv", "xlsx"):
        return _export(event, people, request.GET["format"])
    list_form = AttendanceListForm()
    result = None
    if request.method == "POST" and "attendance" in request.POST:
        ticked = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
        changed = services.set_attendance(event, ticked, request.user)
        messages.success(request, _("Attendance saved (%(n)d changes).") % {"n": changed})
        return redirect("events-staff:registrations", pk=pk)
    if request.method == "POST" and "list" in request.POST:
        list_form = AttendanceListForm(request.POST, request.FILES)
        if list_form.is_valid():
            try:
                result = services.mark_from_list(
                    event, list_form.cleaned_data["file"].read(), request.user
                )
            except ValidationError as refused:
                list_form.add_error("file", refused)
    return render(
        request,
        "events/staff/registrations.html",
        {
            "event": event,
            "people": people,
            "seats": seats(event),
            "list_form": list_form,
            "result": result,
            "history": history_entries(event.history.all(), limit=20),  # type: ignore[attr-defined]
        },
        status=400 if list_form.errors else 200,
    )


def _export(event: Event, people, fmt: str) -> HttpResponseBase:  # noqa: ANN001
    header = [
        _("Name"), _("Email"), _("Phone"), _("Organisation"), _("Municipality"),
        _("Population group"), _("Sex"), _("Age group"), _("Nationality"), _("Status"),
        _("Registered at"), _("Attended"),
    ]  # fmt: skip
    rows = (
        (
            r.name,
            r.email,
            r.phone,
            r.organisation,
            r.municipality.name if r.municipality else "",
            str(r.population or ""),
            r.get_sex_display(),
            r.get_age_group_display(),
            r.get_nationality_display(),
            r.get_status_display(),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
            _("yes") if r.attended else _("no"),
        )  # fmt: skip
        for r in people
    )
    return table_response(f"registrations-{event.pk}", fmt, header, rows)


@secretariat_view
def figures(request: AuthedRequest) -> HttpResponseBase:
    today = timezone.localdate()
    form = FiguresForm(request.GET or {"start": date(today.year, 1, 1), "end": today})
    if not form.is_valid():
        return render(request, "events/staff/figures.html", {"form": form}, status=400)
    data = attendance_figures(form.cleaned_data["start"], form.cleaned_data["end"])
    if request.GET.get("format") == "csv":
        rows = [
            (group, label, n)
            for group, key in (
                (_("Kind of event"), "by_kind"),
                (_("Population group"), "by_population"),
                (_("Sex"), "by_sex"),
                (_("Age group"), "by_age"),
                (_("Nationality"), "by_nationality"),
            )  # fmt: skip
            for label, n in data[key]
        ]
        return table_response("attendance", "csv", [_("Group"), _("Category"), _("People")], rows)
    return render(request, "events/staff/figures.html", {"form": form, "data": data})


@secretariat_view
def personal_data(request: AuthedRequest) -> HttpResponseBase:
    """Habeas data requests: what is kept about one email, exported or erased on request."""
    form = PersonForm(request.POST or request.GET or None)
    found: list[Registration] = []
    if form.is_valid():
        email = form.cleaned_data["email"]
        found = services.registrations_of(email)
        if request.method == "POST" and "erase" in request.POST:
            erased = services.erase_person(email, request.user)
            messages.success(
                request, _("Personal data erased from %(n)d registrations.") % {"n": erased}
            )
            return redirect("events-staff:personal-data")
        if request.GET.get("format") == "json":
            return _person_json(email, found)
    return render(request, "events/staff/personal_data.html", {"form": form, "found": found})


def _person_json(email: str, found: list[Registration]) -> HttpResponse:
    records = [
        {
            "event": r.event.title_es,
            "event_date": r.event.starts_at.isoformat(),
            "name": r.name,
            "email": r.email,
            "phone": r.phone,
            "organisation": r.organisation,
            "municipality": r.municipality.name if r.municipality else None,
            "population": str(r.population) if r.population else None,
            "sex": r.sex,
            "age_group": r.age_group,
            "nationality": r.nationality,
            "status": r.status,
            "registered_at": r.created_at.isoformat(),
            "attended": r.attended,
        }  # fmt: skip
        for r in found
    ]
    response = HttpResponse(
        json.dumps({"email": email, "registrations": records}, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
    return response
