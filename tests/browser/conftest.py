"""Real-browser tests: Playwright drives Debian's chromium package (no browser download)."""

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("LOFTEN_REQUIRE_BROWSER") == "1"
HAVE_BROWSER = os.path.exists(CHROMIUM)

if not HAVE_BROWSER and REQUIRED:
    raise RuntimeError(f"LOFTEN_REQUIRE_BROWSER=1 but no chromium at {CHROMIUM}")

pytestmark = pytest.mark.skipif(
    not HAVE_BROWSER,
    reason="Debian's chromium package is not installed (make test installs it when run as root)",
)

# Playwright's sync API runs an event loop in the test thread; the ORM calls made in the
# same test before and after driving the page are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not HAVE_BROWSER:
        pytest.skip("Debian's chromium package is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


# No browser test needs more than a few minutes even on a loaded machine (the phone
# crawl, the longest, opens every page); a page call that never returns (page.evaluate
# has no timeout of its own) fails the test with its stack instead of stalling the run.
BROWSER_TEST_TIMEOUT = 600


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here) and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(BROWSER_TEST_TIMEOUT))
