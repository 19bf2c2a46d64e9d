"""Storing the police's open events feed: fetched regularly, each event kept once, by its id."""

import gc
import json
import urllib.request
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import repeat
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Field
from django.utils import timezone

from core import pagecache
from lib.policefeed import FeedError, FeedEvent, parse_record, read_feed
from lib.sorting import swedish_key
from places.models import Municipality
from situation.event_types import POLICE_EVENT_TYPES
from situation.models import EventTypeMapping, PoliceEvent
from situation.vocabularies import Problem

# Events written per transaction: large batches keep the per-batch round trips rare.
BATCH_SIZE = 10_000
LOCAL = ZoneInfo(settings.TIME_ZONE)
# The feed is a few hundred events; refuse anything absurdly large from the network.
MAX_FEED_BYTES = 50 * 1024 * 1024


@dataclass
class FetchReport:
    """What one fetch did: new and already known events, and what it could not read."""

    received: int = 0
    new: int = 0
    known: int = 0
    malformed: list[tuple[int, str]] = field(default_factory=list)
    unplaced: Counter[str] = field(default_factory=Counter)
    new_event_types: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.received} received, {self.new} new, {self.known} already stored, "
            f"{len(self.malformed)} malformed"
        )
        if self.unplaced:
            text += f", {sum(self.unplaced.values())} outside any municipality"
        if self.new_event_types:
            text += f"; new event types to map: {', '.join(self.new_event_types)}"
        return text


def _place_key(name: str) -> str:
    name = name.casefold().strip()
    for suffix in (" kommun", " stad"):
        name = name.removesuffix(suffix)
    return name


def municipality_lookup() -> dict[str, int]:
    """Municipality ids by the names the feed uses for them ("Eslöv", "Eslövs kommun")."""
    lookup: dict[str, int] = {}
    for pk, name in Municipality.objects.values_list("pk", "name"):
        lookup[name] = pk
        lookup[_place_key(name)] = pk
        lookup[_place_key(name + "s")] = pk
    return lookup


def event_type_table() -> dict[str, str | None]:
    """The built-in mapping of event types, overridden by administrators' mappings."""
    table: dict[str, str | None] = {
        k: (v.value if v else None) for k, v in POLICE_EVENT_TYPES.items()
    }
    for event_type, problem, reviewed in EventTypeMapping.objects.values_list(
        "event_type", "problem", "reviewed"
    ):
        if reviewed or event_type not in table:
            table[event_type] = problem or None
    return table


def _read_all(
    records: Iterable[Any], texts: Iterable[str | None], report: FetchReport
) -> list[tuple[FeedEvent, str | None]]:
    events: dict[int, tuple[FeedEvent, str | None]] = {}
    for position, (record, text) in enumerate(zip(records, texts, strict=False), start=1):
        report.received += 1
        try:
            event = parse_record(record)
        except FeedError as error:
            report.malformed.append((position, str(error)))
            continue
        events[event.id] = (event, text)
    return list(events.values())


# The columns written per event, in this order. The import writes them with one prepared
# INSERT per batch rather than through bulk_create: building the ORM's SQL row by row took
# most of the time (9,000 events/s against 20,000 wanted; see bench/situation_picture.py).
_COLUMNS = (
    "id",
    "happened_at",
    "month",
    "name",
    "summary",
    "url",
    "event_type",
    "location_name",
    "municipality",
    "latitude",
    "longitude",
    "problem",
    "raw",
    "fetched_at",
)


def _column(name: str) -> str:
    field = PoliceEvent._meta.get_field(name)
    assert isinstance(field, Field) and field.column
    return field.column


def _db_moment(moment: datetime) -> Any:
    """A moment as the database column takes it. SQLite keeps UTC as text; this is what
    Django's own adapter writes, at a fifth of its cost, which counts at 20,000 a second."""
    if connection.vendor == "sqlite":
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    return moment


def _db_month(moment: datetime) -> Any:
    """The first day of the moment's month in Swedish time, as the date column takes it."""
    first = moment.astimezone(LOCAL).date().replace(day=1)
    return first.isoformat() if connection.vendor == "sqlite" else first


def _to_row(
    event: FeedEvent,
    text: str | None,
    places: dict[str, int],
    types: dict[str, str | None],
    fetched_at: Any,
    report: FetchReport,
) -> tuple[Any, ...]:
    municipality_id = places.get(event.location_name)
    if municipality_id is None:
        municipality_id = places.get(_place_key(event.location_name))
    if municipality_id is None:
        report.unplaced[event.location_name] += 1
    if event.event_type not in types:
        types[event.event_type] = Problem.OTHER
        report.new_event_types.append(event.event_type)
    return (
        event.id,
        _db_moment(event.happened_at),
        _db_month(event.happened_at),
        event.name[:300],
        event.summary,
        event.url[:500],
        event.event_type[:100],
        event.location_name[:100],
        municipality_id,
        event.latitude,
        event.longitude,
        str(types[event.event_type] or ""),
        text if text is not None else json.dumps(event.raw, ensure_ascii=False),
        fetched_at,
    )


def _index_order(row: tuple[Any, ...]) -> tuple[int, str, str]:
    return (row[8] or 0, str(row[2]), row[11])


def _insert(rows: list[tuple[Any, ...]]) -> None:
    """Write a batch of new events in as few round trips as the database allows."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_column(name)) for name in _COLUMNS)
    table = quote(PoliceEvent._meta.db_table)
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                _copy(rows, table, columns)
        except IntegrityError:
            # Another fetch stored some of these events meanwhile: load them beside the
            # table, then add only those still missing.
            _copy(rows, "police_event_load", columns, staging_for=table)
        return
    values = ", ".join(["%s"] * len(_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT (id) DO NOTHING", rows
        )


_COPY_TYPES = [
    "int8",
    "timestamptz",
    "date",
    "varchar",
    "text",
    "varchar",
    "varchar",
    "varchar",
    "int8",
    "float8",
    "float8",
    "varchar",
    "text",
    "timestamptz",
]


def _copy(
    rows: list[tuple[Any, ...]], target: str, columns: str, staging_for: str | None = None
) -> None:
    """PostgreSQL's COPY, its fast path for many rows (it cannot skip conflicting rows)."""
    with connection.cursor() as cursor:
        if staging_for is not None:
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {target} (LIKE {staging_for})")
            cursor.execute(f"TRUNCATE {target}")
        # The driver's own cursor does COPY; its errors are turned into Django's here.
        with (
            connection.wrap_database_errors,
            cursor.cursor.copy(f"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)") as copy,
        ):
            # Binary rows: the driver's C code packs them and the server reads them as is.
            copy.set_types(_COPY_TYPES)
            for row in rows:
                copy.write_row(row)
        if staging_for is not None:
            cursor.execute(
                f"INSERT INTO {staging_for} ({columns}) SELECT {columns} FROM {target} "
                "ON CONFLICT (id) DO NOTHING"
            )


def _known_ids(ids: list[int]) -> set[int]:
    """Which of these events are stored already."""
    if connection.vendor == "postgresql":
        # One array parameter instead of a thousand: the driver builds the query much faster.
        table = connection.ops.quote_name(PoliceEvent._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {table} WHERE id = ANY(%s)", [ids])
            return {row[0] for row in cursor.fetchall()}
    # SQLite: the ids as one JSON parameter, unpacked by the database.
    table = connection.ops.quote_name(PoliceEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(%s))",
            [json.dumps(ids)],
        )
        return {row[0] for row in cursor.fetchall()}


def police_events_store(
    *, records: Iterable[Any], texts: Iterable[str] | None = None
) -> FetchReport:
    """Store the events not stored before; malformed records are counted and skipped.

    `texts`, when given, are the records' own JSON texts, kept as the raw record.
    """
    report = FetchReport()
    mapped = 0
    with _cycle_collector_paused():
        events = _read_all(records, texts if texts is not None else repeat(None), report)
    places, types = municipality_lookup(), event_type_table()
    fetched_at = connection.ops.adapt_datetimefield_value(timezone.now())
    for start in range(0, len(events), BATCH_SIZE):
        batch = events[start : start + BATCH_SIZE]
        known = _known_ids([e.id for e, _text in batch])
        rows = [
            _to_row(e, text, places, types, fetched_at, report)
            for e, text in batch
            if e.id not in known
        ]
        # In the order of the (municipality, month, problem) index: the database then adds
        # each batch to the index in runs instead of at random places.
        rows.sort(key=_index_order)
        # The types met first in this batch are added for review in the batch's own
        # transaction: a fetch stopped half-way leaves no stored event of an unasked type.
        new_types = report.new_event_types[mapped:]
        mapped = len(report.new_event_types)
        with transaction.atomic():
            _insert(rows)
            _mappings_add(new_types)
            if rows:  # events of any municipality: every picture may change
                pagecache.changed()
        report.known += len(known)
        report.new += len(rows)
    report.new_event_types.sort(key=swedish_key)
    return report


def _mappings_add(event_types: list[str]) -> None:
    """Add types to be reviewed by an administrator, counted as *other* until then."""
    EventTypeMapping.objects.bulk_create(
        [EventTypeMapping(event_type=t, problem=Problem.OTHER) for t in event_types],
        ignore_conflicts=True,
    )


def event_types_unmapped_add() -> list[str]:
    """Add a mapping to be reviewed for every stored event type that has none, in Swedish
    order, and return them. Taken from the stored events, not from one fetch: a fetch that
    was stopped before it added its types (as older versions could be) leaves them unasked."""
    unmapped = sorted(
        (
            PoliceEvent.objects.exclude(event_type__in=list(POLICE_EVENT_TYPES))
            .exclude(event_type__in=EventTypeMapping.objects.values("event_type"))
            .values_list("event_type", flat=True)
            .distinct()
            .order_by()
        ),
        key=swedish_key,
    )
    _mappings_add(unmapped)
    return unmapped


def police_events_fetch(*, url: str | None = None, path: Path | None = None) -> FetchReport:
    """Read the feed from a file or from its URL (by default the configured one) and store it."""
    if path is not None:
        data = path.read_bytes()
    else:
        data = _download(url or settings.POLICE_EVENTS_URL)
    with _cycle_collector_paused():
        pairs = read_feed(data)
        report = police_events_store(
            records=[record for record, _text in pairs], texts=[text for _record, text in pairs]
        )
    # The types left unmapped by an earlier, stopped fetch are asked about now as well.
    earlier = set(event_types_unmapped_add()) - set(report.new_event_types)
    report.new_event_types = sorted([*report.new_event_types, *earlier], key=swedish_key)
    return report


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Reading a feed makes hundreds of thousands of small objects without reference cycles;
    Python's cycle collector would walk them again and again. Measured: pausing it takes a
    quarter off the import's time. Everything is still freed as usual by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _download(url: str) -> bytes:
    if not url.startswith(("https://", "http://")):
        raise FeedError(f"the feed address must be http(s): {url!r}")
    request = urllib.request.Request(
        url, headers={"User-Agent": "Loften (medborgarlöften)", "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - the scheme is checked above
            request, timeout=settings.POLICE_EVENTS_TIMEOUT_SECONDS
        ) as response:
            data: bytes = response.read(MAX_FEED_BYTES + 1)
    except OSError as error:
        raise FeedError(f"could not fetch {url}: {error}") from None
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"the feed at {url} is larger than {MAX_FEED_BYTES} bytes")
    return data


def event_type_remap(*, event_type: str) -> int:
    """Give stored events of a type the problem its mapping now names; returns how many."""
    problem = event_type_table().get(event_type)
    pagecache.changed()
    return PoliceEvent.objects.filter(event_type=event_type).update(problem=problem or "")
