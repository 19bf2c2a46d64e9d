"""axe-core scans of the public pages: no serious or critical violations (WCAG 2.1 AA)."""

from typing import Any

import pytest

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

PUBLIC_PAGES = [
    "/",
    "/?q=esl",
    "/kommun/eslov/",
    "/kommun/eslov/2017/",
    "/kommun/eslov/2016/",
    "/kommun/eslov/2017/utskrift/",
    "/kommun/eslov/lagesbild/2015/",
    "/kommun/eslov/2017/uppfoljning/2/",
    "/kommun/eslov/2016/utvardering/",
    "/sverige/",
    "/sverige/?ar=2017&lan=12",
    "/sverige/jamfor/?kommun=eslov&kommun=exempelby",
    "/oppna-data/",
    "/konto/logga-in/",
    "/kommun/finns-inte/",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_public_pages_have_no_serious_accessibility_violations(
    live_server: Any, browser: Any, demo: None, viewport: dict[str, int]
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport=viewport)
    problems = []
    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}{path}")
        # WCAG 1.4.10 reflow: nothing may make the whole page scroll sideways.
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            problems.append(f"{path}: page is {width}px wide in a {viewport['width']}px window")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        for violation in result.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{path}: {violation['id']} {targets}")
    page.close()
    assert problems == []
