"""Vocabulary values in words, for pages and printed documents alike."""

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.pace import Pace, Phase
from promises.models import ActivityReport, CitizenPromise
from promises.selectors import promise_phase
from promises.vocabularies import (
    OUTCOME_FIELDS,
    ActivityKind,
    EvidenceSource,
    FocusTag,
    PromiseStatus,
)

PACE_LABELS = {
    Pace.NO_TARGET: _("No target"),
    Pace.REACHED: _("Target reached"),
    Pace.AHEAD: _("Ahead of pace"),
    Pace.ON_TRACK: _("On pace"),
    Pace.BEHIND: _("Behind pace"),
    Pace.NOT_REACHED: _("Target not reached"),
    # A draft or a promise not yet begun has no pace: nothing is shown.
    Pace.NOT_STARTED: "",
}


def promise_status_label(promise: CitizenPromise, today: date | None = None) -> Any:
    """The promise's status as the reader should see it: a published promise whose year is
    over has ended ("Ended"), the rest say their status ("Published", "Evaluated" …)."""
    ended = promise_phase(promise, today or timezone.localdate()) == Phase.ENDED
    if ended and promise.status == PromiseStatus.PUBLISHED:
        return _("Ended")
    return PromiseStatus(promise.status).label


def pace_heading(promise: CitizenPromise, today: date | None = None) -> Any:
    """The heading of the pace column: "Pace" while the promise runs, "Result" once ended."""
    ended = promise_phase(promise, today or timezone.localdate()) == Phase.ENDED
    return _("Result") if ended else _("Pace")


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
