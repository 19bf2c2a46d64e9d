"""Measures the situation picture on a synthetic national dataset, and the event import.

Run with `make bench` (SQLite, then PostgreSQL when it answers). Uses a throw-away test
database on whatever DATABASE_URL names. Prints: the time to load the dataset, the import
rate of police events from a feed file, and the time to compute one municipality's picture
for a year (median, 95th percentile and worst over a sample of municipalities, the largest
included). Sizes can be lowered for a quick look: SYNTH_EVENTS, SYNTH_COMPLAINTS.
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

EVENTS = int(os.environ.get("SYNTH_EVENTS", 1_000_000))
COMPLAINTS = int(os.environ.get("SYNTH_COMPLAINTS", 100_000))
IMPORT_EVENTS = 100_000
SAMPLE = 30
ROUNDS = 5


class _QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        self.count += 1
        return execute(sql, params, many, context)


def _load(plan: "object") -> float:
    from situation.synth import synth_load

    started = time.perf_counter()
    synth_load(plan)  # type: ignore[arg-type]
    return time.perf_counter() - started


def _import_rate(plan: "object") -> tuple[int, float]:
    from places.models import Municipality
    from situation.services import police_events_fetch
    from situation.synth import SynthPlan, feed_records

    places = list(Municipality.objects.order_by("code"))
    fresh = SynthPlan(seed=99, events=IMPORT_EVENTS, first_id=3_000_000_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.json"
        path.write_text(json.dumps(list(feed_records(fresh, places)), ensure_ascii=False))
        started = time.perf_counter()
        report = police_events_fetch(path=path)
        elapsed = time.perf_counter() - started
    return report.new, elapsed


def _pictures(year: int) -> list[tuple[str, int, float, int]]:
    from places.models import Municipality
    from situation.models import PoliceEvent
    from situation.selectors import year_picture

    largest = (
        PoliceEvent.objects.values("municipality_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("municipality_id", flat=True)[:1]
    )
    rng = random.Random(7)
    ids = set(rng.sample(list(Municipality.objects.values_list("pk", flat=True)), SAMPLE))
    ids.update(largest)
    results = []
    for place in Municipality.objects.filter(pk__in=ids):
        events = PoliceEvent.objects.filter(municipality=place, happened_at__year=year).count()
        timings = []
        counter = _QueryCounter()
        for _ in range(ROUNDS):
            with connection.execute_wrapper(counter):
                started = time.perf_counter()
                year_picture(place, year)
                timings.append(time.perf_counter() - started)
        results.append((place.name, events, statistics.median(timings), counter.count // ROUNDS))
    return results


def main() -> None:
    from situation.synth import SynthPlan

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        plan = SynthPlan(events=EVENTS, complaints=COMPLAINTS)
        print(f"database: {connection.vendor}")
        loaded = _load(plan)
        print(
            f"synthetic data: {EVENTS:,} police events, {COMPLAINTS:,} complaints, "
            f"290 municipalities, {plan.years} years; loaded in {loaded:.0f} s"
        )
        new, elapsed = _import_rate(plan)
        print(
            f"event import from a feed file: {new:,} events in {elapsed:.1f} s = "
            f"{new / elapsed:,.0f} events/s"
        )
        results = _pictures(plan.last_year)
        times = sorted(t * 1000 for _name, _events, t, _queries in results)
        name, events, worst, queries = max(results, key=lambda r: r[2])
        biggest = max(results, key=lambda r: r[1])
        print(
            f"picture of one municipality and year ({len(results)} municipalities, median of "
            f"{ROUNDS} runs each): median {statistics.median(times):.0f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms, worst {worst * 1000:.0f} ms "
            f"({name}, {events} events that year), {queries} queries"
        )
        print(
            f"largest in the sample: {biggest[0]} with {biggest[1]:,} events that year: "
            f"{biggest[2] * 1000:.0f} ms"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
