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
