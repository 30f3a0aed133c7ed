"""Puente's roles as Django groups, and helpers to ask what a signed-in person may do."""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    STAFF = "secretariat-staff"
    REPORTER = "partner-reporter"
    VIEWER = "viewer"
    # A department office or decentralised entity asking for technical viability concepts.
    PROPOSER = "proposer"


ROLE_LABELS = {
    Role.ADMINISTRATOR: _("administrator"),
    Role.STAFF: _("Secretariat staff"),
    Role.REPORTER: _("partner reporter"),
    Role.VIEWER: _("viewer"),
    Role.PROPOSER: _("proposer"),
}
# The roles given on the people pages; reporters and proposers are tied to an organisation and
# are given on its page.
MANAGED_ROLES = (Role.ADMINISTRATOR, Role.STAFF, Role.VIEWER)

AnyUser = AbstractBaseUser | AnonymousUser


class AuthedRequest(HttpRequest):
    """A request behind `internal_view` or `secretariat_view`: its user is signed in."""

    user: User


def has_role(user: AnyUser, *roles: Role) -> bool:
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False) and Role.ADMINISTRATOR in roles:
        return True
    names = getattr(user, "_puente_roles", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))  # type: ignore[union-attr,attr-defined]
        if getattr(user, "is_superuser", False):
            names.add(Role.ADMINISTRATOR.value)
        user._puente_roles = names  # type: ignore[union-attr,attr-defined]
    return any(role.value in names for role in roles)


def is_secretariat(user: AnyUser) -> bool:
    """Administrators and staff run the portfolio; they may edit any activity."""
    return has_role(user, Role.ADMINISTRATOR, Role.STAFF)


def can_read_internal(user: AnyUser) -> bool:
    """Everyone signed in with a role sees the staff workspace (viewers read only)."""
    return has_role(user, Role.ADMINISTRATOR, Role.STAFF, Role.VIEWER, Role.REPORTER)


def require_internal_reader(request: HttpRequest) -> None:
    if not can_read_internal(request.user):
        raise PermissionDenied


View = Callable[..., HttpResponseBase]


def _guard(allowed: Callable[[AnyUser], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_office_reader(user: AnyUser) -> bool:
    """The Secretariat and its viewers: internal records such as agreements (not partners)."""
    return has_role(user, Role.ADMINISTRATOR, Role.STAFF, Role.VIEWER)


def is_proposer(user: AnyUser) -> bool:
    return has_role(user, Role.PROPOSER)


# Anyone signed in, whatever the role: their own account pages.
signed_in_view = _guard(lambda user: True)
# Signed-in users are sent to the login page; signed-in users without the role get a 403.
internal_view = _guard(can_read_internal)
secretariat_view = _guard(is_secretariat)
office_view = _guard(is_office_reader)
proposal_view = _guard(lambda user: is_secretariat(user) or is_proposer(user))
administrator_view = _guard(lambda user: has_role(user, Role.ADMINISTRATOR))


def role_context(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "user_is_secretariat": is_secretariat(user),
        "user_is_reporter": has_role(user, Role.REPORTER),
        "user_can_read_internal": can_read_internal(user),
        "user_is_proposer": is_proposer(user),
        "user_is_office_reader": is_office_reader(user),
        "user_is_administrator": has_role(user, Role.ADMINISTRATOR),
    }


def users_with_role(
    *roles: Role, active: bool | None = True, superusers: bool = False
) -> QuerySet[User]:
    """The people holding any of `roles` through their groups, by name (active ones by default;
    `active=None` for everyone, as a form must still show an official who has since left).
    `superusers` adds those made with `createsuperuser`, administrators without a group."""
    holds = Q(groups__name__in=[role.value for role in roles])
    people = User.objects.filter(holds | Q(is_superuser=True) if superusers else holds)
    if active is not None:
        people = people.filter(is_active=active)
    return people.distinct().order_by("first_name", "username")


def account_organisation_id(user: object) -> int | None:
    """The organisation a partner's or an office's login belongs to (None for anyone else).

    Access checks, filters and menus ask it several times a request: the answer is kept on the
    user object, which lives as long as the request, as the roles are.
    """
    if not getattr(user, "pk", None):
        return None
    if not hasattr(user, "_puente_organisation_id"):
        # The tie is the directory's (ReporterAccount, one-to-one on the user): read through
        # the user's own relation, so that accounts imports nothing from the app above it.
        try:
            organisation_id = user.reporter_account.organisation_id  # type: ignore[attr-defined]
        except ObjectDoesNotExist:
            organisation_id = None
        user._puente_organisation_id = organisation_id  # type: ignore[attr-defined]
    return user._puente_organisation_id  # type: ignore[attr-defined]
