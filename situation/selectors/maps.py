"""The map of the situation picture: placed records as GeoJSON points, districts with counts."""

from datetime import date
from typing import Any

from lib.geo import contains
from places.models import District, Municipality
from situation.selectors.picture import records_behind
from situation.vocabularies import Problem, Source


def quarter_bounds(year: int, quarter: int | None) -> tuple[date, date]:
    """The first day of a quarter (or year) and the first day after it."""
    if quarter is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return start, end


# The sources with places on the map, and the date that puts each record in its month
# (Swedish time for police events: their stored month).
_WHEN: dict[str, str] = {
    Source.COMPLAINTS: "received_on",
    Source.CITIZEN_DIALOGUES: "dialogue__held_on",
    Source.EMPLOYEE_DIALOGUES: "dialogue__held_on",
    Source.POLICE_EVENTS: "month",
}


MAP_SOURCES = tuple(Source(kind) for kind in _WHEN)


def map_features(
    *,
    municipality: Municipality,
    start: date,
    end: date,
    problem: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The placed records of a period as GeoJSON points (no texts), and the municipality's
    districts with how many of those points each holds."""
    points: list[tuple[str, str, date, float, float]] = []
    for kind in [source] if source else list(_WHEN):
        rows = (
            records_behind(
                municipality=municipality, source=kind, problem=problem, start=start, end=end
            )
            .filter(latitude__isnull=False)
            .values_list("problem", _WHEN[kind], "latitude", "longitude")
            .order_by()
        )
        points += [(kind, p, day, float(lat), float(lng)) for p, day, lat, lng in rows]
    labels, source_labels = dict(Problem.choices), dict(Source.choices)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
            "properties": {
                "source": kind,
                "problem": p,
                "label": str(labels[p]),
                "source_label": str(source_labels[kind]),
                "month": day.strftime("%Y-%m"),
            },
        }
        for kind, p, day, lat, lng in points
    ]
    districts = []
    for district in District.objects.filter(municipality=municipality, outline__isnull=False):
        inside = sum(1 for _k, _p, _d, lat, lng in points if contains(district.outline, lat, lng))
        districts.append(
            {
                "type": "Feature",
                "geometry": district.outline,
                "properties": {"name": district.name, "count": inside},
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "districts": {"type": "FeatureCollection", "features": districts},
    }
