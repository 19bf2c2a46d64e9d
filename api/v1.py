"""The open data API, version 1: read-only, public, no key; published data only.

Lists are paginated with cursors (`?limit=…&cursor=…`, the next page's address in `next`)
and filtered by query parameters. The OpenAPI description is at /api/v1/openapi.json and
browsable at /api/v1/docs."""

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled, ValidationError

# The function itself: ninja.Query is typed as a generic alias, which mypy will not call.
from ninja.params.functions import Path, Query
from ninja.throttling import AnonRateThrottle

from api import errors, outputs, schemas, selectors
from api.pagination import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, envelope, page
from core.http import client_address
from lib.periods import FIRST_PROMISE_YEAR, LAST_YEAR
from places.models import Municipality
from promises.models import CitizenPromise
from promises.vocabularies import ActivityKind
from situation import selectors as situation_selectors

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

    def get_ident(self, request: HttpRequest) -> str | None:
        # The same client address as the lockout and the rate limits count, not ninja's own.
        return client_address(request) or None


api = NinjaAPI(
    title="Löften – öppna data",
    version="1",
    description=(
        "Medborgarlöften (citizen promises) of Swedish municipalities and police areas: the "
        "promises, their activities and live progress, follow-ups, evaluations and the "
        "aggregated figures of published situation pictures. Published data only; no "
        "personal data. The site's open data page (/oppna-data/) lists the CSV tables and "
        "feeds."
    ),
    urls_namespace="api",
    docs_decorator=require_safe,
    throttle=[AddressRateThrottle(settings.API_RATE)],
)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    # Django's own text names the model ("No CitizenPromise matches …"), which is ours, not
    # the client's business; the answer says what the client needs, in its language.
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    detail = errors.invalid_parameters(error.errors)
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, error: Throttled) -> HttpResponse:
    # ninja adds Retry-After to the answer; its own text is English only.
    message = _("Too many requests from your address. Wait a moment and try again.")
    return api.create_response(request, {"detail": message}, status=429)


LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
CURSOR = Query(
    None,
    pattern=CURSOR_PATTERN,
    description="Where the page starts: the cursor in the previous page's `next`.",
)
YEAR = Query(None, ge=FIRST_PROMISE_YEAR, le=LAST_YEAR)
# What a slug and a county code look like, said in the description too: a value no place can
# have is refused as invalid (422), never looked up, whatever bytes it holds.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
COUNTY_PATTERN = r"^[0-9]{1,2}$"
ERRORS = {
    400: schemas.ErrorOut,
    404: schemas.ErrorOut,
    422: schemas.ValidationErrorOut,
    429: schemas.ErrorOut,
}


M = TypeVar("M", bound=Model)


def _listed(
    request: HttpRequest,
    items: QuerySet[M],
    cursor: str | None,
    limit: int,
    build: Callable[[outputs.Link, list[M]], Sequence[object]],
) -> HttpResponse:
    """One page of a list, written out directly: `build` makes each item to its declared
    schema (mypy checks it), and validating 200 nested items again would double the time.
    The tests hold every answer to the schema (schemathesis)."""
    found, next_url = page(request, items, cursor, limit)
    data = envelope(list(build(outputs.links(request), found)), next_url)
    return api.create_response(request, data, status=200)


# The index


@api.get(
    "/",
    response={200: schemas.IndexOut, **ERRORS},
    tags=["index"],
    url_name="index",
    summary="This index: the documentation, the OpenAPI description and every list",
)
def index(request: HttpRequest) -> schemas.IndexOut:
    return outputs.index_out(outputs.links(request))


# Municipalities and police areas


@api.get(
    "/municipalities",
    response={200: Page[schemas.MunicipalityOut], **ERRORS},
    tags=["places"],
    summary="All municipalities, with the years of their public promises",
)
def municipality_list(
    request: HttpRequest,
    county: str | None = Query(
        None, max_length=2, pattern=COUNTY_PATTERN, description="County code, e.g. 12."
    ),
    region: str | None = Query(
        None, max_length=50, pattern=SLUG_PATTERN, description="Police region slug."
    ),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.municipalities()
    if county:
        items = items.filter(county__code=county)
    if region:
        items = items.filter(county__police_region__slug=region)
    return _listed(request, items, cursor, limit, outputs.municipalities_out)


@api.get(
    "/municipalities/{slug}",
    response={200: schemas.MunicipalityOut, **ERRORS},
    tags=["places"],
)
def municipality_detail(
    request: HttpRequest, slug: str = Path(..., max_length=60, pattern=SLUG_PATTERN)
) -> schemas.MunicipalityOut:
    place = get_object_or_404(selectors.municipalities(), slug=slug)
    return outputs.municipality_out(
        outputs.links(request), place, selectors.years_of([place])[place.pk]
    )


@api.get(
    "/police-areas",
    response={200: Page[schemas.PoliceAreaOut], **ERRORS},
    tags=["places"],
    summary="Local police areas and the municipalities they cover",
)
def police_area_list(
    request: HttpRequest,
    region: str | None = Query(
        None, max_length=50, pattern=SLUG_PATTERN, description="Police region slug."
    ),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.police_areas()
    if region:
        items = items.filter(region__slug=region)
    return _listed(request, items, cursor, limit, outputs.police_areas_out)


# Agreements and promises


@api.get(
    "/agreements",
    response={200: Page[schemas.AgreementOut], **ERRORS},
    tags=["promises"],
    summary="Collaboration agreements that public promises rest on",
)
def agreement_list(
    request: HttpRequest,
    municipality: str | None = Query(
        None, max_length=60, pattern=SLUG_PATTERN, description="Municipality slug."
    ),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.agreements()
    if municipality:
        items = items.filter(municipality__slug=municipality)
    return _listed(request, items, cursor, limit, outputs.agreements_out)


@api.get(
    "/promises",
    response={200: Page[schemas.PromiseOut], **ERRORS},
    tags=["promises"],
    summary="Public promises with commitments, activities, targets and live progress",
)
def promise_list(
    request: HttpRequest,
    municipality: str | None = Query(
        None, max_length=60, pattern=SLUG_PATTERN, description="Municipality slug."
    ),
    year: int | None = YEAR,
    county: str | None = Query(
        None, max_length=2, pattern=COUNTY_PATTERN, description="County code."
    ),
    region: str | None = Query(
        None, max_length=50, pattern=SLUG_PATTERN, description="Police region slug."
    ),
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
    return _listed(request, items, cursor, limit, outputs.promises_out)


@api.get(
    "/promises/{promise_id}",
    response={200: schemas.PromiseOut, **ERRORS},
    tags=["promises"],
)
def promise_detail(request: HttpRequest, promise_id: int) -> schemas.PromiseOut:
    promise = get_object_or_404(selectors.promises(), pk=promise_id)
    parts = selectors.parts_of([promise])[promise.pk]
    return outputs.promise_out(outputs.links(request), promise, parts, timezone.localdate())


# Follow-ups and evaluations


@api.get(
    "/follow-ups",
    response={200: Page[schemas.FollowUpOut], **ERRORS},
    tags=["follow-up"],
    summary="Published follow-ups: per activity done in the period and to date, and why",
)
def follow_up_list(
    request: HttpRequest,
    municipality: str | None = Query(
        None, max_length=60, pattern=SLUG_PATTERN, description="Municipality slug."
    ),
    year: int | None = YEAR,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.in_place_and_year(selectors.follow_ups(), "promise__", municipality, year)
    return _listed(request, items, cursor, limit, outputs.follow_ups_out)


@api.get(
    "/evaluations",
    response={200: Page[schemas.EvaluationOut], **ERRORS},
    tags=["follow-up"],
    summary="Published evaluations: what was done and what effect was seen",
)
def evaluation_list(
    request: HttpRequest,
    municipality: str | None = Query(
        None, max_length=60, pattern=SLUG_PATTERN, description="Municipality slug."
    ),
    year: int | None = YEAR,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.in_place_and_year(selectors.evaluations(), "promise__", municipality, year)
    return _listed(request, items, cursor, limit, outputs.evaluations_out)


# Situation pictures: aggregated figures of published years only


@api.get(
    "/situation-pictures",
    response={200: Page[schemas.PictureRef], **ERRORS},
    tags=["situation"],
    summary="Published situation pictures",
)
def picture_list(
    request: HttpRequest,
    municipality: str | None = Query(
        None, max_length=60, pattern=SLUG_PATTERN, description="Municipality slug."
    ),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
) -> HttpResponse:
    items = selectors.published_pictures()
    if municipality:
        items = items.filter(municipality__slug=municipality)
    return _listed(request, items, cursor, limit, outputs.picture_refs_out)


@api.get(
    "/situation-pictures/{slug}/{year}",
    response={200: schemas.PictureOut, **ERRORS},
    tags=["situation"],
    url_name="picture_detail",
    summary="A published picture's figures per problem and source (small counts withheld)",
)
def picture_detail(
    request: HttpRequest,
    slug: str = Path(..., max_length=60, pattern=SLUG_PATTERN),
    year: int = Path(..., ge=FIRST_PROMISE_YEAR, le=LAST_YEAR),
) -> schemas.PictureOut:
    place = get_object_or_404(Municipality, slug=slug)
    published = situation_selectors.published_picture(place, year)
    if published is None:
        message = _("%(place)s has not published a situation picture for %(year)s.")
        raise HttpError(404, message % {"place": place.name, "year": year})
    return outputs.picture_out(published)
