"""The public portal's deployment check: the accessibility statement that Swedish law
(lagen om tillgänglighet till digital offentlig service) requires must say where to report
an accessibility problem, so a deployment without that address is told by `check --deploy`."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

# Domains reserved for examples and tests (RFC 2606, RFC 6761): mail to them reaches no one.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
EXAMPLE_TOP_LEVEL = ("example", "invalid", "localhost", "test")


def fictional(address: str) -> bool:
    """Whether an e-mail address is on a domain reserved for examples, like the demo's."""
    domain = address.rpartition("@")[2].strip().lower().rstrip(".")
    return domain.rpartition(".")[2] in EXAMPLE_TOP_LEVEL or any(
        domain == reserved or domain.endswith("." + reserved) for reserved in EXAMPLE_DOMAINS
    )


@register(Tags.security, deploy=True)
def check_accessibility_contact(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """loften.W002: the accessibility statement names no contact, or one that reaches no one."""
    contact = settings.ACCESSIBILITY_CONTACT_EMAIL
    if contact and not fictional(contact):
        return []
    problem = (
        f"ACCESSIBILITY_CONTACT_EMAIL is {contact!r}, an example address that reaches no one"
        if contact
        else "ACCESSIBILITY_CONTACT_EMAIL is not set"
    )
    return [
        Warning(
            f"{problem}, so the accessibility statement on /tillganglighet/ names no way to "
            "report a problem, which the law requires.",
            hint="Set it to the address that answers accessibility reports; see "
            "docs/configuration.md.",
            id="loften.W002",
        )
    ]
