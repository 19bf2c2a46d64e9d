"""The texts a follow-up and an evaluation publish are checked for personal data like the
complaint and report forms are: a warning, everything typed kept, a box to confirm."""

from django.urls import reverse

from conftest import Cast, client_for
from followup.models import Evaluation, FollowUp
from followup.vocabularies import EvaluationStatus, FollowUpStatus

from .test_every_button_keeps_the_form import (
    _evaluation_form,
    _follow_up_form,
    evaluation,
    first_quarter,
)

__all__ = ["evaluation", "first_quarter"]

PHONE = "Ring Kalle på 070-123 45 67 om kontrollerna."


def test_an_assessment_with_a_phone_number_is_not_published_unconfirmed(
    cast: Cast, first_quarter: FollowUp
) -> None:
    client = client_for(cast.coordinator)
    data = _follow_up_form(cast, first_quarter, PHONE)
    page = client.post(reverse("followup:approve", args=[first_quarter.pk]), data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "seems to hold personal data" in text and "070-123 45 67" in text
    assert 'name="confirmed"' in text and "published as it stands" in text
    assert "Fyra kontroller vid Östra skolan." in text
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.DRAFT and first_quarter.assessment == ""

    confirmed = client.post(
        reverse("followup:approve", args=[first_quarter.pk]),
        {**data, "confirmed": "1"},
    )
    assert confirmed.status_code == 302
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.PUBLISHED and first_quarter.assessment == PHONE


def test_a_commitment_comment_with_an_email_address_is_held_back_on_save(
    cast: Cast, first_quarter: FollowUp
) -> None:
    data = _follow_up_form(cast, first_quarter, "Enligt plan.")
    commitment = cast.published.commitments.get()
    data[f"note_{commitment.pk}"] = "Frågor till anna.svensson@example.se."
    page = client_for(cast.coordinator).post(
        reverse("followup:detail", args=[first_quarter.pk]), data
    )
    assert page.status_code == 200 and "anna.svensson@example.se" in page.content.decode()
    assert first_quarter.commitments.get().comment == ""


def test_an_evaluation_summary_with_an_identity_number_waits_for_confirmation(
    cast: Cast, evaluation: Evaluation
) -> None:
    client = client_for(cast.coordinator)
    data = _evaluation_form(cast, evaluation, "Året gick bra, se 19811218-9876.")
    page = client.post(reverse("followup:evaluation_preview", args=[evaluation.pk]), data)
    assert page.status_code == 200 and "19811218-9876" in page.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT and evaluation.summary == ""

    clean = _evaluation_form(cast, evaluation, "Året gick bra.")
    client.post(reverse("followup:evaluation", args=[evaluation.pk]), clean)
    evaluation.refresh_from_db()
    assert evaluation.summary == "Året gick bra."


def test_the_services_themselves_refuse_unconfirmed_personal_data(
    cast: Cast, first_quarter: FollowUp, evaluation: Evaluation
) -> None:
    """Whatever page, command or import writes a follow-up or an evaluation, the check
    holds: it lives in the storing services, naming each text it found something in."""
    import pytest

    from core.confirm import NeedsConfirmation
    from followup import services

    lines = list(first_quarter.activities.all())
    comments = {line.activity_id: "Enligt plan." for line in lines}
    comments[lines[0].activity_id] = PHONE
    with pytest.raises(NeedsConfirmation, match="070-123 45 67"):
        services.follow_up_update(
            follow_up=first_quarter,
            by=cast.coordinator,
            expected_version=first_quarter.version,
            assessment="Enligt plan.",
            activity_comments=comments,
            commitment_judgements={},
        )
    assert not first_quarter.activities.filter(comment=PHONE).exists()
    with pytest.raises(NeedsConfirmation, match="The partners' assessment"):
        services.evaluation_update(
            evaluation=evaluation,
            by=cast.coordinator,
            expected_version=evaluation.version,
            summary="Målen nåddes.",
            commitment_texts={
                line.commitment_id: ("Mejla anna.svensson@example.se", "", False)
                for line in evaluation.commitments.all()
            },
            activity_carry_over={},
        )
    services.follow_up_update(
        follow_up=first_quarter,
        by=cast.coordinator,
        expected_version=first_quarter.version,
        assessment="Enligt plan.",
        activity_comments=comments,
        commitment_judgements={},
        confirmed=True,
    )
    assert first_quarter.activities.filter(comment=PHONE).exists()
