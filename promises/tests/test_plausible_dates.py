"""Dates that cannot be right are refused where promises, agreements and reports are written."""

from collections.abc import Iterator
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import Cast, client_for
from promises import selectors, services
from promises.models import ActivityReport, Agreement, CitizenPromise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel(date(2017, 6, 14), tick=False):
        yield


def test_a_promise_signed_after_its_year_is_refused_on_the_form(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:promise_edit", args=[cast.draft.pk]),
        {
            "title": cast.draft.title,
            "follow_up": "quarterly",
            "signed_on": "2019-02-01",
            "version": cast.draft.version,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "between 1 January 2017 and 31 December 2018" in str(errors["signed_on"])
    cast.draft.refresh_from_db()
    assert cast.draft.signed_on is None


def test_an_evaluation_due_before_signing_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        services.promise_update(
            promise=cast.draft,
            by=cast.coordinator,
            expected_version=cast.draft.version,
            signed_on=date(2018, 2, 1),
            evaluation_due=date(2018, 1, 15),
        )
    assert "1 February 2018" in str(refused.value.message_dict["evaluation_due"])


@pytest.mark.parametrize("year", ["1899", "2031"])
def test_a_promise_for_an_implausible_year_is_refused(cast: Cast, year: str) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:promise_create"),
        {
            "municipality": cast.eslov.pk,
            "police_area": cast.area.pk,
            "year": year,
            "title": "Skrivfel",
            "follow_up": "quarterly",
        },
    )
    assert "Enter a year from 2000 to 2019." in str(response.context["form"].errors["year"])
    assert not CitizenPromise.objects.filter(year=int(year)).exists()


def test_an_agreement_ends_after_it_starts_and_is_signed_within_its_years(cast: Cast) -> None:
    def create(start_year: int, end_year: int, signed_on: date | None = None) -> Agreement:
        return services.agreement_create(
            by=cast.coordinator,
            municipality=cast.eslov,
            police_area=cast.area,
            title="Samverkan",
            start_year=start_year,
            end_year=end_year,
            signed_on=signed_on,
        )

    with pytest.raises(ValidationError) as refused:
        create(2018, 2016)
    assert "end_year" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        create(2016, 2018, date(2031, 1, 1))
    assert "31 December 2018" in str(refused.value.message_dict["signed_on"])
    with pytest.raises(ValidationError):
        create(2016, 2031)
    assert not Agreement.objects.exists()


def test_a_report_dated_in_the_future_is_refused(cast: Cast) -> None:
    response = client_for(cast.reporter).post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        {"date": "2017-09-01", "count": 1},
    )
    assert "cannot be in the future" in str(response.context["form"].errors["date"])
    assert not ActivityReport.objects.exists()


def test_the_dashboard_year_does_not_jump_to_a_typo(cast: Cast) -> None:
    # A year only a typing error made, stored before the ranges were enforced.
    CitizenPromise.objects.filter(pk=cast.draft.pk).update(year=2071)
    CitizenPromise.objects.filter(pk=cast.published.pk).update(year=2016)
    dashboard = selectors.dashboard_promises(cast.coordinator, date(2017, 6, 14))
    assert dashboard.year == 2016
