"""A published follow-up keeps the figures it was approved with, and late reports for its
period are still welcome (an officer may log a March walk in April). Where such reports
change a figure, the follow-up says so per activity, with the figure today, on the staff
page, the public page, the PDF and the Word file."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for
from documents.tests.helpers import docx_text, pdf_text
from followup import services
from followup.models import FollowUp
from followup.vocabularies import FollowUpStatus

from .conftest import log

pytestmark = pytest.mark.django_db

MARCH = datetime(2017, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
APRIL = datetime(2017, 4, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
NOTE = "After publication 2 reports for the period were added; today {done} of {target}."


@pytest.fixture
def published(cast: Cast) -> FollowUp:
    """The first quarter followed up with its 4 controls, approved and published in April."""
    with time_machine.travel(MARCH, tick=False):
        log(cast, cast.controls, date(2017, 3, 1), count=4)
    with time_machine.travel(APRIL, tick=False):
        follow_up = services.follow_up_draft(promise=cast.published, number=1, by=None)
        services.follow_up_update(
            follow_up=follow_up,
            by=cast.coordinator,
            expected_version=follow_up.version,
            assessment="Bra start.",
            activity_comments={},
            commitment_judgements={},
        )
        services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    assert follow_up.status == FollowUpStatus.PUBLISHED
    return follow_up


def test_late_reports_are_logged_and_the_follow_up_says_what_they_changed(
    cast: Cast, published: FollowUp
) -> None:
    public = reverse("portal:follow_up", args=["eslov", 2017, 1])
    staff = reverse("followup:detail", args=[published.pk])
    assert "After publication" not in client_for().get(public).content.decode()
    assert "After publication" not in client_for(cast.coordinator).get(staff).content.decode()

    # An officer logs two March controls in April: accepted, and the frozen figures stay.
    log(cast, cast.controls, date(2017, 3, 20), count=3)
    log(cast, cast.controls, date(2017, 3, 28), count=1)
    line = published.activities.get(activity=cast.controls)
    assert (line.done_in_period, line.done_to_date) == (4, 4)

    note = NOTE.format(done=8, target=cast.controls.target)
    for page in (client_for().get(public), client_for(cast.coordinator).get(staff)):
        text = page.content.decode()
        assert note in text
        assert text.count("After publication") == 1, "only the activity the reports changed"
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        url = reverse("portal:follow_up_download", args=["eslov", 2017, 1, fmt])
        document = read(client_for().get(url).content)[0]
        assert note in " ".join(document.split())


def test_a_report_dated_after_the_period_changes_nothing_said(
    cast: Cast, published: FollowUp
) -> None:
    log(cast, cast.controls, date(2017, 4, 20), count=3)
    text = client_for().get(reverse("portal:follow_up", args=["eslov", 2017, 1])).content
    assert b"After publication" not in text
