"""The plausible ranges of dates and years, defined once in lib/periods.py."""

from collections.abc import Iterator
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.dates import (
    promise_date_errors,
    validate_evidence_year,
    validate_happened_on,
    validate_promise_year,
)
from lib import periods


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel(date(2026, 11, 30), tick=False):
        yield


def test_every_range_starts_from_the_one_earliest_year() -> None:
    today = date(2026, 11, 30)
    assert periods.evidence_years(today) == (periods.FIRST_YEAR, 2026)
    assert periods.happened_dates(today) == (date(periods.FIRST_YEAR, 1, 1), today)
    assert periods.FIRST_YEAR <= periods.promise_years(today)[0]
    assert periods.promise_years(today)[1] == 2028


@pytest.mark.parametrize("year", [1899, 1999, 2031, 2100])
def test_a_promise_year_out_of_range_names_the_range(year: int) -> None:
    with pytest.raises(ValidationError, match="Enter a year from 2000 to 2028"):
        validate_promise_year(year)


def test_evidence_may_not_be_for_a_year_to_come() -> None:
    validate_evidence_year(2026)
    validate_evidence_year(1990)
    for year in (2027, 1989):
        with pytest.raises(ValidationError, match="from 1990 to 2026"):
            validate_evidence_year(year)


def test_a_thing_that_happened_is_not_dated_in_the_future_nor_in_1899() -> None:
    validate_happened_on(date(2026, 11, 30))
    with pytest.raises(ValidationError, match="cannot be in the future.*30 November 2026"):
        validate_happened_on(date(2031, 1, 1))
    with pytest.raises(ValidationError, match="from 1 January 1990 to today"):
        validate_happened_on(date(1899, 12, 31))


def test_a_promise_is_signed_within_its_reach_and_evaluated_after_signing() -> None:
    assert (
        promise_date_errors(year=2017, signed_on=date(2016, 12, 1), evaluation_due=date(2018, 3, 1))
        == {}
    )
    errors = promise_date_errors(
        year=2017, signed_on=date(2018, 1, 10), evaluation_due=date(2017, 6, 1)
    )
    assert errors["signed_on"] == (
        "The date of signing must be between 1 January 2016 and 31 December 2017."
    )
    # The wrong signing date is the one mistake: the evaluation's date is not measured
    # against it (it would say "between 10 January 2018 and …", a range a typo made).
    assert "evaluation_due" not in errors
    errors = promise_date_errors(
        year=2017, signed_on=date(2017, 3, 10), evaluation_due=date(2017, 2, 1)
    )
    assert errors == {
        "evaluation_due": (
            "The evaluation's due date must be between 10 March 2017 and 31 December 2019."
        )
    }
    assert "signed_on" in promise_date_errors(
        year=2017, signed_on=date(2010, 1, 1), evaluation_due=None
    )


@pytest.mark.parametrize(("start", "end"), [(1, 2017), (2017, 99999), (0, 0), (-5, 2017)])
def test_an_agreement_with_an_impossible_year_leaves_the_message_to_the_year(
    start: int, end: int
) -> None:
    """Year 1 made the signing bounds reach year 0, which Python cannot even build."""
    from core.dates import agreement_date_errors

    assert agreement_date_errors(start_year=start, end_year=end, signed_on=date(2017, 2, 1)) == {}
