"""Measures the public promise page: time per request and SQL queries, by promise size.

Run with `make bench`. Uses a throw-away test database on whatever DATABASE_URL names.
"""

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

REQUESTS = 100
SIZES = [(5, 10), (25, 40), (100, 100)]  # activities, reports per activity


class _QueryCounter:
    """Counts the SQL statements run while it is installed as an execute wrapper."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        self.count += 1
        return execute(sql, params, many, context)


def _build(activities: int, reports: int, year: int) -> str:
    from accounts.models import User
    from conftest import sign_for_both
    from places.models import Municipality, PoliceArea, PoliceRegion
    from promises import services
    from promises.vocabularies import ActivityKind, PromiseStatus

    # An administrator: it stands in for both parties when approving the publication.
    user = User.objects.get_or_create(username="bench", defaults={"is_superuser": True})[0]
    place = Municipality.objects.get(slug="eslov")
    area = PoliceArea.objects.get_or_create(
        slug="lpo-bench", defaults={"name": "LPO", "region": PoliceRegion.objects.get(slug="syd")}
    )[0]
    promise = services.promise_create(
        by=user,
        municipality=place,
        police_area=area,
        year=year,
        title=f"Bench {year}",
        signed_on=date(year, 1, 2),
    )
    created = [
        services.activity_create(
            promise=promise,
            by=user,
            description=f"A{n}",
            kind=ActivityKind.TRAFFIC_CONTROL,
            target=50,
        )
        for n in range(activities)
    ]
    # Activities are reported once the promise is signed, as in real use.
    # Publishing asks for a signatory of each party, given as the tests give them.
    sign_for_both(promise, by=user)
    services.promise_set_status(promise=promise, by=user, status=PromiseStatus.SIGNED)
    for _party in range(2):
        services.promise_approve(promise=promise, by=user)
    for activity in created:
        for m in range(reports):
            # Many identical reports on purpose: confirmed, as a reporter would.
            services.activity_report_create(
                activity=activity,
                by=user,
                date=date(year, 1 + m % 12, 1 + m % 28),
                confirmed=True,
            )
    return f"/kommun/eslov/{year}/"


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        client = Client()
        print(f"database: {connection.vendor}; {REQUESTS} requests per size")
        print("activities  reports  queries  median_ms  p95_ms  bytes")
        # Years long past, inside the plausible range, that no demo or real promise uses.
        for year, (activities, reports) in enumerate(SIZES, start=2001):
            url = _build(activities, reports, year)
            client.get(url)  # warm caches and templates
            queries = _QueryCounter()
            with connection.execute_wrapper(queries):
                response = client.get(url)
            assert response.status_code == 200, response.status_code
            times = []
            for _ in range(REQUESTS):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(
                f"{activities:10d}  {activities * reports:7d}  {queries.count:7d}  "
                f"{statistics.median(times):9.1f}  {p95:6.1f}  {len(response.content):5d}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
