"""Storing parsed promise documents as drafts, and attaching follow-ups to the promise of
their year: all of a run, or nothing."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from core.confirm import require_confirmed
from core.personal_data import field_personal_data
from imports import follow_ups
from imports.follow_ups import Match
from imports.models import ImportedDocument
from imports.readers import ReadError, read_text
from imports.reading import parse_text
from imports.reading.vocabulary import FOLLOW_UP
from lib.sorting import swedish_key
from lib.text import without_controls
from places.models import Municipality, PoliceArea
from promises import services
from promises.models import Activity, CitizenPromise
from promises.services.reports import activity_report_create
from promises.vocabularies import ActivityKind, FocusTag, FollowUpCadence

# The code of the reason to confirm that a text names another municipality.
NAMED_ELSEWHERE = "named_elsewhere"


class ImportRefused(Exception):
    """Nothing was imported, for the reasons given."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class FollowUpResult:
    """A follow-up attached to its promise: each count read, with the report added or why
    none was."""

    source_name: str
    promise: CitizenPromise
    matches: list[Match]


@dataclass
class ImportResult:
    created: list[CitizenPromise] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    follow_ups: list[FollowUpResult] = field(default_factory=list)


def _police_area(municipality: Municipality, named: str | None) -> PoliceArea | None:
    areas = list(municipality.police_areas.all())
    for area in areas:
        if named and swedish_key(area.name) == swedish_key(named):
            return area
    return areas[0] if len(areas) == 1 else None


def _organisations(names: list[str], warnings: list[str]) -> list[Organisation]:
    found = []
    for name in names:
        match = Organisation.objects.filter(name__iexact=name).first()
        if match is None:
            warnings.append(
                _("Partner not found among the organisations: %(name)s") % {"name": name}
            )
        else:
            found.append(match)
    return found


def _minimum(activity: dict[str, Any], warnings: list[str]) -> bool:
    """Whether an activity is promised "at least": only of a target or a rate, without which
    it says nothing and is dropped, with a warning."""
    if not activity.get("minimum"):
        return False
    if activity["target"] or activity.get("rate"):
        return True
    warnings.append(
        _("“At least” was dropped from an activity without a target or a rate: %(text)s")
        % {"text": activity["text"]}
    )
    return False


def _store(
    document: dict[str, Any], municipality: Municipality, area: PoliceArea, by: User | None
) -> tuple[CitizenPromise, list[str]]:
    """The draft, and everything it could not place (the parser's warnings and ours)."""
    warnings = list(document["warnings"])
    follow_up = document["follow_up"]
    if follow_up not in FollowUpCadence.values:
        warnings.append(_("The text names no follow-up cadence; quarterly was assumed."))
        follow_up = FollowUpCadence.QUARTERLY
    promise = services.promise_create(
        by=by,
        municipality=municipality,
        police_area=area,
        year=document["year"],
        title=document["title"][:200],
        situation=document["situation"] or "",
        effect=document["effect"] or "",
        evaluation_plan=document["evaluation"] or "",
        follow_up=follow_up,
        signed_on=date.fromisoformat(document["signed_on"]) if document["signed_on"] else None,
        # Asked once for the whole document before storing it (_confirmation_reasons).
        confirmed=True,
    )
    for position, text in enumerate(document["commitments"]):
        services.commitment_create(
            promise=promise, by=by, text=text, position=position, confirmed=True
        )
    for position, activity in enumerate(document["activities"]):
        services.activity_create(
            promise=promise,
            by=by,
            position=position,
            description=activity["text"],
            kind=activity["kind"] if activity["kind"] in ActivityKind.values else "other",
            target=activity["target"],
            unit=(activity["unit"] or "")[:60],
            rate_count=(activity.get("rate") or {}).get("count"),
            rate_per=(activity.get("rate") or {}).get("per", ""),
            minimum=_minimum(activity, warnings),
            focus=[tag for tag in activity["focus"] if tag in FocusTag.values],
            responsible=_organisations(activity["partners"], warnings),
            confirmed=True,
        )
    services.signatory_set(
        promise=promise,
        by=by,
        people=[
            {"name": p["name"][:150], "title": p["title"][:150]} for p in document["signatories"]
        ],
    )
    promise.refresh_from_db()
    return promise, warnings


def _placement(
    municipality: Municipality, document: dict[str, Any]
) -> tuple[PoliceArea | None, str | None]:
    """The police area a document goes under, or why it cannot be placed."""
    area = _police_area(municipality, document.get("police_area"))
    if area is None:
        return None, _(
            "No local police area covers %(municipality)s; an administrator must add it first."
        ) % {"municipality": municipality.name}
    if CitizenPromise.objects.filter(
        municipality=municipality, police_area=area, year=document["year"]
    ).exists():
        return area, _(
            "%(municipality)s already has a promise for %(year)s, which an import never replaces."
        ) % {"municipality": municipality.name, "year": document["year"]}
    return area, None


def _store_recorded(
    document: dict[str, Any],
    municipality: Municipality,
    area: PoliceArea,
    by: User | None,
    source_name: str,
    key: str,
) -> CitizenPromise:
    """Store the draft and remember where it came from and what it could not place."""
    promise, warnings = _store(document, municipality, area, by)
    ImportedDocument.objects.create(
        promise=promise,
        source_name=without_controls(source_name)[:255],
        source_key=key,
        warnings=warnings,
    )
    return promise


def _plan(paths: list[Path], municipality: Municipality) -> tuple[list[Any], list[str]]:
    """Read and check everything first: (documents to store, problems)."""
    plan, problems = [], []
    for path in paths:
        try:
            documents = parse_text(read_text(path))["documents"]
        except ReadError as error:
            problems.append(str(error))
            continue
        if not documents:
            problems.append(_("%(path)s: no citizen promise found in the text") % {"path": path})
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        for document in documents:
            if document["year"] is None:
                problems.append(
                    _("%(path)s: “%(title)s” names no year")
                    % {"path": path, "title": document["title"]}
                )
                continue
            plan.append((path, f"{digest}:{document['year']}", document))
    return plan, problems


@transaction.atomic
def import_files(
    *,
    paths: list[Path],
    municipality: Municipality,
    by: User | None,
    confirmed: bool = False,
) -> ImportResult:
    """Store every promise document in the files as a draft of the municipality, or, if
    anything cannot be placed, nothing at all (ImportRefused lists why). A text that names
    another municipality, or holds personal data, needs `confirmed` (NeedsConfirmation).
    A follow-up's achieved counts are attached to the municipality's promise of its year
    (follow_up_attach); a follow-up without such a promise refuses the whole run."""
    plan, problems = _plan(paths, municipality)
    result = ImportResult()
    to_store = []
    to_attach = []
    reasons: list[str | ValidationError] = []
    for path, key, document in plan:
        if ImportedDocument.objects.filter(source_key=key).exists():
            result.unchanged.append(
                _("%(file)s: %(year)s already imported")
                % {"file": path.name, "year": document["year"]}
            )
            continue
        if named := municipality_named_elsewhere(document, municipality):
            reasons.append(
                ValidationError(
                    _("%(path)s: the text is a promise of %(named)s, not of %(chosen)s")
                    % {"path": path, "named": named, "chosen": municipality.name},
                    code=NAMED_ELSEWHERE,
                )
            )
        if document["document_type"] == FOLLOW_UP:
            promise, problem = follow_ups.promise_for(municipality, document)
            if problem:
                problems.append(f"{path}: {problem}")
            elif promise is not None:
                to_attach.append((path, key, document, promise))
            continue
        reasons += [f"{path}: {reason.message}" for reason in _personal_data(document)]
        area, problem = _placement(municipality, document)
        if problem:
            problems.append(f"{path}: {problem}")
        elif area is not None:
            to_store.append((path, key, document, area))
    if problems:
        raise ImportRefused(list(dict.fromkeys(problems)))
    require_confirmed(reasons, confirmed=confirmed)
    for path, key, document, area in to_store:
        try:
            promise = _store_recorded(document, municipality, area, by, path.name, key)
        except ValidationError as error:
            raise ImportRefused(
                [f"{path}: {document['year']}: {m}" for m in error.messages]
            ) from error
        result.created.append(promise)
    for path, key, document, promise in to_attach:
        result.follow_ups.append(
            follow_up_attach(
                document=document, promise=promise, source_key=key, source_name=path.name, by=by
            )
        )
    return result


def _personal_data(document: dict[str, Any]) -> list[ValidationError]:
    """The reasons to confirm when the document's texts, which are public once the promise
    is published, hold personal data, each naming the text it was found in."""
    texts = {
        _("title"): document["title"] or "",
        _("situation and background"): document["situation"] or "",
        _("intended effect"): document["effect"] or "",
        _("how it is evaluated"): document["evaluation"] or "",
    }
    for number, text in enumerate(document["commitments"], start=1):
        texts[_("commitment %(number)s") % {"number": number}] = text or ""
    for number, activity in enumerate(document["activities"], start=1):
        texts[_("activity %(number)s") % {"number": number}] = activity["text"] or ""
        texts[_("unit of activity %(number)s") % {"number": number}] = activity["unit"] or ""
    return field_personal_data(texts, published=True)


def municipality_named_elsewhere(document: dict[str, Any], municipality: Municipality) -> str:
    """The municipality the document's text names, when it is not `municipality` (else ""):
    a text shared by the municipalities of one police area names `municipality` if it is
    among them."""
    named: list[str] = [n.strip() for n in document.get("municipalities") or [] if n and n.strip()]
    first = (document.get("municipality") or "").strip()
    if first and first not in named:
        named.insert(0, first)
    # A note in brackets ("Exempelby (påhittad)") is no part of the name; the parser reads
    # one word before "s kommun": "Väsby" names Upplands Väsby.
    own = swedish_key(re.sub(r"\s*\([^)]*\)\s*$", "", municipality.name))
    if not named or any(own.endswith(swedish_key(name)) for name in named):
        return ""
    return named[0]


@transaction.atomic
def import_reviewed(
    *,
    document: dict[str, Any],
    source: str,
    source_name: str,
    municipality: Municipality,
    by: User | None,
    confirmed: bool = False,
) -> CitizenPromise:
    """Store one document a coordinator has checked and corrected as a draft. A text that
    names another municipality, or holds personal data, needs `confirmed`."""
    key = f"{hashlib.sha256(source.encode()).hexdigest()}:{document['year']}"
    area, problem = _placement(municipality, document)
    problems = [problem] if problem else []
    if ImportedDocument.objects.filter(source_key=key).exists():
        problems.insert(
            0, _("%(year)s from this text is already imported.") % {"year": document["year"]}
        )
    if problems or area is None:
        raise ImportRefused(problems)
    reasons: list[str | ValidationError] = [*_personal_data(document)]
    if named := municipality_named_elsewhere(document, municipality):
        reasons.insert(
            0,
            _(
                "The text is a promise of %(named)s, not of %(chosen)s. Confirm to save it "
                "under %(chosen)s all the same, or start again and choose %(named)s."
            )
            % {"named": named, "chosen": municipality.name},
        )
    require_confirmed(reasons, confirmed=confirmed)
    return _store_recorded(document, municipality, area, by, source_name, key)


def follow_up_source_key(source: str, year: int | None) -> str:
    """The key a pasted or uploaded follow-up is known by, as a file's is."""
    return f"{hashlib.sha256(source.encode()).hexdigest()}:{year}"


@transaction.atomic
def follow_up_attach(
    *,
    document: dict[str, Any],
    promise: CitizenPromise,
    source_key: str,
    source_name: str,
    by: User | None,
) -> FollowUpResult:
    """Attach a follow-up's achieved counts to the promise's activities: for each count
    that goes to one activity (imports/follow_ups.py), one report that brings the
    activity's recorded total up to the figure, which counts what was done to date. The
    reports go through the activity log's own service (progress, audit, open log). The
    source is recorded, so the same text attached again is refused and changes nothing."""
    already = ImportRefused(
        [_("%(file)s: %(year)s already imported") % {"file": source_name, "year": promise.year}]
    )
    # One attach to a promise at a time: the second of two sent at once waits here, then
    # finds the first one's record and is refused.
    list(CitizenPromise.objects.select_for_update().filter(pk=promise.pk).values_list("pk"))
    if ImportedDocument.objects.filter(source_key=source_key).exists():
        raise already
    # Counted while no other report of these activities can be added.
    list(Activity.objects.select_for_update().filter(promise=promise).values_list("pk"))
    matches = follow_ups.matches_for(promise, document["achieved"])
    day = follow_ups.report_day(document.get("dated"), promise.year, timezone.localdate())
    name = without_controls(source_name)[:255]
    for match in matches:
        activity = match.activity
        if activity is None or match.reason or not match.to_add:
            continue
        try:
            match.report = activity_report_create(
                activity=activity,
                by=by,
                date=day,
                count=match.to_add,
                notes=_("Imported from a follow-up (%(file)s).") % {"file": name},
                # The year's total to date, not one execution.
                summary=True,
                confirmed=True,
            )
        except ValidationError as error:
            if not _count_refused(error):
                raise ImportRefused([f"{name}: {m}" for m in error.messages]) from error
            # More than an activity can have in a year: the rest is attached all the same.
            match.reason = " ".join(error.message_dict["count"])
    try:
        with transaction.atomic():
            ImportedDocument.objects.create(
                follow_up_of=promise,
                source_name=name,
                source_key=source_key,
                warnings=list(document["warnings"]),
                attached=[_attached_record(match) for match in matches],
            )
    except IntegrityError as error:
        # The same text attached to another promise at this moment: the reports made here
        # are undone with the rest.
        raise already from error
    return FollowUpResult(name, promise, matches)


def _count_refused(error: ValidationError) -> bool:
    """Whether the report log refused only the count (above what one report of its kind
    may count), not the promise or the date."""
    return hasattr(error, "error_dict") and set(error.error_dict) == {"count"}


def _attached_record(match: Match) -> dict[str, Any]:
    return {
        "kind": match.kind,
        "done": match.done,
        "text": match.text,
        "activity": match.activity.pk if match.activity and not match.reason else None,
        "recorded": match.recorded,
        "added": match.report.count if match.report else 0,
        "reason": match.reason,
    }
