from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import Cast
from followup import services as followup_services
from followup.models import Evaluation, FollowUp
from promises import services
from situation.models import Complaint, Motivation, PublishedPicture


@dataclass
class OpenData:
    """The cast with something of everything, published and not."""

    cast: Cast
    follow_up: FollowUp
    draft_follow_up: FollowUp
    evaluation: Evaluation


@pytest.fixture
def open_data(cast: Cast) -> OpenData:
    services.activity_report_create(
        activity=cast.controls,
        by=cast.reporter,
        date=date(2017, 2, 1),
        count=5,
        vehicles_checked=120,
    )
    Motivation.objects.create(commitment=cast.published.commitments.get(), problem="speeding")
    for n in range(4):
        Complaint.objects.create(
            municipality=cast.eslov,
            received_on=date(2016, 4, 1 + n),
            text="Hemligt namn",
            problem="speeding",
        )
    Complaint.objects.create(
        municipality=cast.eslov, received_on=date(2016, 5, 1), text="Hemligt", problem="burglary"
    )
    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    with time_machine.travel(datetime(2017, 7, 3, 9, tzinfo=ZoneInfo("Europe/Stockholm"))):
        published = followup_services.follow_up_draft(promise=cast.published, number=1, by=None)
        draft = followup_services.follow_up_draft(promise=cast.published, number=2, by=None)
    followup_services.follow_up_update(
        follow_up=published,
        by=cast.coordinator,
        expected_version=published.version,
        assessment="Offentlig bedömning.",
        activity_comments={},
        commitment_judgements={},
    )
    followup_services.follow_up_approve(follow_up=published, by=cast.coordinator)
    followup_services.follow_up_update(
        follow_up=draft,
        by=cast.coordinator,
        expected_version=draft.version,
        assessment="HEMLIGT UTKAST",
        activity_comments={},
        commitment_judgements={},
    )
    evaluation = followup_services.evaluation_start(promise=cast.published, by=None)
    followup_services.evaluation_update(
        evaluation=evaluation,
        by=cast.coordinator,
        expected_version=evaluation.version,
        summary="HEMLIG UTVÄRDERING",
        commitment_texts={},
        activity_carry_over={},
    )
    return OpenData(cast, published, draft, evaluation)
