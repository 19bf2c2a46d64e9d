"""Every button on a follow-up's or an evaluation's page sends what is on its form: the text
is saved with the action, and a refused action shows the form again with all of it."""

from datetime import date
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for
from followup import services
from followup.models import Evaluation, FollowUp
from followup.vocabularies import EvaluationStatus, FollowUpStatus
from promises.models import CitizenPromise

from .conftest import log
from .test_evaluation import NOVEMBER
from .test_workflow import APRIL


@pytest.fixture
def first_quarter(cast: Cast) -> FollowUp:
    log(cast, cast.controls, date(2017, 3, 1), count=4)
    with time_machine.travel(APRIL, tick=False):
        return services.follow_up_draft(promise=cast.published, number=1, by=None)


@pytest.fixture
def evaluation(cast: Cast) -> Evaluation:
    with time_machine.travel(NOVEMBER, tick=False):
        return services.evaluation_start(promise=cast.published, by=cast.coordinator)


def _follow_up_form(cast: Cast, follow_up: FollowUp, assessment: str) -> dict[str, Any]:
    commitment = cast.published.commitments.get()
    return {
        "version": follow_up.version,
        "assessment": assessment,
        f"comment_{cast.controls.pk}": "Fyra kontroller vid Östra skolan.",
        f"status_{commitment.pk}": "",
        f"note_{commitment.pk}": "Enligt plan.",
    }


def _evaluation_form(cast: Cast, found: Evaluation, summary: str) -> dict[str, Any]:
    commitment = cast.published.commitments.get()
    return {
        "version": found.version,
        "summary": summary,
        f"partners_{commitment.pk}": "Polisen instämmer i bilden.",
        f"next_{commitment.pk}": "Fler kontroller vid skolorna.",
        f"keepc_{commitment.pk}": "on",
        f"keepa_{cast.controls.pk}": "on",
    }


def test_approving_saves_the_text_typed_before_saving(cast: Cast, first_quarter: FollowUp) -> None:
    data = _follow_up_form(cast, first_quarter, "Kontrollerna har kommit igång.")
    response = client_for(cast.coordinator).post(
        reverse("followup:approve", args=[first_quarter.pk]), data
    )
    assert response.status_code == 302
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.PUBLISHED
    assert first_quarter.assessment == "Kontrollerna har kommit igång."
    line = first_quarter.activities.get(activity=cast.controls)
    assert line.comment == "Fyra kontroller vid Östra skolan."


def test_a_refused_approval_keeps_and_shows_everything_typed(
    cast: Cast, first_quarter: FollowUp
) -> None:
    client = client_for(cast.coordinator)
    data = _follow_up_form(cast, first_quarter, "")
    page = client.post(reverse("followup:approve", args=[first_quarter.pk]), data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Write the overall assessment before approving." in text
    assert "Fyra kontroller vid Östra skolan." in text and "Enligt plan." in text
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.DRAFT
    assert (
        first_quarter.activities.get(activity=cast.controls).comment
        == data[f"comment_{cast.controls.pk}"]
    )
    # The form shown again carries the version just saved, so sending it again succeeds.
    again = {**data, "version": page.context["form"]["version"].value(), "assessment": "Bra."}
    done = client.post(reverse("followup:approve", args=[first_quarter.pk]), again)
    assert done.status_code == 302
    first_quarter.refresh_from_db()
    assert first_quarter.status == FollowUpStatus.PUBLISHED


def test_reading_the_figures_again_saves_the_text(cast: Cast, first_quarter: FollowUp) -> None:
    data = _follow_up_form(cast, first_quarter, "Halvvägs.")
    response = client_for(cast.coordinator).post(
        reverse("followup:refresh", args=[first_quarter.pk]), data
    )
    assert response.status_code == 302
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == "Halvvägs."


def test_a_stale_form_is_shown_again_with_the_text_and_nothing_saved(
    cast: Cast, first_quarter: FollowUp
) -> None:
    data = _follow_up_form(cast, first_quarter, "Min text")
    services.follow_up_update(
        follow_up=first_quarter,
        by=cast.coordinator,
        expected_version=first_quarter.version,
        assessment="Någon annans text",
        activity_comments={},
        commitment_judgements={},
    )
    page = client_for(cast.coordinator).post(
        reverse("followup:approve", args=[first_quarter.pk]), data
    )
    assert page.status_code == 200
    assert "Min text" in page.content.decode()
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == "Någon annans text"
    assert first_quarter.status == FollowUpStatus.DRAFT


def test_a_partner_cannot_approve_by_posting_the_form(cast: Cast, first_quarter: FollowUp) -> None:
    data = _follow_up_form(cast, first_quarter, "Intrång")
    for user in (cast.reporter, cast.other_coordinator):
        response = client_for(user).post(reverse("followup:approve", args=[first_quarter.pk]), data)
        assert response.status_code in (403, 404)
    first_quarter.refresh_from_db()
    assert first_quarter.assessment == "" and first_quarter.status == FollowUpStatus.DRAFT


def test_the_preview_button_saves_the_text_typed_before_saving(
    cast: Cast, evaluation: Evaluation
) -> None:
    data = _evaluation_form(cast, evaluation, "Ett bra år.")
    preview = reverse("followup:evaluation_preview", args=[evaluation.pk])
    response = client_for(cast.coordinator).post(preview, data)
    assert response.status_code == 302 and response["Location"] == preview
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT, "saving is not approving"
    assert evaluation.summary == "Ett bra år."
    assert evaluation.commitments.get().partners_assessment == "Polisen instämmer i bilden."
    shown = client_for(cast.coordinator).get(preview).content.decode()
    assert "Ett bra år." in shown and "Approve for publication" in shown


def test_a_refused_publication_keeps_and_shows_everything_typed(
    cast: Cast, evaluation: Evaluation
) -> None:
    data = _evaluation_form(cast, evaluation, "")
    page = client_for(cast.coordinator).post(
        reverse("followup:evaluation_preview", args=[evaluation.pk]), data
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "Write the result in brief before publishing." in text
    assert "Polisen instämmer i bilden." in text and "Fler kontroller vid skolorna." in text
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT
    line = evaluation.commitments.get()
    assert line.partners_assessment == "Polisen instämmer i bilden." and line.carry_over


def test_carrying_over_uses_the_boxes_ticked_before_saving(
    cast: Cast, evaluation: Evaluation
) -> None:
    data = _evaluation_form(cast, evaluation, "Texten")
    url = reverse("followup:evaluation_carry_over", args=[evaluation.pk])
    refused = client_for(cast.coordinator).post(url, data)
    assert refused.status_code == 200, "the 2018 draft exists: refused, the form shown again"
    assert "already a promise for 2018" in refused.content.decode()
    assert "Polisen instämmer i bilden." in refused.content.decode()
    CitizenPromise.objects.filter(pk=cast.draft.pk).delete()
    data["version"] = refused.context["form"]["version"].value()
    response = client_for(cast.coordinator).post(url, data)
    assert response.status_code == 302
    draft = CitizenPromise.objects.get(year=cast.published.year + 1)
    assert response["Location"] == reverse("promises:promise_detail", args=[draft.pk])
    assert draft.commitments.count() == 1


def test_a_field_required_before_publishing_is_not_labelled_optional(
    cast: Cast, first_quarter: FollowUp, evaluation: Evaluation
) -> None:
    client = client_for(cast.coordinator)
    for url, field in (
        (reverse("followup:detail", args=[first_quarter.pk]), "id_assessment"),
        (reverse("followup:evaluation", args=[evaluation.pk]), "id_summary"),
    ):
        text = client.get(url).content.decode()
        label = text[text.index(f'<label for="{field}">') :]
        label = label[: label.index("</label>")]
        assert "optional" not in label, label


def test_every_button_of_the_page_sits_inside_the_form(
    cast: Cast, first_quarter: FollowUp, evaluation: Evaluation
) -> None:
    CitizenPromise.objects.filter(pk=cast.draft.pk).delete()
    client = client_for(cast.coordinator)
    pages = (
        (reverse("followup:detail", args=[first_quarter.pk]), ("refresh", "approve")),
        (
            reverse("followup:evaluation", args=[evaluation.pk]),
            ("evaluation_refresh", "evaluation_preview", "evaluation_carry_over"),
        ),
    )
    for url, actions in pages:
        text = client.get(url).content.decode()
        form = text[text.index('<form method="post" novalidate>') :]
        form = form[: form.index("</form>")]
        for action in actions:
            target = reverse(f"followup:{action}", args=[url.rstrip("/").split("/")[-1]])
            assert f'formaction="{target}"' in form, action
        assert text.count("<form") == 3, (
            "no other form than the page's own, the log-out and the language buttons"
        )
