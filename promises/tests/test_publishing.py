"""A promise is published only when a coordinator of each party, the municipality and the
local police area, has approved it after seeing the public page as a preview."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Membership, Role, User
from audit.models import AuditEvent
from conftest import Cast, client_for, sign_for_both
from promises import services
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_coordinator(cast: Cast) -> User:
    user = User.objects.create_user(
        username="polis.samordnare", first_name="Pia", last_name="Polis"
    )
    Membership.objects.create(user=user, organisation=cast.police_org, role=Role.COORDINATOR)
    return user


@pytest.fixture
def signed(cast: Cast) -> CitizenPromise:
    promise = cast.draft
    services.promise_update(
        promise=promise,
        by=cast.coordinator,
        expected_version=promise.version,
        signed_on=date(2018, 2, 1),
    )
    services.activity_create(
        promise=promise, by=cast.coordinator, kind="other", description="Utkastaktivitet"
    )
    sign_for_both(promise)
    return services.promise_set_status(
        promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED
    )


def test_one_click_no_longer_publishes(cast: Cast, signed: CitizenPromise) -> None:
    with pytest.raises(ValidationError, match="both approved"):
        services.promise_set_status(
            promise=signed, by=cast.coordinator, status=PromiseStatus.PUBLISHED
        )
    response = client_for(cast.coordinator).post(
        reverse("promises:promise_status", args=[signed.pk]), {"status": "published"}, follow=True
    )
    assert "both approved it" in response.content.decode()
    assert CitizenPromise.objects.get(pk=signed.pk).status == PromiseStatus.SIGNED


def test_both_parties_approve_and_the_second_approval_publishes(
    cast: Cast, signed: CitizenPromise, police_coordinator: User
) -> None:
    services.promise_approve(promise=signed, by=cast.coordinator)
    signed.refresh_from_db()
    assert signed.status == PromiseStatus.SIGNED and signed.published_at is None
    assert signed.municipality_approved_by == cast.coordinator and signed.municipality_approved_at
    assert signed.police_approved_by is None
    services.promise_approve(promise=signed, by=police_coordinator)
    signed.refresh_from_db()
    assert signed.status == PromiseStatus.PUBLISHED and signed.published_at is not None
    assert signed.police_approved_by == police_coordinator and signed.police_approved_at
    events = AuditEvent.objects.filter(
        model="promises.CitizenPromise", object_id=str(signed.pk), action="change"
    ).order_by("pk")
    assert "municipality_approved_by" in events.reverse()[1].changes
    assert {"police_approved_by", "status"} <= set(events.last().changes)


def test_one_coordinator_cannot_approve_for_both_parties(
    cast: Cast, signed: CitizenPromise
) -> None:
    services.promise_approve(promise=signed, by=cast.coordinator)
    with pytest.raises(ValidationError, match="other party"):
        services.promise_approve(promise=signed, by=cast.coordinator)
    # A coordinator in both organisations is still one person.
    Membership.objects.create(
        user=cast.coordinator, organisation=cast.police_org, role=Role.COORDINATOR
    )
    coordinator = User.objects.get(pk=cast.coordinator.pk)
    with pytest.raises(ValidationError, match="already approved"):
        services.promise_approve(promise=signed, by=coordinator)
    assert CitizenPromise.objects.get(pk=signed.pk).status == PromiseStatus.SIGNED


def test_only_a_signed_promise_is_approved(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="signed"):
        services.promise_approve(promise=cast.draft, by=cast.coordinator)


def test_moving_back_to_draft_forgets_the_approvals(cast: Cast, signed: CitizenPromise) -> None:
    services.promise_approve(promise=signed, by=cast.coordinator)
    services.promise_set_status(promise=signed, by=cast.coordinator, status=PromiseStatus.DRAFT)
    signed.refresh_from_db()
    assert signed.municipality_approved_by is None and signed.municipality_approved_at is None


@pytest.mark.parametrize(
    "actor", ["reporter", "viewer", "partner", "other_coordinator", "outsider"]
)
def test_no_one_outside_the_parties_coordinators_may_approve(
    cast: Cast, signed: CitizenPromise, actor: str
) -> None:
    with pytest.raises(ValidationError):
        services.promise_approve(promise=signed, by=getattr(cast, actor))
    response = client_for(getattr(cast, actor)).post(
        reverse("promises:promise_approve", args=[signed.pk])
    )
    assert response.status_code in (403, 404)
    signed.refresh_from_db()
    assert signed.municipality_approved_by is None and signed.police_approved_by is None


def test_anonymous_visitors_cannot_preview_or_approve(signed: CitizenPromise) -> None:
    for name, method in (("promises:promise_preview", "get"), ("promises:promise_approve", "post")):
        response = getattr(client_for(None), method)(reverse(name, args=[signed.pk]))
        assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    assert CitizenPromise.objects.get(pk=signed.pk).municipality_approved_by is None


def test_the_preview_shows_the_public_page_then_the_approvals_through_the_pages(
    cast: Cast, signed: CitizenPromise, police_coordinator: User
) -> None:
    municipality, police = client_for(cast.coordinator), client_for(police_coordinator)
    detail = municipality.get(reverse("promises:promise_detail", args=[signed.pk])).content.decode()
    preview_url = reverse("promises:promise_preview", args=[signed.pk])
    assert preview_url in detail and "Mark as published" not in detail
    preview = municipality.get(preview_url).content.decode()
    assert "It is not public yet." in preview
    assert "Hemligt utkast 2018" in preview and "Utkastaktivitet" in preview
    assert "Approve for publication" in preview
    approved = municipality.post(reverse("promises:promise_approve", args=[signed.pk]), follow=True)
    page = approved.content.decode()
    assert "published when the other party approves" in page
    assert "Approve for publication</button>" not in page  # the same person cannot approve again
    # A coordinator without a name is not named by their login name.
    assert "approved by a user without a name" in page and "coordinator," not in page
    assert "Approve for publication</button>" in police.get(preview_url).content.decode()
    published = police.post(reverse("promises:promise_approve", args=[signed.pk]), follow=True)
    assert "the promise is published" in published.content.decode()
    assert "approved by Pia Polis" in published.content.decode()
    public = client_for(None).get("/kommun/eslov/2018/").content.decode()
    assert "Approved for publication by the municipality on" in public
    assert "and by the police on" in public
    assert "Pia Polis" not in public


def test_the_other_municipalitys_coordinator_does_not_see_the_preview(
    cast: Cast, signed: CitizenPromise
) -> None:
    url = reverse("promises:promise_preview", args=[signed.pk])
    assert client_for(cast.other_coordinator).get(url).status_code == 404
    assert client_for(cast.partner).get(url).status_code == 404
    reporter = client_for(cast.reporter).get(url)
    assert (
        reporter.status_code == 200
        and "Approve for publication</button>" not in reporter.content.decode()
    )


def test_the_preview_of_a_public_promise_says_it_is_public(cast: Cast) -> None:
    """It said "not public yet" of the published 2017 promise."""
    from django.urls import reverse

    page = client_for(cast.coordinator).get(
        reverse("promises:promise_preview", args=[cast.published.pk])
    )
    text = page.content.decode()
    assert "The promise is public" in text and "not public yet" not in text
    assert f'href="/kommun/eslov/{cast.published.year}/"' in text
