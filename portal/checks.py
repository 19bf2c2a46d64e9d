"""The public portal's deployment check: the accessibility statement that Swedish law
(lagen om tillgänglighet till digital offentlig service) requires must say where to report
an accessibility problem, so a deployment without that address is told by `check --deploy`."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_accessibility_contact(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """loften.W002: the accessibility statement names no contact."""
    if settings.ACCESSIBILITY_CONTACT_EMAIL:
        return []
    return [
        Warning(
            "ACCESSIBILITY_CONTACT_EMAIL is not set, so the accessibility statement on "
            "/tillganglighet/ names no way to report a problem, which the law requires.",
            hint="Set it to the address that answers accessibility reports; see "
            "docs/configuration.md.",
            id="loften.W002",
        )
    ]
