"""Forms of the staff pages; they validate input, the services do the writing."""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypedDict, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.dates import validate_promise_year
from core.fields import (
    ModelChoiceField,
    ModelMultipleChoiceField,
    VersionField,
    date_box_bounds,
    name_empty_choices,
    require_version,
)
from lib import periods
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
from promises.services import report_problems
from promises.vocabularies import OUTCOME_FIELDS, OUTCOME_FIELDS_BY_KIND, EvidenceSource, FocusTag


def _limit(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """Offer only `queryset` in a model choice field."""
    cast("forms.ModelChoiceField[Any]", form.fields[name]).queryset = queryset


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class VersionedForm(forms.ModelForm[Any]):
    """A form that carries the version it was opened at, so a stale save can be refused."""

    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_empty_choices(self)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Only an edit needs the version it was opened at; a new record has none yet.
        if self.instance.pk:
            require_version(self)
        return cleaned

    def expected_version(self) -> int:
        version: int = self.cleaned_data["version"]
        return version


# What each form gives its service, field by field: mypy checks the keys and types against
# the service's keyword arguments where a view passes them on with `**`.


class PromiseFields(TypedDict):
    title: str
    agreement: Agreement | None
    introduction: str
    situation: str
    evidence_sources: list[str]
    effect: str
    follow_up: str
    evaluation_due: date | None
    evaluation_plan: str
    signed_on: date | None


class AgreementFields(TypedDict):
    title: str
    start_year: int
    end_year: int
    signed_on: date | None
    signed_month_only: bool
    summary: str
    follow_ups_cosigned: bool
    parties: list[Organisation]


class ActivityFields(TypedDict):
    kind: str
    description: str
    commitment: Commitment | None
    target: int | None
    unit: str
    rate_count: int | None
    rate_per: str
    minimum: bool
    focus: list[str]
    place: str
    audience: str
    audience_size: int | None
    responsible: list[Organisation]


class ReportFields(TypedDict):
    date: date
    count: int
    place: str
    latitude: Decimal | None
    longitude: Decimal | None
    notes: str
    organisations: list[Organisation]
    vehicles_checked: int | None
    speeding_violations: int | None
    other_violations: int | None
    breath_tests: int | None
    breath_positives: int | None
    drug_tests: int | None
    drug_positives: int | None
    attendees: int | None
    pupils_reached: int | None
    observations: int | None
    confirmed: bool


class OccasionFields(TypedDict):
    starts_at: datetime
    ends_at: datetime | None
    place: str
    description: str
    public: bool


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
        year, signed_on = self.instance.year, self.instance.signed_on
        if year:
            date_box_bounds(self, "signed_on", periods.signing_dates(year))
            date_box_bounds(self, "evaluation_due", periods.evaluation_due_dates(year, signed_on))

    def service_data(self) -> PromiseFields:
        data = self.cleaned_data
        return PromiseFields(
            title=data["title"],
            agreement=data["agreement"],
            introduction=data["introduction"],
            situation=data["situation"],
            evidence_sources=data["evidence_sources"],
            effect=data["effect"],
            follow_up=data["follow_up"],
            evaluation_due=data["evaluation_due"],
            evaluation_plan=data["evaluation_plan"],
            signed_on=data["signed_on"],
        )


class PromiseCreateForm(PromiseForm):
    municipality = ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects)
    police_area = ModelChoiceField(label=_("Local police area"), queryset=PoliceArea.objects)
    year = forms.IntegerField(label=_("Year"), validators=[validate_promise_year])

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
        if self.instance.start_year:
            bounds = periods.signing_dates(self.instance.start_year, self.instance.end_year)
            date_box_bounds(self, "signed_on", bounds)

    def service_data(self) -> AgreementFields:
        data = self.cleaned_data
        return AgreementFields(
            title=data["title"],
            start_year=data["start_year"],
            end_year=data["end_year"],
            signed_on=data["signed_on"],
            signed_month_only=data["signed_month_only"],
            summary=data["summary"],
            follow_ups_cosigned=data["follow_ups_cosigned"],
            parties=list(data["parties"]),
        )


class AgreementCreateForm(AgreementForm):
    municipality = ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects)
    police_area = ModelChoiceField(label=_("Local police area"), queryset=PoliceArea.objects)

    field_order = ["municipality", "police_area", "title"]

    def __init__(self, *args: Any, municipalities: Any, police_areas: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _limit(self, "municipality", municipalities)
        _limit(self, "police_area", police_areas)


class SignatoryForm(forms.Form):
    """One person who signed, and the party they signed for: publishing needs one signatory
    of the police area and one of the municipality, so the party is asked, not guessed."""

    name = forms.CharField(label=_("Signatory's name"), max_length=150, required=False)
    title = forms.CharField(label=_("Signatory's title"), max_length=150, required=False)
    organisation = ModelChoiceField(
        label=_("Signs for"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            _limit(self, "organisation", organisations)


class CommitmentForm(VersionedForm):
    class Meta:
        model = Commitment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


PARTY_CHOICES = {"municipality": _("For the municipality"), "police": _("For the police")}


class WithdrawForm(forms.Form):
    """Withdraw a published promise, saying why; the reason is shown on its public page.
    One who may act for both parties (an administrator) says for which one."""

    party = forms.ChoiceField(
        label=_("Who withdraws the promise?"), widget=forms.RadioSelect, required=False
    )
    reason = forms.CharField(
        label=_("Why is it withdrawn? This is shown on the public page."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )

    def __init__(self, *args: Any, parties: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if len(parties) > 1:
            field = cast(forms.ChoiceField, self.fields["party"])
            field.choices = [(p, PARTY_CHOICES[p]) for p in parties]
            field.required = True
        else:
            del self.fields["party"]


class MoveForm(forms.Form):
    """One step up or down for a commitment or an activity, from the version the page showed."""

    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
    version = forms.IntegerField(min_value=1)


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
            "rate_count",
            "rate_per",
            "minimum",
            "commitment",
            "focus",
            "responsible",
            "place",
            "audience",
            "audience_size",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "responsible": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, promise: CitizenPromise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "commitment", promise.commitments.all())
        _limit(self, "responsible", organisations_for(promise))
        self.fields["target"].help_text = _(
            "Times in the year. Left empty with a rate given, it is counted from the rate "
            "(once a month: 12)."
        )
        self.fields["rate_count"].help_text = _(
            "If the promise states a rate, e.g. 1 for “once a month”. Optional."
        )

    def service_data(self) -> ActivityFields:
        data = self.cleaned_data
        return ActivityFields(
            kind=data["kind"],
            description=data["description"],
            commitment=data["commitment"],
            target=data["target"],
            unit=data["unit"],
            rate_count=data["rate_count"],
            rate_per=data["rate_per"],
            minimum=data["minimum"],
            focus=data["focus"],
            place=data["place"],
            audience=data["audience"],
            audience_size=data["audience_size"],
            responsible=list(data["responsible"]),
        )


class ActivityReportForm(VersionedForm):
    """Short on a phone: date, count, place, who took part and the figures of its kind."""

    # Sent by the button that confirms a report the service warned about.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

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
        self.activity = activity
        _limit(self, "organisations", organisations_for(activity.promise))
        # Within the promise's year, and not after today.
        date_box_bounds(
            self, "date", periods.report_dates(activity.promise.year, timezone.localdate())
        )
        # A report tells of at least one time: the box says so, and so does the message.
        count = self.fields["count"]
        count.widget.attrs["min"] = 1
        count.error_messages["min_value"] = _(
            "A report tells of at least one time the activity was carried out: enter 1 or more."
        )
        wanted = set(OUTCOME_FIELDS_BY_KIND.get(activity.kind, ()))
        for name in OUTCOME_FIELDS:
            if name not in wanted:
                del self.fields[name]
            else:
                self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})

    def outcome_fields(self) -> list[Any]:
        return [self[name] for name in OUTCOME_FIELDS if name in self.fields]

    def clean(self) -> dict[str, Any]:
        """Put every fault the report service would find on its field in this one round: a
        date outside the promise year together with an implausible count, say."""
        data = super().clean() or {}
        figures = ["date", "count", "latitude", "longitude", *OUTCOME_FIELDS]
        report = ActivityReport(
            activity=self.activity,
            **{
                name: data.get(name) if name in self.fields else getattr(self.instance, name)
                for name in figures
            },
        )
        for field, message in report_problems(self.activity, report).items():
            # A field the form already refused (an unreadable date) keeps that message.
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return data

    def _outcome(self, name: str) -> int | None:
        """A figure of the form; one its kind does not ask keeps the report's stored value."""
        if name in self.fields:
            value: int | None = self.cleaned_data[name]
            return value
        stored: int | None = getattr(self.instance, name)
        return stored

    def service_data(self) -> ReportFields:
        data = self.cleaned_data
        return ReportFields(
            date=data["date"],
            count=data["count"],
            place=data["place"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            notes=data["notes"],
            organisations=list(data["organisations"]),
            vehicles_checked=self._outcome("vehicles_checked"),
            speeding_violations=self._outcome("speeding_violations"),
            other_violations=self._outcome("other_violations"),
            breath_tests=self._outcome("breath_tests"),
            breath_positives=self._outcome("breath_positives"),
            drug_tests=self._outcome("drug_tests"),
            drug_positives=self._outcome("drug_positives"),
            attendees=self._outcome("attendees"),
            pupils_reached=self._outcome("pupils_reached"),
            observations=self._outcome("observations"),
            confirmed=data["confirmed"],
        )


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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("An occasion must end after it starts."))
        return data

    def service_data(self) -> OccasionFields:
        data = self.cleaned_data
        return OccasionFields(
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            place=data["place"],
            description=data["description"],
            public=data["public"],
        )
