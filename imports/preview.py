"""What the staff import page shows of a parsed document before anything is stored: its
type, municipalities, period and police area in words, each activity's rate and target in
words, and for a follow-up where each achieved count would go."""

from typing import Any

from django.utils.translation import gettext as _

from imports.reading.vocabulary import FOLLOW_UP
from promises.labels import times_per
from promises.vocabularies import ActivityKind


def rate_in_words(rate: dict[str, Any] | None, target: int | None) -> str:
    """A stated rate and the year's count it makes: "2 times a month, 24 a year"; "" when
    the text states no rate."""
    if not rate:
        return ""
    words = times_per(rate["count"], rate["per"])
    if target is None or rate["per"] == "year":
        return words
    return _("%(rate)s, %(target)s a year") % {"rate": words, "target": target}


def target_in_words(activity: dict[str, Any]) -> str:
    """The target as read: "at least 6", "12", or "no count" for an activity without one."""
    target = activity.get("target")
    if target is None:
        return _("no count")
    if activity.get("minimum"):
        return _("at least %(count)s") % {"count": target}
    return str(target)


def period_in_words(document: dict[str, Any]) -> str:
    """ "2022–2024" for a promise of several years, "2022" for one, "" when none was read."""
    period = document.get("period")
    if period and period[0] != period[1]:
        return f"{period[0]}–{period[1]}"
    year = document.get("year")
    return str(year) if year else ""


def kind_in_words(kind: str) -> str:
    return str(ActivityKind(kind).label) if kind in ActivityKind.values else kind


def document_summary(document: dict[str, Any]) -> dict[str, Any]:
    """The document's type, places and period in words, and its activities with their kind,
    target and rate in words."""
    follow_up = document.get("document_type") == FOLLOW_UP
    return {
        "follow_up": follow_up,
        "type": _("Follow-up (what was done)") if follow_up else _("Promise"),
        "municipalities": ", ".join(document.get("municipalities") or []),
        "period": period_in_words(document),
        "police_area": document.get("police_area") or "",
        "activities": [
            {
                "kind": kind_in_words(activity["kind"]),
                "target": target_in_words(activity),
                "rate": rate_in_words(activity.get("rate"), activity.get("target")),
                "text": activity["text"],
            }
            for activity in document.get("activities", [])
        ],
    }
