"""The API's browsable documentation works in a real browser under the site's strict CSP."""

from typing import Any

import pytest

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]


def test_the_api_docs_draw_every_operation(live_server: Any, browser: Any, demo: None) -> None:
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    assert page.locator(".opblock").count() >= 10
    page.close()
    assert refused == []
