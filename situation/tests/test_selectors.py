from datetime import UTC, date, datetime

import pytest

from places.models import Municipality
from situation.models import CrimeStatistic, SurveyResult
from situation.selectors import records_behind, situation_picture, year_picture
from situation.tests.factories import complaint, concern, event
from situation.vocabularies import DialogueKind, Problem, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def eslov() -> Municipality:
    return Municipality.objects.get(name="Eslöv")


def test_a_problem_seen_in_complaints_dialogues_and_events_ranks_first(
    eslov: Municipality,
) -> None:
    for month in range(1, 13):
        for _ in range(5):
            event(eslov, Problem.BURGLARY, date(2015, month, 10))
    complaint(eslov, Problem.SPEEDING, date(2015, 3, 2))
    complaint(eslov, Problem.SPEEDING, date(2015, 9, 2))
    concern(eslov, Problem.SPEEDING, date(2015, 10, 1), voiced_by=12)
    event(eslov, Problem.SPEEDING, date(2015, 5, 5))
    event(eslov, Problem.SPEEDING, date(2015, 6, 5))
    event(eslov, Problem.SPEEDING, date(2015, 7, 5))

    picture = year_picture(eslov, 2015)
    assert [row.problem for row in picture.rows] == [Problem.SPEEDING, Problem.BURGLARY]
    speeding = picture.rows[0]
    assert speeding.figures == {
        Source.COMPLAINTS: 2,
        Source.CITIZEN_DIALOGUES: 12,
        Source.POLICE_EVENTS: 3,
    }
    assert speeding.seen_by == [Source.COMPLAINTS, Source.CITIZEN_DIALOGUES, Source.POLICE_EVENTS]
    assert speeding.now == 17
    assert speeding.monthly == [0, 0, 1, 0, 1, 1, 1, 0, 1, 12, 0, 0]
    assert picture.totals[Source.POLICE_EVENTS] == 63


def test_the_change_leaves_out_a_source_with_no_records_in_one_period(
    eslov: Municipality,
) -> None:
    """2014 had citizen dialogues and 2015 none: the dialogues' voices must not read as a
    fall. Only the complaints, recorded in both years, are compared."""
    for day in (1, 2, 3, 4):
        complaint(eslov, Problem.LITTERING, date(2014, 6, day))
    concern(eslov, Problem.LITTERING, date(2014, 9, 1), voiced_by=40)
    for day in (1, 2, 3, 4, 5, 6):
        complaint(eslov, Problem.LITTERING, date(2015, 6, day))
    littering = year_picture(eslov, 2015).rows[0]
    assert littering.problem == Problem.LITTERING
    assert littering.change == 0.5


def test_the_trend_compares_with_the_year_before(eslov: Municipality) -> None:
    for day in (1, 2, 3, 4):
        complaint(eslov, Problem.LITTERING, date(2014, 6, day))
    for day in (1, 2):
        complaint(eslov, Problem.LITTERING, date(2015, 6, day))
    row = year_picture(eslov, 2015).rows[0]
    assert (row.now, row.before) == (2, 4)
    assert row.change == pytest.approx(-0.5)


def test_other_municipalities_years_and_county_events_stay_out(eslov: Municipality) -> None:
    lund = Municipality.objects.get(name="Lund")
    complaint(lund, Problem.VANDALISM, date(2015, 4, 1))
    complaint(eslov, Problem.VANDALISM, date(2016, 1, 1))
    event(None, Problem.VANDALISM, date(2015, 4, 1))
    complaint(eslov, Problem.THEFT, date(2015, 12, 31))
    picture = year_picture(eslov, 2015)
    assert [row.problem for row in picture.rows] == [Problem.THEFT]


def test_events_count_in_the_month_of_swedish_local_time(eslov: Municipality) -> None:
    # 31 December 23:30 UTC is already New Year's Day in Sweden.
    event(eslov, Problem.VIOLENCE, datetime(2014, 12, 31, 23, 30, tzinfo=UTC))
    picture = year_picture(eslov, 2015)
    assert picture.rows[0].monthly[0] == 1 and picture.rows[0].before == 0


def test_employee_dialogues_are_a_source_of_their_own(eslov: Municipality) -> None:
    concern(eslov, Problem.DRUG_DEALING, date(2015, 2, 1), voiced_by=3, kind=DialogueKind.EMPLOYEE)
    row = year_picture(eslov, 2015).rows[0]
    assert row.figures == {Source.EMPLOYEE_DIALOGUES: 3}


def test_statistics_and_surveys_of_the_year_count_as_sources(eslov: Municipality) -> None:
    CrimeStatistic.objects.create(
        municipality=eslov,
        year=2015,
        category="Skadegörelse",
        problem=Problem.VANDALISM,
        reported=410,
    )
    CrimeStatistic.objects.create(
        municipality=eslov,
        year=2014,
        category="Skadegörelse",
        problem=Problem.VANDALISM,
        reported=300,
    )
    SurveyResult.objects.create(
        municipality=eslov, year=2015, question="Klotter", problem=Problem.VANDALISM, share=31
    )
    SurveyResult.objects.create(
        municipality=eslov,
        area="Centrum",
        year=2015,
        question="Klotter",
        problem=Problem.VANDALISM,
        share=44,
    )
    row = year_picture(eslov, 2015).rows[0]
    assert row.figures == {Source.CRIME_STATISTICS: 410, Source.SAFETY_SURVEYS: 44}
    assert row.seen_by == [Source.CRIME_STATISTICS, Source.SAFETY_SURVEYS]


def test_a_quarter_is_a_period_too(eslov: Municipality) -> None:
    complaint(eslov, Problem.FRAUD, date(2015, 5, 1))
    complaint(eslov, Problem.FRAUD, date(2015, 2, 1))
    picture = situation_picture(municipality=eslov, start=date(2015, 4, 1), end=date(2015, 7, 1))
    assert picture.previous_start == date(2015, 1, 1)
    assert len(picture.months) == 3
    assert (picture.rows[0].now, picture.rows[0].before) == (1, 1)


def test_the_records_behind_a_figure_are_exactly_those_counted(eslov: Municipality) -> None:
    kept = complaint(eslov, Problem.SPEEDING, date(2015, 3, 2))
    complaint(eslov, Problem.SPEEDING, date(2016, 3, 2))
    complaint(eslov, Problem.LITTERING, date(2015, 3, 2))
    found = records_behind(
        municipality=eslov,
        source=Source.COMPLAINTS,
        problem=Problem.SPEEDING,
        start=date(2015, 1, 1),
        end=date(2016, 1, 1),
    )
    assert list(found) == [kept]


def test_the_picture_takes_a_fixed_number_of_queries(
    eslov: Municipality, django_assert_num_queries: object
) -> None:
    for month in range(1, 13):
        complaint(eslov, Problem.SPEEDING, date(2015, month, 1))
        event(eslov, Problem.BURGLARY, date(2015, month, 1))
        concern(eslov, Problem.LITTERING, date(2015, month, 1))
    # Which sources have any record at all (missing is not zero), now and in the period
    # before (the change compares only sources with records in both).
    with django_assert_num_queries(7):  # type: ignore[operator]
        year_picture(eslov, 2015)
