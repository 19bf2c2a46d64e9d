"""Template helpers that turn vocabulary values into translated labels."""

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from lib.pace import Pace
from promises.vocabularies import EvidenceSource, FocusTag

register = template.Library()

PACE_LABELS = {
    Pace.NO_TARGET: _("No target"),
    Pace.REACHED: _("Target reached"),
    Pace.AHEAD: _("Ahead of pace"),
    Pace.ON_TRACK: _("On pace"),
    Pace.BEHIND: _("Behind pace"),
}


@register.filter
def pace_label(pace: Pace) -> Any:
    """The pace in words, e.g. 'Behind pace'."""
    return PACE_LABELS.get(pace, "")


@register.filter
def focus_labels(values: list[str]) -> list[Any]:
    """Labels of a list of focus tag values, skipping unknown ones."""
    return [FocusTag(v).label for v in values if v in FocusTag.values]


@register.filter
def evidence_labels(values: list[str]) -> list[Any]:
    """Labels of a list of evidence source values."""
    return [EvidenceSource(v).label for v in values if v in EvidenceSource.values]
