"""A promise cannot be published with gaps: it needs an activity and a signatory of each
party, and its page lists what is missing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import Cast, client_for, sign_for_both
from promises import selectors, services
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

pytestmark = pytest.mark.django_db


def _with_activity(cast: Cast) -> CitizenPromise:
    promise = services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=cast.draft.version,
        signed_on=date(2018, 2, 1),
    )
    services.activity_create(promise=promise, by=cast.coordinator, kind="other", description="x")
    return promise


def test_a_bare_draft_lists_every_gap(cast: Cast) -> None:
    assert selectors.publication_gaps(cast.draft) == [
        "No activity: a promise needs at least one.",
        "Fewer than two signatories: one for the police and one for the municipality.",
        "No signatory for the police.",
        "No signatory for the municipality.",
    ]


def test_two_signatories_of_one_party_leave_the_other_party_missing(cast: Cast) -> None:
    services.signatory_set(
        promise=cast.draft,
        by=cast.coordinator,
        people=[
            {"name": "A", "title": "Ordförande", "organisation": cast.municipality_org},
            {"name": "B", "title": "Vice ordförande", "organisation": cast.municipality_org},
        ],
    )
    assert selectors.publication_gaps(cast.draft) == [
        "No activity: a promise needs at least one.",
        "No signatory for the police.",
    ]


def test_the_cast_s_published_promise_has_no_gaps(cast: Cast) -> None:
    assert selectors.publication_gaps(cast.published) == []


def test_publishing_is_refused_while_gaps_remain_and_the_page_lists_them(cast: Cast) -> None:
    promise = _with_activity(cast)
    services.promise_set_status(promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED)
    with pytest.raises(ValidationError, match="No signatory for the police"):
        services.promise_approve(promise=promise, by=cast.coordinator)
    assert CitizenPromise.objects.get(pk=promise.pk).municipality_approved_by is None
    for name in ("promise_detail", "promise_preview"):
        page = client_for(cast.coordinator).get(reverse(f"promises:{name}", args=[promise.pk]))
        text = page.content.decode()
        assert "Missing before it can be published" in text
        assert "No signatory for the municipality." in text
    preview = client_for(cast.coordinator).get(
        reverse("promises:promise_preview", args=[promise.pk])
    )
    assert "Approve for publication</button>" not in preview.content.decode()


def test_once_both_parties_signed_the_promise_can_be_published(cast: Cast) -> None:
    promise = _with_activity(cast)
    sign_for_both(promise)
    services.promise_set_status(promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED)
    for approver in (cast.coordinator, cast.admin):
        services.promise_approve(promise=promise, by=approver)
    assert CitizenPromise.objects.get(pk=promise.pk).status == PromiseStatus.PUBLISHED
