from datetime import date

import pytest

from lib.pace import Pace, progress
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
