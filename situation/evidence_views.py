"""Staff pages to register evidence by hand: a complaint, a dialogue with its concerns."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import permissions
from places.models import Municipality
from situation import services
from situation.forms import ComplaintForm, ConcernFormSet, DialogueForm
from situation.views import _municipality_for_viewer

FORM_METHODS = require_http_methods(["GET", "HEAD", "POST"])


def _municipality_for_recorder(request: HttpRequest, slug: str) -> Municipality:
    municipality = _municipality_for_viewer(request, slug)
    if not permissions.can_record_evidence(request.user, municipality):
        raise PermissionDenied(_("Only coordinators and reporters may register evidence."))
    return municipality


@FORM_METHODS
@login_required
def complaint_create(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality_for_recorder(request, slug)
    form = ComplaintForm(
        request.POST if request.method == "POST" else None, municipality=municipality
    )
    if form.is_valid():
        data: dict[str, Any] = dict(form.cleaned_data)
        try:
            complaint = services.complaint_create(
                municipality=municipality, by=request.user, **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The complaint was registered under %(problem)s.")
                % {"problem": complaint.get_problem_display()},
            )
            return redirect(
                "situation:records",
                slug=slug,
                year=complaint.received_on.year,
                source="complaints",
                problem=complaint.problem,
            )
    return render(
        request, "situation/complaint_form.html", {"form": form, "municipality": municipality}
    )


@FORM_METHODS
@login_required
def dialogue_create(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality_for_recorder(request, slug)
    data = request.POST if request.method == "POST" else None
    form = DialogueForm(data, municipality=municipality)
    concerns = ConcernFormSet(data, prefix="concern")
    if form.is_valid() and concerns.is_valid():
        raised = [c for c in concerns.cleaned_data if c.get("text")]
        try:
            dialogue = services.dialogue_create(
                municipality=municipality, by=request.user, concerns=raised, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The dialogue was registered with %(count)s concerns.") % {"count": len(raised)},
            )
            return redirect("situation:picture", slug=slug, year=dialogue.held_on.year)
    return render(
        request,
        "situation/dialogue_form.html",
        {"form": form, "concerns": concerns, "municipality": municipality},
    )
