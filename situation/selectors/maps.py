"""The map of the situation picture: placed records as GeoJSON points, districts with counts."""

from datetime import date
from typing import Any

from lib.geo import contains
from places.models import District, Municipality
from situation.models import Complaint, Concern, PoliceEvent
from situation.vocabularies import DialogueKind, Problem, Source


def quarter_bounds(year: int, quarter: int | None) -> tuple[date, date]:
    """The first day of a quarter (or year) and the first day after it."""
    if quarter is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return start, end


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
    rows: Any
    wanted = (
        [source]
        if source
        else [
            Source.COMPLAINTS,
            Source.CITIZEN_DIALOGUES,
            Source.EMPLOYEE_DIALOGUES,
            Source.POLICE_EVENTS,
        ]
    )
    filters = {"problem": problem} if problem else {}
    for kind in wanted:
        if kind == Source.COMPLAINTS:
            rows = Complaint.objects.filter(
                municipality=municipality,
                received_on__gte=start,
                received_on__lt=end,
                latitude__isnull=False,
                **filters,
            ).values_list("problem", "received_on", "latitude", "longitude")
        elif kind == Source.POLICE_EVENTS:
            rows = (
                PoliceEvent.objects.filter(
                    municipality=municipality,
                    month__gte=start,
                    month__lt=end,
                    latitude__isnull=False,
                    **filters,
                )
                .exclude(problem="")
                .values_list("problem", "month", "latitude", "longitude")
            )
        elif kind in (Source.CITIZEN_DIALOGUES, Source.EMPLOYEE_DIALOGUES):
            dialogue_kind = (
                DialogueKind.CITIZEN if kind == Source.CITIZEN_DIALOGUES else DialogueKind.EMPLOYEE
            )
            rows = Concern.objects.filter(
                municipality=municipality,
                dialogue__kind=dialogue_kind,
                dialogue__held_on__gte=start,
                dialogue__held_on__lt=end,
                latitude__isnull=False,
                **filters,
            ).values_list("problem", "dialogue__held_on", "latitude", "longitude")
        else:
            continue
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
