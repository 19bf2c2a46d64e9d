"""Writes of agreements, yearly promises, their commitments and activities."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.models import AuditAction
from audit.services import audit_record, snapshot, stored_snapshot
from core.versioning import save_versioned
from promises.models import Activity, Agreement, CitizenPromise, Commitment, Signatory
from promises.vocabularies import STATUS_TRANSITIONS, PromiseStatus

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
AGREEMENT_FIELDS = [
    "title",
    "start_year",
    "end_year",
    "signed_on",
    "signed_month_only",
    "summary",
    "follow_ups_cosigned",
]
CREATE, CHANGE, DELETE = AuditAction.CREATE, AuditAction.CHANGE, AuditAction.DELETE


def assign(instance: Any, data: dict[str, Any], fields: list[str]) -> list[str]:
    """Set the given fields that `data` holds; return their names."""
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


@transaction.atomic
def promise_create(
    *, by: User | None, municipality: Any, police_area: Any, year: int, title: str, **data: Any
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
    assign(promise, data, PROMISE_FIELDS)
    promise.full_clean()
    promise.save()
    audit_record(action=CREATE, instance=promise, by=by)
    return promise


@transaction.atomic
def promise_update(
    *, promise: CitizenPromise, by: User | None, expected_version: int, data: dict[str, Any]
) -> CitizenPromise:
    """Change the promise text; refused if someone else saved it since `expected_version`."""
    promise_require_draft(promise)
    before = stored_snapshot(promise)
    fields = assign(promise, data, PROMISE_FIELDS)
    promise.full_clean(exclude=["municipality", "police_area", "year"])
    save_versioned(promise, expected_version=expected_version, fields=fields)
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    return promise


def _refuse_transition(promise: CitizenPromise, status: str) -> None:
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
    if status == PromiseStatus.WITHDRAWN:
        raise ValidationError(_("Withdraw a promise with its reason."), code="needs_reason")


@transaction.atomic
def promise_set_status(*, promise: CitizenPromise, by: User | None, status: str) -> CitizenPromise:
    """Move a promise to the next status of its life (draft → signed → published → evaluated)."""
    _refuse_transition(promise, status)
    before = stored_snapshot(promise)
    promise.status = status
    fields = ["status"]
    if status == PromiseStatus.PUBLISHED and promise.published_at is None:
        promise.published_at = timezone.now()
        fields.append("published_at")
    save_versioned(promise, expected_version=promise.version, fields=fields)
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    return promise


@transaction.atomic
def promise_withdraw(*, promise: CitizenPromise, by: User | None, reason: str) -> CitizenPromise:
    """Withdraw a published promise. It is a public record: it stays, archived, and its
    public page says that it was withdrawn, when and why."""
    if PromiseStatus.WITHDRAWN not in STATUS_TRANSITIONS.get(promise.status, ()):
        raise ValidationError(
            _("Only a published promise can be withdrawn."), code="invalid_transition"
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the promise is withdrawn.")})
    before = stored_snapshot(promise)
    promise.status = PromiseStatus.WITHDRAWN
    promise.withdrawn_at = timezone.now()
    promise.withdrawal_reason = reason.strip()
    save_versioned(
        promise,
        expected_version=promise.version,
        fields=["status", "withdrawn_at", "withdrawal_reason"],
    )
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    return promise


@transaction.atomic
def promise_copy_to_next_year(
    *,
    promise: CitizenPromise,
    by: User | None,
    commitment_ids: set[int] | None = None,
    activity_ids: set[int] | None = None,
) -> CitizenPromise:
    """Start next year's draft from this promise: texts, commitments and activities (all of
    them, or those whose ids are given)."""
    year = promise.year + 1
    kept = [n for n in PROMISE_FIELDS if n not in ("title", "signed_on", "evaluation_due")]
    copy = promise_create(
        by=by,
        municipality=promise.municipality,
        police_area=promise.police_area,
        year=year,
        title=promise.title.replace(str(promise.year), str(year)),
        **{name: getattr(promise, name) for name in kept},
    )
    commitments = {
        old.pk: commitment_create(promise=copy, by=by, text=old.text, position=old.position)
        for old in promise.commitments.all()
        if commitment_ids is None or old.pk in commitment_ids
    }
    for activity in promise.activities.prefetch_related("responsible"):
        if activity_ids is not None and activity.pk not in activity_ids:
            continue
        values = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
        values["commitment"] = commitments.get(activity.commitment_id or 0)
        activity_create(promise=copy, by=by, responsible=list(activity.responsible.all()), **values)
    return copy


def _signatory_lines(owner: CitizenPromise | Agreement) -> list[str]:
    return [str(person) for person in owner.signatories.all()]


def _signatories_replace(
    owner: CitizenPromise | Agreement, people: list[dict[str, Any]], by: User | None
) -> None:
    before = _signatory_lines(owner)
    owner.signatories.all().delete()
    key = "promise" if isinstance(owner, CitizenPromise) else "agreement"
    for position, person in enumerate(people):
        Signatory.objects.create(position=position, **{key: owner}, **person)
    audit_record(
        action=CHANGE,
        instance=owner,
        by=by,
        before={"signatories": before},
        after={"signatories": _signatory_lines(owner)},
    )


@transaction.atomic
def signatory_set(
    *, promise: CitizenPromise, by: User | None, people: list[dict[str, Any]]
) -> None:
    """Replace the promise's signatories with `people` (name, title, organisation)."""
    promise_require_draft(promise)
    _signatories_replace(promise, people, by)


@transaction.atomic
def agreement_create(
    *,
    by: User | None,
    municipality: Any,
    police_area: Any,
    parties: list[Organisation] | None = None,
    people: list[dict[str, Any]] | None = None,
    **data: Any,
) -> Agreement:
    """Record a collaboration agreement between a municipality and its police area."""
    agreement = Agreement(municipality=municipality, police_area=police_area)
    assign(agreement, data, AGREEMENT_FIELDS)
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties or [])
    audit_record(action=CREATE, instance=agreement, by=by)
    if people:
        _signatories_replace(agreement, people, by)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    by: User | None,
    expected_version: int,
    parties: list[Organisation] | None = None,
    people: list[dict[str, Any]] | None = None,
    **data: Any,
) -> Agreement:
    """Change an agreement; refused if someone else saved it since `expected_version`."""
    before = stored_snapshot(agreement)
    fields = assign(agreement, data, AGREEMENT_FIELDS)
    agreement.full_clean(exclude=["municipality", "police_area"])
    save_versioned(agreement, expected_version=expected_version, fields=fields)
    if parties is not None:
        agreement.parties.set(parties)
    audit_record(action=CHANGE, instance=agreement, by=by, before=before)
    if people is not None:
        _signatories_replace(agreement, people, by)
    return agreement


@transaction.atomic
def commitment_create(
    *, promise: CitizenPromise, by: User | None, text: str, position: int = 0
) -> Commitment:
    """Add a commitment to a promise."""
    promise_require_draft(promise)
    commitment = Commitment(promise=promise, text=text, position=position)
    commitment.full_clean()
    commitment.save()
    audit_record(action=CREATE, instance=commitment, by=by)
    return commitment


@transaction.atomic
def commitment_update(
    *, commitment: Commitment, by: User | None, expected_version: int, text: str, position: int
) -> Commitment:
    """Change a commitment's text or order."""
    promise_require_draft(commitment.promise)
    before = stored_snapshot(commitment)
    commitment.text, commitment.position = text, position
    commitment.full_clean()
    save_versioned(commitment, expected_version=expected_version, fields=["text", "position"])
    audit_record(action=CHANGE, instance=commitment, by=by, before=before)
    return commitment


@transaction.atomic
def commitment_delete(*, commitment: Commitment, by: User | None) -> None:
    """Remove a commitment; its activities stay, no longer tied to it."""
    promise_require_draft(commitment.promise)
    before = stored_snapshot(commitment)
    audit_record(action=DELETE, instance=commitment, by=by, before=before, after={})
    commitment.delete()


@transaction.atomic
def activity_create(
    *,
    promise: CitizenPromise,
    by: User | None,
    responsible: list[Organisation] | None = None,
    **data: Any,
) -> Activity:
    """Add an activity to a promise."""
    promise_require_draft(promise)
    activity = Activity(promise=promise)
    assign(activity, data, ACTIVITY_FIELDS)
    _check_commitment(activity)
    activity.full_clean()
    activity.save()
    activity.responsible.set(responsible or [])
    audit_record(action=CREATE, instance=activity, by=by)
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    by: User | None,
    expected_version: int,
    responsible: list[Organisation] | None = None,
    **data: Any,
) -> Activity:
    """Change an activity; refused if someone else saved it since `expected_version`."""
    promise_require_draft(activity.promise)
    before = stored_snapshot(activity)
    fields = assign(activity, data, ACTIVITY_FIELDS)
    _check_commitment(activity)
    activity.full_clean()
    save_versioned(activity, expected_version=expected_version, fields=fields)
    if responsible is not None:
        activity.responsible.set(responsible)
    audit_record(action=CHANGE, instance=activity, by=by, before=before)
    return activity


def _check_commitment(activity: Activity) -> None:
    if activity.commitment and activity.commitment.promise_id != activity.promise_id:
        raise ValidationError({"commitment": _("Choose a commitment of the same promise.")})


@transaction.atomic
def activity_delete(*, activity: Activity, by: User | None) -> None:
    """Remove an activity that has never been reported; a logged activity must stay."""
    promise_require_draft(activity.promise)
    if activity.reports.exists():
        raise ValidationError(
            _(
                "This activity has reports in its log and cannot be removed. Set its target "
                "to zero or edit its description instead."
            )
        )
    audit_record(action=DELETE, instance=activity, by=by, before=snapshot(activity), after={})
    activity.delete()
