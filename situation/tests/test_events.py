import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from places.models import Municipality
from situation.event_types import POLICE_EVENT_TYPES
from situation.models import EventTypeMapping, PoliceEvent
from situation.services import event_type_remap, police_events_fetch
from situation.tasks import police_events_fetch_periodically, police_events_schedule
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db


def feed_record(event_id: int, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event_id,
        "datetime": "2026-03-02 7:05:00 +01:00",
        "name": f"2 mars 07.05, Trafikolycka, personskada, Eslöv ({event_id})",
        "summary": "Två fordon har kolliderat på Storgatan.",
        "url": f"/aktuellt/handelser/2026/mars/2/{event_id}/",
        "type": "Trafikolycka, personskada",
        "location": {"name": "Eslöv", "gps": "55.839,13.303"},
    }
    record.update(changes)
    return record


class Feed:
    """A local HTTP server that serves whatever the test sets as the feed's body."""

    def __init__(self) -> None:
        self.body = b"[]"
        self.status = 200
        self.requests = 0
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server protocol
                feed.requests += 1
                self.send_response(feed.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(feed.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/events"

    def serve(self, records: list[Any]) -> None:
        self.body = json.dumps(records, ensure_ascii=False).encode()


@pytest.fixture
def feed() -> Iterator[Feed]:
    served = Feed()
    thread = threading.Thread(target=served.server.serve_forever, daemon=True)
    thread.start()
    with override_settings(POLICE_EVENTS_URL=served.url):
        yield served
    served.server.shutdown()
    served.server.server_close()


def fetch(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    call_command("events", "fetch", *args)
    return capsys.readouterr().out


def test_fetch_stores_the_feed_and_a_second_run_adds_nothing(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    feed.serve([feed_record(1), feed_record(2), feed_record(3)])
    assert "3 new" in fetch(capsys)
    out = fetch(capsys)
    assert "0 new" in out and "3 already stored" in out
    assert PoliceEvent.objects.count() == 3
    assert feed.requests == 2


def test_fetch_is_incremental_as_the_feed_moves_on(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    feed.serve([feed_record(1), feed_record(2)])
    fetch(capsys)
    feed.serve([feed_record(2), feed_record(3), feed_record(4)])
    assert "2 new" in fetch(capsys)
    assert sorted(PoliceEvent.objects.values_list("id", flat=True)) == [1, 2, 3, 4]


def test_a_stored_event_keeps_its_raw_record_place_and_problem(feed: Feed) -> None:
    feed.serve([feed_record(7)])
    police_events_fetch()
    event = PoliceEvent.objects.get()
    assert json.loads(event.raw) == feed_record(7)
    assert event.municipality == Municipality.objects.get(name="Eslöv")
    assert event.problem == Problem.TRAFFIC_ACCIDENTS
    assert (event.latitude, event.longitude) == (55.839, 13.303)
    assert event.happened_at.isoformat() == "2026-03-02T06:05:00+00:00"


def test_malformed_records_are_counted_and_the_rest_stored(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    feed.serve(
        [
            feed_record(1),
            feed_record(2, datetime="2026-02-30 7:05:00 +01:00"),
            "not a record",
            feed_record(3, location={"name": "Eslöv", "gps": "55.8;13.3"}),
            feed_record(4),
        ]
    )
    call_command("events", "fetch")
    captured = capsys.readouterr()
    assert "2 new" in captured.out and "3 malformed" in captured.out
    assert "record 2: impossible datetime" in captured.err
    assert "record 3: record is not an object" in captured.err
    assert "record 4: unreadable gps" in captured.err
    assert sorted(PoliceEvent.objects.values_list("id", flat=True)) == [1, 4]


@pytest.mark.parametrize(
    ("location", "municipality"),
    [
        ("Eslöv", "Eslöv"),
        ("Eslövs kommun", "Eslöv"),
        ("Göteborg", "Göteborg"),
        ("malung-sälen", "Malung-Sälen"),
        ("Upplands Väsby", "Upplands Väsby"),
        ("Håbo", "Håbo"),
        ("Habo", "Habo"),
    ],
)
def test_location_names_map_to_municipalities(location: str, municipality: str) -> None:
    from situation.services import police_events_store

    police_events_store(records=[feed_record(1, location={"name": location, "gps": ""})])
    assert PoliceEvent.objects.get().municipality.name == municipality  # type: ignore[union-attr]


def test_county_level_events_are_kept_without_a_municipality(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    feed.serve([feed_record(1, location={"name": "Skåne län", "gps": "55.99,13.59"})])
    assert "1 outside any municipality" in fetch(capsys)
    assert PoliceEvent.objects.get().municipality is None


def test_reading_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "events.json"
    path.write_text(json.dumps([feed_record(10), feed_record(11)]), encoding="utf-8")
    assert "2 new" in fetch(capsys, "--file", str(path))


def test_an_unreachable_or_broken_feed_is_a_clear_error(feed: Feed, tmp_path: Path) -> None:
    feed.status = 500
    with pytest.raises(CommandError, match="could not fetch"):
        call_command("events", "fetch")
    feed.status = 200
    feed.body = b"<html>maintenance</html>"
    with pytest.raises(CommandError, match="not JSON"):
        call_command("events", "fetch")
    with pytest.raises(CommandError, match="No such file"):
        call_command("events", "fetch", "--file", str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="http"):
        call_command("events", "fetch", "--url", "file:///etc/passwd")
    assert PoliceEvent.objects.count() == 0


@pytest.mark.parametrize(("event_type", "problem"), sorted(POLICE_EVENT_TYPES.items()))
def test_every_known_event_type_is_mapped_as_the_table_says(
    event_type: str, problem: Problem | None
) -> None:
    from situation.services import police_events_store

    report = police_events_store(records=[feed_record(1, type=event_type)])
    assert PoliceEvent.objects.get().problem == (problem or "")
    assert report.new_event_types == []


def test_an_unknown_event_type_counts_as_other_until_an_administrator_maps_it(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    feed.serve([feed_record(1, type="Elsparkcykel, olovlig"), feed_record(2)])
    assert "new event types to map: Elsparkcykel, olovlig" in fetch(capsys)
    assert PoliceEvent.objects.get(pk=1).problem == Problem.OTHER
    mapping = EventTypeMapping.objects.get(event_type="Elsparkcykel, olovlig")
    assert not mapping.reviewed and mapping.problem == Problem.OTHER

    mapping.problem, mapping.reviewed = Problem.RECKLESS_DRIVING, True
    mapping.save()
    assert event_type_remap(event_type="Elsparkcykel, olovlig") == 1
    assert PoliceEvent.objects.get(pk=1).problem == Problem.RECKLESS_DRIVING
    feed.serve([feed_record(3, type="Elsparkcykel, olovlig")])
    assert "new event types" not in fetch(capsys)
    assert PoliceEvent.objects.get(pk=3).problem == Problem.RECKLESS_DRIVING


def test_a_reviewed_mapping_overrides_the_built_in_table() -> None:
    from situation.services import police_events_store

    EventTypeMapping.objects.create(
        event_type="Bråk", problem=Problem.YOUTH_GATHERINGS, reviewed=True
    )
    police_events_store(records=[feed_record(1, type="Bråk")])
    assert PoliceEvent.objects.get().problem == Problem.YOUTH_GATHERINGS


def test_the_periodic_task_fetches_and_queues_the_next_fetch(feed: Feed) -> None:
    from django_tasks_db.models import DBTaskResult

    feed.serve([feed_record(1)])
    # The immediate backend of the tests cannot run work later: nothing is queued.
    assert police_events_schedule() is False
    police_events_fetch_periodically.enqueue()
    assert PoliceEvent.objects.count() == 1

    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database, POLICE_EVENTS_INTERVAL_MINUTES=15):
        assert police_events_schedule() is True
        assert police_events_schedule() is False  # one waiting fetch is enough
        waiting = DBTaskResult.objects.get()
        delay = (waiting.run_after - waiting.enqueued_at).total_seconds()
        assert 14 * 60 < delay <= 15 * 60


def test_an_administrator_maps_an_unknown_type_in_the_admin_and_stored_events_follow(
    client: Any, admin_user: Any
) -> None:
    from situation.services import police_events_store

    police_events_store(records=[feed_record(1, type="Drönare, störande")])
    mapping = EventTypeMapping.objects.get(event_type="Drönare, störande")
    client.force_login(admin_user)
    response = client.get("/admin/situation/eventtypemapping/?reviewed__exact=0")
    assert "Drönare, störande" in response.content.decode()
    response = client.post(
        f"/admin/situation/eventtypemapping/{mapping.pk}/change/",
        {"event_type": "Drönare, störande", "problem": Problem.PUBLIC_DISORDER},
    )
    assert response.status_code == 302
    assert EventTypeMapping.objects.get(pk=mapping.pk).reviewed
    assert PoliceEvent.objects.get().problem == Problem.PUBLIC_DISORDER


def test_events_stored_meanwhile_by_another_fetch_are_kept_once() -> None:
    from situation.services import events, police_events_store

    police_events_store(records=[feed_record(1)])
    report = events.FetchReport()
    parsed = events._read_all([feed_record(1), feed_record(2)], [None, None], report)
    places, types = events.municipality_lookup(), events.event_type_table()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [events._to_row(e, text, places, types, now, report) for e, text in parsed]
    # As if a second fetch had not seen event 1 yet when it checked what was stored.
    events._insert(rows)
    assert sorted(PoliceEvent.objects.values_list("id", flat=True)) == [1, 2]


def test_records_holding_nul_or_a_lone_surrogate_are_skipped_and_the_rest_stored(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        feed_record(1),
        feed_record(2, summary="Rån\u0000 på Storgatan."),
        feed_record(3, location={"name": "Eslöv", "gps": "", "note": "\ud800"}),
        feed_record(4),
    ]
    # Written with escapes, as the feed would send them: "\u0000" and "\ud800".
    feed.body = json.dumps(records).encode()
    call_command("events", "fetch")
    captured = capsys.readouterr()
    assert "2 new" in captured.out and "2 malformed" in captured.out
    assert "record 2: a NUL character" in captured.err
    assert "record 3: a lone surrogate" in captured.err
    assert sorted(PoliceEvent.objects.values_list("id", flat=True)) == [1, 4]
    assert not PoliceEvent.objects.filter(raw__contains="\\u0000").exists()


def test_a_feed_nested_too_deeply_is_a_clear_error(feed: Feed) -> None:
    feed.body = b"[" * 200_000 + b"]" * 200_000
    with pytest.raises(CommandError, match="nested too deeply"):
        call_command("events", "fetch")
    assert PoliceEvent.objects.count() == 0


def test_an_event_type_too_long_to_map_is_skipped_and_reported(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    feed.serve([feed_record(1, type="Brand, " + "x" * 143), feed_record(2)])
    call_command("events", "fetch")
    captured = capsys.readouterr()
    assert "1 new" in captured.out and "1 malformed" in captured.out
    assert "record 1: 'type' longer than 100 characters" in captured.err
    assert list(PoliceEvent.objects.values_list("id", flat=True)) == [2]
    assert not EventTypeMapping.objects.exists()


def test_the_longest_event_type_read_is_what_the_database_keeps() -> None:
    from lib.policefeed import EVENT_TYPE_MAX_LENGTH

    assert EVENT_TYPE_MAX_LENGTH == PoliceEvent._meta.get_field("event_type").max_length
    assert EVENT_TYPE_MAX_LENGTH == EventTypeMapping._meta.get_field("event_type").max_length


def test_stored_events_whose_type_has_no_mapping_get_one_on_the_next_fetch(
    feed: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    from situation.services import events

    # As a fetch stopped after writing its events and before adding their types.
    report = events.FetchReport()
    parsed = events._read_all([feed_record(1, type="Drönare, störande")], [None], report)
    places, types = events.municipality_lookup(), events.event_type_table()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    events._insert([events._to_row(e, text, places, types, now, report) for e, text in parsed])
    assert not EventTypeMapping.objects.exists()

    feed.serve([feed_record(1, type="Drönare, störande"), feed_record(2)])
    out = fetch(capsys)
    assert "0 new" not in out and "1 new" in out and "1 already stored" in out
    assert "new event types to map: Drönare, störande" in out
    mapping = EventTypeMapping.objects.get()
    assert mapping.event_type == "Drönare, störande"
    assert not mapping.reviewed and mapping.problem == Problem.OTHER
    assert "new event types" not in fetch(capsys)


def test_the_types_of_a_batch_are_added_with_its_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from situation.services import events, police_events_store

    monkeypatch.setattr(events, "BATCH_SIZE", 1)
    calls = {"n": 0}
    real_insert = events._insert

    def insert_then_stop(rows: list[Any]) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # stopped while writing the second batch
        real_insert(rows)

    monkeypatch.setattr(events, "_insert", insert_then_stop)
    with pytest.raises(KeyboardInterrupt):
        police_events_store(records=[feed_record(1, type="Drönare"), feed_record(2, type="Kö")])
    assert list(PoliceEvent.objects.values_list("event_type", flat=True)) == ["Drönare"]
    assert list(EventTypeMapping.objects.values_list("event_type", flat=True)) == ["Drönare"]
