"""Follow-up facts in words, for pages and printed documents alike."""

from datetime import date

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from followup.selectors import LoggedSince, PaceShown, Period


def logged_since_text(late: LoggedSince) -> str:
    """What was logged for a frozen follow-up's period after its figures were published,
    and the year-to-date figure now, e.g. "After publication 2 reports for the period were
    added; today 14 of 30."."""
    if late.target:
        today = _("today %(done)s of %(target)s") % {
            "done": late.done_to_date,
            "target": late.target,
        }
    else:
        today = _("today %(done)s") % {"done": late.done_to_date}
    if late.added:
        return ngettext(
            "After publication %(count)s report for the period was added; %(today)s.",
            "After publication %(count)s reports for the period were added; %(today)s.",
            late.added,
        ) % {"count": late.added, "today": today}
    return _("After publication the reports for the period were corrected; %(today)s.") % {
        "today": today
    }


PACE_HEADINGS = {
    PaceShown.PACE: gettext_lazy("Pace"),
    PaceShown.PACE_THEN: gettext_lazy("Pace then"),
    PaceShown.RESULT: gettext_lazy("Result"),
}


def pace_heading(shown: PaceShown) -> str:
    """The heading of a follow-up's or evaluation's pace column."""
    return str(PACE_HEADINGS[shown])


def span_name(start: date, end: date) -> str:
    """A follow-up period by its name in the year: "Quarter 1 2017", "Tertial 2 2017",
    "Half-year 1 2017", "March 2017" or "The year 2017"."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    number = (start.month - 1) // months + 1
    values = {"number": number, "year": start.year}
    if months == 1:
        return capfirst(formats.date_format(start, "F Y"))
    if months == 3:
        return _("Quarter %(number)s %(year)s") % values
    if months == 4:
        return _("Tertial %(number)s %(year)s") % values
    if months == 6:
        return _("Half-year %(number)s %(year)s") % values
    return _("The year %(year)s") % values


def period_name(period: Period) -> str:
    """A follow-up period by its name in the year, e.g. "Quarter 1 2017"."""
    return span_name(period.start, period.end)
