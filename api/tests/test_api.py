"""The open data API: what it shows, what it never shows, and how clients walk and poll it."""

import json
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from conftest import Cast, client_for, sign_for_both
from followup.tests.conftest import publish_evaluation
from promises import services
from promises.vocabularies import PromiseStatus

from .conftest import OpenData

LISTS = [
    "/api/v1/municipalities",
    "/api/v1/police-areas",
    "/api/v1/agreements",
    "/api/v1/promises",
    "/api/v1/follow-ups",
    "/api/v1/evaluations",
    "/api/v1/situation-pictures",
]


def _get(url: str, **headers: Any) -> Any:
    response = client_for().get(url, **headers)
    return response, (json.loads(response.content) if response.status_code == 200 else None)


def _walk(url: str, limit: int = 500) -> list[dict[str, Any]]:
    """Every item of a list, page by page."""
    items: list[dict[str, Any]] = []
    joiner = "&" if "?" in url else "?"
    next_url: str | None = f"{url}{joiner}limit={min(limit, 200)}"
    while next_url:
        response, data = _get(next_url.replace("http://testserver", ""))
        assert response.status_code == 200, next_url
        items += data["results"]
        next_url = data["next"]
    return items


def test_the_published_promise_comes_with_its_activities_and_progress(open_data: OpenData) -> None:
    promises = _walk("/api/v1/promises")
    assert [p["title"] for p in promises] == ["Medborgarlöfte 2017"]
    promise = promises[0]
    controls = next(a for a in promise["activities"] if a["kind"] == "traffic_control")
    assert (controls["target"], controls["done"]) == (30, 5)
    assert promise["commitments"][0]["problems"] == ["speeding"]
    assert promise["pdf"].endswith("/kommun/eslov/2017/pdf/")


def test_no_unpublished_object_is_reachable(open_data: OpenData) -> None:
    cast = open_data.cast
    everything = json.dumps([_walk(url) for url in LISTS], ensure_ascii=False)
    for secret in (
        "Hemligt utkast 2018",
        "Lunds utkast",
        "HEMLIGT UTKAST",
        "HEMLIG UTVÄRDERING",
        "Hemligt namn",
        "Utkastaktivitet",
    ):
        assert secret not in everything, secret
    assert _get(f"/api/v1/promises/{cast.draft.pk}")[0].status_code == 404
    assert _get(f"/api/v1/promises/{cast.lund_draft.pk}")[0].status_code == 404
    assert _get("/api/v1/situation-pictures/eslov/2015")[0].status_code == 404
    assert _get("/api/v1/situation-pictures/eslov/2017")[0].status_code == 404
    follow_ups = _walk("/api/v1/follow-ups")
    assert [f["id"] for f in follow_ups] == [open_data.follow_up.pk]
    assert _walk("/api/v1/evaluations") == []
    # Published, then the promise taken back to signed: everything of it disappears.
    from promises.models import CitizenPromise

    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.SIGNED)
    assert _walk("/api/v1/promises") == [] and _walk("/api/v1/follow-ups") == []
    assert _walk("/api/v1/agreements") == []


def test_small_counts_are_withheld_from_the_picture(open_data: OpenData) -> None:
    response, picture = _get("/api/v1/situation-pictures/eslov/2016")
    rows = {row["problem"]: row for row in picture["problems"]}
    assert rows["speeding"]["figures"]["complaints"] == 4
    assert rows["burglary"]["figures"]["complaints"] is None
    assert rows["burglary"]["suppressed"] == ["complaints"]
    assert "Hemligt" not in response.content.decode()


def test_an_evaluation_once_published_is_open(open_data: OpenData) -> None:
    evaluation = open_data.evaluation
    publish_evaluation(open_data.cast, evaluation)
    found = _walk("/api/v1/evaluations")
    assert [e["summary"] for e in found] == ["HEMLIG UTVÄRDERING"]
    effects = found[0]["commitments"][0]["effects"]
    # The year before had 4 speeding complaints; the promise year has no complaint at all,
    # which is no data, not zero.
    assert {
        "problem": "speeding",
        "source": "complaints",
        "before": 4.0,
        "after": None,
        "suppressed": False,
        "no_data_before": False,
        "no_data_after": True,
    } in effects


def _more_promises(cast: Cast, count: int, first_year: int) -> None:
    for n in range(count):
        promise = services.promise_create(
            by=cast.coordinator,
            municipality=cast.eslov,
            police_area=cast.area,
            year=first_year + n,
            title=f"Löfte {first_year + n}",
            signed_on=date(first_year + n, 2, 1),
        )
        services.commitment_create(promise=promise, by=cast.coordinator, text="Ett löfte")
        for k in range(3):
            services.activity_create(
                promise=promise, by=cast.coordinator, kind="other", description=f"A{k}", target=2
            )
        sign_for_both(promise)
        services.promise_set_status(
            promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED
        )
        for approver in (cast.coordinator, cast.admin):
            services.promise_approve(promise=promise, by=approver)


def _queries(url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client_for().get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", LISTS)
def test_each_list_takes_the_same_number_of_queries_however_long_its_page(
    open_data: OpenData, url: str
) -> None:
    few = _queries(f"{url}?limit=200")
    _more_promises(open_data.cast, 6, 2003)
    assert _queries(f"{url}?limit=200") == few


def test_cursors_walk_every_item_once(open_data: OpenData) -> None:
    _more_promises(open_data.cast, 5, 2003)
    walked = [p["id"] for p in _walk("/api/v1/promises", limit=2)]
    assert len(walked) == 6 and walked == sorted(set(walked))
    response = client_for().get("/api/v1/promises?cursor=not-a-cursor")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_filters(open_data: OpenData) -> None:
    _more_promises(open_data.cast, 2, 2003)
    assert [p["year"] for p in _walk("/api/v1/promises?year=2004")] == [2004]
    assert len(_walk("/api/v1/promises?activity_kind=traffic_control")) == 1
    assert len(_walk("/api/v1/promises?county=12&status=published")) == 3
    assert _walk("/api/v1/promises?municipality=lund") == []
    assert client_for().get("/api/v1/promises?status=draft").status_code == 422
    municipalities = _walk("/api/v1/municipalities?county=12")
    assert len(municipalities) == 33 and {m["county"]["code"] for m in municipalities} == {"12"}


def test_filter_by_a_kind_beyond_traffic_and_dialogue(open_data: OpenData) -> None:
    cast = open_data.cast
    _more_promises(cast, 1, 2003)
    walked = services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=2005,
        title="Löfte 2005",
        signed_on=date(2005, 2, 1),
    )
    services.commitment_create(promise=walked, by=cast.coordinator, text="Tryggare kvällar")
    services.activity_create(
        promise=walked, by=cast.coordinator, kind="night_walk", description="Nattvandring", target=9
    )
    sign_for_both(walked)
    services.promise_set_status(promise=walked, by=cast.coordinator, status=PromiseStatus.SIGNED)
    for approver in (cast.coordinator, cast.admin):
        services.promise_approve(promise=walked, by=approver)
    found = _walk("/api/v1/promises?activity_kind=night_walk")
    assert [p["year"] for p in found] == [2005]
    assert found[0]["activities"][0]["kind"] == "night_walk"
    assert found[0]["activities"][0]["kind_label"] == "Night walk"
    assert _walk("/api/v1/promises?activity_kind=safety_hosts") == []
    assert client_for().get("/api/v1/promises?activity_kind=nattvandring").status_code == 422


def test_clients_poll_cheaply_from_any_origin(open_data: OpenData) -> None:
    first = client_for().get("/api/v1/promises", HTTP_ORIGIN="https://example.org")
    assert first["Access-Control-Allow-Origin"] == "*"
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client_for().get("/api/v1/promises", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client_for().get("/api/v1/promises", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    services.activity_report_create(
        activity=open_data.cast.controls,
        by=open_data.cast.reporter,
        date=date(2017, 3, 1),
    )
    changed = client_for().get("/api/v1/promises", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    preflight = client_for().options(
        "/api/v1/promises",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert client_for().post("/api/v1/promises").status_code == 405


@override_settings(API_RATE="3/m")
def test_a_client_that_asks_too_often_is_told_to_wait(open_data: OpenData) -> None:
    codes = [
        client_for().get("/api/v1/police-areas", REMOTE_ADDR="198.51.100.7").status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    assert client_for().get("/api/v1/police-areas", REMOTE_ADDR="198.51.100.8").status_code == 200


def test_the_description_and_its_docs_are_served(open_data: OpenData) -> None:
    schema = client_for().get("/api/v1/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert "/api/v1/promises" in schema["paths"]
    docs = client_for().get("/api/v1/docs")
    assert docs.status_code == 200 and b"swagger-ui" in docs.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/promises?municipality=%C3%9E%C3%8F",
        "/api/v1/municipalities?county=x1",
        "/api/v1/municipalities?region=a%20b",
        "/api/v1/municipalities/%C3%A9slov",
        "/api/v1/situation-pictures/eslov/9999",
        "/api/v1/situation-pictures/eslov/1",
    ],
)
def test_a_value_no_place_or_year_can_have_is_refused_as_invalid(url: str) -> None:
    """The description says what a slug, a county code and a year look like, so a client
    (or a generator of requests from the description) learns it from there; such a value
    is refused as invalid, never looked up."""
    response, _body = _get(url)
    assert response.status_code == 422


@pytest.mark.django_db
def test_the_description_states_the_shape_of_slugs_and_codes() -> None:
    description = json.loads(client_for().get("/api/v1/openapi.json").content)
    parameters = {
        p["name"]: p["schema"]
        for p in description["paths"]["/api/v1/promises"]["get"]["parameters"]
    }
    patterns = [
        s.get("pattern")
        for s in parameters["municipality"].get("anyOf", [parameters["municipality"]])
    ]
    assert "^[-a-zA-Z0-9_]+$" in patterns


@pytest.mark.django_db
def test_an_unknown_object_is_not_found_without_naming_our_models() -> None:
    for url in ("/api/v1/promises/99999", "/api/v1/municipalities/finns-inte"):
        response, _body = _get(url)
        assert response.status_code == 404
        assert json.loads(response.content) == {"detail": "Not found."}
