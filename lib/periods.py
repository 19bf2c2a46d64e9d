"""Dates and periods of a promise year."""

from datetime import date, timedelta

# The plausible range of every date and year Löften takes, defined here once; anything
# outside is a typing error, refused where it is entered (core/dates.py gives the validators
# and messages). One earliest year holds for every record: evidence (crime statistics,
# surveys, complaints) reaches back to it to give a picture its history. Promises began in
# Sweden in the 2010s, so their years start later. Nothing is planned further ahead than
# YEARS_AHEAD, and what has happened (a complaint, a report) has not happened after today.
FIRST_YEAR = 1990
FIRST_PROMISE_YEAR = 2000
YEARS_AHEAD = 2
# A promise is signed at most this many years before its year begins, and evaluated at most
# this many years after it ends.
SIGNED_YEARS_BEFORE = 1
EVALUATED_YEARS_AFTER = 2
# Kept for the API's query bounds, which cannot move with today's date.
LAST_YEAR = 2100


def promise_years(today: date) -> tuple[int, int]:
    """The first and last year a promise or an agreement may be for."""
    return FIRST_PROMISE_YEAR, today.year + YEARS_AHEAD


def evidence_years(today: date) -> tuple[int, int]:
    """The first and last year evidence (statistics, survey results) may be for."""
    return FIRST_YEAR, today.year


def happened_dates(today: date) -> tuple[date, date]:
    """The first and last day a thing that has happened (a complaint, a dialogue, a
    report) may be dated."""
    return date(FIRST_YEAR, 1, 1), today


def signing_dates(first_year: int, last_year: int | None = None) -> tuple[date, date]:
    """The days a promise for `first_year` (or an agreement for the years from `first_year` to
    `last_year`) may be signed: not long before it begins, not after it ends."""
    return date(first_year - SIGNED_YEARS_BEFORE, 1, 1), date(last_year or first_year, 12, 31)


def report_dates(year: int, today: date) -> tuple[date, date]:
    """The days a report of an activity of a promise for `year` may be dated: within the
    year, and not after today."""
    return date(year, 1, 1), min(date(year, 12, 31), today)


def evaluation_due_dates(year: int, signed_on: date | None) -> tuple[date, date]:
    """The days a promise's evaluation may be due: not before it is signed (nor before its
    year begins), and not long after its year ends."""
    first = max(signed_on, date(year, 1, 1)) if signed_on else date(year, 1, 1)
    return first, date(year + EVALUATED_YEARS_AFTER, 12, 31)


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


# The periods a rate may be stated per ("en gång i månaden", "minst fyra per termin"), each
# with how many of them a year holds: a rate's yearly target is the count times this.
PER_YEAR = {"day": 365, "week": 52, "month": 12, "quarter": 4, "term": 2, "year": 1}
# The school terms, as their first and last month: the spring term January to June, the
# autumn term August to December. July belongs to neither.
TERMS = ((1, 6), (8, 12))


def period_ends(per: str, year: int) -> list[date]:
    """The last day of each period of `year` a rate is stated per, in order, as many as
    PER_YEAR says. Days are the first 365 of the year (a 366th asks for nothing more).
    Weeks are the calendar weeks numbered 1 to 52 in the year (Monday to Sunday; a 53rd
    week asks for nothing more); a week that runs into the next year ends, for the year, on
    31 December."""
    last_day = date(year, 12, 31)
    if per == "day":
        return [date(year, 1, 1) + timedelta(days) for days in range(PER_YEAR["day"])]
    if per == "week":
        sundays = (date.fromisocalendar(year, week, 7) for week in range(1, 53))
        return [min(sunday, last_day) for sunday in sundays]
    if per == "term":
        return [_month_end(year, last) for _first, last in TERMS]
    months = {"month": 1, "quarter": 3, "year": 12}[per]
    return [end for _start, end in periods_of_year(year, months)]


def periods_ended(per: str, year: int, today: date) -> int:
    """How many periods of `year` (see period_ends) have fully ended by the end of `today`."""
    return sum(1 for end in period_ends(per, year) if end <= today)


def _month_end(year: int, month: int) -> date:
    return date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(1)


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
