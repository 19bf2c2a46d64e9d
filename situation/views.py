"""Staff pages of the situation picture: the ranked problems, the records behind a figure,
corrections, exports and publication."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions
from core.downloads import csv_response
from core.http import FORM_METHODS
from documents.responses import document_response
from places.models import Municipality
from promises.access import get_promise_for_editor
from promises.models import Commitment
from situation import access, selectors, services
from situation.forms import (
    ApprovalDiscardForm,
    ClassificationForm,
    MapFilterForm,
    MotivationForm,
    PictureApprovalForm,
)
from situation.models import Complaint, Concern
from situation.printing import picture_document
from situation.vocabularies import Problem, Source

RECORDS_PER_PAGE = 50


def _quarter(request: HttpRequest) -> int | None:
    """The quarter asked for with ?kvartal=1…4, or None for the whole year."""
    value = request.GET.get("kvartal", "")
    return int(value) if value in ("1", "2", "3", "4") else None


def _period_picture(
    municipality: Municipality, year: int, quarter: int | None
) -> selectors.Picture:
    start, end = selectors.quarter_bounds(year, quarter)
    return selectors.situation_picture(municipality=municipality, start=start, end=end)


def _before_label(year: int, quarter: int | None) -> str:
    """What the period before is called: "2015", or "kvartal 4 2015"."""
    if quarter is None:
        return str(year - 1)
    before_year, before_quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return _("quarter %(quarter)s %(year)s") % {"quarter": before_quarter, "year": before_year}


def _staff_years(municipality: Municipality) -> list[int]:
    """Years with evidence, and published years even if their evidence was withdrawn since."""
    years = {*selectors.evidence_years(municipality), *selectors.published_years(municipality)}
    return sorted(years, reverse=True)


def _default_year(municipality: Municipality) -> int:
    years = selectors.evidence_years(municipality)
    return years[0] if years else timezone.localdate().year - 1


@require_safe
@login_required
def picture_choose(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request)
    municipalities = list(permissions.evidence_municipalities(request.user))
    if not municipalities:
        raise PermissionDenied(_("Your roles give you no municipality's evidence to read."))
    if len(municipalities) == 1:
        return redirect("situation:latest", slug=municipalities[0].slug)
    return render(request, "situation/choose.html", {"municipalities": municipalities})


@require_safe
@login_required
def picture_latest(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = access.get_municipality_for_reader(request, slug)
    return redirect("situation:picture", slug=slug, year=_default_year(municipality))


def _publication(
    municipality: Municipality, year: int, found: selectors.Picture, quarter: int | None
) -> dict[str, Any]:
    """Whether the year's picture is public, and which published figures the evidence no
    longer gives (a public picture is always the whole year)."""
    published = selectors.published_picture(municipality, year)
    if published is None:
        return {"published": None, "changes": []}
    now = found if quarter is None else selectors.year_picture(municipality, year)
    return {
        "published": published,
        "changes": selectors.figure_changes(selectors.frozen_picture(published), now),
    }


@require_safe
@login_required
def picture(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_reader(request, slug)
    access.require_evidence_year(year)
    quarter = _quarter(request)
    found = _period_picture(municipality, year, quarter)
    return render(
        request,
        "situation/picture.html",
        {
            **_publication(municipality, year, found, quarter),
            "picture": found,
            "quarter": quarter,
            "quarters": range(1, 5),
            "before": _before_label(year, quarter),
            "sources": Source.values,
            "years": _staff_years(municipality),
            "answered": selectors.answering_promises(municipality, year, public=False),
            "can_publish": bool(permissions.picture_approval_parties(request.user, municipality)),
            "can_record": permissions.can_record_evidence(request.user, municipality),
        },
    )


@require_safe
@login_required
def picture_csv(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_reader(request, slug)
    found = _period_picture(municipality, year, _quarter(request))
    header = ["rank", "problem", "label", "score", *Source.values, "now", "before", "change"]
    return csv_response(
        f"lagesbild-{slug}-{year}",
        header,
        (_csv_row(found, number, row) for number, row in enumerate(found.rows, start=1)),
    )


def _csv_row(found: Any, number: int, row: Any) -> list[object]:
    # A number, not text, so that a falling (negative) change is not taken for a formula.
    change = "" if row.change is None else Decimal(f"{row.change:.3f}")
    # A source with no records in the period is an empty cell, not 0.
    figures = [
        "" if (value := found.figure(row, s)) is None else f"{value:g}" for s in Source.values
    ]
    return [number, row.problem, row.label, row.score, *figures, row.now, row.before, change]


@require_safe
@login_required
def picture_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    """The picture (of the year or ?kvartal=N) as a PDF or Word document."""
    municipality = access.get_municipality_for_reader(request, slug)
    quarter = _quarter(request)
    period = str(year)
    if quarter:
        period = _("%(year)s, quarter %(quarter)s") % {"year": year, "quarter": quarter}
    doc = picture_document(
        _period_picture(municipality, year, quarter),
        answered=selectors.answering_promises(municipality, year, public=False),
        public=False,
        period_label=period,
        before_label=_before_label(year, quarter),
    )
    return document_response(request, doc, fmt)


def _map_query(request: HttpRequest, municipality: Municipality, year: int) -> dict[str, Any]:
    form = MapFilterForm(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    start, end = selectors.quarter_bounds(year, chosen.get("quarter"))
    return {
        "form": form,
        "features": selectors.map_features(
            municipality=municipality,
            start=start,
            end=end,
            problem=chosen.get("problem") or None,
            source=chosen.get("source") or None,
        ),
    }


@require_safe
@login_required
def picture_map(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_reader(request, slug)
    query = _map_query(request, municipality, year)
    return render(
        request,
        "situation/map.html",
        {
            "municipality": municipality,
            "year": year,
            "form": query["form"],
            "points": len(query["features"]["features"]),
            "districts": query["features"]["districts"]["features"],
            "data_url": request.path.removesuffix("karta/")
            + "karta.json?"
            + request.GET.urlencode(),
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@require_safe
@login_required
def picture_map_data(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_reader(request, slug)
    return JsonResponse(_map_query(request, municipality, year)["features"])


@require_safe
@login_required
def picture_records(
    request: HttpRequest, slug: str, year: int, source: str, problem: str
) -> HttpResponse:
    municipality = access.get_municipality_for_reader(request, slug)
    if source not in Source.values or problem not in Problem.values:
        raise Http404
    quarter = _quarter(request)
    start, end = selectors.quarter_bounds(year, quarter)
    records = selectors.records_behind(
        municipality=municipality, source=source, problem=problem, start=start, end=end
    )
    page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("sida"))
    found = _period_picture(municipality, year, quarter)
    # The chart counts the records listed beside it: this source and problem only.
    monthly = selectors.monthly_counts(
        municipality=municipality, source=source, problem=problem, start=start, end=end
    )
    return render(
        request,
        "situation/records.html",
        {
            "picture": found,
            "monthly": monthly,
            "problem": problem,
            "source": source,
            "page": page,
            "quarter": quarter,
            "quarters": selectors.by_quarter(monthly) if monthly and quarter is None else [],
            "month_labels": [date_format(m, "b") for m in found.months],
            "can_correct": permissions.can_record_evidence(request.user, municipality),
            "form": ClassificationForm(),
        },
    )


@require_safe
@login_required
def publish_preview(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The year's picture as the public page will show it, with both parties' approval."""
    municipality = access.get_municipality_for_reader(request, slug)
    access.require_evidence_year(year)
    found = selectors.year_picture(municipality, year)
    fingerprint = selectors.figures_fingerprint(found)
    published = selectors.published_picture(municipality, year)
    approvals = selectors.picture_approvals(municipality, year, fingerprint)
    return render(
        request,
        "situation/publish_preview.html",
        {
            "picture": found,
            "sources": Source.values,
            "answered": selectors.answering_promises(municipality, year, public=True),
            "fingerprint": fingerprint,
            "empty": selectors.picture_is_empty(found),
            "published": published,
            "public_now": selectors.published_fingerprint(published) == fingerprint,
            "approvals": approvals,
            "summary": selectors.approval_summary(approvals),
            "parties": permissions.picture_approval_parties(request.user, municipality),
        },
    )


@require_POST
@login_required
def picture_approve(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_approver(request, slug)
    access.require_evidence_year(year)
    form = PictureApprovalForm(request.POST)
    seen = form.cleaned_data["seen_figures"] if form.is_valid() else ""
    try:
        published = services.picture_approve(
            municipality=municipality, year=year, by=request.user, seen_figures=seen
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if published is None:
            messages.success(
                request,
                _(
                    "Your approval is recorded. The figures are published when the other party "
                    "approves them too."
                ),
            )
        else:
            messages.success(
                request, _("Both parties have approved: the figures of %s are now public.") % year
            )
    return redirect("situation:publish_preview", slug=slug, year=year)


@require_POST
@login_required
def picture_approval_discard(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_approver(request, slug)
    access.require_evidence_year(year)
    form = ApprovalDiscardForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose the approval to take back."))
        services.picture_approval_discard(
            municipality=municipality, year=year, party=form.cleaned_data["party"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The approval was taken back."))
    return redirect("situation:publish_preview", slug=slug, year=year)


@require_POST
@login_required
def picture_unpublish(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    municipality = access.get_municipality_for_approver(request, slug)
    access.require_evidence_year(year)
    services.picture_unpublish(municipality=municipality, year=year, by=request.user)
    messages.success(request, _("The figures of %s are no longer public.") % year)
    return redirect("situation:picture", slug=slug, year=year)


@require_POST
@login_required
def classification_correct(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record = access.get_record_for_recorder(request, kind, pk)
    form = ClassificationForm(request.POST)
    old_problem = record.problem
    if form.is_valid():
        services.classification_correct(
            record=record, problem=form.cleaned_data["problem"], by=request.user
        )
        messages.success(request, _("The problem was corrected."))
    else:
        messages.error(request, _("Choose a problem from the list."))
    source: str
    if isinstance(record, Complaint):
        on, source = record.received_on, Source.COMPLAINTS
    else:
        on, source = record.dialogue.held_on, _dialogue_source(record)
    return redirect(
        "situation:records",
        slug=record.municipality.slug,
        year=on.year,
        source=source,
        problem=old_problem,
    )


def _dialogue_source(concern: Concern) -> str:
    from situation.vocabularies import DialogueKind

    if concern.dialogue.kind == DialogueKind.CITIZEN:
        return Source.CITIZEN_DIALOGUES
    return Source.EMPLOYEE_DIALOGUES


@FORM_METHODS
@login_required
def motivation_edit(request: HttpRequest, promise_pk: int) -> HttpResponse:
    promise = get_promise_for_editor(request, promise_pk)
    year = selectors.evidence_year(promise)
    commitments = list(
        Commitment.objects.filter(promise=promise).prefetch_related(
            "motivations__complaints", "motivations__concerns"
        )
    )
    evidence = selectors.evidence_of_year(promise.municipality, year)
    data = request.POST if request.method == "POST" else None
    form = MotivationForm(data, commitments=commitments, evidence=evidence)
    if request.method == "POST" and form.is_valid():
        try:
            services.commitments_motivate(reasons=form.reasons(), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The reasons behind the promise were saved."))
            return redirect("situation:motivation", promise_pk=promise.pk)
    return render(
        request,
        "situation/motivation_form.html",
        {"form": form, "promise": promise, "year": year},
    )
