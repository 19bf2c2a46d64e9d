"""Withdrawing a published promise has a page of its own, reached from the promise page,
that asks why, keeps what was typed when it must ask again, and refuses drafts and promises
already withdrawn with a message that says why."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import Cast, client_for
from promises import services
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

pytestmark = pytest.mark.django_db


def _url(promise: CitizenPromise) -> str:
    return reverse("promises:promise_withdraw", args=[promise.pk])


def test_the_promise_page_leads_to_the_withdraw_page(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    detail = client.get(reverse("promises:promise_detail", args=[cast.published.pk]))
    assert f'href="{_url(cast.published)}"' in detail.content.decode()
    page = client.get(_url(cast.published))
    assert page.status_code == 200
    assert '<textarea name="reason"' in page.content.decode()


def test_a_withdrawal_without_a_reason_is_asked_for_again(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(_url(cast.published), {"reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED


def test_a_reason_with_personal_data_is_kept_and_asked_about_before_withdrawing(
    cast: Cast,
) -> None:
    reason = "Ersatt. Frågor till Kalle Andersson, 070-123 45 67."
    client = client_for(cast.coordinator)
    asked = client.post(_url(cast.published), {"reason": reason})
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "a name (Kalle Andersson)" in page and 'name="confirmed"' in page
    assert f"{reason}</textarea>" in page
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED
    done = client.post(_url(cast.published), {"reason": reason, "confirmed": "1"})
    assert done.status_code == 302
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.WITHDRAWN
    assert cast.published.withdrawal_reason == reason


def test_a_withdrawal_is_done_and_said_on_the_public_page(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        _url(cast.published), {"reason": "Ersatt av ett nytt löfte."}, follow=True
    )
    assert "The promise was withdrawn." in response.content.decode()
    public = client_for().get("/kommun/eslov/2017/").content.decode()
    assert "Ersatt av ett nytt löfte." in public


@pytest.mark.parametrize(
    ("status", "says"),
    [
        (PromiseStatus.DRAFT, "Only a published promise can be withdrawn."),
        (PromiseStatus.SIGNED, "Only a published promise can be withdrawn."),
        (PromiseStatus.WITHDRAWN, "The promise is already withdrawn."),
    ],
)
def test_drafts_and_withdrawn_promises_are_refused_with_a_message(
    cast: Cast, status: str, says: str
) -> None:
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=status)
    cast.published.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.promise_require_withdrawable(cast.published)
    assert says in refused.value.messages[0]
    page = client_for(cast.coordinator).get(_url(cast.published), follow=True)
    assert page.redirect_chain[-1][0] == reverse(
        "promises:promise_detail", args=[cast.published.pk]
    )
    assert says in page.content.decode()


def test_published_and_evaluated_promises_may_be_withdrawn(cast: Cast) -> None:
    services.promise_require_withdrawable(cast.published)
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.EVALUATED)
    cast.published.refresh_from_db()
    services.promise_require_withdrawable(cast.published)


def test_a_reporter_may_not_open_the_withdraw_page(cast: Cast) -> None:
    assert client_for(cast.reporter).get(_url(cast.published)).status_code == 403
