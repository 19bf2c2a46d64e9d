"""Every table fits its box on a 1280 px computer: none is wider than the box it stands in.

A table that only fits by scrolling sideways hides its last columns from a reader who does
not know to scroll. The pages are those of the phone test (the permission matrix's GET views
on the demo, with a few objects added), with an 80-character word typed into fields that
tables show, and a situation picture whose sources have no data for a year.
"""

from datetime import date
from typing import Any

import pytest

from promises.models import Activity, CitizenPromise
from promises.services import activity_report_create
from situation.models import Complaint

from .conftest import HAVE_BROWSER
from .test_phone_layout import VISITORS, _demo_world, _log_in, _paths

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

COMPUTER = {"width": 1280, "height": 900}
# One unbroken word, as a place name or an address typed without spaces might be.
WORD = ("Hästhagsvägsrondellen" * 4)[:80]
# Pages beyond the matrix whose tables have many columns or many empty cells.
EXTRA_PAGES = [
    "/sverige/",
    "/sverige/jamfor/?kommun=eslov&kommun=exempelby",
    "/kommun/eslov/lagesbild/2015/",
    "/kommun/eslov/lagesbild/2016/",
    "/kommun/eslov/2016/utvardering/",
    "/arbete/lagesbild/eslov/2017/",
    "/arbete/lagesbild/eslov/2017/?kvartal=4",
]

# Each table whose box is wider than the box it stands in (for a table in a sideways
# scroller, the scroller), skipping what is deliberately hidden.
MEASURE = """() => {
  const out = [];
  for (const table of document.querySelectorAll('main table')) {
    if (table.closest('.visually-hidden') || table.getClientRects().length === 0) continue;
    const box = table.parentElement;
    const room = box.clientWidth;
    const wide = Math.max(table.getBoundingClientRect().width, table.scrollWidth);
    if (wide > room + 1) {
      const name = table.className || (table.caption && table.caption.textContent.trim());
      out.push(`table ${name}: ${Math.round(wide)}px in ${room}px`);
    }
  }
  return {out: out, scroll: document.documentElement.scrollWidth, width: window.innerWidth};
}"""


def _typed_long_words() -> None:
    """The 80-character word typed into fields the tables show: a report's place and notes,
    an activity's description (under its name in a follow-up), a complaint's place."""
    published = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    controls = Activity.objects.get(promise=published, kind="traffic_control")
    Activity.objects.filter(pk=controls.pk).update(description=WORD)
    activity_report_create(
        activity=controls, by=None, date=date(2017, 4, 4), place=WORD, notes=WORD
    )
    Complaint.objects.filter(municipality__slug="eslov").update(place=WORD)


@pytest.mark.parametrize("role", list(VISITORS))
def test_no_table_is_wider_than_its_box_on_a_computer(
    live_server: Any, browser: Any, demo: None, role: str
) -> None:
    world = _demo_world(word=WORD)
    _typed_long_words()
    context = browser.new_context(viewport=COMPUTER, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    username = VISITORS[role]
    if username:
        _log_in(page, live_server.url, username)
    problems, seen = [], 0
    for path in _paths(world, role) + EXTRA_PAGES:
        # Files (documents, tables, feeds, calendars) are downloads, not pages.
        kind = page.request.get(f"{live_server.url}{path}").headers.get("content-type", "")
        if "text/html" not in kind:
            continue
        page.goto(f"{live_server.url}{path}")
        seen += 1
        found = page.evaluate(MEASURE)
        if found["scroll"] > found["width"]:
            problems.append(f"{path}: the page is {found['scroll']}px wide")
        problems += [f"{path}: {line}" for line in found["out"]]
    context.close()
    assert seen >= 10, f"only {seen} pages were opened as {role}"
    assert problems == [], "\n".join(problems)
