"""Figures of the situation picture in words, for pages and printed documents alike."""

from typing import Any

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from documents.formatting import no_data
from situation.selectors.picture import SMALL_COUNT, public_figure
from situation.vocabularies import Source


def public_count(value: float) -> str:
    """A count for the public: small numbers are not shown, so no one can be singled out."""
    if 0 < value < SMALL_COUNT:
        return _("fewer than %s") % SMALL_COUNT
    return f"{int(value):,}".replace(",", "\u00a0")


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


def publication_note(published: Any, changed: bool) -> str:
    """When a public picture's figures were published, and whether the evidence has changed
    since: the figures shown are always the published ones."""
    note = _("These figures were published on %(day)s.") % {
        "day": date_format(localtime(published.published_at), "j F Y")
    }
    if published.updated_at:
        note = _("These figures were first published on %(first)s and again on %(again)s.") % {
            "first": date_format(localtime(published.published_at), "j F Y"),
            "again": date_format(localtime(published.updated_at), "j F Y"),
        }
    if changed:
        note += " " + _(
            "The evidence of the year has changed since. The figures shown are the published "
            "ones until the police and the municipality publish the picture again."
        )
    return note
