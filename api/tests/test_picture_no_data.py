"""Missing is not zero in the published situation picture: the API lists the sources with no
records at all for the year (`no_data_sources`), and the open-data table has a row marked
`no_data` for each of them, so neither reads as a source that counted 0."""

import csv
import io
from datetime import date

import pytest

from conftest import client_for
from situation.models import PublishedPicture
from situation.tests.factories import concern

from .conftest import OpenData


@pytest.fixture
def dialogue_held(open_data: OpenData) -> OpenData:
    # 2016 in Eslöv: complaints (4 of speeding, 1 of burglary) and one citizen dialogue,
    # about speeding only; no other source has a record of the year.
    concern(open_data.cast.eslov, "speeding", date(2016, 9, 6), voiced_by=5)
    # Published again with the dialogue: the public figures are those frozen on publishing.
    published = PublishedPicture.objects.get(municipality=open_data.cast.eslov, year=2016)
    published.figures = None
    published.save()
    return open_data


def test_the_picture_names_the_sources_without_data(dialogue_held: OpenData) -> None:
    picture = client_for().get("/api/v1/situation-pictures/eslov/2016").json()
    assert picture["no_data_sources"] == [
        "employee_dialogues",
        "police_events",
        "crime_statistics",
        "safety_surveys",
    ]
    figures = {p["problem"]: p["figures"] for p in picture["problems"]}
    assert figures["speeding"] == {"complaints": 4, "citizen_dialogues": 5}
    # Dialogues were held, none about burglary: left out as 0, not listed as no data.
    assert figures["burglary"] == {"complaints": None}
    assert "citizen_dialogues" not in picture["no_data_sources"]


def test_the_table_marks_each_source_without_data(dialogue_held: OpenData) -> None:
    text = client_for().get("/oppna-data/lagesbilder.csv?kommun=eslov").content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    rows = {(r["problem"], r["source"]): r for r in table}
    cells = ("figure", "withheld", "no_data")
    assert [rows["speeding", "complaints"][c] for c in cells] == ["4", "", ""]
    assert [rows["burglary", "complaints"][c] for c in cells] == ["", "yes", ""]
    assert [rows["speeding", "police_events"][c] for c in cells] == ["", "", "yes"]
    assert [rows["burglary", "safety_surveys"][c] for c in cells] == ["", "", "yes"]
    # A source with records that counted none of a problem has no row, as in the API.
    assert ("burglary", "citizen_dialogues") not in rows
    assert {s for (p, s), r in rows.items() if p == "speeding" and r["no_data"] == "yes"} == {
        "employee_dialogues",
        "police_events",
        "crime_statistics",
        "safety_surveys",
    }
