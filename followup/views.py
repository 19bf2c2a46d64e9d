"""Staff pages of the follow-up (start one, add judgement, approve, co-sign), of the
evaluation (judge, publish, carry over) and the reminder settings. Every check of who may
do what is asked of accounts.permissions."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions
from accounts.requests import AuthedRequest
from audit.selectors import history
from core.confirm import NeedsConfirmation, ask
from core.http import FORM_METHODS
from core.versioning import ConcurrentEditError
from documents.responses import document_response
from followup import access, services
from followup.forms import EvaluationForm, FollowUpForm, ReminderPreferenceForm
from followup.models import Evaluation, FollowUp, ReminderPreference
from followup.printing import evaluation_document, follow_up_document
from followup.services.evaluations import EvaluationJudgement
from followup.services.follow_ups import FollowUpJudgement
from followup.vocabularies import EvaluationStatus, FollowUpStatus
from promises.access import get_promise_for_editor
from promises.selectors import approval_rows, may_approve, next_year_promise

F = TypeVar("F", FollowUpForm, EvaluationForm)


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


def _posted_form(request: AuthedRequest, make: Callable[[Any], F], draft: bool) -> F | None:
    """The page's form as posted by one of its buttons, or None when the post carries none."""
    return make(request.POST) if draft and "version" in request.POST else None


def _reshown(form: F, make: Callable[[Any], F], error: ValidationError, stored: int) -> F:
    """The form again with everything typed and the refusal. Its content was saved unless
    someone else saved first, so it carries the stored version unless that was the refusal."""
    data = dict(form.data.items())
    if not isinstance(error, ConcurrentEditError):
        data["version"] = str(stored)
    again = make(data)
    again.is_valid()
    again.add_error(None, error)
    return again


def _follow_up_act(
    request: AuthedRequest,
    follow_up: FollowUp,
    act: Callable[[FollowUpJudgement | None], str],
) -> HttpResponse:
    """Run a button of the follow-up's page with what is on its form: the form is saved
    with it, and a refusal shows the form again with everything typed."""

    def make(data: Any) -> FollowUpForm:
        return FollowUpForm(data, follow_up=follow_up)

    form = _posted_form(request, make, follow_up.status == FollowUpStatus.DRAFT)
    if form is not None and not form.is_valid():
        return _follow_up_page(request, follow_up, form)
    try:
        done = act(form.service_data() if form is not None else None)
    except ValidationError as error:
        if form is None:
            _report(request, error)
            return redirect("followup:detail", pk=follow_up.pk)
        if isinstance(error, NeedsConfirmation):
            ask(form, error)
            return _follow_up_page(request, follow_up, form)
        stored = FollowUp.objects.values_list("version", flat=True).get(pk=follow_up.pk)
        return _follow_up_page(request, follow_up, _reshown(form, make, error, stored))
    messages.success(request, done)
    return redirect("followup:detail", pk=follow_up.pk)


def _follow_up_page(
    request: AuthedRequest, follow_up: FollowUp, form: FollowUpForm | None = None
) -> HttpResponse:
    promise = follow_up.promise
    can_edit = permissions.can_edit_promise(request.user, promise)
    if can_edit and follow_up.status == FollowUpStatus.DRAFT and form is None:
        form = FollowUpForm(follow_up=follow_up)
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


@FORM_METHODS
@login_required
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_viewer(request, pk)
    if request.method != "POST":
        return _follow_up_page(request, follow_up)
    editable = permissions.can_edit_promise(request.user, follow_up.promise)
    if not editable or follow_up.status != FollowUpStatus.DRAFT:
        raise PermissionDenied(_("This follow-up cannot be changed by you now."))

    def save(judgement: FollowUpJudgement | None) -> str:
        if judgement is not None:
            services.follow_up_update(follow_up=follow_up, by=request.user, **judgement)
        return _("The follow-up was saved.")

    return _follow_up_act(request, follow_up, save)


@require_POST
@login_required
def refresh(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_editor(request, pk)

    def read_again(judgement: FollowUpJudgement | None) -> str:
        services.follow_up_refresh(follow_up=follow_up, by=request.user, judgement=judgement)
        return _("The figures were read from the activity log again.")

    return _follow_up_act(request, follow_up, read_again)


@require_POST
@login_required
def approve(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = access.get_follow_up_for_editor(request, pk)

    def approve_it(judgement: FollowUpJudgement | None) -> str:
        services.follow_up_approve(follow_up=follow_up, by=request.user, judgement=judgement)
        if follow_up.status == FollowUpStatus.PUBLISHED:
            return _("The follow-up is approved and published.")
        return _("The follow-up is approved and waits for the police area to co-sign.")

    return _follow_up_act(request, follow_up, approve_it)


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


def _evaluation_act(
    request: AuthedRequest,
    found: Evaluation,
    act: Callable[[EvaluationJudgement | None], tuple[str, str]],
) -> HttpResponse:
    """Run a button of the evaluation's page with what is on its form: the form is saved
    with it, and a refusal shows the form again with everything typed. `act` answers with
    the message and the address to go to."""

    def make(data: Any) -> EvaluationForm:
        return EvaluationForm(data, evaluation=found)

    form = _posted_form(request, make, found.status == EvaluationStatus.DRAFT)
    if form is not None and not form.is_valid():
        return _evaluation_page(request, found, form)
    try:
        done, url = act(form.service_data() if form is not None else None)
    except ValidationError as error:
        if form is None:
            _report(request, error)
            return redirect("followup:evaluation", pk=found.pk)
        if isinstance(error, NeedsConfirmation):
            ask(form, error)
            return _evaluation_page(request, found, form)
        stored = Evaluation.objects.values_list("version", flat=True).get(pk=found.pk)
        return _evaluation_page(request, found, _reshown(form, make, error, stored))
    messages.success(request, done)
    return redirect(url)


def _evaluation_page(
    request: AuthedRequest, found: Evaluation, form: EvaluationForm | None = None
) -> HttpResponse:
    promise = found.promise
    can_edit = permissions.can_edit_promise(request.user, promise)
    if can_edit and found.status == EvaluationStatus.DRAFT and form is None:
        form = EvaluationForm(evaluation=found)
    context: dict[str, Any] = {
        "evaluation": found,
        "promise": promise,
        "form": form,
        "can_edit": can_edit,
        "next_year": next_year_promise(promise),
        "approvals": approval_rows(found, promise),
        "history": history(f"citizenpromise:{promise.pk}") if can_edit else None,
    }
    return render(request, "followup/evaluation.html", context)


@FORM_METHODS
@login_required
def evaluation(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.get_evaluation_for_viewer(request, pk)
    if request.method != "POST":
        return _evaluation_page(request, found)
    editable = permissions.can_edit_promise(request.user, found.promise)
    if not editable or found.status != EvaluationStatus.DRAFT:
        raise PermissionDenied(_("This evaluation cannot be changed by you now."))
    here = reverse("followup:evaluation", args=[found.pk])

    def save(judgement: EvaluationJudgement | None) -> tuple[str, str]:
        if judgement is not None:
            services.evaluation_update(evaluation=found, by=request.user, **judgement)
        return _("The evaluation was saved."), here

    return _evaluation_act(request, found, save)


@require_POST
@login_required
def evaluation_refresh(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.get_evaluation_for_editor(request, pk)
    here = reverse("followup:evaluation", args=[found.pk])

    def read_again(judgement: EvaluationJudgement | None) -> tuple[str, str]:
        services.evaluation_refresh(evaluation=found, by=request.user, judgement=judgement)
        return _("The figures were read again."), here

    return _evaluation_act(request, found, read_again)


@FORM_METHODS
@login_required
def evaluation_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    """The evaluation as its public page will show it, with both parties' approval below.
    The evaluation page's button comes here with its form, which is saved first."""
    found = access.get_evaluation_for_viewer(request, pk)
    if request.method == "POST":
        found = access.get_evaluation_for_editor(request, pk)
        if found.status != EvaluationStatus.DRAFT:
            raise PermissionDenied(_("This evaluation cannot be changed by you now."))
        here = reverse("followup:evaluation_preview", args=[found.pk])

        def save(judgement: EvaluationJudgement | None) -> tuple[str, str]:
            if judgement is not None:
                services.evaluation_update(evaluation=found, by=request.user, **judgement)
            if not found.summary.strip():
                raise ValidationError(
                    {"summary": _("Write the result in brief before publishing.")}
                )
            return _("The evaluation was saved. Check it as the public will see it."), here

        return _evaluation_act(request, found, save)
    promise = found.promise
    draft = found.status == EvaluationStatus.DRAFT
    context: dict[str, Any] = {
        "evaluation": found,
        "promise": promise,
        "approvals": approval_rows(found, promise),
        "may_approve": draft and may_approve(found, promise, request.user),
    }
    return render(request, "followup/evaluation_preview.html", context)


@require_POST
@login_required
def evaluation_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    """A coordinator's approval of the evaluation for their party, from the preview; the
    second party's approval publishes it."""
    found = access.get_evaluation_for_approver(request, pk)
    try:
        services.evaluation_approve(evaluation=found, by=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("followup:evaluation_preview", pk=found.pk)
    if found.status == EvaluationStatus.PUBLISHED:
        messages.success(
            request,
            _("Both parties have approved: the evaluation is published and the promise evaluated."),
        )
        return redirect("followup:evaluation", pk=found.pk)
    messages.success(
        request,
        _("Your approval is recorded. The evaluation is published when the other party approves."),
    )
    return redirect("followup:evaluation_preview", pk=found.pk)


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

    def carry_over(judgement: EvaluationJudgement | None) -> tuple[str, str]:
        draft = services.evaluation_carry_over(
            evaluation=found, by=request.user, judgement=judgement
        )
        done = _("The draft for %(year)s was created with what you chose to carry over.") % {
            "year": draft.year
        }
        return done, reverse("promises:promise_detail", args=[draft.pk])

    return _evaluation_act(request, found, carry_over)


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
