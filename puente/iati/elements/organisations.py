"""Participating organisations and their roles."""

from ..data import Activity, Participant
from .common import Element, ElementError, add_org, org_ref

# IATI 1.x named the roles; 2.x numbers them.
ROLE_NAMES = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}


def read_participating_org(element: Element, activity: Activity) -> None:
    role = (element.get("role") or "").strip()
    role = ROLE_NAMES.get(role.lower(), role)
    if role not in {"1", "2", "3", "4"}:
        raise ElementError(element, f"role “{element.get('role')}” is not an IATI role")
    org = org_ref(element, activity.default_lang)
    if org is not None:
        activity.participants.append(Participant(org, role))


def write_participating_orgs(activity: Activity, parent: Element) -> None:
    for participant in activity.participants:
        add_org(
            parent,
            "participating-org",
            participant.org,
            activity.default_lang,
            role=participant.role,
        )
