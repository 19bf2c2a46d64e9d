"""Every write of an evaluation: starting it with the year's figures and the effects the
situation picture shows, the partners' judgement, publication (which marks the promise as
evaluated) and carrying chosen commitments and activities into next year's draft."""

from dataclasses import asdict
from datetime import date
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.personal_data import numbered, require_no_personal_data
from core.versioning import save_versioned
from followup.models import Evaluation, EvaluationActivity, EvaluationCommitment
from followup.selectors import commitment_effects, period_figures
from followup.vocabularies import EvaluationStatus
from promises.models import ActivityReport, CitizenPromise
from promises.selectors import next_year_promise
from promises.services import promise_copy_to_next_year, promise_reopen, promise_set_status
from promises.services.publishing import (
    approval_locked,
    approval_party,
    approval_record,
    approvals_clear,
    approvals_complete,
)
from promises.vocabularies import PromiseStatus


class EvaluationJudgement(TypedDict):
    """What the coordinator writes on an evaluation's form, as `evaluation_update` takes it;
    the form's every button hands it over, so pressing one never drops what was typed."""

    expected_version: int
    summary: str
    commitment_texts: dict[int, tuple[str, str, bool]]
    activity_carry_over: dict[int, bool]
    # Personal data in the texts is stored only when the user confirmed it must be.
    confirmed: bool


def _require_draft(evaluation: Evaluation) -> None:
    if evaluation.status != EvaluationStatus.DRAFT:
        raise ValidationError(
            _("This evaluation is published and can no longer be changed."), code="not_draft"
        )


def _fill_figures(evaluation: Evaluation, today: date) -> None:
    """Read the year's figures up to `today` (at most the year's end) into the lines,
    keeping what people wrote and chose."""
    promise = evaluation.promise
    evaluation.as_of = min(today, date(promise.year, 12, 31))
    figures = period_figures(promise, date(promise.year, 1, 1), evaluation.as_of)
    for item in figures:
        EvaluationActivity.objects.update_or_create(
            evaluation=evaluation,
            activity=item.activity,
            defaults={
                "done": item.done_to_date,
                "target": item.activity.target,
                "pace": item.progress.pace,
                "reached": item.reached,
                "audience_size": item.activity.audience_size,
                "outcomes": {name: values[1] for name, values in item.outcomes.items()},
            },
        )
    evaluation.activities.exclude(activity__in=[i.activity for i in figures]).delete()
    seen = commitment_effects(promise, evaluation.as_of)
    for commitment in promise.commitments.all():
        EvaluationCommitment.objects.update_or_create(
            evaluation=evaluation,
            commitment=commitment,
            defaults={"effects": [asdict(e) for e in seen.get(commitment.pk, [])]},
        )
    evaluation.figures_as_of = timezone.now()
    Evaluation.objects.filter(pk=evaluation.pk).update(
        as_of=evaluation.as_of, figures_as_of=evaluation.figures_as_of
    )


@transaction.atomic
def evaluation_start(
    *, promise: CitizenPromise, by: User | None, today: date | None = None
) -> Evaluation:
    """Start the evaluation of a published promise with the year's figures so far; if it
    has been started already, return that one."""
    existing = Evaluation.objects.filter(promise=promise).first()
    if existing is not None:
        return existing
    if promise.status != PromiseStatus.PUBLISHED:
        raise ValidationError(
            _("Only a published promise is evaluated; this one is %(status)s.")
            % {"status": PromiseStatus(promise.status).label.lower()},
            code="not_published",
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(
                promise=promise, as_of=now.date(), figures_as_of=now
            )
    except IntegrityError:
        # Started at the same moment from another page: that one is the evaluation.
        return Evaluation.objects.get(promise=promise)
    _fill_figures(evaluation, today or timezone.localdate())
    audit_record(action=AuditAction.CREATE, instance=evaluation, by=by)
    return evaluation


@transaction.atomic
def evaluation_refresh(
    *,
    evaluation: Evaluation,
    by: User | None,
    today: date | None = None,
    judgement: EvaluationJudgement | None = None,
) -> Evaluation:
    """Read the figures again, up to today, after saving the judgement on the form, if one
    is given."""
    _require_draft(evaluation)
    if judgement is not None:
        evaluation_update(evaluation=evaluation, by=by, **judgement)
    before = {"as_of": evaluation.as_of.isoformat()}
    _fill_figures(evaluation, today or timezone.localdate())
    audit_record(
        action=AuditAction.CHANGE,
        instance=evaluation,
        by=by,
        before=before,
        after={"as_of": evaluation.as_of.isoformat()},
    )
    return evaluation


@transaction.atomic
def evaluation_update(
    *,
    evaluation: Evaluation,
    by: User | None,
    expected_version: int,
    summary: str,
    commitment_texts: dict[int, tuple[str, str, bool]],
    activity_carry_over: dict[int, bool],
    confirmed: bool = False,
) -> Evaluation:
    """Save the judgement: the result in brief, per commitment the partners' assessment,
    what carries into next year and whether it is carried over, and per activity whether
    it is carried over. They are published as written, so personal data in them needs
    `confirmed` (NeedsConfirmation)."""
    _require_draft(evaluation)
    written = [(_("Result in brief"), summary)]
    for partners, next_year, _carry in commitment_texts.values():
        written += [
            (_("The partners' assessment"), partners),
            (_("What carries into next year"), next_year),
        ]
    require_no_personal_data(numbered(written), confirmed=confirmed, published=True)
    before = stored_snapshot(evaluation)
    changed = evaluation.summary != summary.strip()
    for line in evaluation.commitments.all():
        if line.commitment_id in commitment_texts:
            partners, next_year, _carry = commitment_texts[line.commitment_id]
            texts = (line.partners_assessment, line.next_year)
            changed = changed or texts != (partners.strip(), next_year.strip())
    evaluation.summary = summary.strip()
    fields = ["summary"]
    if changed:
        # A party approved other words than these: both approve the new ones.
        fields += approvals_clear(evaluation)
    save_versioned(evaluation, expected_version=expected_version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=evaluation, by=by, before=before)
    for line in evaluation.commitments.all():
        if line.commitment_id not in commitment_texts:
            continue
        line_before = stored_snapshot(line)
        partners, next_year, carry = commitment_texts[line.commitment_id]
        line.partners_assessment, line.next_year = partners.strip(), next_year.strip()
        line.carry_over = carry
        line.save(update_fields=["partners_assessment", "next_year", "carry_over"])
        audit_record(action=AuditAction.CHANGE, instance=line, by=by, before=line_before)
    for activity_line in evaluation.activities.all():
        if activity_line.activity_id not in activity_carry_over:
            continue
        activity_before = stored_snapshot(activity_line)
        activity_line.carry_over = activity_carry_over[activity_line.activity_id]
        activity_line.save(update_fields=["carry_over"])
        audit_record(
            action=AuditAction.CHANGE, instance=activity_line, by=by, before=activity_before
        )
    return evaluation


def evaluation_approve(
    *, evaluation: Evaluation, by: User, judgement: EvaluationJudgement | None = None
) -> Evaluation:
    """Approve the evaluation for publication on behalf of the user's party (the
    municipality or the police area), as a promise is approved. The figures are read once
    more with each approval; the second party's approval freezes them, publishes the
    evaluation and marks the promise as evaluated. The judgement on the form, if given, is
    saved first in the same transaction, and stays saved when the approval is refused."""
    with transaction.atomic():
        if judgement is not None:
            evaluation_update(evaluation=evaluation, by=by, **judgement)
        approval_locked(evaluation)
        _require_draft(evaluation)
        refusal = None
        if not evaluation.summary.strip():
            refusal = ValidationError(
                {"summary": _("Write the result in brief before publishing.")}
            )
        else:
            try:
                with transaction.atomic():
                    _approve(evaluation, by)
            except ValidationError as error:
                refusal = error
    if refusal is not None:
        raise refusal
    return evaluation


def _approve(evaluation: Evaluation, by: User) -> None:
    party = approval_party(evaluation, evaluation.promise, by)
    evaluation_refresh(evaluation=evaluation, by=by)
    _require_log_counted(evaluation)
    before = stored_snapshot(evaluation)
    now = timezone.now()
    fields = approval_record(evaluation, party, by, now)
    if approvals_complete(evaluation):
        evaluation.status = EvaluationStatus.PUBLISHED
        evaluation.published_by, evaluation.published_at = by, now
        fields += ["status", "published_by", "published_at"]
    save_versioned(evaluation, expected_version=evaluation.version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=evaluation, by=by, before=before)
    if evaluation.status == EvaluationStatus.PUBLISHED:
        promise_set_status(promise=evaluation.promise, by=by, status=PromiseStatus.EVALUATED)


def _require_log_counted(evaluation: Evaluation) -> None:
    """Refuse to publish while the log holds reports the evaluation's figures leave out
    (dated after the day they are read up to): the promise page would count more."""
    later = ActivityReport.objects.active().filter(
        activity__promise=evaluation.promise, date__gt=evaluation.as_of
    )
    last = later.order_by("-date").values_list("date", flat=True).first()
    if last is not None:
        raise ValidationError(
            _(
                "The activity log holds reports dated after %(as_of)s, the last on %(last)s, "
                "which the evaluation cannot count yet. Correct their dates, or publish the "
                "evaluation on or after %(last)s."
            )
            % {"as_of": date_format(evaluation.as_of), "last": date_format(last)},
            code="reports_after",
        )


@transaction.atomic
def evaluation_reopen(*, evaluation: Evaluation, by: User | None, reason: str) -> Evaluation:
    """Take a published evaluation back to draft so the activity log can be corrected: the
    promise's log opens again, the public page says the evaluation is being revised, and
    the history keeps who reopened it and why. Publishing it again closes the log."""
    if evaluation.status != EvaluationStatus.PUBLISHED:
        raise ValidationError(
            _("Only a published evaluation can be reopened."), code="not_published"
        )
    if evaluation.promise.status != PromiseStatus.EVALUATED:
        raise ValidationError(
            _("The promise is %(status)s; its evaluation can no longer be reopened.")
            % {"status": PromiseStatus(evaluation.promise.status).label.lower()},
            code="not_evaluated",
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say what has to be corrected and why.")})
    before = stored_snapshot(evaluation)
    evaluation.status = EvaluationStatus.DRAFT
    evaluation.reopened_at, evaluation.reopened_by = timezone.now(), by
    evaluation.reopen_reason = reason.strip()
    # Publishing it again needs both parties' approval again.
    save_versioned(
        evaluation,
        expected_version=evaluation.version,
        fields=[
            "status",
            "reopened_at",
            "reopened_by",
            "reopen_reason",
            *approvals_clear(evaluation),
        ],
    )
    audit_record(action=AuditAction.CHANGE, instance=evaluation, by=by, before=before)
    promise_reopen(promise=evaluation.promise, by=by)
    return evaluation


def evaluation_carry_over(
    *, evaluation: Evaluation, by: User | None, judgement: EvaluationJudgement | None = None
) -> CitizenPromise:
    """Create next year's draft promise with the commitments and activities marked to be
    carried over (an activity goes only with its commitment, or on its own if it has none).
    The choices on the form, if given, are saved first in the same transaction, and stay
    saved when carrying over is refused."""
    with transaction.atomic():
        if judgement is not None:
            evaluation_update(evaluation=evaluation, by=by, **judgement)
        try:
            with transaction.atomic():
                return _carry_over(evaluation, by)
        except ValidationError as error:
            refusal = error
    raise refusal


def _carry_over(evaluation: Evaluation, by: User | None) -> CitizenPromise:
    promise = evaluation.promise
    if next_year_promise(promise) is not None:
        raise ValidationError(
            _(
                "There is already a promise for %(year)s. Carry-over creates next year's "
                "draft; add to the existing one by hand instead."
            )
            % {"year": promise.year + 1},
            code="next_year_exists",
        )
    commitments = {c.commitment_id for c in evaluation.commitments.all() if c.carry_over}
    activities = {
        a.activity_id
        for a in evaluation.activities.select_related("activity")
        if a.carry_over
        and (a.activity.commitment_id is None or a.activity.commitment_id in commitments)
    }
    if not commitments and not activities:
        raise ValidationError(_("Choose at least one commitment or activity to carry over."))
    return promise_copy_to_next_year(
        promise=promise, by=by, commitment_ids=commitments, activity_ids=activities
    )
