"""Figures in words agree with their number, and one message reads well for every record."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import Cast, client_for
from core.versioning import ConcurrentEditError
from promises import services
from promises.models import Activity


def test_one_of_one_day_reads_in_the_singular(cast: Cast) -> None:
    Activity.objects.filter(pk=cast.education.pk).update(unit="dag")
    services.activity_report_create(
        activity=cast.education, by=cast.reporter, date=date(2017, 3, 1)
    )
    services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1), count=3
    )
    text = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert "<strong>1</strong> av 1 dag genomförd" in text
    assert "<strong>3</strong> av 30" in text and "genomförda" in text
    form = client_for(cast.reporter, language="sv").get(
        reverse("promises:report_create", args=[cast.education.pk])
    )
    assert "1 av 1 genomförd" in form.content.decode()


def test_a_conflict_reads_the_same_for_every_kind_of_record(cast: Cast) -> None:
    opened = cast.draft.version
    services.promise_update(
        promise=cast.draft, by=cast.coordinator, expected_version=opened, title="Ändrad"
    )
    activity = services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind="other", description="Utkast"
    )
    services.activity_update(
        activity=activity, by=cast.coordinator, expected_version=activity.version, target=31
    )
    with translation.override("sv"):
        for stale in (
            lambda: services.promise_update(
                promise=cast.draft, by=cast.coordinator, expected_version=opened, title="Min"
            ),
            lambda: services.activity_update(
                activity=activity, by=cast.coordinator, expected_version=1, target=32
            ),
        ):
            with pytest.raises(ConcurrentEditError) as caught:
                stale()
            assert caught.value.messages[0].startswith(
                "Någon annan har sparat ändringar här efter att du öppnade sidan."
            )
