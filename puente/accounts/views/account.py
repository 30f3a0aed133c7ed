"""Sign-in in one or two steps (password, then the authenticator code), and the security page."""

import time
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import (
    LoginView,
    LogoutView,
    PasswordChangeView,
    PasswordResetConfirmView,
)
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device

from puente.accounts.roles import AuthedRequest, can_read_internal, is_proposer, signed_in_view

from .. import tokens, twofactor
from ..forms import CodeForm, PreferencesForm, SwitchOffForm, TokenForm
from ..models import AccountEvent, ApiToken, Preferences

PENDING = "accounts:pending"
# The code must follow the password within this time, or the password is asked again.
PENDING_SECONDS = 300


def lockout_response(
    request: HttpRequest, original: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """What django-axes answers a locked-out pair (AXES_LOCKOUT_CALLABLE): 429, and how long."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


class SignOut(LogoutView):
    """Signing out also clears what this browser kept for the person: the 5W pages the service
    worker kept and the rows waiting on the device (the page asked before if any waited)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


class SignIn(LoginView):
    """Step one. Someone with a second factor is not signed in yet: the code page comes next."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if not user_has_device(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
        }
        query = urlencode({"next": self.get_success_url()})
        return redirect(f"{reverse('login-code')}?{query}")


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse(settings.LOGIN_REDIRECT_URL)


def too_soon(user: Any, form: CodeForm) -> bool:
    """After a wrong code the app waits 1, 2, 4 ... seconds; a code typed sooner is not checked."""
    wait = twofactor.seconds_to_wait(user)
    if wait:
        form.add_error(
            "code",
            _("After a wrong code, wait %(seconds)s seconds before typing the next one.")
            % {"seconds": wait},
        )
    return bool(wait)


@sensitive_post_parameters("code")
@never_cache
def sign_in_code(request: HttpRequest) -> HttpResponseBase:
    """Step two: the authenticator code. Wrong codes count toward the same lock-out as passwords."""
    pending = request.session.get(PENDING)
    user = None
    if pending and time.time() - pending["at"] <= PENDING_SECONDS:
        user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        # No password step, or too long ago: the code alone opens nothing.
        request.session.pop(PENDING, None)
        return render(request, "accounts/code.html", {"expired": True})
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not too_soon(user, form):
        device = twofactor.check_code(request, user, form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING]
            user.backend = pending["backend"]  # type: ignore[index]
            login(request, user)
            otp_login(request, device)
            return redirect(_next_url(request))
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return get_lockout_response(request, None, credentials)
        form.add_error("code", _("That code is not valid. Codes change every 30 seconds."))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "accounts/code.html", {"form": form, "next": _next_url(request)}, status=status
    )


def admin_login(request: HttpRequest) -> HttpResponse:
    """Where Django's admin sends whoever it will not let in."""
    if request.user.is_authenticated:
        raise PermissionDenied  # the 403 page says who is signed in and where to go instead
    target, query = reverse("login"), request.META.get("QUERY_STRING", "")
    return redirect(f"{target}?{query}" if query else target)


@signed_in_view
@never_cache
def security(request: AuthedRequest) -> HttpResponse:
    """The person's own page: second factor on or off, recovery codes, recent sign-ins."""
    from axes.models import AccessLog

    user = request.user
    context: dict[str, Any] = {
        "app": twofactor.enrolled_app(user),
        "codes_left": twofactor.recovery_codes_left(user),
        "events": AccountEvent.objects.filter(user=user)[:10],
        "sign_ins": AccessLog.objects.filter(username=user.get_username()).order_by(
            "-attempt_time"
        )[:10],
        "preferences_form": PreferencesForm(instance=_preferences(user)),
        "may_hold_tokens": tokens.may_hold(user),
        "tokens": ApiToken.objects.filter(user=user)[:50],
        "token_form": TokenForm(),
        "now": timezone.now(),
    }
    return render(request, "accounts/security.html", context)


def _preferences(user: User) -> Preferences:
    """The person's choices, or the defaults (a row is written only once they change one)."""
    return Preferences.objects.filter(user=user).first() or Preferences(user=user)


@require_POST
@signed_in_view
def digest_choice(request: AuthedRequest) -> HttpResponse:
    """The person's daily email of "what waits for me" (on or off) and the language of their
    emails and notices."""
    preferences = _preferences(request.user)
    data = request.POST.copy()
    data.setdefault("language", preferences.language)  # a post of the box alone keeps it
    form = PreferencesForm(data, instance=preferences)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages offered."))
        return redirect("account-security")
    if form.save().daily_digest:
        messages.success(request, _("You will get a daily email when something waits for you."))
    else:
        messages.success(request, _("You will no longer get the daily email."))
    return redirect("account-security")


@signed_in_view
@sensitive_post_parameters("code")
@never_cache
def two_factor_setup(request: AuthedRequest) -> HttpResponse:
    user = request.user
    device = twofactor.pending_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not too_soon(user, form):
        codes = twofactor.confirm_app(request, user, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, twofactor.enrolled_app(user))
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": True})
        form.add_error(
            "code", _("That code does not match. Check the time on your phone and try again.")
        )
    return render(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr": twofactor.qr_svg(device),
            "secret": twofactor.secret_for_typing(device),
        },
        status=400 if request.method == "POST" else 200,
    )


@signed_in_view
@never_cache
def recovery_codes(request: AuthedRequest) -> HttpResponseBase:
    """New recovery codes (the old ones stop working); shown once."""
    if request.method != "POST" or twofactor.enrolled_app(request.user) is None:
        return redirect("account-security")
    codes = twofactor.renew_recovery_codes(request, request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": False})


@signed_in_view
@sensitive_post_parameters("code")
@never_cache
def two_factor_off(request: AuthedRequest) -> HttpResponseBase:
    user = request.user
    if twofactor.enrolled_app(user) is None:
        return redirect("account-security")
    form = SwitchOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not too_soon(user, form):
        if twofactor.check_code(request, user, form.cleaned_data["code"]) is not None:
            twofactor.switch_off(request, user)
            messages.success(
                request, _("The second factor is off: your password alone opens your account.")
            )
            return redirect("account-security")
        form.add_error("code", _("That code is not valid."))
    return render(
        request, "accounts/switch_off.html", {"form": form},
        status=400 if request.method == "POST" else 200,
    )  # fmt: skip


class ChangePassword(PasswordChangeView):
    template_name = "accounts/password.html"
    success_url = reverse_lazy("account-security")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        twofactor.record(self.request, self.request.user, AccountEvent.Kind.PASSWORD_CHANGED)  # type: ignore[arg-type]
        messages.success(self.request, _("Your password has been changed."))
        return response


def staff_home(request: HttpRequest) -> HttpResponse:
    """Where signing in leads: the dashboard, or a proposer's own proposals."""
    if is_proposer(request.user) and not can_read_internal(request.user):
        return redirect("concepts:proposals")
    return redirect("portfolio:dashboard")


class InvitationAccept(PasswordResetConfirmView):
    """The invited person chooses a password (the strong-password rules apply)."""

    template_name = "registration/invitation.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, _("Your password is set. Sign in with your email address."))
        return super().form_valid(form)
