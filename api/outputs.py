"""Each open data output built from the reads, in one function per output: the API answers
with them and the CSV tables read their columns from them. Each returns the typed dict that
`api.schemas` declares; a page's function reads what its items need in a fixed number of
queries."""

from datetime import date
from functools import lru_cache
from typing import Any, Literal, Protocol, cast

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from api import selectors
from api.schemas import (
    ActivityOut,
    AgreementOut,
    EffectOut,
    EvaluationOut,
    FollowUpOut,
    IndexOut,
    MunicipalityOut,
    Pace,
    PictureOut,
    PictureRef,
    PlaceRef,
    PoliceAreaOut,
    ProblemFigures,
    PromiseOut,
    PublicStatus,
)
from followup.models import Evaluation, FollowUp
from lib.pace import Rate
from places.models import Municipality, PoliceArea
from promises.models import Agreement, CitizenPromise
from promises.selectors import progress_as_of, promise_pace, promise_phase
from promises.vocabularies import ActivityKind, RatePeriod, measures_reach
from situation import selectors as situation_selectors
from situation.models import PublishedPicture
from situation.vocabularies import Source


class Place(Protocol):
    slug: str
    name: str


class Link(Protocol):
    """The address of a page on the site, from its URL name and arguments."""

    def __call__(self, name: str, *args: object) -> str: ...


def links(request: HttpRequest) -> Link:
    """Absolute addresses, on the host the request came to."""

    def link(name: str, *args: object) -> str:
        return request.build_absolute_uri(reverse(name, args=args))

    return link


def no_links(name: str, *args: object) -> str:
    """No address: for the CSV tables, which have no link columns. Reversing two addresses
    per promise would take a third of a table's time."""
    return ""


def _ref(place: Place) -> PlaceRef:
    return {"slug": place.slug, "name": place.name}


def withdrawn_by(party: str) -> Literal["municipality", "police"] | None:
    """The party that withdrew a promise, or None (not withdrawn, or before it was kept)."""
    if party == "municipality":
        return "municipality"
    if party == "police":
        return "police"
    return None


def _kind(kind: str) -> ActivityKind:
    # The stored kind is one of the vocabulary's values; no need to look it up.
    return cast(ActivityKind, kind)


@lru_cache
def _rate_period(per: str) -> RatePeriod:
    # Stored only once checked against the vocabulary (Activity.clean).
    return cast(RatePeriod, per)


def _kind_labels(language: str | None) -> dict[str, str]:
    """The activity kinds' names in the active language (the key), translated once."""
    return {value: str(label) for value, label in ActivityKind.choices}


# The index

LISTS = {
    "municipalities": "api:municipality_list",
    "police_areas": "api:police_area_list",
    "agreements": "api:agreement_list",
    "promises": "api:promise_list",
    "follow_ups": "api:follow_up_list",
    "evaluations": "api:evaluation_list",
    "situation_pictures": "api:picture_list",
}


def index_out(link: Link) -> IndexOut:
    """The API's own address: what it holds, in the request's language, and where its
    documentation, description and lists are (addresses the site serves, never a file)."""
    documentation = link("api:openapi-view")
    description = _(
        "Citizen promises (medborgarlöften) of Swedish municipalities and police areas: the "
        "promises, their activities and progress, follow-ups, evaluations and the "
        "aggregated figures of published situation pictures. Published data only; no "
        "personal data. The documentation is at %(documentation)s, and the CSV tables and "
        "feeds are listed at %(open_data)s."
    ) % {"documentation": documentation, "open_data": link("portal:open_data")}
    return {
        "title": _("Löften – open data"),
        "description": description,
        "documentation": documentation,
        "openapi": link("api:openapi-json"),
        "open_data": link("portal:open_data"),
        "lists": {name: link(url_name) for name, url_name in LISTS.items()},
    }


# Municipalities and police areas


def municipality_out(link: Link, place: Municipality, years: selectors.Years) -> MunicipalityOut:
    return {
        "code": place.code,
        "name": place.name,
        "slug": place.slug,
        "county": {"code": place.county.code, "name": place.county.name},
        "police_region": _ref(place.county.police_region),
        "promise_years": sorted(set(years.promises)),
        "situation_years": years.pictures,
        "url": link("portal:municipality", place.slug),
    }


def municipalities_out(link: Link, places: list[Municipality]) -> list[MunicipalityOut]:
    years = selectors.years_of(places)
    return [municipality_out(link, place, years[place.pk]) for place in places]


def police_area_out(area: PoliceArea) -> PoliceAreaOut:
    return {
        "slug": area.slug,
        "name": area.name,
        "region": _ref(area.region),
        "municipalities": [m.slug for m in area.municipalities.all()],
    }


def police_areas_out(link: Link, areas: list[PoliceArea]) -> list[PoliceAreaOut]:
    return [police_area_out(area) for area in areas]


# Agreements and promises


def agreement_out(agreement: Agreement) -> AgreementOut:
    return {
        "id": agreement.pk,
        "title": agreement.title,
        "municipality": _ref(agreement.municipality),
        "police_area": _ref(agreement.police_area),
        "start_year": agreement.start_year,
        "end_year": agreement.end_year,
        "signed_on": agreement.signed_on,
        "summary": agreement.summary,
        "parties": [party.name for party in agreement.parties.all()],
    }


def agreements_out(link: Link, agreements: list[Agreement]) -> list[AgreementOut]:
    return [agreement_out(agreement) for agreement in agreements]


def activity_out(
    row: selectors.ActivityRow, promise: CitizenPromise, today: date, labels: dict[str, str]
) -> ActivityOut:
    """An activity with its progress as of `today` (its pace while the promise runs, its
    result once it has ended); `labels` the kinds' names in the language asked for."""
    rate = Rate(row.rate_count, row.rate_per) if row.rate_count and row.rate_per else None
    done = promise_pace(promise, row.done_count, row.target, today, rate)
    return {
        "id": row.pk,
        "commitment_id": row.commitment_id,
        "kind": _kind(row.kind),
        "kind_label": labels.get(row.kind, row.kind),
        "description": row.description,
        "target": row.target,
        "unit": row.unit,
        "rate": {"count": rate.count, "per": _rate_period(rate.per)} if rate else None,
        "minimum": row.minimum,
        "focus": list(row.focus or []),
        "done": row.done_count,
        "last_done_on": row.last_done_on,
        "pace": done.pace.value,
        "percent": done.percent,
        "measures_reach": measures_reach(row.kind),
        "reached": row.reached_count if measures_reach(row.kind) else None,
        "audience_size": row.audience_size,
    }


def promise_out(
    link: Link, promise: CitizenPromise, parts: selectors.Parts, today: date
) -> PromiseOut:
    """A promise with its parts (from `selectors.parts_of`) and progress as of `today`."""
    labels = _kind_labels(get_language())
    slug, year = promise.municipality.slug, promise.year
    return {
        "id": promise.pk,
        "url": link("portal:promise", slug, year),
        "pdf": link("portal:promise_download", slug, year, "pdf"),
        "municipality": _ref(promise.municipality),
        "police_area": _ref(promise.police_area),
        "agreement_id": promise.agreement_id,
        "year": year,
        "title": promise.title,
        # Public promises only: selectors.promises() reads no other status.
        "status": cast(PublicStatus, promise.status),
        "introduction": promise.introduction,
        "situation": promise.situation,
        "effect": promise.effect,
        "follow_up": promise.follow_up,
        "evaluation_due": promise.evaluation_due,
        "signed_on": promise.signed_on,
        "published_at": promise.published_at,
        "withdrawn_at": promise.withdrawn_at,
        "withdrawal_reason": promise.withdrawal_reason,
        "withdrawn_by": withdrawn_by(promise.withdrawn_by_party),
        "phase": promise_phase(promise, today).value,
        "progress_as_of": progress_as_of(promise, today),
        "commitments": [
            {"id": c.pk, "text": c.text, "problems": c.problems} for c in parts.commitments
        ],
        "activities": [activity_out(row, promise, today, labels) for row in parts.activities],
    }


def promises_out(link: Link, promises: list[CitizenPromise]) -> list[PromiseOut]:
    parts = selectors.parts_of(promises)
    today = timezone.localdate()
    return [promise_out(link, p, parts[p.pk], today) for p in promises]


# Follow-ups and evaluations


def follow_up_out(link: Link, found: FollowUp) -> FollowUpOut:
    promise = found.promise
    slug = promise.municipality.slug
    return {
        "id": found.pk,
        "url": link("portal:follow_up", slug, promise.year, found.number),
        "promise_id": promise.pk,
        "municipality": _ref(promise.municipality),
        "year": promise.year,
        "period": found.number,
        "period_start": found.period_start,
        "period_end": found.period_end,
        "published_at": found.published_at,
        "assessment": found.assessment,
        "activities": [
            {
                "activity_id": line.activity_id,
                "kind": _kind(line.activity.kind),
                "done_in_period": line.done_in_period,
                "done_to_date": line.done_to_date,
                "target": line.target,
                "pace": cast(Pace, line.pace),
                "outcomes": line.outcomes,
                "comment": line.comment,
            }
            for line in found.activities.all()
        ],
        "commitments": [
            {"commitment_id": j.commitment_id, "status": j.effective_status, "comment": j.comment}
            for j in found.commitments.all()
        ],
    }


def follow_ups_out(link: Link, found: list[FollowUp]) -> list[FollowUpOut]:
    return [follow_up_out(link, follow_up) for follow_up in found]


def effect_out(effect: dict[str, Any]) -> EffectOut:
    """An effect as stored with the evaluation, its small counts withheld; a period without
    any of the source's records is null and marked as no data, never 0."""
    figures = [effect["before"], effect["after"]]
    public = [
        None if value is None else situation_selectors.public_figure(value, effect["source"])
        for value in figures
    ]
    return {
        "problem": effect["problem"],
        "source": effect["source"],
        "before": public[0],
        "after": public[1],
        "suppressed": any(
            shown is None and value is not None
            for shown, value in zip(public, figures, strict=True)
        ),
        "no_data_before": figures[0] is None,
        "no_data_after": figures[1] is None,
    }


def evaluation_out(link: Link, found: Evaluation) -> EvaluationOut:
    promise = found.promise
    compared = found.compared
    return {
        "id": found.pk,
        "url": link("portal:evaluation", promise.municipality.slug, promise.year),
        "promise_id": promise.pk,
        "municipality": _ref(promise.municipality),
        "year": promise.year,
        "summary": found.summary,
        "compared_before": [compared["before_first"], compared["before_last"]],
        "compared_during": [compared["after_first"], compared["after_last"]],
        "published_at": found.published_at,
        "activities": [
            {
                "activity_id": line.activity_id,
                "kind": _kind(line.activity.kind),
                "done": line.done,
                "target": line.target,
                "pace": cast(Pace, line.pace),
                "measures_reach": measures_reach(line.activity.kind),
                "reached": line.reached if measures_reach(line.activity.kind) else None,
                "audience_size": line.audience_size,
                "outcomes": line.outcomes,
            }
            for line in found.activities.all()
        ],
        "commitments": [
            {
                "commitment_id": line.commitment_id,
                "effects": [effect_out(e) for e in line.effects],
                "partners_assessment": line.partners_assessment,
                "next_year": line.next_year,
            }
            for line in found.commitments.all()
        ],
    }


def evaluations_out(link: Link, found: list[Evaluation]) -> list[EvaluationOut]:
    return [evaluation_out(link, evaluation) for evaluation in found]


# Situation pictures: aggregated figures of published years only


def picture_ref_out(link: Link, published: PublishedPicture) -> PictureRef:
    place = published.municipality
    return {
        "municipality": _ref(place),
        "year": published.year,
        "url": link("api:picture_detail", place.slug, published.year),
    }


def picture_refs_out(link: Link, found: list[PublishedPicture]) -> list[PictureRef]:
    return [picture_ref_out(link, published) for published in found]


def picture_out(published: PublishedPicture) -> PictureOut:
    """A published picture's figures per problem and source, as they were published."""
    picture = situation_selectors.frozen_picture(published)
    place = published.municipality
    problems: list[ProblemFigures] = []
    for rank, row in enumerate(picture.rows, start=1):
        figures: dict[str, float | None] = {}
        for source in Source.values:
            if source in row.figures:
                figures[source] = situation_selectors.public_figure(row.figures[source], source)
        problems.append(
            {
                "rank": rank,
                "problem": row.problem,
                "label": row.label,
                "figures": figures,
                "suppressed": [s for s, v in figures.items() if v is None],
                "change": row.change,
            }
        )
    return {
        "municipality": _ref(place),
        "year": published.year,
        "published_at": published.published_at,
        "published_again_at": published.updated_at,
        "evidence_changed_since": situation_selectors.evidence_changed(published),
        "small_count_limit": situation_selectors.SMALL_COUNT,
        "problems": problems,
        "no_data_sources": [s for s in Source.values if s in picture.without_data],
    }
