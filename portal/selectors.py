"""Reads of the national overview: every municipality with its latest public promise and
how it stands, totals across Sweden, and municipalities side by side. A fixed handful of
queries for all 290 municipalities; the pace is reckoned in Python from stored counts."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import OuterRef, Subquery

from lib.pace import Pace, Phase, Progress, Rate
from lib.sorting import swedish_key
from lib.text import search_key
from places.models import Municipality
from promises.models import Activity, CitizenPromise
from promises.selectors import (
    in_force,
    progress_as_of,
    promise_pace,
    promise_phase,
    public_municipalities,
    public_promises,
    summed_rate,
)
from promises.vocabularies import ActivityKind, PromiseStatus

# How a promise stands, for filtering: its publication status, or its pace while it runs.
ON_TRACK, BEHIND, ENDED = "on_track", "behind", "ended"
STANDINGS = (
    PromiseStatus.PUBLISHED,
    ENDED,
    PromiseStatus.EVALUATED,
    PromiseStatus.WITHDRAWN,
    ON_TRACK,
    BEHIND,
)


@dataclass
class ActivityLine:
    kind: str
    target: int | None
    done: int
    progress: Progress
    rate: Rate | None = None


@dataclass
class PromiseStanding:
    """A promise with its activities' progress, and whether any is behind."""

    promise: CitizenPromise
    activities: list[ActivityLine] = field(default_factory=list)
    # In force this year: only then has it a pace; otherwise its activities show their result.
    running: bool = False
    phase: Phase = Phase.RUNNING
    # The day its figures are told as of: today while it runs, its year's last day once ended.
    as_of: date | None = None

    @property
    def behind(self) -> int:
        return sum(1 for a in self.activities if a.progress.pace == Pace.BEHIND)

    @property
    def measured(self) -> int:
        return sum(1 for a in self.activities if a.progress.pace != Pace.NO_TARGET)

    @property
    def on_track(self) -> bool:
        return self.behind == 0

    @property
    def reached(self) -> int:
        return sum(1 for a in self.activities if a.progress.pace == Pace.REACHED)

    def kinds(self) -> set[str]:
        return {a.kind for a in self.activities}

    def matches(self, standing: str) -> bool:
        if standing == ON_TRACK:
            return self.running and self.on_track
        if standing == BEHIND:
            return self.running and not self.on_track
        # Published is running only in its own year; after it, the promise has ended.
        if standing == PromiseStatus.PUBLISHED:
            return self.running
        if standing == ENDED:
            return self.promise.status == PromiseStatus.PUBLISHED and not self.running
        return self.promise.status == standing


@dataclass
class Row:
    municipality: Municipality
    standing: PromiseStanding | None


@dataclass
class KindTotal:
    kind: str
    label: str
    promises: int = 0
    target: int = 0
    done: int = 0

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.target)) if self.target else 0


@dataclass
class Overview:
    year: int | None
    rows: list[Row]
    with_promise: int
    on_track: int
    running: int
    kinds: list[KindTotal]


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    county: str = ""
    region: str = ""
    kind: str = ""
    standing: str = ""


def municipalities_matching(query: str, *, besides: list[Municipality]) -> list[Municipality]:
    """Municipalities whose name the search matches, other than `besides` (those with
    published promises, listed already), in Swedish order: every one has a page."""
    needle = search_key(query)
    if not needle:
        return []
    shown = {m.pk for m in besides}
    places = Municipality.objects.exclude(pk__in=shown).only("pk", "name", "slug")
    return sorted(
        (m for m in places if needle in search_key(m.name)), key=lambda m: swedish_key(m.name)
    )


def promise_years() -> list[int]:
    """Years with at least one public promise, newest first."""
    return sorted(set(public_promises().values_list("year", flat=True)), reverse=True)


def _standings(promises: list[CitizenPromise], today: date) -> dict[int, PromiseStanding]:
    standings = {
        p.pk: PromiseStanding(
            p,
            running=in_force(p, today),
            phase=promise_phase(p, today),
            as_of=progress_as_of(p, today),
        )
        for p in promises
    }
    activities = Activity.objects.filter(promise_id__in=list(standings)).values_list(
        "promise_id", "kind", "target", "done_count", "rate_count", "rate_per"
    )
    for promise_id, kind, target, done, rate_count, rate_per in activities:
        standing = standings[promise_id]
        rate = Rate(rate_count, rate_per) if rate_count and rate_per else None
        standing.activities.append(
            ActivityLine(
                kind, target, done, promise_pace(standing.promise, done, target, today, rate), rate
            )
        )
    return standings


def _municipalities(filters: Filters) -> list[Municipality]:
    places = Municipality.objects.select_related("county", "county__police_region").only(
        "pk",
        "name",
        "slug",
        "code",
        "county__code",
        "county__name",
        "county__police_region__slug",
        "county__police_region__name",
    )
    if filters.county:
        places = places.filter(county__code=filters.county)
    if filters.region:
        places = places.filter(county__police_region__slug=filters.region)
    return sorted(places, key=lambda m: swedish_key(m.name))


def _latest(filters: Filters, place_ids: set[int]) -> dict[int, CitizenPromise]:
    """Each municipality's public promise of the year, or its latest one."""
    promises = (
        public_promises()
        .filter(municipality_id__in=place_ids)
        .only("pk", "municipality_id", "police_area_id", "year", "title", "status")
    )
    if filters.year:
        promises = promises.filter(year=filters.year)
    else:
        # Only each municipality's newest year: a tenth of the rows over ten years.
        newest = (
            public_promises()
            .filter(municipality_id=OuterRef("municipality_id"))
            .order_by("-year")
            .values("year")[:1]
        )
        promises = promises.filter(year=Subquery(newest))
    latest: dict[int, CitizenPromise] = {}
    for promise in promises.order_by("municipality_id", "year", "police_area_id"):
        latest[promise.municipality_id] = promise  # the last one is the newest
    return latest


def national_overview(filters: Filters, today: date) -> Overview:
    """Every municipality (of the county or region asked for) with its promise and standing;
    the filters on activity kind and standing keep only the rows that match."""
    places = _municipalities(filters)
    latest = _latest(filters, {m.pk for m in places})
    standings = _standings(list(latest.values()), today)
    rows = []
    for place in places:
        promise = latest.get(place.pk)
        standing = standings[promise.pk] if promise else None
        if filters.kind and (standing is None or filters.kind not in standing.kinds()):
            continue
        if filters.standing and (standing is None or not standing.matches(filters.standing)):
            continue
        rows.append(Row(place, standing))
    # A withdrawn promise is listed, marked as withdrawn, but counts in no total: it no
    # longer holds, and its figures are not promised or carried out by anyone.
    shown = [
        r.standing
        for r in rows
        if r.standing and r.standing.promise.status != PromiseStatus.WITHDRAWN
    ]
    # Only promises in force this year are running; an ended year's promise is not.
    running = [s for s in shown if s.running]
    return Overview(
        year=filters.year,
        rows=rows,
        with_promise=len(shown),
        on_track=sum(1 for s in running if s.on_track),
        running=len(running),
        kinds=_kind_totals(shown),
    )


def _kind_totals(standings: list[PromiseStanding]) -> list[KindTotal]:
    labels = dict(ActivityKind.choices)
    totals: dict[str, KindTotal] = {}
    promises_with: dict[str, set[int]] = defaultdict(set)
    for standing in standings:
        for activity in standing.activities:
            total = totals.setdefault(
                activity.kind, KindTotal(activity.kind, str(labels[activity.kind]))
            )
            total.target += activity.target or 0
            total.done += activity.done
            promises_with[activity.kind].add(standing.promise.pk)
    for kind, total in totals.items():
        total.promises = len(promises_with[kind])
    return sorted(totals.values(), key=lambda t: (-t.promises, swedish_key(t.label)))


@dataclass
class CompareChoice:
    """What a visitor asked to compare: the municipalities found, in the order asked, the
    addresses that name none, and the ones asked for more than once."""

    places: list[Municipality]
    unknown: list[str]
    repeated: list[Municipality]


def compare_choice(slugs: list[str]) -> CompareChoice:
    """The municipalities that `slugs` name (each once), with what could not be used."""
    asked = [s[:60] for s in slugs if s][:100]
    found = {m.slug: m for m in Municipality.objects.filter(slug__in=asked)}
    unique = list(dict.fromkeys(asked))
    repeated = [found[s] for s in unique if asked.count(s) > 1 and s in found]
    return CompareChoice(
        places=[found[s] for s in unique if s in found],
        unknown=[s for s in unique if s not in found],
        repeated=repeated,
    )


def compare_additions(chosen: list[Municipality], year: int | None) -> list[Municipality]:
    """Municipalities that may be added to a comparison: those with a public promise (of the
    year compared, if one is), not already chosen."""
    taken = {m.pk for m in chosen}
    places = public_municipalities()
    if year is not None:
        with_year = set(
            public_promises().filter(year=year).values_list("municipality_id", flat=True)
        )
        places = [m for m in places if m.pk in with_year]
    return [m for m in places if m.pk not in taken]


@dataclass
class Column:
    """One municipality in the comparison."""

    municipality: Municipality
    standing: PromiseStanding | None
    by_kind: dict[str, ActivityLine]


def compare(slugs: list[str], year: int | None, today: date) -> tuple[list[Column], list[str]]:
    """Municipalities side by side: each one's promise (of the year, or latest) and its
    activities summed by kind; with the kinds that any of them has, in a stable order."""
    places = {
        m.slug: m for m in Municipality.objects.filter(slug__in=slugs).select_related("county")
    }
    chosen = [places[s] for s in dict.fromkeys(slugs) if s in places]
    latest = _latest(Filters(year=year), {m.pk for m in chosen})
    standings = _standings(list(latest.values()), today)
    columns, kinds = [], []
    for place in chosen:
        promise = latest.get(place.pk)
        standing = standings[promise.pk] if promise else None
        by_kind: dict[str, ActivityLine] = {}
        if standing is not None:
            for activity in standing.activities:
                summed = by_kind.get(activity.kind)
                target, rate = activity.target, activity.rate
                if summed is not None:
                    target = (summed.target or 0) + (activity.target or 0)
                    rate = summed_rate([summed.rate, activity.rate])
                done = (summed.done if summed else 0) + activity.done
                by_kind[activity.kind] = ActivityLine(
                    activity.kind,
                    target,
                    done,
                    promise_pace(standing.promise, done, target, today, rate),
                    rate,
                )
                if activity.kind not in kinds:
                    kinds.append(activity.kind)
        columns.append(Column(place, standing, by_kind))
    order = list(ActivityKind.values)
    return columns, sorted(kinds, key=order.index)


@dataclass(frozen=True)
class NewsItem:
    """Something published: a promise, a follow-up or an evaluation, for the feeds."""

    key: str
    kind: str
    title: str
    municipality: Municipality
    year: int
    when: datetime
    summary: str
    follow_up_number: int | None = None


def news(municipality: Municipality | None = None, limit: int = 50) -> list[NewsItem]:
    """The newest published promises, follow-ups and evaluations (three queries)."""
    from followup.selectors import public_evaluations, public_follow_ups

    promises = public_promises().filter(published_at__isnull=False).select_related("municipality")
    follow_ups = public_follow_ups().select_related("promise", "promise__municipality")
    evaluations = public_evaluations().select_related("promise", "promise__municipality")
    if municipality is not None:
        promises = promises.filter(municipality=municipality)
        follow_ups = follow_ups.filter(promise__municipality=municipality)
        evaluations = evaluations.filter(promise__municipality=municipality)
    items = [
        NewsItem(
            f"promise:{p.pk}",
            "promise",
            p.title,
            p.municipality,
            p.year,
            p.published_at,
            p.introduction,
        )
        for p in promises.order_by("-published_at")[:limit]
        if p.published_at
    ]
    items += [
        NewsItem(
            f"follow-up:{f.pk}",
            "follow_up",
            f.promise.title,
            f.promise.municipality,
            f.promise.year,
            f.published_at,
            f.assessment,
            f.number,
        )
        for f in follow_ups.order_by("-published_at")[:limit]
        if f.published_at
    ]
    items += [
        NewsItem(
            f"evaluation:{e.pk}",
            "evaluation",
            e.promise.title,
            e.promise.municipality,
            e.promise.year,
            e.published_at,
            e.summary,
        )
        for e in evaluations.order_by("-published_at")[:limit]
        if e.published_at
    ]
    return sorted(items, key=lambda item: item.when, reverse=True)[:limit]
