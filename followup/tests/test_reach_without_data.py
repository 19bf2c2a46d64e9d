"""Missing is not zero in an activity's reach: a walk whose reports counted no participants
has no reach ("no data for that period", `null` in the API, an empty open-data cell), not a
reach of 0, on the promise page, the staff page, the evaluation and its PDF and Word files;
a 0 that a report recorded stays 0, and no share of the audience is computed from no data."""

import csv
import importlib
import io
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
from followup.models import Evaluation, EvaluationActivity
from promises import services as promise_services
from promises.models import Activity

from .conftest import log, publish_evaluation

pytestmark = pytest.mark.django_db

NOVEMBER = datetime(2017, 11, 20, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def uncounted(cast: Cast) -> Cast:
    """Two walks for an audience of 50 that counted no one (and one that counted 9, then was
    removed); a school day for 400 pupils that recorded 0 reached."""
    for activity, size in ((cast.walks, 50), (cast.education, 400)):
        Activity.objects.filter(pk=activity.pk).update(audience_size=size)
    log(cast, cast.walks, date(2017, 4, 5))
    log(cast, cast.walks, date(2017, 5, 10))
    counted = log(cast, cast.walks, date(2017, 6, 1), attendees=9)
    promise_services.activity_report_remove(report=counted, by=cast.coordinator)
    log(cast, cast.education, date(2017, 5, 11), pupils_reached=0)
    for activity in (cast.walks, cast.education):
        activity.refresh_from_db()
    return cast


def _text(response: object) -> str:
    return " ".join(response.content.decode().split())  # type: ignore[attr-defined]


def test_the_recount_sums_only_given_figures_of_live_reports(uncounted: Cast) -> None:
    cast = uncounted
    assert (cast.walks.reached_count, cast.walks.reach_percent) == (None, None)
    assert (cast.education.reached_count, cast.education.reach_percent) == (0, 0)
    removed = cast.walks.reports.get(attendees=9)
    promise_services.activity_report_restore(report=removed, by=cast.coordinator)
    cast.walks.refresh_from_db()
    assert (cast.walks.reached_count, cast.walks.reach_percent) == (9, 18)


def test_the_promise_pages_say_no_data_and_show_a_recorded_zero(uncounted: Cast) -> None:
    cast = uncounted
    public = _text(client_for().get(reverse("portal:promise", args=["eslov", 2017])))
    staff_url = reverse("promises:promise_detail", args=[cast.published.pk])
    staff = _text(client_for(cast.coordinator).get(staff_url))
    for page in (public, staff):
        assert "Reach: no data for that period" in page
        assert "reached 0 of 400 (0 %)" in page
        assert "reached 0 of 50" not in page
    swedish = _text(client_for(language="sv").get(reverse("portal:promise", args=["eslov", 2017])))
    assert "Räckvidd: inga uppgifter för perioden" in swedish
    assert "nådde 0 av 400 (0 %)" in swedish


def test_the_api_and_the_open_data_give_no_reach_not_zero(uncounted: Cast) -> None:
    cast = uncounted
    promise = client_for().get("/api/v1/promises").json()["results"][0]
    reached = {a["id"]: a["reached"] for a in promise["activities"]}
    assert reached[cast.walks.pk] is None
    assert reached[cast.education.pk] == 0
    text = client_for().get("/oppna-data/aktiviteter.csv").content.decode("utf-8-sig")
    rows = {r["activity_id"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows[str(cast.walks.pk)]["reached"] == ""
    assert rows[str(cast.education.pk)]["reached"] == "0"


def _published_evaluation(cast: Cast) -> Evaluation:
    with time_machine.travel(NOVEMBER, tick=False):
        evaluation = services.evaluation_start(promise=cast.published, by=cast.coordinator)
    commitment = cast.published.commitments.get()
    services.evaluation_update(
        evaluation=evaluation,
        by=cast.coordinator,
        expected_version=evaluation.version,
        summary="Vandringarna räknade inte deltagarna.",
        commitment_texts={commitment.pk: ("Vi fortsätter.", "Kontrollerna", True)},
        activity_carry_over={},
    )
    with time_machine.travel(NOVEMBER, tick=False):
        return publish_evaluation(cast, evaluation)


def test_the_evaluation_keeps_no_reach_as_no_data_everywhere(uncounted: Cast) -> None:
    cast = uncounted
    evaluation = _published_evaluation(cast)
    lines = {line.activity_id: line for line in evaluation.activities.all()}
    assert (lines[cast.walks.pk].reached, lines[cast.walks.pk].reach_percent) == (None, None)
    assert (lines[cast.education.pk].reached, lines[cast.education.pk].reach_percent) == (0, 0)

    no_data = '<td data-label="Reach"><span class="muted">no data for that period</span></td>'
    page = _text(client_for().get(reverse("portal:evaluation", args=["eslov", 2017])))
    assert no_data in page
    assert '<td data-label="Reach">0 of 400 (0 %)</td>' in page
    staff = _text(
        client_for(cast.coordinator).get(reverse("followup:evaluation", args=[evaluation.pk]))
    )
    assert no_data in staff
    swedish = _text(
        client_for(language="sv").get(reverse("portal:evaluation", args=["eslov", 2017]))
    )
    assert "inga uppgifter för perioden" in swedish

    download = "portal:evaluation_download"
    word = docx_text(client_for().get(reverse(download, args=["eslov", 2017, "docx"])).content)[0]
    rows = {line.split(" | ")[0]: line.split(" | ") for line in word.splitlines() if " | " in line}
    assert rows["Safety walk: Trygghetsvandringar"][3] == "no data for that period"
    assert rows["School education: Utbildningsdag"][3] == "0 of 400 (0 %)"
    assert rows["Traffic control: Trafikkontroller"][3] == "–"
    pdf = client_for().get(reverse(download, args=["eslov", 2017, "pdf"]))
    pdf_words = " ".join(pdf_text(pdf.content)[0].split())
    # The table's cells wrap: "period" may fall on the next line, beside another column.
    assert "no data for that" in pdf_words
    assert "0 of 400 (0 %)" in pdf_words

    found = client_for().get("/api/v1/evaluations").json()["results"][0]
    reached = {a["activity_id"]: a["reached"] for a in found["activities"]}
    assert (reached[cast.walks.pk], reached[cast.education.pk]) == (None, 0)
    text = client_for().get("/oppna-data/utvarderingar.csv").content.decode("utf-8-sig")
    cells = {
        r["activity_id"]: r["reached"] for r in csv.DictReader(io.StringIO(text), delimiter=";")
    }
    assert (cells[str(cast.walks.pk)], cells[str(cast.education.pk)]) == ("", "0")


# Activities and evaluations stored before held 0 where no report gave the figure; the data
# migrations turn those into None and leave a 0 that a report gave.

activity_reach = importlib.import_module("promises.migrations.0015_reach_without_data")
evaluation_reach = importlib.import_module("followup.migrations.0008_reach_without_data")


def test_old_activity_zeros_no_live_report_gave_become_none(uncounted: Cast) -> None:
    cast = uncounted
    # As the old recount stored them: 0 for the uncounted walks and the controls.
    Activity.objects.update(reached_count=0)

    activity_reach.null_reach_no_report_gave(apps, connection.schema_editor())

    stored = dict(Activity.objects.values_list("pk", "reached_count"))
    # The removed report's 9 does not count, as in the recount.
    assert stored[cast.walks.pk] is None
    assert stored[cast.controls.pk] is None
    assert stored[cast.education.pk] == 0
    activity_reach.null_reach_no_report_gave(apps, connection.schema_editor())
    assert dict(Activity.objects.values_list("pk", "reached_count")) == stored

    activity_reach.zero_missing_reach(apps, connection.schema_editor())
    assert set(Activity.objects.values_list("reached_count", flat=True)) == {0}


def test_old_evaluation_zeros_no_report_gave_become_none(uncounted: Cast) -> None:
    cast = uncounted
    evaluation = _published_evaluation(cast)
    lines = EvaluationActivity.objects.filter(evaluation=evaluation)
    lines.update(reached=0)

    evaluation_reach.null_reach_no_report_gave(apps, connection.schema_editor())

    stored = dict(lines.values_list("activity_id", "reached"))
    # The walk's removed report gave 9 before the evaluation's day: that 0 may have been read
    # when a figure was there, so it is not taken for no data.
    assert stored[cast.walks.pk] == 0
    assert stored[cast.education.pk] == 0
    assert stored[cast.controls.pk] is None


def test_an_evaluation_zero_no_report_ever_gave_becomes_none(uncounted: Cast) -> None:
    cast = uncounted
    cast.walks.reports.filter(attendees=9).delete()
    evaluation = _published_evaluation(cast)
    lines = EvaluationActivity.objects.filter(evaluation=evaluation)
    lines.update(reached=0)

    evaluation_reach.null_reach_no_report_gave(apps, connection.schema_editor())

    stored = dict(lines.values_list("activity_id", "reached"))
    assert (stored[cast.walks.pk], stored[cast.education.pk]) == (None, 0)
    evaluation_reach.zero_missing_reach(apps, connection.schema_editor())
    assert set(lines.values_list("reached", flat=True)) == {0}
