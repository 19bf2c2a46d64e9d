"""Points and GeoJSON outlines (longitude, latitude), without any GIS library."""

import math
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Bounds:
    """A box of latitudes and longitudes (WGS 84), edges included."""

    south: float
    north: float
    west: float
    east: float

    def holds(self, latitude: float, longitude: float) -> bool:
        """Whether the point lies in the box."""
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


# Sweden, Smygehuk to Treriksröset and the Koster islands to Haparanda, with a little sea.
SWEDEN_BOUNDS = Bounds(south=55.0, north=69.1, west=10.9, east=24.2)


def in_sweden(latitude: float, longitude: float) -> bool:
    """Whether a point lies within Sweden's bounding box (a box: a point just across the
    Norwegian or Finnish border may still pass)."""
    return SWEDEN_BOUNDS.holds(latitude, longitude)


def _in_ring(lng: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting: a point is inside when a ray from it crosses the ring an odd number of
    times."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lng < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_polygon(lng: float, lat: float, rings: list[list[list[float]]]) -> bool:
    # The first ring is the outline, the rest are holes.
    if not rings or not _in_ring(lng, lat, rings[0]):
        return False
    return not any(_in_ring(lng, lat, hole) for hole in rings[1:])


def contains(geometry: dict[str, Any] | None, latitude: float, longitude: float) -> bool:
    """Whether a GeoJSON Polygon or MultiPolygon holds the point."""
    if not geometry:
        return False
    if geometry.get("type") == "Polygon":
        return _in_polygon(longitude, latitude, geometry.get("coordinates") or [])
    if geometry.get("type") == "MultiPolygon":
        return any(
            _in_polygon(longitude, latitude, polygon)
            for polygon in geometry.get("coordinates") or []
        )
    return False


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points, in kilometres."""
    lat1, lng1, lat2, lng2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
