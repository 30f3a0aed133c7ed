"""Reads of the reference geography that span models: the shapes points are matched against."""

from collections.abc import Iterable

from .models import Department, Municipality
from .shapes import Shapes


def municipal_shapes(municipalities: Iterable[Municipality] | None = None) -> Shapes:
    """Every municipality with a boundary, and Colombia's outline from its departments."""
    rows = Municipality.objects.all() if municipalities is None else municipalities
    colombia = Department.objects.filter(country_id="CO").exclude(boundary={})
    return Shapes(
        [(m.pk, m.boundary) for m in rows if m.boundary],
        list(colombia.values_list("boundary", flat=True)),
    )
