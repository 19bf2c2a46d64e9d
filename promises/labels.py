"""Vocabulary values in words, for pages and printed documents alike."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from lib.pace import Pace
from promises.models import ActivityReport
from promises.vocabularies import OUTCOME_FIELDS, ActivityKind, EvidenceSource, FocusTag

PACE_LABELS = {
    Pace.NO_TARGET: _("No target"),
    Pace.REACHED: _("Target reached"),
    Pace.AHEAD: _("Ahead of pace"),
    Pace.ON_TRACK: _("On pace"),
    Pace.BEHIND: _("Behind pace"),
}


def pace_label(pace: Pace) -> Any:
    """The pace in words, e.g. 'Behind pace'."""
    return PACE_LABELS.get(pace, "")


def focus_labels(values: list[str]) -> list[Any]:
    """Labels of a list of focus tag values, skipping unknown ones."""
    return [FocusTag(v).label for v in values if v in FocusTag.values]


def evidence_labels(values: list[str]) -> list[Any]:
    """Labels of a list of evidence source values."""
    return [EvidenceSource(v).label for v in values if v in EvidenceSource.values]


def outcome_label(field_name: str) -> Any:
    """The name of an outcome figure of a report, e.g. 'breath tests'."""
    if field_name not in OUTCOME_FIELDS:
        return ""
    return ActivityReport._meta.get_field(field_name).verbose_name  # type: ignore[union-attr]


def activity_kind_label(value: str) -> Any:
    """The name of an activity kind, e.g. 'Traffic control'."""
    return dict(ActivityKind.choices).get(value, value)
