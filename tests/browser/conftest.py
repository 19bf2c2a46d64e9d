"""Real-browser tests: Playwright drives Debian's chromium package (no browser download)."""

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

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


class _OneRequestAtATime(WSGIServer):
    """The live server on SQLite, whose in-memory test database every thread must share
    as one connection: a page's requests are answered one after the other, since
    two threads on one SQLite connection can wait on each other for ever. Django closes
    each connection after its answer when the server is not threaded."""

    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        # The server thread itself already uses the shared connection (LiveServerThread.run).
        super().__init__(*args, **kwargs)


if connection.vendor == "sqlite":
    # Django types the attribute as its threaded server; any socketserver serves.
    LiveServerThread.server_class = _OneRequestAtATime  # type: ignore[assignment]

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
