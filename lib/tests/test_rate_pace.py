"""An activity with a rate is paced by its rate's periods that have fully ended, at the edges
of those periods: months, quarters, calendar weeks 52 and 53, school terms, a leap year."""

from datetime import date

import pytest

from lib.pace import Pace, Phase, Rate, activity_pace
from lib.periods import PER_YEAR, period_ends, periods_ended


def _pace(done: int, target: int, day: date, rate: Rate) -> tuple[float, Pace]:
    found = activity_pace(done, target, year=day.year, today=day, rate=rate)
    return found.expected, found.pace


@pytest.mark.parametrize("per", list(PER_YEAR))
@pytest.mark.parametrize("year", [2016, 2020, 2024, 2026, 2027])
def test_every_rate_has_as_many_periods_as_its_year_counts_all_ended_on_31_december(
    per: str, year: int
) -> None:
    ends = period_ends(per, year)
    assert len(ends) == PER_YEAR[per]
    assert ends == sorted(ends)
    assert all(end.year == year for end in ends)
    assert periods_ended(per, year, date(year, 12, 31)) == PER_YEAR[per]
    assert periods_ended(per, year, date(year - 1, 12, 31)) == 0


@pytest.mark.parametrize(
    ("day", "ended"),
    [
        (date(2017, 1, 1), 0),
        (date(2017, 1, 30), 0),
        (date(2017, 1, 31), 1),
        (date(2017, 2, 1), 1),
        (date(2017, 2, 28), 2),
        (date(2016, 2, 28), 1),
        (date(2016, 2, 29), 2),
        (date(2017, 11, 30), 11),
        (date(2017, 12, 30), 11),
        (date(2017, 12, 31), 12),
    ],
)
def test_a_month_ends_on_its_last_day_february_too_in_a_leap_year(day: date, ended: int) -> None:
    assert periods_ended("month", day.year, day) == ended


def test_a_monthly_activity_is_behind_only_once_a_month_has_ended_without_it() -> None:
    monthly = Rate(1, "month")
    # Nothing is due in January: none done is on pace, one done is on pace, not ahead.
    assert _pace(0, 12, date(2017, 1, 30), monthly) == (0.0, Pace.ON_TRACK)
    assert _pace(1, 12, date(2017, 1, 15), monthly) == (0.0, Pace.ON_TRACK)
    assert _pace(2, 12, date(2017, 1, 15), monthly)[1] == Pace.AHEAD
    # On the month's last day it has ended: one is expected.
    assert _pace(0, 12, date(2017, 1, 31), monthly) == (1.0, Pace.BEHIND)
    assert _pace(1, 12, date(2017, 1, 31), monthly) == (1.0, Pace.ON_TRACK)
    # An even spread would call 5 of 12 behind on 30 June (6.0 expected); so does the rate.
    assert _pace(5, 12, date(2017, 6, 30), monthly) == (6.0, Pace.BEHIND)
    assert _pace(5, 12, date(2017, 6, 29), monthly) == (5.0, Pace.ON_TRACK)


@pytest.mark.parametrize(
    ("day", "expected", "pace"),
    [
        (date(2024, 1, 1), 0.0, Pace.ON_TRACK),
        (date(2024, 4, 15), 0.0, Pace.ON_TRACK),
        (date(2024, 6, 29), 0.0, Pace.ON_TRACK),
        (date(2024, 6, 30), 4.0, Pace.BEHIND),
        (date(2024, 7, 31), 4.0, Pace.BEHIND),
        (date(2024, 8, 1), 4.0, Pace.BEHIND),
        (date(2024, 12, 30), 4.0, Pace.BEHIND),
        (date(2024, 12, 31), 8.0, Pace.BEHIND),
    ],
)
def test_a_termly_activity_is_due_when_each_term_ends(
    day: date, expected: float, pace: Pace
) -> None:
    # "Minst fyra gånger per termin" with nothing done: not behind in April.
    assert _pace(0, 8, day, Rate(4, "term")) == (expected, pace)


def test_the_autumn_term_is_under_way_from_july() -> None:
    termly = Rate(4, "term")
    # With the spring term's four done, the autumn's may be begun in July or August.
    assert _pace(4, 8, date(2024, 7, 10), termly)[1] == Pace.ON_TRACK
    assert _pace(8, 8, date(2024, 7, 10), termly)[1] == Pace.REACHED
    assert _pace(7, 8, date(2024, 9, 1), termly)[1] == Pace.ON_TRACK
    # Before the spring term has ended, more than its four is ahead.
    assert _pace(5, 8, date(2024, 3, 1), termly)[1] == Pace.AHEAD


@pytest.mark.parametrize(
    ("day", "ended"),
    [
        (date(2017, 3, 30), 0),
        (date(2017, 3, 31), 1),
        (date(2017, 6, 30), 2),
        (date(2017, 9, 30), 3),
        (date(2017, 12, 30), 3),
        (date(2017, 12, 31), 4),
    ],
)
def test_a_quarter_ends_on_its_last_day(day: date, ended: int) -> None:
    assert periods_ended("quarter", 2017, day) == ended


@pytest.mark.parametrize(
    ("day", "ended"),
    [
        # 2026 has 53 calendar weeks: week 1 begins Monday 29 December 2025 and ends Sunday
        # 4 January; week 52 ends Sunday 27 December, and week 53 asks for nothing more.
        (date(2026, 1, 3), 0),
        (date(2026, 1, 4), 1),
        (date(2026, 12, 26), 51),
        (date(2026, 12, 27), 52),
        (date(2026, 12, 31), 52),
        # 2027's week 52 runs to Sunday 2 January 2028: for the year it ends on 31 December.
        (date(2027, 12, 26), 51),
        (date(2027, 12, 30), 51),
        (date(2027, 12, 31), 52),
        # 2021 begins in week 53 of 2020, which is not 2021's: its week 1 ends 10 January.
        (date(2021, 1, 3), 0),
        (date(2021, 1, 9), 0),
        (date(2021, 1, 10), 1),
    ],
)
def test_weeks_are_the_calendar_weeks_of_the_year(day: date, ended: int) -> None:
    assert periods_ended("week", day.year, day) == ended


def test_a_weekly_activity_is_expected_once_for_each_week_that_has_ended() -> None:
    weekly = Rate(2, "week")
    assert _pace(0, 104, date(2026, 1, 3), weekly) == (0.0, Pace.ON_TRACK)
    assert _pace(2, 104, date(2026, 1, 3), weekly) == (0.0, Pace.ON_TRACK)
    assert _pace(3, 104, date(2026, 1, 3), weekly)[1] == Pace.AHEAD
    assert _pace(1, 104, date(2026, 1, 4), weekly) == (2.0, Pace.BEHIND)
    assert _pace(102, 104, date(2026, 12, 30), weekly) == (104.0, Pace.BEHIND)


def test_a_yearly_rate_is_due_only_at_the_end_of_the_year() -> None:
    yearly = Rate(10, "year")
    assert _pace(0, 10, date(2016, 12, 30), yearly) == (0.0, Pace.ON_TRACK)
    assert _pace(9, 10, date(2016, 12, 31), yearly) == (10.0, Pace.BEHIND)


def test_a_target_below_the_rates_year_is_read_as_the_years_last_periods() -> None:
    # A monthly activity of a promise that starts in July: six, none due before July ends.
    monthly = Rate(1, "month")
    assert _pace(0, 6, date(2017, 6, 30), monthly) == (0.0, Pace.ON_TRACK)
    assert _pace(0, 6, date(2017, 7, 30), monthly) == (0.0, Pace.ON_TRACK)
    assert _pace(0, 6, date(2017, 7, 31), monthly) == (1.0, Pace.BEHIND)
    assert _pace(3, 6, date(2017, 9, 30), monthly) == (3.0, Pace.ON_TRACK)


def test_a_target_beyond_the_rates_year_is_spread_evenly() -> None:
    # Twenty promised "at least once a month": the rate cannot reach it, the year can.
    found = activity_pace(0, 20, year=2017, today=date(2017, 1, 31), rate=Rate(1, "month"))
    assert found.expected == pytest.approx(20 * 31 / 365)
    assert found.pace == Pace.BEHIND


def test_without_a_rate_the_target_is_spread_evenly_over_the_year() -> None:
    found = activity_pace(0, 1, year=2017, today=date(2017, 7, 2))
    assert found.expected == pytest.approx(183 / 365)
    assert found.pace == Pace.BEHIND


def test_a_rate_has_no_pace_before_the_promise_runs_and_only_a_result_after() -> None:
    monthly = Rate(1, "month")
    planned = activity_pace(
        0, 12, year=2017, today=date(2017, 5, 1), phase=Phase.PLANNED, rate=monthly
    )
    ended = activity_pace(11, 12, year=2017, today=date(2017, 12, 31), phase=Phase.ENDED)
    assert planned.pace == Pace.NOT_STARTED
    assert ended.pace == Pace.NOT_REACHED
    assert activity_pace(3, None, year=2017, today=date(2017, 5, 1), rate=monthly).pace == (
        Pace.NO_TARGET
    )


def test_a_daily_activity_expects_one_for_each_day_ended_and_nothing_of_a_366th() -> None:
    daily = Rate(1, "day")
    assert _pace(0, 365, date(2017, 1, 1), daily) == (1.0, Pace.BEHIND)
    assert _pace(31, 365, date(2017, 1, 31), daily) == (31.0, Pace.ON_TRACK)
    assert _pace(30, 365, date(2017, 1, 31), daily)[1] == Pace.BEHIND
    assert periods_ended("day", 2020, date(2020, 12, 30)) == 365
    assert periods_ended("day", 2020, date(2020, 12, 31)) == 365
