"""Follow-ups and evaluations as a staff request may have them. They are read and changed as
their promise is (accounts.permissions): to a user who may not read the promise they do not
exist (404); one who reads it but does not coordinate it may not change them (403)."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from accounts import permissions
from followup import selectors
from followup.models import Evaluation, FollowUp

D = TypeVar("D", FollowUp, Evaluation)


def _for_viewer(request: HttpRequest, load: Callable[[int], D | None], pk: int) -> D:
    permissions.require_staff(request)
    found = load(pk)
    if found is None or not permissions.can_view_promise(request.user, found.promise):
        raise Http404
    return found


def _for_editor(request: HttpRequest, load: Callable[[int], D | None], pk: int) -> D:
    found = _for_viewer(request, load, pk)
    if not permissions.can_edit_promise(request.user, found.promise):
        raise PermissionDenied(_("Only the promise's coordinators may change it."))
    return found


def get_follow_up_for_viewer(request: HttpRequest, pk: int) -> FollowUp:
    """A follow-up with its lines, of a promise the user may read."""
    return _for_viewer(request, selectors.follow_up_in_full, pk)


def get_follow_up_for_editor(request: HttpRequest, pk: int) -> FollowUp:
    """A follow-up with its lines, of a promise the user coordinates."""
    return _for_editor(request, selectors.follow_up_in_full, pk)


def get_evaluation_for_viewer(request: HttpRequest, pk: int) -> Evaluation:
    """An evaluation with its lines, of a promise the user may read."""
    return _for_viewer(request, selectors.evaluation_in_full, pk)


def get_evaluation_for_editor(request: HttpRequest, pk: int) -> Evaluation:
    """An evaluation with its lines, of a promise the user coordinates."""
    return _for_editor(request, selectors.evaluation_in_full, pk)


def get_follow_up_for_cosigner(request: HttpRequest, pk: int) -> FollowUp:
    """A follow-up whose promise's police area the user coordinates, to co-sign it."""
    found = get_follow_up_for_viewer(request, pk)
    if not permissions.can_cosign_follow_up(request.user, found.promise):
        raise PermissionDenied(_("Only a coordinator of the local police area may co-sign."))
    return found


def get_follow_up_for_returner(request: HttpRequest, pk: int) -> FollowUp:
    """A follow-up the user may send back to draft: as its coordinator or its co-signer."""
    found = get_follow_up_for_viewer(request, pk)
    promise = found.promise
    if not (
        permissions.can_edit_promise(request.user, promise)
        or permissions.can_cosign_follow_up(request.user, promise)
    ):
        raise PermissionDenied(_("Only the promise's coordinators may send it back."))
    return found


def get_evaluation_for_approver(request: HttpRequest, pk: int) -> Evaluation:
    """An evaluation the user reads and may approve for publication for one of its promise's
    parties (as the promise itself is approved)."""
    found = get_evaluation_for_viewer(request, pk)
    if not permissions.promise_approval_parties(request.user, found.promise):
        raise PermissionDenied(
            _("Only a coordinator of the municipality or of the local police area may approve.")
        )
    return found
