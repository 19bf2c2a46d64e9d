"""The coordinator's judgement, approval, co-signature and publication of a follow-up."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import Cast, client_for
from core.versioning import ConcurrentEditError
from followup import services
from followup.models import Evaluation, FollowUp
from followup.vocabularies import CommitmentStatus, FollowUpStatus
from promises import services as promise_services
from promises.models import CitizenPromise

from .conftest import Police, log

APRIL = datetime(2017, 4, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def first_quarter(cast: Cast) -> FollowUp:
    log(cast, cast.controls, date(2017, 3, 1), count=4, vehicles_checked=50)
    with time_machine.travel(APRIL, tick=False):
        return services.follow_up_draft(promise=cast.published, number=1, by=None)


def _cosigned_agreement(cast: Cast) -> None:
    agreement = promise_services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title="Samverkan 2016–2019",
        start_year=2016,
        end_year=2019,
        follow_ups_cosigned=True,
    )
    CitizenPromise.objects.filter(pk=cast.published.pk).update(agreement=agreement)
    cast.published.refresh_from_db()


def _judge(cast: Cast, follow_up: FollowUp, assessment: str = "Bra start.") -> FollowUp:
    commitment = cast.published.commitments.get()
    return services.follow_up_update(
        follow_up=follow_up,
        by=cast.coordinator,
        expected_version=follow_up.version,
        assessment=assessment,
        activity_comments={cast.controls.pk: "Fyra kontroller vid skolorna."},
        commitment_judgements={commitment.pk: (CommitmentStatus.ON_TRACK, "Enligt plan.")},
    )


def test_the_coordinator_comments_and_approves_and_it_is_published(
    cast: Cast, first_quarter: FollowUp
) -> None:
    _judge(cast, first_quarter)
    line = first_quarter.activities.get(activity=cast.controls)
    assert line.comment == "Fyra kontroller vid skolorna."
    judged = first_quarter.commitments.get()
    assert judged.effective_status == CommitmentStatus.ON_TRACK
    services.follow_up_approve(follow_up=first_quarter, by=cast.coordinator)
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.PUBLISHED
    assert first_quarter.approved_by == cast.coordinator and first_quarter.published_at
    # Approved figures are frozen: a report logged afterwards does not change them.
    log(cast, cast.controls, date(2017, 3, 15), count=3)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.follow_up_refresh(follow_up=first_quarter, by=cast.coordinator)
    assert first_quarter.activities.get(activity=cast.controls).done_in_period == 4


def test_a_stale_form_is_refused(cast: Cast, first_quarter: FollowUp) -> None:
    opened = first_quarter.version
    _judge(cast, first_quarter)
    with pytest.raises(ConcurrentEditError):
        services.follow_up_update(
            follow_up=first_quarter,
            by=cast.coordinator,
            expected_version=opened,
            assessment="Någon annans text",
            activity_comments={},
            commitment_judgements={},
        )
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == "Bra start."


def test_approval_needs_an_assessment(cast: Cast, first_quarter: FollowUp) -> None:
    with pytest.raises(ValidationError, match="overall assessment"):
        services.follow_up_approve(follow_up=first_quarter, by=cast.coordinator)
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.DRAFT


def test_an_unknown_commitment_status_is_refused(cast: Cast, first_quarter: FollowUp) -> None:
    commitment = cast.published.commitments.get()
    with pytest.raises(ValidationError, match="statuses offered"):
        services.follow_up_update(
            follow_up=first_quarter,
            by=cast.coordinator,
            expected_version=first_quarter.version,
            assessment="x",
            activity_comments={},
            commitment_judgements={commitment.pk: ("splendid", "")},
        )


def test_the_police_area_co_signs_where_the_agreement_says_so(cast: Cast, police: Police) -> None:
    _cosigned_agreement(cast)
    with time_machine.travel(APRIL, tick=False):
        follow_up = services.follow_up_draft(promise=cast.published, number=1, by=None)
    assert follow_up.cosign_required
    _judge(cast, follow_up)
    services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    assert follow_up.status == FollowUpStatus.APPROVED
    # The municipality's coordinator may not co-sign for the police.
    refused = client_for(cast.coordinator).post(reverse("followup:cosign", args=[follow_up.pk]))
    assert refused.status_code == 403
    # The police may send it back to be corrected, and the coordinator approves again.
    client_for(police.coordinator).post(reverse("followup:send_back", args=[follow_up.pk]))
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.DRAFT and follow_up.approved_by is None
    services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    response = client_for(police.coordinator).post(reverse("followup:cosign", args=[follow_up.pk]))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.PUBLISHED
    assert follow_up.cosigned_by == police.coordinator


def test_the_approver_cannot_co_sign_their_own_approval(cast: Cast, police: Police) -> None:
    _cosigned_agreement(cast)
    with time_machine.travel(APRIL, tick=False):
        follow_up = services.follow_up_draft(promise=cast.published, number=1, by=None)
    _judge(cast, follow_up)
    services.follow_up_approve(follow_up=follow_up, by=police.coordinator)
    with pytest.raises(ValidationError, match="someone other than the approver"):
        services.follow_up_cosign(follow_up=follow_up, by=police.coordinator)


def test_the_staff_page_saves_comments_and_shows_history(
    cast: Cast, first_quarter: FollowUp
) -> None:
    commitment = cast.published.commitments.get()
    client = client_for(cast.coordinator)
    url = reverse("followup:detail", args=[first_quarter.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Traffic control" in page.content.decode()
    response = client.post(
        url,
        {
            "version": first_quarter.version,
            "assessment": "Kontrollerna har kommit igång.",
            f"comment_{cast.controls.pk}": "Vid Östra skolan.",
            f"status_{commitment.pk}": "",
            f"note_{commitment.pk}": "",
        },
    )
    assert response.status_code == 302
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == "Kontrollerna har kommit igång."
    assert "Vid Östra skolan." in client.get(url).content.decode()
    client.post(reverse("followup:approve", args=[first_quarter.pk]))
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.PUBLISHED
    # Once published, the page is read-only: a post is refused and changes nothing.
    refused = client.post(url, {"assessment": "Ändrat i efterhand"})
    assert refused.status_code == 403
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == "Kontrollerna har kommit igång."


def test_the_promise_page_offers_to_start_an_ended_period(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    with time_machine.travel(APRIL, tick=False):
        page = client.get(reverse("promises:promise_detail", args=[cast.published.pk]))
        assert "Start follow-up 1" in page.content.decode()
        assert "Start follow-up 2" not in page.content.decode()
        response = client.post(reverse("followup:start", args=[cast.published.pk, 1]))
    follow_up = FollowUp.objects.get()
    assert response["Location"] == reverse("followup:detail", args=[follow_up.pk])
    # The reporter reads the promise but may not start its follow-ups.
    with time_machine.travel(datetime(2017, 7, 3, tzinfo=ZoneInfo("UTC")), tick=False):
        refused = client_for(cast.reporter).post(
            reverse("followup:start", args=[cast.published.pk, 2])
        )
    assert refused.status_code == 403
    assert FollowUp.objects.count() == 1


def test_a_misspelt_field_of_a_follow_up_or_an_evaluation_is_refused(
    cast: Cast, first_quarter: FollowUp
) -> None:
    with pytest.raises(TypeError):
        services.follow_up_update(  # type: ignore[call-arg]
            follow_up=first_quarter,
            by=cast.coordinator,
            expected_version=first_quarter.version,
            asessment="Bra start.",
            activity_comments={},
            commitment_judgements={},
        )
    with pytest.raises(TypeError):
        services.evaluation_start(
            promise=cast.published,
            by=cast.coordinator,
            todya=date(2017, 12, 31),  # type: ignore[call-arg]
        )
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == ""
    assert not Evaluation.objects.filter(promise=cast.published).exists()
