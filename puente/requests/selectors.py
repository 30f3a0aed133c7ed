"""Reads of the PQRSD app: the staff inbox with its filters, and the traffic-light counts."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Q

from puente.lib.workdays import add_working_days

from .models import DUE_SOON_DAYS, OPEN_STATUSES, Light, RequestQuerySet

SORTS = {"due": ("due_on", "filing_number"), "-filed": ("-filed_at",), "filed": ("filed_at",)}


def light_filter(light: str, today: date) -> Q:
    soon = add_working_days(today, DUE_SOON_DAYS)
    open_ = Q(status__in=OPEN_STATUSES)
    if light == Light.OVERDUE:
        return open_ & Q(due_on__lt=today)
    if light == Light.DUE_SOON:
        return open_ & Q(due_on__gte=today, due_on__lte=soon)
    return open_ & Q(due_on__gt=soon)


def filter_inbox(
    requests: RequestQuerySet, user: User, today: date, **filters: Any
) -> RequestQuerySet:
    status = filters.get("status") or ""
    if status == "":
        requests = requests.open()
    elif status != "all":
        requests = requests.filter(status=status)
    if filters.get("light"):
        requests = requests.filter(light_filter(filters["light"], today))
    for field in ("kind", "subject"):
        if filters.get(field):
            requests = requests.filter(**{field: filters[field]})
    assigned = filters.get("assigned") or ""
    if assigned == "me":
        requests = requests.filter(assigned_to=user)
    elif assigned == "none":
        requests = requests.filter(assigned_to=None)
    elif assigned.isdigit():
        requests = requests.filter(assigned_to_id=int(assigned))
    if q := (filters.get("q") or "").strip():
        requests = requests.filter(
            Q(filing_number__icontains=q)
            | Q(title__icontains=q)
            | Q(description__icontains=q)
            | Q(name__icontains=q)
            | Q(email__icontains=q)
        )
    order = SORTS.get(filters.get("sort") or "due", SORTS["due"])
    return requests.select_related("assigned_to").order_by(*order)


def light_counts(requests: RequestQuerySet, today: date) -> dict[str, int]:
    """How many open requests are on time, due soon and overdue (one query)."""
    counts = requests.aggregate(
        **{light.value: Count("pk", filter=light_filter(light, today)) for light in Light}
    )
    return {light.value: counts[light.value] for light in Light}
