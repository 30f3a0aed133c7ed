"""Writes to the directory: create, edit and merge organisations, with an audit trail."""

from django.contrib.auth.models import User
from django.db import models, transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from puente.lib.audit import attribute, save_formset

from .models import Organisation


@transaction.atomic
def merge_organisations(keep: Organisation, duplicate: Organisation, by: User) -> int:
    """Points every reference to `duplicate` at `keep`, then deletes `duplicate`.

    Works through Django's relation registry, so apps above the directory (the portfolio,
    coordination, ...) are covered without the directory importing them. Returns the number
    of rows moved.
    """
    if keep.pk == duplicate.pk:
        raise ValueError(_("An organisation cannot be merged into itself."))
    moved = 0
    for relation in duplicate._meta.related_objects:
        if relation.many_to_many:
            through = relation.through  # type: ignore[union-attr,attr-defined]
            field = relation.field.m2m_reverse_field_name()  # type: ignore[union-attr,attr-defined]
            other = relation.field.m2m_field_name()  # type: ignore[union-attr,attr-defined]
            shared = through.objects.filter(**{field: keep.pk}).values_list(other, flat=True)
            rows = through.objects.filter(**{field: duplicate.pk})
            rows.filter(**{f"{other}__in": list(shared)}).delete()
            moved += rows.update(**{field: keep.pk})
        elif relation.one_to_many or relation.one_to_one:
            model: type[models.Model] = relation.related_model  # type: ignore[assignment]
            if model.__name__.startswith("Historical"):
                continue  # the duplicate's own history stays with its id
            moved += model._default_manager.filter(**{relation.field.name: duplicate}).update(
                **{relation.field.name: keep}
            )
    for field in ("acronym", "iati_identifier", "website", "description"):
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))
    keep.themes.add(*duplicate.themes.all())
    attribute(
        keep,
        by,
        pgettext_lazy("history", "Merged duplicate #%(pk)s (%(name)s)"),
        pk=duplicate.pk,
        name=duplicate.name,
    )
    # The duplicate goes first: its unique IATI identifier may have just moved to `keep`.
    duplicate.delete()
    keep.save()
    return moved


@transaction.atomic
def save_organisation(form: ModelForm, people: BaseInlineFormSet, by: User) -> Organisation:  # type: ignore[type-arg]
    """Saves an organisation with its contact people, in one transaction, with attribution."""
    organisation = form.save(commit=False)
    attribute(organisation, by)
    organisation.save()
    form.save_m2m()
    save_formset(people, by, organisation)
    return organisation


def mark_reviewed(organisation: Organisation, by: User) -> None:
    """Staff checked an organisation an import created: it may now show on the public pages."""
    organisation.reviewed = True
    attribute(organisation, by, pgettext_lazy("history", "Reviewed"))
    organisation.save(update_fields=["reviewed", "updated_at"])
