"""A person with the second factor on, and the code their app would show now."""

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from puente.accounts.roles import Role
from puente.tests.world import PASSWORD, make_user


def app_code(device: TOTPDevice, offset_steps: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset_steps * device.step
    return f"{totp.token():06d}"


def enrolled(username: str = "ana.2fa", role: Role = Role.STAFF) -> tuple:  # type: ignore[type-arg]
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    user = make_user(username, role)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    backup = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    StaticToken.objects.create(device=backup, token="recovery1")
    return user, device


def sign_in(client: Client, username: str, password: str = PASSWORD, **extra):  # type: ignore[no-untyped-def]
    return client.post("/staff/login/", {"username": username, "password": password}, **extra)


def let_time_pass(user) -> None:  # type: ignore[no-untyped-def]
    """The app's wait after a wrong code (1, 2, 4 s ...) is over, as if the person paused."""
    import datetime

    from django.utils import timezone

    TOTPDevice.objects.filter(user=user).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(minutes=5)
    )
