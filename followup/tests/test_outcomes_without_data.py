"""Missing is not zero in a follow-up: an outcome figure (participants, vehicles checked) that
no report of the quarter gave reads "no data for that period" beside the year's figure, on
the page, in the PDF, the Word file and the API; a 0 that a report recorded stays 0."""

import importlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.urls import reverse

from conftest import Cast, client_for
from documents.tests.helpers import docx_text, pdf_text
from followup import services
from followup.models import FollowUp, FollowUpActivity
from followup.selectors import period_figures

from .conftest import log

pytestmark = pytest.mark.django_db

JULY = datetime(2017, 7, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def second_quarter(cast: Cast) -> Cast:
    """A walk with 12 participants in the first quarter and one in the second that counted
    no one; controls that checked 40 vehicles, then 0 recorded in the second quarter."""
    log(cast, cast.walks, date(2017, 2, 10), attendees=12)
    log(cast, cast.walks, date(2017, 5, 10))
    log(cast, cast.controls, date(2017, 3, 1), count=4, vehicles_checked=40)
    log(cast, cast.controls, date(2017, 6, 1), count=2, vehicles_checked=0)
    return cast


def _published(cast: Cast) -> FollowUp:
    with time_machine.travel(JULY, tick=False):
        draft = services.follow_up_draft(promise=cast.published, number=2, by=None)
    services.follow_up_update(
        follow_up=draft,
        by=cast.coordinator,
        expected_version=draft.version,
        assessment="Vandringen i maj räknade inte deltagarna.",
        activity_comments={},
        commitment_judgements={},
    )
    return services.follow_up_approve(follow_up=draft, by=cast.coordinator)


def test_the_period_figure_no_report_gave_is_none_and_a_recorded_zero_stays(
    second_quarter: Cast,
) -> None:
    cast = second_quarter
    figures = {
        f.activity.pk: f.outcomes
        for f in period_figures(cast.published, date(2017, 4, 1), date(2017, 6, 30))
    }
    assert figures[cast.walks.pk]["attendees"] == [None, 12]
    assert figures[cast.controls.pk]["vehicles_checked"] == [0, 40]


def test_the_page_the_pdf_the_word_file_and_the_api_say_no_data_not_zero(
    second_quarter: Cast,
) -> None:
    cast = second_quarter
    _published(cast)
    page = client_for().get(reverse("portal:follow_up", args=["eslov", 2017, 2])).content
    text = " ".join(page.decode().split())
    assert (
        'Participants: <span class="muted">no data for that period</span> '
        '<span class="muted">(12 this year)</span>' in text
    )
    assert "Participants: 0" not in text
    assert 'Vehicles checked: 0 <span class="muted">(40 this year)</span>' in text

    swedish = client_for(language="sv").get(reverse("portal:follow_up", args=["eslov", 2017, 2]))
    swedish_text = " ".join(swedish.content.decode().split())
    assert "Deltagare: <span" in swedish_text and "inga uppgifter för perioden" in swedish_text
    assert "Deltagare: 0" not in swedish_text

    download = "portal:follow_up_download"
    pdf = client_for().get(reverse(download, args=["eslov", 2017, 2, "pdf"]))
    pdf_words = " ".join(pdf_text(pdf.content)[0].split())
    # The table's cells wrap: "period" falls on the next line, beside another column.
    assert "Participants: no data for that" in pdf_words
    assert "Participants: 0" not in pdf_words
    assert "Vehicles checked: 0" in pdf_words
    word = client_for().get(reverse(download, args=["eslov", 2017, 2, "docx"]))
    word_text = docx_text(word.content)[0]
    assert "Participants: no data for that period" in word_text
    assert "Vehicles checked: 0" in word_text

    found = client_for().get("/api/v1/follow-ups", {"municipality": "eslov"}).json()
    (follow_up,) = [f for f in found["results"] if f["period"] == 2]
    outcomes = {a["activity_id"]: a["outcomes"] for a in follow_up["activities"]}
    assert outcomes[cast.walks.pk] == {"attendees": [None, 12]}
    assert outcomes[cast.controls.pk] == {"vehicles_checked": [0, 40]}


# Follow-ups stored before held 0 where no report of the period gave the figure; the data
# migration turns those into None and leaves a 0 that a report gave.

old_outcomes = importlib.import_module(
    "followup.migrations.0007_no_data_is_not_zero_in_old_follow_ups"
)


def test_old_zeros_no_report_gave_become_none_and_recorded_zeros_stay(
    second_quarter: Cast,
) -> None:
    cast = second_quarter
    follow_up = _published(cast)
    lines = FollowUpActivity.objects.filter(follow_up=follow_up)
    walks = lines.get(activity=cast.walks)
    assert walks.outcomes["attendees"] == [None, 12]
    # As the old code stored it.
    lines.filter(pk=walks.pk).update(outcomes={"attendees": [0, 12]})

    old_outcomes.null_missing_outcomes(apps, connection.schema_editor())

    assert lines.get(activity=cast.walks).outcomes == {"attendees": [None, 12]}
    assert lines.get(activity=cast.controls).outcomes == {"vehicles_checked": [0, 40]}
    # Run again: nothing left to change.
    old_outcomes.null_missing_outcomes(apps, connection.schema_editor())
    assert lines.get(activity=cast.walks).outcomes == {"attendees": [None, 12]}
