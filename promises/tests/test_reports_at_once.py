"""Reports logged at the same moment by many officers all count in the activity's progress."""

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
