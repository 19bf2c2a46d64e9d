"""The promise cycle's objects as a staff request may have them. Each getter asks
accounts.permissions: to a user who may not see the object it does not exist (404); one who
sees it but may not do what they ask is told why (403)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts import permissions
from promises import selectors
from promises.models import Activity, ActivityReport, Agreement, CitizenPromise, Occasion


def get_promise_for_viewer(request: HttpRequest, pk: int) -> CitizenPromise:
    """A promise the user may read, drafts included, with everything its page shows."""
    permissions.require_staff(request)
    promise = selectors.staff_promise_in_full(request.user, pk)
    if promise is None:
        raise Http404
    return promise


def get_promise_for_editor(
    request: HttpRequest, pk: int, refusal: str | None = None
) -> CitizenPromise:
    """A promise the user reads and coordinates; `refusal` says why anyone else may not."""
    promise = get_promise_for_viewer(request, pk)
    if not permissions.can_edit_promise(request.user, promise):
        raise PermissionDenied(refusal or _("Only the promise's coordinators may change it."))
    return promise


def get_promise_for_approver(request: HttpRequest, pk: int) -> CitizenPromise:
    """A promise the user reads and may approve for publication for one of its parties."""
    promise = get_promise_for_viewer(request, pk)
    if not permissions.promise_approval_parties(request.user, promise):
        raise PermissionDenied(
            _("Only a coordinator of the municipality or of the local police area may approve.")
        )
    return promise


def get_agreement_for_editor(request: HttpRequest, pk: int) -> Agreement:
    """An agreement the user reads and may change."""
    permissions.require_staff(request)
    agreement = get_object_or_404(Agreement, pk=pk)
    if not permissions.can_view_agreement(request.user, agreement):
        raise Http404
    if not permissions.can_edit_agreement(request.user, agreement):
        raise PermissionDenied(_("Only the coordinators may change the agreement."))
    return agreement


def get_activity_for_reporter(request: HttpRequest, pk: int) -> Activity:
    """An activity the user may log reports of."""
    permissions.require_staff(request)
    activity = get_object_or_404(Activity.objects.select_related("promise"), pk=pk)
    if not permissions.can_report_activity(request.user, activity):
        raise Http404
    return activity


def get_report_for_changer(request: HttpRequest, pk: int) -> ActivityReport:
    """A report the user reads and may correct or remove."""
    permissions.require_staff(request)
    report = get_object_or_404(
        ActivityReport.objects.select_related("activity", "activity__promise"), pk=pk
    )
    if not permissions.can_view_promise(request.user, report.activity.promise):
        raise Http404
    if not permissions.can_change_report(request.user, report):
        raise PermissionDenied(_("You may not change this report."))
    return report


def get_occasion_for_planner(request: HttpRequest, pk: int) -> Occasion:
    """A planned occasion the user reads and, carrying out its activity, may plan."""
    permissions.require_staff(request)
    occasion = get_object_or_404(
        Occasion.objects.select_related("activity", "activity__promise"), pk=pk
    )
    if not permissions.can_view_promise(request.user, occasion.activity.promise):
        raise Http404
    if not permissions.can_report_activity(request.user, occasion.activity):
        raise PermissionDenied(_("Only those who carry out the activity may plan it."))
    return occasion
