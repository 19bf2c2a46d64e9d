"""An evaluation is published as its promise is: after a preview of the public page, a
coordinator of the municipality and one of the local police area approve it, and the
second approval publishes it. Who approved and when is kept, and shown."""

from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import Cast, at_once, client_for, needs_postgres, sign_for_both
from followup import services
from followup.models import Evaluation
from followup.vocabularies import EvaluationStatus
from promises import services as promise_services
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

from .conftest import police_coordinator
from .test_evaluation import NOVEMBER


def _judged(cast: Cast) -> Evaluation:
    with time_machine.travel(NOVEMBER, tick=False):
        evaluation = services.evaluation_start(promise=cast.published, by=cast.coordinator)
    return services.evaluation_update(
        evaluation=evaluation,
        by=cast.coordinator,
        expected_version=evaluation.version,
        summary="Kontrollerna genomfördes.",
        commitment_texts={},
        activity_carry_over={},
    )


@pytest.mark.django_db
def test_one_party_approves_and_the_other_publishes(cast: Cast) -> None:
    evaluation = _judged(cast)
    police = police_coordinator(cast)
    services.evaluation_approve(evaluation=evaluation, by=cast.coordinator)
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT, "one party does not publish"
    assert evaluation.municipality_approved_by == cast.coordinator
    assert evaluation.municipality_approved_at and not evaluation.police_approved_at
    with pytest.raises(ValidationError, match="already approved"):
        services.evaluation_approve(evaluation=evaluation, by=cast.coordinator)
    with pytest.raises(ValidationError, match="Only a coordinator"):
        services.evaluation_approve(evaluation=evaluation, by=cast.reporter)
    services.evaluation_approve(evaluation=evaluation, by=police)
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.PUBLISHED
    assert evaluation.police_approved_by == police and evaluation.police_approved_at
    assert evaluation.published_by == police
    assert evaluation.published_at == evaluation.police_approved_at
    assert CitizenPromise.objects.get(pk=cast.published.pk).status == PromiseStatus.EVALUATED


@pytest.mark.django_db
def test_changed_words_need_both_approvals_again(cast: Cast) -> None:
    evaluation = _judged(cast)
    services.evaluation_approve(evaluation=evaluation, by=cast.coordinator)
    evaluation.refresh_from_db()
    for summary in ("Kontrollerna genomfördes.", "Annat."):
        if summary == "Annat.":
            assert evaluation.municipality_approved_at, "saving the same words keeps it"
        services.evaluation_update(
            evaluation=evaluation,
            by=cast.coordinator,
            expected_version=evaluation.version,
            summary=summary,
            commitment_texts={},
            activity_carry_over={},
        )
    evaluation.refresh_from_db()
    assert evaluation.municipality_approved_by is None
    assert evaluation.municipality_approved_at is None


@pytest.mark.django_db
def test_reopening_asks_both_parties_again(cast: Cast) -> None:
    evaluation = _judged(cast)
    services.evaluation_approve(evaluation=evaluation, by=cast.coordinator)
    services.evaluation_approve(evaluation=evaluation, by=police_coordinator(cast))
    services.evaluation_reopen(evaluation=evaluation, by=cast.coordinator, reason="Fel datum.")
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT
    assert evaluation.municipality_approved_at is None and evaluation.police_approved_at is None


@pytest.mark.django_db
def test_the_preview_shows_the_public_page_and_takes_each_party_s_approval(cast: Cast) -> None:
    evaluation = _judged(cast)
    police = police_coordinator(cast)
    preview = reverse("followup:evaluation_preview", args=[evaluation.pk])
    approve = reverse("followup:evaluation_approve", args=[evaluation.pk])
    page = client_for(cast.coordinator).get(preview).content.decode()
    assert "It is not public yet" in page and "Kontrollerna genomfördes." in page
    assert f'action="{approve}"' in page
    public = reverse("portal:evaluation", args=["eslov", 2017])
    assert client_for().get(public).status_code == 404

    client_for(cast.coordinator).post(approve)
    again = client_for(cast.coordinator).get(preview).content.decode()
    assert f'action="{approve}"' not in again, "one person approves for one party"
    assert client_for().get(public).status_code == 404
    assert client_for(cast.reporter).post(approve).status_code == 403

    assert client_for(police).post(approve).status_code == 302
    text = client_for().get(public).content.decode()
    assert "Approved for publication by the municipality" in text
    assert "and by the police on" in text


# Two coordinators at the same moment, from two connections.


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_parties_approving_an_evaluation_at_once_publish_it_once(
    reference_data: None, cast: Cast
) -> None:
    evaluation = _judged(cast)
    police = police_coordinator(cast)
    # Each reads the evaluation before either approves, as two open pages do.
    mine = Evaluation.objects.get(pk=evaluation.pk)
    theirs = Evaluation.objects.get(pk=evaluation.pk)
    errors = at_once(
        lambda: services.evaluation_approve(evaluation=mine, by=cast.coordinator),
        lambda: services.evaluation_approve(evaluation=theirs, by=police),
    )
    assert errors == []
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.PUBLISHED
    assert evaluation.municipality_approved_by == cast.coordinator
    assert evaluation.police_approved_by == police
    assert evaluation.municipality_approved_at and evaluation.police_approved_at
    promise = CitizenPromise.objects.get(pk=cast.published.pk)
    assert promise.status == PromiseStatus.EVALUATED


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_parties_approving_a_promise_at_once_publish_it_once(
    reference_data: None, cast: Cast
) -> None:
    promise = cast.draft
    promise_services.promise_update(
        promise=promise,
        by=cast.coordinator,
        expected_version=promise.version,
        signed_on=date(2018, 2, 1),
    )
    promise_services.activity_create(
        promise=promise, by=cast.coordinator, kind="other", description="Utkastaktivitet"
    )
    sign_for_both(promise)
    promise_services.promise_set_status(
        promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED
    )
    police = police_coordinator(cast)
    mine = CitizenPromise.objects.get(pk=promise.pk)
    theirs = CitizenPromise.objects.get(pk=promise.pk)
    errors = at_once(
        lambda: promise_services.promise_approve(promise=mine, by=cast.coordinator),
        lambda: promise_services.promise_approve(promise=theirs, by=police),
    )
    assert errors == []
    promise.refresh_from_db()
    assert promise.status == PromiseStatus.PUBLISHED
    assert promise.municipality_approved_by == cast.coordinator
    assert promise.police_approved_by == police
    assert promise.published_at is not None


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_starting_an_evaluation_or_a_follow_up_twice_at_once_makes_one(
    reference_data: None, cast: Cast
) -> None:
    """Two pages (or a page and the daily run) starting the same thing at the same moment:
    one is made, and both are given it, instead of a server error for one of them."""
    from followup.models import FollowUp

    started: list[Any] = []
    errors = at_once(
        *(
            lambda: started.append(
                services.follow_up_draft(promise=cast.published, number=1, by=cast.coordinator)
            )
            for _ in range(3)
        ),
        *(
            lambda: started.append(
                services.evaluation_start(promise=cast.published, by=cast.coordinator)
            )
            for _ in range(3)
        ),
    )
    assert errors == []
    assert FollowUp.objects.filter(promise=cast.published, number=1).count() == 1
    assert Evaluation.objects.filter(promise=cast.published).count() == 1
    assert len({(type(s), s.pk) for s in started}) == 2
