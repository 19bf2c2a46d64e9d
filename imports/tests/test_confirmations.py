"""An imported promise text is public once published: personal data in it is stored only
once confirmed, on the review page and with `loften import --confirm`."""

from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from conftest import Cast, client_for
from imports.tests.test_views import SAVE, START, _fresh, _review_post
from promises.models import CitizenPromise

pytestmark = pytest.mark.django_db

HTML = Path(__file__).resolve().parent / "texts" / "seed_page.html"
WALKS = "<li>Två gemensamma trygghetsvandringar i Eslövs kommun."


def _with_phone(tmp_path: Path) -> Path:
    text = HTML.read_text(encoding="utf-8").replace(
        WALKS, WALKS.replace(".", ", anmälan på 070-123 45 67."), 1
    )
    path = tmp_path / "with_phone.html"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_asks_before_importing_personal_data(cast: Cast, tmp_path: Path) -> None:
    _fresh(cast)
    path = _with_phone(tmp_path)
    with pytest.raises(CommandError) as caught:
        call_command("import", str(path), "--municipality", "eslov")
    message = str(caught.value)
    assert "a phone number (070-123 45 67)" in message
    assert "run again with --confirm" in message
    assert not CitizenPromise.objects.filter(municipality=cast.eslov).exists()
    call_command("import", str(path), "--municipality", "eslov", "--confirm")
    stored = CitizenPromise.objects.get(municipality=cast.eslov, year=2017)
    walks = stored.activities.get(kind="safety_walk")
    assert "anmälan på 070-123 45 67" in walks.description


def test_the_review_page_asks_before_saving_personal_data(cast: Cast) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    situation = "Kontakt: polis.eslov@example.se"
    data: dict[str, Any] = _review_post(review, situation=situation)
    warned = client.post(SAVE, data)
    page = warned.content.decode()
    assert warned.status_code == 200
    assert "an e-mail address (polis.eslov@example.se)" in page
    assert f"{situation}</textarea>" in page
    assert not CitizenPromise.objects.filter(municipality=cast.eslov).exists()
    client.post(SAVE, {**data, "confirmed": "1"})
    assert CitizenPromise.objects.get(municipality=cast.eslov, year=2017).situation == situation


def test_the_unit_of_an_imported_activity_is_checked_for_personal_data(cast: Cast) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    data: dict[str, Any] = _review_post(review, **{"act-0-unit": "070-123 45 67"})
    warned = client.post(SAVE, data)
    page = warned.content.decode()
    assert warned.status_code == 200
    assert "Unit of activity 1: " in page and "a phone number (070-123 45 67)" in page
    assert 'value="070-123 45 67"' in page
    assert not CitizenPromise.objects.filter(municipality=cast.eslov).exists()
    client.post(SAVE, {**data, "confirmed": "1"})
    stored = CitizenPromise.objects.get(municipality=cast.eslov, year=2017)
    assert stored.activities.filter(unit="070-123 45 67").exists()
