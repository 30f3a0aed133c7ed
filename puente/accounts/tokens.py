"""Personal API tokens: made (the secret shown once), checked on each call, revoked."""

import datetime
import hashlib
import secrets

from django.contrib.auth.models import User
from django.utils import timezone

from .models import AccountEvent, ApiToken
from .roles import Role, account_organisation_id, has_role, is_secretariat

PREFIX = "pte_"
LIFETIMES = (30, 90, 365)  # days a person may choose
# last_used_at is written at most this often, so a busy client does not write on every call.
TOUCH = datetime.timedelta(minutes=1)


def may_hold(user: User) -> bool:
    """Who may make tokens: those who write 5W reports (a partner's reporter, the Secretariat)."""
    partner = has_role(user, Role.REPORTER) and account_organisation_id(user) is not None
    return partner or is_secretariat(user)


def digest(secret: str) -> str:
    # A plain SHA-256 is enough: the secret is 256 random bits, not a password to guess.
    return hashlib.sha256(secret.encode()).hexdigest()


def create(user: User, name: str, days: int, address: str | None = None) -> tuple[ApiToken, str]:
    """A new token and its secret, which is not kept and cannot be shown again."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:80],
        prefix=secret[:10],
        digest=digest(secret),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    AccountEvent.objects.create(
        user=user, kind=AccountEvent.Kind.API_TOKEN_CREATED, address=address, detail=token.name
    )
    return token, secret


def check(secret: str) -> ApiToken | None:
    """The live token for `secret`: not revoked, not expired, its person still active."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(secret), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > TOUCH:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def revoke(token: ApiToken, by: User, address: str | None = None) -> None:
    if token.revoked_at is None:
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        AccountEvent.objects.create(
            user=token.user, by=by, kind=AccountEvent.Kind.API_TOKEN_REVOKED, address=address,
            detail=token.name,
        )  # fmt: skip
