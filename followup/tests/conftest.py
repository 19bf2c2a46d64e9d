from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from accounts.models import Membership, Role, User
from conftest import Cast
from followup import services as services_followup
from followup.models import Evaluation
from promises import services
from promises.models import Activity, ActivityReport


@dataclass
class Police:
    """The local police area's coordinator, who co-signs follow-ups."""

    coordinator: User


@pytest.fixture
def police(cast: Cast) -> Police:
    user = User.objects.create_user(
        username="polischef", password="pw", email="polischef@polisen.example"
    )
    Membership.objects.create(user=user, organisation=cast.police_org, role=Role.COORDINATOR)
    return Police(user)


def log(cast: Cast, activity: Activity, day: date, **data: Any) -> ActivityReport:
    return services.activity_report_create(activity=activity, by=cast.reporter, date=day, **data)


def police_coordinator(cast: Cast) -> User:
    """A coordinator of the promise's local police area, who approves for the police."""
    user, created = User.objects.get_or_create(
        username="polis.samordnare", defaults={"first_name": "Pia", "last_name": "Polis"}
    )
    if created:
        Membership.objects.create(user=user, organisation=cast.police_org, role=Role.COORDINATOR)
    return user


def publish_evaluation(cast: Cast, evaluation: Evaluation) -> Evaluation:
    """Publish the evaluation as both parties do: the municipality's coordinator approves,
    then the police area's, whose approval publishes it."""
    services_followup.evaluation_approve(evaluation=evaluation, by=cast.coordinator)
    return services_followup.evaluation_approve(evaluation=evaluation, by=police_coordinator(cast))
