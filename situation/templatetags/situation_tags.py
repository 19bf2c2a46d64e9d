"""Template helpers of the situation picture: labels, change and small vector charts."""

from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from documents.formatting import no_data
from situation import labels
from situation.selectors import promise_why
from situation.vocabularies import Problem, Source

register = template.Library()


@register.filter
def source_label(value: str) -> Any:
    return Source(value).label


@register.filter
def problem_label(value: str) -> Any:
    return Problem(value).label if value else _("Not counted")


_UNITS = {
    Source.COMPLAINTS: gettext_lazy("complaints"),
    Source.CITIZEN_DIALOGUES: gettext_lazy("voices in citizen dialogues"),
    Source.EMPLOYEE_DIALOGUES: gettext_lazy("voices in employee dialogues"),
    Source.POLICE_EVENTS: gettext_lazy("police events"),
    Source.CRIME_STATISTICS: gettext_lazy("reported crimes"),
    Source.SAFETY_SURVEYS: gettext_lazy("per cent in the safety survey"),
}


@register.filter
def source_unit(value: str) -> Any:
    """How a source's figure reads after the number: "6 complaints"."""
    return _UNITS[Source(value)]


# A source's name as a column heading: its translation marks with soft hyphens where a long
# compound word may break, so a table of six sources fits a computer's screen even in a
# browser that cannot hyphenate the language by itself.
_HEADINGS = {
    Source.COMPLAINTS: pgettext_lazy("column heading", "Complaints"),
    Source.CITIZEN_DIALOGUES: pgettext_lazy("column heading", "Citizen dialogues"),
    Source.EMPLOYEE_DIALOGUES: pgettext_lazy("column heading", "Employee dialogues"),
    Source.POLICE_EVENTS: pgettext_lazy("column heading", "Police events"),
    Source.CRIME_STATISTICS: pgettext_lazy("column heading", "Crime statistics"),
    Source.SAFETY_SURVEYS: pgettext_lazy("column heading", "Safety surveys"),
}


@register.filter
def source_heading(value: str) -> Any:
    """A source's name at the head of a table column, breakable where it is long."""
    return _HEADINGS[Source(value)]


@register.inclusion_tag("situation/_why.html")
def why_this_promise(promise: Any, public: bool = False) -> dict[str, Any]:
    """The "Why this promise" section of a promise page, staff or public."""
    return {"why": promise_why(promise, public=public), "promise": promise, "public": public}


@register.filter
def answers(row: Any, answered: dict[str, list[Any]] | None) -> list[Any]:
    """The (year, promise) pairs that answer the row's problem."""
    return (answered or {}).get(row.problem, [])


@register.simple_tag
def figure(picture: Any, row: Any, source: str) -> float | None:
    """The row's figure for a source: 0 when the source does not see it, None when the
    source has no records at all for the picture's period."""
    value = picture.figure(row, source)
    return None if value is None else float(value)


@register.simple_tag
def no_data_mark() -> SafeString:
    """The short mark of a cell whose source has no records for the period: ".." for the
    eye (explained once, above the table), the words for a screen reader. Never 0."""
    return format_html(
        '<span class="no-data"><span aria-hidden="true">..</span>'
        '<span class="visually-hidden">{}</span></span>',
        no_data(),
    )


register.filter("public_count", labels.public_count)
register.filter("public_figure_text", labels.public_figure_text)
register.filter("figure_text", labels.figure_text)
register.filter("change_text", labels.change_text)


@register.simple_tag
def sparkline(values: list[int], label: str = "") -> SafeString:
    """A small line of monthly counts, as SVG (no script, no inline style)."""
    width, height = 120, 24
    top = max(values) if values and max(values) > 0 else 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )
    return format_html(
        '<svg class="sparkline" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-label="{}" focusable="false"><polyline points="{}" fill="none" '
        'stroke="#0b4f8a" stroke-width="1.5"/></svg>',
        width,
        height,
        width,
        height,
        label,
        points,
    )


@register.simple_tag
def bar_chart(values: list[int], labels: list[str], title: str) -> SafeString:
    """Vertical bars of counts per period with their labels, as SVG."""
    width, height, gap = 600, 180, 4
    top = max(values) if values and max(values) > 0 else 1
    bar = (width - gap * len(values)) / max(len(values), 1)
    bars = format_html_join(
        "",
        '<g><rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title>'
        '</rect><text x="{}" y="{}" class="chart-label">{}</text></g>',
        (
            (
                f"{i * (bar + gap):.1f}",
                f"{height - 20 - (v / top) * (height - 40):.1f}",
                f"{bar:.1f}",
                f"{(v / top) * (height - 40):.1f}",
                labels[i],
                v,
                f"{i * (bar + gap) + bar / 2:.1f}",
                height - 4,
                labels[i],
            )
            for i, v in enumerate(values)
        ),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" focusable="false">'
        "{}</svg>",
        width,
        height,
        title,
        bars,
    )
