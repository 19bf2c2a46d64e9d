"""Writes of the yearly promise: its text, its life from draft to evaluated, its signatories,
commitments and activities."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import Organisation, User
from audit.models import AuditAction
from audit.services import audit_record, snapshot, stored_snapshot
from core.changes import KEEP, Keep, assign_given
from core.confirm import require_confirmed
from core.personal_data import personal_data_reasons, require_no_personal_data
from core.versioning import save_versioned
from lib.carry_over import carry_over_text, carry_over_title
from lib.pace import Rate
from lib.periods import PER_YEAR
from places.models import Municipality, PoliceArea
from promises.models import Activity, ActivityReport, Agreement, CitizenPromise, Commitment
from promises.selectors import position_after_last
from promises.services.publishing import promise_approval_clear, promise_is_approved
from promises.services.signatories import Signer, signatories_replace
from promises.vocabularies import STATUS_TRANSITIONS, FollowUpCadence, PromiseStatus

CREATE, CHANGE, DELETE = AuditAction.CREATE, AuditAction.CHANGE, AuditAction.DELETE


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


def agreement_years_warning(promise: CitizenPromise) -> str | None:
    """Why to check the promise's agreement when its year lies outside the agreement's
    years, or None. A promise may still belong to it: agreements are often extended."""
    agreement = promise.agreement
    if agreement is None or agreement.start_year <= promise.year <= agreement.end_year:
        return None
    return _(
        "The promise is for %(year)s, but the agreement “%(agreement)s” covers "
        "%(first)s–%(last)s. Choose the agreement in force in %(year)s, or confirm if this "
        "one has been extended."
    ) % {
        "year": promise.year,
        "agreement": agreement.title,
        "first": agreement.start_year,
        "last": agreement.end_year,
    }


def _require_confirmation(promise: CitizenPromise, *, confirmed: bool) -> None:
    """The promise's texts are public once it is published: personal data in them, and an
    agreement that does not cover its year, need `confirmed`."""
    texts = (
        promise.title,
        promise.introduction,
        promise.situation,
        promise.effect,
        promise.evaluation_plan,
    )
    require_confirmed(
        [agreement_years_warning(promise), *personal_data_reasons(*texts, published=True)],
        confirmed=confirmed,
    )


@transaction.atomic
def promise_create(
    *,
    by: User | None,
    municipality: Municipality,
    police_area: PoliceArea,
    year: int,
    title: str,
    agreement: Agreement | None = None,
    introduction: str = "",
    situation: str = "",
    evidence_sources: Sequence[str] = (),
    effect: str = "",
    follow_up: str = FollowUpCadence.QUARTERLY,
    evaluation_due: date | None = None,
    evaluation_plan: str = "",
    signed_on: date | None = None,
    confirmed: bool = False,
) -> CitizenPromise:
    """Create a draft promise for a municipality, police area and year. Personal data in its
    texts, or an agreement that does not cover its year, need `confirmed`."""
    taken = ValidationError(
        {"year": _("There is already a promise for %(year)s.") % {"year": year}}
    )
    if CitizenPromise.objects.filter(
        municipality=municipality, police_area=police_area, year=year
    ).exists():
        raise taken
    promise = CitizenPromise(
        municipality=municipality,
        police_area=police_area,
        year=year,
        title=title,
        agreement=agreement,
        introduction=introduction,
        situation=situation,
        evidence_sources=list(evidence_sources),
        effect=effect,
        follow_up=follow_up,
        evaluation_due=evaluation_due,
        evaluation_plan=evaluation_plan,
        signed_on=signed_on,
    )
    promise.full_clean()
    _require_confirmation(promise, confirmed=confirmed)
    try:
        # Two identical requests at once both pass the check above; the database lets one in.
        with transaction.atomic():
            promise.save()
    except IntegrityError:
        raise taken from None
    audit_record(action=CREATE, instance=promise, by=by)
    return promise


@transaction.atomic
def promise_update(
    *,
    promise: CitizenPromise,
    by: User | None,
    expected_version: int,
    title: str | Keep = KEEP,
    agreement: Agreement | None | Keep = KEEP,
    introduction: str | Keep = KEEP,
    situation: str | Keep = KEEP,
    evidence_sources: list[str] | Keep = KEEP,
    effect: str | Keep = KEEP,
    follow_up: str | Keep = KEEP,
    evaluation_due: date | None | Keep = KEEP,
    evaluation_plan: str | Keep = KEEP,
    signed_on: date | None | Keep = KEEP,
    people: Sequence[Signer] | Keep = KEEP,
    confirmed: bool = False,
) -> CitizenPromise:
    """Change the promise text and, when `people` is given, replace its signatories, all in
    one; refused if someone else saved it since `expected_version`. What is not given stays.
    Confirmation is asked as when creating it."""
    promise_require_draft(promise)
    before = stored_snapshot(promise)
    fields = assign_given(
        promise,
        {
            "title": title,
            "agreement": agreement,
            "introduction": introduction,
            "situation": situation,
            "evidence_sources": evidence_sources,
            "effect": effect,
            "follow_up": follow_up,
            "evaluation_due": evaluation_due,
            "evaluation_plan": evaluation_plan,
            "signed_on": signed_on,
        },
    )
    promise.full_clean(exclude=["municipality", "police_area", "year"])
    _require_confirmation(promise, confirmed=confirmed)
    save_versioned(promise, expected_version=expected_version, fields=fields)
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    if people is not KEEP:
        signatories_replace(owner=promise, people=people, by=by)
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
    if status == PromiseStatus.PUBLISHED and not promise_is_approved(promise):
        raise ValidationError(
            _(
                "A promise is published when a coordinator of the municipality and one of the "
                "local police area have both approved it."
            ),
            code="needs_approval",
        )
    if status == PromiseStatus.WITHDRAWN:
        raise ValidationError(_("Withdraw a promise with its reason."), code="needs_reason")


@transaction.atomic
def promise_set_status(*, promise: CitizenPromise, by: User | None, status: str) -> CitizenPromise:
    """Move a promise to the next status of its life (draft → signed, back to draft, →
    evaluated). Publication comes with both parties' approval (`promise_approve`)."""
    _refuse_transition(promise, status)
    before = stored_snapshot(promise)
    promise.status = status
    fields = ["status"]
    # Back to draft, the text may change: what was approved is no longer what stands.
    if status == PromiseStatus.DRAFT:
        fields += promise_approval_clear(promise)
    save_versioned(promise, expected_version=promise.version, fields=fields)
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    return promise


@transaction.atomic
def promise_reopen(*, promise: CitizenPromise, by: User | None) -> CitizenPromise:
    """Take an evaluated promise back to published while its evaluation is revised, so its
    activity log can be corrected; publishing the evaluation again closes it."""
    if promise.status != PromiseStatus.EVALUATED:
        raise ValidationError(
            _("Only an evaluated promise can be reopened."), code="invalid_transition"
        )
    before = stored_snapshot(promise)
    promise.status = PromiseStatus.PUBLISHED
    save_versioned(promise, expected_version=promise.version, fields=["status"])
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    return promise


def promise_require_withdrawable(promise: CitizenPromise) -> None:
    """Refuse, saying why, to withdraw a promise that was never published or is withdrawn."""
    if promise.status == PromiseStatus.WITHDRAWN:
        message = _("The promise is already withdrawn.")
    elif promise.status in (PromiseStatus.DRAFT, PromiseStatus.SIGNED):
        message = _(
            "Only a published promise can be withdrawn. One that was never published is "
            "not a public record: mark it as a draft and delete it instead."
        )
    elif PromiseStatus.WITHDRAWN not in STATUS_TRANSITIONS.get(promise.status, ()):
        message = _("Only a published promise can be withdrawn.")
    else:
        return
    raise ValidationError(message, code="invalid_transition")


def withdrawal_parties(promise: CitizenPromise, by: User | None) -> list[str]:
    """The parties for which the user may withdraw the promise: those for which they may
    approve it ("municipality", "police"). No user (a command run by the operator) may act
    for either."""
    if by is None:
        return ["municipality", "police"]
    return permissions.promise_approval_parties(by, promise)


def withdrawal_party(promise: CitizenPromise, by: User | None, party: str = "") -> str:
    """The party that withdraws: the one asked for, which must be one of the user's, or the
    user's only one. Publishing needs both parties; withdrawing needs one, since a joint
    promise stands only while both stand behind it. The public page says which withdrew."""
    parties = withdrawal_parties(promise, by)
    if not parties:
        raise ValidationError(
            _("Only a coordinator of the municipality or of the local police area may withdraw."),
            code="not_a_party",
        )
    if party:
        if party not in parties:
            raise ValidationError(
                {"party": _("You may not withdraw the promise for that party.")},
                code="not_a_party",
            )
        return party
    if len(parties) > 1:
        raise ValidationError(
            {"party": _("Say for which party you withdraw the promise.")}, code="party_missing"
        )
    return parties[0]


def _withdrawal_mail_queue(promise_id: int, by_id: int | None) -> None:
    from promises.tasks import withdrawal_mail  # the tasks module imports these services

    withdrawal_mail.enqueue(promise_id=promise_id, by_id=by_id)


@transaction.atomic
def promise_withdraw(
    *,
    promise: CitizenPromise,
    by: User | None,
    reason: str,
    party: str = "",
    confirmed: bool = False,
) -> CitizenPromise:
    """Withdraw a published promise for one party (`withdrawal_party`). It is a public
    record: it stays, archived, and its public page says that it was withdrawn, by which
    party, when and why; the other party's coordinators are told by mail. Personal data in
    the reason, which is published, needs `confirmed` (NeedsConfirmation)."""
    promise_require_withdrawable(promise)
    party = withdrawal_party(promise, by, party)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the promise is withdrawn.")})
    label = str(CitizenPromise._meta.get_field("withdrawal_reason").verbose_name)
    require_no_personal_data({label: reason}, confirmed=confirmed, published=True)
    before = stored_snapshot(promise)
    promise.status = PromiseStatus.WITHDRAWN
    promise.withdrawn_at = timezone.now()
    promise.withdrawal_reason = reason.strip()
    promise.withdrawn_by_party = party
    save_versioned(
        promise,
        expected_version=promise.version,
        fields=["status", "withdrawn_at", "withdrawal_reason", "withdrawn_by_party"],
    )
    audit_record(action=CHANGE, instance=promise, by=by, before=before)
    transaction.on_commit(lambda: _withdrawal_mail_queue(promise.pk, by.pk if by else None))
    return promise


@transaction.atomic
def promise_delete(*, promise: CitizenPromise, by: User | None) -> None:
    """Delete a draft with its commitments, activities and signatories. Only a draft: a
    signed or published promise is a record of what was agreed, and is withdrawn instead."""
    if promise.status != PromiseStatus.DRAFT:
        raise ValidationError(
            _(
                "Only a draft can be deleted. A published promise is a public record: it is "
                "never deleted, only withdrawn."
            ),
            code="not_draft",
        )
    # A promise once signed may have been logged: the log is a record of work done.
    if ActivityReport.objects.filter(activity__promise=promise).exists():
        raise ValidationError(
            _(
                "This draft has activity reports in its log, a record of work done, and cannot "
                "be deleted. Change it instead."
            ),
            code="has_reports",
        )
    before = stored_snapshot(promise)
    before["commitments"] = promise.commitments.count()
    before["activities"] = promise.activities.count()
    audit_record(action=DELETE, instance=promise, by=by, before=before, after={})
    promise.delete()


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

    # Texts naming the promise's own period move on a year ("före utgången av 2017" becomes
    # 2018); other years they mention stay, for the coordinator to check
    # (selectors.year_references). The dates of signing and evaluation are next year's own.
    def moved(text: str) -> str:
        return carry_over_text(text, promise.year)

    copy = promise_create(
        by=by,
        municipality=promise.municipality,
        police_area=promise.police_area,
        year=year,
        title=carry_over_title(promise.title, promise.year),
        agreement=promise.agreement,
        introduction=moved(promise.introduction),
        situation=moved(promise.situation),
        evidence_sources=promise.evidence_sources,
        effect=moved(promise.effect),
        follow_up=promise.follow_up,
        evaluation_plan=moved(promise.evaluation_plan),
        # Texts as confirmed when they were stored; the view warns of the agreement's years.
        confirmed=True,
    )
    commitments = {
        old.pk: commitment_create(
            promise=copy, by=by, text=moved(old.text), position=old.position, confirmed=True
        )
        for old in promise.commitments.all()
        if commitment_ids is None or old.pk in commitment_ids
    }
    for activity in promise.activities.prefetch_related("responsible"):
        if activity_ids is not None and activity.pk not in activity_ids:
            continue
        activity_create(
            promise=copy,
            by=by,
            commitment=commitments.get(activity.commitment_id or 0),
            kind=activity.kind,
            description=moved(activity.description),
            target=activity.target,
            unit=activity.unit,
            rate_count=activity.rate_count,
            rate_per=activity.rate_per,
            minimum=activity.minimum,
            focus=activity.focus,
            place=activity.place,
            audience=activity.audience,
            audience_size=activity.audience_size,
            position=activity.position,
            responsible=list(activity.responsible.all()),
            confirmed=True,
        )
    return copy


@transaction.atomic
def signatory_set(*, promise: CitizenPromise, by: User | None, people: Sequence[Signer]) -> None:
    """Replace the promise's signatories with `people` (name, title, organisation)."""
    promise_require_draft(promise)
    signatories_replace(owner=promise, people=people, by=by)


@transaction.atomic
def commitment_create(
    *,
    promise: CitizenPromise,
    by: User | None,
    text: str,
    position: int | None = None,
    confirmed: bool = False,
) -> Commitment:
    """Add a commitment to a promise, last unless a position is given. Personal data in
    its text, which is public, needs `confirmed`."""
    promise_require_draft(promise)
    if position is None:
        position = position_after_last(promise, Commitment)
    commitment = Commitment(promise=promise, text=text, position=position)
    commitment.full_clean()
    require_confirmed(personal_data_reasons(text, published=True), confirmed=confirmed)
    commitment.save()
    audit_record(action=CREATE, instance=commitment, by=by)
    return commitment


@transaction.atomic
def commitment_update(
    *,
    commitment: Commitment,
    by: User | None,
    expected_version: int,
    text: str,
    position: int | Keep = KEEP,
    confirmed: bool = False,
) -> Commitment:
    """Change a commitment's text (or its order; promise_item_move moves it one step).
    Personal data in the text needs `confirmed`."""
    promise_require_draft(commitment.promise)
    before = stored_snapshot(commitment)
    fields = assign_given(commitment, {"text": text, "position": position})
    commitment.full_clean()
    require_confirmed(personal_data_reasons(text, published=True), confirmed=confirmed)
    save_versioned(commitment, expected_version=expected_version, fields=fields)
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
    kind: str,
    description: str,
    commitment: Commitment | None = None,
    target: int | None = None,
    unit: str = "",
    rate_count: int | None = None,
    rate_per: str = "",
    minimum: bool = False,
    focus: Sequence[str] = (),
    place: str = "",
    audience: str = "",
    audience_size: int | None = None,
    position: int | None = None,
    responsible: Iterable[Organisation] = (),
    confirmed: bool = False,
) -> Activity:
    """Add an activity to a promise, last unless a position is given; with a rate and no
    target, the target is the rate's year. Personal data in its public texts needs
    `confirmed`."""
    promise_require_draft(promise)
    if position is None:
        position = position_after_last(promise, Activity)
    activity = Activity(
        promise=promise,
        commitment=commitment,
        kind=kind,
        description=description,
        target=target,
        unit=unit,
        rate_count=rate_count,
        rate_per=rate_per,
        minimum=minimum,
        focus=list(focus),
        place=place,
        audience=audience,
        audience_size=audience_size,
        position=position,
    )
    _target_from_rate(activity)
    _check_commitment(activity)
    activity.full_clean()
    _require_confirmed_activity(activity, confirmed=confirmed)
    activity.save()
    activity.responsible.set(responsible)
    audit_record(action=CREATE, instance=activity, by=by)
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    by: User | None,
    expected_version: int,
    kind: str | Keep = KEEP,
    description: str | Keep = KEEP,
    commitment: Commitment | None | Keep = KEEP,
    target: int | None | Keep = KEEP,
    unit: str | Keep = KEEP,
    rate_count: int | None | Keep = KEEP,
    rate_per: str | Keep = KEEP,
    minimum: bool | Keep = KEEP,
    focus: list[str] | Keep = KEEP,
    place: str | Keep = KEEP,
    audience: str | Keep = KEEP,
    audience_size: int | None | Keep = KEEP,
    position: int | Keep = KEEP,
    responsible: Iterable[Organisation] | Keep = KEEP,
    confirmed: bool = False,
) -> Activity:
    """Change an activity; refused if someone else saved it since `expected_version`.
    What is not given stays as it is; with a rate and no target, the target is the rate's
    year, and a target that was the old rate's year follows a changed rate. Personal data in
    its texts needs `confirmed`."""
    promise_require_draft(activity.promise)
    before = stored_snapshot(activity)
    counted_from = _counted_from(before)
    fields = assign_given(
        activity,
        {
            "kind": kind,
            "description": description,
            "commitment": commitment,
            "target": target,
            "unit": unit,
            "rate_count": rate_count,
            "rate_per": rate_per,
            "minimum": minimum,
            "focus": focus,
            "place": place,
            "audience": audience,
            "audience_size": audience_size,
            "position": position,
        },
    )
    # The staff form sends back the target it showed, counted from the old rate: it is
    # counted anew from the new one, as it would be if the field had been left empty.
    changed_rate = activity.rate is not None and activity.rate != counted_from
    if counted_from is not None and changed_rate and activity.target == counted_from.yearly:
        activity.target = None
    if _target_from_rate(activity) and "target" not in fields:
        fields.append("target")
    _check_commitment(activity)
    activity.full_clean()
    _require_confirmed_activity(activity, confirmed=confirmed)
    save_versioned(activity, expected_version=expected_version, fields=fields)
    if responsible is not KEEP:
        activity.responsible.set(responsible)
    audit_record(action=CHANGE, instance=activity, by=by, before=before)
    return activity


def _counted_from(stored: Mapping[str, Any]) -> Rate | None:
    """The stored rate of an activity whose stored target is that rate's year, so was
    likely counted from it; else None. From the stored record (stored_snapshot): a model
    form may already have written the new values onto the instance."""
    count, per = stored.get("rate_count"), stored.get("rate_per")
    if not count or per not in PER_YEAR:
        return None
    rate = Rate(count, per)
    return rate if stored.get("target") == rate.yearly else None


def _target_from_rate(activity: Activity) -> bool:
    """Give an activity with a rate and no target (or 0, which promises nothing) the rate's
    year as its target (a target typed by hand is kept: a promise may start mid-year);
    whether it did."""
    rate = activity.rate
    if activity.target or rate is None:
        return False
    activity.target = rate.yearly
    return True


def _require_confirmed_activity(activity: Activity, *, confirmed: bool) -> None:
    texts = (activity.description, activity.place, activity.audience, activity.unit)
    require_confirmed(personal_data_reasons(*texts, published=True), confirmed=confirmed)


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
