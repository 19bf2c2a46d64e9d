"""The open data API, version 1: read-only, public, no key; published data only.

Lists are paginated with cursors (`?limit=…&cursor=…`, the next page's address in `next`)
and filtered by query parameters. The OpenAPI description is at /api/v1/openapi.json and
browsable at /api/v1/docs."""

from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle

from api import schemas, selectors
from api.pagination import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, envelope, page
from followup.models import Evaluation, FollowUp
from lib.pace import progress
from lib.periods import FIRST_PROMISE_YEAR, LAST_YEAR, year_elapsed_share
from places.models import Municipality, PoliceArea
from promises.models import Agreement, CitizenPromise
from promises.vocabularies import ActivityKind
from situation import selectors as situation_selectors
from situation.vocabularies import Source

T = TypeVar("T")


class Page(Schema, Generic[T]):
    results: list[T]
    next: str | None


class AddressRateThrottle(AnonRateThrottle):
    """Requests per client address, at the rate API_RATE says when the request comes."""

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


api = NinjaAPI(
    title="Löften – öppna data",
    version="1",
    description=(
        "Medborgarlöften (citizen promises) of Swedish municipalities and police areas: the "
        "promises, their activities and live progress, follow-ups, evaluations and the "
        "aggregated figures of published situation pictures. Published data only; no "
        "personal data. See docs/api.md."
    ),
    urls_namespace="api",
    docs_decorator=require_safe,
    throttle=[AddressRateThrottle(settings.API_RATE)],
)

LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
CURSOR = Query(
    None,
    pattern=CURSOR_PATTERN,
    description="Where the page starts: the cursor in the previous page's `next`.",
)
YEAR = Query(None, ge=FIRST_PROMISE_YEAR, le=LAST_YEAR)
ERRORS = {
    400: schemas.ErrorOut,
    404: schemas.ErrorOut,
    422: schemas.ValidationErrorOut,
    429: schemas.ErrorOut,
}


def _url(request: HttpRequest, name: str, *args: object) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def _ref(place: Any) -> dict[str, str]:
    return {"slug": place.slug, "name": place.name}


M = TypeVar("M", bound=Model)


def _listed(
    request: HttpRequest,
    items: QuerySet[M],
    cursor: str | None,
    limit: int,
    convert: Any,
    attach: Any = None,
) -> HttpResponse:
    """One page of a list, written out directly: the dicts are built to the schema, and
    validating 200 nested items again would double the time. The tests hold every answer
    to the schema (schemathesis)."""
    found, next_url = page(request, items, cursor, limit)
    if attach is not None:
        attach(found)
    data = envelope([convert(request, item) for item in found], next_url)
    return api.create_response(request, data, status=200)


# Municipalities and police areas


def _municipality(request: HttpRequest, place: Municipality) -> dict[str, Any]:
    return {
        "code": place.code,
        "name": place.name,
        "slug": place.slug,
        "county": {"code": place.county.code, "name": place.county.name},
        "police_region": _ref(place.county.police_region),
        "promise_years": sorted({p.year for p in place.public_promises}),  # type: ignore[attr-defined]
        "situation_years": [p.year for p in place.public_pictures],  # type: ignore[attr-defined]
        "url": _url(request, "portal:municipality", place.slug),
    }


@api.get(
    "/municipalities",
    response={200: Page[schemas.MunicipalityOut], **ERRORS},
    tags=["places"],
    summary="All municipalities, with the years of their public promises",
)
def municipality_list(
    request: HttpRequest,
    county: str | None = Query(None, max_length=2, description="County code, e.g. 12."),
    region: str | None = Query(None, max_length=50, description="Police region slug."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.municipalities()
    if county:
        items = items.filter(county__code=county)
    if region:
        items = items.filter(county__police_region__slug=region)
    return _listed(request, items, cursor, limit, _municipality)


@api.get(
    "/municipalities/{slug}",
    response={200: schemas.MunicipalityOut, **ERRORS},
    tags=["places"],
)
def municipality_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _municipality(request, get_object_or_404(selectors.municipalities(), slug=slug))


def _police_area(request: HttpRequest, area: PoliceArea) -> dict[str, Any]:
    return {
        "slug": area.slug,
        "name": area.name,
        "region": _ref(area.region),
        "municipalities": [m.slug for m in area.municipalities.all()],
    }


@api.get(
    "/police-areas",
    response={200: Page[schemas.PoliceAreaOut], **ERRORS},
    tags=["places"],
    summary="Local police areas and the municipalities they cover",
)
def police_area_list(
    request: HttpRequest,
    region: str | None = Query(None, max_length=50, description="Police region slug."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.police_areas()
    if region:
        items = items.filter(region__slug=region)
    return _listed(request, items, cursor, limit, _police_area)


# Agreements and promises


def _agreement(request: HttpRequest, agreement: Agreement) -> dict[str, Any]:
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


@api.get(
    "/agreements",
    response={200: Page[schemas.AgreementOut], **ERRORS},
    tags=["promises"],
    summary="Collaboration agreements that public promises rest on",
)
def agreement_list(
    request: HttpRequest,
    municipality: str | None = Query(None, max_length=60, description="Municipality slug."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.agreements()
    if municipality:
        items = items.filter(municipality__slug=municipality)
    return _listed(request, items, cursor, limit, _agreement)


def _promise(request: HttpRequest, promise: CitizenPromise) -> dict[str, Any]:
    """A promise as open data; its parts come from selectors.attach_parts."""
    today = timezone.localdate()
    share = year_elapsed_share(promise.year, today)
    labels = {value: str(label) for value, label in ActivityKind.choices}
    activities = []
    for row in promise.parts_activities:  # type: ignore[attr-defined]
        done = progress(row["done_count"], row["target"], share)
        activities.append(
            {
                "id": row["pk"],
                "commitment_id": row["commitment_id"],
                "kind": row["kind"],
                "kind_label": labels.get(row["kind"], row["kind"]),
                "description": row["description"],
                "target": row["target"],
                "unit": row["unit"],
                "focus": list(row["focus"] or []),
                "done": row["done_count"],
                "last_done_on": row["last_done_on"],
                "pace": done.pace.value,
                "percent": done.percent,
                "reached": row["reached_count"],
                "audience_size": row["audience_size"],
            }
        )
    slug, year = promise.municipality.slug, promise.year
    return {
        "id": promise.pk,
        "url": _url(request, "portal:promise", slug, year),
        "pdf": _url(request, "portal:promise_download", slug, year, "pdf"),
        "municipality": _ref(promise.municipality),
        "police_area": _ref(promise.police_area),
        "agreement_id": promise.agreement_id,
        "year": year,
        "title": promise.title,
        "status": promise.status,
        "introduction": promise.introduction,
        "situation": promise.situation,
        "effect": promise.effect,
        "follow_up": promise.follow_up,
        "evaluation_due": promise.evaluation_due,
        "signed_on": promise.signed_on,
        "published_at": promise.published_at,
        "withdrawn_at": promise.withdrawn_at,
        "withdrawal_reason": promise.withdrawal_reason,
        "progress_as_of": today,
        "commitments": [
            {"id": c["pk"], "text": c["text"], "problems": c["problems"]}
            for c in promise.parts_commitments  # type: ignore[attr-defined]
        ],
        "activities": activities,
    }


@api.get(
    "/promises",
    response={200: Page[schemas.PromiseOut], **ERRORS},
    tags=["promises"],
    summary="Public promises with commitments, activities, targets and live progress",
)
def promise_list(
    request: HttpRequest,
    municipality: str | None = Query(None, max_length=60, description="Municipality slug."),
    year: int | None = YEAR,
    county: str | None = Query(None, max_length=2, description="County code."),
    region: str | None = Query(None, max_length=50, description="Police region slug."),
    status: schemas.PublicStatus | None = None,
    activity_kind: ActivityKind | None = Query(
        None, description="Only promises with an activity of this kind."
    ),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.in_place_and_year(selectors.promises(), "", municipality, year)
    if county:
        items = items.filter(municipality__county__code=county)
    if region:
        items = items.filter(municipality__county__police_region__slug=region)
    if status:
        items = items.filter(status=status)
    if activity_kind:
        items = items.filter(
            pk__in=CitizenPromise.objects.filter(activities__kind=activity_kind).values("pk")
        )
    return _listed(request, items, cursor, limit, _promise, selectors.attach_parts)


@api.get(
    "/promises/{promise_id}",
    response={200: schemas.PromiseOut, **ERRORS},
    tags=["promises"],
)
def promise_detail(request: HttpRequest, promise_id: int) -> dict[str, Any]:
    promise = get_object_or_404(selectors.promises(), pk=promise_id)
    selectors.attach_parts([promise])
    return _promise(request, promise)


# Follow-ups and evaluations


def _follow_up(request: HttpRequest, found: FollowUp) -> dict[str, Any]:
    promise = found.promise
    return {
        "id": found.pk,
        "url": _url(
            request, "portal:follow_up", promise.municipality.slug, promise.year, found.number
        ),
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
                "kind": line.activity.kind,
                "done_in_period": line.done_in_period,
                "done_to_date": line.done_to_date,
                "target": line.target,
                "pace": line.pace,
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


@api.get(
    "/follow-ups",
    response={200: Page[schemas.FollowUpOut], **ERRORS},
    tags=["follow-up"],
    summary="Published follow-ups: per activity done in the period and to date, and why",
)
def follow_up_list(
    request: HttpRequest,
    municipality: str | None = Query(None, max_length=60, description="Municipality slug."),
    year: int | None = YEAR,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.in_place_and_year(selectors.follow_ups(), "promise__", municipality, year)
    return _listed(request, items, cursor, limit, _follow_up)


def _effect(effect: dict[str, Any]) -> dict[str, Any]:
    before = situation_selectors.public_figure(effect["before"], effect["source"])
    after = situation_selectors.public_figure(effect["after"], effect["source"])
    return {
        "problem": effect["problem"],
        "source": effect["source"],
        "before": before,
        "after": after,
        "suppressed": before is None or after is None,
    }


def _evaluation(request: HttpRequest, found: Evaluation) -> dict[str, Any]:
    promise = found.promise
    compared = found.compared
    return {
        "id": found.pk,
        "url": _url(request, "portal:evaluation", promise.municipality.slug, promise.year),
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
                "kind": line.activity.kind,
                "done": line.done,
                "target": line.target,
                "pace": line.pace,
                "reached": line.reached,
                "audience_size": line.audience_size,
                "outcomes": line.outcomes,
            }
            for line in found.activities.all()
        ],
        "commitments": [
            {
                "commitment_id": line.commitment_id,
                "effects": [_effect(e) for e in line.effects],
                "partners_assessment": line.partners_assessment,
                "next_year": line.next_year,
            }
            for line in found.commitments.all()
        ],
    }


@api.get(
    "/evaluations",
    response={200: Page[schemas.EvaluationOut], **ERRORS},
    tags=["follow-up"],
    summary="Published evaluations: what was done and what effect was seen",
)
def evaluation_list(
    request: HttpRequest,
    municipality: str | None = Query(None, max_length=60, description="Municipality slug."),
    year: int | None = YEAR,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.in_place_and_year(selectors.evaluations(), "promise__", municipality, year)
    return _listed(request, items, cursor, limit, _evaluation)


# Situation pictures: aggregated figures of published years only


@api.get(
    "/situation-pictures",
    response={200: Page[schemas.PictureRef], **ERRORS},
    tags=["situation"],
    summary="Published situation pictures",
)
def picture_list(
    request: HttpRequest,
    municipality: str | None = Query(None, max_length=60, description="Municipality slug."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.published_pictures()
    if municipality:
        items = items.filter(municipality__slug=municipality)

    def convert(request: HttpRequest, picture: Any) -> dict[str, Any]:
        slug = picture.municipality.slug
        return {
            "municipality": _ref(picture.municipality),
            "year": picture.year,
            "url": _url(request, "api:picture_detail", slug, picture.year),
        }

    return _listed(request, items, cursor, limit, convert)


@api.get(
    "/situation-pictures/{slug}/{year}",
    response={200: schemas.PictureOut, **ERRORS},
    tags=["situation"],
    url_name="picture_detail",
    summary="A published picture's figures per problem and source (small counts withheld)",
)
def picture_detail(request: HttpRequest, slug: str, year: int) -> dict[str, Any]:
    place = get_object_or_404(Municipality, slug=slug)
    if not situation_selectors.is_published(place, year):
        raise HttpError(404, f"{place.name} has not published a situation picture for {year}")
    picture = situation_selectors.year_picture(place, year)
    problems = []
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
        "year": year,
        "small_count_limit": situation_selectors.SMALL_COUNT,
        "problems": problems,
    }
