"""Points are tied to the municipality whose polygon holds them, never across the border."""

from decimal import Decimal

import pytest
from shapely.geometry import Point, shape

from puente.iati.data import AdminCode, Place
from puente.iati.matching import Candidate, Matcher
from puente.territory.models import Municipality
from puente.territory.selectors import municipal_shapes
from puente.territory.shapes import TOLERANCE

pytestmark = pytest.mark.django_db


def candidates() -> list[Candidate]:
    return [
        Candidate(
            m.pk, m.code, m.name, m.department.code,
            float(m.latitude) if m.latitude is not None else None,
            float(m.longitude) if m.longitude is not None else None,
            m.department.country_id,
        )
        for m in Municipality.objects.select_related("department")
    ]  # fmt: skip


def misleading_points(municipality: Municipality, seats: list[Candidate]) -> list[Point]:
    """Points well inside `municipality` (farther than the tolerance from its boundary) whose
    nearest municipal seat is another municipality's: the ones a nearest-seat guess gets wrong."""
    polygon = shape(municipality.boundary)
    west, south, east, north = polygon.bounds
    found = []
    steps = 24
    for i in range(1, steps):
        for j in range(1, steps):
            point = Point(west + (east - west) * i / steps, south + (north - south) * j / steps)
            if not polygon.contains(point) or polygon.boundary.distance(point) < 2 * TOLERANCE:
                continue
            nearest = min(
                seats, key=lambda c: (c.latitude - point.y) ** 2 + (c.longitude - point.x) ** 2
            )
            if nearest.id != municipality.pk:
                found.append(point)
    return found


def test_points_inside_border_municipalities_nearer_another_seat_are_matched_by_polygon():
    everyone = candidates()
    seats = [c for c in everyone if c.latitude is not None]
    polygons = Matcher(everyone, municipal_shapes())
    seats_only = Matcher(everyone)
    border = Municipality.objects.filter(border_zone=True, department__code="54")
    checked = across_border_before = 0
    for municipality in border:
        for point in misleading_points(municipality, seats):
            place = Place(latitude=Decimal(str(point.y)), longitude=Decimal(str(point.x)))
            match = polygons.match(place)
            assert (match.municipality_id, match.method, match.confidence) == (
                municipality.pk, "inside", 100,
            ), (municipality.name, point)  # fmt: skip
            checked += 1
            guess = seats_only.match(place).municipality_id
            before = Municipality.objects.filter(pk=guess, department__country_id="VE")
            across_border_before += before.exists()
    # Every border municipality has such points; the nearest-seat guess sent some to Venezuela.
    assert checked >= border.count() > 0
    assert across_border_before > 0


def test_a_point_near_a_boundary_says_so():
    tibu = Municipality.objects.get(code="54810")
    edge = shape(tibu.boundary).exterior.coords[5]
    inside = Place(latitude=Decimal(str(edge[1])), longitude=Decimal(str(edge[0])))
    match = Matcher(candidates(), municipal_shapes()).match(inside)
    assert match.method == "edge" and match.confidence == 80


def test_a_point_in_colombia_outside_the_department_is_never_given_a_venezuelan_seat():
    # In Santander, south of Cácota, nearer Venezuela's Táchira seats than most? It stays Colombian.
    matcher = Matcher(candidates(), municipal_shapes())
    in_santander = Place(latitude=Decimal("7.05"), longitude=Decimal("-72.55"))
    match = matcher.match(in_santander)
    if match.municipality_id is not None:
        chosen = Municipality.objects.select_related("department").get(pk=match.municipality_id)
        assert chosen.department.country_id == "CO"
    in_venezuela = Place(latitude=Decimal("7.77"), longitude=Decimal("-72.23"))  # San Cristóbal
    found = matcher.match(in_venezuela)
    assert found.method == "point"
    chosen = Municipality.objects.select_related("department").get(pk=found.municipality_id)
    assert chosen.department.country_id == "VE"


def test_a_code_that_disagrees_with_the_point_wins_and_one_that_agrees_is_confirmed():
    matcher = Matcher(candidates(), municipal_shapes())
    tibu = Municipality.objects.get(code="54810")
    point = shape(tibu.boundary).representative_point()
    near = {"latitude": Decimal(str(point.y)), "longitude": Decimal(str(point.x))}
    disagreeing = matcher.match(Place(**near, administratives=[AdminCode("54001")]))
    assert (disagreeing.municipality_id, disagreeing.method) == (
        Municipality.objects.get(code="54001").pk, "code",
    )  # fmt: skip
    agreeing = matcher.match(Place(**near, administratives=[AdminCode("54810")]))
    assert (agreeing.municipality_id, agreeing.method) == (tibu.pk, "inside")
