from datetime import date
from typing import Any, TypedDict

from django import forms
from django.core.validators import MaxValueValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.fields import ModelChoiceField as SafeModelChoiceField
from core.fields import ModelMultipleChoiceField, date_box_bounds, name_empty_choices
from lib import periods
from places.models import District
from situation.models import Complaint, Dialogue
from situation.selectors import MAP_SOURCES
from situation.services import CORRECTABLE_FIELDS, RaisedConcern, Reasons
from situation.services.voices import voices_error
from situation.vocabularies import (
    IMPLAUSIBLE,
    MOST_VOICES,
    ApprovingParty,
    ParticipantGroup,
    Problem,
)


class ClassificationForm(forms.Form):
    """Staff correct the problem a complaint or concern is filed under."""

    problem = forms.ChoiceField(label=_("Problem"), choices=Problem.choices)


class PictureApprovalForm(forms.Form):
    """The approval of a picture's preview: which figures the approver saw."""

    seen_figures = forms.CharField(max_length=64, widget=forms.HiddenInput)


class ApprovalDiscardForm(forms.Form):
    party = forms.ChoiceField(choices=ApprovingParty.choices, widget=forms.HiddenInput)


class MotivationForm(forms.Form):
    """Per commitment of a promise: the problems it answers and the records it cites."""

    def __init__(
        self, *args: Any, commitments: list[Any], evidence: dict[str, Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.commitments = commitments
        for commitment in commitments:
            chosen = [m.problem for m in commitment.motivations.all()]
            cited = [m for m in commitment.motivations.all()]
            self.fields[f"problems-{commitment.pk}"] = forms.MultipleChoiceField(
                label=_("Problems it answers"),
                choices=Problem.choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=chosen,
            )
            self.fields[f"complaints-{commitment.pk}"] = ModelMultipleChoiceField(
                label=_("Complaints that showed them"),
                queryset=evidence["complaints"].filter(problem__in=chosen),
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=[c.pk for m in cited for c in m.complaints.all()],
            )
            self.fields[f"concerns-{commitment.pk}"] = ModelMultipleChoiceField(
                label=_("Dialogue concerns that showed them"),
                queryset=evidence["concerns"].filter(problem__in=chosen),
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=[c.pk for m in cited for c in m.concerns.all()],
            )
        self._labelled()

    def _labelled(self) -> None:
        for name, field in self.fields.items():
            if name.startswith("complaints-"):
                field.label_from_instance = _complaint_label  # type: ignore[attr-defined]
            elif name.startswith("concerns-"):
                field.label_from_instance = _concern_label  # type: ignore[attr-defined]

    def reasons(self) -> list[Reasons]:
        """Per commitment, the problems chosen and the records cited."""
        return [
            Reasons(
                commitment=commitment,
                problems=self.cleaned_data[f"problems-{commitment.pk}"],
                complaints=list(self.cleaned_data[f"complaints-{commitment.pk}"]),
                concerns=list(self.cleaned_data[f"concerns-{commitment.pk}"]),
            )
            for commitment in self.commitments
        ]

    def sections(self) -> list[tuple[Any, list[Any]]]:
        """Each commitment with its bound fields, for the template."""
        return [
            (c, [self[f"{name}-{c.pk}"] for name in ("problems", "complaints", "concerns")])
            for c in self.commitments
        ]


def _complaint_label(complaint: Any) -> str:
    return f"{complaint.received_on:%Y-%m-%d}, {complaint.get_problem_display()}: {complaint.text}"


def _concern_label(concern: Any) -> str:
    return (
        f"{concern.dialogue.held_on:%Y-%m-%d} {concern.dialogue.title}, "
        f"{concern.get_problem_display()}: {concern.text} ({concern.voiced_by})"
    )


class MapFilterForm(forms.Form):
    """What the map shows: one problem or all, one source or all, a quarter or the year."""

    problem = forms.ChoiceField(
        label=_("Problem"), choices=[("", _("All problems")), *Problem.choices], required=False
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[("", _("All sources")), *[(s.value, s.label) for s in MAP_SOURCES]],
        required=False,
    )
    quarter = forms.TypedChoiceField(
        label=_("Period"),
        choices=[("", _("The whole year")), *[(q, _("Quarter %s") % q) for q in range(1, 5)]],
        coerce=int,
        empty_value=None,
        required=False,
    )


def _district_field(municipality: Any) -> "forms.ModelChoiceField[District]":
    return SafeModelChoiceField(
        label=_("District"),
        queryset=District.objects.filter(municipality=municipality).order_by("name"),
        required=False,
    )


# What the evidence forms give their services; mypy checks the keys and types against the
# service's keyword arguments where a view passes them on with `**`.


class ComplaintFields(TypedDict):
    received_on: date
    receiver: str
    channel: str
    text: str
    problem: str
    place: str
    district: District | None
    latitude: float | None
    longitude: float | None
    may_show_anonymised: bool


class DialogueFields(TypedDict):
    kind: str
    held_on: date
    form: str
    title: str
    participants: int | None
    participant_groups: list[str]
    place: str
    district: District | None
    notes: str


class ComplaintForm(forms.ModelForm[Complaint]):
    """Register a complaint. Left empty, the problem is the one the text suggests."""

    problem = forms.ChoiceField(
        label=_("Problem"),
        choices=[("", _("Suggest from the text")), *Problem.choices],
        required=False,
    )

    class Meta:
        model = Complaint
        fields = [
            "received_on",
            "receiver",
            "channel",
            "text",
            "place",
            "district",
            "latitude",
            "longitude",
            "may_show_anonymised",
        ]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_empty_choices(self)
        self.fields["district"] = _district_field(municipality)
        date_box_bounds(self, "received_on", periods.happened_dates(timezone.localdate()))
        self.fields["text"].help_text = _(
            "Never public. Leave out names and contact details unless they are needed."
        )

    def service_data(self) -> ComplaintFields:
        data = self.cleaned_data
        return ComplaintFields(
            received_on=data["received_on"],
            receiver=data["receiver"],
            channel=data["channel"],
            text=data["text"],
            problem=data["problem"],
            place=data["place"],
            district=data["district"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            may_show_anonymised=data["may_show_anonymised"],
        )


class DialogueForm(forms.ModelForm[Dialogue]):
    """Register a citizen or employee dialogue; its concerns follow below it."""

    participant_groups = forms.MultipleChoiceField(
        label=_("Participant groups"),
        choices=ParticipantGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Dialogue
        fields = [
            "kind",
            "held_on",
            "form",
            "title",
            "participants",
            "participant_groups",
            "place",
            "district",
            "notes",
        ]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_empty_choices(self)
        self.fields["district"] = _district_field(municipality)
        date_box_bounds(self, "held_on", periods.happened_dates(timezone.localdate()))

    def service_data(self) -> DialogueFields:
        data = self.cleaned_data
        return DialogueFields(
            kind=data["kind"],
            held_on=data["held_on"],
            form=data["form"],
            title=data["title"],
            participants=data["participants"],
            participant_groups=data["participant_groups"],
            place=data["place"],
            district=data["district"],
            notes=data["notes"],
        )


class ConcernForm(forms.Form):
    """One concern raised in a dialogue."""

    text = forms.CharField(label=_("Concern"), max_length=2000, required=False)
    voiced_by = forms.IntegerField(
        label=_("How many voiced it"),
        min_value=1,
        required=False,
        validators=[MaxValueValidator(MOST_VOICES, message=IMPLAUSIBLE)],
    )
    problem = forms.ChoiceField(
        label=_("Problem"),
        choices=[("", _("Suggest from the text")), *Problem.choices],
        required=False,
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def service_data(self) -> RaisedConcern:
        data = self.cleaned_data
        return RaisedConcern(
            text=data["text"],
            problem=data["problem"],
            voiced_by=data["voiced_by"],
            place=data["place"],
        )


ConcernFormSet = forms.formset_factory(ConcernForm, extra=5, max_num=50)


def voices_within_participants(form: DialogueForm, concerns: Any) -> bool:
    """Whether no concern of a valid dialogue was voiced by more people than took part;
    otherwise the concern's field says so. Without a number of participants, any count."""
    participants = form.cleaned_data.get("participants")
    within = True
    for concern in concerns:
        error = voices_error(
            voiced_by=concern.cleaned_data.get("voiced_by"), participants=participants
        )
        if error:
            concern.add_error("voiced_by", error)
            within = False
    return within


IMPORT_KIND_CHOICES = [
    ("crime_statistics", _("Crime statistics")),
    ("survey_results", _("Safety survey results")),
    ("complaints", _("Complaints")),
]


class EvidenceFileForm(forms.Form):
    """Upload a CSV or XLSX file of evidence to be checked before anything is stored."""

    kind = forms.ChoiceField(label=_("What the file holds"), choices=IMPORT_KIND_CHOICES)
    file = forms.FileField(label=_("File (.csv or .xlsx)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guide = format_html('<a href="{}">{}</a>', reverse("situation:file_guide"), _("the guide"))
        self.fields["file"].help_text = format_html(
            gettext("Row 1 names the columns; {guide} says which columns each kind needs."),
            guide=guide,
        )


class FileDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("store_all", "store_all"), ("keep_valid", "keep_valid"), ("cancel", "cancel")]
    )
    # Ticked on the check step when rows seem to hold personal data (core/personal_data.py).
    confirm_personal_data = forms.BooleanField(required=False)


# Correcting and withdrawing evidence: every change says why.


def _reason_field(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history of changes."),
    )


class WithdrawForm(forms.Form):
    """Withdraw a record entered by mistake, saying why."""

    reason = _reason_field(_("Why it is withdrawn"))


class UndoImportForm(forms.Form):
    """Undo a whole file import, saying why."""

    reason = _reason_field(_("Why the import is undone"))


class _CorrectionForm(forms.ModelForm):  # type: ignore[type-arg]
    reason = _reason_field(_("Why it is corrected"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_empty_choices(self)
        happened = periods.happened_dates(timezone.localdate())
        for name in ("received_on", "held_on"):
            date_box_bounds(self, name, happened)
        if "district" in self.fields and self.instance.municipality_id:
            # Only the districts of the record's own municipality.
            self.fields["district"] = _district_field(self.instance.municipality)


def correction_form(model: type[Any]) -> type[forms.ModelForm]:  # type: ignore[type-arg]
    """The form that corrects a record of the given kind: its correctable fields and why."""
    return forms.modelform_factory(
        model,
        form=_CorrectionForm,
        fields=CORRECTABLE_FIELDS[model],
        widgets={
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in ("received_on", "held_on")
            if name in CORRECTABLE_FIELDS[model]
        },
    )
