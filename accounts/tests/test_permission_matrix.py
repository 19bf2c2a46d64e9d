"""The permission matrix: every URL pattern, every role, own organisation versus another
organisation versus anonymous, GET and POST, with the expected outcome written once below.

The URL patterns are read from the URL configuration, so a new view that is missing from
MATRIX makes `test_every_url_pattern_is_in_the_matrix` fail. Each URL is filled in with
objects of Eslöv (the cast's own organisations); the coordinator of Lund stands for
"another organisation". Refused requests must leave the database exactly as it was.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import Cast, client_for
from followup.services import evaluation_start, follow_up_draft
from imports.models import FileImport
from promises import services
from promises.models import Agreement
from situation.models import Complaint, PublishedPicture

ACTORS = [
    "anonymous",
    "outsider",
    "coordinator",
    "reporter",
    "viewer",
    "partner",
    "moderator",
    "other_coordinator",
    "admin",
]
STAFF = ACTORS[1:]

OK, DONE, LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = ("200", "302", "login", "403", "404", "405")
# Outcomes that must change nothing in the database.
REFUSALS = {LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED}


def _row(default: str, **actors: str) -> dict[str, str]:
    return {actor: actors.get(actor, default) for actor in ACTORS}


def _staff(**actors: str) -> dict[str, str]:
    """Staff pages: anonymous visitors are sent to log in, users outside every
    organisation are refused; the rest as given (default: not found)."""
    return _row(NOT_FOUND, anonymous=LOGIN, outsider=FORBIDDEN, **actors)


EVERYONE_OK = _row(OK)
NOBODY = _row(NOT_ALLOWED)
# Read the internal draft: its own organisations' readers and the administrator.
DRAFT_READERS = {"coordinator": OK, "reporter": OK, "viewer": OK, "admin": OK}
# Change the draft: coordinators (own organisation) and the administrator; other readers
# of the draft are forbidden, everyone else does not even learn that it exists.
DRAFT_EDIT = _staff(coordinator=OK, admin=OK, reporter=FORBIDDEN, viewer=FORBIDDEN)
PUBLISHED_EDIT = _staff(
    coordinator=OK, admin=OK, reporter=FORBIDDEN, viewer=FORBIDDEN, partner=FORBIDDEN
)
DRAFT_ACTION = _staff(coordinator=DONE, admin=DONE, reporter=FORBIDDEN, viewer=FORBIDDEN)
CREATORS = _staff(
    coordinator=OK,
    other_coordinator=OK,
    admin=OK,
    reporter=FORBIDDEN,
    viewer=FORBIDDEN,
    partner=FORBIDDEN,
    moderator=FORBIDDEN,
)
STAFF_LIST = _staff(**{actor: OK for actor in STAFF if actor != "outsider"})


PICTURE = {"slug": "eslov", "year": 2016}
# The published promise is read by the rescue service too (it runs an activity of it).
MOTIVATION_REFUSED = {"reporter": FORBIDDEN, "viewer": FORBIDDEN, "partner": FORBIDDEN}
EVIDENCE_READERS = {"coordinator": OK, "reporter": OK, "viewer": OK, "admin": OK}
RECORDERS = {"coordinator": OK, "reporter": OK, "admin": OK, "viewer": FORBIDDEN}
FOLLOW_UP_ACTION = _staff(
    coordinator=DONE, admin=DONE, reporter=FORBIDDEN, viewer=FORBIDDEN, partner=FORBIDDEN
)
PICTURE_PARTIES = {"coordinator": DONE, "admin": DONE, "reporter": FORBIDDEN, "viewer": FORBIDDEN}
EVIDENCE_DONE = {"coordinator": DONE, "reporter": DONE, "viewer": DONE, "admin": DONE}


@dataclass
class Row:
    """One URL pattern: how to fill in its arguments, and the outcome per actor and method."""

    kwargs: Callable[["World"], dict[str, Any]] = lambda world: {}
    get: dict[str, str] = field(default_factory=lambda: NOBODY)
    post: dict[str, str] = field(default_factory=lambda: NOBODY)


@dataclass
class World:
    cast: Cast
    commitment_pk: int
    activity_pk: int
    report_pk: int
    agreement_pk: int
    complaint_pk: int
    file_import_pk: int
    follow_up_pk: int
    evaluation_pk: int
    occasion_pk: int


MATRIX: dict[str, Row] = {
    # The public site: the same for everyone, read-only.
    "portal:home": Row(get=EVERYONE_OK),
    "portal:privacy": Row(get=EVERYONE_OK),
    "portal:accessibility": Row(get=EVERYONE_OK),
    "portal:favicon": Row(get=EVERYONE_OK),
    "portal:municipality": Row(lambda w: {"slug": "eslov"}, get=EVERYONE_OK),
    "portal:promise": Row(lambda w: {"slug": "eslov", "year": 2017}, get=EVERYONE_OK),
    "portal:promise_print": Row(lambda w: {"slug": "eslov", "year": 2017}, get=EVERYONE_OK),
    "set_language": Row(get=_row(DONE), post=_row(DONE)),
    "accounts:login": Row(get=_row(DONE, anonymous=OK), post=_row(DONE, anonymous=OK)),
    "accounts:logout": Row(post=_row(DONE)),
    "accounts:logout_everywhere": Row(post=_row(DONE, anonymous=LOGIN)),
    "accounts:two_factor_setup": Row(get=_row(OK, anonymous=LOGIN), post=_row(OK, anonymous=LOGIN)),
    "accounts:two_factor_verify": Row(
        get=_row(DONE, anonymous=LOGIN), post=_row(DONE, anonymous=LOGIN)
    ),
    "accounts:password_reset": Row(get=EVERYONE_OK, post=EVERYONE_OK),
    "accounts:password_reset_done": Row(get=EVERYONE_OK),
    "accounts:password_reset_confirm": Row(
        lambda w: {"uidb64": "MQ", "token": "not-a-token"}, get=EVERYONE_OK, post=EVERYONE_OK
    ),
    "accounts:password_reset_complete": Row(get=EVERYONE_OK),
    "healthz": Row(get=EVERYONE_OK),
    "readyz": Row(get=EVERYONE_OK),
    # Staff pages.
    "promises:dashboard": Row(get=STAFF_LIST),
    "promises:promise_create": Row(get=CREATORS, post=CREATORS),
    "promises:promise_detail": Row(lambda w: {"pk": w.cast.draft.pk}, get=_staff(**DRAFT_READERS)),
    "promises:promise_edit": Row(
        lambda w: {"pk": w.cast.draft.pk}, get=DRAFT_EDIT, post=DRAFT_EDIT
    ),
    "promises:promise_status": Row(lambda w: {"pk": w.cast.draft.pk}, post=DRAFT_ACTION),
    "promises:promise_copy": Row(lambda w: {"pk": w.cast.draft.pk}, post=DRAFT_ACTION),
    # The preview of the public page, for every reader of the draft; approving it for
    # publication is for the coordinators of its municipality and police area (the draft
    # here is refused by the service, with a message: a draft is not yet signed).
    "promises:promise_preview": Row(lambda w: {"pk": w.cast.draft.pk}, get=_staff(**DRAFT_READERS)),
    "promises:promise_approve": Row(lambda w: {"pk": w.cast.draft.pk}, post=DRAFT_ACTION),
    # Deleting the draft: a confirm page, then the deletion; only its coordinators.
    "promises:promise_delete": Row(
        lambda w: {"pk": w.cast.draft.pk}, get=DRAFT_EDIT, post=DRAFT_ACTION
    ),
    # Withdrawing the published promise: a page asking why; sent empty, it asks again.
    "promises:promise_withdraw": Row(
        lambda w: {"pk": w.cast.published.pk}, get=PUBLISHED_EDIT, post=PUBLISHED_EDIT
    ),
    "promises:commitment_create": Row(
        lambda w: {"pk": w.cast.draft.pk}, get=DRAFT_EDIT, post=DRAFT_EDIT
    ),
    "promises:commitment_edit": Row(
        lambda w: {"pk": w.cast.draft.pk, "commitment_pk": w.commitment_pk},
        get=DRAFT_EDIT,
        post=DRAFT_EDIT,
    ),
    "promises:commitment_delete": Row(
        lambda w: {"pk": w.cast.draft.pk, "commitment_pk": w.commitment_pk}, post=DRAFT_ACTION
    ),
    "promises:commitment_move": Row(
        lambda w: {"pk": w.cast.draft.pk, "commitment_pk": w.commitment_pk}, post=DRAFT_ACTION
    ),
    "promises:activity_create": Row(
        lambda w: {"pk": w.cast.draft.pk}, get=DRAFT_EDIT, post=DRAFT_EDIT
    ),
    "promises:activity_edit": Row(
        lambda w: {"pk": w.cast.draft.pk, "activity_pk": w.activity_pk},
        get=DRAFT_EDIT,
        post=DRAFT_EDIT,
    ),
    "promises:activity_delete": Row(
        lambda w: {"pk": w.cast.draft.pk, "activity_pk": w.activity_pk}, post=DRAFT_ACTION
    ),
    "promises:activity_move": Row(
        lambda w: {"pk": w.cast.draft.pk, "activity_pk": w.activity_pk}, post=DRAFT_ACTION
    ),
    "promises:agreement_create": Row(get=CREATORS, post=CREATORS),
    "promises:agreement_edit": Row(
        lambda w: {"pk": w.agreement_pk}, get=DRAFT_EDIT, post=DRAFT_EDIT
    ),
    "imports:start": Row(get=CREATORS, post=CREATORS),
    "imports:save": Row(
        post=_staff(
            coordinator=DONE,
            other_coordinator=DONE,
            admin=DONE,
            reporter=FORBIDDEN,
            viewer=FORBIDDEN,
            partner=FORBIDDEN,
            moderator=FORBIDDEN,
        )
    ),
    # Without a text to attach, the coordinators are sent back to start (the attempt to
    # attach to another organisation's promise is tested in imports/tests).
    "imports:attach": Row(
        post=_staff(
            coordinator=DONE,
            other_coordinator=DONE,
            admin=DONE,
            reporter=FORBIDDEN,
            viewer=FORBIDDEN,
            partner=FORBIDDEN,
            moderator=FORBIDDEN,
        )
    ),
    "promises:report_choose": Row(get=STAFF_LIST),
    # The published 2017 traffic controls: the police area's reporters log them.
    "promises:report_create": Row(
        lambda w: {"activity_pk": w.cast.controls.pk},
        get=_staff(coordinator=OK, reporter=OK, admin=OK),
        post=_staff(coordinator=OK, reporter=OK, admin=OK),
    ),
    "promises:report_list": Row(get=STAFF_LIST),
    # A report the police reporter logged: they and the coordinator may change it; readers
    # of the promise (the viewer, the rescue service as partner) see it but may not.
    "promises:report_edit": Row(
        lambda w: {"pk": w.report_pk},
        get=_staff(coordinator=OK, reporter=OK, admin=OK, viewer=FORBIDDEN, partner=FORBIDDEN),
        post=_staff(coordinator=OK, reporter=OK, admin=OK, viewer=FORBIDDEN, partner=FORBIDDEN),
    ),
    # Removing asks first (the page), then removes (the post); restoring is a post.
    "promises:report_remove": Row(
        lambda w: {"pk": w.report_pk},
        get=_staff(coordinator=OK, reporter=OK, admin=OK, viewer=FORBIDDEN, partner=FORBIDDEN),
        post=_staff(
            coordinator=DONE, reporter=DONE, admin=DONE, viewer=FORBIDDEN, partner=FORBIDDEN
        ),
    ),
    "promises:report_restore": Row(
        lambda w: {"pk": w.report_pk},
        post=_staff(
            coordinator=DONE, reporter=DONE, admin=DONE, viewer=FORBIDDEN, partner=FORBIDDEN
        ),
    ),
    # The situation picture: its municipality's readers see it and the records behind it
    # (complaint texts included); partners and moderators see no evidence at all.
    "situation:choose": Row(
        get=_staff(
            coordinator=DONE,
            reporter=DONE,
            viewer=DONE,
            other_coordinator=DONE,
            admin=OK,
            partner=FORBIDDEN,
            moderator=FORBIDDEN,
        )
    ),
    "situation:latest": Row(lambda w: {"slug": "eslov"}, get=_staff(**EVIDENCE_DONE)),
    "situation:picture": Row(lambda w: PICTURE, get=_staff(**EVIDENCE_READERS)),
    "situation:picture_csv": Row(lambda w: PICTURE, get=_staff(**EVIDENCE_READERS)),
    "situation:download": Row(lambda w: {**PICTURE, "fmt": "pdf"}, get=_staff(**EVIDENCE_READERS)),
    "situation:map": Row(lambda w: PICTURE, get=_staff(**EVIDENCE_READERS)),
    "situation:map_data": Row(lambda w: PICTURE, get=_staff(**EVIDENCE_READERS)),
    "situation:records": Row(
        lambda w: {**PICTURE, "source": "complaints", "problem": "speeding"},
        get=_staff(**EVIDENCE_READERS),
    ),
    # Publishing the picture: its readers see the preview; a coordinator of either party
    # (and the administrator) approves, takes an approval back or takes it off the site.
    "situation:publish_preview": Row(lambda w: PICTURE, get=_staff(**EVIDENCE_READERS)),
    "situation:approve": Row(lambda w: PICTURE, post=_staff(**PICTURE_PARTIES)),
    "situation:approval_discard": Row(lambda w: PICTURE, post=_staff(**PICTURE_PARTIES)),
    "situation:unpublish": Row(lambda w: PICTURE, post=_staff(**PICTURE_PARTIES)),
    "situation:classification_correct": Row(
        lambda w: {"kind": "complaint", "pk": w.complaint_pk},
        post=_staff(coordinator=DONE, reporter=DONE, admin=DONE, viewer=FORBIDDEN),
    ),
    # Why a promise was made: its coordinators (and the administrator) set it; its other
    # readers may not; the rest do not learn that the promise exists.
    "situation:motivation": Row(
        lambda w: {"promise_pk": w.cast.published.pk},
        get=_staff(**{**MOTIVATION_REFUSED, "coordinator": OK, "admin": OK}),
        post=_staff(**{**MOTIVATION_REFUSED, "coordinator": DONE, "admin": DONE}),
    ),
    # Registering evidence: the municipality's coordinators and reporters.
    "situation:complaint_create": Row(
        lambda w: {"slug": "eslov"}, get=_staff(**RECORDERS), post=_staff(**RECORDERS)
    ),
    "situation:dialogue_create": Row(
        lambda w: {"slug": "eslov"}, get=_staff(**RECORDERS), post=_staff(**RECORDERS)
    ),
    "situation:file_upload": Row(
        lambda w: {"slug": "eslov"}, get=_staff(**RECORDERS), post=_staff(**RECORDERS)
    ),
    # A checked file of Eslöv's: its coordinators and reporters decide; posting nothing is
    # refused with a message and changes nothing.
    "situation:file_import": Row(
        lambda w: {"pk": w.file_import_pk},
        get=_staff(**RECORDERS),
        post=_staff(coordinator=DONE, reporter=DONE, admin=DONE, viewer=FORBIDDEN),
    ),
    # Correcting and withdrawing evidence, undoing an import: those who may register it.
    # Posting nothing shows the form again with what is missing, and changes nothing.
    "situation:record_correct": Row(
        lambda w: {"kind": "complaint", "pk": w.complaint_pk},
        get=_staff(**RECORDERS),
        post=_staff(**RECORDERS),
    ),
    "situation:record_withdraw": Row(
        lambda w: {"kind": "complaint", "pk": w.complaint_pk},
        get=_staff(**RECORDERS),
        post=_staff(**RECORDERS),
    ),
    # The guide to evidence files: every staff member may read it.
    "situation:file_guide": Row(get=STAFF_LIST),
    "situation:file_import_undo": Row(
        lambda w: {"pk": w.file_import_pk},
        post=_staff(coordinator=DONE, reporter=DONE, admin=DONE, viewer=FORBIDDEN),
    ),
    "portal:situation": Row(lambda w: PICTURE, get=EVERYONE_OK),
    # Follow-ups of the published promise: its readers read them (the rescue service runs
    # one of its activities), its coordinators write them; the one here is a draft, which
    # the public never sees.
    "portal:follow_up": Row(
        lambda w: {"slug": "eslov", "year": 2017, "number": 1}, get=_row(NOT_FOUND)
    ),
    "followup:preferences": Row(get=_row(OK, anonymous=LOGIN), post=_row(DONE, anonymous=LOGIN)),
    "followup:start": Row(
        lambda w: {"promise_pk": w.cast.published.pk, "number": 1}, post=FOLLOW_UP_ACTION
    ),
    "followup:detail": Row(
        lambda w: {"pk": w.follow_up_pk},
        get=_staff(**{**DRAFT_READERS, "partner": OK}),
        post=FOLLOW_UP_ACTION,
    ),
    "followup:refresh": Row(lambda w: {"pk": w.follow_up_pk}, post=FOLLOW_UP_ACTION),
    "followup:approve": Row(lambda w: {"pk": w.follow_up_pk}, post=FOLLOW_UP_ACTION),
    "followup:send_back": Row(lambda w: {"pk": w.follow_up_pk}, post=FOLLOW_UP_ACTION),
    # The evaluation of the published promise (a draft here): as its follow-ups.
    "portal:evaluation": Row(lambda w: {"slug": "eslov", "year": 2017}, get=_row(NOT_FOUND)),
    "followup:evaluation_start": Row(
        lambda w: {"promise_pk": w.cast.published.pk}, post=FOLLOW_UP_ACTION
    ),
    "followup:evaluation": Row(
        lambda w: {"pk": w.evaluation_pk},
        get=_staff(**{**DRAFT_READERS, "partner": OK}),
        post=FOLLOW_UP_ACTION,
    ),
    "followup:evaluation_refresh": Row(lambda w: {"pk": w.evaluation_pk}, post=FOLLOW_UP_ACTION),
    # Publishing, as for the promise: a preview readers may see (its button saves the form
    # first, so coordinators only), and the approval of a coordinator of either party.
    "followup:evaluation_preview": Row(
        lambda w: {"pk": w.evaluation_pk},
        get=_staff(**{**DRAFT_READERS, "partner": OK}),
        post=FOLLOW_UP_ACTION,
    ),
    "followup:evaluation_approve": Row(lambda w: {"pk": w.evaluation_pk}, post=FOLLOW_UP_ACTION),
    "followup:evaluation_reopen": Row(lambda w: {"pk": w.evaluation_pk}, post=FOLLOW_UP_ACTION),
    "followup:evaluation_carry_over": Row(lambda w: {"pk": w.evaluation_pk}, post=FOLLOW_UP_ACTION),
    # Printed documents: public ones of what is published (the follow-up and evaluation
    # here are drafts), internal ones for those who read the page they print.
    "portal:promise_download": Row(
        lambda w: {"slug": "eslov", "year": 2017, "fmt": "pdf"}, get=EVERYONE_OK
    ),
    "portal:follow_up_download": Row(
        lambda w: {"slug": "eslov", "year": 2017, "number": 1, "fmt": "docx"},
        get=_row(NOT_FOUND),
    ),
    "portal:evaluation_download": Row(
        lambda w: {"slug": "eslov", "year": 2017, "fmt": "pdf"}, get=_row(NOT_FOUND)
    ),
    "portal:situation_download": Row(lambda w: {**PICTURE, "fmt": "docx"}, get=EVERYONE_OK),
    "promises:promise_download": Row(
        lambda w: {"pk": w.cast.draft.pk, "fmt": "pdf"}, get=_staff(**DRAFT_READERS)
    ),
    "followup:download": Row(
        lambda w: {"pk": w.follow_up_pk, "fmt": "docx"},
        get=_staff(**{**DRAFT_READERS, "partner": OK}),
    ),
    "followup:evaluation_download": Row(
        lambda w: {"pk": w.evaluation_pk, "fmt": "pdf"},
        get=_staff(**{**DRAFT_READERS, "partner": OK}),
    ),
    # The national overview, feeds, calendars and open data tables: public, read-only.
    **{
        f"portal:{name}": Row(get=EVERYONE_OK)
        for name in ("national", "compare", "feed", "national_calendar", "open_data")
    },
    "portal:open_data_csv": Row(lambda w: {"name": "aktiviteter"}, get=EVERYONE_OK),
    "portal:municipality_feed": Row(lambda w: {"slug": "eslov"}, get=EVERYONE_OK),
    "portal:calendar": Row(lambda w: {"slug": "eslov"}, get=EVERYONE_OK),
    # Planned occasions of the traffic controls: those who carry them out plan them; other
    # readers of the promise are refused; the rest do not learn the activity exists.
    "promises:occasion_create": Row(
        lambda w: {"activity_pk": w.cast.controls.pk},
        get=_staff(coordinator=OK, reporter=OK, admin=OK),
        post=_staff(coordinator=OK, reporter=OK, admin=OK),
    ),
    "promises:occasion_edit": Row(
        lambda w: {"pk": w.occasion_pk},
        get=_staff(coordinator=OK, reporter=OK, admin=OK, viewer=FORBIDDEN, partner=FORBIDDEN),
        post=_staff(coordinator=OK, reporter=OK, admin=OK, viewer=FORBIDDEN, partner=FORBIDDEN),
    ),
    "promises:occasion_delete": Row(
        lambda w: {"pk": w.occasion_pk},
        post=_staff(
            coordinator=DONE, reporter=DONE, admin=DONE, viewer=FORBIDDEN, partner=FORBIDDEN
        ),
    ),
    # The open data API: public, read-only, the same for everyone (what it never shows is
    # tested in api/tests).
    **{
        f"api:{name}": Row(get=EVERYONE_OK)
        for name in (
            "municipality_list",
            "police_area_list",
            "agreement_list",
            "promise_list",
            "follow_up_list",
            "evaluation_list",
            "picture_list",
            "openapi-json",
            "openapi-view",
        )
    },
    # The API's own address answers with its index (the operation "index" is matched before
    # the framework's "api-root", which names the same address).
    "api:index": Row(get=EVERYONE_OK),
    "api:api-root": Row(get=EVERYONE_OK),
    "api:municipality_detail": Row(lambda w: {"slug": "eslov"}, get=EVERYONE_OK),
    "api:promise_detail": Row(lambda w: {"promise_id": w.cast.published.pk}, get=EVERYONE_OK),
    "api:picture_detail": Row(lambda w: PICTURE, get=EVERYONE_OK),
    # Co-signing is for the police area's coordinators: the municipality's may not.
    "followup:cosign": Row(
        lambda w: {"pk": w.follow_up_pk},
        post=_staff(
            admin=DONE,
            coordinator=FORBIDDEN,
            reporter=FORBIDDEN,
            viewer=FORBIDDEN,
            partner=FORBIDDEN,
        ),
    ),
}
# Django's admin has its own gate (staff flag), checked in test_admin_is_for_administrators.
EXCLUDED_NAMESPACES = {"admin"}


def _url_names(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def _project_url_names() -> set[str]:
    names = set(_url_names(get_resolver().url_patterns))
    return {n for n in names if n.split(":")[0] not in EXCLUDED_NAMESPACES}


def test_every_url_pattern_is_in_the_matrix() -> None:
    assert _project_url_names() == set(MATRIX), (
        "add the new view to MATRIX with the outcome each role should get"
    )


def test_every_url_pattern_has_a_name() -> None:
    unnamed = [p for p in get_resolver().url_patterns if isinstance(p, URLPattern) and not p.name]
    assert unnamed == []


def _world(cast: Cast) -> World:
    commitment = services.commitment_create(
        promise=cast.draft, by=cast.coordinator, text="Utkastlöfte"
    )
    activity = services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind="other", description="Utkastaktivitet"
    )
    report = services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 3)
    )
    agreement: Agreement = services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title="Överenskommelse",
        start_year=2015,
        end_year=2018,
    )
    complaint = Complaint.objects.create(
        municipality=cast.eslov,
        received_on=date(2016, 3, 1),
        text="Bilarna kör för fort.",
        problem="speeding",
    )
    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    checked = FileImport.objects.create(
        kind="crime_statistics",
        municipality=cast.eslov,
        file_name="brott.csv",
        data="kommun;år;brottskategori;antal\nEslöv;2016;Rån;3\n".encode(),
        status="checked",
        total_rows=1,
    )
    follow_up = follow_up_draft(promise=cast.published, number=1, by=cast.coordinator)
    evaluation = evaluation_start(promise=cast.published, by=cast.coordinator)
    occasion = services.occasion_create(
        activity=cast.controls,
        by=cast.coordinator,
        starts_at=datetime(2017, 6, 1, 18, tzinfo=ZoneInfo("Europe/Stockholm")),
        place="Torget",
    )
    return World(
        cast,
        commitment.pk,
        activity.pk,
        report.pk,
        agreement.pk,
        complaint.pk,
        checked.pk,
        follow_up.pk,
        evaluation.pk,
        occasion.pk,
    )


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of ours, to prove that a refusal changed nothing."""
    ours = ("places", "accounts", "promises", "situation", "imports", "followup", "documents")
    return {
        model._meta.label: sorted(model._default_manager.values_list(), key=repr)
        for model in apps.get_models()
        if model._meta.app_label in ours
    }


def _outcome(response: Any) -> str:
    if response.status_code == 302 and "/konto/logga-in/" in response["Location"]:
        return LOGIN
    return str(response.status_code)


CASES = [
    (name, method, actor)
    for name, row in sorted(MATRIX.items())
    for method in ("get", "post")
    for actor in ACTORS
]


@pytest.mark.parametrize(("name", "method", "actor"), CASES)
def test_permission_matrix(cast: Cast, name: str, method: str, actor: str) -> None:
    world = _world(cast)
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(world))
    user = None if actor == "anonymous" else getattr(cast, actor)
    client = client_for(user)
    expected = getattr(row, method)[actor]
    before = _snapshot() if expected in REFUSALS else None
    response = getattr(client, method)(url, {})
    assert _outcome(response) == expected, f"{actor} {method.upper()} {url}"
    if before is not None:
        assert _snapshot() == before, f"{actor} {method.upper()} {url} changed data"


def test_admin_is_for_administrators(cast: Cast) -> None:
    for actor in STAFF:
        response = client_for(getattr(cast, actor)).get("/admin/")
        expected = 200 if actor == "admin" else 302
        assert response.status_code == expected, actor
