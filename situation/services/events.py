"""Storing the police's open events feed: fetched regularly, each event kept once, by its id."""

import urllib.request
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lib.policefeed import FeedError, FeedEvent, load_feed, parse_record
from lib.sorting import swedish_key
from places.models import Municipality
from situation.event_types import POLICE_EVENT_TYPES
from situation.models import EventTypeMapping, PoliceEvent
from situation.vocabularies import Problem

BATCH_SIZE = 2000
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


def _read_all(records: Iterable[Any], report: FetchReport) -> list[FeedEvent]:
    events: dict[int, FeedEvent] = {}
    for position, record in enumerate(records, start=1):
        report.received += 1
        try:
            event = parse_record(record)
        except FeedError as error:
            report.malformed.append((position, str(error)))
            continue
        events[event.id] = event
    return list(events.values())


def _to_row(
    event: FeedEvent,
    places: dict[str, int],
    types: dict[str, str | None],
    now: datetime,
    report: FetchReport,
) -> PoliceEvent:
    municipality_id = places.get(_place_key(event.location_name))
    if municipality_id is None:
        report.unplaced[event.location_name] += 1
    if event.event_type not in types:
        types[event.event_type] = Problem.OTHER
        report.new_event_types.append(event.event_type)
    return PoliceEvent(
        id=event.id,
        happened_at=event.happened_at,
        name=event.name[:300],
        summary=event.summary,
        url=event.url[:500],
        event_type=event.event_type[:100],
        location_name=event.location_name[:100],
        municipality_id=municipality_id,
        latitude=event.latitude,
        longitude=event.longitude,
        problem=types[event.event_type] or "",
        raw=event.raw,
        fetched_at=now,
    )


def police_events_store(*, records: Iterable[Any]) -> FetchReport:
    """Store the events not stored before; malformed records are counted and skipped."""
    report = FetchReport()
    events = _read_all(records, report)
    places, types, now = municipality_lookup(), event_type_table(), timezone.now()
    for start in range(0, len(events), BATCH_SIZE):
        batch = events[start : start + BATCH_SIZE]
        known = set(
            PoliceEvent.objects.filter(id__in=[e.id for e in batch]).values_list("id", flat=True)
        )
        rows = [_to_row(e, places, types, now, report) for e in batch if e.id not in known]
        with transaction.atomic():
            PoliceEvent.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
        report.known += len(known)
        report.new += len(rows)
    report.new_event_types.sort(key=swedish_key)
    EventTypeMapping.objects.bulk_create(
        [EventTypeMapping(event_type=t, problem=Problem.OTHER) for t in report.new_event_types],
        ignore_conflicts=True,
    )
    return report


def police_events_fetch(*, url: str | None = None, path: Path | None = None) -> FetchReport:
    """Read the feed from a file or from its URL (by default the configured one) and store it."""
    if path is not None:
        data = path.read_bytes()
    else:
        data = _download(url or settings.POLICE_EVENTS_URL)
    return police_events_store(records=load_feed(data))


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
    return PoliceEvent.objects.filter(event_type=event_type).update(problem=problem or "")
