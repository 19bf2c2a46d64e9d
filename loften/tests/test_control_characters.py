"""Control characters (a vertical tab pasted from Word, an escape from a terminal) never
reach what is stored from a form, and what was stored before never takes down a feed or
a Word file: XML cannot hold them."""

import pytest
from django.urls import reverse

from conftest import Cast, client_for
from imports import tabular
from imports.reading import clean_lines
from promises.models import CitizenPromise, Commitment
from situation.models import Complaint

pytestmark = pytest.mark.django_db

TITLE = "Ctrl\x01Title\x1b"


@pytest.fixture
def stored(cast: Cast) -> Cast:
    """The published promise as text stored before input was cleaned could leave it."""
    CitizenPromise.objects.filter(pk=cast.published.pk).update(title=TITLE)
    Commitment.objects.filter(promise=cast.published).update(text="Säkrare\x0btrafik")
    return cast


@pytest.mark.parametrize("url", ["/flode/", "/kommun/eslov/flode/"])
def test_the_feeds_leave_stored_control_characters_out(stored: Cast, url: str) -> None:
    response = client_for().get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "CtrlTitle" in body
    assert "\x01" not in body and "\x1b" not in body


def test_the_public_word_file_leaves_stored_control_characters_out(stored: Cast) -> None:
    response = client_for().get(reverse("portal:promise_download", args=["eslov", 2017, "docx"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_staff_word_and_pdf_files_leave_stored_control_characters_out(stored: Cast) -> None:
    client = client_for(stored.coordinator)
    for fmt in ("docx", "pdf"):
        url = reverse("promises:promise_download", args=[stored.published.pk, fmt])
        assert client.get(url).status_code == 200, fmt


def test_a_form_stores_its_text_without_control_characters(cast: Cast) -> None:
    form = {
        "received_on": "2016-05-04",
        "receiver": "police",
        "channel": "phone",
        "text": "Fort\x1bkörning\x0bvid\r\nskolan\u202e",
        # A field's name is cleaned as well as its value.
        "pla\x1bce": "Torg\x07et",
    }
    response = client_for(cast.reporter).post("/arbete/lagesbild/eslov/klagomal/nytt/", form)
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.text == "Fortkörning vid\r\nskolan", "a vertical tab parts words"
    assert complaint.place == "Torget"


def test_a_query_with_control_characters_is_answered_as_without_them() -> None:
    response = client_for().get("/", {"q": "Esl\x01öv\x0b"})
    assert response.status_code == 200


def test_an_imported_promise_text_is_read_without_control_characters() -> None:
    # Word's manual line break (vertical tab) ends a line; other controls are dropped.
    assert clean_lines("Medborgar\x01löfte 2017\x0bTrafik\x1bkontroller") == [
        "Medborgarlöfte 2017",
        "Trafikkontroller",
    ]


def test_an_imported_table_s_text_cells_are_read_without_control_characters() -> None:
    assert tabular.read_text(20)("Fort\x01körning\x07\x0bvid") == "Fortkörning vid"


def test_a_report_from_the_phone_form_stores_its_place_without_control_characters(
    cast: Cast,
) -> None:
    """The officer's report is the form most often filled in from pasted text; a hostile
    place (every C0 control at once around the name) is stored as the name alone."""
    from promises.models import ActivityReport

    # NUL is refused at the door (RefuseNulMiddleware), tab and line breaks are text.
    hostile = "".join(chr(code) for code in range(1, 32) if chr(code) not in "\t\n\r")
    response = client_for(cast.reporter).post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        {"date": "2017-05-04", "count": 1, "place": f"{hostile}Stor\x0btorget{hostile}"},
    )
    assert response.status_code == 302
    report = ActivityReport.objects.get(activity=cast.controls)
    assert report.place == "Stor torget"
    public = client_for().get("/kommun/eslov/2017/").content.decode()
    assert "\x0b" not in public and "\x1b" not in public
