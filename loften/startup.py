"""What every server entry point (WSGI and ASGI) checks before it answers a request."""

from accounts.demo_guard import refuse_known_demo_passwords
from core.static_check import refuse_missing_static_manifest


def refuse_unsafe_start() -> None:
    """Refuse to start a server that would expose the demo password or answer its pages with
    server errors for want of the static files manifest."""
    refuse_known_demo_passwords()
    refuse_missing_static_manifest()
