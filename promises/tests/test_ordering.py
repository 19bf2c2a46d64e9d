"""Commitments and activities are put in order with "Move up" and "Move down", one step at a
time, versioned and audited, and only by the promise's coordinators while it is a draft."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from conftest import Cast, client_for
from core.versioning import ConcurrentEditError
from promises import services
from promises.models import Activity, Commitment

pytestmark = pytest.mark.django_db


def _commitments(cast: Cast, *texts: str, position: int | None = None) -> list[Commitment]:
    return [
        services.commitment_create(
            promise=cast.draft, by=cast.coordinator, text=t, position=position
        )
        for t in texts
    ]


def _texts(cast: Cast) -> list[str]:
    return [c.text for c in cast.draft.commitments.all()]


def _activities(cast: Cast) -> list[Activity]:
    return [
        services.activity_create(
            promise=cast.draft, by=cast.coordinator, kind="other", description=description
        )
        for description in ("Första", "Andra", "Tredje")
    ]


def test_a_new_commitment_goes_last(cast: Cast) -> None:
    _commitments(cast, "A", "B")
    services.commitment_create(promise=cast.draft, by=cast.coordinator, text="C", position=0)
    assert _texts(cast) == ["A", "C", "B"]
    services.commitment_create(promise=cast.draft, by=cast.coordinator, text="D")
    assert _texts(cast)[-1] == "D"


def test_moving_up_swaps_even_when_all_share_one_position(cast: Cast) -> None:
    first, second, third = _commitments(cast, "A", "B", "C", position=0)
    events = AuditEvent.objects.count()
    assert services.promise_item_move(
        item=third, by=cast.coordinator, expected_version=third.version, up=True
    )
    assert _texts(cast) == ["A", "C", "B"]
    third.refresh_from_db()
    assert third.version == 2
    assert AuditEvent.objects.count() > events
    latest = AuditEvent.objects.filter(object_id=str(third.pk)).first()
    assert latest is not None and "position" in latest.changes


def test_first_cannot_move_up_and_last_cannot_move_down(cast: Cast) -> None:
    first, last = _commitments(cast, "A", "B")
    assert not services.promise_item_move(
        item=first, by=cast.coordinator, expected_version=1, up=True
    )
    assert not services.promise_item_move(
        item=last, by=cast.coordinator, expected_version=1, up=False
    )
    assert _texts(cast) == ["A", "B"]


def test_a_move_from_a_stale_page_is_refused(cast: Cast) -> None:
    first, second = _commitments(cast, "A", "B")
    services.commitment_update(
        commitment=second, by=cast.coordinator, expected_version=1, text="B2"
    )
    with pytest.raises(ConcurrentEditError):
        services.promise_item_move(item=second, by=cast.coordinator, expected_version=1, up=True)
    assert _texts(cast) == ["A", "B2"]


def test_a_published_promises_activities_stay_in_order(cast: Cast) -> None:
    before = list(cast.published.activities.values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        services.promise_item_move(
            item=cast.walks, by=cast.coordinator, expected_version=cast.walks.version, up=True
        )
    assert list(cast.published.activities.values_list("pk", flat=True)) == before


def test_coordinator_moves_an_activity_down_with_the_button(cast: Cast) -> None:
    first, second, third = _activities(cast)
    client = client_for(cast.coordinator)
    page = client.get(reverse("promises:promise_detail", args=[cast.draft.pk])).content.decode()
    assert page.count('value="down"') == 2 and page.count('value="up"') == 2
    response = client.post(
        reverse("promises:activity_move", args=[cast.draft.pk, first.pk]),
        {"direction": "down", "version": first.version},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#aktivitet-{first.pk}")
    order = list(cast.draft.activities.values_list("description", flat=True))
    assert order == ["Andra", "Första", "Tredje"]


def test_the_forms_no_longer_ask_for_a_number(cast: Cast) -> None:
    (commitment,) = _commitments(cast, "A")
    client = client_for(cast.coordinator)
    for url in (
        reverse("promises:commitment_edit", args=[cast.draft.pk, commitment.pk]),
        reverse("promises:activity_create", args=[cast.draft.pk]),
    ):
        assert 'name="position"' not in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("other_coordinator", 404),
        ("partner", 404),
        ("reporter", 403),
        ("viewer", 403),
    ],
)
def test_nobody_but_the_coordinators_moves_anything(cast: Cast, actor: str, status: int) -> None:
    first, second, _third = _activities(cast)
    response = client_for(getattr(cast, actor)).post(
        reverse("promises:activity_move", args=[cast.draft.pk, second.pk]),
        {"direction": "up", "version": second.version},
    )
    assert response.status_code == status
    order = list(cast.draft.activities.values_list("description", flat=True))
    assert order == ["Första", "Andra", "Tredje"]


def test_anonymous_is_sent_to_log_in_and_nothing_moves(cast: Cast) -> None:
    first, second = _commitments(cast, "A", "B")
    response = client_for(None).post(
        reverse("promises:commitment_move", args=[cast.draft.pk, second.pk]),
        {"direction": "up", "version": 1},
    )
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _texts(cast) == ["A", "B"]


def test_another_promises_item_cannot_be_moved_through_ones_own(cast: Cast) -> None:
    lund = services.commitment_create(
        promise=cast.lund_draft, by=cast.other_coordinator, text="Lund"
    )
    response = client_for(cast.coordinator).post(
        reverse("promises:commitment_move", args=[cast.draft.pk, lund.pk]),
        {"direction": "down", "version": 1},
    )
    assert response.status_code == 404
    lund.refresh_from_db()
    assert lund.version == 1


def test_moving_in_a_published_promise_sends_the_coordinator_back(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:activity_move", args=[cast.published.pk, cast.walks.pk]),
        {"direction": "up", "version": cast.walks.version},
    )
    assert response.status_code == 302
    cast.walks.refresh_from_db()
    assert cast.walks.version == 1
