"""Staff pages: paste or upload a published promise, check what was read beside the source,
correct it, and save it as a draft; or, for a follow-up, see where its achieved counts
would go and attach them to the promise of its year."""

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions
from core.confirm import NeedsConfirmation, ask, is_confirmed
from core.fields import is_database_key
from core.uploads import upload_refused
from imports import follow_ups
from imports.forms import (
    ActivityRowFormSet,
    DocumentForm,
    SourceForm,
    document_data,
    initial_from,
)
from imports.limits import PAGE_TEXT_CHARACTERS
from imports.models import ImportedDocument
from imports.preview import document_summary
from imports.readers import ReadError, plain_text, read_text
from imports.reading import clean_lines, parse_text
from imports.reading.vocabulary import FOLLOW_UP
from imports.services import (
    ImportRefused,
    follow_up_attach,
    follow_up_source_key,
    import_reviewed,
    municipality_named_elsewhere,
)
from promises.models import CitizenPromise
from promises.services.reports import require_reportable


def _municipalities(request: HttpRequest) -> Any:
    municipalities = permissions.editable_municipalities(request.user)
    if not municipalities.exists():
        raise PermissionDenied(_("Only coordinators may bring in promises."))
    return municipalities


# The kinds of file the reader tells apart by their ending.
READABLE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".doc")


def _length(text: str) -> int:
    """The text's length as a reader counts it: a browser sends each line break of a text
    area as two characters (CR LF), which the limit does not count twice."""
    return len(text) - text.count("\r\n")


def _past_limit(source: str) -> str | None:
    """Why the text is too long for the page to read, or None if it is not."""
    length = _length(source)
    if length <= PAGE_TEXT_CHARACTERS:
        return None
    return _(
        "The text is %(length)s characters long; this page reads at most %(limit)s. Bring in "
        "a part at a time, or the whole with “loften import” (docs/import-format.md)."
    ) % {
        "length": number_format(length, force_grouping=True),
        "limit": number_format(PAGE_TEXT_CHARACTERS, force_grouping=True),
    }


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
    documents: list[dict[str, Any]],
    index: int,
    form: Any = None,
    rows: Any = None,
) -> HttpResponse:
    """The review page of the document at `index` of those read from `source` (read once,
    by the caller)."""
    document = documents[index]
    context = {
        "municipality": municipality,
        "source": source,
        "source_name": source_name,
        "source_lines": clean_lines(source),
        "index": index,
        "count": len(documents),
        "document": document,
        "summaries": [document_summary(d) for d in documents],
        "summary": document_summary(document),
        "named_elsewhere": municipality_named_elsewhere(document, municipality),
    }
    if document["document_type"] == FOLLOW_UP:
        # A follow-up reports on a promise: it is attached to one, never made one.
        return render(
            request,
            "imports/follow_up.html",
            {**context, **_attachment(request, source, document, municipality)},
        )
    if form is None:
        initial, row_initial = initial_from(document)
        form = DocumentForm(initial=initial)
        rows = ActivityRowFormSet(initial=row_initial, prefix="act")
    return render(request, "imports/review.html", {**context, "form": form, "rows": rows})


def _document_at(documents: list[dict[str, Any]], sent: str) -> tuple[int, Any]:
    """The document at the index the form sent back, or None: an index that is no number,
    or is negative (Python would count it from the end), is lost like one past the end."""
    index = int(sent) if sent.isdecimal() and len(sent) < 10 else -1
    return index, documents[index] if 0 <= index < len(documents) else None


@dataclass
class _Posted:
    """What a review form sends back: the municipality (None if not the user's), the text,
    its name, and the document at the index sent (None if lost)."""

    municipality: Any
    source: str
    name: str
    documents: list[dict[str, Any]]
    index: int
    document: Any


def _posted(request: HttpRequest) -> _Posted:
    """The review form's text read again, as the preview read it."""
    chosen = request.POST.get("municipality", "")
    municipalities = _municipalities(request)
    municipality = municipalities.filter(pk=chosen).first() if is_database_key(chosen) else None
    source = request.POST.get("source", "")
    # Longer than the first page reads: not sent by it, so not read (the text is lost).
    source = source if _length(source) <= PAGE_TEXT_CHARACTERS else ""
    documents = parse_text(source)["documents"] if source else []
    index, document = _document_at(documents, request.POST.get("index", ""))
    name = request.POST.get("source_name", "")[:255]
    return _Posted(municipality, source, name, documents, index, document)


def _attachable(request: HttpRequest) -> Any:
    """The promises the user may attach a follow-up to: those of the organisations in which
    the user is a coordinator, as for bringing in promises."""
    return CitizenPromise.objects.filter(
        permissions.promise_scope(request.user, permissions.EDITOR_ROLES)
    )


def _attachment(
    request: HttpRequest, source: str, document: dict[str, Any], municipality: Any
) -> dict[str, Any]:
    """The promise a follow-up would be attached to, where each count would go, or why it
    cannot be attached."""
    promise, problem = follow_ups.promise_for(municipality, document)
    if promise is not None and not _attachable(request).filter(pk=promise.pk).exists():
        promise, problem = None, _("You may not attach a follow-up to this promise.")
    key = follow_up_source_key(source, document["year"])
    if promise is not None and ImportedDocument.objects.filter(source_key=key).exists():
        problem = _("%(year)s from this text is already imported.") % {"year": document["year"]}
    matches = (
        follow_ups.matches_for(promise, document["achieved"])
        if promise
        else [follow_ups.Match(a["kind"], a["done"], a["text"]) for a in document["achieved"]]
    )
    if promise is not None and not problem:
        try:
            # A draft's or an evaluated promise's log takes no report: said before, not after.
            require_reportable(promise)
        except ValidationError as refused:
            problem = refused.messages[0]
    return {
        "promise": promise,
        "problem": problem,
        "matches": matches,
        # Offered only when it adds a report: figures the log already reaches add none.
        "can_attach": not problem and any(m.attached and m.to_add for m in matches),
    }


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
            too_long = _past_limit(source)
            if too_long:
                form.add_error("file" if upload else "text", too_long)
            elif documents := parse_text(source)["documents"]:
                name = upload.name if upload else _("pasted text")
                municipality = form.cleaned_data["municipality"]
                return _review(request, municipality, source, name, documents, 0)
            else:
                form.add_error(None, _("No citizen promise was found in the text."))
    return render(request, "imports/start.html", {"form": form})


@require_POST
@login_required
def import_save(request: HttpRequest) -> HttpResponse:
    posted = _posted(request)
    municipality, source, name, index, parsed = (
        posted.municipality,
        posted.source,
        posted.name,
        posted.index,
        posted.document,
    )
    if municipality is None or parsed is None or parsed["document_type"] == FOLLOW_UP:
        messages.error(request, _("The text or the municipality was lost; start again."))
        return redirect("imports:start")
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
            if index + 1 < len(posted.documents):
                return _review(request, municipality, source, name, posted.documents, index + 1)
            return redirect("promises:promise_detail", pk=promise.pk)
    return _review(request, municipality, source, name, posted.documents, index, form, rows)


def _promise_to_attach(request: HttpRequest, chosen: str, document: dict[str, Any]) -> Any:
    """The promise the form names, if the user may attach to it and it is of the follow-up's
    year; else not found (the user does not learn whether it exists)."""
    promise = _attachable(request).filter(pk=chosen).first() if is_database_key(chosen) else None
    if promise is None or promise.year != document["year"]:
        raise Http404
    return promise


@require_POST
@login_required
def import_attach(request: HttpRequest) -> HttpResponse:
    """Attach a follow-up's achieved counts to the promise of its year, with the service
    `loften import` uses."""
    posted = _posted(request)
    municipality, source, name, index, document = (
        posted.municipality,
        posted.source,
        posted.name,
        posted.index,
        posted.document,
    )
    if municipality is None or document is None or document["document_type"] != FOLLOW_UP:
        messages.error(request, _("The text or the municipality was lost; start again."))
        return redirect("imports:start")
    promise = _promise_to_attach(request, request.POST.get("promise", ""), document)
    try:
        result = follow_up_attach(
            document=document,
            promise=promise,
            source_key=follow_up_source_key(source, document["year"]),
            source_name=name,
            by=request.user,  # type: ignore[arg-type]
        )
    except ImportRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
        return _review(request, municipality, source, name, posted.documents, index)
    added = [m for m in result.matches if m.report is not None]
    messages.success(
        request,
        ngettext(
            "The follow-up was attached to %(promise)s: %(count)s report added.",
            "The follow-up was attached to %(promise)s: %(count)s reports added.",
            len(added),
        )
        % {"promise": promise.title, "count": len(added)},
    )
    for match in result.matches:
        if match.reason:
            messages.warning(
                request,
                _("Not attached: %(kind)s %(done)s: %(reason)s")
                % {"kind": match.kind_label, "done": match.done, "reason": match.reason},
            )
    if index + 1 < len(posted.documents):
        return _review(request, municipality, source, name, posted.documents, index + 1)
    return redirect("promises:promise_detail", pk=promise.pk)
