"""People and roles, for administrators: list, invitations, roles, deactivation, second factor."""

from collections.abc import Callable
from smtplib import SMTPException

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from puente.lib.paging import page_of

from .. import selectors, services
from ..forms import PersonFilterForm, PersonInviteForm, PersonRolesForm
from ..roles import MANAGED_ROLES, AuthedRequest, Role, administrator_view


@administrator_view
def people_list(request: AuthedRequest) -> HttpResponse:
    form = PersonFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.people(
        filters.get("q", "").strip(), filters.get("role", ""), filters.get("status", "")
    )
    page, query = page_of(request, found)
    for person in page.object_list:
        person.role_labels = selectors.role_labels(person)
    return render(
        request, "accounts/people_list.html", {"form": form, "page": page, "query": query}
    )


@administrator_view
def person_invite(request: AuthedRequest) -> HttpResponse:
    form = PersonInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.invite_person(
                data["email"], data["name"], Role(data["role"]), request.user
            )
        except ValidationError as refusal:
            form.add_error("email", refusal)
        except (SMTPException, OSError) as failure:
            # The account is rolled back with the email that did not go: the page must never
            # say someone was invited when no message left.
            form.add_error(
                None,
                _("The invitation could not be sent (%(reason)s); no account was created.")
                % {"reason": failure},
            )
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": person.email},
            )
            return redirect("person", pk=person.pk)
    return render(
        request,
        "accounts/person_invite.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@administrator_view
def person_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    held = selectors.held_roles(person)
    roles_form = PersonRolesForm(initial={"roles": [r.value for r in MANAGED_ROLES if r in held]})
    return render(
        request,
        "accounts/person_detail.html",
        {
            "person": person,
            "roles": selectors.role_labels(person),
            "organisation": account_organisation(person),
            "roles_form": roles_form,
            "has_second_factor": user_has_device(person),
            "events": person.account_events.select_related("by")[:30],  # type: ignore[attr-defined]
            "deeds": selectors.recent_deeds(person),
        },
    )


def account_organisation(person: User) -> object:
    """The organisation a reporter's or proposer's login belongs to (read through the user's own
    relation: accounts imports nothing from the directory above it)."""
    return getattr(getattr(person, "reporter_account", None), "organisation", None)


def _answer(request: AuthedRequest, pk: int, do: Callable[[User], str]) -> HttpResponse:
    """Runs one action on the person; its refusal or its confirmation is shown on their page."""
    person = get_object_or_404(User, pk=pk)
    try:
        done = do(person)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, done)
    return redirect("person", pk=person.pk)


@require_POST
@administrator_view
def person_roles(request: AuthedRequest, pk: int) -> HttpResponse:
    def do(person: User) -> str:
        form = PersonRolesForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose roles from the list."))
        chosen = {Role(value) for value in form.cleaned_data["roles"]}
        services.set_roles(person, chosen, request.user)
        return _("The roles were saved.")

    return _answer(request, pk, do)


@require_POST
@administrator_view
def person_active(request: AuthedRequest, pk: int) -> HttpResponse:
    active = request.POST.get("active") == "1"

    def do(person: User) -> str:
        services.set_active(person, active, request.user)
        return _("The account was reactivated.") if active else _("The account was deactivated.")

    return _answer(request, pk, do)


@require_POST
@administrator_view
def person_second_factor_reset(request: AuthedRequest, pk: int) -> HttpResponse:
    def do(person: User) -> str:
        services.reset_second_factor(person, request.user)
        return _("The second factor was removed: they sign in with their password alone.")

    return _answer(request, pk, do)
