"""The drop-down lists our renderer writes in Python are the very markup Django's templates
write: every select of the activity form, its inline rows and a few odd cases, side by side."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

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
    text = forms.CharField(initial='Tom & "Jerry" <b>', widget=forms.TextInput(attrs={"x": "<"}))
    empty = forms.CharField(initial="", required=False)
    safe = forms.CharField(initial=mark_safe("<i>kept</i>"), widget=forms.Textarea)
    note = forms.CharField(initial="Línea 1\n<script>", widget=forms.Textarea(attrs={"rows": 2}))
    blank_note = forms.CharField(required=False, widget=forms.Textarea)
    ticked = forms.BooleanField(initial=True, required=False)
    unticked = forms.BooleanField(required=False)
    count = forms.DecimalField(initial=Decimal("12.50"), disabled=True)
    when = forms.DateField(
        initial=date(2026, 12, 8), widget=forms.DateInput(attrs={"type": "date"})
    )
    hidden = forms.IntegerField(initial=0, widget=forms.HiddenInput)
    mail = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"data-on": True}))


def same_everywhere(make) -> int:  # noqa: ANN001
    ours, django = make(PuenteFormRenderer()), make(DjangoTemplates())
    compared = 0
    for name in ours.fields:
        assert ours[name].as_widget() == django[name].as_widget(), name
        compared += isinstance(
            ours.fields[name].widget, forms.Select | forms.widgets.Input | forms.Textarea
        )
    return compared


def test_the_odd_cases_come_out_the_same():
    # Every field but the radio is written in Python; the radio goes to Django's template.
    assert same_everywhere(lambda renderer: Odd(renderer=renderer)) == len(Odd.base_fields) - 1


def test_the_odd_cases_come_out_the_same_when_posted_back():
    posted = {"text": "<x>", "note": "a & b", "ticked": "on", "count": "oops", "mail": "no"}
    assert same_everywhere(lambda renderer: Odd(posted, renderer=renderer)) > 10


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
