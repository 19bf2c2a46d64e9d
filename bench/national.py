"""Measures the national overview and the API's list of a year's promises with the synthetic
national set: 290 municipalities × 10 years. The goal is under 200 ms server time each on
PostgreSQL.

Run with `make bench`. Uses a throw-away test database on whatever DATABASE_URL names; the
time is measured around the request inside the process (server time, no network).
BENCH_NO_GC=1 turns Python's garbage collector off while timing, to see how much of the
spread its collections cause.
"""

import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

REQUESTS = 30
LAST_YEAR = 2025


class _QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        self.count += 1
        return execute(sql, params, many, context)


def _measure(client: Client, url: str) -> tuple[int, float, float, float, int]:
    response = client.get(url)  # warm caches and templates
    assert response.status_code == 200, (url, response.status_code)
    queries = _QueryCounter()
    with connection.execute_wrapper(queries):
        response = client.get(url)
    times = []
    if os.environ.get("BENCH_NO_GC"):
        gc.collect()
        gc.disable()
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    gc.enable()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return queries.count, statistics.median(times), p95, times[-1], len(response.content)


def main() -> None:
    from promises.synth import PromisePlan, synth_promises

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        start = time.perf_counter()
        made = synth_promises(PromisePlan(years=10, last_year=LAST_YEAR))
        print(
            f"database: {connection.vendor}; {made} synthetic promises (290 × 10 years) "
            f"made in {time.perf_counter() - start:.1f} s; {REQUESTS} requests each"
        )
        client = Client(HTTP_HOST="testserver")
        pages = [
            ("national overview, latest promises", "/sverige/"),
            ("national overview, one year", f"/sverige/?ar={LAST_YEAR}"),
            (
                "overview, year + county + kind",
                f"/sverige/?ar={LAST_YEAR}&lan=12&aktivitet=traffic_control",
            ),
            (
                "comparison of four",
                "/sverige/jamfor/?kommun=eslov&kommun=lund&kommun=malmo&kommun=ystad",
            ),
            ("API promises of a year, 200 a page", f"/api/v1/promises?year={LAST_YEAR}&limit=200"),
            (
                "API promises, second page",
                f"/api/v1/promises?year={LAST_YEAR}&limit=200&cursor=200",
            ),
            ("CSV of a year's activities", f"/oppna-data/aktiviteter.csv?ar={LAST_YEAR}"),
        ]
        print(f"{'page':38s} queries  median_ms  p95_ms  worst_ms   kB")
        for label, url in pages:
            queries, median, p95, worst, size = _measure(client, url)
            figures = f"{median:9.1f}  {p95:6.1f}  {worst:8.1f}"
            print(f"{label:38s} {queries:7d}  {figures}  {size // 1024:4d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
