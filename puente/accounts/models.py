"""A person's record: account events (their own and administrators'), and preferences."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountEvent(models.Model):
    class Kind(models.TextChoices):
        TWO_FACTOR_ON = "2fa-on", _("Second factor switched on")
        TWO_FACTOR_OFF = "2fa-off", _("Second factor switched off")
        RECOVERY_CODES = "recovery", _("New recovery codes")
        RECOVERY_CODE_USED = "recovery-used", _("Signed in with a recovery code")
        PASSWORD_CHANGED = "password", _("Password changed")
        # What an administrator did to the account (`by` says who).
        INVITED = "invited", _("Invited")
        ROLES_CHANGED = "roles", _("Roles changed")
        DEACTIVATED = "deactivated", _("Deactivated")
        REACTIVATED = "reactivated", _("Reactivated")
        TWO_FACTOR_RESET = "2fa-reset", _("Second factor reset by an administrator")
        API_TOKEN_CREATED = "token-created", _("API token created")
        API_TOKEN_REVOKED = "token-revoked", _("API token revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_events"
    )
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"


class Preferences(models.Model):
    """What a person chose for their own account (a row only once they change something)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences"
    )
    daily_digest = models.BooleanField(
        _("daily email of what waits for me"),
        default=True,
        help_text=_("Sent each morning when something waits for you; nothing is sent otherwise."),
    )
    language = models.CharField(
        _("language of my emails and notices"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return str(self.user)


class Notice(models.Model):
    """Something that happened for a person: listed under the bell and sent by email, once.

    Written in the person's language when it is given (see accounts.notices), so an email and
    its line under the bell read alike.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    # What the notice is about ("5w-returned:12:2026-11-03T10:00"): given once per recipient.
    key = models.CharField(max_length=160)
    title = models.CharField(_("notice"), max_length=200)
    body = models.TextField(_("details"), blank=True)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notice_once_per_person")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.title}"


class ApiToken(models.Model):
    """A personal key for the write API: shown once, kept as its SHA-256 digest, with an expiry.

    It acts as its person, within that person's roles and organisation; revoking it or
    deactivating the person stops it at once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("starts with"), max_length=12)  # to recognise it in a list
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        # Unique to the secret: the API's rate limit counts calls by this text (django-ninja's
        # AuthRateThrottle), and a reused primary key must not inherit another token's count.
        return f"api-token-{self.digest[:24]}"
