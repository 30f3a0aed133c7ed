"""Partner reporter accounts: staff invite by email, the partner sets its own password."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from puente.accounts.invitations import invitation_link, new_invited_user
from puente.accounts.roles import Role
from puente.lib.audit import attribute

from .models import Organisation, ReporterAccount


@transaction.atomic
def invite_reporter(organisation: Organisation, email: str, name: str, by: User) -> User:
    """Creates (or re-invites) a reporter for `organisation` and emails the link (on
    PUENTE_SITE_URL, whatever host the staff member's request named)."""
    email = email.strip().lower()
    user = User.objects.filter(username=email).first()
    if user is not None:
        account = ReporterAccount.objects.filter(user=user).first()
        if account is None or account.organisation_id != organisation.pk:
            raise ValidationError(
                _("%(email)s already has an account that does not report for this organisation.")
                % {"email": email}
            )
        if user.has_usable_password() and user.is_active:
            raise ValidationError(
                _(
                    "%(email)s has already accepted the invitation and signs in with "
                    "their own password."
                )
                % {"email": email}
            )
    else:
        user = new_invited_user(email, name, Role.REPORTER)
        account = ReporterAccount(user=user, organisation=organisation)
        account.save()
        attribute(
            organisation, by, pgettext_lazy("history", "Reporter %(email)s invited"), email=email
        )
    user.is_active = True
    user.save(update_fields=["is_active"])
    link = invitation_link(user)
    send_mail(
        _("Puente: report for %(organisation)s") % {"organisation": organisation.short_name},
        _(
            "The Secretariat of Frontiers and International Cooperation of Norte de Santander "
            "invites you to report the work of %(organisation)s in Puente (who does what, where, "
            "for whom: the 5W).\n\nChoose your password here (the link works once and for a few "
            "days):\n%(link)s\n\nYour user name is %(email)s."
        )
        % {"organisation": organisation.name, "link": link, "email": email},
        None,
        [email],
    )
    return user


def reporters_of(organisation: Organisation) -> list[User]:
    return [
        a.user
        for a in ReporterAccount.objects.filter(organisation=organisation).select_related("user")
    ]
