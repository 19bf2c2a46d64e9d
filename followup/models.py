"""Follow-ups of a promise, period by period, its evaluation, and the reminders sent."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import NOTE_LIMIT, TEXT_LIMIT
from followup.vocabularies import (
    CommitmentStatus,
    EvaluationStatus,
    FollowUpStatus,
    ReminderKind,
)
from lib.pace import Pace
from lib.periods import compared_spans
from promises.models import ApprovedByBothParties
from promises.vocabularies import measures_reach


class FollowUp(models.Model):
    """Where a promise stands at the end of one period (uppföljning), with the coordinator's
    judgement; its figures are read from the activity log and frozen when it is approved."""

    promise = models.ForeignKey(
        "promises.CitizenPromise", on_delete=models.CASCADE, related_name="follow_ups"
    )
    number = models.PositiveSmallIntegerField(_("period"))
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.DRAFT
    )
    assessment = models.TextField(_("overall assessment"), blank=True, max_length=TEXT_LIMIT)
    figures_as_of = models.DateTimeField(_("figures read at"))
    cosign_required = models.BooleanField(_("co-signed by the police area"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    cosigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("co-signed by"),
    )
    cosigned_at = models.DateTimeField(_("co-signed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["promise", "number"]
        constraints = [
            models.UniqueConstraint(fields=["promise", "number"], name="one_follow_up_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.promise} – {self.number}"

    def audit_trail(self) -> str:
        """Changes show in the history of the promise followed up."""
        return f"citizenpromise:{self.promise_id}"


class FollowUpActivity(models.Model):
    """One activity's figures in a follow-up: done in the period and to date against the
    target, its pace at the period's end, its outcome figures, and the coordinator's note."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="activities")
    activity = models.ForeignKey(
        "promises.Activity", on_delete=models.CASCADE, related_name="follow_up_lines"
    )
    done_in_period = models.PositiveIntegerField(_("done in the period"), default=0)
    done_to_date = models.PositiveIntegerField(_("done to date"), default=0)
    target = models.PositiveIntegerField(_("target"), null=True, blank=True)
    expected = models.FloatField(_("expected by the period's end"), default=0)
    pace = models.CharField(_("pace"), max_length=20, default=Pace.NO_TARGET)
    # {"vehicles_checked": [in the period, to date], …} for the fields the kind reports.
    outcomes = models.JSONField(_("outcome figures"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=NOTE_LIMIT)

    class Meta:
        verbose_name = _("activity in a follow-up")
        verbose_name_plural = _("activities in a follow-up")
        ordering = ["activity__position", "activity__pk"]
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "activity"], name="one_line_per_activity")
        ]

    def __str__(self) -> str:
        return f"{self.follow_up} – {self.activity}"

    def audit_trail(self) -> str:
        return self.follow_up.audit_trail()


class FollowUpCommitment(models.Model):
    """A commitment's status in a follow-up: suggested from its activities' pace, set by the
    coordinator when judgement says otherwise."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="commitments")
    commitment = models.ForeignKey(
        "promises.Commitment", on_delete=models.CASCADE, related_name="follow_up_lines"
    )
    suggested_status = models.CharField(
        _("suggested status"), max_length=20, choices=CommitmentStatus.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CommitmentStatus.choices, blank=True
    )
    comment = models.TextField(_("comment"), blank=True, max_length=NOTE_LIMIT)

    class Meta:
        verbose_name = _("commitment in a follow-up")
        verbose_name_plural = _("commitments in a follow-up")
        ordering = ["commitment__position", "commitment__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "commitment"], name="one_line_per_commitment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.follow_up} – {self.commitment}"

    def audit_trail(self) -> str:
        return self.follow_up.audit_trail()

    @property
    def effective_status(self) -> str:
        """The coordinator's status where set, otherwise the suggestion."""
        return self.status or self.suggested_status

    def get_effective_status_display(self) -> str:
        return str(CommitmentStatus(self.effective_status).label)


class Evaluation(ApprovedByBothParties):
    """The year's evaluation of a promise (utvärdering): what was done against the targets,
    what effect the situation picture shows, the partners' assessment and what carries into
    next year. Its figures are read when it is started and frozen when it is published."""

    promise = models.OneToOneField(
        "promises.CitizenPromise", on_delete=models.CASCADE, related_name="evaluation"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.DRAFT,
    )
    summary = models.TextField(_("result in brief"), blank=True, max_length=TEXT_LIMIT)
    # The figures cover the promise year up to this day, compared with the same days of the
    # year before.
    as_of = models.DateField(_("figures up to"))
    figures_as_of = models.DateTimeField(_("figures read at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Set when a published evaluation is taken back to draft to correct the activity log;
    # its public page then says it is being revised.
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    reopen_reason = models.TextField(_("why it was reopened"), blank=True, max_length=NOTE_LIMIT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return str(self.promise)

    def audit_trail(self) -> str:
        """Changes show in the history of the promise evaluated."""
        return f"citizenpromise:{self.promise_id}"

    @property
    def compared(self) -> dict[str, date]:
        """First and last days of the two spans compared (the year so far, the year before)."""
        (before_start, before_end), (after_start, after_end) = compared_spans(
            self.promise.year, self.as_of
        )
        one = timedelta(days=1)
        return {
            "before_first": before_start,
            "before_last": before_end - one,
            "after_first": after_start,
            "after_last": after_end - one,
        }


class EvaluationCommitment(models.Model):
    """A commitment's evaluation: the effect seen on the problems it answers, the partners'
    assessment, what carries into next year, and whether it is carried over."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="commitments")
    commitment = models.ForeignKey(
        "promises.Commitment", on_delete=models.CASCADE, related_name="evaluation_lines"
    )
    # [{"problem": …, "source": …, "before": n, "after": n}, …] from the situation picture.
    effects = models.JSONField(_("effects seen"), default=list, blank=True)
    partners_assessment = models.TextField(
        _("the partners' assessment"), blank=True, max_length=TEXT_LIMIT
    )
    next_year = models.TextField(
        _("what carries into next year"), blank=True, max_length=TEXT_LIMIT
    )
    carry_over = models.BooleanField(_("carry over to next year"), default=True)

    class Meta:
        verbose_name = _("commitment in an evaluation")
        verbose_name_plural = _("commitments in an evaluation")
        ordering = ["commitment__position", "commitment__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "commitment"], name="one_evaluation_per_commitment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} – {self.commitment}"

    def audit_trail(self) -> str:
        return self.evaluation.audit_trail()


class EvaluationActivity(models.Model):
    """What an activity achieved over the year: done against target, reach, outcomes."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="activities")
    activity = models.ForeignKey(
        "promises.Activity", on_delete=models.CASCADE, related_name="evaluation_lines"
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    target = models.PositiveIntegerField(_("target"), null=True, blank=True)
    pace = models.CharField(_("pace"), max_length=20, default=Pace.NO_TARGET)
    # None when no report up to the evaluation gave the figure: no data, not a reach of none.
    reached = models.PositiveIntegerField(_("reached"), null=True, blank=True)
    audience_size = models.PositiveIntegerField(_("audience size"), null=True, blank=True)
    # {"vehicles_checked": n, …}: the year's outcome figures the kind reports.
    outcomes = models.JSONField(_("outcome figures"), default=dict, blank=True)
    carry_over = models.BooleanField(_("carry over to next year"), default=True)

    class Meta:
        verbose_name = _("activity in an evaluation")
        verbose_name_plural = _("activities in an evaluation")
        ordering = ["activity__position", "activity__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "activity"], name="one_evaluation_per_activity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} – {self.activity}"

    def audit_trail(self) -> str:
        return self.evaluation.audit_trail()

    @property
    def measures_reach(self) -> bool:
        """Whether the activity's kind counts the people it reaches."""
        return measures_reach(self.activity.kind)

    @property
    def reach_percent(self) -> int | None:
        """Share of the audience reached, when its size is known, the activity's kind counts
        the people it reaches and some report gave the figure."""
        if not self.audience_size or not self.measures_reach or self.reached is None:
            return None
        return min(100, round(100 * self.reached / self.audience_size))


class ReminderPreference(models.Model):
    """Which reminders a user wants by e-mail; without a row, all of them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    follow_up_due = models.BooleanField(_("when a follow-up is due"), default=True)
    activity_behind = models.BooleanField(_("when an activity falls behind its pace"), default=True)

    class Meta:
        verbose_name = _("reminder setting")
        verbose_name_plural = _("reminder settings")

    def __str__(self) -> str:
        return str(self.user)


class ReminderSent(models.Model):
    """A reminder that went out, so that the same one never goes to the same person twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ReminderKind.choices)
    # What it was about: "follow_up:<pk>" or "activity:<pk>:<period number>".
    about = models.CharField(_("about"), max_length=100)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "about"], name="one_reminder_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.kind} – {self.about}"
