"""Figures of the situation picture in words, for pages and printed documents alike."""

from django.utils.translation import gettext as _

from situation.selectors import SMALL_COUNT, public_figure
from situation.vocabularies import Source


def public_count(value: float) -> str:
    """A count for the public: small numbers are not shown, so no one can be singled out."""
    if 0 < value < SMALL_COUNT:
        return _("fewer than %s") % SMALL_COUNT
    return f"{int(value):,}".replace(",", "\u00a0")


def public_figure_text(value: float, source: str) -> str:
    """A source's figure for the public: small counts hidden, survey shares as they are."""
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
