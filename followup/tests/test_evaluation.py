"""The year's evaluation: the log's figures, the effect the situation picture shows, the
partners' judgement, publication and carry-over into next year's draft."""

import importlib
from copy import deepcopy
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from conftest import Cast, client_for
from documents.tests.helpers import docx_text, pdf_text
from followup import services
from followup.models import Evaluation, EvaluationCommitment
from followup.vocabularies import EvaluationStatus
from promises import services as promise_services
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus
from situation.models import Complaint, Motivation, PoliceEvent, SurveyResult

from .conftest import log, publish_evaluation

NOVEMBER = datetime(2017, 11, 20, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def _complaints(cast: Cast, year: int, count: int, until_month: int = 11) -> None:
    for n in range(count):
        Complaint.objects.create(
            municipality=cast.eslov,
            received_on=date(year, 1 + n % until_month, 10),
            text="Bilarna kör för fort.",
            problem="speeding",
        )


@pytest.fixture
def evidence(cast: Cast) -> Cast:
    """Speeding: 9 complaints in 2016 up to November, 4 in 2017, and one in December 2016,
    which falls outside the compared days; survey shares for both years."""
    _complaints(cast, 2016, 9)
    _complaints(cast, 2017, 4)
    Complaint.objects.create(
        municipality=cast.eslov,
        received_on=date(2016, 12, 15),
        text="Fortkörning igen.",
        problem="speeding",
    )
    PoliceEvent.objects.create(
        id=990_000_001,
        happened_at=datetime(2017, 5, 2, 21, 0, tzinfo=ZoneInfo("Europe/Stockholm")),
        month=date(2017, 5, 1),
        name="Trafikkontroll, Eslöv",
        event_type="Trafikkontroll",
        location_name="Eslöv",
        municipality=cast.eslov,
        problem="speeding",
        raw="{}",
        fetched_at=NOVEMBER,
    )
    for year, share in ((2016, "31.0"), (2017, "24.5")):
        SurveyResult.objects.create(
            municipality=cast.eslov,
            year=year,
            question="Oroar dig fortkörning i ditt område?",
            problem="speeding",
            share=Decimal(share),
        )
    Motivation.objects.create(commitment=cast.published.commitments.get(), problem="speeding")
    cast.published.activities.update(commitment=cast.published.commitments.get())
    cast.education.audience_size = 400
    cast.education.save()
    log(cast, cast.education, date(2017, 5, 10), pupils_reached=372)
    log(cast, cast.controls, date(2017, 4, 4), count=20, vehicles_checked=300, breath_tests=250)
    log(cast, cast.controls, date(2017, 12, 1), count=3)  # after the evaluation's day
    return cast


def _start(cast: Cast) -> Evaluation:
    with time_machine.travel(NOVEMBER, tick=False):
        return services.evaluation_start(promise=cast.published, by=cast.coordinator)


def test_the_evaluation_reads_the_year_and_the_effect(evidence: Cast) -> None:
    cast = evidence
    evaluation = _start(cast)
    assert evaluation.as_of == date(2017, 11, 20)
    lines = {line.activity_id: line for line in evaluation.activities.all()}
    controls = lines[cast.controls.pk]
    assert (controls.done, controls.target) == (20, 30)
    assert controls.outcomes == {"vehicles_checked": 300, "breath_tests": 250}
    education = lines[cast.education.pk]
    assert (education.done, education.reached, education.reach_percent) == (1, 372, 93)
    effects = {e["source"]: (e["before"], e["after"]) for e in evaluation.commitments.get().effects}
    assert effects == {
        "complaints": (9.0, 4.0),
        # No police event at all in 2016: no data for that period, not zero.
        "police_events": (None, 1.0),
        "safety_surveys": (31.0, 24.5),
    }
    assert evaluation.compared == {
        "before_first": date(2016, 1, 1),
        "before_last": date(2016, 11, 20),
        "after_first": date(2017, 1, 1),
        "after_last": date(2017, 11, 20),
    }


def test_only_a_published_promise_is_evaluated(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="Only a published promise"):
        services.evaluation_start(promise=cast.draft, by=cast.coordinator)
    assert not Evaluation.objects.exists()


def _judge(cast: Cast, evaluation: Evaluation, *, keep_commitment: bool = True) -> None:
    commitment = cast.published.commitments.get()
    services.evaluation_update(
        evaluation=evaluation,
        by=cast.coordinator,
        expected_version=evaluation.version,
        summary="Färre klagomål på fortkörning än året innan.",
        commitment_texts={
            commitment.pk: ("Räddningstjänsten vill fortsätta.", "Kontrollerna", keep_commitment)
        },
        activity_carry_over={cast.walks.pk: False},
    )


def test_publishing_marks_the_promise_evaluated_and_shows_the_result(evidence: Cast) -> None:
    cast = evidence
    evaluation = _start(cast)
    with pytest.raises(ValidationError, match="result in brief"):
        publish_evaluation(cast, evaluation)
    public_url = reverse("portal:evaluation", args=["eslov", 2017])
    assert client_for().get(public_url).status_code == 404, "a draft is not public"
    _judge(cast, evaluation)
    # The December report would count on the promise page but not in the evaluation.
    with (
        time_machine.travel(NOVEMBER, tick=False),
        pytest.raises(ValidationError, match="reports dated after"),
    ):
        publish_evaluation(cast, evaluation)
    later = cast.controls.reports.get(date=date(2017, 12, 1))
    promise_services.activity_report_remove(report=later, by=cast.coordinator)
    evaluation.refresh_from_db()
    with time_machine.travel(NOVEMBER, tick=False):
        publish_evaluation(cast, evaluation)
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.EVALUATED
    assert evaluation.status == EvaluationStatus.PUBLISHED
    promise_page = client_for().get(reverse("portal:promise", args=["eslov", 2017]))
    text = promise_page.content.decode()
    assert "Färre klagomål på fortkörning än året innan." in text and public_url in text
    page = client_for().get(public_url).content.decode()
    assert "Räddningstjänsten vill fortsätta." in page
    # Counts under three are not shown to the public; larger ones are.
    assert "fewer than 3" in page and ">9<" in page.replace(" ", "")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.evaluation_refresh(evaluation=evaluation, by=cast.coordinator)


def test_carry_over_creates_next_years_draft_with_what_was_chosen(cast: Cast) -> None:
    cast.published.activities.exclude(pk=cast.walks.pk).update(
        commitment=cast.published.commitments.get()
    )
    CitizenPromise.objects.filter(pk=cast.draft.pk).delete()  # the 2018 draft
    evaluation = _start(cast)
    _judge(cast, evaluation)
    draft = services.evaluation_carry_over(evaluation=evaluation, by=cast.coordinator)
    assert (draft.year, draft.status) == (2018, PromiseStatus.DRAFT)
    assert [c.text for c in draft.commitments.all()] == ["Säkrare trafik"]
    # The walks were not chosen; the other two go with their commitment.
    assert sorted(a.description for a in draft.activities.all()) == [
        "Trafikkontroller",
        "Utbildningsdag",
    ]
    assert all(a.commitment is not None for a in draft.activities.all())
    with pytest.raises(ValidationError, match="already a promise for 2018"):
        services.evaluation_carry_over(evaluation=evaluation, by=cast.coordinator)


def test_an_activity_goes_with_its_commitment_or_not_at_all(cast: Cast) -> None:
    cast.published.activities.update(commitment=cast.published.commitments.get())
    CitizenPromise.objects.filter(pk=cast.draft.pk).delete()
    evaluation = _start(cast)
    _judge(cast, evaluation, keep_commitment=False)
    with pytest.raises(ValidationError, match="at least one"):
        services.evaluation_carry_over(evaluation=evaluation, by=cast.coordinator)
    assert not CitizenPromise.objects.filter(year=2018).exists()


def test_the_staff_page_saves_choices_and_refuses_other_municipalities(evidence: Cast) -> None:
    cast = evidence
    evaluation = _start(cast)
    commitment = cast.published.commitments.get()
    url = reverse("followup:evaluation", args=[evaluation.pk])
    assert client_for(cast.other_coordinator).get(url).status_code == 404
    assert client_for(cast.reporter).post(url, {"summary": "x"}).status_code == 403
    page = client_for(cast.coordinator).get(url)
    assert "Complaints" in page.content.decode()
    response = client_for(cast.coordinator).post(
        url,
        {
            "version": evaluation.version,
            "summary": "Bra år.",
            f"partners_{commitment.pk}": "Polisen instämmer.",
            f"next_{commitment.pk}": "",
            f"keepa_{cast.controls.pk}": "on",
        },
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.summary == "Bra år."
    line = evaluation.commitments.get()
    assert line.partners_assessment == "Polisen instämmer."
    assert line.carry_over is False, "an unticked box is a choice not to carry it over"
    kept = {a.activity_id: a.carry_over for a in evaluation.activities.all()}
    assert kept == {cast.controls.pk: True, cast.walks.pk: False, cast.education.pk: False}


def test_marking_a_promise_evaluated_by_hand_is_refused(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:promise_status", args=[cast.published.pk]), {"status": "evaluated"}
    )
    assert response.status_code == 302
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED
    page = client_for(cast.coordinator).get(
        reverse("promises:promise_detail", args=[cast.published.pk])
    )
    text = page.content.decode()
    assert 'value="evaluated"' not in text and "Start the evaluation" in text


def test_a_source_without_records_for_a_period_reads_no_data_not_zero(evidence: Cast) -> None:
    """Eslöv had no police event in 2016: the evaluation says "no data for that period" on
    the staff page, the public page, the PDF and the Word file, never 0. A source with
    records of other problems in a period does count a real zero."""
    cast = evidence
    Complaint.objects.create(
        municipality=cast.eslov, received_on=date(2017, 2, 1), text="Inbrott.", problem="burglary"
    )
    Motivation.objects.create(commitment=cast.published.commitments.get(), problem="burglary")
    evaluation = _start(cast)
    effects = {
        (e["problem"], e["source"]): (e["before"], e["after"])
        for e in evaluation.commitments.get().effects
    }
    assert effects[("speeding", "police_events")] == (None, 1.0)
    # Complaints were received in 2016, just none about burglary: a true zero.
    assert effects[("burglary", "complaints")] == (0.0, 1.0)
    _judge(cast, evaluation)
    staff = client_for(cast.coordinator).get(reverse("followup:evaluation", args=[evaluation.pk]))
    assert "no data for that period" in staff.content.decode()
    # The fixture's December report lies after the evaluation's day, which would refuse it.
    later = cast.controls.reports.get(date=date(2017, 12, 1))
    promise_services.activity_report_remove(report=later, by=cast.coordinator)
    with time_machine.travel(NOVEMBER, tick=False):
        publish_evaluation(cast, evaluation)
    page = client_for().get(reverse("portal:evaluation", args=["eslov", 2017])).content.decode()
    assert "no data for that period" in page
    pdf = client_for().get(reverse("portal:evaluation_download", args=["eslov", 2017, "pdf"]))
    assert "no data for that period" in pdf_text(pdf.content)[0].replace("\n", " ")
    word = client_for().get(reverse("portal:evaluation_download", args=["eslov", 2017, "docx"]))
    assert "no data for that period" in docx_text(word.content)[0]


# Evaluations stored before "missing is not zero" held 0 where the source had no records for
# the span; the data migration turns those into None exactly as the selector now reads them,
# and leaves real zeros and every other figure alone.

old_figures = importlib.import_module(
    "followup.migrations.0006_no_data_is_not_zero_in_old_evaluations"
)


def _as_stored_before(effects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The effects as the old code stored them: 0 where there was no data."""
    old = deepcopy(effects)
    for effect in old:
        for key in ("before", "after"):
            if effect[key] is None:
                effect[key] = 0.0
    return old


def test_old_zeros_without_data_become_none_as_the_selector_reads_them(evidence: Cast) -> None:
    cast = evidence
    Complaint.objects.create(
        municipality=cast.eslov, received_on=date(2017, 2, 1), text="Inbrott.", problem="burglary"
    )
    Motivation.objects.create(commitment=cast.published.commitments.get(), problem="burglary")
    line = _start(cast).commitments.get()
    current = line.effects
    assert any(e["before"] is None for e in current), "the fixture has a source without data"
    old = _as_stored_before(current)
    assert old != current
    EvaluationCommitment.objects.filter(pk=line.pk).update(effects=old)

    old_figures.null_missing_figures(apps, connection.schema_editor())

    line.refresh_from_db()
    assert line.effects == current
    by_key = {(e["problem"], e["source"]): (e["before"], e["after"]) for e in line.effects}
    assert by_key[("speeding", "police_events")] == (None, 1.0)
    # Complaints were received in 2016, only none about burglary: a real zero stays.
    assert by_key[("burglary", "complaints")] == (0.0, 1.0)

    # Run again: nothing left to change.
    old_figures.null_missing_figures(apps, connection.schema_editor())
    line.refresh_from_db()
    assert line.effects == current


def test_the_migration_goes_back_without_changing_anything() -> None:
    operation = old_figures.Migration.operations[0]
    assert operation.reversible
    assert operation.reverse_code is operation.noop
