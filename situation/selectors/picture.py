"""The situation picture: figures per problem and source, ranked, and the records behind
each figure."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, Max, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from lib import periods
from lib.ranking import rank
from places.models import Municipality
from situation.models import (
    Complaint,
    Concern,
    CrimeStatistic,
    Dialogue,
    PoliceEvent,
    PublishedPicture,
    SurveyResult,
)
from situation.vocabularies import DialogueKind, Problem, Source

# Sources whose records are counted one by one, month by month; their sum gives the trend.
COUNTED_SOURCES = (
    Source.COMPLAINTS,
    Source.CITIZEN_DIALOGUES,
    Source.EMPLOYEE_DIALOGUES,
    Source.POLICE_EVENTS,
)


@dataclass
class ProblemRow:
    """One problem's line in the picture."""

    problem: str
    label: str
    figures: dict[str, float]
    seen_by: list[str]
    now: int
    before: int
    change: float | None
    score: float
    monthly: list[int]


@dataclass
class Picture:
    """A municipality's situation picture for a period, with the period before it."""

    municipality: Municipality
    start: date
    end: date
    previous_start: date
    months: list[date]
    rows: list[ProblemRow] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    # Sources with no record at all in the period: their figures are "no data", not 0.
    without_data: set[str] = field(default_factory=set)

    def figure(self, row: ProblemRow, source: str) -> float | None:
        """A row's figure for a source: None when the source has no data for the period."""
        if source in self.without_data:
            return None
        return row.figures.get(source, 0.0)

    @property
    def year(self) -> int:
        return self.start.year


def _month_starts(start: date, end: date) -> list[date]:
    months, day = [], start.replace(day=1)
    while day < end:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))


def _month_of(value: date | datetime) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


def _previous_start(start: date, end: date) -> date:
    """The start of the period of equal length before: whole months when given months."""
    if start.day == end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        index = start.year * 12 + start.month - 1 - months
        return date(index // 12, index % 12 + 1, 1)
    return date.fromordinal(start.toordinal() - (end - start).days)


Counts = dict[str, dict[str, dict[date, int]]]


def _counted(municipality: Municipality, since: date, end: date) -> Counts:
    """Monthly counts per source and problem of the records counted one by one."""
    counts: Counts = {s: defaultdict(lambda: defaultdict(int)) for s in COUNTED_SOURCES}
    complaints = (
        Complaint.objects.filter(
            municipality=municipality, received_on__gte=since, received_on__lt=end
        )
        .annotate(month=TruncMonth("received_on"))
        .values_list("problem", "month")
        .annotate(n=Count("pk"))
    )
    for problem, month, n in complaints:
        counts[Source.COMPLAINTS][problem][_month_of(month)] += n
    concerns = (
        Concern.objects.filter(
            dialogue__municipality=municipality,
            dialogue__held_on__gte=since,
            dialogue__held_on__lt=end,
        )
        .annotate(month=TruncMonth("dialogue__held_on"))
        .values_list("dialogue__kind", "problem", "month")
        .annotate(n=Sum("voiced_by"))
    )
    for kind, problem, month, n in concerns:
        source = (
            Source.CITIZEN_DIALOGUES if kind == DialogueKind.CITIZEN else Source.EMPLOYEE_DIALOGUES
        )
        counts[source][problem][_month_of(month)] += n
    in_period = PoliceEvent.objects.filter(municipality=municipality).exclude(problem="")
    if since.day == end.day == 1:
        # Whole months: the stored month column answers from the index alone.
        in_period = in_period.filter(month__gte=since, month__lt=end)
    else:
        in_period = in_period.filter(happened_at__gte=_moment(since), happened_at__lt=_moment(end))
    events = in_period.values_list("problem", "month").annotate(n=Count("pk")).order_by()
    for problem, month, n in events:
        counts[Source.POLICE_EVENTS][problem][_month_of(month)] += n
    return counts


def _yearly(municipality: Municipality, years: Iterable[int]) -> dict[str, dict[str, float]]:
    """Crime statistics (reported crimes) and survey results (highest share) per problem."""
    years = list(years)
    figures: dict[str, dict[str, float]] = defaultdict(dict)
    crimes = (
        CrimeStatistic.objects.filter(municipality=municipality, year__in=years)
        .exclude(problem="")
        .values_list("problem")
        .annotate(n=Sum("reported"))
    )
    for problem, n in crimes:
        figures[problem][Source.CRIME_STATISTICS] = float(n)
    surveys = (
        SurveyResult.objects.filter(municipality=municipality, year__in=years)
        .exclude(problem="")
        .values_list("problem")
        .annotate(value=Max(Coalesce("share", "index")))
    )
    for problem, value in surveys:
        figures[problem][Source.SAFETY_SURVEYS] = float(value)
    return figures


def situation_picture(*, municipality: Municipality, start: date, end: date) -> Picture:
    """The ranked picture of [start, end), compared with the period of equal length before."""
    previous_start = _previous_start(start, end)
    picture = Picture(municipality, start, end, previous_start, _month_starts(start, end))
    counts = _counted(municipality, previous_start, end)
    last_year = end.year if (end.month, end.day) == (1, 1) else end.year + 1
    yearly = _yearly(municipality, range(start.year, last_year))
    with_records = sources_with_records(municipality, start, end)
    compared = (
        set(COUNTED_SOURCES)
        & with_records
        & sources_with_records(municipality, previous_start, start)
    )
    figures: dict[str, dict[str, float]] = {}
    now: dict[str, float] = {}
    before: dict[str, float] = {}
    # The change compares like with like: only sources with records in both periods, so a
    # source that held no dialogues this year does not read as a fall.
    like_now: dict[str, float] = {}
    like_before: dict[str, float] = {}
    for problem in Problem.values:
        figures[problem] = dict(yearly.get(problem, {}))
        before[problem] = like_now[problem] = like_before[problem] = 0
        for source, by_problem in counts.items():
            months = by_problem.get(problem, {})
            figures[problem][source] = sum(n for m, n in months.items() if m >= start)
            earlier = sum(n for m, n in months.items() if m < start)
            before[problem] += earlier
            if source in compared:
                like_now[problem] += figures[problem][source]
                like_before[problem] += earlier
        now[problem] = sum(figures[problem].get(s, 0) for s in COUNTED_SOURCES)
    labels = dict(Problem.choices)
    for ranked in rank(figures, like_now, like_before):
        monthly = [
            sum(counts[s].get(ranked.key, {}).get(m, 0) for s in COUNTED_SOURCES)
            for m in picture.months
        ]
        picture.rows.append(
            ProblemRow(
                problem=ranked.key,
                label=str(labels[ranked.key]),
                figures={s: v for s, v in figures[ranked.key].items() if v},
                seen_by=ranked.seen_by,
                now=int(now[ranked.key]),
                before=int(before[ranked.key]),
                change=ranked.change,
                score=ranked.score,
                monthly=monthly,
            )
        )
    for source in Source.values:
        picture.totals[source] = sum(row.figures.get(source, 0) for row in picture.rows)
    picture.without_data = set(Source.values) - with_records
    return picture


# Counts below this are not shown to the public: a count of one or two can point at a person.
SMALL_COUNT = 3


def public_figure(value: float, source: str) -> float | None:
    """A figure as the public may see it: None for a count under SMALL_COUNT. Survey results
    are shares of many answers, not counts, and are shown as they are."""
    if source != Source.SAFETY_SURVEYS and 0 < value < SMALL_COUNT:
        return None
    return value


@dataclass(frozen=True)
class Effect:
    """One source's figure for a problem in two periods: before a promise and during it.
    None where the source has no records at all for that period: no data is not zero."""

    problem: str
    source: str
    before: float | None
    after: float | None


def sources_with_records(municipality: Municipality, start: date, end: date) -> set[str]:
    """The sources that have any record, of any problem, for [start, end); the yearly
    sources (crime statistics, surveys) for the years the period touches."""
    years = range(start.year, (end - timedelta(days=1)).year + 1)
    dialogues = Dialogue.objects.filter(
        municipality=municipality, held_on__gte=start, held_on__lt=end
    )
    present = {
        Source.COMPLAINTS: Complaint.objects.filter(
            municipality=municipality, received_on__gte=start, received_on__lt=end
        ),
        Source.CITIZEN_DIALOGUES: dialogues.filter(kind=DialogueKind.CITIZEN),
        Source.EMPLOYEE_DIALOGUES: dialogues.filter(kind=DialogueKind.EMPLOYEE),
        Source.POLICE_EVENTS: PoliceEvent.objects.filter(
            municipality=municipality, happened_at__gte=_moment(start), happened_at__lt=_moment(end)
        ),
        Source.CRIME_STATISTICS: CrimeStatistic.objects.filter(
            municipality=municipality, year__in=years
        ),
        Source.SAFETY_SURVEYS: SurveyResult.objects.filter(
            municipality=municipality, year__in=years
        ),
    }
    # One query: each source's "any record?" as an EXISTS beside the municipality.
    found = (
        Municipality.objects.filter(pk=municipality.pk)
        .annotate(**{str(source): Exists(records) for source, records in present.items()})
        .values(*[str(source) for source in present])
        .first()
    )
    return {source for source, seen in (found or {}).items() if seen}


def effects(
    municipality: Municipality,
    problems: Iterable[str],
    *,
    before: tuple[date, date],
    after: tuple[date, date],
) -> list[Effect]:
    """Each source's figure for the given problems in the `before` and `after` periods
    ([start, end), start inclusive, end exclusive); crime statistics and surveys are yearly,
    so they compare the years the periods start in. A figure is None where its source has no
    records for the period. Only sources that saw the problem in either period are returned."""
    wanted = set(problems)
    spans = (before, after)
    counted = [_counted(municipality, start, end) for start, end in spans]
    yearly = [_yearly(municipality, [start.year]) for start, _end in spans]
    present = [sources_with_records(municipality, start, end) for start, end in spans]
    found = []
    for problem in Problem.values:
        if problem not in wanted:
            continue
        for source in Source.values:
            figures: list[float | None] = [
                (
                    None
                    if source not in has
                    else float(sum(counts[source][problem].values()))
                    if source in counts
                    else yearly_figures.get(problem, {}).get(source, 0.0)
                )
                for counts, yearly_figures, has in zip(counted, yearly, present, strict=True)
            ]
            if any(figures):
                found.append(Effect(problem, source, figures[0], figures[1]))
    return found


def monthly_counts(
    *, municipality: Municipality, source: str, problem: str, start: date, end: date
) -> list[int] | None:
    """One source's counts of one problem month by month over [start, end): the records a
    records page lists, never the all-source total. None for the yearly sources."""
    if source not in COUNTED_SOURCES:
        return None
    months = _counted(municipality, start, end)[source].get(problem, {})
    return [months.get(month, 0) for month in _month_starts(start, end)]


def by_quarter(monthly: list[int]) -> list[int]:
    """Twelve monthly counts summed into four quarters."""
    return [sum(monthly[q * 3 : q * 3 + 3]) for q in range(4)]


def year_picture(municipality: Municipality, year: int) -> Picture:
    return situation_picture(
        municipality=municipality, start=date(year, 1, 1), end=date(year + 1, 1, 1)
    )


def evidence_years(municipality: Municipality) -> list[int]:
    """Years with any evidence for the municipality, newest first."""
    years: set[int] = set()
    years.update(
        d.year
        for d in Complaint.objects.filter(municipality=municipality).dates("received_on", "year")
    )
    years.update(
        d.year
        for d in Concern.objects.filter(dialogue__municipality=municipality).dates(
            "dialogue__held_on", "year"
        )
    )
    years.update(
        d.year
        for d in PoliceEvent.objects.filter(municipality=municipality).dates("happened_at", "year")
    )
    years.update(
        CrimeStatistic.objects.filter(municipality=municipality).values_list("year", flat=True)
    )
    # A year outside the plausible range can only come from a typing error stored before the
    # range was enforced; it must not become the picture's default year.
    first, last = periods.evidence_years(timezone.localdate())
    return sorted((year for year in years if first <= year <= last), reverse=True)


def evidence_of_year(municipality: Municipality, year: int) -> dict[str, QuerySet[Any]]:
    """The complaints and dialogue concerns of a year, which a commitment may cite."""
    return {
        "complaints": Complaint.objects.filter(
            municipality=municipality, received_on__year=year
        ).order_by("received_on", "pk"),
        "concerns": Concern.objects.filter(municipality=municipality, dialogue__held_on__year=year)
        .select_related("dialogue")
        .order_by("dialogue__held_on", "pk"),
    }


def is_published(municipality: Municipality, year: int) -> bool:
    return PublishedPicture.objects.filter(municipality=municipality, year=year).exists()


def published_years(municipality: Municipality) -> list[int]:
    return list(
        PublishedPicture.objects.filter(municipality=municipality)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def records_behind(
    *, municipality: Municipality, source: str, problem: str | None, start: date, end: date
) -> QuerySet[Any]:
    """The records behind one figure of the picture (staff only: complaint texts included);
    with no problem, those of every counted problem."""
    of_problem: dict[str, str] = {"problem": problem} if problem else {}
    if source == Source.COMPLAINTS:
        return Complaint.objects.filter(
            municipality=municipality, received_on__gte=start, received_on__lt=end, **of_problem
        ).select_related("district", "corrected_by")
    if source in (Source.CITIZEN_DIALOGUES, Source.EMPLOYEE_DIALOGUES):
        kind = DialogueKind.CITIZEN if source == Source.CITIZEN_DIALOGUES else DialogueKind.EMPLOYEE
        return (
            Concern.objects.filter(
                dialogue__municipality=municipality,
                dialogue__kind=kind,
                dialogue__held_on__gte=start,
                dialogue__held_on__lt=end,
                **of_problem,
            )
            .select_related("dialogue", "corrected_by")
            .order_by("-dialogue__held_on", "pk")
        )
    if source == Source.POLICE_EVENTS:
        return (
            PoliceEvent.objects.filter(
                municipality=municipality,
                happened_at__gte=_moment(start),
                happened_at__lt=_moment(end),
                **of_problem,
            )
            .exclude(problem="")
            .defer("raw")
        )
    if source == Source.CRIME_STATISTICS:
        return CrimeStatistic.objects.filter(
            municipality=municipality, year__gte=start.year, year__lt=end.year, **of_problem
        )
    if source == Source.SAFETY_SURVEYS:
        return SurveyResult.objects.filter(
            municipality=municipality, year__gte=start.year, year__lt=end.year, **of_problem
        )
    raise ValueError(f"unknown source {source!r}")
