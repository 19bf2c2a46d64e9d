"""Follow-up facts in words, for pages and printed documents alike."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from followup.selectors import LoggedSince, PaceShown


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
