"""Feeds, calendar and CSV tables: what is published, and nothing that is not."""

import csv
import io
from datetime import date, datetime, timedelta
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from icalendar import Calendar

from conftest import Cast, client_for
from followup import services as followup_services
from promises import services
from promises.models import Activity, CitizenPromise, Occasion
from situation.models import Complaint, PublishedPicture

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ATOM = "{http://www.w3.org/2005/Atom}"
NOW = datetime(2017, 5, 2, 9, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def published(cast: Cast) -> Cast:
    with time_machine.travel(datetime(2017, 4, 3, 9, tzinfo=STOCKHOLM)):
        follow_up = followup_services.follow_up_draft(promise=cast.published, number=1, by=None)
    followup_services.follow_up_update(
        follow_up=follow_up,
        by=cast.coordinator,
        expected_version=follow_up.version,
        assessment="Kvartalet gick bra.",
        activity_comments={},
        commitment_judgements={},
    )
    followup_services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    return cast


def _entries(url: str) -> list[str]:
    response = client_for().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") or "" for entry in feed.iter(f"{ATOM}entry")]


def test_the_feeds_announce_promises_and_follow_ups_but_no_draft(published: Cast) -> None:
    national = _entries("/flode/")
    assert any("Medborgarlöfte 2017" in t and "follow-up 1" in t for t in national)
    assert any(t == "Eslöv: Medborgarlöfte 2017 published" for t in national)
    assert not any("utkast" in t.lower() for t in national)
    assert _entries("/kommun/eslov/flode/") == national
    assert _entries("/kommun/lund/flode/") == []
    assert client_for().get("/kommun/nowhere/flode/").status_code == 404


def _plan(
    cast: Cast,
    *,
    starts_at: datetime = NOW + timedelta(days=7),
    ends_at: datetime | None = NOW + timedelta(days=7, hours=2),
    place: str = "Stadsparken",
    public: bool = True,
) -> Occasion:
    return services.occasion_create(
        activity=cast.walks,
        by=cast.coordinator,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        description="Samling vid fontänen.",
        public=public,
    )


def test_the_calendar_lists_coming_public_occasions(cast: Cast) -> None:
    _plan(cast)
    _plan(cast, place="Hemlig lokal", public=False)
    _plan(cast, starts_at=NOW - timedelta(days=3), ends_at=None, place="Redan hållen")
    with time_machine.travel(NOW):
        response = client_for().get("/kommun/eslov/kalender.ics")
        national = client_for().get("/kalender.ics").content
    assert response["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["LOCATION"]) for e in events] == ["Stadsparken"]
    event = events[0]
    assert event.decoded("DTSTART") == NOW + timedelta(days=7)
    assert "Samling vid fontänen." in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith("/kommun/eslov/2017/")
    assert len(list(Calendar.from_ical(national).walk("VEVENT"))) == 1
    with time_machine.travel(NOW):
        page = client_for().get("/kommun/eslov/2017/").content.decode()
    assert "Stadsparken" in page and "Hemlig lokal" not in page


def test_occasions_of_a_draft_promise_cannot_be_planned(cast: Cast) -> None:
    draft_activity = services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind="safety_walk", description="Utkast"
    )
    with pytest.raises(ValidationError, match="signed or published"):
        services.occasion_create(
            activity=draft_activity, by=cast.coordinator, starts_at=NOW, place="x"
        )
    with pytest.raises(ValidationError):
        _plan(cast, starts_at=datetime(2018, 1, 5, 18, tzinfo=STOCKHOLM), ends_at=None)
    with pytest.raises(ValidationError):
        _plan(cast, ends_at=NOW + timedelta(days=6))


def test_planning_an_occasion_on_the_staff_page(cast: Cast) -> None:
    url = f"/arbete/rapportera/{cast.walks.pk}/tillfalle/ny/"
    response = client_for(cast.coordinator).post(
        url,
        {
            "starts_at": "2017-09-12T18:00",
            "ends_at": "2017-09-12T19:30",
            "place": "Torget",
            "description": "",
            "public": "on",
        },
    )
    assert response.status_code == 302
    occasion = cast.walks.occasions.get()
    assert occasion.starts_at == datetime(2017, 9, 12, 18, 0, tzinfo=STOCKHOLM)
    # The rescue service reads the promise (it runs the education day) but does not carry
    # the walks out, so it may not plan them.
    refused = client_for(cast.partner).get(f"/arbete/tillfallen/{occasion.pk}/")
    assert refused.status_code == 403
    assert client_for(cast.other_coordinator).get(url).status_code == 404


def _table(url: str) -> list[list[str]]:
    response = client_for().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_csv_tables_hold_the_published_data_only(published: Cast) -> None:
    promises = _table("/oppna-data/loften.csv")
    assert promises[0][:3] == ["promise_id", "municipality_code", "municipality"]
    assert [row[5] for row in promises[1:]] == ["Medborgarlöfte 2017"]
    activities = _table("/oppna-data/aktiviteter.csv?kommun=eslov&ar=2017")
    assert sorted(row[4] for row in activities[1:]) == [
        "safety_walk",
        "school_education",
        "traffic_control",
    ]
    assert _table("/oppna-data/aktiviteter.csv?ar=2018")[1:] == []
    follow_ups = _table("/oppna-data/uppfoljningar.csv")
    assert {row[3] for row in follow_ups[1:]} == {"1"}
    assert _table("/oppna-data/utvarderingar.csv")[1:] == []


def test_the_situation_table_withholds_small_counts(cast: Cast) -> None:
    for n in range(4):
        Complaint.objects.create(
            municipality=cast.eslov,
            received_on=date(2016, 2, 1 + n),
            text="Namn",
            problem="speeding",
        )
    Complaint.objects.create(
        municipality=cast.eslov, received_on=date(2016, 2, 9), text="Namn", problem="fraud"
    )
    assert client_for().get("/oppna-data/lagesbilder.csv").status_code == 400
    assert _table("/oppna-data/lagesbilder.csv?kommun=eslov")[1:] == []
    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    rows = {(row[3], row[4]): row for row in _table("/oppna-data/lagesbilder.csv?kommun=eslov")[1:]}
    assert rows["speeding", "complaints"][5:] == ["4", "", ""]
    assert rows["fraud", "complaints"][5:] == ["", "yes", ""]
    # No dialogue was held in 2016: no data, marked, neither 0 nor withheld.
    assert rows["speeding", "citizen_dialogues"][5:] == ["", "", "yes"]


def test_the_csv_tables_write_no_cell_a_spreadsheet_would_run_as_a_formula(cast: Cast) -> None:
    link = '=HYPERLINK("http://example.com","klick")'
    CitizenPromise.objects.filter(pk=cast.published.pk).update(title=link)
    Activity.objects.filter(pk=cast.controls.pk).update(description="@SUM(A1)")
    Activity.objects.filter(pk=cast.walks.pk).update(description="+1+1")
    Activity.objects.filter(pk=cast.education.pk).update(description="-2")
    promises = _table("/oppna-data/loften.csv")
    assert [row[5] for row in promises[1:]] == ["'" + link]
    activities = _table("/oppna-data/aktiviteter.csv?kommun=eslov")
    written = {row[5]: row[6] for row in activities[1:]}
    # The text is kept, behind an apostrophe; numbers are written as numbers.
    assert written == {"'@SUM(A1)": "30", "'+1+1": "2", "'-2": "1"}


@pytest.mark.parametrize(
    "query", ["kommun=a%0a", 'kommun=a"', "kommun=eslov%0d%0aX:1", "kommun=esl%C3%B6v"]
)
def test_a_malformed_municipality_in_a_csv_query_is_refused(cast: Cast, query: str) -> None:
    for name in ("aktiviteter", "lagesbilder"):
        response = client_for().get(f"/oppna-data/{name}.csv?{query}")
        assert response.status_code == 400
        assert "Content-Disposition" not in response


def test_an_unknown_municipality_in_a_csv_query_is_not_found(cast: Cast) -> None:
    assert client_for().get("/oppna-data/aktiviteter.csv?kommun=nowhere").status_code == 404
    assert client_for().get("/oppna-data/lagesbilder.csv?kommun=nowhere").status_code == 404


def test_a_csv_file_is_named_after_the_table_municipality_and_year(cast: Cast) -> None:
    response = client_for().get("/oppna-data/aktiviteter.csv?kommun=eslov&ar=2017")
    assert response["Content-Disposition"] == ('attachment; filename="aktiviteter-eslov-2017.csv"')


def test_the_calendar_leaves_stored_control_characters_out(cast: Cast) -> None:
    occasion = _plan(cast)
    Occasion.objects.filter(pk=occasion.pk).update(
        place="Stads\x01parken", description="Samling\x0bvid\x1b fontänen."
    )
    with time_machine.travel(NOW):
        response = client_for().get("/kommun/eslov/kalender.ics")
    assert b"\x01" not in response.content and b"\x1b" not in response.content
    event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert str(event["LOCATION"]) == "Stadsparken"
    assert "Samling vid fontänen." in str(event["DESCRIPTION"])
