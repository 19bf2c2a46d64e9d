"""The coordinator's part of a follow-up: comments, commitment statuses, the assessment."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.confirm import is_confirmed
from core.fields import VersionField, require_version, required_later
from followup.models import Evaluation, FollowUp
from followup.services.evaluations import EvaluationJudgement
from followup.services.follow_ups import FollowUpJudgement
from followup.vocabularies import CommitmentStatus


class FollowUpForm(forms.Form):
    """One comment per activity, a status and comment per commitment, and the overall
    assessment; the fields are named after the lines of the follow-up it edits."""

    assessment = required_later(
        forms.CharField(
            label=_("Overall assessment"),
            required=False,
            max_length=20000,
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=_("Published with the figures. Required before the follow-up is approved."),
        )
    )
    version = VersionField()

    def __init__(self, *args: Any, follow_up: FollowUp, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.follow_up = follow_up
        if not self.is_bound:
            self.initial["assessment"] = follow_up.assessment
            self.initial["version"] = follow_up.version
        status_choices = [("", _("As suggested")), *CommitmentStatus.choices]
        for line in follow_up.activities.all():
            self.fields[f"comment_{line.activity_id}"] = forms.CharField(
                label=_("Comment on %(kind)s") % {"kind": line.activity.get_kind_display()},
                required=False,
                max_length=5000,
                initial=line.comment,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for judged in follow_up.commitments.all():
            self.fields[f"status_{judged.commitment_id}"] = forms.ChoiceField(
                label=_("Status"),
                choices=status_choices,
                required=False,
                initial=judged.status,
            )
            self.fields[f"note_{judged.commitment_id}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=5000,
                initial=judged.comment,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        require_version(self)
        return cleaned

    def expected_version(self) -> int:
        version: int = self.cleaned_data["version"]
        return version

    def activity_comments(self) -> dict[int, str]:
        return {
            line.activity_id: self.cleaned_data[f"comment_{line.activity_id}"]
            for line in self.follow_up.activities.all()
        }

    def commitment_judgements(self) -> dict[int, tuple[str, str]]:
        return {
            j.commitment_id: (
                self.cleaned_data[f"status_{j.commitment_id}"],
                self.cleaned_data[f"note_{j.commitment_id}"],
            )
            for j in self.follow_up.commitments.all()
        }

    def service_data(self) -> FollowUpJudgement:
        return FollowUpJudgement(
            expected_version=self.expected_version(),
            assessment=self.cleaned_data["assessment"],
            activity_comments=self.activity_comments(),
            commitment_judgements=self.commitment_judgements(),
            confirmed=is_confirmed(self),
        )


class ReminderPreferenceForm(forms.Form):
    follow_up_due = forms.BooleanField(
        label=_("E-mail me when a follow-up I coordinate is due"), required=False
    )
    activity_behind = forms.BooleanField(
        label=_("E-mail me when an activity I coordinate or carry out falls behind its pace"),
        required=False,
    )


class EvaluationForm(forms.Form):
    """The result in brief; per commitment the partners' assessment, what carries into next
    year and whether it is carried over; per activity whether it is carried over."""

    summary = required_later(
        forms.CharField(
            label=_("Result in brief"),
            required=False,
            max_length=20000,
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=_("Shown first on the public promise page. Required before publishing."),
        )
    )
    version = VersionField()

    def __init__(self, *args: Any, evaluation: Evaluation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.evaluation = evaluation
        if not self.is_bound:
            self.initial["summary"] = evaluation.summary
            self.initial["version"] = evaluation.version
        for line in evaluation.commitments.all():
            pk = line.commitment_id
            self.fields[f"partners_{pk}"] = forms.CharField(
                label=_("The partners' assessment"),
                required=False,
                max_length=5000,
                initial=line.partners_assessment,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"next_{pk}"] = forms.CharField(
                label=_("What carries into next year"),
                required=False,
                max_length=5000,
                initial=line.next_year,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"keepc_{pk}"] = forms.BooleanField(
                label=_("Carry this commitment over to next year"),
                required=False,
                initial=line.carry_over,
            )
        for activity_line in evaluation.activities.all():
            self.fields[f"keepa_{activity_line.activity_id}"] = forms.BooleanField(
                label=_("Carry this activity over to next year"),
                required=False,
                initial=activity_line.carry_over,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        require_version(self)
        return cleaned

    def expected_version(self) -> int:
        version: int = self.cleaned_data["version"]
        return version

    def commitment_texts(self) -> dict[int, tuple[str, str, bool]]:
        return {
            line.commitment_id: (
                self.cleaned_data[f"partners_{line.commitment_id}"],
                self.cleaned_data[f"next_{line.commitment_id}"],
                self.cleaned_data[f"keepc_{line.commitment_id}"],
            )
            for line in self.evaluation.commitments.all()
        }

    def activity_carry_over(self) -> dict[int, bool]:
        return {
            line.activity_id: self.cleaned_data[f"keepa_{line.activity_id}"]
            for line in self.evaluation.activities.all()
        }

    def service_data(self) -> EvaluationJudgement:
        return EvaluationJudgement(
            expected_version=self.expected_version(),
            summary=self.cleaned_data["summary"],
            commitment_texts=self.commitment_texts(),
            activity_carry_over=self.activity_carry_over(),
            confirmed=is_confirmed(self),
        )
