"""The CSS foundation (Pico) under our own stylesheet: our colours, a visible focus ring on
every kind of control, and buttons that are only as wide as their words."""

from typing import Any

import pytest

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

OUTLINE = """el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"""


def test_keyboard_focus_shows_our_ring_on_links_buttons_fields_and_the_menu(
    live_server: Any, browser: Any, demo: None
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href.split('/').pop())")
    assert sheets[:2] == ["pico-2.1.1.min.css", "loften.css"]
    # The header keeps the brand colour, not Pico's default blue.
    header = page.locator("header.site-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(11, 79, 138)"
    focus_ring = ["solid", "3px", "rgb(255, 191, 71)"]
    for selector in ("details.menu > summary", "#q", "form.search button"):
        page.locator(selector).focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.locator(selector).evaluate(OUTLINE) == focus_ring, selector
    link = page.locator("main a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert link.evaluate(OUTLINE) == focus_ring
    # A submit button is as wide as its words (Pico would stretch it across the form).
    button = page.locator("form.search button")
    assert button.evaluate("el => el.offsetWidth") < 200
    context.close()
