import pytest

from lib.geo import SWEDEN_BOUNDS, contains, distance_km, in_sweden

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[13.0, 55.0], [14.0, 55.0], [14.0, 56.0], [13.0, 56.0], [13.0, 55.0]]],
}
WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        SQUARE["coordinates"][0],
        [[13.4, 55.4], [13.6, 55.4], [13.6, 55.6], [13.4, 55.6], [13.4, 55.4]],
    ],
}


@pytest.mark.parametrize(
    ("latitude", "longitude", "inside"),
    [(55.5, 13.5, True), (55.5, 14.5, False), (56.5, 13.5, False), (55.01, 13.99, True)],
)
def test_a_point_is_inside_a_polygon_or_not(
    latitude: float, longitude: float, inside: bool
) -> None:
    assert contains(SQUARE, latitude, longitude) is inside


def test_latitude_and_longitude_are_not_swapped() -> None:
    narrow = {
        "type": "Polygon",
        "coordinates": [[[13.0, 55.0], [13.1, 55.0], [13.1, 58.0], [13.0, 58.0], [13.0, 55.0]]],
    }
    assert contains(narrow, 57.0, 13.05)
    assert not contains(narrow, 13.05, 57.0)


def test_holes_and_multipolygons() -> None:
    assert not contains(WITH_HOLE, 55.5, 13.5)
    assert contains(WITH_HOLE, 55.2, 13.2)
    multi = {
        "type": "MultiPolygon",
        "coordinates": [SQUARE["coordinates"], [[[20, 60], [21, 60], [21, 61], [20, 60]]]],
    }
    assert contains(multi, 60.2, 20.8)
    assert not contains(None, 55.5, 13.5)
    assert not contains({"type": "Point", "coordinates": [13.5, 55.5]}, 55.5, 13.5)


def test_distances_are_great_circle_kilometres() -> None:
    eslov, lund, kiruna = (55.8393, 13.3039), (55.7047, 13.191), (67.8557, 20.2251)
    assert distance_km(eslov, eslov) == 0
    assert 16 < distance_km(eslov, lund) < 18
    assert 1370 < distance_km(eslov, kiruna) < 1400
    assert distance_km(eslov, kiruna) == pytest.approx(distance_km(kiruna, eslov))


def test_sweden_holds_its_far_corners_but_not_its_neighbours() -> None:
    assert in_sweden(55.3367, 13.3594), "Smygehuk"
    assert in_sweden(69.0599, 20.5487), "Treriksröset"
    assert in_sweden(58.8935, 11.0093), "Koster"
    assert in_sweden(65.8355, 24.1447), "Haparanda"
    assert not in_sweden(13.3039, 55.8393), "Eslöv with latitude and longitude swapped"
    assert not in_sweden(52.52, 13.40), "Berlin"
    assert not in_sweden(60.17, 24.94), "Helsinki"
    assert not in_sweden(0.0, 0.0)
    assert SWEDEN_BOUNDS.holds(55.0, 10.9) and not SWEDEN_BOUNDS.holds(54.99, 13.0)
