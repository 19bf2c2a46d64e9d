"""What no report of an activity can plausibly hold: a count, an outcome figure or a map
point past the limits set per activity kind (`promises.models.ReportLimit`), and a figure
that outnumbers the figure it is part of. Hard refusals, named on their fields; the report
service applies them to every write, and the report form before it, with every other fault."""

from typing import Any, cast

from django.db.models import Field
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.plausible import MAX_ACTIVITY_TARGET
from documents.formatting import number
from promises.models import Activity, ActivityReport, ReportLimit
from promises.vocabularies import OUTCOME_FIELDS, OUTCOME_PARTS


def plausible_errors(activity: Activity, report: ActivityReport) -> dict[str, str]:
    """Figures and a place no report of the activity can plausibly have, every one by field."""
    limit = ReportLimit.for_kind(activity.kind)
    return {
        **_count_error(activity, report, limit),
        **_outcome_errors(activity, report, limit),
        **_place_error(activity, report),
    }


def _count_error(activity: Activity, report: ActivityReport, limit: ReportLimit) -> dict[str, str]:
    if report.summary:
        # A period's total from a follow-up: no more than an activity can have in a year.
        return _summary_count_error(report)
    if not report.count or report.count <= limit.max_count:
        return {}
    message = ngettext(
        "One report of %(kind)s can count at most %(max)s time. Check the "
        "number; if it is right, an administrator can raise the limit.",
        "One report of %(kind)s can count at most %(max)s times. Check the "
        "number; if it is right, an administrator can raise the limit.",
        limit.max_count,
    ) % {"kind": activity.get_kind_display().lower(), "max": number(limit.max_count)}
    return {"count": message}


def _summary_count_error(report: ActivityReport) -> dict[str, str]:
    if not report.count or report.count <= MAX_ACTIVITY_TARGET:
        return {}
    message = _(
        "A summary of a period can count at most %(max)s times, as many as an activity can "
        "have in a year. Check the number."
    ) % {"max": number(MAX_ACTIVITY_TARGET)}
    return {"count": message}


def _outcome_errors(
    activity: Activity, report: ActivityReport, limit: ReportLimit
) -> dict[str, str]:
    """Outcome figures past their kind's most (times the report's number of times), and
    parts that outnumber their whole."""
    # A count past its own limit scales nothing further; a period's total scales by itself.
    times = max(report.count or 1, 1)
    if not report.summary:
        times = min(times, limit.max_count)
    errors: dict[str, str] = {}
    for name in OUTCOME_FIELDS:
        value = getattr(report, name)
        most = limit.outcome_max(name) * times
        if value is not None and value > most:
            errors[name] = ngettext(
                "At most %(max)s %(field)s in a report of %(kind)s that counts %(times)s "
                "time. Check the number; if it is right, an administrator can raise the limit.",
                "At most %(max)s %(field)s in a report of %(kind)s that counts %(times)s "
                "times. Check the number; if it is right, an administrator can raise the limit.",
                times,
            ) % {
                "max": number(most),
                "field": _verbose_name(name).lower(),
                "kind": activity.get_kind_display().lower(),
                "times": number(times),
            }
    for part, whole in OUTCOME_PARTS:
        part_value, whole_value = getattr(report, part), getattr(report, whole)
        if part_value is not None and whole_value is not None and part_value > whole_value:
            errors.setdefault(
                part, _("Cannot be more than %(field)s.") % {"field": _verbose_name(whole)}
            )
    return errors


def _place_error(activity: Activity, report: ActivityReport) -> dict[str, str]:
    """A map point outside Sweden or well outside the promise's municipality."""
    if report.latitude is None or report.longitude is None:
        return {}
    message = activity.promise.municipality.place_error(
        float(report.latitude), float(report.longitude)
    )
    if message is None:
        return {}
    return {"latitude": message + " " + _("Or leave them empty and describe the place in words.")}


def _verbose_name(field_name: str) -> str:
    return str(cast("Field[Any, Any]", ActivityReport._meta.get_field(field_name)).verbose_name)
