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

from lib.text import without_controls

STOCKHOLM = ZoneInfo("Europe/Stockholm")

_DATETIME = re.compile(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?"
    r"\s*(?:(Z)|([+-])(\d{1,2}):?(\d{2}))?\s*$"
)


# As long as the stored event type may be: a longer one could not be mapped, so it is refused.
EVENT_TYPE_MAX_LENGTH = 100
# NUL, which PostgreSQL refuses in text, and surrogates on their own, which no encoding can
# write (a pair written as two escapes is joined into one character by the JSON reader).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class FeedError(ValueError):
    """A record (or the whole feed) that cannot be read; the message says why."""


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which costs a
# few microseconds per event, and the import reads tens of thousands a second.
@dataclass(slots=True)
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
    if not isinstance(text, str):
        raise FeedError(f"unreadable gps {text!r}")
    first, comma, second = text.partition(",")
    try:
        if not comma or "," in second:
            raise ValueError
        latitude, longitude = float(first), float(second)
    except ValueError:
        raise FeedError(f"unreadable gps {text!r}") from None
    # Comparisons also turn away nan and infinity.
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise FeedError(f"gps out of range {text!r}")
    return latitude, longitude


def _text(record: dict[str, Any], key: str, required: bool = True) -> str:
    value = record.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise FeedError(f"missing or empty {key!r}")
    return without_controls(value).strip()


def _check_storable(record: dict[str, Any]) -> None:
    """Refuse a record holding text no database column can take, anywhere in it, since the
    record is also kept whole. Walked without recursion: a record may be nested deeply."""
    texts: list[str] = []
    waiting: list[Any] = [record]
    # The list grows while it is walked; one search over all its text is the cheapest.
    for value in waiting:
        if type(value) is str:
            texts.append(value)
        elif type(value) is dict:
            waiting += value
            waiting += value.values()
        elif type(value) is list:
            waiting += value
    found = _UNSTORABLE.search("".join(texts))
    if found is not None:
        what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
        text = next(text for text in texts if found.group() in text)
        raise FeedError(f"{what} in the text {text[:40]!r}")


def parse_record(record: Any) -> FeedEvent:
    """Turn one raw record into a FeedEvent, or raise FeedError naming the bad field."""
    if not isinstance(record, dict):
        raise FeedError("record is not an object")
    _check_storable(record)
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
    event_type = _text(record, "type")
    if len(event_type) > EVENT_TYPE_MAX_LENGTH:
        raise FeedError(f"'type' longer than {EVENT_TYPE_MAX_LENGTH} characters")
    return FeedEvent(
        id=event_id,
        happened_at=parse_datetime(record.get("datetime")),  # type: ignore[arg-type]
        name=_text(record, "name"),
        summary=_text(record, "summary", required=False),
        url=_text(record, "url", required=False),
        event_type=event_type,
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
    except RecursionError:
        raise FeedError(_TOO_DEEP) from None
    if not isinstance(document, list):
        raise FeedError("the feed is not a JSON array of events")
    return document


_TOO_DEEP = "not JSON that can be read: arrays or objects nested too deeply"
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def read_feed(data: bytes | str) -> list[tuple[Any, str]]:
    """Like load_feed, but each record comes with its own JSON text, to be kept as it came
    (cheaper than writing it out again, which counts at tens of thousands a second)."""
    # Bytes that are not UTF-8 become lone surrogates: inside a record's text they make
    # that record alone unreadable, elsewhere the JSON reader refuses them.
    text = data.decode("utf-8-sig", "surrogateescape") if isinstance(data, bytes) else data
    position = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("[", position):
        load_feed(text)  # raises the right error: not JSON, or not an array
    records: list[tuple[Any, str]] = []
    position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", position):
        return _checked_end(text, position + 1, records)
    while True:
        try:
            record, end = _DECODER.raw_decode(text, position)
        except ValueError as error:
            raise FeedError(f"not JSON: {error}") from None
        except RecursionError:
            raise FeedError(_TOO_DEEP) from None
        records.append((record, text[position:end]))
        position = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", position):
            position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
        elif text.startswith("]", position):
            return _checked_end(text, position + 1, records)
        else:
            raise FeedError(f"not JSON: expected ',' or ']' at character {position}")


def _checked_end(text: str, position: int, records: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    if text[position:].strip():
        raise FeedError(f"not JSON: extra data at character {position}")
    return records
