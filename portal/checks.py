"""The public portal's deployment check: the accessibility statement that Swedish law
(lagen om tillgänglighet till digital offentlig service) requires must say where to report
an accessibility problem, and the privacy page who is responsible for personal data and
where to write (GDPR art. 13), so a deployment without them is told by `check --deploy`."""

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


# Contacts the law requires the public pages to give: (setting, page, why, check id).
REQUIRED_CONTACTS = [
    (
        "ACCESSIBILITY_CONTACT_EMAIL",
        "the accessibility statement on /tillganglighet/",
        "a way to report an accessibility problem, which the law requires",
        "loften.W002",
    ),
    (
        "PRIVACY_CONTACT_EMAIL",
        "the privacy page on /integritet/",
        "where to send a data protection request, which the GDPR requires",
        "loften.W003",
    ),
]


@register(Tags.security, deploy=True)
def check_public_contacts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """loften.W002, W003: a public page the law requires names no contact, or one that
    reaches no one (the demo's)."""
    found: list[CheckMessage] = []
    for setting, page, what, check_id in REQUIRED_CONTACTS:
        contact = getattr(settings, setting)
        if contact and not fictional(contact):
            continue
        problem = (
            f"{setting} is {contact!r}, an example address that reaches no one"
            if contact
            else f"{setting} is not set"
        )
        found.append(
            Warning(
                f"{problem}, so {page} names no {what}.",
                hint="Set it to the address that answers; see docs/configuration.md.",
                id=check_id,
            )
        )
    if not settings.DATA_CONTROLLER:
        found.append(
            Warning(
                "DATA_CONTROLLER is not set, so the privacy page on /integritet/ does not say "
                "who is responsible for personal data, which the GDPR requires.",
                hint="Name the authority that runs the installation; see docs/configuration.md.",
                id="loften.W004",
            )
        )
    return found
