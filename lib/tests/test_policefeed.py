import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from lib.policefeed import STOCKHOLM, FeedError, load_feed, parse_datetime, parse_gps, parse_record


def record(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": 4711,
        "datetime": "2018-04-13 9:58:49 +02:00",
        "name": "13 april 09.58, Trafikolycka, personskada, Eslöv",
        "summary": "Två bilar har krockat.",
        "url": "/aktuellt/handelser/2018/april/13/x/",
        "type": "Trafikolycka, personskada",
        "location": {"name": "Eslöv", "gps": "55.839,13.303"},
    }
    base.update(changes)
    return base


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-04-13 9:58:49 +02:00", datetime(2018, 4, 13, 7, 58, 49, tzinfo=UTC)),
        ("2018-04-13 09:58:49 +02:00", datetime(2018, 4, 13, 7, 58, 49, tzinfo=UTC)),
        ("2018-12-01 0:05:00 +01:00", datetime(2018, 11, 30, 23, 5, tzinfo=UTC)),
        ("2018-04-13 9:58:49 +0200", datetime(2018, 4, 13, 7, 58, 49, tzinfo=UTC)),
        ("2018-04-13T9:58:49+02:00", datetime(2018, 4, 13, 7, 58, 49, tzinfo=UTC)),
        ("2018-04-13 9:58:49 Z", datetime(2018, 4, 13, 9, 58, 49, tzinfo=UTC)),
        ("2018-04-13 9:58 -01:30", datetime(2018, 4, 13, 11, 28, tzinfo=UTC)),
        ("  2018-4-3 23:59:59 +02:00 ", datetime(2018, 4, 3, 21, 59, 59, tzinfo=UTC)),
    ],
)
def test_feed_datetimes_with_their_odd_formats_are_read(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


def test_a_datetime_without_offset_is_swedish_local_time() -> None:
    summer = parse_datetime("2018-07-01 12:00:00")
    winter = parse_datetime("2018-01-01 12:00:00")
    assert summer.tzinfo is STOCKHOLM
    assert summer.utcoffset() == timedelta(hours=2)
    assert winter.utcoffset() == timedelta(hours=1)


def test_the_offset_is_kept_as_given() -> None:
    assert parse_datetime("2018-04-13 9:58:49 +02:00").utcoffset() == timedelta(hours=2)
    assert parse_datetime("2018-04-13 9:58:49 +02:00").tzinfo == timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "13 april 2018",
        "2018-02-30 10:00:00 +01:00",
        "2018-04-13 25:00:00 +02:00",
        "2018-04-13 9:61 +02:00",
        "2018-04-13 9:58:49 +15:00",
        "2018-04-13",
        None,
        20180413,
    ],
)
def test_impossible_datetimes_are_refused_with_the_value(text: object) -> None:
    with pytest.raises(FeedError, match="datetime"):
        parse_datetime(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("57.69,12.29", (57.69, 12.29)),
        ("55.839194, 13.303447", (55.839194, 13.303447)),
        (" 59.3293,18.0686 ", (59.3293, 18.0686)),
        ("-33.9,151.2", (-33.9, 151.2)),
        ("59,18", (59.0, 18.0)),
    ],
)
def test_gps_strings_are_read_as_latitude_then_longitude(
    text: str, expected: tuple[float, float]
) -> None:
    assert parse_gps(text) == expected


@pytest.mark.parametrize(
    "text", ["57.69", "57.69;12.29", "abc,def", "95.0,12.0", "57,200", "1,2,3", "nan,1", "1,inf"]
)
def test_unreadable_or_impossible_gps_is_refused(text: str) -> None:
    with pytest.raises(FeedError, match="gps"):
        parse_gps(text)


def test_a_record_is_read_with_every_field() -> None:
    event = parse_record(record())
    assert event.id == 4711
    assert event.event_type == "Trafikolycka, personskada"
    assert event.location_name == "Eslöv"
    assert (event.latitude, event.longitude) == (55.839, 13.303)
    assert event.raw["summary"] == "Två bilar har krockat."


def test_a_record_without_gps_has_no_position() -> None:
    event = parse_record(record(location={"name": "Skåne län", "gps": ""}))
    assert event.latitude is None and event.longitude is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"id": "4711"}, "'id'"),
        ({"id": -1}, "'id'"),
        ({"id": True}, "'id'"),
        ({"id": 2**70}, "too large"),
        ({"type": ""}, "'type'"),
        ({"name": None}, "'name'"),
        ({"location": "Eslöv"}, "location"),
        ({"location": {"gps": "55.8,13.3"}}, "'name'"),
        ({"datetime": "igår"}, "datetime"),
    ],
)
def test_malformed_records_name_the_field(changes: dict[str, object], reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        parse_record(record(**changes))


def test_the_feed_must_be_a_json_array() -> None:
    assert load_feed(b'[{"id": 1}]') == [{"id": 1}]
    with pytest.raises(FeedError, match="array"):
        load_feed(b'{"id": 1}')
    with pytest.raises(FeedError, match="not JSON"):
        load_feed(b"<html>")
    with pytest.raises(FeedError, match="not JSON"):
        load_feed(b"\xff\xfe\x00")


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        " [ ] ",
        '[{"id": 1}]',
        '[\n  {"id": 1, "x": "å, ]"},\n  {"id": 2}\n]\n',
        '\ufeff[1, "a"]',
    ],
)
def test_reading_the_feed_with_each_records_text_agrees_with_plain_json(text: str) -> None:
    from lib.policefeed import read_feed

    pairs = read_feed(text.encode("utf-8"))
    assert [record for record, _raw in pairs] == load_feed(text.lstrip("\ufeff"))
    assert all(json.loads(raw) == record for record, raw in pairs)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": 1}', "array"),
        ("[{", "not JSON"),
        ('[{"id": 1} {"id": 2}]', "expected ','"),
        ('[{"id": 1}] x', "extra data"),
        ("", "not JSON"),
    ],
)
def test_reading_a_broken_feed_with_texts_says_why(text: str, message: str) -> None:
    from lib.policefeed import read_feed

    with pytest.raises(FeedError, match=message):
        read_feed(text.encode())


def test_a_record_s_texts_are_read_without_control_characters() -> None:
    event = parse_record(
        record(summary="Två bilar\x0bhar\x1b krockat.", location={"name": "Esl\x01öv"})
    )
    assert event.summary == "Två bilar har krockat."
    assert event.location_name == "Eslöv"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"summary": "Två bilar\u0000 har krockat."}, "NUL"),
        ({"location": {"name": "Eslöv", "gps": "", "extra": ["a", {"b": "\x00"}]}}, "NUL"),
        ({"note\x00": 1}, "NUL"),
        ({"name": "Rån \ud800"}, "surrogate"),
        ({"extra": ["\udfff"]}, "surrogate"),
        ({"type": "x" * 150}, "'type' longer than 100"),
        ({"summary": 12}, "'summary'"),
        ({"url": ["/a"]}, "'url'"),
        ({"location": {"name": 7}}, "'name'"),
        ({"location": {"name": "Eslöv", "gps": 55.8}}, "gps"),
    ],
)
def test_records_that_cannot_be_stored_are_refused_with_the_reason(
    changes: dict[str, object], reason: str
) -> None:
    with pytest.raises(FeedError, match=reason):
        parse_record(record(**changes))


def test_text_outside_the_basic_plane_and_a_type_of_the_longest_length_are_kept() -> None:
    event = parse_record(record(summary="Polisen 🚓 på plats", type="x" * 100))
    assert event.summary == "Polisen 🚓 på plats"
    assert event.event_type == "x" * 100


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_a_feed_nested_too_deeply_is_a_feed_error(opening: str) -> None:
    from lib.policefeed import read_feed

    closing = "]" if opening == "[" else "}"
    deep = "[" + opening * 200_000 + "1" + closing * 200_000 + "]"
    with pytest.raises(FeedError, match="nested too deeply"):
        read_feed(deep.encode())
    with pytest.raises(FeedError, match="nested too deeply"):
        load_feed(deep.encode())


def test_bytes_that_are_not_utf8_spoil_only_their_own_record() -> None:
    from lib.policefeed import read_feed

    good = json.dumps(record(), ensure_ascii=False).encode()
    bad = json.dumps(record(id=2, summary="Rån XX")).encode().replace(b"XX", b"\xed\xa0\x80\xff")
    pairs = read_feed(b"[" + good + b"," + bad + b"]")
    assert parse_record(pairs[0][0]).id == 4711
    with pytest.raises(FeedError, match="surrogate"):
        parse_record(pairs[1][0])
    with pytest.raises(FeedError, match="not JSON"):
        read_feed(b"[" + good + b"\xff]")
