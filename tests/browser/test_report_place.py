"""The place of a report, on a phone: tapped on a map or taken from the phone's position,
and still typed by hand where there is no script."""

import math
import re
from decimal import Decimal
from typing import Any

import pytest

from promises.models import Activity, ActivityReport

from .conftest import HAVE_BROWSER
from .test_phone_layout import PHONE, _log_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]
ESLOV_TORG = {"latitude": 55.83864, "longitude": 13.30381}


def _tile_of(point: dict[str, float], zoom: int) -> tuple[int, int, int]:
    """The map tile (zoom, x, y) that shows a point, as tile servers number them."""
    n = 2**zoom
    lat = math.radians(point["latitude"])
    x = int((point["longitude"] + 180) / 360 * n)
    y = int((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * n)
    return zoom, x, y


def _report_page(live_server: Any, context: Any) -> Any:
    activity = Activity.objects.get(
        promise__municipality__slug="eslov", promise__year=2017, kind="traffic_control"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    # No tiles in the test: the map works (and is tapped) without its background.
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    _log_in(page, live_server.url, "polis.eslov")
    page.goto(f"{live_server.url}/arbete/rapportera/{activity.pk}/")
    # The demo's 2017 is over, so the form guesses no date.
    page.locator("#id_date").fill("2017-05-04")
    return page


def _saved_point() -> tuple[Decimal | None, Decimal | None]:
    report = ActivityReport.objects.order_by("-pk").first()
    assert report is not None
    return report.latitude, report.longitude


def test_the_place_is_taken_from_the_phones_position_or_a_tap_on_the_map(
    live_server: Any, browser: Any, demo: None
) -> None:
    context = browser.new_context(
        viewport=PHONE, locale="sv-SE", geolocation=ESLOV_TORG, permissions=["geolocation"]
    )
    page = _report_page(live_server, context)
    page.get_by_role("button", name="Använd min position").click()
    # The position arrives a moment later; the status line says which point was taken.
    page.locator("[data-place-status]", has_text="Vald punkt: 55.83864, 13.30381").wait_for()
    assert page.locator("#id_latitude").input_value() == "55.83864"
    assert page.locator("#id_longitude").input_value() == "13.30381"
    # A tap a little off the point moves it there.
    box = page.locator(".place-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2)
    tapped = (
        page.locator("#id_latitude").input_value(),
        page.locator("#id_longitude").input_value(),
    )
    assert abs(float(tapped[0]) - ESLOV_TORG["latitude"]) < 0.0001
    assert float(tapped[1]) > ESLOV_TORG["longitude"] + 0.0005
    page.get_by_label("Kontrollerade fordon").fill("12")
    page.get_by_role("button", name="Spara rapport").click()
    page.locator(".messages").wait_for()
    assert _saved_point() == (Decimal(tapped[0]), Decimal(tapped[1]))
    context.close()


def test_without_script_the_coordinates_are_typed_in_their_boxes(
    live_server: Any, browser: Any, demo: None
) -> None:
    context = browser.new_context(viewport=PHONE, locale="sv-SE", java_script_enabled=False)
    page = _report_page(live_server, context)
    assert not page.locator("[data-place-picker]").is_visible()
    page.get_by_text("Plats på kartan", exact=True).click()
    page.locator("#id_latitude").fill("55.8")
    page.locator("#id_longitude").fill("13.3")
    page.get_by_role("button", name="Spara rapport").click()
    assert _saved_point() == (Decimal("55.80000"), Decimal("13.30000"))
    context.close()


def test_the_map_opens_on_the_promises_municipality(
    live_server: Any, browser: Any, demo: None
) -> None:
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    asked: list[tuple[int, int, int]] = []

    def tile(route: Any) -> None:
        found = re.search(r"/(\d+)/(\d+)/(\d+)\.png$", route.request.url)
        if found:
            asked.append((int(found[1]), int(found[2]), int(found[3])))
        route.abort()

    page.route("https://tile.openstreetmap.org/**", tile)
    activity = Activity.objects.get(
        promise__municipality__slug="eslov", promise__year=2017, kind="traffic_control"
    )
    _log_in(page, live_server.url, "polis.eslov")
    page.goto(f"{live_server.url}/arbete/rapportera/{activity.pk}/")
    page.locator(".place-map .leaflet-tile").first.wait_for(state="attached")
    # The tiles the map asks for are those around Eslöv at the municipality's zoom, not
    # the middle of Sweden at the country's.
    assert asked and {z for z, _x, _y in asked} == {10}
    assert _tile_of(ESLOV_TORG, 10) in asked
    assert _tile_of({"latitude": 62.0, "longitude": 15.0}, 10) not in asked
    assert page.locator("#id_latitude").input_value() == "", "opening chooses no point"
    context.close()
