from datetime import date

import pytest

from lib.pace import Pace, progress, whole_units_expected
from lib.periods import clamp_to_year, year_elapsed_share
from lib.sorting import swedish_key


def test_no_reports_early_in_the_year_is_on_pace() -> None:
    assert progress(0, 2, year_elapsed_share(2017, date(2017, 2, 1))).pace == Pace.ON_TRACK


def test_no_reports_at_year_end_is_behind() -> None:
    result = progress(0, 30, year_elapsed_share(2017, date(2017, 12, 31)))
    assert result.pace == Pace.BEHIND
    assert result.percent == 0


def test_target_reached_early_counts_as_reached_and_caps_the_bar() -> None:
    result = progress(35, 30, year_elapsed_share(2017, date(2017, 3, 1)))
    assert result.pace == Pace.REACHED
    assert result.percent == 100


@pytest.mark.parametrize(
    ("done", "pace"), [(14, Pace.BEHIND), (15, Pace.ON_TRACK), (16, Pace.AHEAD)]
)
def test_pace_compares_with_whole_units_expected_by_midyear(done: int, pace: Pace) -> None:
    assert progress(done, 30, 0.5).pace == pace


def _pace(done: int, target: int, day: date) -> Pace:
    return progress(done, target, year_elapsed_share(day.year, day)).pace


@pytest.mark.parametrize(
    ("day", "pace"),
    [
        (date(2017, 1, 1), Pace.ON_TRACK),
        (date(2017, 3, 31), Pace.ON_TRACK),
        # 182 of 365 days: an even pace has gone 0.499 of the way to the one walk.
        (date(2017, 7, 1), Pace.ON_TRACK),
        # 183 of 365: past half way, which rounds to 1.
        (date(2017, 7, 2), Pace.BEHIND),
        (date(2017, 10, 1), Pace.BEHIND),
        (date(2017, 12, 30), Pace.BEHIND),
        (date(2017, 12, 31), Pace.BEHIND),
        # A leap year's 183rd of 366 days is exactly half way, and a half rounds up.
        (date(2016, 6, 30), Pace.ON_TRACK),
        (date(2016, 7, 1), Pace.BEHIND),
    ],
)
def test_a_target_of_one_with_nothing_done_is_behind_from_half_way(day: date, pace: Pace) -> None:
    assert _pace(0, 1, day) == pace


@pytest.mark.parametrize(
    ("done", "day", "pace"),
    [
        (0, date(2017, 4, 1), Pace.ON_TRACK),  # 0.49 of a walk expected
        (0, date(2017, 4, 2), Pace.BEHIND),  # 0.50
        (1, date(2017, 4, 2), Pace.ON_TRACK),
        (1, date(2017, 9, 30), Pace.ON_TRACK),  # 1.496
        (1, date(2017, 10, 1), Pace.BEHIND),  # 1.501
        (1, date(2017, 12, 31), Pace.BEHIND),
        # One walk by February is not yet ahead: an even pace is on its way to the first.
        (1, date(2017, 2, 1), Pace.ON_TRACK),
        (2, date(2017, 2, 1), Pace.REACHED),
    ],
)
def test_a_target_of_two_is_behind_from_half_way_to_each_walk(
    done: int, day: date, pace: Pace
) -> None:
    assert _pace(done, 2, day) == pace


@pytest.mark.parametrize(
    ("done", "day", "pace"),
    [
        (0, date(2017, 1, 6), Pace.ON_TRACK),  # 0.49 of a control expected
        (0, date(2017, 1, 7), Pace.BEHIND),  # 0.58
        (1, date(2017, 1, 7), Pace.ON_TRACK),
        (2, date(2017, 1, 7), Pace.AHEAD),  # more than 0.58 rounded up
        (14, date(2017, 6, 25), Pace.ON_TRACK),  # 14.47
        (14, date(2017, 6, 26), Pace.BEHIND),  # 14.55 rounds to 15
        (14, date(2017, 7, 1), Pace.BEHIND),
        (15, date(2017, 7, 1), Pace.ON_TRACK),
        (16, date(2017, 7, 1), Pace.AHEAD),
        (15, date(2017, 7, 4), Pace.ON_TRACK),  # 15.21: 15 and 16 are both on pace
        (16, date(2017, 7, 4), Pace.ON_TRACK),
        (17, date(2017, 7, 4), Pace.AHEAD),
        (29, date(2017, 12, 31), Pace.BEHIND),
    ],
)
def test_a_target_of_thirty_is_behind_when_half_a_control_short(
    done: int, day: date, pace: Pace
) -> None:
    assert _pace(done, 30, day) == pace


@pytest.mark.parametrize(
    ("expected", "whole"), [(0.0, 0), (0.49, 0), (0.5, 1), (1.49, 1), (1.5, 2), (2.5, 3)]
)
def test_whole_units_expected_rounds_a_half_up(expected: float, whole: int) -> None:
    # Python's round() would make 0.5 and 2.5 even (0 and 2).
    assert whole_units_expected(expected) == whole


def test_activity_without_target_has_no_pace() -> None:
    assert progress(3, None, 0.5).pace == Pace.NO_TARGET


def test_elapsed_share_is_zero_before_and_one_after_the_year() -> None:
    assert year_elapsed_share(2017, date(2016, 12, 31)) == 0.0
    assert year_elapsed_share(2017, date(2018, 1, 1)) == 1.0
    assert year_elapsed_share(2016, date(2016, 12, 31)) == 1.0
    assert year_elapsed_share(2016, date(2016, 1, 1)) == pytest.approx(1 / 366)


def test_clamp_to_year_moves_a_date_into_the_year() -> None:
    assert clamp_to_year(date(2026, 11, 25), 2017) == date(2017, 12, 31)
    assert clamp_to_year(date(2017, 6, 1), 2017) == date(2017, 6, 1)


def test_swedish_order_puts_a_ring_a_umlaut_o_umlaut_last() -> None:
    names = ["Örebro", "Ale", "Älmhult", "Åstorp", "Eslöv", "Öckerö", "Zeta", "éa"]
    assert sorted(names, key=swedish_key) == [
        "Ale",
        "éa",
        "Eslöv",
        "Zeta",
        "Åstorp",
        "Älmhult",
        "Öckerö",
        "Örebro",
    ]
