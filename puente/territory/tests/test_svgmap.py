"""The department's drawn map: names placed so that neighbours do not print over each other."""

import pytest

from puente.territory.svgmap import METRO_LABEL_SIZE, Drawn, apart, base_map

pytestmark = pytest.mark.django_db


def test_labels_that_meet_are_moved_apart_and_others_stay():
    near = [Drawn("1", "Los Patios", "", 100, 50), Drawn("2", "Villa del Rosario", "", 102, 50.5)]
    far = Drawn("3", "Tibú", "", 300, 10)
    placed = {m.code: m for m in apart([*near, far], 2.4)}
    assert placed["3"] == far
    assert abs(placed["1"].y - placed["2"].y) >= 2.4  # a line apart
    assert {placed["1"].x, placed["2"].x} == {100, 102}  # moved down only


def test_no_two_names_of_the_enlargement_overlap():
    base_map.cache_clear()
    drawing = base_map()
    labels = drawing.metro_labels
    names = {m.name for m in labels}
    assert {"Cúcuta", "Los Patios", "Villa del Rosario"} <= names
    for i, one in enumerate(labels):
        for other in labels[i + 1 :]:
            reach = 0.3 * METRO_LABEL_SIZE * (len(one.name) + len(other.name))
            overlap = abs(one.x - other.x) < reach and abs(one.y - other.y) < 1.1 * METRO_LABEL_SIZE
            assert not overlap, (one.name, other.name)
    # A name whose place falls in the enlargement is written there, not on the department's map.
    assert "54874" in drawing.metro_codes  # Villa del Rosario
