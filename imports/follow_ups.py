"""Where a follow-up's achieved counts belong: the promise of its year, and in it the
activity each count reports on. Reads only; imports/services.py stores what is attached.

A count goes to the promise's activity of its kind; when several activities share the kind,
to the one whose description shares the most words with the count's sentence. A count that
fits no activity, fits several equally, or shares its activity with another count of the
same text is not attached, and the reason is kept to be shown.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from imports.reading.activities import stem
from imports.reading.vocabulary import kind_matches
from lib.sorting import swedish_key
from places.models import Municipality
from promises.models import Activity, ActivityReport, CitizenPromise
from promises.vocabularies import ActivityKind

# Words that say nothing of which activity is meant.
_COMMON = {
    "polisen",
    "polis",
    "kommunen",
    "kommun",
    "kommunens",
    "polisens",
    "under",
    "inom",
    "efter",
    "samt",
    "från",
    "till",
    "mellan",
    "kring",
    "bland",
    "genom",
    "året",
    "totalt",
    "sammanlagt",
    "tillsammans",
    "också",
    "även",
    "dessutom",
    "genomfört",
    "genomförts",
    "genomförde",
    "gjort",
    "gjorts",
    "gjordes",
    "hållit",
    "hållits",
    "varit",
    "blev",
    "detta",
    "dessa",
    "eller",
    "andra",
    "flera",
    "samtliga",
    "alla",
    "ska",
    "lovar",
    "lovade",
}


@dataclass
class Match:
    """One achieved count and where it goes: the activity, what its reports already give,
    and the report added (once stored); or why it goes nowhere."""

    kind: str
    done: int
    text: str
    activity: Activity | None = None
    recorded: int = 0
    reason: str = ""
    report: ActivityReport | None = None

    @property
    def attached(self) -> bool:
        return self.activity is not None and not self.reason

    @property
    def to_add(self) -> int:
        """The count of the report that brings the activity up to the figure (to date)."""
        return max(0, self.done - self.recorded) if self.activity is not None else 0

    @property
    def kind_label(self) -> str:
        return str(ActivityKind(self.kind).label) if self.kind in ActivityKind.values else self.kind


def promise_for(
    municipality: Municipality, document: dict[str, Any]
) -> tuple[CitizenPromise | None, str | None]:
    """The municipality's promise of the follow-up's year, or why there is none to attach
    it to. Of promises of several police areas, the one the text names."""
    year: int = document["year"]
    promises = list(
        CitizenPromise.objects.filter(municipality=municipality, year=year).select_related(
            "police_area"
        )
    )
    named = document.get("police_area")
    if len(promises) > 1 and named:
        promises = [p for p in promises if swedish_key(p.police_area.name) == swedish_key(named)]
    if len(promises) == 1:
        return promises[0], None
    if not promises:
        return None, _(
            "%(municipality)s has no promise for %(year)s to attach the follow-up to"
        ) % {"municipality": municipality.name, "year": year}
    return None, _(
        "%(municipality)s has promises of several police areas for %(year)s and the text "
        "does not say which one it follows up"
    ) % {"municipality": municipality.name, "year": year}


def _stems(text: str) -> set[str]:
    """The words that tell one activity from another of its kind: not the kind's own name,
    nor words any report or promise uses."""
    named = {match[1].lower() for _kind, match in kind_matches(text)}
    words = re.findall(r"[a-zåäöéü]{4,}", text.lower())
    return {
        stem(word)
        for word in words
        if word not in _COMMON and not any(word in noun for noun in named)
    }


def _shared(text: str, activity: Activity) -> int:
    """How many of the text's words the activity's description shares (stems that begin
    alike: "skolorna", "skolan")."""
    own = _stems(activity.description)
    return sum(
        any(a.startswith(b) or b.startswith(a) for b in own if min(len(a), len(b)) >= 4)
        for a in _stems(text)
    )


def _activity_for(item: dict[str, Any], activities: list[Activity]) -> tuple[Activity | None, str]:
    same_kind = [a for a in activities if a.kind == item["kind"]]
    kind = ActivityKind(item["kind"]).label if item["kind"] in ActivityKind.values else item["kind"]
    if not same_kind:
        return None, _("the promise has no activity of the kind %(kind)s") % {"kind": kind}
    if len(same_kind) == 1:
        return same_kind[0], ""
    scored = sorted(((_shared(item["text"], a), a.pk, a) for a in same_kind), reverse=True)
    if scored[0][0] > scored[1][0]:
        return scored[0][2], ""
    return None, _(
        "the promise has %(count)s activities of the kind %(kind)s and the text does not "
        "say which one it counts"
    ) % {"count": len(same_kind), "kind": kind}


def matches_for(promise: CitizenPromise, achieved: list[dict[str, Any]]) -> list[Match]:
    """Each achieved count with the activity of the promise it goes to, or why none."""
    activities = list(promise.activities.order_by("position", "pk"))
    found = []
    for item in achieved:
        activity, reason = _activity_for(item, activities)
        found.append(Match(item["kind"], item["done"], item["text"], activity, 0, reason))
    chosen = [m.activity.pk for m in found if m.activity is not None]
    for match in found:
        activity = match.activity
        if activity is not None and chosen.count(activity.pk) > 1:
            match.activity = None
            match.reason = _(
                "another count of the text goes to the same activity (%(activity)s)"
            ) % {"activity": activity.description[:80]}
        elif activity is not None:
            recorded = activity.reports.active().aggregate(n=Sum("count"))["n"]
            match.recorded = recorded or 0
    return found


def report_day(dated: str | None, year: int, today: date) -> date:
    """The day the report of a follow-up is dated: the follow-up's own date when it lies in
    the promise's year and not in the future, else the earlier of the year's last day and
    today."""
    day = date.fromisoformat(dated) if dated else None
    if day is not None and day.year == year and day <= today:
        return day
    return min(date(year, 12, 31), today)
