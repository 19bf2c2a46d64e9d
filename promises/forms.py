"""Forms of the staff pages; they validate input, the services do the writing."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import ModelChoiceField, ModelMultipleChoiceField
from lib.periods import FIRST_PROMISE_YEAR, LAST_YEAR
from places.models import Municipality, PoliceArea
from promises.models import (
    Activity,
    ActivityReport,
    Agreement,
    CitizenPromise,
    Commitment,
    Occasion,
)
from promises.selectors import organisations_for
from promises.vocabularies import OUTCOME_FIELDS, OUTCOME_FIELDS_BY_KIND, EvidenceSource, FocusTag


def _limit(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """Offer only `queryset` in a model choice field."""
    cast(forms.ModelChoiceField, form.fields[name]).queryset = queryset


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class VersionedForm(forms.ModelForm):
    """A form that carries the version it was opened at, so a stale save can be refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or self.instance.version


class PromiseForm(VersionedForm):
    evidence_sources = forms.MultipleChoiceField(
        label=_("Evidence it rests on"),
        choices=EvidenceSource.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CitizenPromise
        field_classes = {"agreement": ModelChoiceField}
        fields = [
            "title",
            "agreement",
            "introduction",
            "situation",
            "evidence_sources",
            "effect",
            "follow_up",
            "evaluation_due",
            "evaluation_plan",
            "signed_on",
        ]
        widgets = {"evaluation_due": DateInput(), "signed_on": DateInput()}

    def __init__(self, *args: Any, agreements: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(
            self, "agreement", agreements if agreements is not None else Agreement.objects.none()
        )


class PromiseCreateForm(PromiseForm):
    municipality = ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects)
    police_area = ModelChoiceField(label=_("Local police area"), queryset=PoliceArea.objects)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_PROMISE_YEAR, max_value=LAST_YEAR)

    field_order = ["municipality", "police_area", "year", "title"]

    def __init__(self, *args: Any, municipalities: Any, police_areas: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _limit(self, "municipality", municipalities)
        _limit(self, "police_area", police_areas)


class AgreementForm(VersionedForm):
    class Meta:
        model = Agreement
        field_classes = {"parties": ModelMultipleChoiceField}
        fields = [
            "title",
            "start_year",
            "end_year",
            "signed_on",
            "signed_month_only",
            "summary",
            "follow_ups_cosigned",
            "parties",
        ]
        widgets = {"signed_on": DateInput(), "parties": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, parties: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "parties", parties)


class AgreementCreateForm(AgreementForm):
    municipality = ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects)
    police_area = ModelChoiceField(label=_("Local police area"), queryset=PoliceArea.objects)

    field_order = ["municipality", "police_area", "title"]

    def __init__(self, *args: Any, municipalities: Any, police_areas: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _limit(self, "municipality", municipalities)
        _limit(self, "police_area", police_areas)


class SignatoryForm(forms.Form):
    name = forms.CharField(label=_("Signatory's name"), max_length=150, required=False)
    title = forms.CharField(label=_("Signatory's title"), max_length=150, required=False)


class CommitmentForm(VersionedForm):
    class Meta:
        model = Commitment
        fields = ["text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ActivityForm(VersionedForm):
    focus = forms.MultipleChoiceField(
        label=_("Focus"),
        choices=FocusTag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        field_classes = {"commitment": ModelChoiceField, "responsible": ModelMultipleChoiceField}
        fields = [
            "kind",
            "description",
            "target",
            "unit",
            "commitment",
            "focus",
            "responsible",
            "place",
            "audience",
            "audience_size",
            "position",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "responsible": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, promise: CitizenPromise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "commitment", promise.commitments.all())
        _limit(self, "responsible", organisations_for(promise))


class ActivityReportForm(VersionedForm):
    """Short on a phone: date, count, place, who took part and the figures of its kind."""

    class Meta:
        model = ActivityReport
        field_classes = {"organisations": ModelMultipleChoiceField}
        fields = [
            "date",
            "count",
            "place",
            "organisations",
            *OUTCOME_FIELDS,
            "notes",
            "latitude",
            "longitude",
        ]
        widgets = {
            "date": DateInput(),
            "organisations": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 2}),
            "count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
        }

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "organisations", organisations_for(activity.promise))
        wanted = set(OUTCOME_FIELDS_BY_KIND.get(activity.kind, ()))
        for name in OUTCOME_FIELDS:
            if name not in wanted:
                del self.fields[name]
            else:
                self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})

    def outcome_fields(self) -> list[Any]:
        return [self[name] for name in OUTCOME_FIELDS if name in self.fields]

    def service_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("version",)}
        return data


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class OccasionForm(VersionedForm):
    class Meta:
        model = Occasion
        fields = ["starts_at", "ends_at", "place", "description", "public"]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
