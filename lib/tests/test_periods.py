from datetime import date

import pytest

from lib.periods import compared_spans, periods_of_year


def test_quarters_cover_the_year_without_gaps() -> None:
    quarters = periods_of_year(2016, 3)
    assert quarters == [
        (date(2016, 1, 1), date(2016, 3, 31)),
        (date(2016, 4, 1), date(2016, 6, 30)),
        (date(2016, 7, 1), date(2016, 9, 30)),
        (date(2016, 10, 1), date(2016, 12, 31)),
    ]


@pytest.mark.parametrize(("months", "count"), [(1, 12), (3, 4), (4, 3), (6, 2), (12, 1)])
def test_every_cadence_splits_the_year_evenly(months: int, count: int) -> None:
    periods = periods_of_year(2024, months)
    assert len(periods) == count
    assert periods[0][0] == date(2024, 1, 1) and periods[-1][1] == date(2024, 12, 31)
    for (_, end), (start, _) in zip(periods, periods[1:], strict=False):
        assert (start - end).days == 1


def test_february_of_a_leap_year_ends_on_the_29th() -> None:
    assert periods_of_year(2024, 1)[1] == (date(2024, 2, 1), date(2024, 2, 29))


@pytest.mark.parametrize("months", [0, 5, 7, 13])
def test_uneven_periods_are_refused(months: int) -> None:
    with pytest.raises(ValueError, match="do not divide"):
        periods_of_year(2024, months)


def test_an_evaluation_compares_the_year_so_far_with_the_same_days_before() -> None:
    before, after = compared_spans(2016, date(2016, 11, 20))
    assert after == (date(2016, 1, 1), date(2016, 11, 21))
    assert before == (date(2015, 1, 1), date(2015, 11, 21))


def test_a_whole_year_is_compared_with_the_whole_year_before() -> None:
    before, after = compared_spans(2016, date(2017, 3, 1))
    assert after == (date(2016, 1, 1), date(2017, 1, 1))
    assert before == (date(2015, 1, 1), date(2016, 1, 1))


def test_a_leap_day_is_compared_with_the_28th() -> None:
    before, after = compared_spans(2024, date(2024, 2, 29))
    assert before == (date(2023, 1, 1), date(2023, 3, 1))
