"""Figures of the situation picture in words, for pages and printed documents alike."""

from django.utils.translation import gettext as _

from situation.selectors import SMALL_COUNT, public_figure
from situation.vocabularies import Source


def public_count(value: float) -> str:
    """A count for the public: small numbers are not shown, so no one can be singled out."""
    if 0 < value < SMALL_COUNT:
        return _("fewer than %s") % SMALL_COUNT
    return f"{int(value):,}".replace(",", "\u00a0")


def no_data() -> str:
    """What stands where a source has no records for a period: missing is not zero."""
    return _("no data for that period")


def figure_text(value: float | None) -> str:
    """A figure for staff: as it is, or "no data for that period" where there is none."""
    if value is None:
        return no_data()
    return f"{value:g}".replace(".", ",")


def public_figure_text(value: float | None, source: str) -> str:
    """A source's figure for the public: small counts hidden, survey shares as they are,
    and "no data for that period" where the source has none."""
    if value is None:
        return no_data()
    if public_figure(value, source) is None:
        return public_count(value)
    if source == Source.SAFETY_SURVEYS:
        return f"{value:g}".replace(".", ",")
    return public_count(value)


def change_text(change: float | None) -> str:
    """ "+25 %", "−50 %", "±0 %", or "new" when there was nothing to compare with."""
    if change is None:
        return _("new")
    percent = round(change * 100)
    if percent == 0:
        return "±0\u00a0%"
    sign = "+" if percent > 0 else "\u2212"
    return f"{sign}{abs(percent)}\u00a0%"
