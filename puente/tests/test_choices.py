"""Drop-down lists of names read in alphabetical order whatever the accents and the database."""

import pytest

from puente.coordination.forms import PictureFilterForm
from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.forms import ParticipationInline, filter_choices
from puente.portfolio.tests.factories import ActivityFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def labels(field) -> list[str]:  # noqa: ANN001
    return [str(label) for value, label in field.choices if value != ""]


def test_municipalities_sort_with_their_accents_among_the_plain_letters():
    names = [name.split(" (")[0] for name in labels(PictureFilterForm().fields["municipality"])]
    assert names[0] == "Ábrego"
    assert names.index("Cúcuta") < names.index("Cucutilla") < names.index("Durania")
    assert [name for _code, name in filter_choices()["municipality"]][:2] == ["Ábrego", "Arboledas"]


def test_organisations_sort_by_the_name_they_are_shown_by():
    ACNUR = OrganisationFactory(name="Alto Comisionado de las Naciones Unidas", acronym="ACNUR")
    OrganisationFactory(name="Agencia de Cooperación", acronym="")
    OrganisationFactory(name="Zeta Fundación", acronym="")
    activity = ActivityFactory()
    ParticipationFactory(activity=activity, organisation=ACNUR)
    row = ParticipationInline(instance=activity, prefix="p").empty_form
    shown = labels(row.fields["organisation"])
    assert shown == sorted(shown, key=str.casefold)
    assert shown.index("ACNUR – Alto Comisionado de las Naciones Unidas") < shown.index(
        "Agencia de Cooperación"
    )
