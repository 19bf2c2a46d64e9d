"""The staff import page on a 375 px phone: what was read of a promise and of a follow-up
fits the window, and no column of its tables is cut off or hidden."""

from typing import Any

import pytest

from .conftest import HAVE_BROWSER
from .test_phone_layout import MEASURE, _log_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

PHONE = {"width": 375, "height": 812}
# Figures above what the demo's log of Eslöv 2017 holds (26 controls, 2 walks), so that
# attaching adds reports and is offered.
FOLLOW_UP = (
    "Uppföljning av medborgarlöftet 2017 i Eslöv\n"
    "Eslöv 2017-10-02\n"
    "Polisen har genomfört 29 trafikkontroller vid skolorna och längs genomfarten.\n"
    "Tre trygghetsvandringar har hållits i centrum.\n"
    "Kommunen har gjort 12 tillsyner av restauranger och butiker som säljer folköl.\n"
)
PROMISE = (
    "Medborgarlöften för Eslöv 2022–2024\n"
    "Lokalpolisområde Eslöv och Eslövs kommun lovar:\n"
    "• Trafikkontroller två gånger i månaden vid skolorna.\n"
    "• Minst 6 trygghetsvandringar per år.\n"
)


def _read(page: Any, base: str, text: str) -> dict[str, Any]:
    page.goto(f"{base}/arbete/inlasning/")
    page.fill("#id_text", text)
    page.click("main button.primary")
    page.wait_for_load_state()
    found: dict[str, Any] = page.evaluate(MEASURE)
    return found


def test_the_import_page_hides_no_column_on_a_phone(
    live_server: Any, browser: Any, demo: None
) -> None:
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    _log_in(page, live_server.url, "samordnare.eslov")
    found = _read(page, live_server.url, PROMISE)
    assert found["scroll"] <= found["width"] and found["out"] == [], found
    assert page.get_by_text("2 gånger i månaden, 24 per år").is_visible()
    assert page.get_by_text("minst 6").first.is_visible()
    found = _read(page, live_server.url, FOLLOW_UP)
    assert found["scroll"] <= found["width"] and found["out"] == [], found
    cells = page.locator("table.achieved tbody td")
    assert cells.count() == 3 * 6
    assert all(cells.nth(i).is_visible() for i in range(cells.count()) if cells.nth(i).inner_text())
    assert page.get_by_role("button", name="Fäst vid löftet").is_visible()
    context.close()
