"""The 'done when' walk of the promise cycle, in a real browser on a phone-sized window."""

import re
from typing import Any

import pytest

from promises.models import Activity

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

PHONE = {"width": 390, "height": 844}


def _bar_share(activity_item: Any) -> float:
    """How much of the drawn bar is filled, measured on the rendered page."""
    fill = activity_item.locator(".bar-fill").bounding_box()
    track = activity_item.locator(".bar-track").bounding_box()
    return float(fill["width"] / track["width"])


def _traffic_controls() -> Activity:
    return Activity.objects.get(
        promise__municipality__slug="eslov", promise__year=2017, kind="traffic_control"
    )


def test_police_logs_a_traffic_control_from_a_phone_and_the_bar_moves(
    live_server: Any, browser: Any, demo: None
) -> None:
    assert _traffic_controls().done_count == 26
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}/kommun/eslov/2017/")
    activities = page.locator("ol.activities > li")
    assert activities.count() == 5
    titles = activities.locator("h3").all_inner_texts()
    assert [t.split(":")[-1].strip().split(" ")[0] for t in titles] == ["1", "2", "4", "30", "2"]
    controls = activities.nth(3)
    assert "26 av 30 kontroller genomförda" in controls.inner_text()
    assert _bar_share(controls) == pytest.approx(0.87, abs=0.01)

    # On a phone the menu is folded under its button.
    page.get_by_text("Meny", exact=True).click()
    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("polis.eslov")
    page.get_by_label("Lösenord").fill("demo")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Meny", exact=True).click()
    page.get_by_role("link", name="Rapportera", exact=True).first.click()
    page.get_by_role("link", name="Trafikkontroll").first.click()
    # 2017 is over: the form guesses no date, the officer types it.
    assert page.get_by_label("Datum").input_value() == ""
    assert "2017 är slut" in page.locator("main").inner_text()
    page.get_by_label("Datum").fill("2017-12-01")
    page.get_by_label(re.compile(r"^Plats")).fill("Väg 113")
    page.get_by_label("Kontrollerade fordon").fill("31")
    page.get_by_label("Hastighetsöverträdelser").fill("3")
    page.get_by_role("button", name="Spara rapport").click()
    assert "27 av 30" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}/kommun/eslov/2017/")
    controls = page.locator("ol.activities > li").nth(3)
    assert "27 av 30 kontroller genomförda" in controls.inner_text()
    assert _bar_share(controls) == pytest.approx(0.90, abs=0.01)
    assert _traffic_controls().done_count == 27
    assert refused == [], "the page broke its own Content-Security-Policy"
    context.close()


def test_a_change_made_in_the_browser_shows_in_the_history_with_before_and_after(
    live_server: Any, browser: Any, demo: None
) -> None:
    from promises.models import CitizenPromise

    draft = CitizenPromise.objects.get(municipality__slug="exempelby", status="draft")
    old_title = draft.title
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("samordnare.exempelby")
    page.get_by_label("Lösenord").fill("demo")
    page.get_by_role("button", name="Logga in").click()
    page.goto(f"{live_server.url}/arbete/loften/{draft.pk}/")
    page.get_by_role("link", name="Ändra text").click()
    page.get_by_label("Titel", exact=True).fill("Medborgarlöfte för Exempelby, reviderat utkast")
    page.get_by_role("button", name="Spara").click()
    history = page.locator("section.history")
    row = history.locator("table.changes tr", has_text="Titel").first
    assert row.locator("td").all_inner_texts() == [
        old_title,
        "Medborgarlöfte för Exempelby, reviderat utkast",
    ]
    # Named as a person, with the organisation, never by the login name.
    who = history.locator("li").first.inner_text()
    assert "Demo Samordnare Exempelby" in who and "samordnare.exempelby" not in who
    context.close()


def test_a_coordinator_sees_the_2015_evidence_on_the_map(
    live_server: Any, browser: Any, demo: None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.fill("#id_username", "samordnare.eslov")
    page.fill("#id_password", "demo")
    page.click("button.primary")
    page.goto(f"{live_server.url}/arbete/lagesbild/eslov/2015/karta/?source=complaints")
    map_element = page.locator("#situation-map[data-ready]")
    map_element.wait_for(timeout=15_000)
    assert map_element.get_attribute("data-ready") == "20"  # the 2015 complaints, all placed
    # The points are drawn, clustered where they crowd, over the district's outline.
    drawn = (
        page.locator(".marker-cluster").count() + page.locator("path.leaflet-interactive").count()
    )
    assert drawn > 1
    assert "Centrala Eslöv: 20" in page.locator(".district-count").inner_text()
    assert refused == [], "the map broke the page's Content-Security-Policy"


def test_an_impossible_count_is_refused_and_a_twin_report_is_confirmed_on_a_phone(
    live_server: Any, browser: Any, demo: None
) -> None:
    from promises.models import ActivityReport

    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("polis.eslov")
    page.get_by_label("Lösenord").fill("demo")
    page.get_by_role("button", name="Logga in").click()
    form_url = f"{live_server.url}/arbete/rapportera/{_traffic_controls().pk}/"
    page.goto(form_url)
    page.get_by_label("Datum").fill("2017-11-02")
    page.get_by_label(re.compile(r"^Antal gånger")).fill("500")
    page.get_by_label(re.compile(r"^Plats")).fill("Väg 17")
    page.get_by_role("button", name="Spara rapport").click()
    assert "kan omfatta högst 50 gånger" in page.locator(".report-form").inner_text()
    assert page.get_by_label(re.compile(r"^Plats")).input_value() == "Väg 17"
    assert _traffic_controls().done_count == 26

    page.get_by_label(re.compile(r"^Antal gånger")).fill("1")
    page.get_by_role("button", name="Spara rapport").click()
    assert _traffic_controls().done_count == 27
    page.goto(form_url)
    page.get_by_label("Datum").fill("2017-11-02")
    page.get_by_label(re.compile(r"^Plats")).fill("Väg 17")
    page.get_by_role("button", name="Spara rapport").click()
    assert "Loggen har redan en likadan rapport" in page.locator("#confirm-reasons").inner_text()
    assert _traffic_controls().done_count == 27, "nothing saved before confirmation"
    page.get_by_role("button", name="Bekräfta och spara").click()
    assert "28 av 30" in page.locator(".messages").inner_text()

    newest = ActivityReport.objects.filter(place="Väg 17").latest("pk")
    page.goto(f"{live_server.url}/arbete/rapporter/{newest.pk}/")
    page.get_by_role("link", name="Ta bort rapport").click()
    assert page.locator("h1").inner_text() == "Ta bort rapporten?"
    assert _traffic_controls().done_count == 28, "asking removes nothing"
    page.get_by_role("button", name="Ja, ta bort rapporten").click()
    assert _traffic_controls().done_count == 27
    page.get_by_role("button", name="Återställ rapporten").click()
    assert "räknas igen" in page.locator(".messages").inner_text()
    assert _traffic_controls().done_count == 28
    context.close()


def test_exempelbys_page_names_its_night_walks_and_speed_measurements_in_swedish(
    live_server: Any, browser: Any, demo: None
) -> None:
    walks = Activity.objects.get(promise__municipality__slug="exempelby", kind="night_walk")
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.goto(f"{live_server.url}/kommun/exempelby/{walks.promise.year}/")
    titles = page.locator("ol.activities > li h3").all_inner_texts()
    assert "Nattvandring: 15 kvällar" in titles
    assert "Hastighetsmätning: 6 mätningar" in titles
    walk = page.locator(f"#aktivitet-{walks.pk}")
    assert f"{walks.done_count} av 15 kvällar genomförda" in walk.inner_text()
