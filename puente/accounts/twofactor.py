"""The second factor: an authenticator app (TOTP) and ten one-use recovery codes per person."""

import segno
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, match_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AccountEvent

RECOVERY_CODES = 10
APP_NAME = "authenticator app"
RECOVERY_NAME = "recovery codes"


def record(request: HttpRequest, user: User, kind: str) -> None:
    AccountEvent.objects.create(user=user, kind=kind, address=request.META.get("REMOTE_ADDR"))


def enrolled_app(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_app(user: User) -> TOTPDevice:
    """The app being set up: one unconfirmed device per person, its secret kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The setup address as an inline SVG QR code (no image request, no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32 groups of four, for apps without a camera."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def confirm_app(request: HttpRequest, user: User, code: str) -> list[str] | None:
    """Switches the second factor on if `code` comes from the app; returns the recovery codes."""
    device = pending_app(user)
    if not device.verify_token(normalise(code)):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save()
    codes = _new_recovery_codes(user)
    record(request, user, AccountEvent.Kind.TWO_FACTOR_ON)
    return codes


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


@transaction.atomic
def renew_recovery_codes(request: HttpRequest, user: User) -> list[str]:
    codes = _new_recovery_codes(user)
    record(request, user, AccountEvent.Kind.RECOVERY_CODES)
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def switch_off(request: HttpRequest, user: User) -> None:
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
    record(request, user, AccountEvent.Kind.TWO_FACTOR_OFF)


def seconds_to_wait(user: User) -> int:
    """After wrong codes the app waits 1, 2, 4, ... seconds before it checks another one."""
    from django.utils import timezone

    waits = [0]
    for device in TOTPDevice.objects.filter(user=user):
        allowed, why = device.verify_is_allowed()
        if not allowed and why and "locked_until" in why:
            waits.append(int((why["locked_until"] - timezone.now()).total_seconds()) + 1)
    return max(waits)


def normalise(code: str) -> str:
    """People type codes with spaces or dashes, and recovery codes in capitals."""
    return "".join(ch for ch in code if ch.isalnum()).lower()


def check_code(request: HttpRequest, user: User, code: str) -> Device | None:
    """The device that accepts `code` (app or recovery code, each used once), or None."""
    device = match_token(user, normalise(code))
    if isinstance(device, StaticDevice):
        record(request, user, AccountEvent.Kind.RECOVERY_CODE_USED)
    return device
