"""Writes of the funding app: sources, calls and applications, each attributed."""

from django.contrib.auth.models import User
from django.db import transaction
from django.forms import ModelForm

from puente.audit import attribute


@transaction.atomic
def save_with_history(form: ModelForm, by: User):  # type: ignore[no-untyped-def,type-arg]
    """Saves a source, a call or an application (and its many-to-many fields), attributed."""
    instance = form.save(commit=False)
    attribute(instance, by)
    instance.save()
    form.save_m2m()
    return instance
