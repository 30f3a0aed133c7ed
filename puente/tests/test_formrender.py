"""The drop-down lists our renderer writes in Python are the very markup Django's templates
write: every select of the activity form, its inline rows and a few odd cases, side by side."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from puente.lib.formrender import PuenteFormRenderer

pytestmark = pytest.mark.django_db


class Odd(forms.Form):
    plain = forms.ChoiceField(
        choices=[("", "---"), ("1", "Uno & <dos>"), ("2", 'Dos "2"')], initial="1"
    )
    several = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["x", "y"])
    grouped = forms.ChoiceField(
        choices=[("Grupo <a>", [("g1", "G1"), ("g2", "G2")]), ("z", "Z")],
        widget=forms.Select(attrs={"class": "w", "data-flag": True, "disabled": False}),
    )
    maybe = forms.NullBooleanField()
    radio = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)


def same_everywhere(make) -> int:  # noqa: ANN001
    ours, django = make(PuenteFormRenderer()), make(DjangoTemplates())
    compared = 0
    for name in ours.fields:
        assert ours[name].as_widget() == django[name].as_widget(), name
        compared += isinstance(ours.fields[name].widget, forms.Select)
    return compared


def test_the_odd_cases_come_out_the_same():
    assert (
        same_everywhere(lambda renderer: Odd(renderer=renderer)) == 4
    )  # the radio is not a select


def test_the_activity_form_and_its_rows_come_out_the_same():
    from puente.portfolio.forms import ActivityForm
    from puente.portfolio.tests.factories import LocationFactory
    from puente.portfolio.views.activities import INLINES

    activity = LocationFactory().activity
    assert same_everywhere(lambda r: ActivityForm(instance=activity, renderer=r)) >= 3
    for prefix, _title, formset_class in INLINES:
        for ours, django in zip(
            formset_class(
                instance=activity, prefix=prefix, form_kwargs={"renderer": PuenteFormRenderer()}
            ),
            formset_class(
                instance=activity, prefix=prefix, form_kwargs={"renderer": DjangoTemplates()}
            ),
            strict=True,
        ):
            for name in ours.fields:
                assert ours[name].as_widget() == django[name].as_widget(), (prefix, name)
