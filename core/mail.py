"""Mail written from a template whose first line is the subject and the rest the body."""

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def rendered_mail(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The subject and body of a mail from `template`, in the interface's first language."""
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = render_to_string(template, context).split("\n", 1)
    return subject.strip(), body.strip() + "\n"
