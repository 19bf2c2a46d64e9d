"""How figures, days and done-against-target read in every printed document."""

from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from documents.model import Bar, Cell


def number(value: float | int | None) -> str:
    """A figure the Swedish way (12 345, 24,5), or a dash when there is none."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return formats.number_format(value, decimal_pos=1, use_l10n=True, force_grouping=True)
    return formats.number_format(int(value), use_l10n=True, force_grouping=True)


def no_data() -> str:
    """What stands where a source has no records for a period: missing is not zero."""
    return _("no data for that period")


def day(value: date) -> str:
    """A day in words: 3 april 2017."""
    return formats.date_format(value, "j F Y")


def done_cell(done: int, target: int | None, unit: str = "") -> Cell:
    """Done against target as a bar with the figures in words, or the bare count."""
    if not target:
        return number(done)
    label = _("%(done)s of %(target)s") % {"done": number(done), "target": number(target)}
    return Bar(done, target, f"{label} {unit}".strip())
