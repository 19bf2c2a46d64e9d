import csv
import io
from datetime import date

import pytest

from audit.models import AuditEvent
from conftest import Cast, client_for
from situation.models import Complaint, PublishedPicture
from situation.tests.factories import complaint, concern, event, publish_by_both
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db

SECRET = "Jag heter Anna Andersson på Storgatan 3 och bilarna kör för fort."


@pytest.fixture
def evidence(cast: Cast) -> Complaint:
    found = complaint(
        cast.eslov,
        Problem.SPEEDING,
        date(2016, 3, 2),
        text=SECRET,
        suggested_problem=Problem.SPEEDING,
        suggested_confidence=0.5,
    )
    complaint(cast.eslov, Problem.SPEEDING, date(2016, 4, 2))
    complaint(cast.eslov, Problem.SPEEDING, date(2016, 5, 2))
    concern(cast.eslov, Problem.SPEEDING, date(2016, 9, 1), voiced_by=14)
    event(cast.eslov, Problem.SPEEDING, date(2016, 6, 1))
    event(cast.eslov, Problem.BURGLARY, date(2016, 6, 1))
    complaint(cast.lund, Problem.VANDALISM, date(2016, 3, 2), text="Lunds hemliga klagomål.")
    return found


def test_staff_see_the_ranked_picture_with_links_to_the_records(
    cast: Cast, evidence: Complaint
) -> None:
    page = client_for(cast.coordinator).get("/arbete/lagesbild/eslov/2016/").content.decode()
    assert page.index("Speeding") < page.index("Burglary")
    assert "seen by 3 sources" in page
    assert "/arbete/lagesbild/eslov/2016/poster/complaints/speeding/" in page
    assert "Vandalism" not in page  # Lund's evidence
    assert 'class="sparkline"' in page


def test_the_records_behind_a_figure_show_the_complaint_texts_to_staff(
    cast: Cast, evidence: Complaint
) -> None:
    url = "/arbete/lagesbild/eslov/2016/poster/complaints/speeding/"
    page = client_for(cast.reporter).get(url).content.decode()
    assert SECRET in page
    assert "3 records" in page
    assert 'class="chart"' in page
    assert "Lunds hemliga" not in page


def test_a_correction_files_the_record_anew_and_keeps_the_suggestion(
    cast: Cast, evidence: Complaint
) -> None:
    response = client_for(cast.reporter).post(
        f"/arbete/lagesbild/rattning/complaint/{evidence.pk}/",
        {"problem": Problem.UNPROTECTED_ROAD_USERS},
    )
    assert response["Location"] == "/arbete/lagesbild/eslov/2016/poster/complaints/speeding/"
    evidence.refresh_from_db()
    assert evidence.problem == Problem.UNPROTECTED_ROAD_USERS
    assert evidence.suggested_problem == Problem.SPEEDING
    assert evidence.corrected_by == cast.reporter and evidence.corrected_at is not None
    recorded = AuditEvent.objects.get(model="situation.Complaint")
    assert recorded.changes["problem"] == [Problem.SPEEDING, Problem.UNPROTECTED_ROAD_USERS]
    assert "Anna" not in str(recorded.changes)


def test_an_invalid_correction_changes_nothing(cast: Cast, evidence: Complaint) -> None:
    client_for(cast.coordinator).post(
        f"/arbete/lagesbild/rattning/complaint/{evidence.pk}/", {"problem": "nonsense"}
    )
    evidence.refresh_from_db()
    assert evidence.problem == Problem.SPEEDING and evidence.corrected_by is None


def test_the_csv_export_holds_the_ranking(cast: Cast, evidence: Complaint) -> None:
    response = client_for(cast.viewer).get("/arbete/lagesbild/eslov/2016/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["rank", "problem", "label", "score"]
    assert rows[1][:3] == ["1", "speeding", "Speeding"]
    header = rows[0]
    assert rows[1][header.index("complaints")] == "3"
    assert rows[1][header.index("citizen_dialogues")] == "14"


def test_the_public_page_exists_only_once_published_and_holds_no_text(
    cast: Cast, evidence: Complaint
) -> None:
    public = client_for()
    assert public.get("/kommun/eslov/lagesbild/2016/").status_code == 404
    publish_by_both(cast, 2016)
    page = public.get("/kommun/eslov/lagesbild/2016/").content.decode()
    assert "Speeding" in page and "Burglary" in page
    assert "Anna" not in page and "bilarna" not in page
    assert "/arbete/" not in page  # no way into the records
    assert "fewer than 3" in page  # one police event, a small count, is not given
    assert ">14<" in page  # the dialogue figure is large enough to show
    client_for(cast.coordinator).post("/arbete/lagesbild/eslov/2016/avpublicera/")
    assert public.get("/kommun/eslov/lagesbild/2016/").status_code == 404
    assert PublishedPicture.objects.count() == 0


def test_the_municipality_page_links_to_published_pictures(cast: Cast) -> None:
    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    page = client_for().get("/kommun/eslov/").content.decode()
    assert "/kommun/eslov/lagesbild/2016/" in page


def test_staff_of_another_municipality_cannot_reach_the_records_by_editing_ids(
    cast: Cast, evidence: Complaint
) -> None:
    other = client_for(cast.other_coordinator)
    assert other.get("/arbete/lagesbild/eslov/2016/").status_code == 404
    assert other.get("/arbete/lagesbild/eslov/2016/poster/complaints/speeding/").status_code == 404
    response = other.post(
        f"/arbete/lagesbild/rattning/complaint/{evidence.pk}/", {"problem": Problem.OTHER}
    )
    assert response.status_code == 404
    evidence.refresh_from_db()
    assert evidence.problem == Problem.SPEEDING


def test_partners_see_no_evidence(cast: Cast, evidence: Complaint) -> None:
    partner = client_for(cast.partner)
    assert partner.get("/arbete/lagesbild/").status_code == 403
    assert (
        partner.get("/arbete/lagesbild/eslov/2016/poster/complaints/speeding/").status_code == 404
    )


def test_unknown_sources_and_problems_are_not_found(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    assert client.get("/arbete/lagesbild/eslov/2016/poster/rumours/speeding/").status_code == 404
    assert client.get("/arbete/lagesbild/eslov/2016/poster/complaints/ufo/").status_code == 404


def test_the_latest_year_with_evidence_opens_first(cast: Cast, evidence: Complaint) -> None:
    response = client_for(cast.coordinator).get("/arbete/lagesbild/")
    assert response["Location"] == "/arbete/lagesbild/eslov/"
    response = client_for(cast.coordinator).get("/arbete/lagesbild/eslov/")
    assert response["Location"] == "/arbete/lagesbild/eslov/2016/"


def test_the_map_data_are_points_without_texts_and_districts_with_counts(
    cast: Cast,
) -> None:
    from places.models import District

    square = [[13.29, 55.83], [13.32, 55.83], [13.32, 55.85], [13.29, 55.85], [13.29, 55.83]]
    District.objects.create(
        municipality=cast.eslov,
        name="Centrala Eslöv",
        outline={"type": "Polygon", "coordinates": [square]},
    )
    complaint(
        cast.eslov, Problem.SPEEDING, date(2016, 2, 1), text=SECRET, latitude=55.84, longitude=13.30
    )
    complaint(cast.eslov, Problem.SPEEDING, date(2016, 8, 1), latitude=55.70, longitude=13.10)
    complaint(cast.eslov, Problem.LITTERING, date(2016, 2, 1))  # no place: not drawn
    placed = event(cast.eslov, Problem.BURGLARY, date(2016, 2, 3))
    placed.latitude, placed.longitude = 55.841, 13.301
    placed.save()
    client = client_for(cast.coordinator)
    data = client.get("/arbete/lagesbild/eslov/2016/karta.json").json()
    assert len(data["features"]) == 3
    assert "Anna" not in str(data)
    first = next(
        f
        for f in data["features"]
        if f["properties"]["month"] == "2016-02" and f["properties"]["source"] == "complaints"
    )
    assert first["geometry"]["coordinates"] == [13.30, 55.84]  # GeoJSON: longitude first
    assert first["properties"]["label"] == "Speeding"
    (district,) = data["districts"]["features"]
    assert district["properties"] == {"name": "Centrala Eslöv", "count": 2}
    only = client.get("/arbete/lagesbild/eslov/2016/karta.json?source=police_events").json()
    assert [f["properties"]["problem"] for f in only["features"]] == ["burglary"]
    q1 = client.get("/arbete/lagesbild/eslov/2016/karta.json?quarter=1&problem=speeding").json()
    assert len(q1["features"]) == 1
    page = client.get("/arbete/lagesbild/eslov/2016/karta/?quarter=1").content.decode()
    assert "3 records with a place on the map" not in page
    assert 'data-url="/arbete/lagesbild/eslov/2016/karta.json?quarter=1"' in page


def test_the_map_tiles_are_allowed_by_the_content_security_policy(cast: Cast) -> None:
    response = client_for(cast.coordinator).get("/arbete/lagesbild/eslov/2016/karta/")
    policy = response["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.openstreetmap.org" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_an_administrator_draws_a_district_in_the_administration(cast: Cast) -> None:
    from places.models import District

    client = client_for(cast.admin)
    ring = "[[13.2, 55.8], [13.4, 55.8], [13.4, 55.9], [13.2, 55.8]]"
    outline = f'{{"type": "Polygon", "coordinates": [{ring}]}}'
    response = client.post(
        "/admin/places/district/add/",
        {"municipality": cast.eslov.pk, "name": "Östra Eslöv", "outline": outline},
    )
    assert response.status_code == 302
    assert (District.objects.get(name="Östra Eslöv").outline or {}).get("type") == "Polygon"


def test_a_quarter_is_a_period_of_its_own_down_to_the_records(cast: Cast) -> None:
    complaint(cast.eslov, Problem.FRAUD, date(2016, 2, 1))
    complaint(cast.eslov, Problem.FRAUD, date(2016, 5, 1), text="Andra kvartalets bedrägeri.")
    complaint(cast.eslov, Problem.FRAUD, date(2016, 5, 9))
    client = client_for(cast.coordinator)
    page = client.get("/arbete/lagesbild/eslov/2016/?kvartal=2").content.decode()
    assert "Situation picture Eslöv 2016, quarter 2" in page
    assert "changed since quarter 1 2016" in page
    assert "/arbete/lagesbild/eslov/2016/poster/complaints/fraud/?kvartal=2" in page
    records = client.get("/arbete/lagesbild/eslov/2016/poster/complaints/fraud/?kvartal=2")
    assert "2 records" in records.content.decode()
    exported = client.get("/arbete/lagesbild/eslov/2016/csv/?kvartal=2").content.decode("utf-8-sig")
    header, first = exported.splitlines()[:2]
    assert first.split(";")[header.split(";").index("complaints")] == "2"
    assert first.split(";")[header.split(";").index("before")] == "1"


def test_a_falling_change_in_the_csv_export_is_a_number_not_text(cast: Cast) -> None:
    for day in (1, 2, 3):
        complaint(cast.eslov, Problem.FRAUD, date(2015, 3, day))
    complaint(cast.eslov, Problem.FRAUD, date(2016, 3, 1))
    response = client_for(cast.viewer).get("/arbete/lagesbild/eslov/2016/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    change = rows[1][rows[0].index("change")]
    # Written without the apostrophe that keeps text from being read as a formula.
    assert change.startswith("-") and float(change) < 0
