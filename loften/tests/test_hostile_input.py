"""Input no person types still gets a clear answer, never a server error: a NUL character
anywhere in a request, and a login name longer than any account's."""

import pytest
from axes.models import AccessAttempt

from conftest import Cast, client_for
from situation.models import Complaint

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/police-areas?region=sk%C3%A5ne%00",
        "/api/v1/agreements?municipality=%00eslov",
        "/sverige/?lan=%00",
        "/?q=esl%00v",
        "/kommun/esl%00ov/",
    ],
)
def test_a_nul_in_a_path_or_query_is_refused_with_400(cast: Cast, url: str) -> None:
    response = client_for().get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    # The API answers in its own format, as its description promises.
    is_api = url.startswith("/api/")
    assert response["Content-Type"].startswith("application/json") == is_api


def test_a_nul_in_a_form_is_refused_and_nothing_is_stored(cast: Cast) -> None:
    response = client_for(cast.coordinator, language="sv").post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {"received_on": "2016-03-02", "text": "Fort\x00körning", "problem": "speeding"},
    )
    assert response.status_code == 400
    assert not Complaint.objects.exists()
    # A page of the site in the visitor's language, saying what is wrong, with a way on.
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "<h1>Begäran kan inte läsas</h1>" in page
    assert "NUL-tecken" in page and 'href="/"' in page


def test_a_login_name_longer_than_any_account_is_refused_by_the_form(cast: Cast) -> None:
    response = client_for().post(
        "/konto/logga-in/", {"username": "ö" * 300, "password": "fel lösenord"}
    )
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_a_form_past_the_size_limit_gets_a_page_naming_the_limit(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {"received_on": "2016-03-02", "text": "x" * (3 * 1024 * 1024), "problem": "speeding"},
    )
    assert response.status_code == 413
    assert "A form takes at most 2.5\xa0MB" in response.content.decode()
    assert not Complaint.objects.exists()
