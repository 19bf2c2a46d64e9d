"""The activity log: reports of activities carried out, and the progress they add up to."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field, Max, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.changes import KEEP, Keep, assign_given
from core.dates import day_in_words
from core.versioning import save_versioned
from lib.periods import year_bounds
from promises.models import Activity, ActivityReport, CitizenPromise
from promises.vocabularies import PromiseStatus

# Parts that cannot outnumber their whole.
_PART_OF = [
    ("breath_positives", "breath_tests"),
    ("drug_positives", "drug_tests"),
    ("speeding_violations", "vehicles_checked"),
]


def _require_reportable(promise: CitizenPromise) -> None:
    if promise.status == PromiseStatus.DRAFT:
        raise ValidationError(
            _("Activities can be logged once the promise is signed; this one is still a draft."),
            code="draft",
        )


def _verbose_name(field_name: str) -> str:
    return str(cast("Field[Any, Any]", ActivityReport._meta.get_field(field_name)).verbose_name)


def _check_report(activity: Activity, report: ActivityReport) -> None:
    first, last = year_bounds(activity.promise.year)
    errors: dict[str, str] = {}
    if report.date and not first <= report.date <= last:
        errors["date"] = _(
            "The date %(date)s is outside the promise year %(year)s: a report must fall "
            "between %(first)s and %(last)s."
        ) % {
            "date": day_in_words(report.date),
            "year": activity.promise.year,
            "first": day_in_words(first),
            "last": day_in_words(last),
        }
    for part, whole in _PART_OF:
        part_value, whole_value = getattr(report, part), getattr(report, whole)
        if part_value is not None and whole_value is not None and part_value > whole_value:
            errors[part] = _("Cannot be more than %(field)s.") % {"field": _verbose_name(whole)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_report_create(
    *,
    activity: Activity,
    by: User | None,
    date: date,
    count: int = 1,
    place: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    notes: str = "",
    organisations: Iterable[Organisation] = (),
    vehicles_checked: int | None = None,
    speeding_violations: int | None = None,
    other_violations: int | None = None,
    breath_tests: int | None = None,
    breath_positives: int | None = None,
    drug_tests: int | None = None,
    drug_positives: int | None = None,
    attendees: int | None = None,
    pupils_reached: int | None = None,
    observations: int | None = None,
) -> ActivityReport:
    """Log one execution of an activity and update its progress."""
    _require_reportable(activity.promise)
    report = ActivityReport(
        activity=activity,
        reported_by=by,
        date=date,
        count=count,
        place=place,
        latitude=latitude,
        longitude=longitude,
        notes=notes,
        vehicles_checked=vehicles_checked,
        speeding_violations=speeding_violations,
        other_violations=other_violations,
        breath_tests=breath_tests,
        breath_positives=breath_positives,
        drug_tests=drug_tests,
        drug_positives=drug_positives,
        attendees=attendees,
        pupils_reached=pupils_reached,
        observations=observations,
    )
    _check_report(activity, report)
    report.full_clean(exclude=["reported_by", "activity"])
    report.save()
    report.organisations.set(organisations)
    activity_progress_recount(activity=activity)
    audit_record(action=AuditAction.CREATE, instance=report, by=by)
    return report


@transaction.atomic
def activity_report_update(
    *,
    report: ActivityReport,
    by: User | None,
    expected_version: int,
    date: date | Keep = KEEP,
    count: int | Keep = KEEP,
    place: str | Keep = KEEP,
    latitude: Decimal | None | Keep = KEEP,
    longitude: Decimal | None | Keep = KEEP,
    notes: str | Keep = KEEP,
    organisations: Iterable[Organisation] | Keep = KEEP,
    vehicles_checked: int | None | Keep = KEEP,
    speeding_violations: int | None | Keep = KEEP,
    other_violations: int | None | Keep = KEEP,
    breath_tests: int | None | Keep = KEEP,
    breath_positives: int | None | Keep = KEEP,
    drug_tests: int | None | Keep = KEEP,
    drug_positives: int | None | Keep = KEEP,
    attendees: int | None | Keep = KEEP,
    pupils_reached: int | None | Keep = KEEP,
    observations: int | None | Keep = KEEP,
) -> ActivityReport:
    """Correct a report; refused if someone else saved it since `expected_version`.
    What is not given stays as it is."""
    if report.removed_at:
        raise ValidationError(_("This report has been removed and can no longer be changed."))
    before = stored_snapshot(report)
    fields = assign_given(
        report,
        {
            "date": date,
            "count": count,
            "place": place,
            "latitude": latitude,
            "longitude": longitude,
            "notes": notes,
            "vehicles_checked": vehicles_checked,
            "speeding_violations": speeding_violations,
            "other_violations": other_violations,
            "breath_tests": breath_tests,
            "breath_positives": breath_positives,
            "drug_tests": drug_tests,
            "drug_positives": drug_positives,
            "attendees": attendees,
            "pupils_reached": pupils_reached,
            "observations": observations,
        },
    )
    _check_report(report.activity, report)
    report.full_clean(exclude=["reported_by", "activity"])
    save_versioned(report, expected_version=expected_version, fields=fields)
    if organisations is not KEEP:
        report.organisations.set(organisations)
    activity_progress_recount(activity=report.activity)
    audit_record(action=AuditAction.CHANGE, instance=report, by=by, before=before)
    return report


@transaction.atomic
def activity_report_remove(*, report: ActivityReport, by: User | None) -> ActivityReport:
    """Take a report out of the count while keeping it, and who removed it, on record."""
    if report.removed_at is None:
        before = stored_snapshot(report)
        report.removed_at = timezone.now()
        report.removed_by = by
        save_versioned(report, expected_version=report.version, fields=["removed_at", "removed_by"])
        activity_progress_recount(activity=report.activity)
        audit_record(action=AuditAction.CHANGE, instance=report, by=by, before=before)
    return report


def activity_progress_recount(*, activity: Activity) -> Activity:
    """Recompute an activity's done count, last date and reach from its reports."""
    figures = activity.reports.active().aggregate(
        done=Sum("count"),
        last=Max("date"),
        # Pupils reached where reported, otherwise the participants.
        reached=Sum(Coalesce("pupils_reached", "attendees")),
    )
    activity.done_count = figures["done"] or 0
    activity.last_done_on = figures["last"]
    activity.reached_count = figures["reached"] or 0
    Activity.objects.filter(pk=activity.pk).update(
        done_count=activity.done_count,
        last_done_on=activity.last_done_on,
        reached_count=activity.reached_count,
    )
    return activity
