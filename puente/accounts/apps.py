"""App configuration for accounts: sign-in, second factor, session limits."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "puente.accounts"
    verbose_name = _("Accounts and sign-in")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_signed_in

        user_logged_in.connect(mark_signed_in, dispatch_uid="accounts-mark-signed-in")
