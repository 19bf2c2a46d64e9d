"""The head of every printed document about a municipality: its name and its logo."""

from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.formatting import day
from places.models import Logo, Municipality


def municipality_header(
    municipality: Municipality, title: str, running_head: str, stem: str
) -> dict[str, Any]:
    """The fields of a `Document` that say who it is from, when it was printed and in which
    language, with the municipality's logo when it has one."""
    logo = Logo.objects.filter(municipality=municipality).first()
    return {
        "title": title,
        "organisation": municipality.name,
        "running_head": running_head,
        "language": translation.get_language() or "sv",
        "printed": _("Printed %(day)s") % {"day": day(timezone.localdate())},
        "logo": bytes(logo.data) if logo else b"",
        "logo_type": logo.content_type if logo else "",
        "file_stem": stem,
    }
