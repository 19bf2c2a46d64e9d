"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """Whether the site runs as the demo, so pages can say the data is invented."""
    return {"DEMO_MODE": settings.DEMO_MODE}
