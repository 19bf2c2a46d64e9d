"""The public site: no login, only published promises, through the public selectors."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_htmx.middleware import HtmxDetails
from django_ratelimit.decorators import ratelimit

from api import tables
from audit.selectors import data_version
from core.downloads import csv_response, is_slug
from core.pagecache import cached_page
from documents.responses import document_response
from followup import selectors as followup_selectors
from followup.models import Evaluation, FollowUp
from followup.printing import evaluation_document, follow_up_document
from lib import periods
from places.models import Municipality
from portal import selectors as portal_selectors
from portal.forms import OverviewFilterForm
from promises import selectors
from promises.models import CitizenPromise
from promises.printing import promise_document
from situation import selectors as situation_selectors
from situation.labels import publication_note
from situation.printing import picture_document
from situation.vocabularies import Source


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


# At most this many municipalities without published promises are listed under a search.
OTHERS_SHOWN = 10


@require_safe
@ratelimit(key="ip", rate=settings.SEARCH_RATE, method=ratelimit.ALL)
@cached_page
def home(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    municipalities = selectors.public_municipalities(query)
    # Every municipality has a page: one the search names but with nothing published is
    # linked too, saying so.
    others = portal_selectors.municipalities_matching(query, besides=municipalities)
    template = "portal/_municipality_list.html" if request.htmx else "portal/home.html"
    return render(
        request,
        template,
        {
            "municipalities": municipalities,
            "query": query,
            "others": others[:OTHERS_SHOWN],
            "others_more": len(others) - OTHERS_SHOWN,
        },
    )


@require_safe
@cached_page
def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    place = get_object_or_404(Municipality.objects.select_related("county"), slug=slug)
    # Every municipality has a page, saying so plainly when nothing is published yet.
    promises = selectors.public_promises_of(place)
    return render(
        request,
        "portal/municipality.html",
        {
            "municipality": place,
            "promises": promises,
            "agreements": selectors.public_agreements_of(promises),
            "situation_years": situation_selectors.published_years(place),
        },
    )


def _public_promise(slug: str, year: int) -> CitizenPromise:
    """A published or evaluated promise, else 404."""
    promise: CitizenPromise | None = selectors.public_promise(slug, year)
    if promise is None:
        raise Http404
    return promise


def _public_follow_up(slug: str, year: int, number: int) -> FollowUp:
    """A published follow-up of a public promise, else 404."""
    found = followup_selectors.public_follow_up(slug, year, number)
    if found is None:
        raise Http404
    return found


def _public_evaluation(slug: str, year: int) -> tuple[CitizenPromise, Evaluation]:
    """A public promise and its published evaluation, else 404."""
    promise = _public_promise(slug, year)
    found = followup_selectors.public_evaluation_of(promise)
    if found is None:
        raise Http404
    return promise, found


def _published_picture(slug: str, year: int) -> tuple[situation_selectors.Picture, str]:
    """A municipality's situation picture of the year as published, with the note on when it
    was published and whether the evidence has changed since; else 404."""
    place = get_object_or_404(Municipality, slug=slug)
    published = situation_selectors.published_picture(place, year)
    if published is None:
        raise Http404
    changed = situation_selectors.evidence_changed(published)
    return situation_selectors.frozen_picture(published), publication_note(published, changed)


def _promise_context(slug: str, year: int) -> dict[str, object]:
    promise = _public_promise(slug, year)
    today = timezone.localdate()
    progress = selectors.promise_progress(promise, today)
    follow_ups = followup_selectors.public_follow_ups_of(promise)
    return {
        "promise": promise,
        "progress": progress,
        "summary": selectors.progress_summary(progress),
        "follow_ups": follow_ups,
        "latest_follow_up": follow_ups[-1] if follow_ups else None,
        "today": today,
        "as_of": selectors.progress_as_of(promise, today),
        "occasions": selectors.upcoming_occasions(promise, timezone.now(), public=True),
    }


@require_safe
@cached_page
def promise(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    return render(request, "portal/promise.html", _promise_context(slug, year))


@require_safe
@cached_page
def promise_print(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    return render(request, "portal/promise_print.html", _promise_context(slug, year))


@require_safe
@cached_page
def follow_up(request: HttpRequest, slug: str, year: int, number: int) -> HttpResponse:
    """A published follow-up of a public promise."""
    found = _public_follow_up(slug, year, number)
    return render(request, "portal/follow_up.html", {"follow_up": found, "promise": found.promise})


@require_safe
@cached_page
def evaluation(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The published evaluation of a public promise: what was done and what effect was seen
    (small counts hidden)."""
    promise = _public_promise(slug, year)
    found, revising = followup_selectors.public_evaluation_or_revision(promise)
    if found is None:
        # Once published, its address keeps saying what became of it.
        if revising is None:
            raise Http404
        return render(
            request, "portal/evaluation_revising.html", {"evaluation": revising, "promise": promise}
        )
    return render(request, "portal/evaluation.html", {"evaluation": found, "promise": promise})


@require_safe
@cached_page
def situation(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """A published situation picture: aggregate figures only, small counts hidden."""
    picture, note = _published_picture(slug, year)
    place = picture.municipality
    return render(
        request,
        "portal/situation.html",
        {
            "picture": picture,
            "publication_note": note,
            "answered": situation_selectors.answering_promises(place, year, public=True),
            "sources": Source.values,
            "published_years": situation_selectors.published_years(place),
        },
    )


# Printed documents of the public pages above: the same lookups, so the same 404s.


@require_safe
def promise_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    doc = promise_document(_public_promise(slug, year), timezone.localdate())
    return document_response(request, doc, fmt)


@require_safe
def follow_up_download(
    request: HttpRequest, slug: str, year: int, number: int, fmt: str
) -> HttpResponse:
    doc = follow_up_document(_public_follow_up(slug, year, number))
    return document_response(request, doc, fmt)


@require_safe
def evaluation_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    _promise, found = _public_evaluation(slug, year)
    doc = evaluation_document(found, public=True)
    return document_response(request, doc, fmt)


@require_safe
def situation_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    picture, note = _published_picture(slug, year)
    doc = picture_document(
        picture,
        answered=situation_selectors.answering_promises(picture.municipality, year, public=True),
        public=True,
        period_label=str(year),
        before_label=str(year - 1),
        note=note,
    )
    return document_response(request, doc, fmt)


@require_safe
@cached_page
def national(request: HttpRequest) -> HttpResponse:
    """Every municipality with its latest public promise, filtered, with totals for Sweden."""
    form = OverviewFilterForm(request.GET)
    filters = form.filters()
    today = timezone.localdate()
    overview = portal_selectors.national_overview(filters, today)
    return render(
        request,
        "portal/national.html",
        {
            "form": form,
            "overview": overview,
            "filtered": any(vars(filters).values()),
            # The long table is rendered once per version of the data, day and filters: a
            # promise stops running when its year ends, with no change to the data.
            "table_key": f"{data_version()}:{today}:{sorted(vars(filters).items())}",
        },
    )


COMPARE_MAX = 4


@require_safe
@cached_page
def compare(request: HttpRequest) -> HttpResponse:
    """Two or more municipalities side by side (at most COMPARE_MAX); more are refused with
    a message and the choices kept, for the visitor to leave some out. An address that names
    no municipality is said so, and one named twice is shown once, with a note."""
    year_text = request.GET.get("ar", "").strip()
    first, last = periods.promise_years(timezone.localdate())
    year = int(year_text) if year_text.isdigit() and len(year_text) <= 4 else None
    if year_text and (year is None or not first <= year <= last):
        message = _("“%(year)s” is not a year to compare: choose one from %(first)s to %(last)s.")
        return render(
            request,
            "400.html",
            {"message": message % {"year": year_text[:20], "first": first, "last": last}},
            status=400,
        )
    choice = portal_selectors.compare_choice(request.GET.getlist("kommun"))
    too_many = len(choice.places) > COMPARE_MAX
    slugs = [] if too_many else [m.slug for m in choice.places]
    columns, kinds = portal_selectors.compare(slugs, year, timezone.localdate())
    return render(
        request,
        "portal/compare.html",
        {
            "columns": columns,
            "kinds": kinds,
            "year": year,
            "most": COMPARE_MAX,
            "too_many": choice.places if too_many else [],
            "unknown": choice.unknown,
            "repeated": choice.repeated,
            "running": any(c.standing and c.standing.running for c in columns),
            "choices": portal_selectors.compare_additions(choice.places, year),
        },
    )


@require_safe
@cached_page
def open_data(request: HttpRequest) -> HttpResponse:
    """What is open and where: the API, the CSV tables and the feeds."""
    return render(
        request,
        "portal/open_data.html",
        {"tables": list(tables.TABLES), "municipalities": selectors.public_municipalities()},
    )


@require_safe
@ratelimit(key="ip", rate=settings.SEARCH_RATE, method=ratelimit.ALL)
@cached_page
def open_data_csv(request: HttpRequest, name: str) -> HttpResponse:
    """One open data table as CSV (semicolons and a byte order mark, as Excel in Sweden
    expects), filtered by ?kommun=<slug> and ?ar=<year>."""
    if name not in tables.TABLES:
        raise Http404
    municipality = request.GET.get("kommun", "")
    if municipality and not is_slug(municipality):
        return HttpResponse(
            _("kommun must be a municipality's slug, such as eslov."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    if municipality and not Municipality.objects.filter(slug=municipality).exists():
        raise Http404
    year_text = request.GET.get("ar", "")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    if name in tables.NEEDS_MUNICIPALITY and not municipality:
        return HttpResponse(
            _("Name a municipality: %(name)s.csv?kommun=<slug>") % {"name": name},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    header, rows = tables.TABLES[name](municipality, year)
    stem = "-".join(part for part in (name, municipality, year_text if year else "") if part)
    return csv_response(stem, header, rows)


@require_safe
@cached_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/privacy.html",
        {
            "controller": settings.DATA_CONTROLLER,
            "contact": settings.PRIVACY_CONTACT_EMAIL,
            "retention": {
                "addresses": settings.RETENTION_AUDIT_ADDRESS_DAYS,
                "logins": settings.RETENTION_LOGIN_RECORDS_DAYS,
                "accounts": settings.RETENTION_INACTIVE_ACCOUNT_DAYS,
            },
        },
    )


@require_safe
@cached_page
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement the DOS law (2018:1937) asks of public services."""
    return render(
        request,
        "portal/accessibility.html",
        {"controller": settings.DATA_CONTROLLER, "contact": settings.ACCESSIBILITY_CONTACT_EMAIL},
    )


@require_safe
@cached_page
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and crawlers ask for whatever the page links: the same
    icon as the linked SVG, drawn from it at 16, 32 and 48 pixels (static/favicon.ico)."""
    found = finders.find("favicon.ico")
    if not isinstance(found, str):
        raise Http404
    with open(found, "rb") as icon:
        response = HttpResponse(icon.read(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
