"""Reading records of the police's open events feed (a JSON array), forgiving its odd formats.

A record looks like ``{"id": 1, "datetime": "2018-04-13 9:58:49 +02:00", "name": "...",
"summary": "...", "url": "/aktuellt/...", "type": "Trafikolycka, personskada",
"location": {"name": "Eslöv", "gps": "55.83,13.30"}}``: the hour may lack its leading zero,
a space comes before the offset, and the position is one "lat,lng" string.
"""

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")

_DATETIME = re.compile(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?"
    r"\s*(?:(Z)|([+-])(\d{1,2}):?(\d{2}))?\s*$"
)
_NUMBER = r"\s*([+-]?\d{1,3}(?:\.\d+)?)\s*"
_GPS = re.compile(_NUMBER + "," + _NUMBER + "$")


class FeedError(ValueError):
    """A record (or the whole feed) that cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class FeedEvent:
    id: int
    happened_at: datetime
    name: str
    summary: str
    url: str
    event_type: str
    location_name: str
    latitude: float | None
    longitude: float | None
    raw: dict[str, Any]


def parse_datetime(text: str) -> datetime:
    """Read the feed's date and time; without an offset it is Swedish local time."""
    match = _DATETIME.match(text) if isinstance(text, str) else None
    if match is None:
        raise FeedError(f"unreadable datetime {text!r}")
    year, month, day, hour, minute, second, zulu, sign, off_h, off_m = match.groups()
    if zulu:
        zone: timezone | ZoneInfo = UTC
    elif sign:
        fixed = _fixed_zone(sign, int(off_h), int(off_m))
        if fixed is None:
            raise FeedError(f"impossible UTC offset in datetime {text!r}")
        zone = fixed
    else:
        zone = STOCKHOLM
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=zone
        )
    except ValueError as error:
        raise FeedError(f"impossible datetime {text!r}: {error}") from None


@cache
def _fixed_zone(sign: str, hours: int, minutes: int) -> timezone | None:
    offset = timedelta(hours=hours, minutes=minutes)
    if offset > timedelta(hours=14) or minutes >= 60:
        return None
    return timezone(-offset if sign == "-" else offset)


def parse_gps(text: str) -> tuple[float, float]:
    """Read "lat,lng" into two numbers within their ranges."""
    match = _GPS.match(text) if isinstance(text, str) else None
    if match is None:
        raise FeedError(f"unreadable gps {text!r}")
    latitude, longitude = float(match.group(1)), float(match.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise FeedError(f"gps out of range {text!r}")
    return latitude, longitude


def _text(record: dict[str, Any], key: str, required: bool = True) -> str:
    value = record.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise FeedError(f"missing or empty {key!r}")
    return value.strip()


def parse_record(record: Any) -> FeedEvent:
    """Turn one raw record into a FeedEvent, or raise FeedError naming the bad field."""
    if not isinstance(record, dict):
        raise FeedError("record is not an object")
    event_id = record.get("id")
    if isinstance(event_id, bool) or not isinstance(event_id, int) or event_id <= 0:
        raise FeedError(f"missing or invalid 'id' {event_id!r}")
    if event_id >= 2**63:
        raise FeedError(f"'id' too large {event_id!r}")
    location = record.get("location")
    if not isinstance(location, dict):
        raise FeedError("missing 'location'")
    gps = location.get("gps")
    latitude, longitude = parse_gps(gps) if gps not in (None, "") else (None, None)
    return FeedEvent(
        id=event_id,
        happened_at=parse_datetime(record.get("datetime")),  # type: ignore[arg-type]
        name=_text(record, "name"),
        summary=_text(record, "summary", required=False),
        url=_text(record, "url", required=False),
        event_type=_text(record, "type"),
        location_name=_text(location, "name"),
        latitude=latitude,
        longitude=longitude,
        raw=record,
    )


def load_feed(data: bytes | str) -> list[Any]:
    """Read the feed document: it must be a JSON array (its records are checked one by one)."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise FeedError(f"not JSON: {error}") from None
    if not isinstance(document, list):
        raise FeedError("the feed is not a JSON array of events")
    return document
