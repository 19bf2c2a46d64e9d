from datetime import date

import pytest

from lib.periods import periods_of_year


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
