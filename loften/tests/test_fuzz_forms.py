"""Property-based fuzzing of every form: whatever is posted, the server answers without an
error, and an input it rejects changes nothing in the database."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Cast, client_for
from followup.services import evaluation_start, follow_up_draft
from imports.forms import DocumentForm
from imports.models import FileImport
from promises.forms import (
    ActivityForm,
    ActivityReportForm,
    AgreementCreateForm,
    CommitmentForm,
    OccasionForm,
    PromiseCreateForm,
    PromiseForm,
)
from situation.forms import ComplaintForm, DialogueForm
from situation.models import Complaint

# Values a person, a broken client or an attacker might send in one field.
NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "0",
        "-1",
        "1e309",
        "99999999999999999999",
        "2017-02-30",
        "30/2 2017",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "ö" * 300,
        "🙂",
        "NaN",
        "null",
        "[]",
        "{}",
        "../../etc/passwd",
        # Every C0 control character at once, as pasted from a broken export.
        "".join(chr(code) for code in range(32)),
        "Kontroll\x0bmed\x1bkontrolltecken",
        "2017-06-01",
        "1",
        "true",
    ]
)
FIELD_VALUE = st.one_of(
    NASTY_TEXT,
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.lists(NASTY_TEXT, max_size=3),
)


def _form_data(fields: list[str]) -> Any:
    known = st.fixed_dictionaries({}, optional={name: FIELD_VALUE for name in fields})
    extra = st.dictionaries(st.text(min_size=1, max_size=10), FIELD_VALUE, max_size=2)
    return st.tuples(known, extra).map(lambda pair: {**pair[1], **pair[0]})


def _fields(*forms: Any) -> list[str]:
    # Read from the forms themselves, so a field added later is fuzzed too.
    return [name for form in forms for name in form.base_fields]


SIGNATORIES = [
    "sig-TOTAL_FORMS",
    "sig-INITIAL_FORMS",
    "sig-MIN_NUM_FORMS",
    "sig-MAX_NUM_FORMS",
    "sig-0-name",
    "sig-0-title",
    "sig-1-name",
    "sig-1-title",
]


def _complaint(cast: Cast) -> int:
    complaint, _created = Complaint.objects.get_or_create(
        municipality=cast.eslov,
        received_on=date(2016, 3, 1),
        text="Bilarna kör för fort.",
        defaults={"problem": "speeding"},
    )
    return complaint.pk


def _follow_up(cast: Cast) -> int:
    return follow_up_draft(promise=cast.published, number=1, by=cast.coordinator).pk


def _file_import(cast: Cast) -> int:
    run, _created = FileImport.objects.get_or_create(
        file_name="fuzz.csv",
        defaults={
            "kind": "crime_statistics",
            "municipality": cast.eslov,
            "data": b"kommun;ar;brottskategori;antal\n",
            "status": "checked",
        },
    )
    return run.pk


Url = Callable[[Cast], str]
FORMS: dict[str, tuple[Url, list[str] | Callable[[Cast], list[str]]]] = {
    "promise_create": (lambda c: reverse("promises:promise_create"), _fields(PromiseCreateForm)),
    "promise_edit": (
        lambda c: reverse("promises:promise_edit", args=[c.draft.pk]),
        [*_fields(PromiseForm), *SIGNATORIES],
    ),
    "promise_status": (lambda c: reverse("promises:promise_status", args=[c.draft.pk]), ["status"]),
    "promise_withdraw": (
        lambda c: reverse("promises:promise_withdraw", args=[c.published.pk]),
        ["reason"],
    ),
    "commitment_create": (
        lambda c: reverse("promises:commitment_create", args=[c.draft.pk]),
        _fields(CommitmentForm),
    ),
    "activity_create": (
        lambda c: reverse("promises:activity_create", args=[c.draft.pk]),
        _fields(ActivityForm),
    ),
    "report_create": (
        lambda c: reverse("promises:report_create", args=[c.controls.pk]),
        _fields(ActivityReportForm),
    ),
    "agreement_create": (
        lambda c: reverse("promises:agreement_create"),
        [*_fields(AgreementCreateForm), *SIGNATORIES],
    ),
    "import_start": (lambda c: reverse("imports:start"), ["municipality", "text"]),
    "import_save": (
        lambda c: reverse("imports:save"),
        [
            "municipality",
            "index",
            "source",
            "source_name",
            *_fields(DocumentForm),
            "act-TOTAL_FORMS",
            "act-INITIAL_FORMS",
            "act-0-kind",
            "act-0-target",
            "act-0-description",
            "act-0-focus",
        ],
    ),
    "classification_correct": (
        lambda c: reverse("situation:classification_correct", args=["complaint", _complaint(c)]),
        ["problem"],
    ),
    "motivation": (
        lambda c: reverse("situation:motivation", args=[c.published.pk]),
        lambda c: [
            f"{name}-{commitment.pk}"
            for commitment in c.published.commitments.all()
            for name in ("problems", "complaints", "concerns")
        ],
    ),
    "complaint_create": (
        lambda c: reverse("situation:complaint_create", args=["eslov"]),
        _fields(ComplaintForm),
    ),
    "dialogue_create": (
        lambda c: reverse("situation:dialogue_create", args=["eslov"]),
        [
            *_fields(DialogueForm),
            "concern-TOTAL_FORMS",
            "concern-INITIAL_FORMS",
            "concern-0-text",
            "concern-0-voiced_by",
            "concern-0-problem",
        ],
    ),
    "file_upload": (lambda c: reverse("situation:file_upload", args=["eslov"]), ["kind", "file"]),
    "file_decision": (
        lambda c: reverse("situation:file_import", args=[_file_import(c)]),
        ["action"],
    ),
    "picture_approve": (
        lambda c: reverse("situation:approve", args=["eslov", 2016]),
        ["seen_figures"],
    ),
    "picture_approval_discard": (
        lambda c: reverse("situation:approval_discard", args=["eslov", 2016]),
        ["party"],
    ),
    "follow_up": (
        lambda c: reverse("followup:detail", args=[_follow_up(c)]),
        lambda c: [
            "assessment",
            "version",
            *(f"comment_{a.pk}" for a in c.published.activities.all()),
            *(f"{n}_{k.pk}" for k in c.published.commitments.all() for n in ("status", "note")),
        ],
    ),
    "evaluation": (
        lambda c: reverse(
            "followup:evaluation",
            args=[evaluation_start(promise=c.published, by=c.coordinator).pk],
        ),
        lambda c: [
            "summary",
            "version",
            *(f"keepa_{a.pk}" for a in c.published.activities.all()),
            *(
                f"{n}_{k.pk}"
                for k in c.published.commitments.all()
                for n in ("partners", "next", "keepc")
            ),
        ],
    ),
    "occasion": (
        lambda c: reverse("promises:occasion_create", args=[c.walks.pk]),
        _fields(OccasionForm),
    ),
    "reminder_preferences": (
        lambda c: reverse("followup:preferences"),
        ["follow_up_due", "activity_behind"],
    ),
    "login": (lambda c: reverse("accounts:login"), ["username", "password", "next"]),
    "two_factor_setup": (lambda c: reverse("accounts:two_factor_setup"), ["token", "next"]),
    "password_reset": (lambda c: reverse("accounts:password_reset"), ["email"]),
    "set_language": (lambda c: reverse("set_language"), ["language", "next"]),
}


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    ours = ("places", "accounts", "promises", "situation", "imports", "followup")
    return {
        m._meta.label: sorted(m._default_manager.values_list(), key=repr)
        for m in apps.get_models()
        if m._meta.app_label in ours
    }


@pytest.mark.parametrize("form", sorted(FORMS))
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_input_breaks_a_form_and_a_rejected_one_changes_nothing(
    cast: Cast, form: str, data: st.DataObject
) -> None:
    url_of, named = FORMS[form]
    fields = named(cast) if callable(named) else named
    payload = data.draw(_form_data(fields), label="posted")
    user = None if form in ("login", "password_reset", "set_language") else cast.coordinator
    client = client_for(user)  # logging in stamps last_login: before the snapshot
    before = _snapshot()
    response = client.post(url_of(cast), payload, REMOTE_ADDR="192.0.2.200")
    assert response.status_code < 500
    if response.status_code != 302:
        assert _snapshot() == before, f"a rejected post to {form} changed data"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.one_of(NASTY_TEXT, st.text(max_size=200)))
def test_no_search_breaks_the_start_page(cast: Cast, query: str) -> None:
    response = client_for().get("/", {"q": query})
    # A NUL is refused at the door for every request; anything else is simply searched.
    assert response.status_code == (400 if "\x00" in query else 200)
