"""The staff pages' forms: bring in a text, then check and correct what was read."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import promise_date_errors, validate_promise_year
from core.fields import ModelChoiceField
from core.plausible import validate_activity_target
from imports.limits import TEXT_FILE_BYTES
from promises.models import rate_errors
from promises.vocabularies import ActivityKind, FocusTag, FollowUpCadence, RatePeriod

MAX_UPLOAD = TEXT_FILE_BYTES


class SourceForm(forms.Form):
    municipality = ModelChoiceField(label=_("Municipality"), queryset=None)
    text = forms.CharField(
        label=_("Paste the text of the promise"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    file = forms.FileField(label=_("Or upload a file (.txt, .html, .docx, .pdf)"), required=False)

    def __init__(self, *args: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste a text or choose a file."))
        return data


class DocumentForm(forms.Form):
    """What was read from one promise document, to be checked and corrected. What the import
    asks to confirm (another municipality, personal data) is asked through `core.confirm`."""

    year = forms.IntegerField(label=_("Year"), validators=[validate_promise_year])
    title = forms.CharField(label=_("Title"), max_length=200)
    situation = forms.CharField(
        label=_("Situation and background"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    commitments = forms.CharField(
        label=_("Commitments, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    effect = forms.CharField(
        label=_("Intended effect"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    follow_up = forms.ChoiceField(
        label=_("Follow-up"), required=False, choices=[("", "–"), *FollowUpCadence.choices]
    )
    evaluation = forms.CharField(
        label=_("How it is evaluated"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signed_on = forms.DateField(
        label=_("Signed on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    signatories = forms.CharField(
        label=_("Signatories: name, title, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        dates = promise_date_errors(
            year=data.get("year"), signed_on=data.get("signed_on"), evaluation_due=None
        )
        for name, message in dates.items():
            self.add_error(name, message)
        return data


class ActivityRowForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    target = forms.IntegerField(
        label=_("Target"), required=False, min_value=0, validators=[validate_activity_target]
    )
    unit = forms.CharField(label=_("Unit"), required=False, max_length=60)
    description = forms.CharField(
        label=_("Description"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    focus = forms.MultipleChoiceField(
        label=_("Focus"),
        required=False,
        choices=FocusTag.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.CharField(label=_("Partners, comma-separated"), required=False, max_length=500)
    # The rate the text states ("en gång i månaden") and "minst", kept as read unless changed.
    rate_count = forms.IntegerField(label=_("times per period"), required=False, min_value=1)
    rate_per = forms.ChoiceField(
        label=_("per"), required=False, choices=[("", "–"), *RatePeriod.choices]
    )
    minimum = forms.BooleanField(label=_("at least"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        problems = rate_errors(data.get("rate_count"), data.get("rate_per") or "")
        if data.get("minimum") and not data.get("target") and not data.get("rate_count"):
            problems.setdefault(
                "minimum",
                _("“At least” needs a target or a rate: give one, or untick “at least”."),
            )
        for name, message in problems.items():
            self.add_error(name, message)
        return data


ActivityRowFormSet = forms.formset_factory(ActivityRowForm, extra=1, max_num=60, can_delete=True)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _rate(data: dict[str, Any]) -> dict[str, Any] | None:
    if data.get("rate_count") and data.get("rate_per"):
        return {"count": data["rate_count"], "per": data["rate_per"]}
    return None


def document_data(form: DocumentForm, rows: Any, police_area: str | None) -> dict[str, Any]:
    """The corrected document, in the parser's shape, for the import service."""
    data = form.cleaned_data
    signatories = []
    for line in _lines(data["signatories"]):
        name, _comma, title = line.partition(",")
        signatories.append({"name": name.strip(), "title": title.strip()})
    activities = [
        {
            "text": row.cleaned_data["description"],
            "kind": row.cleaned_data["kind"],
            "target": row.cleaned_data["target"],
            "unit": row.cleaned_data["unit"],
            "focus": row.cleaned_data["focus"],
            "partners": [p.strip() for p in row.cleaned_data["partners"].split(",") if p.strip()],
            "rate": _rate(row.cleaned_data),
            "minimum": row.cleaned_data["minimum"],
        }
        for row in rows
        if row.cleaned_data and not row.cleaned_data.get("DELETE")
    ]
    return {
        "year": data["year"],
        "title": data["title"],
        "police_area": police_area,
        "situation": data["situation"] or None,
        "commitments": _lines(data["commitments"]),
        "activities": activities,
        "effect": data["effect"] or None,
        "follow_up": data["follow_up"] or None,
        "evaluation": data["evaluation"] or None,
        "signed_on": data["signed_on"].isoformat() if data["signed_on"] else None,
        "signatories": signatories,
        "warnings": [],
        "implausible_figures": [],
    }


def initial_from(document: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Form values for a parsed document: the document's, and one per activity."""
    initial = {
        "year": document["year"],
        "title": document["title"],
        "situation": document["situation"] or "",
        "commitments": "\n".join(document["commitments"]),
        "effect": document["effect"] or "",
        "follow_up": document["follow_up"] or "",
        "evaluation": document["evaluation"] or "",
        "signed_on": document["signed_on"],
        "signatories": "\n".join(f"{s['name']}, {s['title']}" for s in document["signatories"]),
    }
    rows = [
        {
            "kind": a["kind"],
            # With a rate, the year's target is counted from it on saving, so that a changed
            # rate is not left beside the old rate's target.
            "target": None if a.get("rate") else a["target"],
            "unit": a["unit"] or "",
            "description": a["text"],
            "focus": a["focus"],
            "partners": ", ".join(a["partners"]),
            "rate_count": (a.get("rate") or {}).get("count"),
            "rate_per": (a.get("rate") or {}).get("per", ""),
            "minimum": bool(a.get("minimum")),
        }
        for a in document["activities"]
    ]
    return initial, rows
