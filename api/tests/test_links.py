"""The API's address answers with an index, and every link the API gives resolves."""

from collections import deque
from typing import Any

from api.pagination import MAX_LIMIT
from conftest import client_for

from .conftest import OpenData

HOST = "http://testserver"


def _links(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [link for item in value.values() for link in _links(item)]
    if isinstance(value, list):
        return [link for item in value for link in _links(item)]
    if isinstance(value, str) and value.startswith(HOST):
        return [value]
    return []


def test_the_api_answers_at_its_own_address_with_an_index(open_data: OpenData) -> None:
    response = client_for().get("/api/v1/")
    assert response.status_code == 200
    index = response.json()
    assert index["openapi"] == f"{HOST}/api/v1/openapi.json"
    assert index["documentation"] == f"{HOST}/api/v1/docs"
    assert set(index["lists"]) >= {"municipalities", "promises", "evaluations"}


def test_every_link_the_api_gives_resolves(open_data: OpenData) -> None:
    """Follow every address in every answer, from the index down, each list whole."""
    client = client_for()
    seen = {f"{HOST}/api/v1/"}
    queue = deque(seen)
    broken = []
    while queue:
        url = queue.popleft()
        response = client.get(
            url.removeprefix(HOST), {"limit": MAX_LIMIT} if "?" not in url else {}
        )
        if response.status_code != 200:
            broken.append(f"{url}: {response.status_code}")
            continue
        if "/api/v1/" not in url or not response["Content-Type"].startswith("application/json"):
            continue
        for link in _links(response.json()):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert broken == []
    pages = {link for link in seen if "/api/" not in link}
    assert f"{HOST}/kommun/malmo/" in pages, "every municipality's page is linked, and resolves"
    assert f"{HOST}/kommun/eslov/2017/" in pages
    assert len(seen) > 300


def test_the_index_speaks_the_request_language_and_links_served_pages(
    open_data: OpenData,
) -> None:
    swedish = client_for(language="sv").get("/api/v1/").json()
    assert swedish["title"] == "Löften – öppna data"
    assert swedish["description"].startswith("Medborgarlöften från Sveriges kommuner")
    assert f"Dokumentationen finns på {HOST}/api/v1/docs" in swedish["description"]
    assert f"{HOST}/oppna-data/" in swedish["description"]
    english = client_for(language="en").get("/api/v1/").json()
    assert english["title"] == "Löften – open data"
    assert f"The documentation is at {HOST}/api/v1/docs" in english["description"]
    assert set(swedish) == set(english), "the keys stay as they are"
    for index in (swedish, english):
        assert ".md" not in index["description"], "no file in the repository"
    schema = client_for().get("/api/v1/openapi.json").json()
    assert ".md" not in schema["info"]["description"]
