"""Vocabulary values in words, for pages and printed documents alike."""

from datetime import date
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from lib.pace import Pace, Phase
from promises.models import Activity, ActivityReport, CitizenPromise
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


def figure(value: Any) -> Any:
    """A count grouped by thousands in the language's way ("1 234" with a non-breaking
    space in Swedish), as the printed documents show it; anything else as it is. Only for
    counts: a year is no figure and stays "2026"."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def times_per(count: int, per: str) -> str:
    """A rate in words: "once a month", "4 times a term" ("1 gång i månaden" in Swedish)."""
    words = {
        "day": ngettext("once a day", "%(count)s times a day", count),
        "week": ngettext("once a week", "%(count)s times a week", count),
        "month": ngettext("once a month", "%(count)s times a month", count),
        "quarter": ngettext("once a quarter", "%(count)s times a quarter", count),
        "term": ngettext("once a term", "%(count)s times a term", count),
        "year": ngettext("once a year", "%(count)s times a year", count),
    }
    return words[per] % {"count": count}


def rate_words(activity: Activity) -> str:
    """The activity's rate in words, e.g. "once a month", "at least 4 times a term"; empty
    without a rate."""
    rate = activity.rate
    if rate is None:
        return ""
    words = times_per(rate.count, rate.per)
    if activity.minimum:
        words = gettext("at least %(rate)s") % {"rate": words}
    return words


def rate_label(activity: Activity) -> str:
    """The activity's rate in words with the year's target it gives, e.g. "once a month ·
    12 in the year", "at least 4 times a term · 8 in the year"; empty without a rate."""
    words = rate_words(activity)
    if words and activity.target:
        words += " · " + gettext("%(target)s in the year") % {"target": figure(activity.target)}
    return words


def target_label(activity: Activity) -> str:
    """What the activity promises, after its kind: its rate, or its target with its unit
    ("at least 30 checks"), or nothing for an activity without a target."""
    if activity.rate is not None:
        return rate_label(activity)
    if not activity.target:
        return ""
    words = f"{figure(activity.target)} {activity.unit}".strip()
    return gettext("at least %(target)s") % {"target": words} if activity.minimum else words


def done_label(activity: Activity) -> str:
    """What has been done of an activity without a target: "Carried out 3 times, last on
    4 May", or "Not carried out yet"."""
    done = activity.done_count
    if not done:
        return gettext("Not carried out yet")
    if activity.last_done_on is None:
        return ngettext("Carried out %(count)s time", "Carried out %(count)s times", done) % {
            "count": figure(done)
        }
    return ngettext(
        "Carried out %(count)s time, last on %(day)s",
        "Carried out %(count)s times, last on %(day)s",
        done,
    ) % {
        "count": figure(done),
        "day": formats.date_format(activity.last_done_on, "MONTH_DAY_FORMAT"),
    }
