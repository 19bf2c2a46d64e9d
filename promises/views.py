"""Staff pages of the promise cycle: thin views over selectors, services and permissions."""

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import formset_factory
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions
from accounts.requests import AuthedRequest
from audit.selectors import history
from core.confirm import NeedsConfirmation, ask, is_confirmed
from core.http import FORM_METHODS
from documents.responses import document_response
from places.models import Municipality, PoliceArea
from promises import access, selectors, services
from promises.forms import (
    ActivityForm,
    ActivityReportForm,
    AgreementCreateForm,
    AgreementForm,
    CommitmentForm,
    MoveForm,
    OccasionForm,
    PromiseCreateForm,
    PromiseForm,
    SignatoryForm,
    WithdrawForm,
)
from promises.models import (
    Activity,
    Agreement,
    CitizenPromise,
    Commitment,
)
from promises.printing import promise_document
from promises.vocabularies import LOG_CLOSED_STATUSES, STATUS_TRANSITIONS, PromiseStatus

SignatoryFormSet = formset_factory(SignatoryForm, extra=0, min_num=2, max_num=6)


def _refuse_unless_draft(request: HttpRequest, promise: CitizenPromise) -> HttpResponse | None:
    """Send the editor back to the promise, saying why, when it is no longer a draft."""
    try:
        services.promise_require_draft(promise)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("promises:promise_detail", pk=promise.pk)
    return None


def _form_error(form: Any, error: ValidationError) -> None:
    """Put a service's refusal on the form, or its question when it needs confirmation."""
    if isinstance(error, NeedsConfirmation):
        ask(form, error)
    elif hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@require_safe
@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    permissions.require_staff(request)
    today = timezone.localdate()
    leading = selectors.dashboard_promises(request.user, today)
    rows = [(p, selectors.promise_progress(p, today)) for p in leading.in_force]
    can_create = bool(permissions.editable_municipalities(request.user).exists())
    return render(
        request,
        "promises/dashboard.html",
        {
            "year": leading.year,
            "rows": rows,
            "drafts": leading.drafts,
            "today": today,
            "can_create": can_create,
            # Each with whether this user may open it: only its coordinators may.
            "agreements": [
                (agreement, permissions.can_edit_agreement(request.user, agreement))
                for agreement in selectors.staff_agreements(request.user)
            ],
            "all_promises": selectors.staff_promises(request.user).order_by(
                "-year", "municipality__name"
            ),
        },
    )


@require_safe
@login_required
def promise_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = access.get_promise_for_viewer(request, pk)
    today = timezone.localdate()
    can_edit = permissions.can_edit_promise(request.user, promise)
    return render(
        request,
        "promises/promise_detail.html",
        {
            "promise": promise,
            "progress": selectors.promise_progress(promise, today),
            "can_edit": can_edit,
            "can_edit_text": can_edit and promise.status == PromiseStatus.DRAFT,
            "log_closed": _log_closed(promise),
            "reportable_ids": {
                a.pk
                for a in promise.activities.all()
                if promise.status not in (PromiseStatus.DRAFT, *LOG_CLOSED_STATUSES)
                and permissions.can_report_activity(request.user, a)
            },
            # Withdrawal asks why; evaluation comes with the published evaluation.
            # Publication goes through the preview and both parties' approval.
            "transitions": [
                PromiseStatus(s)
                for s in STATUS_TRANSITIONS[promise.status]
                if s
                not in (PromiseStatus.WITHDRAWN, PromiseStatus.EVALUATED, PromiseStatus.PUBLISHED)
            ],
            "approvals": selectors.approval_rows(promise, promise),
            "publication_gaps": selectors.publication_gaps(promise)
            if promise.status in (PromiseStatus.DRAFT, PromiseStatus.SIGNED)
            else [],
            "can_delete": can_edit and promise.status == PromiseStatus.DRAFT,
            "can_withdraw": can_edit
            and PromiseStatus.WITHDRAWN in STATUS_TRANSITIONS[promise.status],
            "history": history(f"citizenpromise:{promise.pk}") if can_edit else None,
            "reports": selectors.staff_reports(request.user).filter(activity__promise=promise)[:20],
            "occasions": selectors.upcoming_occasions(promise, timezone.now(), public=False),
            "next_year_exists": selectors.next_year_promise(promise) is not None,
        },
    )


@require_safe
@login_required
def promise_download(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    """The promise as a PDF or Word document, drafts included, for those who may read it."""
    doc = promise_document(access.get_promise_for_viewer(request, pk), timezone.localdate())
    return document_response(request, doc, fmt)


def _signatory_people(formset: Any) -> list[services.Signer]:
    return [
        services.Signer(
            name=f.cleaned_data["name"],
            title=f.cleaned_data["title"],
            organisation=f.cleaned_data.get("organisation"),
        )
        for f in formset
        if f.cleaned_data.get("name")
    ]


def _signatory_initial(document: CitizenPromise | Agreement) -> list[dict[str, Any]]:
    """The signatories as the form shows them, each with the party they signed for, so
    that saving the form keeps the party instead of clearing it."""
    return [
        {"name": s.name, "title": s.title, "organisation": s.organisation_id}
        for s in document.signatories.all()
    ]


@FORM_METHODS
@login_required
def agreement_form(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    permissions.require_staff(request)
    agreement = None if pk is None else access.get_agreement_for_editor(request, pk)
    municipalities = permissions.editable_municipalities(request.user)
    if agreement is None and not municipalities.exists():
        raise PermissionDenied(_("Only coordinators may record agreements."))
    police_areas = PoliceArea.objects.filter(municipalities__in=municipalities).distinct()
    parties = selectors.organisations_near(
        municipalities.values_list("pk", flat=True), police_areas.values_list("pk", flat=True)
    )
    if agreement is None:
        form: AgreementForm = AgreementCreateForm(
            request.POST or None,
            municipalities=municipalities,
            police_areas=police_areas,
            parties=parties,
        )
    else:
        form = AgreementForm(request.POST or None, instance=agreement, parties=parties)
    initial = _signatory_initial(agreement) if agreement else []
    signatories = SignatoryFormSet(
        request.POST or None,
        initial=initial,
        prefix="sig",
        form_kwargs={"organisations": parties},
    )
    if request.method == "POST" and form.is_valid() and signatories.is_valid():
        people = _signatory_people(signatories)
        try:
            if agreement is None:
                services.agreement_create(
                    by=request.user,
                    municipality=form.cleaned_data["municipality"],
                    police_area=form.cleaned_data["police_area"],
                    people=people,
                    confirmed=is_confirmed(form),
                    **form.service_data(),
                )
            else:
                services.agreement_update(
                    agreement=agreement,
                    by=request.user,
                    people=people,
                    expected_version=form.expected_version(),
                    confirmed=is_confirmed(form),
                    **form.service_data(),
                )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("promises:dashboard")
    return render(
        request,
        "promises/agreement_form.html",
        {
            "form": form,
            "agreement": agreement,
            "signatories": signatories,
            "history": history(f"agreement:{agreement.pk}") if agreement else None,
        },
    )


@FORM_METHODS
@login_required
def promise_create(request: AuthedRequest) -> HttpResponse:
    permissions.require_staff(request)
    municipalities = permissions.editable_municipalities(request.user)
    if not municipalities.exists():
        raise PermissionDenied(_("Only coordinators may create promises."))
    police_areas = PoliceArea.objects.filter(municipalities__in=municipalities).distinct()
    agreements = Agreement.objects.filter(municipality__in=municipalities)
    form = PromiseCreateForm(
        request.POST or None,
        municipalities=municipalities,
        police_areas=police_areas,
        agreements=agreements,
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            promise = services.promise_create(
                by=request.user,
                municipality=form.cleaned_data["municipality"],
                police_area=form.cleaned_data["police_area"],
                year=form.cleaned_data["year"],
                confirmed=is_confirmed(form),
                **form.service_data(),
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The draft promise was created."))
            return redirect("promises:promise_detail", pk=promise.pk)
    return render(request, "promises/promise_form.html", {"form": form})


@FORM_METHODS
@login_required
def promise_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    agreements = Agreement.objects.filter(municipality=promise.municipality)
    form = PromiseForm(request.POST or None, instance=promise, agreements=agreements)
    signatories = SignatoryFormSet(
        request.POST or None,
        initial=_signatory_initial(promise),
        prefix="sig",
        form_kwargs={"organisations": selectors.organisations_for(promise)},
    )
    if request.method == "POST" and form.is_valid() and signatories.is_valid():
        try:
            services.promise_update(
                promise=promise,
                by=request.user,
                expected_version=form.expected_version(),
                people=_signatory_people(signatories),
                confirmed=is_confirmed(form),
                **form.service_data(),
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The promise was saved."))
            return redirect("promises:promise_detail", pk=promise.pk)
    return render(
        request,
        "promises/promise_form.html",
        {
            "form": form,
            "promise": promise,
            "signatories": signatories,
        },
    )


@require_POST
@login_required
def promise_status(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    status = request.POST.get("status", "")
    if status == PromiseStatus.EVALUATED:
        messages.error(request, _("A promise becomes evaluated when its evaluation is published."))
        return redirect("promises:promise_detail", pk=promise.pk)
    try:
        services.promise_set_status(promise=promise, by=request.user, status=status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The promise is now %(status)s.") % {"status": promise.get_status_display().lower()},
        )
    return redirect("promises:promise_detail", pk=promise.pk)


@FORM_METHODS
@login_required
def promise_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    """Withdraw a published promise, on a page of its own that asks why."""
    promise = access.get_promise_for_editor(request, pk)
    try:
        services.promise_require_withdrawable(promise)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("promises:promise_detail", pk=promise.pk)
    parties = services.withdrawal_parties(promise, request.user)
    form = WithdrawForm(request.POST if request.method == "POST" else None, parties=parties)
    if form.is_valid():
        try:
            services.promise_withdraw(
                promise=promise,
                by=request.user,
                reason=form.cleaned_data["reason"],
                party=form.cleaned_data.get("party", ""),
                confirmed=is_confirmed(form),
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The promise was withdrawn. Its public page says so."))
            return redirect("promises:promise_detail", pk=promise.pk)
    return render(
        request,
        "promises/promise_withdraw.html",
        {"form": form, "promise": promise, "party": parties[0] if len(parties) == 1 else ""},
    )


@require_safe
@login_required
def promise_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    """The promise as its public page will show it, with both parties' approval below."""
    promise = access.get_promise_for_viewer(request, pk)
    today = timezone.localdate()
    may_approve = promise.status == PromiseStatus.SIGNED and selectors.may_approve(
        promise, promise, request.user
    )
    return render(
        request,
        "promises/promise_preview.html",
        {
            "promise": promise,
            "progress": selectors.promise_progress(promise, today),
            "today": today,
            "occasions": selectors.upcoming_occasions(promise, timezone.now(), public=True),
            "approvals": selectors.approval_rows(promise, promise),
            "publication_gaps": selectors.publication_gaps(promise)
            if promise.status in (PromiseStatus.DRAFT, PromiseStatus.SIGNED)
            else [],
            "may_approve": may_approve,
        },
    )


@require_POST
@login_required
def promise_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = access.get_promise_for_approver(request, pk)
    try:
        services.promise_approve(promise=promise, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("promises:promise_preview", pk=promise.pk)
    if promise.status == PromiseStatus.PUBLISHED:
        messages.success(request, _("Both parties have approved: the promise is published."))
        return redirect("promises:promise_detail", pk=promise.pk)
    messages.success(
        request,
        _("Your approval is recorded. The promise is published when the other party approves."),
    )
    return redirect("promises:promise_preview", pk=promise.pk)


@FORM_METHODS
@login_required
def promise_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    """Delete a draft, after a page that says what goes with it."""
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    if request.method == "POST":
        try:
            services.promise_delete(promise=promise, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("promises:promise_detail", pk=promise.pk)
        messages.success(request, _("The draft %(title)s was deleted.") % {"title": promise.title})
        return redirect("promises:dashboard")
    return render(request, "promises/promise_delete.html", {"promise": promise})


@require_POST
@login_required
def promise_copy(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    try:
        copy = services.promise_copy_to_next_year(promise=promise, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("promises:promise_detail", pk=promise.pk)
    messages.success(
        request, _("A draft for %(year)s was created from this promise.") % {"year": copy.year}
    )
    if outside := services.agreement_years_warning(copy):
        messages.warning(request, outside)
    references = selectors.year_references(copy)
    if references:
        places = "; ".join(f"{r.place} ({', '.join(str(y) for y in r.years)})" for r in references)
        messages.warning(
            request,
            _(
                "Years naming this promise's period were moved on to %(year)s. These texts "
                "still mention other years, which were left as written: check that each is "
                "meant. %(places)s"
            )
            % {"year": copy.year, "places": places},
        )
    return redirect("promises:promise_detail", pk=copy.pk)


@FORM_METHODS
@login_required
def commitment_form(
    request: AuthedRequest, pk: int, commitment_pk: int | None = None
) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    commitment = (
        get_object_or_404(Commitment, pk=commitment_pk, promise=promise) if commitment_pk else None
    )
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        try:
            if commitment is None:
                services.commitment_create(
                    promise=promise, by=request.user, text=text, confirmed=is_confirmed(form)
                )
            else:
                services.commitment_update(
                    commitment=commitment,
                    by=request.user,
                    text=text,
                    expected_version=form.expected_version(),
                    confirmed=is_confirmed(form),
                )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The commitment was saved."))
            return redirect("promises:promise_detail", pk=promise.pk)
    return render(
        request,
        "promises/commitment_form.html",
        {"form": form, "promise": promise, "commitment": commitment},
    )


@require_POST
@login_required
def commitment_delete(request: AuthedRequest, pk: int, commitment_pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    commitment = get_object_or_404(Commitment, pk=commitment_pk, promise=promise)
    services.commitment_delete(commitment=commitment, by=request.user)
    messages.success(request, _("The commitment was removed."))
    return redirect("promises:promise_detail", pk=promise.pk)


def _move(request: AuthedRequest, item: Commitment | Activity, anchor: str) -> HttpResponse:
    """Move a commitment or an activity one step, then show the promise where it now stands."""
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to move it up or down."))
    else:
        try:
            services.promise_item_move(
                item=item,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                up=form.cleaned_data["direction"] == "up",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(reverse("promises:promise_detail", args=[item.promise_id]) + anchor)


@require_POST
@login_required
def commitment_move(request: AuthedRequest, pk: int, commitment_pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    commitment = get_object_or_404(Commitment, pk=commitment_pk, promise=promise)
    return _move(request, commitment, "#atagande")


@require_POST
@login_required
def activity_move(request: AuthedRequest, pk: int, activity_pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    activity = get_object_or_404(Activity, pk=activity_pk, promise=promise)
    return _move(request, activity, f"#aktivitet-{activity.pk}")


@FORM_METHODS
@login_required
def activity_form(request: AuthedRequest, pk: int, activity_pk: int | None = None) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    activity = get_object_or_404(Activity, pk=activity_pk, promise=promise) if activity_pk else None
    form = ActivityForm(request.POST or None, instance=activity, promise=promise)
    if request.method == "POST" and form.is_valid():
        try:
            if activity is None:
                services.activity_create(
                    promise=promise,
                    by=request.user,
                    confirmed=is_confirmed(form),
                    **form.service_data(),
                )
            else:
                services.activity_update(
                    activity=activity,
                    by=request.user,
                    expected_version=form.expected_version(),
                    confirmed=is_confirmed(form),
                    **form.service_data(),
                )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect("promises:promise_detail", pk=promise.pk)
    return render(
        request,
        "promises/activity_form.html",
        {"form": form, "promise": promise, "activity": activity},
    )


@require_POST
@login_required
def activity_delete(request: AuthedRequest, pk: int, activity_pk: int) -> HttpResponse:
    promise = access.get_promise_for_editor(request, pk)
    if refusal := _refuse_unless_draft(request, promise):
        return refusal
    activity = get_object_or_404(Activity, pk=activity_pk, promise=promise)
    try:
        services.activity_delete(activity=activity, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The activity was removed."))
    return redirect("promises:promise_detail", pk=promise.pk)


@require_safe
@login_required
def report_choose(request: AuthedRequest) -> HttpResponse:
    permissions.require_staff(request)
    activities = list(selectors.reportable_activities(request.user)[:200])
    return render(
        request,
        "promises/report_choose.html",
        {"activities": activities, "this_year": timezone.localdate().year},
    )


def _default_organisations(request: HttpRequest) -> list[int]:
    return sorted(permissions.user_organisation_ids(request.user))


def _today_if_in_year(year: int) -> date | None:
    today = timezone.localdate()
    return today if today.year == year else None


def _log_closed(promise: CitizenPromise) -> str | None:
    """Why the promise's log takes no changes, or None while it is open."""
    try:
        services.require_open_log(promise)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def _report_page(
    request: HttpRequest, form: ActivityReportForm, activity: Activity, **context: Any
) -> HttpResponse:
    """The report form, or where the log is closed the reason and no form."""
    closed = _log_closed(activity.promise)
    if closed and context.get("report") is not None:
        # Show the report as stored, not as a refused form left it.
        context["report"].refresh_from_db()
    return render(
        request,
        "promises/report_form.html",
        {
            "form": form,
            "activity": activity,
            "closed": closed,
            "year_over": activity.promise.year < timezone.localdate().year,
            **_map_tiles(),
            "map_view": _map_view(activity.promise.municipality),
            **context,
        },
    )


def _map_tiles() -> dict[str, str]:
    """The tile server of the map on which a report's place is tapped."""
    return {"map_tiles": settings.MAP_TILE_URL, "map_attribution": settings.MAP_TILE_ATTRIBUTION}


def _map_view(municipality: Municipality) -> dict[str, str]:
    """Where the place map opens: the municipality's centre, at a zoom that shows most of
    it on a phone (wider for the large ones); the middle of Sweden when none is stored."""
    if municipality.latitude is None or municipality.longitude is None:
        return {"lat": "62.0", "lng": "15.0", "zoom": "5"}
    reach = municipality.reach_km or 60
    zoom = 10 if reach <= 60 else 9 if reach <= 100 else 8
    centre = {"lat": str(municipality.latitude), "lng": str(municipality.longitude)}
    return {**centre, "zoom": str(zoom)}


@FORM_METHODS
@login_required
def report_create(request: AuthedRequest, activity_pk: int) -> HttpResponse:
    activity = access.get_activity_for_reporter(request, activity_pk)
    initial = {
        # Today, while the promise's year runs; for a year that is over (or yet to come)
        # no guess: a date made up by the form would become a false record.
        "date": _today_if_in_year(activity.promise.year),
        "count": 1,
        "place": activity.place,
        "organisations": _default_organisations(request),
    }
    form = ActivityReportForm(request.POST or None, initial=initial, activity=activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_report_create(
                activity=activity, by=request.user, **form.service_data()
            )
        except NeedsConfirmation as warning:
            ask(form, warning)
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Logged: %(activity)s, %(done)s of %(target)s done.",
                    "Logged: %(activity)s, %(done)s of %(target)s done.",
                    activity.target if activity.target is not None else 2,
                )
                % {
                    "activity": activity.get_kind_display(),
                    "done": activity.done_count,
                    "target": activity.target if activity.target is not None else "–",
                },
            )
            return redirect("promises:promise_detail", pk=activity.promise_id)
    return _report_page(request, form, activity)


@require_safe
@login_required
def report_list(request: AuthedRequest) -> HttpResponse:
    permissions.require_staff(request)
    show_removed = request.GET.get("borttagna") == "1"
    reports = selectors.staff_reports(request.user, include_removed=show_removed)
    return render(
        request,
        "promises/report_list.html",
        {
            "reports": reports[:200],
            "show_removed": show_removed,
        },
    )


@FORM_METHODS
@login_required
def report_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_changer(request, pk)
    form = ActivityReportForm(request.POST or None, instance=report, activity=report.activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_report_update(
                report=report,
                by=request.user,
                expected_version=form.expected_version(),
                **form.service_data(),
            )
        except NeedsConfirmation as warning:
            ask(form, warning)
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("promises:report_list")
    return _report_page(request, form, report.activity, report=report)


@FORM_METHODS
@login_required
def report_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    """Ask first, then take the report out of the count; its page then offers to restore it."""
    report = access.get_report_for_changer(request, pk)
    if closed := _log_closed(report.activity.promise):
        messages.error(request, closed)
        return redirect("promises:report_edit", pk=report.pk)
    if report.removed_at is not None:
        return redirect("promises:report_edit", pk=report.pk)
    if request.method != "POST":
        return render(request, "promises/report_remove.html", {"report": report})
    services.activity_report_remove(report=report, by=request.user)
    messages.success(
        request, _("The report was removed from the count. It stays on record: restore it here.")
    )
    return redirect("promises:report_edit", pk=report.pk)


@require_POST
@login_required
def report_restore(request: AuthedRequest, pk: int) -> HttpResponse:
    """Count a removed report again."""
    report = access.get_report_for_changer(request, pk)
    try:
        services.activity_report_restore(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report was restored and counts again."))
    return redirect("promises:report_edit", pk=report.pk)


@FORM_METHODS
@login_required
def occasion_form(
    request: AuthedRequest, activity_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    """Plan an occasion of an activity, or change a planned one."""
    occasion = access.get_occasion_for_planner(request, pk) if pk is not None else None
    activity = (
        occasion.activity
        if occasion
        else access.get_activity_for_reporter(request, activity_pk or 0)
    )
    form = OccasionForm(request.POST or None, instance=occasion)
    if request.method == "POST" and form.is_valid():
        try:
            if occasion is None:
                services.occasion_create(
                    activity=activity,
                    by=request.user,
                    confirmed=is_confirmed(form),
                    **form.service_data(),
                )
            else:
                services.occasion_update(
                    occasion=occasion,
                    by=request.user,
                    expected_version=form.expected_version(),
                    confirmed=is_confirmed(form),
                    **form.service_data(),
                )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The occasion was saved."))
            return redirect("promises:promise_detail", pk=activity.promise_id)
    return render(
        request,
        "promises/occasion_form.html",
        {"form": form, "activity": activity, "occasion": occasion},
    )


@require_POST
@login_required
def occasion_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    occasion = access.get_occasion_for_planner(request, pk)
    promise_id = occasion.activity.promise_id
    services.occasion_delete(occasion=occasion, by=request.user)
    messages.success(request, _("The occasion was cancelled."))
    return redirect("promises:promise_detail", pk=promise_id)
