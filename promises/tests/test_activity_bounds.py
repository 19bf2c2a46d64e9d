"""An activity's target and audience have plausible bounds (core/plausible.py): the service
and the form refuse a figure past them, naming the limit on the field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import Cast, client_for
from promises import services
from promises.models import Activity

pytestmark = pytest.mark.django_db


def _create(cast: Cast, target: int | None = None, audience_size: int | None = None) -> Activity:
    return services.activity_create(
        promise=cast.draft,
        by=cast.coordinator,
        kind="traffic_control",
        description="K",
        target=target,
        audience_size=audience_size,
    )


def test_activity_create_refuses_a_target_past_ten_thousand(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(cast, target=10_001)
    assert "at most 10,000 times a year" in refused.value.message_dict["target"][0]
    assert not cast.draft.activities.exists()
    assert _create(cast, target=10_000).target == 10_000


def test_activity_create_refuses_an_audience_past_one_and_a_half_million(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(cast, audience_size=1_500_001)
    assert "at most 1,500,000 people" in refused.value.message_dict["audience_size"][0]
    assert _create(cast, audience_size=1_500_000).audience_size == 1_500_000


def test_activity_update_refuses_a_target_past_the_bound(cast: Cast) -> None:
    activity = _create(cast, target=12)
    with pytest.raises(ValidationError):
        services.activity_update(
            activity=activity, by=cast.coordinator, expected_version=activity.version, target=50_000
        )
    activity.refresh_from_db()
    assert activity.target == 12


def test_the_activity_form_names_the_limit_and_keeps_what_was_typed(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {
            "kind": "traffic_control",
            "description": "Hastighetskontroller vid skolan",
            "target": 20170315,
            "audience_size": 9_000_000,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "at most 10,000 times a year" in errors["target"][0]
    assert "at most 1,500,000 people" in errors["audience_size"][0]
    page = response.content.decode()
    assert 'value="20170315"' in page and "Hastighetskontroller vid skolan" in page
    assert not cast.draft.activities.exists()
