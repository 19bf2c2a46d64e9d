from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from accounts.models import User
from lib.policefeed import parse_record
from places.models import Municipality
from promises.demo import load_demo
from situation.demo import EVENT_MIX, INVENTED, feed_year, load_evidence
from situation.models import Complaint, Concern, Dialogue, PoliceEvent, PublishedPicture
from situation.selectors import year_picture
from situation.vocabularies import Problem, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def eslov() -> Municipality:
    load_demo(date(2017, 6, 1))
    assert load_evidence(User.objects.get(username="samordnare.eslov")) is True
    return Municipality.objects.get(slug="eslov")


def test_the_2015_picture_puts_traffic_in_central_eslov_first(eslov: Municipality) -> None:
    picture = year_picture(eslov, 2015)
    top = [row.problem for row in picture.rows[:3]]
    assert Problem.SPEEDING in top and Problem.UNPROTECTED_ROAD_USERS in top
    first = picture.rows[0]
    assert {Source.COMPLAINTS, Source.CITIZEN_DIALOGUES} <= set(first.seen_by)


def test_the_2016_picture_brings_drink_driving_forward_with_the_employee_dialogue(
    eslov: Municipality,
) -> None:
    rows = {row.problem: row for row in year_picture(eslov, 2016).rows}
    impaired = rows[Problem.IMPAIRED_DRIVING]
    assert Source.EMPLOYEE_DIALOGUES in impaired.seen_by
    assert Source.POLICE_EVENTS in impaired.seen_by and Source.CRIME_STATISTICS in impaired.seen_by


def test_the_evidence_is_marked_invented_and_loaded_once(eslov: Municipality) -> None:
    assert all(INVENTED in text for text in Complaint.objects.values_list("text", flat=True))
    assert all(INVENTED in t for t in Dialogue.objects.values_list("title", flat=True))
    assert all("Påhittad" in s for s in PoliceEvent.objects.values_list("summary", flat=True))
    counts = (Complaint.objects.count(), Concern.objects.count(), PoliceEvent.objects.count())
    assert load_evidence(None) is False
    assert counts == (
        Complaint.objects.count(),
        Concern.objects.count(),
        PoliceEvent.objects.count(),
    )
    assert list(PublishedPicture.objects.values_list("year", flat=True).order_by("year")) == [
        2015,
        2016,
    ]


def test_the_demo_feed_is_written_in_the_feeds_own_format() -> None:
    import random

    records = feed_year("Eslöv", 2016, random.Random(1))
    assert Counter(r["type"] for r in records)["Trafikkontroll"] == round(
        EVENT_MIX["Trafikkontroll"] * 1.08
    )
    for record in records:
        event = parse_record(record)
        hour = record["datetime"].split(" ")[1].split(":")[0]
        assert hour == str(int(hour))  # the hour is not padded, as in the feed
        assert event.happened_at.year == 2016 or event.happened_at.month == 12
    assert all(r["location"]["gps"].count(",") == 1 for r in records)


def test_demo_events_are_placed_in_eslov(eslov: Municipality) -> None:
    assert not PoliceEvent.objects.exclude(municipality=eslov).exists()
    assert PoliceEvent.objects.filter(problem="").exists()  # summaries and fires: not counted


def test_the_thread_from_evidence_to_the_2016_promise_is_visible(eslov: Municipality) -> None:
    from django.test import Client

    from promises.models import CitizenPromise
    from situation.selectors import promise_why

    promise = CitizenPromise.objects.get(municipality=eslov, year=2016)
    why = promise_why(promise, public=True)
    assert why.year == 2015 and why.figures_shown
    _commitment, reasons = why.commitments[0]
    unprotected = next(r for r in reasons if r.problem == Problem.UNPROTECTED_ROAD_USERS)
    assert unprotected.figures[Source.COMPLAINTS] == 6
    assert unprotected.cited == []  # the public never gets the records
    page = Client().get("/kommun/eslov/2016/", HTTP_COOKIE="django_language=en").content.decode()
    assert "Why this promise" in page and "6 complaints" in page


def _user(username: str) -> int:
    return User.objects.get(username=username).pk


def test_the_demo_pictures_were_approved_by_both_parties_the_february_after(
    eslov: Municipality,
) -> None:
    from situation.models import PictureApproval
    from situation.selectors import figures_fingerprint, published_fingerprint

    for year in (2015, 2016):
        approvals = PictureApproval.objects.filter(municipality=eslov, year=year)
        days = {
            a.party: (a.approved_by_id, timezone.localtime(a.approved_at).date()) for a in approvals
        }
        assert days == {
            "municipality": (_user("samordnare.eslov"), date(year + 1, 2, 8)),
            "police": (_user("samordnare.polis.eslov"), date(year + 1, 2, 12)),
        }
        published = PublishedPicture.objects.get(municipality=eslov, year=year)
        assert timezone.localtime(published.published_at).date() == date(year + 1, 2, 12)
        # What was published is what both approved, read back from the frozen figures.
        fingerprint = figures_fingerprint(year_picture(eslov, year))
        assert published_fingerprint(published) == fingerprint
        assert {a.figures_fingerprint for a in approvals} == {fingerprint}
