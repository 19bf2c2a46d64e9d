"""Follow-up periods are named as a reader names them, "Quarter 1 2017", and the outcome
figures are called outcomes ("Utfall")."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import Cast, client_for
from followup.labels import period_name, span_name
from followup.selectors import Period


def _period(start: date, end: date) -> Period:
    return Period(1, start, end, end)


@pytest.mark.parametrize(
    ("start", "end", "english", "swedish"),
    [
        (date(2017, 1, 1), date(2017, 3, 31), "Quarter 1 2017", "Kvartal 1 2017"),
        (date(2017, 10, 1), date(2017, 12, 31), "Quarter 4 2017", "Kvartal 4 2017"),
        (date(2017, 5, 1), date(2017, 8, 31), "Tertial 2 2017", "Tertial 2 2017"),
        (date(2017, 7, 1), date(2017, 12, 31), "Half-year 2 2017", "Halvår 2 2017"),
        (date(2017, 3, 1), date(2017, 3, 31), "March 2017", "Mars 2017"),
        (date(2017, 1, 1), date(2017, 12, 31), "The year 2017", "Helåret 2017"),
    ],
)
def test_a_period_is_named_by_its_place_in_the_year(
    start: date, end: date, english: str, swedish: str
) -> None:
    with translation.override("en"):
        assert period_name(_period(start, end)) == english
    with translation.override("sv"):
        assert span_name(start, end) == swedish


@pytest.mark.django_db
def test_the_promise_page_names_its_follow_up_periods(cast: Cast) -> None:
    url = reverse("promises:promise_detail", args=[cast.published.pk])
    assert "Quarter 1 2017" in client_for(cast.coordinator).get(url).content.decode()
    page = client_for(cast.coordinator, language="sv").get(url).content.decode()
    assert "Kvartal 1 2017" in page and "Kvartal 4 2017" in page
    # Swedish month names are written in lower case ("1 Jan – 31 Mar" was English style).
    assert "(1 januari – 31 mars 2017)" in page and "(1 oktober – 31 december 2017)" in page


def test_outcome_figures_are_called_utfall_in_swedish() -> None:
    with translation.override("sv"):
        assert translation.gettext("Outcomes") == "Utfall"
        assert translation.gettext("Outcome") == "Utfall"
