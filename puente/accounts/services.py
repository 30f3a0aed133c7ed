"""People management: invite, set roles, deactivate, reset a second factor; each one recorded."""

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .invitations import invitation_link, new_invited_user
from .models import AccountEvent
from .roles import MANAGED_ROLES, ROLE_LABELS, Role, has_role


def _record(person: User, kind: str, by: User, detail: str = "") -> None:
    AccountEvent.objects.create(user=person, kind=kind, by=by, detail=detail[:200])


@transaction.atomic
def invite_person(email: str, name: str, role: Role, by: User) -> User:
    """A new account in one of the office's own roles, and the email with its one-use link.

    Partner reporters and proposers are invited from their organisation's page, which ties
    them to it; here the Secretariat invites its staff, viewers and administrators.
    """
    email = email.strip().lower()
    if role not in MANAGED_ROLES:
        raise ValidationError(_("Invite partner reporters from their organisation's page."))
    if User.objects.filter(username__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already has an account: find it in the list and change its roles.")
            % {"email": email}
        )
    person = new_invited_user(email, name, role)
    _record(person, AccountEvent.Kind.INVITED, by, str(ROLE_LABELS[role]))
    send_mail(
        _("Puente: your account at the Secretariat of Frontiers and International Cooperation"),
        _(
            "%(inviter)s has opened an account for you in Puente, the information system of the "
            "Secretariat of Frontiers and International Cooperation of Norte de Santander, as "
            "%(role)s.\n\nChoose your password here (the link works once and for a few days):\n"
            "%(link)s\n\nYour user name is %(email)s."
        )
        % {
            "inviter": by.get_full_name() or by.get_username(),
            "role": ROLE_LABELS[role],
            "link": invitation_link(person),
            "email": email,
        },
        None,
        [email],
    )
    return person


@transaction.atomic
def set_roles(person: User, roles: set[Role], by: User) -> None:
    """Gives `person` exactly `roles` among the office's own roles (others stay as they were)."""
    if person == by and Role.ADMINISTRATOR not in roles and has_role(by, Role.ADMINISTRATOR):
        raise ValidationError(
            _("You cannot take the administrator role from yourself: ask another administrator.")
        )
    before = {role for role in MANAGED_ROLES if person.groups.filter(name=role.value).exists()}
    if before == roles:
        return
    for role in MANAGED_ROLES:
        group = Group.objects.get(name=role.value)
        if role in roles:
            person.groups.add(group)
        else:
            person.groups.remove(group)

    def names(chosen: set[Role]) -> str:
        return ", ".join(str(ROLE_LABELS[r]) for r in MANAGED_ROLES if r in chosen) or "—"

    _record(person, AccountEvent.Kind.ROLES_CHANGED, by, f"{names(before)} → {names(roles)}")


@transaction.atomic
def set_active(person: User, active: bool, by: User) -> None:
    """A deactivated person cannot sign in, and is signed out at their next request."""
    if person == by and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    if person.is_active == active:
        return
    person.is_active = active
    person.save(update_fields=["is_active"])
    kind = AccountEvent.Kind.REACTIVATED if active else AccountEvent.Kind.DEACTIVATED
    _record(person, kind, by)


@transaction.atomic
def reset_second_factor(person: User, by: User) -> None:
    """Removes the person's authenticator and recovery codes: they sign in with their password
    alone and should switch a second factor on again."""
    if person == by:
        raise ValidationError(
            _("Switch your own second factor off on your account page, with a code.")
        )
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    _record(person, AccountEvent.Kind.TWO_FACTOR_RESET, by)
