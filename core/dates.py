"""Validators of every date and year Löften takes, over the plausible ranges of lib/periods.py.

Each names the allowed range in its message; a form shows it under the field's label, and a
model's cross-field rule names the field in its message. The ranges that move with time are
read when a value is checked, so the validators on model fields never change.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lib import periods


def day_in_words(day: date) -> str:
    """A day as a message names it: "31 december 2017"."""
    return formats.date_format(day, "j F Y")


def _refuse_year(value: int, bounds: tuple[int, int]) -> None:
    if not bounds[0] <= value <= bounds[1]:
        raise ValidationError(
            _("Enter a year from %(first)s to %(last)s.") % {"first": bounds[0], "last": bounds[1]},
            code="implausible_year",
        )


def validate_promise_year(value: int) -> None:
    """A promise's or an agreement's year: from the first promises to a few years ahead."""
    _refuse_year(value, periods.promise_years(timezone.localdate()))


def validate_evidence_year(value: int) -> None:
    """The year of crime statistics or a survey: from the earliest records to this year."""
    _refuse_year(value, periods.evidence_years(timezone.localdate()))


def validate_happened_on(value: date) -> None:
    """The day a thing happened (a complaint, a dialogue, a report): not in the future."""
    first, last = periods.happened_dates(timezone.localdate())
    if value > last:
        raise ValidationError(
            _("The date cannot be in the future: enter a day no later than today, %(today)s.")
            % {"today": day_in_words(last)},
            code="future_date",
        )
    if value < first:
        raise ValidationError(
            _("Enter a date from %(first)s to today.") % {"first": day_in_words(first)},
            code="implausible_date",
        )


def date_range_error(field: str, value: date | None, bounds: tuple[date, date]) -> str | None:
    """The message refusing `value` for the field called `field`, when it falls outside
    `bounds`; None when it is empty or within them."""
    if value is None or bounds[0] <= value <= bounds[1]:
        return None
    return _("%(field)s must be between %(first)s and %(last)s.") % {
        "field": field,
        "first": day_in_words(bounds[0]),
        "last": day_in_words(bounds[1]),
    }


def promise_date_errors(
    *, year: int | None, signed_on: date | None, evaluation_due: date | None
) -> dict[str, str]:
    """The promise's dates that do not fit its year, by field: signed at most a year before
    it begins and not after it ends; the evaluation due after signing, not long after it ends."""
    if not year:
        return {}
    signing_error = date_range_error(
        _("The date of signing"), signed_on, periods.signing_dates(year)
    )
    # A date of signing that is itself wrong gives the evaluation's date no bound to be
    # checked against: it is checked against the year alone until the signing is right.
    errors = {
        "signed_on": signing_error,
        "evaluation_due": date_range_error(
            _("The evaluation's due date"),
            evaluation_due,
            periods.evaluation_due_dates(year, None if signing_error else signed_on),
        ),
    }
    return {name: message for name, message in errors.items() if message}


def agreement_date_errors(
    *, start_year: int | None, end_year: int | None, signed_on: date | None
) -> dict[str, str]:
    """The agreement's years and date of signing that do not fit together, by field."""
    if not start_year or not end_year:
        return {}
    if not all(periods.FIRST_YEAR <= year <= periods.LAST_YEAR for year in (start_year, end_year)):
        return {}  # The year's own field says it is out of range.
    if end_year < start_year:
        return {"end_year": _("The last year cannot come before the first.")}
    bounds = periods.signing_dates(start_year, end_year)
    error = date_range_error(_("The date of signing"), signed_on, bounds)
    return {"signed_on": error} if error else {}
