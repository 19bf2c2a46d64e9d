"""Two-factor authentication with time-based one-time codes (TOTP, as in authenticator apps).

Whoever must use it (see permissions.requires_two_factor) is sent to set it up, or to enter
a code, before any other page, when TWO_FACTOR_REQUIRED is on.
"""

import base64
from collections.abc import Callable
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import permissions
from accounts.models import User

# Reachable before the second factor: the factor itself, leaving, and the public basics.
OPEN_PATHS = ("/konto/", "/static/", "/sprak/", "/healthz", "/integritet/", "/tillganglighet/")


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User) -> TOTPDevice:
    """The device being set up: reused until confirmed, so reloading keeps the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


def secret_in_groups(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The key as a QR code (inline SVG, no script or style) for an authenticator app."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR"))


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.TWO_FACTOR_REQUIRED
            and user.is_authenticated
            and not user.is_verified()  # type: ignore[attr-defined]
            and permissions.requires_two_factor(user)
            and not request.path.startswith(OPEN_PATHS)
        ):
            name = "verify" if confirmed_device(user) else "setup"
            target = reverse(f"accounts:two_factor_{name}")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
