"""The API's refusals speak the request's language (Swedish unless the client asks for
English), while what clients read from them (status, `loc`, `type`, `ctx`) stays the same."""

from typing import Any

import pytest
from django.test import Client, override_settings

from conftest import Cast

INVALID = [
    (
        "/api/v1/promises?year=1899",
        {"type": "greater_than_equal", "loc": ["query", "year"], "ctx": {"ge": 2000}},
        "Måste vara minst 2000.",
        "Must be 2000 or more.",
    ),
    (
        "/api/v1/promises?year=tjugo",
        {"type": "int_parsing", "loc": ["query", "year"]},
        "Måste vara ett heltal.",
        "Must be a whole number.",
    ),
    (
        "/api/v1/promises?municipality=esl%C3%B6v",
        {
            "type": "string_pattern_mismatch",
            "loc": ["query", "municipality"],
            "ctx": {"pattern": "^[-a-zA-Z0-9_]+$"},
        },
        "Måste följa mönstret ^[-a-zA-Z0-9_]+$.",
        "Must match the pattern ^[-a-zA-Z0-9_]+$.",
    ),
    (
        "/api/v1/municipalities/" + "a" * 61,
        {"type": "string_too_long", "loc": ["path", "slug"], "ctx": {"max_length": 60}},
        "Får ha högst 60 tecken.",
        "Must be at most 60 characters long.",
    ),
    (
        "/api/v1/promises?status=draft",
        {
            "type": "literal_error",
            "loc": ["query", "status"],
            "ctx": {"expected": "'published', 'evaluated' or 'withdrawn'"},
        },
        "Måste vara ett av 'published', 'evaluated', 'withdrawn'.",
        "Must be one of 'published', 'evaluated', 'withdrawn'.",
    ),
]


def _refusal(url: str, **headers: Any) -> tuple[int, Any, str]:
    response = Client().get(url, **headers)
    return response.status_code, response.json(), response.headers["Content-Language"]


def _without_messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in error.items() if k != "msg"} for error in body["detail"]]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "structure", "swedish", "english"), INVALID)
def test_an_invalid_parameter_is_explained_in_the_language_asked_for(
    url: str, structure: dict[str, Any], swedish: str, english: str
) -> None:
    by_default = _refusal(url)
    in_swedish = _refusal(url, HTTP_ACCEPT_LANGUAGE="sv")
    in_english = _refusal(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert by_default == in_swedish
    assert in_swedish[0] == in_english[0] == 422
    assert (in_swedish[2], in_english[2]) == ("sv", "en")
    assert in_swedish[1] == {"detail": [{**structure, "msg": swedish}]}
    assert in_english[1] == {"detail": [{**structure, "msg": english}]}
    assert _without_messages(in_swedish[1]) == _without_messages(in_english[1])


@pytest.mark.django_db
def test_every_invalid_parameter_of_a_request_is_listed_in_its_order() -> None:
    url = "/api/v1/promises?year=1&status=utkast&limit=0"
    swedish = _refusal(url)[1]
    english = _refusal(url, HTTP_ACCEPT_LANGUAGE="en")[1]
    locations = [error["loc"] for error in swedish["detail"]]
    assert locations == [["query", "year"], ["query", "status"], ["query", "limit"]]
    assert _without_messages(swedish) == _without_messages(english)
    assert [e["msg"] for e in swedish["detail"]][0] == "Måste vara minst 2000."


@pytest.mark.django_db
def test_a_language_the_site_does_not_speak_gets_swedish() -> None:
    assert _refusal("/api/v1/promises?year=x", HTTP_ACCEPT_LANGUAGE="de")[2] == "sv"


@pytest.mark.django_db
def test_the_language_chosen_on_the_site_wins_over_the_header() -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/api/v1/promises?year=x", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.json()["detail"][0]["msg"] == "Must be a whole number."


@pytest.mark.django_db
def test_answers_say_they_vary_by_the_language_header(cast: Cast) -> None:
    for url in ("/api/v1/", "/api/v1/promises", "/api/v1/promises?year=x"):
        vary = Client().get(url)["Vary"]
        assert "Accept-Language" in vary and "Cookie" in vary, url


@pytest.mark.django_db
def test_the_site_pages_still_ignore_the_browser_language() -> None:
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.headers["Content-Language"] == "sv"
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
def test_not_found_is_said_in_the_language_asked_for(cast: Cast) -> None:
    cases = [
        ("/api/v1/promises/99999", "Hittades inte.", "Not found."),
        (
            "/api/v1/situation-pictures/eslov/2016",
            "Eslöv har inte publicerat någon lägesbild för 2016.",
            "Eslöv has not published a situation picture for 2016.",
        ),
    ]
    for url, swedish, english in cases:
        assert _refusal(url) == (404, {"detail": swedish}, "sv")
        assert _refusal(url, HTTP_ACCEPT_LANGUAGE="en") == (404, {"detail": english}, "en")


@pytest.mark.django_db
def test_a_nul_character_is_refused_in_the_language_asked_for() -> None:
    url = "/api/v1/promises?municipality=a%00b"
    english = "The request holds a NUL character, which no field accepts."
    swedish = "Begäran innehåller ett NUL-tecken, som inget fält tar emot."
    assert _refusal(url) == (400, {"detail": swedish}, "sv")
    assert _refusal(url, HTTP_ACCEPT_LANGUAGE="en") == (400, {"detail": english}, "en")


@pytest.mark.django_db
@override_settings(API_RATE="1/m")
def test_too_many_requests_are_refused_in_the_language_asked_for() -> None:
    client = Client(REMOTE_ADDR="198.51.100.9")
    assert client.get("/api/v1/police-areas").status_code == 200
    swedish = client.get("/api/v1/police-areas")
    english = client.get("/api/v1/police-areas", HTTP_ACCEPT_LANGUAGE="en")
    assert swedish.status_code == english.status_code == 429
    assert swedish["Retry-After"] and english["Retry-After"]
    assert swedish.json()["detail"].startswith("För många förfrågningar")
    assert english.json()["detail"].startswith("Too many requests")
