"""The staff coordination maps: each municipality links to its own 5W rows; no need, no colour."""

import pytest
from django.http import QueryDict

from puente.coordination.analysis import MunicipalityGap
from puente.coordination.views.picture import _gap_areas, _matrix_link
from puente.lib.choropleth import EMPTY
from puente.territory.models import Municipality

pytestmark = pytest.mark.django_db


def test_a_map_link_names_its_municipality_whatever_the_page_was_filtered_by():
    link = _matrix_link(7, QueryDict("municipality=&service=3&municipality=9"))
    assert QueryDict(link.split("?", 1)[1]).getlist("municipality") == ["7"]
    assert "service=3" in link


def test_a_municipality_with_reports_but_no_need_recorded_is_not_painted_covered():
    cucuta = Municipality.objects.get(code="54001")
    unassessed = MunicipalityGap(cucuta, uncovered=0, partial=0, partners=2, reached=40, needs=0)
    covered = MunicipalityGap(cucuta, uncovered=0, partial=0, partners=2, reached=40, needs=1)
    (shown,) = [a for a in _gap_areas([unassessed], QueryDict()) if a.code == "54001"]
    assert shown.fill == EMPTY
    (shown,) = [a for a in _gap_areas([covered], QueryDict()) if a.code == "54001"]
    assert shown.fill == "#9bd0a7"
