"""The activity log: reports of activities carried out, and the progress they add up to."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Organisation, User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core import pagecache
from core.changes import KEEP, Keep, assign_given
from core.confirm import NeedsConfirmation
from core.dates import day_in_words
from core.personal_data import personal_data_reasons
from core.versioning import save_versioned
from documents.formatting import number
from lib.periods import report_dates
from promises.models import Activity, ActivityReport, CitizenPromise, ReportLimit
from promises.services.plausible import plausible_errors
from promises.vocabularies import REACH_FIELDS, PromiseStatus


class ReportNeedsConfirmation(NeedsConfirmation):
    """A report that may be right but looks wrong: saved only once the reporter confirms.
    Its messages say what looks wrong."""


def require_reportable(promise: CitizenPromise) -> None:
    """Refuse a report to a draft, an evaluated or a withdrawn promise."""
    if promise.status == PromiseStatus.DRAFT:
        raise ValidationError(
            _("Activities can be logged once the promise is signed; this one is still a draft."),
            code="draft",
        )
    require_open_log(promise)


def require_open_log(promise: CitizenPromise) -> None:
    """Refuse any change to the log of an evaluated promise (its evaluation counted it) or
    a withdrawn one."""
    # As stored now: the caller's copy may predate the evaluation's publication.
    status = CitizenPromise.objects.filter(pk=promise.pk).values_list("status", flat=True).first()
    if status == PromiseStatus.EVALUATED:
        raise ValidationError(
            _(
                "The promise has been evaluated, so its activity log is closed. To correct "
                "it, a coordinator first reopens the evaluation."
            ),
            code="log_closed",
        )
    if status == PromiseStatus.WITHDRAWN:
        raise ValidationError(
            _("The promise has been withdrawn, so its activity log is closed."),
            code="log_closed",
        )


def _far_past_target(activity: Activity, report: ActivityReport, previous: int) -> str | None:
    """A warning when the report raises the activity's count past the confirmed share of
    its target."""
    if not activity.target or report.count <= previous:
        return None
    percent = ReportLimit.for_kind(activity.kind).far_past_percent
    others = activity.reports.active().exclude(pk=report.pk).aggregate(n=Sum("count"))["n"]
    done = (others or 0) + report.count
    if done * 100 <= activity.target * percent:
        return None
    return _(
        "This report brings %(kind)s to %(done)s against a target of %(target)s, more than "
        "%(percent)s %% of the target. Check the number of times before you confirm."
    ) % {
        "kind": activity.get_kind_display().lower(),
        "done": number(done),
        "target": number(activity.target),
        "percent": number(percent),
    }


def _duplicate_of(activity: Activity, report: ActivityReport) -> str | None:
    """A warning when the log already holds a report with the same date, place and count."""
    twin = (
        activity.reports.active()
        .exclude(pk=report.pk)
        .filter(date=report.date, place__iexact=report.place.strip(), count=report.count)
        .select_related("reported_by")
        .first()
    )
    if twin is None:
        return None
    return ngettext(
        "The log already holds the same report: %(date)s, %(place)s, %(count)s time, "
        "logged by %(who)s. Confirm only if this is another execution.",
        "The log already holds the same report: %(date)s, %(place)s, %(count)s times, "
        "logged by %(who)s. Confirm only if this is another execution.",
        twin.count,
    ) % {
        "date": date_format(twin.date),
        "place": twin.place or _("no place given"),
        "count": number(twin.count),
        "who": twin.reported_by or "–",
    }


def _require_confirmation(
    activity: Activity,
    report: ActivityReport,
    *,
    confirmed: bool,
    previous: int = 0,
    duplicate_check: bool = True,
) -> None:
    if confirmed:
        return
    warnings = [_far_past_target(activity, report, previous)]
    if duplicate_check:
        warnings.append(_duplicate_of(activity, report))
    # The place and the notes are for staff only: never on a public page.
    warnings += personal_data_reasons(report.place, report.notes)
    found = [w for w in warnings if w]
    if found:
        raise ReportNeedsConfirmation(found)


def _date_error(activity: Activity, report: ActivityReport) -> dict[str, str]:
    """The report's date outside the days it may have, named by the bound it passes: the
    first or last day of the promise year, or today."""
    if report.date is None:
        return {}
    today = timezone.localdate()
    first, last = report_dates(activity.promise.year, today)
    if report.date < first:
        message = _(
            "A report cannot be dated before its promise year begins: enter a day from %(first)s."
        ) % {"first": day_in_words(first)}
    elif report.date > last and last < today:
        message = _(
            "A report cannot be dated after its promise year ends: enter a day no later "
            "than %(last)s."
        ) % {"last": day_in_words(last)}
    elif report.date > last:
        message = _(
            "The date cannot be in the future: enter a day no later than today, %(today)s."
        ) % {"today": day_in_words(last)}
    else:
        return {}
    return {"date": message}


def report_problems(activity: Activity, report: ActivityReport) -> dict[str, str]:
    """Every reason the report cannot be saved as it stands, by field, so that all are
    shown at once: a date outside the days it may have, figures or a place no report of
    its kind can plausibly have."""
    return {**_date_error(activity, report), **plausible_errors(activity, report)}


def _require_valid(activity: Activity, report: ActivityReport) -> None:
    """Refuse the report with every fault at once, each on its field."""
    errors: dict[str, list[str]] = {
        field: [message] for field, message in report_problems(activity, report).items()
    }
    try:
        # A field already refused above keeps the one message that names its tightest bound.
        report.full_clean(exclude=["reported_by", "activity", *errors])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
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
    summary: bool = False,
    confirmed: bool = False,
) -> ActivityReport:
    """Log one execution of an activity and update its progress. A count or outcome figure
    implausible for the activity's kind, or a map point well outside the municipality, is
    refused; a report far past the target, the same as one already logged, or with personal
    data in its place or notes, needs `confirmed`. A `summary` is a period's total from a
    follow-up, not one execution: its count is bounded by what a year can hold."""
    require_reportable(activity.promise)
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
        summary=summary,
    )
    _require_valid(activity, report)
    _require_confirmation(activity, report, confirmed=confirmed)
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
    confirmed: bool = False,
) -> ActivityReport:
    """Correct a report; refused if someone else saved it since `expected_version`.
    What is not given stays as it is. Counts are checked as when logging."""
    require_open_log(report.activity.promise)
    if report.removed_at:
        raise ValidationError(_("This report has been removed and can no longer be changed."))
    before = stored_snapshot(report)
    # As stored: a form may already have put its values on the instance.
    was = ActivityReport.objects.values_list("date", "place", "count").get(pk=report.pk)
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
    _require_valid(report.activity, report)
    _require_confirmation(
        report.activity,
        report,
        confirmed=confirmed,
        previous=was[2],
        duplicate_check=tuple(was) != (report.date, report.place, report.count),
    )
    save_versioned(report, expected_version=expected_version, fields=fields)
    if organisations is not KEEP:
        report.organisations.set(organisations)
    activity_progress_recount(activity=report.activity)
    audit_record(action=AuditAction.CHANGE, instance=report, by=by, before=before)
    return report


@transaction.atomic
def activity_report_remove(*, report: ActivityReport, by: User | None) -> ActivityReport:
    """Take a report out of the count while keeping it, and who removed it, on record."""
    require_open_log(report.activity.promise)
    if report.removed_at is None:
        before = stored_snapshot(report)
        report.removed_at = timezone.now()
        report.removed_by = by
        save_versioned(report, expected_version=report.version, fields=["removed_at", "removed_by"])
        activity_progress_recount(activity=report.activity)
        audit_record(action=AuditAction.CHANGE, instance=report, by=by, before=before)
    return report


@transaction.atomic
def activity_report_restore(*, report: ActivityReport, by: User | None) -> ActivityReport:
    """Count a removed report again; the history keeps who removed and who restored it."""
    require_open_log(report.activity.promise)
    if report.removed_at is not None:
        before = stored_snapshot(report)
        report.removed_at = None
        report.removed_by = None
        save_versioned(report, expected_version=report.version, fields=["removed_at", "removed_by"])
        activity_progress_recount(activity=report.activity)
        audit_record(action=AuditAction.CHANGE, instance=report, by=by, before=before)
    return report


def activity_progress_recount(*, activity: Activity) -> Activity:
    """Recompute an activity's done count, last date and reach from its reports.

    The activity's row is locked first, so two reports logged at the same moment are summed
    one after the other: the second sum, a new statement, sees the first's committed report.
    Without the lock each would sum without the other and the last write would lose one."""
    with transaction.atomic():
        Activity.objects.select_for_update().filter(pk=activity.pk).values_list("pk").get()
        return _recounted(activity)


def _recounted(activity: Activity) -> Activity:
    figures = activity.reports.active().aggregate(
        done=Sum("count"),
        last=Max("date"),
        reached=Sum(Coalesce(*REACH_FIELDS)),
    )
    activity.done_count = figures["done"] or 0
    activity.last_done_on = figures["last"]
    # A sum over no given figure is NULL: no report said how many were reached.
    activity.reached_count = figures["reached"]
    Activity.objects.filter(pk=activity.pk).update(
        done_count=activity.done_count,
        last_done_on=activity.last_done_on,
        reached_count=activity.reached_count,
    )
    pagecache.changed_record(activity)
    return activity
