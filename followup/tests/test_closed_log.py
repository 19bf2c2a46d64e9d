"""Once a promise is evaluated its activity log is closed, so the promise page and the
evaluation say the same; a correction reopens the evaluation through a visible, recorded
step, and the public is told that the evaluation is being revised."""

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from conftest import Cast, client_for
from followup import services
from followup.models import Evaluation
from followup.vocabularies import EvaluationStatus
from promises import services as promise_services
from promises.models import ActivityReport
from promises.vocabularies import PromiseStatus

from .conftest import log, publish_evaluation

YEAR_END = datetime(2017, 12, 31, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
CLOSED = "activity log is closed"


def _publish(cast: Cast, evaluation: Evaluation) -> None:
    evaluation.refresh_from_db()
    services.evaluation_update(
        evaluation=evaluation,
        by=cast.coordinator,
        expected_version=evaluation.version,
        summary="Båda vandringarna genomfördes.",
        commitment_texts={},
        activity_carry_over={},
    )
    with time_machine.travel(YEAR_END, tick=False):
        publish_evaluation(cast, evaluation)


@pytest.fixture
def evaluated(cast: Cast) -> Evaluation:
    """Eslöv 2017 with its 2 walks done, evaluated and published at the year's end."""
    log(cast, cast.walks, date(2017, 4, 1), place="Centrum")
    log(cast, cast.walks, date(2017, 9, 1), place="Stationen")
    with time_machine.travel(YEAR_END, tick=False):
        evaluation = services.evaluation_start(promise=cast.published, by=cast.coordinator)
    _publish(cast, evaluation)
    evaluation.refresh_from_db()
    return evaluation


def _walks_page(cast: Cast) -> str:
    return client_for().get(reverse("portal:promise", args=["eslov", 2017])).content.decode()


def test_an_evaluated_promises_log_takes_no_new_changed_or_removed_reports(
    cast: Cast, evaluated: Evaluation
) -> None:
    report = cast.walks.reports.first()
    assert report is not None
    attempts: list[Callable[[], object]] = [
        lambda: log(cast, cast.walks, date(2017, 10, 1)),
        lambda: promise_services.activity_report_update(
            report=report, by=cast.coordinator, expected_version=report.version, count=2
        ),
        lambda: promise_services.activity_report_remove(report=report, by=cast.coordinator),
        lambda: promise_services.activity_report_restore(report=report, by=cast.coordinator),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match=CLOSED):
            attempt()
    report.refresh_from_db()
    assert report.count == 1 and report.removed_at is None
    assert ActivityReport.objects.filter(activity=cast.walks).count() == 2


def test_the_staff_pages_say_why_and_offer_no_form(cast: Cast, evaluated: Evaluation) -> None:
    client = client_for(cast.coordinator)
    create_url = reverse("promises:report_create", args=[cast.walks.pk])
    page = client.get(create_url).content.decode()
    assert CLOSED in page and 'class="report-form"' not in page
    client.post(create_url, {"date": "2017-10-01", "count": 1})
    assert ActivityReport.objects.filter(activity=cast.walks).count() == 2
    detail = client.get(reverse("promises:promise_detail", args=[cast.published.pk]))
    assert CLOSED in detail.content.decode() and create_url not in detail.content.decode()
    chooser = client.get(reverse("promises:report_choose")).content.decode()
    assert create_url not in chooser
    report = cast.walks.reports.first()
    assert report is not None
    edit = client.get(reverse("promises:report_edit", args=[report.pk])).content.decode()
    assert CLOSED in edit and 'class="report-form"' not in edit
    removal = client.get(reverse("promises:report_remove", args=[report.pk]), follow=True)
    assert CLOSED in removal.content.decode()


def test_the_public_page_cannot_count_more_than_the_evaluation(
    cast: Cast, evaluated: Evaluation
) -> None:
    client_for(cast.reporter).post(
        reverse("promises:report_create", args=[cast.walks.pk]),
        {"date": "2017-10-01", "count": 1, "place": "Parken"},
    )
    line = evaluated.activities.get(activity=cast.walks)
    cast.walks.refresh_from_db()
    assert line.done == cast.walks.done_count == 2
    page = _walks_page(cast)
    assert "<strong>2</strong> of 2" in page and "<strong>3</strong> of 2" not in page


def test_reports_the_evaluation_cannot_count_keep_it_from_being_published(cast: Cast) -> None:
    log(cast, cast.walks, date(2017, 12, 20))
    november = datetime(2017, 11, 20, 10, tzinfo=ZoneInfo("Europe/Stockholm"))
    with time_machine.travel(november, tick=False):
        evaluation = services.evaluation_start(promise=cast.published, by=cast.coordinator)
        services.evaluation_update(
            evaluation=evaluation,
            by=cast.coordinator,
            expected_version=evaluation.version,
            summary="Klart.",
            commitment_texts={},
            activity_carry_over={},
        )
        with pytest.raises(ValidationError, match="dated after 20 November 2017|Nov. 20, 2017"):
            publish_evaluation(cast, evaluation)
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED


def test_a_correction_reopens_the_evaluation_visibly_and_on_record(
    cast: Cast, evaluated: Evaluation
) -> None:
    client = client_for(cast.coordinator)
    staff_page = reverse("followup:evaluation", args=[evaluated.pk])
    reopen_url = reverse("followup:evaluation_reopen", args=[evaluated.pk])
    assert reopen_url in client.get(staff_page).content.decode()
    assert reopen_url not in client_for(cast.reporter).get(staff_page).content.decode()
    refused = client.post(reopen_url, {"reason": "  "}, follow=True)
    assert "Say what has to be corrected" in refused.content.decode()
    evaluated.refresh_from_db()
    assert evaluated.status == EvaluationStatus.PUBLISHED

    client.post(reopen_url, {"reason": "En vandring saknades i loggen."})
    evaluated.refresh_from_db()
    cast.published.refresh_from_db()
    assert evaluated.status == EvaluationStatus.DRAFT
    assert evaluated.reopened_by == cast.coordinator
    assert cast.published.status == PromiseStatus.PUBLISHED
    event = AuditEvent.objects.filter(model="followup.Evaluation").order_by("pk").last()
    assert event is not None and event.actor == cast.coordinator
    assert event.changes["reopen_reason"] == ["", "En vandring saknades i loggen."]
    assert "En vandring saknades i loggen." in client.get(staff_page).content.decode()

    public_evaluation = client_for().get(reverse("portal:evaluation", args=["eslov", 2017]))
    assert public_evaluation.status_code == 200
    assert "being revised" in public_evaluation.content.decode()
    assert "Båda vandringarna genomfördes." not in public_evaluation.content.decode()
    promise_page = _walks_page(cast)
    assert "being revised" in promise_page and "Båda vandringarna" not in promise_page
    pdf = client_for().get(reverse("portal:evaluation_download", args=["eslov", 2017, "pdf"]))
    assert pdf.status_code == 404, "no document of an evaluation being revised"

    log(cast, cast.walks, date(2017, 10, 1), place="Parken")
    _publish(cast, evaluated)
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.EVALUATED
    assert evaluated.activities.get(activity=cast.walks).done == 3
    assert "<strong>3</strong> of 2" in _walks_page(cast)
    revised = client_for().get(reverse("portal:evaluation", args=["eslov", 2017]))
    assert "revised after it was reopened" in revised.content.decode()
    with pytest.raises(ValidationError, match=CLOSED):
        log(cast, cast.walks, date(2017, 11, 1))


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("other_coordinator", 404),
        ("partner", 403),
        ("reporter", 403),
        ("viewer", 403),
        ("anonymous", 302),
    ],
)
def test_only_the_promises_coordinators_may_reopen(
    cast: Cast, evaluated: Evaluation, actor: str, status: int
) -> None:
    client = client_for(None if actor == "anonymous" else getattr(cast, actor))
    response = client.post(
        reverse("followup:evaluation_reopen", args=[evaluated.pk]), {"reason": "Fel."}
    )
    assert response.status_code == status
    evaluated.refresh_from_db()
    assert evaluated.status == EvaluationStatus.PUBLISHED and evaluated.reopened_at is None
