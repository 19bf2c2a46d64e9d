"""The rate limits on the forms that take a password or an e-mail address, counted per
client address (core.http.client_address) in the shared cache."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.decorators import ratelimit

# One counter per client for every login form (staff and admin), so neither is a way
# around the other's limit.
LOGIN_GROUP = "login"
PASSWORD_RESET_GROUP = "password-reset"


def _login_rate(group: str, request: HttpRequest) -> str:
    return settings.LOGIN_RATE


def _password_reset_rate(group: str, request: HttpRequest) -> str:
    return settings.PASSWORD_RESET_RATE


def login_rate_limit() -> Any:
    """Wraps a login view: LOGIN_RATE posts per client address, over all login forms."""
    return ratelimit(group=LOGIN_GROUP, key="ip", rate=_login_rate, method="POST")


def password_reset_rate_limit() -> Any:
    """Wraps the password reset view: PASSWORD_RESET_RATE posts per client address."""
    return ratelimit(group=PASSWORD_RESET_GROUP, key="ip", rate=_password_reset_rate, method="POST")
