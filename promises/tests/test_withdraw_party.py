"""Publishing a promise needs both parties; withdrawing it needs one, since a joint promise
stands only while both stand behind it. Who withdrew it is recorded, shown to the public and
in the API, and the promise's other coordinators are told by mail."""

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Membership, Role, User
from conftest import Cast, client_for
from promises import services
from promises.vocabularies import PromiseStatus

pytestmark = pytest.mark.django_db


def _url(cast: Cast) -> str:
    return reverse("promises:promise_withdraw", args=[cast.published.pk])


def _police_coordinator(cast: Cast) -> User:
    user = User.objects.create_user(
        username="polis", password="pw", email="polis@example.org", first_name="Pia"
    )
    Membership.objects.create(user=user, organisation=cast.police_org, role=Role.COORDINATOR)
    return user


def test_the_municipality_withdraws_and_the_police_is_told(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    police = _police_coordinator(cast)
    User.objects.filter(pk=cast.coordinator.pk).update(email="kommun@example.org")
    client = client_for(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(cast), {"reason": "Ersatt av ett nytt löfte.", "party": "police"}
        )
    assert response.status_code == 302
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.WITHDRAWN
    # A coordinator of the municipality only acts for it, whatever the form was sent.
    assert cast.published.withdrawn_by_party == "municipality"
    assert [m.to for m in mail.outbox] == [[police.email]]
    told = mail.outbox[0]
    assert "Medborgarlöfte 2017" in told.subject
    assert "kommunen" in told.body and "Ersatt av ett nytt löfte." in told.body
    assert "/kommun/eslov/2017/" in told.body
    assert told.body.startswith("Hej Pia!\n"), "greeted by name, never by login name"


def test_the_public_page_and_the_api_say_which_party_withdrew(cast: Cast) -> None:
    police = _police_coordinator(cast)
    services.promise_withdraw(promise=cast.published, by=police, reason="Området är omorganiserat.")
    page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert "Återkallat av polisen den" in page
    assert "Området är omorganiserat." in page
    api = client_for().get("/api/v1/promises", {"municipality": "eslov", "status": "withdrawn"})
    (promise,) = api.json()["results"]
    assert promise["withdrawn_by"] == "police"


def test_one_who_acts_for_both_parties_must_say_for_which(cast: Cast) -> None:
    client = client_for(cast.admin)
    page = client.get(_url(cast)).content.decode()
    assert 'name="party"' in page
    asked = client.post(_url(cast), {"reason": "Ersatt."})
    assert asked.status_code == 200
    assert "party" in asked.context["form"].errors
    assert "Ersatt.</textarea>" in asked.content.decode()
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED
    client.post(_url(cast), {"reason": "Ersatt.", "party": "police"})
    cast.published.refresh_from_db()
    assert cast.published.withdrawn_by_party == "police"


def test_a_coordinator_of_one_party_cannot_withdraw_for_the_other(cast: Cast) -> None:
    assert 'name="party"' not in client_for(cast.coordinator).get(_url(cast)).content.decode()
    with pytest.raises(ValidationError) as refused:
        services.promise_withdraw(
            promise=cast.published, by=cast.coordinator, reason="Ersatt.", party="police"
        )
    assert "party" in refused.value.message_dict
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED


@pytest.mark.parametrize("who", ["reporter", "viewer", "partner", "other_coordinator"])
def test_those_who_are_no_party_cannot_withdraw(cast: Cast, who: str) -> None:
    response = client_for(getattr(cast, who)).post(_url(cast), {"reason": "Ersatt."})
    assert response.status_code in (403, 404)
    with pytest.raises(ValidationError):
        services.promise_withdraw(promise=cast.published, by=getattr(cast, who), reason="Ersatt.")
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED
