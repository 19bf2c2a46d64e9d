"""Staff pages of the follow-up (start one, add judgement, approve, co-sign), of the
evaluation (judge, publish, carry over) and the reminder settings. Every check of who may
do what is asked of accounts.permissions."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions
from accounts.requests import AuthedRequest
from audit.selectors import history
from core.http import FORM_METHODS
from documents.responses import document_response
from followup import access, services
from followup.forms import EvaluationForm, FollowUpForm, ReminderPreferenceForm
from followup.models import ReminderPreference
from followup.printing import evaluation_document, follow_up_document
from followup.vocabularies import EvaluationStatus, FollowUpStatus
from promises.access import get_promise_for_editor
from promises.selectors import next_year_promise


def _report(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@require_POST
@login_required
def start(request: AuthedRequest, promise_pk: int, number: int) -> HttpResponse:
    promise = get_promise_for_editor(
        request, promise_pk, _("Only the promise's coordinators may start a follow-up.")
    )
    try:
        follow_up = services.follow_up_draft(promise=promise, number=number, by=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("promises:promise_detail", pk=promise.pk)
    return redirect("followup:detail", pk=follow_up.pk)


@FORM_METHODS
@login_required
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_viewer(request, pk)
    promise = follow_up.promise
    can_edit = permissions.can_edit_promise(request.user, promise)
    editable = can_edit and follow_up.status == FollowUpStatus.DRAFT
    if request.method == "POST" and not editable:
        raise PermissionDenied(_("This follow-up cannot be changed by you now."))
    data = request.POST if request.method == "POST" else None
    form = FollowUpForm(data, follow_up=follow_up) if editable else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.follow_up_update(
                follow_up=follow_up,
                by=request.user,
                expected_version=form.expected_version(),
                assessment=form.cleaned_data["assessment"],
                activity_comments=form.activity_comments(),
                commitment_judgements=form.commitment_judgements(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The follow-up was saved."))
            return redirect("followup:detail", pk=follow_up.pk)
    awaiting = follow_up.status == FollowUpStatus.APPROVED
    may_cosign = permissions.can_cosign_follow_up(request.user, promise)
    context: dict[str, Any] = {
        "follow_up": follow_up,
        "promise": promise,
        "form": form,
        "can_cosign": awaiting and may_cosign and follow_up.approved_by_id != request.user.pk,
        "can_send_back": awaiting and (can_edit or may_cosign),
        "history": history(f"citizenpromise:{promise.pk}") if can_edit else None,
    }
    return render(request, "followup/detail.html", context)


@require_POST
@login_required
def refresh(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_editor(request, pk)
    try:
        services.follow_up_refresh(follow_up=follow_up, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The figures were read from the activity log again."))
    return redirect("followup:detail", pk=follow_up.pk)


@require_POST
@login_required
def approve(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_editor(request, pk)
    try:
        services.follow_up_approve(follow_up=follow_up, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        if follow_up.status == FollowUpStatus.PUBLISHED:
            messages.success(request, _("The follow-up is approved and published."))
        else:
            messages.success(
                request, _("The follow-up is approved and waits for the police area to co-sign.")
            )
    return redirect("followup:detail", pk=follow_up.pk)


@require_POST
@login_required
def cosign(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_cosigner(request, pk)
    try:
        services.follow_up_cosign(follow_up=follow_up, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The follow-up is co-signed and published."))
    return redirect("followup:detail", pk=follow_up.pk)


@require_POST
@login_required
def send_back(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_returner(request, pk)
    try:
        services.follow_up_return(follow_up=follow_up, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The follow-up is a draft again."))
    return redirect("followup:detail", pk=follow_up.pk)


@FORM_METHODS
@login_required
def preferences(request: AuthedRequest) -> HttpResponse:
    stored = ReminderPreference.objects.filter(user=request.user).first()
    initial = {
        "follow_up_due": stored.follow_up_due if stored else True,
        "activity_behind": stored.activity_behind if stored else True,
    }
    # Bound on every POST: unticking both boxes posts no field of the form at all.
    data = request.POST if request.method == "POST" else None
    form = ReminderPreferenceForm(data, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.preference_set(
            user=request.user,
            follow_up_due=form.cleaned_data["follow_up_due"],
            activity_behind=form.cleaned_data["activity_behind"],
        )
        messages.success(request, _("Your reminder settings were saved."))
        return redirect("followup:preferences")
    return render(
        request,
        "followup/preferences.html",
        {"form": form, "email": request.user.email},
    )


@require_POST
@login_required
def evaluation_start(request: AuthedRequest, promise_pk: int) -> HttpResponse:
    promise = get_promise_for_editor(
        request, promise_pk, _("Only the promise's coordinators may evaluate it.")
    )
    try:
        found = services.evaluation_start(promise=promise, by=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("promises:promise_detail", pk=promise.pk)
    return redirect("followup:evaluation", pk=found.pk)


@FORM_METHODS
@login_required
def evaluation(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.get_evaluation_for_viewer(request, pk)
    promise = found.promise
    can_edit = permissions.can_edit_promise(request.user, promise)
    editable = can_edit and found.status == EvaluationStatus.DRAFT
    if request.method == "POST" and not editable:
        raise PermissionDenied(_("This evaluation cannot be changed by you now."))
    data = request.POST if request.method == "POST" else None
    form = EvaluationForm(data, evaluation=found) if editable else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.evaluation_update(
                evaluation=found,
                by=request.user,
                expected_version=form.expected_version(),
                summary=form.cleaned_data["summary"],
                commitment_texts=form.commitment_texts(),
                activity_carry_over=form.activity_carry_over(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The evaluation was saved."))
            return redirect("followup:evaluation", pk=found.pk)
    next_year = next_year_promise(promise)
    context: dict[str, Any] = {
        "evaluation": found,
        "promise": promise,
        "form": form,
        "can_edit": can_edit,
        "next_year": next_year,
        "history": history(f"citizenpromise:{promise.pk}") if can_edit else None,
    }
    return render(request, "followup/evaluation.html", context)


@require_POST
@login_required
def evaluation_refresh(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.get_evaluation_for_editor(request, pk)
    try:
        services.evaluation_refresh(evaluation=found, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The figures were read again."))
    return redirect("followup:evaluation", pk=found.pk)


@require_POST
@login_required
def evaluation_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.get_evaluation_for_editor(request, pk)
    try:
        services.evaluation_publish(evaluation=found, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The evaluation is published and the promise evaluated."))
    return redirect("followup:evaluation", pk=found.pk)


@require_POST
@login_required
def evaluation_reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    """Take the published evaluation back to draft, with the reason, to correct the log."""
    found = access.get_evaluation_for_editor(request, pk)
    try:
        services.evaluation_reopen(
            evaluation=found, by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request,
            _(
                "The evaluation is reopened: the activity log can be corrected. Publish it again "
                "when you are done."
            ),
        )
    return redirect("followup:evaluation", pk=found.pk)


@require_POST
@login_required
def evaluation_carry_over(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.get_evaluation_for_editor(request, pk)
    try:
        draft = services.evaluation_carry_over(evaluation=found, by=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("followup:evaluation", pk=found.pk)
    messages.success(
        request,
        _("The draft for %(year)s was created with what you chose to carry over.")
        % {"year": draft.year},
    )
    return redirect("promises:promise_detail", pk=draft.pk)


@require_safe
@login_required
def follow_up_download(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    """The follow-up as a PDF or Word document, drafts included, for its promise's readers."""
    doc = follow_up_document(access.get_follow_up_for_viewer(request, pk))
    return document_response(request, doc, fmt)


@require_safe
@login_required
def evaluation_download(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    """The evaluation as a PDF or Word document, drafts included, for its promise's readers."""
    doc = evaluation_document(access.get_evaluation_for_viewer(request, pk), public=False)
    return document_response(request, doc, fmt)
