"""Template helpers that turn vocabulary values into translated labels."""

from typing import Any

from django import template

from lib.pace import Pace
from promises import labels

register = template.Library()

register.filter("pace_label", labels.pace_label)
register.filter("promise_status", labels.promise_status_label)
register.filter("pace_heading", labels.pace_heading)
register.filter("focus_labels", labels.focus_labels)
register.filter("evidence_labels", labels.evidence_labels)
register.filter("outcome_label", labels.outcome_label)
register.filter("activity_kind_label", labels.activity_kind_label)
register.filter("target_label", labels.target_label)
register.filter("done_label", labels.done_label)
register.filter("rate_words", labels.rate_words)
# Counts only, never a year: the site does not group numbers by itself (USE_THOUSAND_SEPARATOR
# would make every year, key and figure in an attribute "2 026").
register.filter("figure", labels.figure)


@register.filter
def shows_pace(progress: list[Any]) -> bool:
    """Whether any activity in the list has a pace (its promise is running), so that what
    the pace words mean is worth saying once."""
    running = {Pace.AHEAD, Pace.ON_TRACK, Pace.BEHIND}
    return any(item.progress.pace in running for item in progress)


@register.filter
def paces_by_rate(progress: list[Any]) -> bool:
    """Whether any activity in the list with a pace is paced by its rate, so that how is
    worth saying once."""
    running = {Pace.AHEAD, Pace.ON_TRACK, Pace.BEHIND}
    return any(item.progress.pace in running and item.activity.rate for item in progress)


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """mapping[key] in a template, or None."""
    return mapping.get(key)
