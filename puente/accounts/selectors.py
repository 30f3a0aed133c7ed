"""Reads of the people pages: who has an account, and what a person has done lately."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from simple_history.models import registered_models

from puente.lib.audit import ACTIONS

from .roles import ROLE_LABELS, Role


def people(q: str = "", role: str = "", status: str = "") -> QuerySet[User]:
    found = User.objects.prefetch_related("groups").order_by("first_name", "last_name", "username")
    for word in q.split():
        found = found.filter(
            Q(username__icontains=word)
            | Q(email__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    if role:
        found = found.filter(groups__name=role).distinct()
    if status:
        found = found.filter(is_active=status == "active")
    return found


def held_roles(person: User) -> set[Role]:
    """The person's roles (a superuser made at the command line is an administrator without the
    group); groups are read from the prefetched list where the caller prefetched them."""
    held = {Role(group.name) for group in person.groups.all() if group.name in Role}
    if person.is_superuser:
        held.add(Role.ADMINISTRATOR)
    return held


def role_labels(person: User) -> list[str]:
    """The person's roles as people read them, in the roles' own order."""
    held = held_roles(person)
    return [str(ROLE_LABELS[role]) for role in Role if role in held]


@dataclass(frozen=True)
class Deed:
    at: datetime
    action: str  # Created, Changed, Deleted, in the reader's language
    kind: str  # what sort of record: "activity", "agreement", ...
    name: str  # which one


def recent_deeds(person: User, limit: int = 30) -> list[Deed]:
    """The newest changes signed by `person` in every record with a history, newest first."""
    deeds: list[Deed] = []
    for model in registered_models.values():
        manager: Any = getattr(model, "history", None)
        if manager is None:
            continue
        records = manager.model.objects.filter(history_user=person).order_by("-history_date")
        for record in records[:limit]:
            deeds.append(
                Deed(
                    at=record.history_date,
                    action=str(ACTIONS.get(record.history_type, record.history_type)),
                    kind=str(model._meta.verbose_name),
                    name=_name_of(record),
                )
            )
    deeds.sort(key=lambda deed: deed.at, reverse=True)
    return deeds[:limit]


def _name_of(record: Any) -> str:
    try:
        return str(record.instance)
    except ObjectDoesNotExist:  # a part whose parent is gone since: its number still says which
        return f"#{getattr(record, record.instance_type._meta.pk.attname)}"
