"""Missing is not zero: an activity whose kind does not count people reached has no reach in
the API and an empty cell in the open data, while one that counts them shows its number."""

import csv
import io
from datetime import date

import pytest

from conftest import client_for
from followup.services import evaluation_refresh
from followup.tests.conftest import publish_evaluation
from promises import services
from promises.vocabularies import ActivityKind, measures_reach

from .conftest import OpenData


@pytest.fixture
def reached(open_data: OpenData) -> OpenData:
    # 14 people walked with the police; the traffic controls (5 logged) count no one.
    services.activity_report_create(
        activity=open_data.cast.walks,
        by=open_data.cast.reporter,
        date=date(2017, 4, 20),
        attendees=14,
    )
    return open_data


def _rows(name: str) -> dict[str, dict[str, str]]:
    text = client_for().get(f"/oppna-data/{name}.csv").content.decode("utf-8")
    rows = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";")
    return {row["activity_id"]: row for row in rows}


def test_which_kinds_count_people_reached() -> None:
    assert measures_reach(ActivityKind.SAFETY_WALK)
    assert measures_reach(ActivityKind.SCHOOL_EDUCATION)
    assert measures_reach(ActivityKind.CITIZEN_DIALOGUE)
    assert not measures_reach(ActivityKind.TRAFFIC_CONTROL)
    assert not measures_reach(ActivityKind.TRAFFIC_OPERATION)
    assert not measures_reach(ActivityKind.PRESENCE_PATROL)


def test_the_api_gives_no_reach_for_a_kind_that_does_not_count_it(reached: OpenData) -> None:
    cast = reached.cast
    promise = client_for().get("/api/v1/promises").json()["results"][0]
    by_id = {a["id"]: a for a in promise["activities"]}
    assert by_id[cast.controls.pk]["done"] == 5
    assert by_id[cast.controls.pk]["reached"] is None
    assert by_id[cast.walks.pk]["reached"] == 14
    assert by_id[cast.education.pk]["reached"] is None, "counts pupils, no report gave them"
    # The two nulls told apart: a kind that never counts, and no data for one that does.
    assert by_id[cast.controls.pk]["measures_reach"] is False
    assert by_id[cast.education.pk]["measures_reach"] is True


def test_the_csv_leaves_the_cell_empty_for_a_kind_that_does_not_count_it(
    reached: OpenData,
) -> None:
    cast = reached.cast
    rows = _rows("aktiviteter")
    assert rows[str(cast.controls.pk)]["done"] == "5"
    assert rows[str(cast.controls.pk)]["reached"] == ""
    assert rows[str(cast.walks.pk)]["reached"] == "14"


def test_a_published_evaluation_keeps_the_same_rule(reached: OpenData) -> None:
    cast = reached.cast
    publish_evaluation(cast, reached.evaluation)
    found = client_for().get("/api/v1/evaluations").json()["results"][0]
    by_id = {a["activity_id"]: a for a in found["activities"]}
    assert (by_id[cast.controls.pk]["done"], by_id[cast.controls.pk]["reached"]) == (5, None)
    assert by_id[cast.walks.pk]["reached"] == 14
    assert [by_id[a.pk]["measures_reach"] for a in (cast.controls, cast.walks)] == [False, True]
    rows = _rows("utvarderingar")
    assert rows[str(cast.controls.pk)]["reached"] == ""
    assert rows[str(cast.walks.pk)]["reached"] == "14"


def test_a_kind_that_does_not_count_people_shows_no_share_of_its_audience(
    reached: OpenData,
) -> None:
    cast = reached.cast
    for activity in (cast.controls, cast.walks):
        activity.audience_size = 70
        activity.save()
        activity.refresh_from_db()
    assert cast.controls.reach_percent is None
    assert cast.walks.reach_percent == 20
    evaluation_refresh(evaluation=reached.evaluation, by=None)
    line = reached.evaluation.activities.get(activity=cast.controls)
    line.audience_size = 70
    assert line.reach_percent is None
    walked = reached.evaluation.activities.get(activity=cast.walks)
    walked.audience_size = 70
    assert walked.reach_percent == 20
