"""Reads of the promise cycle that need care: public visibility, progress and pace."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import Organisation, OrganisationKind
from accounts.permissions import (
    promise_approval_parties,
    promise_scope,
    reportable_activity_scope,
    visible_promise_filter,
)
from lib.carry_over import years_mentioned
from lib.pace import Pace, Phase, Progress, Rate, activity_pace
from lib.sorting import swedish_key
from lib.text import search_key
from places.models import Municipality
from promises.models import (
    Activity,
    ActivityReport,
    Agreement,
    CitizenPromise,
    Commitment,
    Occasion,
    Signatory,
)
from promises.vocabularies import LOG_CLOSED_STATUSES, PUBLIC_STATUSES, PromiseStatus


@dataclass(frozen=True)
class ActivityProgress:
    """An activity with its progress as of a given day."""

    activity: Activity
    progress: Progress


def promise_phase(promise: CitizenPromise, today: date) -> Phase:
    """Where the promise is in time: a draft or a year to come is planned, an evaluated or
    withdrawn promise or one whose year is over has ended, and the rest runs this year."""
    if promise.status == PromiseStatus.DRAFT or promise.year > today.year:
        return Phase.PLANNED
    if promise.status in (PromiseStatus.EVALUATED, PromiseStatus.WITHDRAWN):
        return Phase.ENDED
    return Phase.ENDED if promise.year < today.year else Phase.RUNNING


def progress_as_of(promise: CitizenPromise, today: date) -> date:
    """The day the promise's progress is told as of: today, or its year's last day once the
    year is over."""
    return min(today, date(promise.year, 12, 31))


def in_force(promise: CitizenPromise, today: date) -> bool:
    """Whether a published promise is running this year (not ended, evaluated or withdrawn)."""
    return promise.status == PromiseStatus.PUBLISHED and promise.year == today.year


def promise_pace(
    promise: CitizenPromise,
    done: int,
    target: int | None,
    today: date,
    rate: Rate | None = None,
) -> Progress:
    """Done against target for an activity (or a sum of them) of the promise, paced by its
    rate if it has one, with a pace only while the promise runs, and its result once it has
    ended."""
    return activity_pace(
        done, target, year=promise.year, today=today, phase=promise_phase(promise, today), rate=rate
    )


def activity_progress(activity: Activity, today: date) -> ActivityProgress:
    """Done against target for one activity, with the pace expected by `today`."""
    return ActivityProgress(
        activity,
        promise_pace(activity.promise, activity.done_count, activity.target, today, activity.rate),
    )


def promise_progress(promise: CitizenPromise, today: date) -> list[ActivityProgress]:
    """Progress of every activity of a promise (activities should be prefetched)."""
    return [
        ActivityProgress(a, promise_pace(promise, a.done_count, a.target, today, a.rate))
        for a in promise.activities.all()
    ]


def summed_rate(rates: list[Rate | None]) -> Rate | None:
    """The rate of activities summed together: their counts added when every one has a rate
    of the same period, else None (their sum is paced evenly)."""
    found = [rate for rate in rates if rate is not None]
    if not found or len(found) < len(list(rates)) or len({r.per for r in found}) > 1:
        return None
    return Rate(sum(r.count for r in found), found[0].per)


@dataclass(frozen=True)
class YearReference:
    """A text of a promise that mentions years other than the promise's own."""

    place: str
    years: list[int]


def _field_label(model: type[CitizenPromise], name: str) -> str:
    field = model._meta.get_field(name)
    return str(getattr(field, "verbose_name", name)).capitalize()


def year_references(promise: CitizenPromise) -> list[YearReference]:
    """The texts of a promise that mention another year than its own, to check after it was
    carried over from the year before: history may be meant, or a year left stale."""
    texts = [
        (_field_label(CitizenPromise, name), str(getattr(promise, name)))
        for name in ("title", "introduction", "situation", "effect", "evaluation_plan")
    ]
    commitment = str(Commitment._meta.verbose_name).capitalize()
    texts += [(f"{commitment} {n}", c.text) for n, c in enumerate(promise.commitments.all(), 1)]
    texts += [(a.get_kind_display(), a.description) for a in promise.activities.all()]
    found = []
    for place, text in texts:
        years = [y for y in years_mentioned(text) if y != promise.year]
        if years:
            found.append(YearReference(place, years))
    return found


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
    """Municipalities with published promises, in Swedish order, filtered by name, county
    ("Skåne") or municipality code ("1285"), as the list beside the search shows them."""
    municipalities = (
        Municipality.objects.filter(promises__status__in=PUBLIC_STATUSES)
        .distinct()
        .select_related("county")
    )
    needle = search_key(query)
    code = query.strip()
    found = [
        m
        for m in municipalities
        if needle in search_key(m.name)
        or (needle and needle in search_key(m.county.name))
        or (code.isdigit() and m.code.startswith(code))
    ]
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


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard leads with: the promises in force, then those not yet published."""

    # The year of `in_force`: this year, or else the latest year with a published promise.
    year: int | None
    in_force: list[CitizenPromise]
    # Drafts and signed promises waiting to be published, newest year first.
    drafts: list[CitizenPromise]


def dashboard_promises(user: Any, today: date) -> Dashboard:
    """The user's promises in force this year (or the latest published ones), then drafts:
    a draft, even one of a later year, never pushes a live promise aside."""
    promises = staff_promises(user)
    live = promises.filter(
        status__in=[PromiseStatus.PUBLISHED, PromiseStatus.EVALUATED], year__lte=today.year
    )
    year = today.year if live.filter(year=today.year).exists() else None
    if year is None:
        year = live.order_by("-year").values_list("year", flat=True).first()
    in_force = (
        []
        if year is None
        else list(live.filter(year=year).prefetch_related(*_in_full_prefetches()))
    )
    drafts = promises.filter(status__in=[PromiseStatus.DRAFT, PromiseStatus.SIGNED])
    return Dashboard(
        year,
        sorted(in_force, key=lambda p: swedish_key(p.municipality.name)),
        sorted(drafts, key=lambda p: (-p.year, swedish_key(p.municipality.name))),
    )


def reportable_activities(user: Any) -> QuerySet[Activity]:
    """Activities the user may log, newest promise year first; drafts and promises whose
    log is closed are left out."""
    return (
        Activity.objects.filter(reportable_activity_scope(user))
        .exclude(promise__status__in=(PromiseStatus.DRAFT, *LOG_CLOSED_STATUSES))
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


def position_after_last(promise: CitizenPromise, kind: type[Commitment | Activity]) -> int:
    """The position that puts a new commitment or activity last in its promise."""
    found = kind._default_manager.filter(promise=promise).aggregate(top=Max("position"))
    return 0 if found["top"] is None else int(found["top"]) + 1


def approval_rows(approved: Any, promise: CitizenPromise) -> list[dict[str, Any]]:
    """Each party of the promise with who approved the publication of `approved` (the
    promise or its evaluation) for it and when (None: not yet)."""
    return [
        {
            "party": party,
            "name": promise.municipality.name
            if party == "municipality"
            else promise.police_area.name,
            "by": getattr(approved, f"{party}_approved_by"),
            "at": getattr(approved, f"{party}_approved_at"),
        }
        for party in ("municipality", "police")
    ]


def may_approve(approved: Any, promise: CitizenPromise, user: Any) -> bool:
    """Whether the user may add their party's approval of `approved` (the promise or its
    evaluation) now: a party of theirs has not approved, and they have not approved
    themselves (an administrator may stand in for both)."""
    parties = promise_approval_parties(user, promise)
    approvers = (approved.municipality_approved_by_id, approved.police_approved_by_id)
    waiting = [p for p in parties if getattr(approved, f"{p}_approved_by_id") is None]
    return bool(waiting) and (user.is_superuser or user.pk not in approvers)


def publication_gaps(promise: CitizenPromise) -> list[str]:
    """What the promise lacks before it may be published, in words; empty when nothing.
    A promise is signed by both parties and promises at least one activity."""
    gaps = []
    if not promise.activities.exists():
        gaps.append(_("No activity: a promise needs at least one."))
    kinds = [s.organisation.kind if s.organisation else None for s in _signatories(promise)]
    if len(kinds) < 2:
        gaps.append(
            _("Fewer than two signatories: one for the police and one for the municipality.")
        )
    if OrganisationKind.POLICE_AREA not in kinds:
        gaps.append(_("No signatory for the police."))
    if OrganisationKind.MUNICIPALITY not in kinds:
        gaps.append(_("No signatory for the municipality."))
    return gaps


def _signatories(promise: CitizenPromise) -> list[Signatory]:
    return list(Signatory.objects.filter(promise=promise).select_related("organisation"))
