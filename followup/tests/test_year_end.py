"""Figures up to a promise year's last day give the result, not a pace."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for
from documents.tests.helpers import pdf_text
from followup import services
from followup.selectors import period_figures, suggested_status
from followup.vocabularies import CommitmentStatus
from lib.pace import Pace

from .conftest import log

pytestmark = pytest.mark.django_db


def _paces(cast: Cast, end: date) -> dict[int, str]:
    figures = period_figures(cast.published, date(2017, 7, 1), end)
    return {f.activity.pk: f.progress.pace for f in figures}


def test_the_last_period_of_the_year_tells_the_result(cast: Cast) -> None:
    assert _paces(cast, date(2017, 9, 30))[cast.controls.pk] == Pace.BEHIND
    assert _paces(cast, date(2017, 12, 31))[cast.controls.pk] == Pace.NOT_REACHED
    assert suggested_status([Pace.NOT_REACHED, Pace.REACHED]) == CommitmentStatus.BEHIND


# The pace column of the follow-up and evaluation pages (and documents): "Pace" only while
# the promise runs; once it has ended, the evaluation tells the result and an earlier
# period's follow-up the pace as it stood at that period's end.

NOVEMBER = datetime(2017, 11, 20, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
APRIL = datetime(2017, 4, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_an_ended_promise_s_evaluation_tells_the_result_not_the_pace(cast: Cast) -> None:
    log(cast, cast.controls, date(2017, 3, 1), count=3)
    with time_machine.travel(NOVEMBER, tick=False):
        evaluation = services.evaluation_start(promise=cast.published, by=cast.coordinator)
    line = evaluation.activities.get(activity=cast.controls)
    assert line.pace == Pace.BEHIND, "read in November, while the year ran"
    url = reverse("followup:evaluation", args=[evaluation.pk])
    with time_machine.travel(NOVEMBER, tick=False):
        running = client_for(cast.coordinator).get(url).content.decode()
    assert '<th scope="col">Pace</th>' in running and "Behind pace" in running
    ended = client_for(cast.coordinator).get(url).content.decode()
    assert '<th scope="col">Result</th>' in ended and '<th scope="col">Pace</th>' not in ended
    assert "Target not reached" in ended and "Behind pace" not in ended
    pdf = client_for(cast.coordinator).get(
        reverse("followup:evaluation_download", args=[evaluation.pk, "pdf"])
    )
    text = " ".join(pdf_text(pdf.content)[0].split())
    assert "Result" in text and "Target not reached" in text and "Behind pace" not in text


def test_an_ended_promise_s_follow_up_names_its_pace_as_of_the_period_s_end(cast: Cast) -> None:
    log(cast, cast.controls, date(2017, 3, 1), count=4)
    with time_machine.travel(APRIL, tick=False):
        follow_up = services.follow_up_draft(promise=cast.published, number=1, by=None)
    url = reverse("followup:detail", args=[follow_up.pk])
    with time_machine.travel(APRIL, tick=False):
        running = client_for(cast.coordinator).get(url).content.decode()
    assert '<th scope="col">Pace</th>' in running
    ended = client_for(cast.coordinator).get(url).content.decode()
    assert '<th scope="col">Pace</th>' not in ended
    assert '<th scope="col">Pace then</th>' in ended
    assert 'data-label="Pace then"' in ended
