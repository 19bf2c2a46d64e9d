"""Staff pages to register evidence by hand (a complaint, a dialogue with its concerns), to
correct or withdraw it, and to import it from a file or undo an import."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions
from core.confirm import NeedsConfirmation, ask, is_confirmed
from core.http import FORM_METHODS
from core.personal_data import KIND_LABELS
from core.uploads import upload_refused
from imports.limits import ERRORS_KEPT
from imports.tabular import MAX_FILE_BYTES
from lib.personal_data import Kind
from situation import access, services
from situation.forms import (
    IMPORT_KIND_CHOICES,
    ComplaintForm,
    ConcernFormSet,
    DialogueForm,
    EvidenceFileForm,
    FileDecisionForm,
    UndoImportForm,
    WithdrawForm,
    correction_form,
    voices_within_participants,
)
from situation.models import Complaint, Concern, CrimeStatistic, Dialogue, SurveyResult
from situation.vocabularies import DialogueKind, Source


def _refused(form: Any, error: ValidationError) -> None:
    """Put a service's refusal on the form, or its question when it needs confirmation."""
    if isinstance(error, NeedsConfirmation):
        ask(form, error)
    else:
        form.add_error(None, error)


@FORM_METHODS
@login_required
def complaint_create(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = access.get_municipality_for_recorder(request, slug)
    form = ComplaintForm(
        request.POST if request.method == "POST" else None, municipality=municipality
    )
    if form.is_valid():
        try:
            complaint = services.complaint_create(
                municipality=municipality,
                by=request.user,
                confirmed=is_confirmed(form),
                **form.service_data(),
            )
        except ValidationError as error:
            _refused(form, error)
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
    municipality = access.get_municipality_for_recorder(request, slug)
    data = request.POST if request.method == "POST" else None
    form = DialogueForm(data, municipality=municipality)
    concerns = ConcernFormSet(data, prefix="concern")
    if form.is_valid() and concerns.is_valid() and voices_within_participants(form, concerns):
        raised = [c.service_data() for c in concerns if c.cleaned_data.get("text")]
        try:
            dialogue = services.dialogue_create(
                municipality=municipality,
                by=request.user,
                concerns=raised,
                confirmed=is_confirmed(form),
                **form.service_data(),
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The dialogue was registered with %(count)s concern.",
                    "The dialogue was registered with %(count)s concerns.",
                    len(raised),
                )
                % {"count": len(raised)},
            )
            return redirect("situation:picture", slug=slug, year=dialogue.held_on.year)
    return render(
        request,
        "situation/dialogue_form.html",
        {"form": form, "concerns": concerns, "municipality": municipality},
    )


ERRORS_SHOWN = ERRORS_KEPT


@FORM_METHODS
@login_required
def file_upload(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = access.get_municipality_for_recorder(request, slug)
    form = EvidenceFileForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    too_large = _("The file is larger than %s MB.") % (MAX_FILE_BYTES // 2**20)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        # Judged by the size Django counted while receiving it, before it is read.
        if upload.size > MAX_FILE_BYTES:
            form.add_error("file", too_large)
        else:
            run = services.file_import_start(
                municipality=municipality,
                kind=form.cleaned_data["kind"],
                file_name=upload.name,
                data=upload.read(),
                by=request.user,
            )
            return redirect("situation:file_import", pk=run.pk)
    elif upload_refused(request):
        form.errors["file"] = form.error_class([too_large])
    return render(
        request, "situation/file_upload.html", {"form": form, "municipality": municipality}
    )


@FORM_METHODS
@login_required
def file_import(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_file_import_for_recorder(request, pk)
    if request.method == "POST":
        form = FileDecisionForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose what to do with the file."))
            services.file_import_decide(
                run=run,
                action=form.cleaned_data["action"],
                by=request.user,
                personal_data_confirmed=form.cleaned_data["confirm_personal_data"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("situation:file_import", pk=run.pk)
    template = "situation/_file_import.html" if request.htmx else "situation/file_import.html"  # type: ignore[attr-defined]
    found = (run.preview or {}).get("personal_data", [])
    return render(
        request,
        template,
        {
            "run": run,
            "errors": run.errors[:ERRORS_SHOWN],
            "more": max(0, len(run.errors) - ERRORS_SHOWN) + run.errors_left_out,
            "cancellable": run.status in services.CANCELLABLE,
            "personal_data": [
                (row, column, ", ".join(str(KIND_LABELS[Kind(k)]) for k in kinds))
                for row, column, kinds in found[:ERRORS_SHOWN]
            ],
            "personal_data_more": len(found) > ERRORS_SHOWN,
        },
    )


def _records_url(record: Complaint | Dialogue | Concern | CrimeStatistic | SurveyResult) -> str:
    """The staff page the record is listed on: its figure's records, or the picture."""
    slug = record.municipality.slug
    if isinstance(record, Complaint):
        year, source, problem = record.received_on.year, Source.COMPLAINTS, record.problem
    elif isinstance(record, Concern):
        dialogue = record.dialogue
        year, problem = dialogue.held_on.year, record.problem
        citizen = dialogue.kind == DialogueKind.CITIZEN
        source = Source.CITIZEN_DIALOGUES if citizen else Source.EMPLOYEE_DIALOGUES
    elif isinstance(record, Dialogue):
        return reverse("situation:picture", args=[slug, record.held_on.year])
    else:
        kind = (
            Source.CRIME_STATISTICS if isinstance(record, CrimeStatistic) else Source.SAFETY_SURVEYS
        )
        year, source, problem = record.year, kind, record.problem
    if not problem:
        return reverse("situation:picture", args=[slug, year])
    return reverse("situation:records", args=[slug, year, source, problem])


@FORM_METHODS
@login_required
def record_correct(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record = access.get_evidence_for_recorder(request, kind, pk)
    form_class = correction_form(type(record))
    form = form_class(request.POST if request.method == "POST" else None, instance=record)
    if form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form_class._meta.fields or ()}
        try:
            services.evidence_correct(
                record=record,
                changes=changes,
                reason=form.cleaned_data["reason"],
                by=request.user,
                confirmed=is_confirmed(form),
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The record was corrected."))
            return redirect(_records_url(record))
    return render(
        request,
        "situation/record_correct.html",
        {"form": form, "record": record, "back": _records_url(record)},
    )


@FORM_METHODS
@login_required
def record_withdraw(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record = access.get_evidence_for_recorder(request, kind, pk)
    back = _records_url(record)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.evidence_withdraw(
                record=record, reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The record was withdrawn and no longer counts."))
            return redirect(back)
    return render(
        request,
        "situation/record_withdraw.html",
        {"form": form, "record": record, "back": back},
    )


@require_POST
@login_required
def file_import_undo(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_file_import_for_recorder(request, pk)
    form = UndoImportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say why the import is undone."))
        services.file_import_undo(run=run, reason=form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The import was undone."))
    return redirect("situation:file_import", pk=run.pk)


@require_safe
@login_required
def file_guide(request: HttpRequest) -> HttpResponse:
    """How to lay out an evidence file: each kind's columns, which are required, and the
    values a choice column allows."""
    permissions.require_staff(request)
    kinds = [(label, services.import_columns(kind)) for kind, label in IMPORT_KIND_CHOICES]
    return render(request, "situation/file_guide.html", {"kinds": kinds})
