"""Reads of the promise cycle that need care: public visibility, progress and pace."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from accounts.models import Organisation
from accounts.permissions import (
    promise_scope,
    reportable_activity_scope,
    visible_promise_filter,
)
from lib.pace import Pace, Progress, progress
from lib.periods import year_elapsed_share
from lib.sorting import swedish_key
from places.models import Municipality
from promises.models import (
    Activity,
    ActivityReport,
    Agreement,
    CitizenPromise,
    Occasion,
    Signatory,
)
from promises.vocabularies import PUBLIC_STATUSES, PromiseStatus


@dataclass(frozen=True)
class ActivityProgress:
    """An activity with its progress as of a given day."""

    activity: Activity
    progress: Progress


def activity_progress(activity: Activity, today: date) -> ActivityProgress:
    """Done against target for one activity, with the pace expected by `today`."""
    share = year_elapsed_share(activity.promise.year, today)
    return ActivityProgress(activity, progress(activity.done_count, activity.target, share))


def promise_progress(promise: CitizenPromise, today: date) -> list[ActivityProgress]:
    """Progress of every activity of a promise (activities should be prefetched)."""
    share = year_elapsed_share(promise.year, today)
    return [
        ActivityProgress(a, progress(a.done_count, a.target, share))
        for a in promise.activities.all()
    ]


@dataclass(frozen=True)
class ProgressSummary:
    """A promise at a glance: its activities with a target, how many reached it, how many
    are behind pace."""

    measured: int
    reached: int
    behind: int


def progress_summary(lines: list[ActivityProgress]) -> ProgressSummary:
    """Count the activities of a promise's progress by where they stand."""
    paces = [line.progress.pace for line in lines if line.progress.pace != Pace.NO_TARGET]
    return ProgressSummary(len(paces), paces.count(Pace.REACHED), paces.count(Pace.BEHIND))


def _in_full_prefetches() -> list[Any]:
    return [
        "commitments",
        Prefetch(
            "activities",
            queryset=Activity.objects.prefetch_related("responsible").select_related("commitment"),
        ),
        Prefetch("signatories", queryset=Signatory.objects.select_related("organisation")),
    ]


def organisations_for(document: CitizenPromise | Agreement) -> QuerySet[Organisation]:
    """Organisations that may take part in a promise or agreement: those of its municipality
    and police area, and partners not tied to any one municipality (rescue services …)."""
    return organisations_near([document.municipality_id], [document.police_area_id])


def organisations_near(
    municipality_ids: Iterable[int], police_area_ids: Iterable[int]
) -> QuerySet[Organisation]:
    """Organisations of these municipalities and police areas, and unattached partners."""
    return Organisation.objects.filter(
        Q(municipality_id__in=municipality_ids)
        | Q(police_area_id__in=police_area_ids)
        | Q(municipality__isnull=True, police_area__isnull=True)
    ).order_by("name")


def staff_agreements(user: Any) -> QuerySet[Agreement]:
    """Collaboration agreements of the user's municipalities and police areas."""
    return (
        Agreement.objects.filter(promise_scope(user))
        .select_related("municipality", "police_area")
        .order_by("-start_year", "municipality__name")
    )


# Public side: only published (or evaluated) promises, never drafts.


def public_promises() -> QuerySet[CitizenPromise]:
    """Promises that citizens may see."""
    return CitizenPromise.objects.filter(status__in=PUBLIC_STATUSES)


def public_municipalities(query: str = "") -> list[Municipality]:
    """Municipalities with published promises, in Swedish order, filtered by name."""
    municipalities = (
        Municipality.objects.filter(promises__status__in=PUBLIC_STATUSES)
        .distinct()
        .select_related("county")
    )
    needle = query.strip().casefold()
    found = [m for m in municipalities if needle in m.name.casefold()]
    return sorted(found, key=lambda m: swedish_key(m.name))


def public_promises_of(municipality: Municipality) -> list[CitizenPromise]:
    """A municipality's public promises, newest first, with their agreements."""
    return list(
        public_promises()
        .filter(municipality=municipality)
        .select_related("agreement", "police_area")
        .order_by("-year", "police_area__name")
    )


def public_agreements_of(promises: list[CitizenPromise]) -> list[Agreement]:
    """The distinct agreements the given promises rest on, newest first."""
    seen: dict[int, Agreement] = {}
    for promise in promises:
        if promise.agreement and promise.agreement.pk not in seen:
            seen[promise.agreement.pk] = promise.agreement
    return sorted(seen.values(), key=lambda a: -a.start_year)


def public_promise(municipality_slug: str, year: int) -> CitizenPromise | None:
    """The public promise document of a municipality and year, ready to render."""
    return (
        public_promises()
        .filter(municipality__slug=municipality_slug, year=year)
        .select_related("municipality", "police_area", "agreement")
        .prefetch_related(*_in_full_prefetches())
        .order_by("police_area__name")
        .first()
    )


# Staff side: everything inside the user's organisations' scope.


def staff_promises(user: Any) -> QuerySet[CitizenPromise]:
    """Promises the user may see internally, drafts included."""
    visible = CitizenPromise.objects.filter(visible_promise_filter(user)).values("pk")
    return CitizenPromise.objects.filter(pk__in=visible).select_related(
        "municipality", "police_area"
    )


def staff_promise_in_full(user: Any, pk: int) -> CitizenPromise | None:
    """One promise, with everything its staff page shows, if the user may see it."""
    return (
        staff_promises(user)
        .select_related("agreement")
        .prefetch_related(*_in_full_prefetches())
        .filter(pk=pk)
        .first()
    )


def dashboard_promises(user: Any, today: date) -> tuple[int | None, list[CitizenPromise]]:
    """This year's promises of the user's organisations, or the latest year that has any."""
    promises = staff_promises(user)
    year = today.year if promises.filter(year=today.year).exists() else None
    if year is None:
        latest = promises.order_by("-year").values_list("year", flat=True).first()
        year = latest
    if year is None:
        return None, []
    chosen = promises.filter(year=year).prefetch_related(*_in_full_prefetches())
    return year, sorted(chosen, key=lambda p: swedish_key(p.municipality.name))


def reportable_activities(user: Any) -> QuerySet[Activity]:
    """Activities the user may log, newest promise year first."""
    return (
        Activity.objects.filter(reportable_activity_scope(user))
        .exclude(promise__status=PromiseStatus.DRAFT)
        .distinct()
        .select_related("promise", "promise__municipality")
        .order_by("-promise__year", "promise__municipality__name", "position", "pk")
    )


def staff_reports(user: Any, *, include_removed: bool = False) -> QuerySet[ActivityReport]:
    """Reports of activities in the user's scope, newest first."""
    reports = ActivityReport.objects.filter(
        activity__in=Activity.objects.filter(promise_scope(user, prefix="promise__"))
        | Activity.objects.filter(reportable_activity_scope(user))
    )
    if not include_removed:
        reports = reports.active()
    return reports.select_related(
        "activity", "activity__promise", "activity__promise__municipality", "reported_by"
    )


def upcoming_occasions(promise: CitizenPromise, now: Any, *, public: bool) -> list[Occasion]:
    """The promise's occasions from now on; for the public only those open to it."""
    occasions = Occasion.objects.filter(activity__promise=promise, starts_at__gte=now)
    if public:
        occasions = occasions.filter(public=True)
    return list(occasions.select_related("activity").order_by("starts_at"))


def public_occasions(since: Any, municipality: Municipality | None = None) -> QuerySet[Occasion]:
    """Occasions open to the public of public, running promises, from `since` on."""
    occasions = Occasion.objects.filter(
        public=True,
        starts_at__gte=since,
        activity__promise__in=public_promises().filter(status=PromiseStatus.PUBLISHED),
    )
    if municipality is not None:
        occasions = occasions.filter(activity__promise__municipality=municipality)
    return occasions.select_related(
        "activity", "activity__promise", "activity__promise__municipality"
    ).order_by("starts_at")


def next_year_promise(promise: CitizenPromise) -> CitizenPromise | None:
    """The promise of the same municipality and police area for the following year."""
    return CitizenPromise.objects.filter(
        municipality_id=promise.municipality_id,
        police_area_id=promise.police_area_id,
        year=promise.year + 1,
    ).first()
