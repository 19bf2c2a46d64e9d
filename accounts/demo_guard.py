"""Production must never run with the demo accounts' well-known password."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEMO_PASSWORD = "demo"
# The demo (promises/demo.py) creates exactly these accounts with this password.
DEMO_USERNAMES = (
    "admin",
    "samordnare.eslov",
    "polis.eslov",
    "samordnare.polis.eslov",
    "samordnare.exempelby",
    "polis.exempelby",
)


def users_with_demo_password() -> list[str]:
    """Usernames of active demo accounts whose password is still the demo password."""
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    try:
        users = list(get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True))
    except DatabaseError:
        return []  # not migrated yet: nothing to guard
    return [u.username for u in users if u.check_password(DEMO_PASSWORD)]


def refuse_known_demo_passwords() -> None:
    """Stop start-up outside demo mode while a demo account has the demo password."""
    if settings.DEMO_MODE:
        return
    found = users_with_demo_password()
    if found:
        raise ImproperlyConfigured(
            "Refusing to start: these accounts still have the demo password: "
            + ", ".join(found)
            + ". Change their passwords or deactivate them, or set DEMO_MODE=true."
        )
