"""Evidence dated where it cannot be is refused, on forms and in file imports."""

from collections.abc import Iterator
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for
from situation.models import Complaint, CrimeStatistic, Dialogue
from situation.selectors import evidence_years
from situation.services.files import file_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel(date(2026, 11, 30), tick=False):
        yield


@pytest.mark.parametrize("day", ["2031-05-04", "1899-05-04"])
def test_a_complaint_from_the_future_or_1899_is_refused(cast: Cast, day: str) -> None:
    response = client_for(cast.reporter).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {"received_on": day, "receiver": "police", "channel": "phone", "text": "Fort"},
    )
    assert response.status_code == 200
    assert "received_on" in response.context["form"].errors
    assert not Complaint.objects.exists()


def test_a_dialogue_held_in_the_future_is_refused(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        "/arbete/lagesbild/eslov/dialog/ny/",
        {
            "kind": "citizen",
            "held_on": "2027-01-10",
            "form": "street_stand",
            "title": "Möte",
            "participants": "4",
            "concern-TOTAL_FORMS": "0",
            "concern-INITIAL_FORMS": "0",
        },
    )
    assert "cannot be in the future" in str(response.context["form"].errors["held_on"])
    assert not Dialogue.objects.exists()


def test_an_imported_complaint_or_statistic_of_an_impossible_date_is_refused(cast: Cast) -> None:
    complaints = "kommun,datum,text\nEslöv,2031-01-05,Fort\nEslöv,1899-01-05,Fort\n".encode()
    report = file_import(kind="complaints", file_name="k.csv", data=complaints)
    assert [str(e) for e in report.errors] == [
        "row 2, column datum: '2031-01-05' is not a date between 1990-01-01 and today, 2026-11-30",
        "row 3, column datum: '1899-01-05' is not a date between 1990-01-01 and today, 2026-11-30",
    ]
    statistics = "kommun,år,brottskategori,antal\nEslöv,2031,Rån,4\n".encode()
    report = file_import(kind="crime_statistics", file_name="b.csv", data=statistics)
    assert "not a year between 1990 and 2026" in str(report.errors[0])
    assert not Complaint.objects.exists() and not CrimeStatistic.objects.exists()


def test_the_pictures_default_year_ignores_a_year_only_a_typo_made(cast: Cast) -> None:
    CrimeStatistic.objects.create(municipality=cast.eslov, year=2031, category="Rån", reported=1)
    CrimeStatistic.objects.create(municipality=cast.eslov, year=2016, category="Rån", reported=1)
    assert evidence_years(cast.eslov) == [2016]
    response = client_for(cast.coordinator).get(reverse("situation:latest", args=["eslov"]))
    assert response["Location"].endswith("/2016/")
