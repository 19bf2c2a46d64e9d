"""The report form names every fault in one round, each date by the tightest bound it
passes, and its figures the Swedish way."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from conftest import Cast, client_for
from promises import services
from promises.models import ActivityReport, ReportLimit
from promises.vocabularies import ActivityKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _late_in_2017() -> Iterator[None]:
    with time_machine.travel(date(2017, 11, 20), tick=False):
        yield


def _post(cast: Cast, **data: Any) -> Any:
    form = {"date": "2017-05-04", "count": 1, "place": "Väg 113", **data}
    url = reverse("promises:report_create", args=[cast.controls.pk])
    return client_for(cast.reporter).post(url, form)


def test_a_bad_date_and_an_implausible_count_are_refused_in_one_round(cast: Cast) -> None:
    response = _post(cast, date="1899-05-04", count=500)
    errors = response.context["form"].errors
    assert "before its promise year begins: enter a day from 1 January 2017" in str(errors["date"])
    assert "1990" not in str(errors["date"]), "the tightest bound, not the widest"
    assert "at most 50 times" in str(errors["count"])
    assert not ActivityReport.objects.exists()


def test_a_date_after_the_promise_year_names_its_last_day(cast: Cast) -> None:
    with time_machine.travel(date(2018, 3, 1), tick=False):
        response = _post(cast, date="2018-02-01")
    errors = str(response.context["form"].errors["date"])
    assert "after its promise year ends: enter a day no later than 31 December 2017" in errors


def test_a_date_in_the_future_names_today(cast: Cast) -> None:
    response = _post(cast, date="2017-12-01")
    assert "no later than today, 20 November 2017" in str(response.context["form"].errors["date"])


def test_the_service_refuses_every_fault_at_once(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        services.activity_report_create(
            activity=cast.controls,
            by=cast.reporter,
            date=date(2016, 12, 31),
            count=500,
            vehicles_checked=5,
            breath_tests=-1,
        )
    assert set(refused.value.message_dict) == {"date", "count", "breath_tests"}
    assert "1 January 2017" in str(refused.value.message_dict["date"])


def test_figures_in_messages_are_grouped_the_swedish_way(cast: Cast) -> None:
    ReportLimit.objects.create(
        kind=ActivityKind.TRAFFIC_CONTROL, max_count=12000, far_past_percent=100
    )
    with translation.override("sv"), pytest.raises(ValidationError) as refused:
        services.activity_report_create(
            activity=cast.controls, by=cast.reporter, date=date(2017, 5, 4), count=12001
        )
    assert "högst 12\xa0000 gånger" in " ".join(refused.value.message_dict["count"])
    with translation.override("sv"), pytest.raises(services.ReportNeedsConfirmation) as asked:
        services.activity_report_create(
            activity=cast.controls, by=cast.reporter, date=date(2017, 5, 4), count=11000
        )
    assert "genomförts 11\xa0000 gånger" in " ".join(asked.value.messages)
