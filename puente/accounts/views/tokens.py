"""The person's API tokens on "My account": make one (its secret shown once), revoke one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from puente.accounts.roles import AuthedRequest, signed_in_view

from .. import tokens
from ..forms import TokenForm
from ..models import ApiToken


@require_POST
@signed_in_view
@never_cache
def token_create(request: AuthedRequest) -> HttpResponse:
    if not tokens.may_hold(request.user):
        raise PermissionDenied
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name and choose how long it lasts."))
        return redirect("account-security")
    token, secret = tokens.create(
        request.user, form.cleaned_data["name"], form.cleaned_data["days"],
        request.META.get("REMOTE_ADDR"),
    )  # fmt: skip
    # Not a redirect: the secret is on this one page and nowhere else, ever.
    return render(request, "accounts/token_created.html", {"token": token, "secret": secret})


@signed_in_view
def token_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    """Asks first (systems using the token stop working), then revokes it."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "POST":
        tokens.revoke(token, request.user, request.META.get("REMOTE_ADDR"))
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
        return redirect("account-security")
    return render(request, "accounts/token_revoke.html", {"token": token})
