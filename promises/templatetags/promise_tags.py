"""Template helpers that turn vocabulary values into translated labels."""

from typing import Any

from django import template

from promises import labels

register = template.Library()

register.filter("pace_label", labels.pace_label)
register.filter("promise_status", labels.promise_status_label)
register.filter("pace_heading", labels.pace_heading)
register.filter("focus_labels", labels.focus_labels)
register.filter("evidence_labels", labels.evidence_labels)
register.filter("outcome_label", labels.outcome_label)
register.filter("activity_kind_label", labels.activity_kind_label)


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """mapping[key] in a template, or None."""
    return mapping.get(key)
