"""An activity's rate in words, and an activity without a target by what has been done, on
the public and staff pages and in print; and every place that tells a pace (the page, the
follow-up, the reminders, the API) paces an activity with a rate by its rate's periods."""

import re
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from api.outputs import promises_out
from conftest import Cast, client_for
from documents.tests.helpers import docx_text, pdf_text
from followup.models import ReminderSent
from followup.reminders import reminders_send
from followup.services import follow_up_draft
from followup.vocabularies import ReminderKind
from lib.pace import Pace
from promises import selectors, services
from promises.models import Activity
from promises.vocabularies import ActivityKind

pytestmark = pytest.mark.django_db

MAY = date(2017, 5, 10)


@pytest.fixture
def rated(cast: Cast) -> Cast:
    """The safety walks become "minst en gång per termin"; two presence patrols without a
    target join the published promise, one carried out three times, one not yet."""
    Activity.objects.filter(pk=cast.walks.pk).update(rate_count=1, rate_per="term", minimum=True)
    patrols = Activity.objects.create(
        promise=cast.published,
        kind=ActivityKind.PRESENCE_PATROL,
        description="Närvaro i centrum på helgkvällar",
        position=3,
    )
    patrols.responsible.add(cast.police_org)
    Activity.objects.create(
        promise=cast.published,
        kind=ActivityKind.CITIZEN_DIALOGUE,
        description="Dialog med boende i Källebäck",
        position=4,
    )
    for day in (date(2017, 2, 3), date(2017, 5, 4), date(2017, 3, 11)):
        services.activity_report_create(activity=patrols, by=cast.reporter, date=day)
    return cast


def _item(page: str, description: str) -> str:
    """The list item of one activity on a promise page."""
    item = rf'<li class="activity"[^>]*>(?:(?!</li>).)*{description}.*?</li>'
    found = re.search(item, page, re.S)
    assert found, description
    return found.group(0)


def _words(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("staff", [False, True])
def test_the_promise_page_says_the_rate_and_what_was_done_without_a_target(
    rated: Cast, staff: bool
) -> None:
    if staff:
        client = client_for(rated.coordinator, language="sv")
        url = reverse("promises:promise_detail", args=[rated.published.pk])
    else:
        client, url = client_for(language="sv"), "/kommun/eslov/2017/"
    with time_machine.travel(MAY):
        page = client.get(url).content.decode()
    walks = _words(_item(page, "Trygghetsvandringar"))
    assert "Trygghetsvandring: minst 1 gång per termin · 2 under året" in walks
    # The spring term has not ended: no walk is due yet.
    assert "I takt" in walks
    patrols = _item(page, "Närvaro i centrum")
    assert "Genomförd 3 gånger, senast 4 maj" in _words(patrols)
    never = _item(page, "Dialog med boende")
    assert "Inte genomförd ännu" in _words(never)
    for uncounted in (patrols, never):
        assert 'class="bar"' not in uncounted
        assert 'class="pace"' not in uncounted
        assert "Inget mål" not in uncounted
    assert "En aktivitet med en takt" in page


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_printed_promise_says_the_rate_and_what_was_done(rated: Cast, fmt: str) -> None:
    with time_machine.travel(MAY):
        response = client_for(language="sv").get(
            reverse("portal:promise_download", args=["eslov", 2017, fmt])
        )
    assert response.status_code == 200
    text = pdf_text(response.content)[0] if fmt == "pdf" else docx_text(response.content)[0]
    text = re.sub(r"\s+", " ", text)
    # A PDF's text comes out line by line across the table's columns: a wrapped cell is split.
    done = ["Genomförd 3 gånger, senast 4 maj"] if fmt == "docx" else ["Genomförd 3 gånger"]
    for expected in ("minst 1 gång per termin · 2 under året", *done, "Inte genomförd ännu"):
        assert expected in text, expected
    assert "Inget mål" not in text


def test_the_api_carries_the_rate_and_the_minimum(rated: Cast) -> None:
    with time_machine.travel(MAY):
        response = client_for().get("/api/v1/promises?municipality=eslov&year=2017")
    activities = {a["description"]: a for a in response.json()["results"][0]["activities"]}
    walks = activities["Trygghetsvandringar"]
    assert (walks["rate"], walks["minimum"], walks["target"]) == (
        {"count": 1, "per": "term"},
        True,
        2,
    )
    assert walks["pace"] == "on_track"
    assert activities["Trafikkontroller"]["rate"] is None
    assert activities["Trafikkontroller"]["minimum"] is False


def test_the_activities_table_has_the_rate_in_its_last_columns(rated: Cast) -> None:
    response = client_for().get("/oppna-data/aktiviteter.csv?kommun=eslov&ar=2017")
    rows = [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]
    header = rows[0]
    assert header[-3:] == ["rate_count", "rate_per", "minimum"]
    by_description = {row[header.index("description")]: row for row in rows[1:]}
    assert by_description["Trygghetsvandringar"][-3:] == ["1", "term", "yes"]
    assert by_description["Trafikkontroller"][-3:] == ["", "", "no"]


def test_the_follow_up_the_page_the_api_and_the_reminders_agree_on_a_rates_pace(
    rated: Cast,
) -> None:
    # 31 March: an even spread of two walks would have 0.5 due and call none done behind;
    # "once a term" has nothing due before the spring term ends on 30 June.
    with time_machine.travel(date(2017, 4, 2), tick=False):
        follow_up = follow_up_draft(promise=rated.published, number=1, by=None)
    line = follow_up.activities.get(activity=rated.walks)
    end = follow_up.period_end
    page = selectors.activity_progress(Activity.objects.get(pk=rated.walks.pk), end)
    assert (line.expected, line.pace) == (page.progress.expected, page.progress.pace)
    assert (line.expected, line.pace) == (0.0, Pace.ON_TRACK)
    with time_machine.travel(end):
        api = promises_out(lambda *a: "", [rated.published])
    walks = next(a for a in api[0]["activities"] if a["id"] == rated.walks.pk)
    assert walks["pace"] == "on_track"
    rated.coordinator.email = "coordinator@example.se"
    rated.coordinator.save(update_fields=["email"])
    # No reminder for the walks in April; one once the spring term has ended without a walk.
    reminders_send(date(2017, 4, 20))
    behind = ReminderSent.objects.filter(kind=ReminderKind.ACTIVITY_BEHIND)
    assert not behind.filter(about=f"activity:{rated.walks.pk}:2").exists()
    reminders_send(date(2017, 7, 3))
    assert behind.filter(about=f"activity:{rated.walks.pk}:3").exists()
    assert any("I den takt som utlovats" in m.body for m in mail.outbox)


def test_a_rate_of_one_reads_as_once_in_english_and_stays_a_count_in_swedish(
    rated: Cast,
) -> None:
    with time_machine.travel(MAY):
        english = _words(client_for(language="en").get("/kommun/eslov/2017/").content.decode())
        swedish = _words(client_for(language="sv").get("/kommun/eslov/2017/").content.decode())
    assert "Safety walk: at least once a term · 2 in the year" in english
    assert "1 time" not in english
    assert "Trygghetsvandring: minst 1 gång per termin · 2 under året" in swedish
    Activity.objects.filter(pk=rated.walks.pk).update(rate_count=2, rate_per="month")
    with time_machine.travel(MAY):
        english = _words(client_for(language="en").get("/kommun/eslov/2017/").content.decode())
    assert "at least 2 times a month" in english


def test_the_import_preview_says_once_a_month_in_english(cast: Cast) -> None:
    text = (
        "Medborgarlöfte Eslöv 2019\n\nAktiviteter\n"
        "- Gemensam trygghetsvandring en gång i månaden.\n"
    )
    page = client_for(cast.coordinator, language="en").post(
        "/arbete/inlasning/", {"municipality": cast.eslov.pk, "text": text}
    )
    assert "once a month, 12 a year" in _words(page.content.decode())


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_printed_promise_says_at_least_of_a_target_without_a_rate(cast: Cast, fmt: str) -> None:
    Activity.objects.filter(pk=cast.controls.pk).update(minimum=True, unit="kontroller")
    with time_machine.travel(MAY):
        response = client_for(language="sv").get(
            reverse("portal:promise_download", args=["eslov", 2017, fmt])
        )
    text = pdf_text(response.content)[0] if fmt == "pdf" else docx_text(response.content)[0]
    # As the page says it: "Trafikkontroll: minst 30 kontroller".
    assert "minst 30 kontroller" in re.sub(r"\s+", " ", text)


def test_the_officer_logging_an_activity_sees_its_rate(rated: Cast) -> None:
    """The chooser and the report form say how often the activity is promised, beside the
    count done, so the officer on the spot knows what is due."""
    client = client_for(rated.coordinator, language="sv")
    chooser = client.get(reverse("promises:report_choose")).content.decode()
    assert "minst 1 gång per termin" in chooser
    form = client.get(reverse("promises:report_create", args=[rated.walks.pk]))
    assert "minst 1 gång per termin" in form.content.decode()


def test_a_rate_per_day_is_shown_per_day(rated: Cast) -> None:
    Activity.objects.filter(pk=rated.walks.pk).update(rate_count=1, rate_per="day", target=365)
    with time_machine.travel(MAY):
        swedish = _words(client_for(language="sv").get("/kommun/eslov/2017/").content.decode())
        english = _words(client_for(language="en").get("/kommun/eslov/2017/").content.decode())
    assert "Trygghetsvandring: minst 1 gång per dag · 365 under året" in swedish
    assert "Safety walk: at least once a day · 365 in the year" in english
