"""Every date box carries its plausible first and last day as min and max, so that a phone's
date picker offers only those days: a report within its promise's year and not after today,
what happened not in the future, a signing near the promise's year."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Organisation
from conftest import Cast, client_for
from promises.forms import ActivityReportForm, AgreementForm, PromiseForm
from promises.models import Agreement
from situation.forms import ComplaintForm, DialogueForm, correction_form
from situation.models import Complaint

pytestmark = pytest.mark.django_db


def _bounds(form: object, name: str) -> tuple[str, str]:
    attrs = form.fields[name].widget.attrs  # type: ignore[attr-defined]
    return attrs.get("min"), attrs.get("max")


@time_machine.travel(date(2017, 6, 14))
def test_the_report_date_box_stops_at_today_within_the_promises_year(cast: Cast) -> None:
    page = client_for(cast.reporter).get(reverse("promises:report_create", args=[cast.controls.pk]))
    assert 'min="2017-01-01"' in page.content.decode()
    assert 'max="2017-06-14"' in page.content.decode()


@time_machine.travel(date(2019, 3, 1))
def test_a_past_years_report_date_box_ends_with_that_year(cast: Cast) -> None:
    form = ActivityReportForm(activity=cast.controls)
    assert _bounds(form, "date") == ("2017-01-01", "2017-12-31")


@time_machine.travel(date(2026, 11, 30))
def test_what_happened_cannot_be_picked_in_the_future(cast: Cast) -> None:
    for form in (ComplaintForm(municipality=cast.eslov), DialogueForm(municipality=cast.eslov)):
        name = "received_on" if isinstance(form, ComplaintForm) else "held_on"
        assert _bounds(form, name) == ("1990-01-01", "2026-11-30")
    assert _bounds(correction_form(Complaint)(), "received_on") == ("1990-01-01", "2026-11-30")


def test_signing_and_evaluation_boxes_follow_the_promises_year(cast: Cast) -> None:
    form = PromiseForm(instance=cast.draft)
    assert _bounds(form, "signed_on") == ("2017-01-01", "2018-12-31")
    assert _bounds(form, "evaluation_due") == ("2018-01-01", "2020-12-31")


def test_an_agreements_signing_box_spans_its_years(cast: Cast) -> None:
    agreement = Agreement(title="Överenskommelse", start_year=2015, end_year=2018)
    form = AgreementForm(instance=agreement, parties=Organisation.objects.none())
    assert _bounds(form, "signed_on") == ("2014-01-01", "2018-12-31")
