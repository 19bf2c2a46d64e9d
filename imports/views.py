"""Staff pages: paste or upload a published promise, check what was read beside the source,
correct it, and save it as a draft."""

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions
from core.confirm import NeedsConfirmation, ask, is_confirmed
from core.fields import is_database_key
from core.uploads import upload_refused
from imports.forms import (
    ActivityRowFormSet,
    DocumentForm,
    SourceForm,
    document_data,
    initial_from,
)
from imports.readers import ReadError, plain_text, read_text
from imports.reading import clean_lines, parse_text
from imports.services import ImportRefused, import_reviewed, municipality_named_elsewhere


def _municipalities(request: HttpRequest) -> Any:
    municipalities = permissions.editable_municipalities(request.user)
    if not municipalities.exists():
        raise PermissionDenied(_("Only coordinators may bring in promises."))
    return municipalities


# The kinds of file the reader tells apart by their ending.
READABLE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".doc")


def _uploaded_text(upload: Any) -> str:
    # Kept outside the web root, in a private temporary folder removed right after reading.
    # The client's file name never reaches the disk (it may be longer than a file system
    # allows, or hold anything); only a known ending is kept, which tells the kind.
    suffix = Path(upload.name or "").suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix if suffix in READABLE_SUFFIXES else ''}"
        with open(path, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        return read_text(path)


def _review(
    request: HttpRequest,
    municipality: Any,
    source: str,
    source_name: str,
    index: int,
    form: Any = None,
    rows: Any = None,
) -> HttpResponse:
    documents = parse_text(source)["documents"]
    document = documents[index]
    if form is None:
        initial, row_initial = initial_from(document)
        form = DocumentForm(initial=initial)
        rows = ActivityRowFormSet(initial=row_initial, prefix="act")
    return render(
        request,
        "imports/review.html",
        {
            "municipality": municipality,
            "source": source,
            "source_name": source_name,
            "source_lines": clean_lines(source),
            "index": index,
            "count": len(documents),
            "document": document,
            "named_elsewhere": municipality_named_elsewhere(document, municipality),
            "form": form,
            "rows": rows,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    municipalities = _municipalities(request)
    # A coordinator of one municipality need not choose it.
    only = municipalities.first() if municipalities.count() == 1 else None
    form = SourceForm(
        request.POST or None,
        request.FILES or None,
        municipalities=municipalities,
        initial={"municipality": only},
    )
    if request.method == "POST" and upload_refused(request):
        # The file was cut off while it arrived (core/uploads.py): nothing of it is read.
        form.is_valid()
        form.errors["file"] = form.error_class([_("The file is larger than 20 MB.")])
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            source = _uploaded_text(upload) if upload else plain_text(form.cleaned_data["text"])
        except ReadError as error:
            form.add_error("file", str(error).split(": ", 1)[-1])
        else:
            if parse_text(source)["documents"]:
                name = upload.name if upload else _("pasted text")
                return _review(request, form.cleaned_data["municipality"], source, name, 0)
            form.add_error(None, _("No citizen promise was found in the text."))
    return render(request, "imports/start.html", {"form": form})


@require_POST
@login_required
def import_save(request: HttpRequest) -> HttpResponse:
    chosen = request.POST.get("municipality", "")
    municipalities = _municipalities(request)
    municipality = municipalities.filter(pk=chosen).first() if is_database_key(chosen) else None
    source = request.POST.get("source", "")
    documents = parse_text(source)["documents"] if source else []
    try:
        index = int(request.POST.get("index", ""))
        parsed = documents[index]
    except (ValueError, IndexError):
        parsed = None
    if municipality is None or parsed is None:
        messages.error(request, _("The text or the municipality was lost; start again."))
        return redirect("imports:start")
    name = request.POST.get("source_name", "")[:255]
    form = DocumentForm(request.POST)
    rows = ActivityRowFormSet(request.POST, prefix="act")
    if form.is_valid() and rows.is_valid():
        try:
            promise = import_reviewed(
                document={
                    **document_data(form, rows, parsed["police_area"]),
                    "municipality": parsed["municipality"],
                },
                source=source,
                source_name=name,
                municipality=municipality,
                by=request.user,  # type: ignore[arg-type]
                confirmed=is_confirmed(form),
            )
        except ImportRefused as refused:
            for problem in refused.problems:
                form.add_error(None, problem)
        except NeedsConfirmation as asked:
            ask(form, asked)
        else:
            messages.success(request, _("Saved as a draft: %(title)s.") % {"title": promise.title})
            if index + 1 < len(documents):
                return _review(request, municipality, source, name, index + 1)
            return redirect("promises:promise_detail", pk=promise.pk)
    return _review(request, municipality, source, name, index, form, rows)
