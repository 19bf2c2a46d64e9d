"""Many people at the same moment: every report counts, and one promise per year is made."""

from datetime import date

import pytest

from conftest import Cast, at_once, needs_postgres
from promises import services
from promises.models import Activity


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_reports_logged_at_once_are_all_counted(reference_data: None, cast: Cast) -> None:
    activity = cast.controls
    errors = at_once(
        *(
            lambda n=n: services.activity_report_create(
                activity=Activity.objects.get(pk=activity.pk),
                by=cast.reporter,
                date=date(2017, 3, 1 + n),
                count=1 + n % 3,
                place=f"Plats {n}",
            )
            for n in range(20)
        )
    )
    assert errors == []
    activity.refresh_from_db()
    logged = sum(1 + n % 3 for n in range(20))
    assert activity.reports.active().count() == 20
    assert activity.done_count == logged
    assert activity.last_done_on == date(2017, 3, 20)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_eight_identical_new_promises_at_once_make_one_and_seven_messages(
    reference_data: None, cast: Cast
) -> None:
    from django.core.exceptions import ValidationError

    from promises.models import CitizenPromise

    errors = at_once(
        *(
            lambda: services.promise_create(
                by=cast.coordinator,
                municipality=cast.eslov,
                police_area=cast.area,
                year=2027,
                title="Medborgarlöfte 2027",
            )
            for _ in range(8)
        )
    )
    assert CitizenPromise.objects.filter(municipality=cast.eslov, year=2027).count() == 1
    assert [type(e) for e in errors] == [ValidationError] * 7
