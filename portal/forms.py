"""The public site's filter forms (GET: every view of the overview has its own address)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.sorting import swedish_key
from places.models import County, PoliceRegion
from portal.selectors import BEHIND, ENDED, ON_TRACK, Filters, promise_years
from promises.vocabularies import ActivityKind, PromiseStatus

STANDING_CHOICES = [
    ("", _("Any")),
    (ON_TRACK, _("On track")),
    (BEHIND, _("Behind")),
    (PromiseStatus.PUBLISHED, _("Running (published)")),
    (ENDED, _("Ended")),
    (PromiseStatus.EVALUATED, _("Evaluated")),
    (PromiseStatus.WITHDRAWN, _("Withdrawn")),
]


class OverviewFilterForm(forms.Form):
    ar = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    lan = forms.ChoiceField(label=_("County"), required=False)
    region = forms.ChoiceField(label=_("Police region"), required=False)
    aktivitet = forms.ChoiceField(label=_("Activity kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STANDING_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["ar"].choices = [("", _("Latest"))] + [  # type: ignore[attr-defined]
            (y, str(y)) for y in promise_years()
        ]
        counties = sorted(County.objects.all(), key=lambda c: swedish_key(c.name))
        self.fields["lan"].choices = any_choice + [(c.code, c.name) for c in counties]  # type: ignore[attr-defined]
        regions = sorted(PoliceRegion.objects.all(), key=lambda r: swedish_key(r.name))
        self.fields["region"].choices = any_choice + [(r.slug, r.name) for r in regions]  # type: ignore[attr-defined]
        self.fields["aktivitet"].choices = any_choice + list(ActivityKind.choices)  # type: ignore[attr-defined]

    def filters(self) -> Filters:
        """The filters asked for; anything not valid is left out rather than refused."""
        self.is_valid()  # cleaned_data then holds the fields that are valid
        data = getattr(self, "cleaned_data", {})
        return Filters(
            year=data.get("ar"),
            county=data.get("lan", ""),
            region=data.get("region", ""),
            kind=data.get("aktivitet", ""),
            standing=data.get("status", ""),
        )
