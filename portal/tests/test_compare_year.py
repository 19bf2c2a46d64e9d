"""The comparison answers 400 with a message for a year no promise can be for."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["1899", "2031", "20177", "abc"])
def test_an_implausible_year_is_refused_with_a_message(cast: Cast, year: str) -> None:
    with time_machine.travel(date(2017, 6, 14), tick=False):
        response = client_for().get(reverse("portal:compare"), {"ar": year, "kommun": "eslov"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "is not a year to compare: choose one from 2000 to 2019." in page


def test_a_plausible_year_is_compared(cast: Cast) -> None:
    with time_machine.travel(date(2017, 6, 14), tick=False):
        response = client_for().get(reverse("portal:compare"), {"ar": "2017", "kommun": "eslov"})
    assert response.status_code == 200
