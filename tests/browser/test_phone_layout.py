"""Every page on a 390 px phone: nothing scrolls sideways and no table hides a column.

The pages are the GET views of the permission matrix, filled in with the demo's objects
(and a few made here: a draft, a checked file, a report whose place is one 500-character
word), visited as an anonymous citizen, the police reporter and the coordinator.
"""

from datetime import date, datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.test_permission_matrix import MATRIX, NOBODY, World
from followup.models import Evaluation, FollowUp
from imports.models import FileImport
from promises import services
from promises.models import Activity, Agreement, CitizenPromise
from situation.models import Complaint, PublishedPicture

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

PHONE = {"width": 390, "height": 844}
# The demo's people, standing for the matrix's roles.
VISITORS = {"anonymous": None, "reporter": "polis.eslov", "coordinator": "samordnare.eslov"}
# One word as long as a field takes (200 characters): it must wrap, not widen the page.
LONG_WORD = ("Långgatan" * 23)[:200]
LONG_URL = "https://example.org/" + "a-very-long-path-segment/" * 12

# Widths measured in the page: the document, and every element that sticks out to the right
# of the window (a table cell, a word, a picture), skipping what is deliberately off-screen.
MEASURE = """() => {
  const width = window.innerWidth;
  const out = [];
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (el.closest('.visually-hidden, .skip-link, .leaflet-container')) continue;
    // Inside a box shrunk to one pixel and clipped: hidden for the eye, read aloud.
    let hidden = false;
    for (let up = el; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflow === 'hidden' && up.getBoundingClientRect().width <= 1) hidden = true;
    }
    if (hidden) continue;
    if (box.right > width + 1) {
      out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
               ' right=' + Math.round(box.right));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 5)};
}"""


def _demo_world(word: str = LONG_WORD) -> World:
    """The matrix's objects, taken from the demo or added to it, with `word` typed into
    the fields that take free text."""
    published = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    controls = Activity.objects.get(promise=published, kind="traffic_control")
    coordinator = User.objects.get(username="samordnare.eslov")
    draft = services.promise_create(
        by=coordinator,
        municipality=published.municipality,
        police_area=published.police_area,
        year=2018,
        title=word[:190],
    )
    commitment = services.commitment_create(promise=draft, by=coordinator, text=word)
    activity = services.activity_create(
        promise=draft, by=coordinator, kind="other", description=LONG_URL
    )
    report = services.activity_report_create(
        activity=controls,
        by=None,
        date=date(2017, 3, 3),
        place=word,
        notes=LONG_URL,
    )
    checked = FileImport.objects.create(
        kind="crime_statistics",
        municipality=published.municipality,
        file_name=word + ".csv",
        data="kommun;år;brottskategori;antal\nEslöv;2016;Rån;3\n".encode(),
        status="checked",
        total_rows=1,
    )
    PublishedPicture.objects.get_or_create(municipality=published.municipality, year=2016)
    occasion = services.occasion_create(
        activity=controls,
        by=coordinator,
        starts_at=datetime(2017, 6, 1, 18, tzinfo=ZoneInfo("Europe/Stockholm")),
        place=word,
    )
    cast = SimpleNamespace(draft=draft, published=published, controls=controls)
    return World(
        cast,  # type: ignore[arg-type]
        commitment.pk,
        activity.pk,
        report.pk,
        Agreement.objects.filter(municipality__slug="eslov").first().pk,  # type: ignore[union-attr]
        Complaint.objects.filter(municipality__slug="eslov").first().pk,  # type: ignore[union-attr]
        checked.pk,
        FollowUp.objects.get(promise=published, number=1).pk,
        Evaluation.objects.filter(promise__municipality__slug="eslov").first().pk,  # type: ignore[union-attr]
        occasion.pk,
    )


def _paths(world: World, role: str) -> list[str]:
    """The GET pages the role may open (or is sent on from), as the matrix says."""
    return [
        reverse(name, kwargs=row.kwargs(world))
        for name, row in sorted(MATRIX.items())
        if row.get is not NOBODY and row.get[role] in ("200", "302")
    ]


def _log_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button.primary")
    page.wait_for_url(lambda url: "logga-in" not in url)


@pytest.mark.parametrize("role", list(VISITORS))
def test_no_page_scrolls_sideways_or_hides_a_column_on_a_phone(
    live_server: Any, browser: Any, demo: None, role: str
) -> None:
    world = _demo_world()
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    username = VISITORS[role]
    if username:
        _log_in(page, live_server.url, username)
    problems, seen = [], 0
    for path in _paths(world, role):
        # Files (documents, tables, feeds, calendars) are downloads, not pages.
        kind = page.request.get(f"{live_server.url}{path}").headers.get("content-type", "")
        if "text/html" not in kind:
            continue
        page.goto(f"{live_server.url}{path}")
        seen += 1
        found = page.evaluate(MEASURE)
        if "---------" in page.content():
            problems.append(f"{path}: a list offers '---------' instead of a named empty choice")
        if found["scroll"] > found["width"] or found["out"]:
            problems.append(f"{path}: {found['scroll']}px wide; {found['out']}")
    context.close()
    assert seen >= 10, f"only {seen} pages were opened as {role}"
    assert problems == [], "\n".join(problems)


def test_the_menu_folds_on_a_phone_and_stays_open_on_a_computer(
    live_server: Any, browser: Any, demo: None
) -> None:
    phone = browser.new_page(viewport=PHONE, locale="sv-SE")
    _log_in(phone, live_server.url, "samordnare.eslov")
    header = phone.locator("header.site-header")
    # Folded: the brand and the menu button on one line, a small part of the first screen.
    assert header.bounding_box()["height"] < 0.1 * PHONE["height"]
    assert not phone.get_by_role("link", name="Lägesbild", exact=True).is_visible()
    phone.get_by_text("Meny", exact=True).click()
    phone.get_by_role("link", name="Lägesbild", exact=True).click()
    assert "/arbete/lagesbild/" in phone.url
    phone.close()
    computer = browser.new_page(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    computer.goto(f"{live_server.url}/")
    assert computer.get_by_role("link", name="Sverige", exact=True).is_visible()
    assert not computer.get_by_text("Meny", exact=True).is_visible()
    computer.close()
