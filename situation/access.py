"""The evidence of a municipality as a staff request may have it. Each getter asks
accounts.permissions: to a user who may not read the municipality's evidence it does not
exist (404); a reader who may not register or correct evidence is told why (403)."""

from typing import cast

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from imports.models import FileImport
from lib import periods
from places.models import Municipality
from situation.models import Complaint, Concern, CrimeStatistic, Dialogue, SurveyResult

CORRECTABLE = ("complaint", "concern")
# Every kind of record staff may correct or withdraw, by the name its URLs use.
EVIDENCE_KINDS: dict[str, type[Complaint | Dialogue | Concern | CrimeStatistic | SurveyResult]]
EVIDENCE_KINDS = {
    "complaint": Complaint,
    "dialogue": Dialogue,
    "concern": Concern,
    "crime_statistic": CrimeStatistic,
    "survey_result": SurveyResult,
}


def _require_reader(request: HttpRequest, municipality: Municipality) -> None:
    permissions.require_staff(request)
    if not permissions.can_view_evidence(request.user, municipality):
        raise Http404


def _require_recorder(request: HttpRequest, municipality: Municipality) -> None:
    _require_reader(request, municipality)
    if not permissions.can_record_evidence(request.user, municipality):
        raise PermissionDenied(_("Only coordinators and reporters may register evidence."))


def get_municipality_for_reader(request: HttpRequest, slug: str) -> Municipality:
    """A municipality whose evidence the user may read."""
    permissions.require_staff(request)
    municipality = get_object_or_404(Municipality, slug=slug)
    _require_reader(request, municipality)
    return municipality


def get_municipality_for_recorder(request: HttpRequest, slug: str) -> Municipality:
    """A municipality whose evidence the user may also register and correct."""
    municipality = get_municipality_for_reader(request, slug)
    _require_recorder(request, municipality)
    return municipality


def require_evidence_year(year: int) -> None:
    """Refuse (404) a year no evidence may be for: an address typed or edited by hand."""
    first, last = periods.evidence_years(timezone.localdate())
    if not first <= year <= last:
        raise Http404


def get_municipality_for_approver(request: HttpRequest, slug: str) -> Municipality:
    """A municipality whose evidence the user reads and whose yearly picture they may approve
    for publication, or take off the public site, for one of the two parties."""
    municipality = get_municipality_for_reader(request, slug)
    if not permissions.picture_approval_parties(request.user, municipality):
        raise PermissionDenied(
            _("Only a coordinator of the municipality or of the local police area may publish.")
        )
    return municipality


def get_record_for_recorder(request: HttpRequest, kind: str, pk: int) -> Complaint | Concern:
    """A complaint or a dialogue's concern whose problem the user may correct."""
    permissions.require_staff(request)
    if kind not in CORRECTABLE:
        raise Http404
    record: Complaint | Concern
    if kind == "complaint":
        record = get_object_or_404(Complaint.objects.select_related("municipality"), pk=pk)
    else:
        record = get_object_or_404(
            Concern.objects.select_related("municipality", "dialogue"), pk=pk
        )
    _require_recorder(request, record.municipality)
    return record


def get_file_import_for_recorder(request: HttpRequest, pk: int) -> FileImport:
    """An uploaded evidence file, waiting for a decision, of a municipality the user records."""
    permissions.require_staff(request)
    run = get_object_or_404(FileImport.objects.select_related("municipality"), pk=pk)
    _require_recorder(request, run.municipality)
    return run


def get_evidence_for_recorder(
    request: HttpRequest, kind: str, pk: int
) -> Complaint | Dialogue | Concern | CrimeStatistic | SurveyResult:
    """Any record of the evidence that the user may correct or withdraw."""
    permissions.require_staff(request)
    model = EVIDENCE_KINDS.get(kind)
    if model is None:
        raise Http404
    record = cast(
        Complaint | Dialogue | Concern | CrimeStatistic | SurveyResult,
        get_object_or_404(model._default_manager.select_related("municipality"), pk=pk),
    )
    _require_recorder(request, record.municipality)
    return record
