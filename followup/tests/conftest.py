from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from accounts.models import Membership, Role, User
from conftest import Cast
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
