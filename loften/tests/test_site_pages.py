"""The pages every visitor can meet: the error pages, the favicon, the accessibility statement."""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template.loader import get_template
from django.test import Client

from conftest import Cast, client_for, production_setting

PUBLIC_PAGES = [
    "/",
    "/kommun/eslov/",
    "/kommun/eslov/2017/",
    "/sverige/",
    "/oppna-data/",
    "/integritet/",
    "/konto/logga-in/",
]


def test_page_not_found_is_in_swedish(cast: Cast) -> None:
    response = client_for(language="sv").get("/kommun/finns-inte/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Sidan hittades inte" in page
    assert "Page not found" not in page


def test_server_error_page_needs_no_context_and_speaks_swedish_first() -> None:
    page = get_template("500.html").render({})
    assert '<html lang="sv">' in page
    assert "Något gick fel" in page
    assert 'href="/"' in page


def test_a_failing_view_answers_with_the_swedish_error_page(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portal import views

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(views, "render", broken)
    response = Client(raise_request_exception=False).get("/integritet/")
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_every_page_names_our_own_favicon(cast: Cast) -> None:
    assert finders.find("favicon.svg")
    for path in ("/", "/konto/logga-in/", "/kommun/finns-inte/"):
        assert 'rel="icon" href="/static/favicon.svg"' in client_for().get(path).content.decode()


def test_every_public_page_links_to_the_accessibility_statement(cast: Cast) -> None:
    for path in PUBLIC_PAGES:
        page = client_for(language="sv").get(path).content.decode()
        assert '<a href="/tillganglighet/">Tillgänglighet</a>' in page, path


def test_accessibility_statement_is_honest_about_gaps_and_names_digg(
    cast: Cast, settings: object
) -> None:
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@eslov.se"  # type: ignore[attr-defined]
    response = client_for(language="sv").get("/tillganglighet/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tillgänglighetsredogörelse" in page
    assert "WCAG 2.1" in page
    assert "Kända brister" in page
    assert "mailto:tillganglighet@eslov.se" in page
    assert "Myndigheten för digital förvaltning (DIGG)" in page
    assert "https://www.digg.se/" in page


@pytest.mark.django_db
def test_the_demo_statement_names_a_contact_that_is_plainly_an_example() -> None:
    call_command("demo")
    page = client_for(language="sv").get("/tillganglighet/").content.decode()
    report = page.split("Rapportera brister")[1].split("<h2>")[0]
    assert 'Skriv till <a href="mailto:tillganglighet@example.org">' in report


def test_only_the_demo_has_a_contact_for_accessibility_problems_by_default() -> None:
    assert production_setting("ACCESSIBILITY_CONTACT_EMAIL") == ""
    assert production_setting("ACCESSIBILITY_CONTACT_EMAIL", DEMO_MODE="true") == (
        "tillganglighet@example.org"
    )
    configured = production_setting(
        "ACCESSIBILITY_CONTACT_EMAIL", DEMO_MODE="true", ACCESSIBILITY_CONTACT_EMAIL="a@eslov.se"
    )
    assert configured == "a@eslov.se"


def test_every_table_cell_of_a_page_names_its_column_for_phones() -> None:
    """On a phone a table's rows are stacked and each cell shows its data-label; a cell
    without one would show a bare value. Only head rows and cells spanning the row may
    go without. Printed documents (documents/templates) are not pages."""
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    bare = []
    for template in root.glob("**/templates/**/*.html"):
        if ".venv" in template.parts or "documents" in template.parts:
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            for cell in line.split("<td")[1:]:
                head = "<thead>" in line and line.index("<thead>") < line.index("<td")
                if not head and not cell.startswith((" data-label", " colspan", " class")):
                    bare.append(f"{template.relative_to(root)}:{number}")
                elif cell.startswith(" class") and "data-label" not in cell.split(">")[0]:
                    bare.append(f"{template.relative_to(root)}:{number}")
    assert bare == []
