"""Dates and periods of a promise year."""

from datetime import date, timedelta

# The years a record may belong to; anything outside is a typing error, refused where it is
# entered. Promises began in Sweden in the 2010s, so a promise year before 2000 is a typo;
# evidence (crime statistics, surveys) reaches further back, to build a picture's history.
FIRST_PROMISE_YEAR = 2000
FIRST_EVIDENCE_YEAR = 1990
LAST_YEAR = 2100
# In a promise text, a number from here to LAST_YEAR is read as a year, never as a count.
FIRST_YEAR_IN_TEXT = 1900


def year_bounds(year: int) -> tuple[date, date]:
    """Return the first and the last day of a calendar year."""
    return date(year, 1, 1), date(year, 12, 31)


def year_elapsed_share(year: int, today: date) -> float:
    """Return how much of the year has passed by the end of `today`, from 0.0 to 1.0."""
    first, last = year_bounds(year)
    if today < first:
        return 0.0
    if today >= last:
        return 1.0
    days_in_year = (last - first).days + 1
    return ((today - first).days + 1) / days_in_year


def clamp_to_year(day: date, year: int) -> date:
    """Return `day` if it falls in `year`, else the nearest day of that year."""
    first, last = year_bounds(year)
    return min(max(day, first), last)


def periods_of_year(year: int, months: int) -> list[tuple[date, date]]:
    """Split a calendar year into consecutive periods of `months` months (a divisor of 12):
    3 gives the quarters, 4 the tertials, 6 the halves, 12 the year itself."""
    if months <= 0 or 12 % months:
        raise ValueError(f"{months} months do not divide a year evenly")
    periods = []
    for first_month in range(1, 13, months):
        next_month = first_month + months
        end = date(year, 12, 31) if next_month > 12 else date(year, next_month, 1) - timedelta(1)
        periods.append((date(year, first_month, 1), end))
    return periods


def compared_spans(year: int, as_of: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """The spans a year's evaluation compares, each as [start, end): the year up to and
    including `as_of` (at most its last day), and the same days of the year before
    (29 February becomes the 28th)."""
    last = min(as_of, date(year, 12, 31))
    after = (date(year, 1, 1), last + timedelta(days=1))
    day = min(last.day, 28) if (last.month, last.day) == (2, 29) else last.day
    before = (date(year - 1, 1, 1), date(year - 1, last.month, day) + timedelta(days=1))
    return before, after
