"""A public promise page that shows pace words says once what they mean; one whose year is
over, or not begun, shows no pace and no explanation."""

from datetime import date

import pytest
import time_machine

from conftest import Cast, client_for

pytestmark = pytest.mark.django_db

EXPLAINED = "”Efter takten”: minst en halv gång färre än så."


def test_a_running_promise_says_what_its_pace_words_mean(cast: Cast) -> None:
    with time_machine.travel(date(2017, 8, 1)):
        page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert "Efter takten" in page
    assert page.count(EXPLAINED) == 1


def test_an_ended_promise_has_no_pace_to_explain(cast: Cast) -> None:
    with time_machine.travel(date(2018, 3, 1)):
        page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert EXPLAINED not in page
