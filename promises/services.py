"""Every write of the promise cycle goes through these functions, whoever calls them."""

from datetime import date
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field, Max, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from lib.periods import year_bounds
from loften.versioning import save_versioned
from promises.models import (
    Activity,
    ActivityReport,
    Agreement,
    CitizenPromise,
    Commitment,
    Signatory,
)
from promises.vocabularies import OUTCOME_FIELDS, STATUS_TRANSITIONS, PromiseStatus

PROMISE_FIELDS = [
    "agreement",
    "title",
    "introduction",
    "situation",
    "evidence_sources",
    "effect",
    "follow_up",
    "evaluation_due",
    "evaluation_plan",
    "signed_on",
]
ACTIVITY_FIELDS = [
    "commitment",
    "kind",
    "description",
    "target",
    "unit",
    "focus",
    "place",
    "audience",
    "audience_size",
    "position",
]
REPORT_FIELDS = ["date", "count", "place", "latitude", "longitude", "notes", *OUTCOME_FIELDS]


def _assign(instance: Any, data: dict[str, Any], fields: list[str]) -> list[str]:
    changed = [name for name in fields if name in data]
    for name in changed:
        setattr(instance, name, data[name])
    return changed


def promise_require_draft(promise: CitizenPromise) -> None:
    """A signed promise is the text that was signed: only a draft may be changed."""
    if promise.status != PromiseStatus.DRAFT:
        raise ValidationError(
            _(
                "This promise is %(status)s and its text can no longer be changed. A signed "
                "promise can be moved back to draft before it is published; a published one "
                "stays as it was published."
            )
            % {"status": PromiseStatus(promise.status).label.lower()},
            code="not_draft",
        )


def _require_reportable(promise: CitizenPromise) -> None:
    if promise.status == PromiseStatus.DRAFT:
        raise ValidationError(
            _("Activities can be logged once the promise is signed; this one is still a draft."),
            code="draft",
        )


@transaction.atomic
def promise_create(
    *, by: User, municipality: Any, police_area: Any, year: int, title: str, **data: Any
) -> CitizenPromise:
    """Create a draft promise for a municipality, police area and year."""
    if CitizenPromise.objects.filter(
        municipality=municipality, police_area=police_area, year=year
    ).exists():
        raise ValidationError(
            {"year": _("There is already a promise for %(year)s.") % {"year": year}}
        )
    promise = CitizenPromise(
        municipality=municipality, police_area=police_area, year=year, title=title
    )
    _assign(promise, data, PROMISE_FIELDS)
    promise.full_clean()
    promise.save()
    return promise


@transaction.atomic
def promise_update(
    *, promise: CitizenPromise, by: User, expected_version: int, data: dict[str, Any]
) -> CitizenPromise:
    """Change the promise text; refused if someone else saved it since `expected_version`."""
    promise_require_draft(promise)
    fields = _assign(promise, data, PROMISE_FIELDS)
    promise.full_clean(exclude=["municipality", "police_area", "year"])
    save_versioned(promise, expected_version=expected_version, fields=fields)
    return promise


@transaction.atomic
def promise_set_status(*, promise: CitizenPromise, by: User, status: str) -> CitizenPromise:
    """Move a promise to the next status of its life (draft → signed → published → evaluated)."""
    if status not in STATUS_TRANSITIONS.get(promise.status, ()):
        raise ValidationError(
            _("A promise that is %(current)s cannot become %(new)s.")
            % {
                "current": PromiseStatus(promise.status).label,
                "new": PromiseStatus(status).label if status in PromiseStatus.values else status,
            },
            code="invalid_transition",
        )
    if status == PromiseStatus.SIGNED and not promise.signed_on:
        raise ValidationError(_("Enter the date it was signed before marking it as signed."))
    if status == PromiseStatus.PUBLISHED and not promise.activities.exists():
        raise ValidationError(_("A promise needs at least one activity before it is published."))
    promise.status = status
    fields = ["status"]
    if status == PromiseStatus.PUBLISHED and promise.published_at is None:
        promise.published_at = timezone.now()
        fields.append("published_at")
    save_versioned(promise, expected_version=promise.version, fields=fields)
    return promise


@transaction.atomic
def promise_copy_to_next_year(*, promise: CitizenPromise, by: User) -> CitizenPromise:
    """Start next year's draft from this promise: texts, commitments and activities."""
    year = promise.year + 1
    title = promise.title.replace(str(promise.year), str(year))
    copy = promise_create(
        by=by,
        municipality=promise.municipality,
        police_area=promise.police_area,
        year=year,
        title=title,
        **{
            name: getattr(promise, name)
            for name in PROMISE_FIELDS
            if name not in ("title", "signed_on", "evaluation_due")
        },
    )
    commitments = {}
    for commitment in promise.commitments.all():
        commitments[commitment.pk] = Commitment.objects.create(
            promise=copy, text=commitment.text, position=commitment.position
        )
    for activity in promise.activities.prefetch_related("responsible"):
        new = Activity.objects.create(
            promise=copy,
            commitment=commitments.get(activity.commitment_id or 0),
            **{name: getattr(activity, name) for name in ACTIVITY_FIELDS if name != "commitment"},
        )
        new.responsible.set(activity.responsible.all())
    return copy


def signatory_set(*, promise: CitizenPromise, by: User, people: list[dict[str, Any]]) -> None:
    """Replace the promise's signatories with `people` (name, title, organisation)."""
    promise_require_draft(promise)
    _signatories_replace(promise.signatories.all(), people, promise=promise)


def _signatories_replace(current: Any, people: list[dict[str, Any]], **owner: Any) -> None:
    current.delete()
    for position, person in enumerate(people):
        Signatory.objects.create(position=position, **owner, **person)


AGREEMENT_FIELDS = ["title", "start_year", "end_year", "signed_on", "signed_month_only", "summary"]


@transaction.atomic
def agreement_create(
    *,
    by: User,
    municipality: Any,
    police_area: Any,
    parties: list[Organisation] | None = None,
    people: list[dict[str, Any]] | None = None,
    **data: Any,
) -> Agreement:
    """Record a collaboration agreement between a municipality and its police area."""
    agreement = Agreement(municipality=municipality, police_area=police_area)
    _assign(agreement, data, AGREEMENT_FIELDS)
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties or [])
    _signatories_replace(agreement.signatories.all(), people or [], agreement=agreement)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    by: User,
    expected_version: int,
    parties: list[Organisation] | None = None,
    people: list[dict[str, Any]] | None = None,
    **data: Any,
) -> Agreement:
    """Change an agreement; refused if someone else saved it since `expected_version`."""
    fields = _assign(agreement, data, AGREEMENT_FIELDS)
    agreement.full_clean(exclude=["municipality", "police_area"])
    save_versioned(agreement, expected_version=expected_version, fields=fields)
    if parties is not None:
        agreement.parties.set(parties)
    if people is not None:
        _signatories_replace(agreement.signatories.all(), people, agreement=agreement)
    return agreement


@transaction.atomic
def commitment_create(
    *, promise: CitizenPromise, by: User, text: str, position: int = 0
) -> Commitment:
    """Add a commitment to a promise."""
    promise_require_draft(promise)
    commitment = Commitment(promise=promise, text=text, position=position)
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_update(
    *, commitment: Commitment, by: User, expected_version: int, text: str, position: int
) -> Commitment:
    """Change a commitment's text or order."""
    promise_require_draft(commitment.promise)
    commitment.text, commitment.position = text, position
    commitment.full_clean()
    save_versioned(commitment, expected_version=expected_version, fields=["text", "position"])
    return commitment


@transaction.atomic
def commitment_delete(*, commitment: Commitment, by: User) -> None:
    """Remove a commitment; its activities stay, no longer tied to it."""
    promise_require_draft(commitment.promise)
    commitment.delete()


@transaction.atomic
def activity_create(
    *, promise: CitizenPromise, by: User, responsible: list[Organisation] | None = None, **data: Any
) -> Activity:
    """Add an activity to a promise."""
    promise_require_draft(promise)
    activity = Activity(promise=promise)
    _assign(activity, data, ACTIVITY_FIELDS)
    _check_commitment(activity)
    activity.full_clean()
    activity.save()
    activity.responsible.set(responsible or [])
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    by: User,
    expected_version: int,
    responsible: list[Organisation] | None = None,
    **data: Any,
) -> Activity:
    """Change an activity; refused if someone else saved it since `expected_version`."""
    promise_require_draft(activity.promise)
    fields = _assign(activity, data, ACTIVITY_FIELDS)
    _check_commitment(activity)
    activity.full_clean()
    save_versioned(activity, expected_version=expected_version, fields=fields)
    if responsible is not None:
        activity.responsible.set(responsible)
    return activity


def _check_commitment(activity: Activity) -> None:
    if activity.commitment and activity.commitment.promise_id != activity.promise_id:
        raise ValidationError({"commitment": _("Choose a commitment of the same promise.")})


@transaction.atomic
def activity_delete(*, activity: Activity, by: User) -> None:
    """Remove an activity that has never been reported; a logged activity must stay."""
    promise_require_draft(activity.promise)
    if activity.reports.exists():
        raise ValidationError(
            _(
                "This activity has reports in its log and cannot be removed. Set its target "
                "to zero or edit its description instead."
            )
        )
    activity.delete()


def _verbose_name(field_name: str) -> str:
    return str(cast(Field, ActivityReport._meta.get_field(field_name)).verbose_name)


def _check_report(activity: Activity, report: ActivityReport) -> None:
    first, last = year_bounds(activity.promise.year)
    errors: dict[str, str] = {}
    if report.date and not first <= report.date <= last:
        errors["date"] = _(
            "The date %(date)s is outside the promise year %(year)s: a report must fall "
            "between %(first)s and %(last)s."
        ) % {
            "date": report.date.isoformat(),
            "year": activity.promise.year,
            "first": first.isoformat(),
            "last": last.isoformat(),
        }
    pairs = [
        ("breath_positives", "breath_tests"),
        ("drug_positives", "drug_tests"),
        ("speeding_violations", "vehicles_checked"),
    ]
    for part, whole in pairs:
        part_value, whole_value = getattr(report, part), getattr(report, whole)
        if part_value is not None and whole_value is not None and part_value > whole_value:
            errors[part] = _("Cannot be more than %(field)s.") % {"field": _verbose_name(whole)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_report_create(
    *,
    activity: Activity,
    by: User,
    date: date,
    organisations: list[Organisation] | None = None,
    **data: Any,
) -> ActivityReport:
    """Log one execution of an activity and update its progress."""
    _require_reportable(activity.promise)
    report = ActivityReport(activity=activity, date=date, reported_by=by)
    _assign(report, data, REPORT_FIELDS)
    _check_report(activity, report)
    report.full_clean(exclude=["reported_by", "activity"])
    report.save()
    report.organisations.set(organisations or [])
    activity_progress_recount(activity=activity)
    return report


@transaction.atomic
def activity_report_update(
    *,
    report: ActivityReport,
    by: User,
    expected_version: int,
    organisations: list[Organisation] | None = None,
    **data: Any,
) -> ActivityReport:
    """Correct a report; refused if someone else saved it since `expected_version`."""
    if report.removed_at:
        raise ValidationError(_("This report has been removed and can no longer be changed."))
    fields = _assign(report, data, REPORT_FIELDS)
    _check_report(report.activity, report)
    report.full_clean(exclude=["reported_by", "activity"])
    save_versioned(report, expected_version=expected_version, fields=fields)
    if organisations is not None:
        report.organisations.set(organisations)
    activity_progress_recount(activity=report.activity)
    return report


@transaction.atomic
def activity_report_remove(*, report: ActivityReport, by: User) -> ActivityReport:
    """Take a report out of the count while keeping it, and who removed it, on record."""
    if report.removed_at is None:
        report.removed_at = timezone.now()
        report.removed_by = by
        save_versioned(report, expected_version=report.version, fields=["removed_at", "removed_by"])
        activity_progress_recount(activity=report.activity)
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
