"""Every write of a follow-up: drafting it from the log, the coordinator's judgement,
approval, co-signature and publication. Each one validates, writes in one transaction and
records the change in the promise's history."""

from datetime import date
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.dates import day_in_words
from core.personal_data import numbered, require_no_personal_data
from core.versioning import save_versioned
from followup.models import FollowUp, FollowUpActivity, FollowUpCommitment, ReminderPreference
from followup.reminders import reminders_send
from followup.selectors import Period, period_figures, period_of, periods_of, suggested_status
from followup.vocabularies import FOLLOWED_PROMISE_STATUSES, CommitmentStatus, FollowUpStatus
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus


class FollowUpJudgement(TypedDict):
    """What the coordinator writes on a follow-up's form, as `follow_up_update` takes it; the
    form's every button hands it over, so pressing one never drops what was typed."""

    expected_version: int
    assessment: str
    activity_comments: dict[int, str]
    commitment_judgements: dict[int, tuple[str, str]]
    # Personal data in the texts is stored only when the user confirmed it must be.
    confirmed: bool


def _require_followed(promise: CitizenPromise) -> None:
    if promise.status not in FOLLOWED_PROMISE_STATUSES:
        raise ValidationError(
            _("Only a signed or published promise is followed up; this one is %(status)s.")
            % {"status": PromiseStatus(promise.status).label.lower()},
            code="not_followed",
        )


def _require_draft(follow_up: FollowUp) -> None:
    if follow_up.status != FollowUpStatus.DRAFT:
        raise ValidationError(
            _("This follow-up has been approved and can no longer be changed."),
            code="not_draft",
        )


def _fill_figures(follow_up: FollowUp, period: Period) -> None:
    """Write the log's figures for the period into the follow-up's lines, keeping the
    coordinator's comments and chosen statuses."""
    figures = period_figures(follow_up.promise, period.start, period.end)
    paces: dict[int | None, list[str]] = {}
    for item in figures:
        FollowUpActivity.objects.update_or_create(
            follow_up=follow_up,
            activity=item.activity,
            defaults={
                "done_in_period": item.done_in_period,
                "done_to_date": item.done_to_date,
                "target": item.activity.target,
                "expected": round(item.progress.expected, 2),
                "pace": item.progress.pace,
                "outcomes": item.outcomes,
            },
        )
        paces.setdefault(item.activity.commitment_id, []).append(item.progress.pace)
    follow_up.activities.exclude(activity__in=[i.activity for i in figures]).delete()
    for commitment in follow_up.promise.commitments.all():
        FollowUpCommitment.objects.update_or_create(
            follow_up=follow_up,
            commitment=commitment,
            defaults={"suggested_status": suggested_status(paces.get(commitment.pk, []))},
        )
    follow_up.figures_as_of = timezone.now()
    FollowUp.objects.filter(pk=follow_up.pk).update(figures_as_of=follow_up.figures_as_of)


@transaction.atomic
def follow_up_draft(
    *, promise: CitizenPromise, number: int, by: User | None, today: date | None = None
) -> FollowUp:
    """Start the follow-up of a period that has ended (by `today`, default the real day),
    its figures read from the log; if it has been started already, return that one."""
    _require_followed(promise)
    period = period_of(promise, number)
    if period is None:
        raise ValidationError(
            _("A promise followed up %(cadence)s has no period %(number)s.")
            % {"cadence": promise.get_follow_up_display().lower(), "number": number},
            code="no_such_period",
        )
    if period.end >= (today or timezone.localdate()):
        raise ValidationError(
            _("Period %(number)s ends on %(end)s; it can be followed up the day after.")
            % {"number": number, "end": day_in_words(period.end)},
            code="period_not_ended",
        )
    existing = FollowUp.objects.filter(promise=promise, number=number).first()
    if existing is not None:
        return existing
    cosign = bool(promise.agreement and promise.agreement.follow_ups_cosigned)
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(
                promise=promise,
                number=number,
                period_start=period.start,
                period_end=period.end,
                due_on=period.due_on,
                cosign_required=cosign,
                figures_as_of=timezone.now(),
            )
    except IntegrityError:
        # Drafted at the same moment by the daily run or another page: that one stands.
        return FollowUp.objects.get(promise=promise, number=number)
    _fill_figures(follow_up, period)
    audit_record(action=AuditAction.CREATE, instance=follow_up, by=by)
    return follow_up


def follow_ups_draft_due(*, today: date) -> list[FollowUp]:
    """Draft the follow-up of every period that has ended and has none yet, for the promises
    of this year and last year that are followed up (older ones are started by hand)."""
    created = []
    promises = CitizenPromise.objects.filter(
        status__in=FOLLOWED_PROMISE_STATUSES, year__gte=today.year - 1, year__lte=today.year
    ).select_related("agreement")
    for promise in promises:
        started = set(promise.follow_ups.values_list("number", flat=True))
        for period in periods_of(promise):
            if period.end < today and period.number not in started:
                drafted = follow_up_draft(
                    promise=promise, number=period.number, by=None, today=today
                )
                created.append(drafted)
    return created


@transaction.atomic
def follow_up_refresh(
    *, follow_up: FollowUp, by: User | None, judgement: FollowUpJudgement | None = None
) -> FollowUp:
    """Read the period's figures from the log again (reports logged late count), after
    saving the judgement on the form, if one is given."""
    _require_draft(follow_up)
    if judgement is not None:
        follow_up_update(follow_up=follow_up, by=by, **judgement)
    period = period_of(follow_up.promise, follow_up.number)
    assert period is not None
    read_before = follow_up.figures_as_of.isoformat()
    _fill_figures(follow_up, period)
    audit_record(
        action=AuditAction.CHANGE,
        instance=follow_up,
        by=by,
        before={"figures_as_of": read_before},
        after={"figures_as_of": follow_up.figures_as_of.isoformat()},
    )
    return follow_up


@transaction.atomic
def follow_up_update(
    *,
    follow_up: FollowUp,
    by: User | None,
    expected_version: int,
    assessment: str,
    activity_comments: dict[int, str],
    commitment_judgements: dict[int, tuple[str, str]],
    confirmed: bool = False,
) -> FollowUp:
    """Save the coordinator's judgement: a comment per activity, a status and comment per
    commitment (status "" keeps the suggestion) and the overall assessment. They are
    published as written, so personal data in them needs `confirmed` (NeedsConfirmation)."""
    _require_draft(follow_up)
    kinds = {line.activity_id: line.activity for line in follow_up.activities.all()}
    texts = [(_("Overall assessment"), assessment)]
    texts += [
        (_("Comment on %(kind)s") % {"kind": kinds[pk].get_kind_display()}, text)
        for pk, text in activity_comments.items()
        if pk in kinds
    ]
    texts += [(_("Comment"), note) for _status, note in commitment_judgements.values()]
    require_no_personal_data(numbered(texts), confirmed=confirmed, published=True)
    before = stored_snapshot(follow_up)
    follow_up.assessment = assessment.strip()
    save_versioned(follow_up, expected_version=expected_version, fields=["assessment"])
    audit_record(action=AuditAction.CHANGE, instance=follow_up, by=by, before=before)
    for line in follow_up.activities.all():
        if line.activity_id in activity_comments:
            line_before = stored_snapshot(line)
            line.comment = activity_comments[line.activity_id].strip()
            line.save(update_fields=["comment"])
            audit_record(action=AuditAction.CHANGE, instance=line, by=by, before=line_before)
    for judged in follow_up.commitments.all():
        if judged.commitment_id not in commitment_judgements:
            continue
        status, comment = commitment_judgements[judged.commitment_id]
        if status and status not in CommitmentStatus.values:
            raise ValidationError(_("Choose one of the statuses offered."))
        judged_before = stored_snapshot(judged)
        judged.status, judged.comment = status, comment.strip()
        judged.save(update_fields=["status", "comment"])
        audit_record(action=AuditAction.CHANGE, instance=judged, by=by, before=judged_before)
    return follow_up


def _publish(follow_up: FollowUp, fields: list[str]) -> None:
    follow_up.status = FollowUpStatus.PUBLISHED
    follow_up.published_at = timezone.now()
    fields.extend(["status", "published_at"])


def follow_up_approve(
    *, follow_up: FollowUp, by: User, judgement: FollowUpJudgement | None = None
) -> FollowUp:
    """Approve the follow-up with the figures as they stand now; it is published at once
    unless the agreement asks the police area to co-sign it first. The judgement on the
    form, if given, is saved first in the same transaction, and stays saved when approval
    is refused."""
    with transaction.atomic():
        if judgement is not None:
            follow_up_update(follow_up=follow_up, by=by, **judgement)
        refusal = _approval_refusal(follow_up)
        if refusal is None:
            _approve(follow_up, by)
    if refusal is not None:
        raise refusal
    return follow_up


def _approval_refusal(follow_up: FollowUp) -> ValidationError | None:
    _require_draft(follow_up)
    if not follow_up.assessment.strip():
        return ValidationError({"assessment": _("Write the overall assessment before approving.")})
    return None


def _approve(follow_up: FollowUp, by: User) -> None:
    follow_up_refresh(follow_up=follow_up, by=by)
    before = stored_snapshot(follow_up)
    follow_up.approved_by, follow_up.approved_at = by, timezone.now()
    fields: list[str] = ["approved_by", "approved_at"]
    if follow_up.cosign_required:
        follow_up.status = FollowUpStatus.APPROVED
        fields.append("status")
    else:
        _publish(follow_up, fields)
    save_versioned(follow_up, expected_version=follow_up.version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=follow_up, by=by, before=before)


@transaction.atomic
def follow_up_cosign(*, follow_up: FollowUp, by: User) -> FollowUp:
    """Co-sign an approved follow-up for the police area, which publishes it."""
    if follow_up.status != FollowUpStatus.APPROVED:
        raise ValidationError(
            _("Only an approved follow-up awaiting co-signature can be co-signed.")
        )
    if follow_up.approved_by_id == by.pk:
        raise ValidationError(_("The co-signature must come from someone other than the approver."))
    before = stored_snapshot(follow_up)
    follow_up.cosigned_by, follow_up.cosigned_at = by, timezone.now()
    fields: list[str] = ["cosigned_by", "cosigned_at"]
    _publish(follow_up, fields)
    save_versioned(follow_up, expected_version=follow_up.version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=follow_up, by=by, before=before)
    return follow_up


@transaction.atomic
def follow_up_return(*, follow_up: FollowUp, by: User) -> FollowUp:
    """Send an approved follow-up back to draft before it is co-signed, to be corrected."""
    if follow_up.status != FollowUpStatus.APPROVED:
        raise ValidationError(_("Only a follow-up awaiting co-signature can be sent back."))
    before = stored_snapshot(follow_up)
    follow_up.status = FollowUpStatus.DRAFT
    follow_up.approved_by, follow_up.approved_at = None, None
    save_versioned(
        follow_up,
        expected_version=follow_up.version,
        fields=["status", "approved_by", "approved_at"],
    )
    audit_record(action=AuditAction.CHANGE, instance=follow_up, by=by, before=before)
    return follow_up


def preference_set(*, user: User, follow_up_due: bool, activity_behind: bool) -> None:
    """Turn the user's e-mail reminders on or off, by kind."""
    wanted = {"follow_up_due": follow_up_due, "activity_behind": activity_behind}
    ReminderPreference.objects.update_or_create(user=user, defaults=wanted)


def follow_up_daily_run(*, today: date) -> dict[str, int]:
    """The day's work: draft the follow-ups of periods that have ended, then remind."""
    drafted = follow_ups_draft_due(today=today)
    sent = reminders_send(today)
    return {
        "drafted": len(drafted),
        "follow_up_due": sent.follow_up_due,
        "activity_behind": sent.activity_behind,
    }
