"""Measures printed documents: the promise as PDF and as Word, rendered without the cache,
by promise size; the goal is under 2 seconds for a promise PDF.

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
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402

RUNS = 5
SIZES = [5, 25, 100]  # activities; Eslöv's promises have 3


def _promise(activities: int, year: int) -> int:
    from accounts.models import User
    from conftest import sign_for_both
    from places.models import Municipality, PoliceArea, PoliceRegion
    from promises import services
    from promises.vocabularies import ActivityKind, PromiseStatus

    # An administrator: it stands in for both parties when approving the publication.
    user = User.objects.get_or_create(username="bench", defaults={"is_superuser": True})[0]
    area = PoliceArea.objects.get_or_create(
        slug="lpo-bench", defaults={"name": "LPO", "region": PoliceRegion.objects.get(slug="syd")}
    )[0]
    promise = services.promise_create(
        by=user,
        municipality=Municipality.objects.get(slug="eslov"),
        police_area=area,
        year=year,
        title=f"Medborgarlöfte {year}",
        introduction="Ett löfte för benchmarken. " * 20,
        signed_on=date(year, 1, 2),
    )
    for n in range(3):
        services.commitment_create(promise=promise, by=user, text=f"Löfte nummer {n + 1}. " * 5)
    created = [
        services.activity_create(
            promise=promise,
            by=user,
            description=f"Aktivitet {n} med en beskrivning av rimlig längd för ett löfte.",
            kind=ActivityKind.TRAFFIC_CONTROL,
            target=50,
        )
        for n in range(activities)
    ]
    # Publishing asks for a signatory of each party, given as the tests give them.
    sign_for_both(promise, by=user)
    services.promise_set_status(promise=promise, by=user, status=PromiseStatus.SIGNED)
    for _party in range(2):
        services.promise_approve(promise=promise, by=user)
    for activity in created:
        for m in range(10):
            services.activity_report_create(
                activity=activity, by=user, date=date(year, 1 + m, 1), vehicles_checked=20
            )
    return promise.pk


def _time(render: object, doc: object) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        size = len(render(doc))  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), size


def main() -> None:
    from documents.rendering import pdf_of
    from documents.word import docx_of
    from promises.printing import promise_document
    from promises.selectors import public_promise

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        print(f"database: {connection.vendor}; {RUNS} renderings each, no cache")
        print("activities  build_ms  pdf_median_ms  pdf_worst_ms  pdf_kB  docx_median_ms  docx_kB")
        # Years long past, inside the plausible range, that no demo or real promise uses.
        for year, activities in enumerate(SIZES, start=2001):
            _promise(activities, year)
            with translation.override("sv"):
                start = time.perf_counter()
                promise = public_promise("eslov", year)
                assert promise is not None
                doc = promise_document(promise, date(year, 11, 1))
                build = (time.perf_counter() - start) * 1000
                pdf_median, pdf_worst, pdf_size = _time(pdf_of, doc)
                docx_median, _worst, docx_size = _time(docx_of, doc)
            print(
                f"{activities:10d}  {build:8.1f}  {pdf_median:13.0f}  {pdf_worst:12.0f}  "
                f"{pdf_size // 1024:6d}  {docx_median:14.0f}  {docx_size // 1024:7d}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
