"""Bringing in a promise in the staff pages: paste or upload, check beside the source,
correct, save as a draft."""

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from conftest import Cast, client_for
from imports import views
from imports.limits import PAGE_TEXT_CHARACTERS
from imports.models import ImportedDocument
from imports.reading import parse_text
from imports.tests.documents import write_docx
from promises.models import CitizenPromise

HTML = Path(__file__).resolve().parent / "texts" / "seed_page.html"
START, SAVE = "/arbete/inlasning/", "/arbete/inlasning/spara/"


def _review_post(response: Any, **changes: Any) -> dict[str, Any]:
    """What the browser would send back from the review page, with some fields changed."""
    context = response.context
    form, rows = context["form"], context["rows"]
    data: dict[str, Any] = {
        "municipality": context["municipality"].pk,
        "index": context["index"],
        "source": context["source"],
        "source_name": context["source_name"],
        **{name: form.initial.get(name) or "" for name in form.fields},
        "act-TOTAL_FORMS": len(rows.forms),
        "act-INITIAL_FORMS": 0,
        "act-MIN_NUM_FORMS": 0,
        "act-MAX_NUM_FORMS": 60,
    }
    for number, row in enumerate(rows.forms):
        for name in ("kind", "target", "unit", "description", "partners", "rate_count", "rate_per"):
            value = row.initial.get(name)
            data[f"act-{number}-{name}"] = "" if value is None else value
        if row.initial.get("minimum"):
            data[f"act-{number}-minimum"] = "on"
        data[f"act-{number}-focus"] = row.initial.get("focus", [])
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _fresh(cast: Cast) -> None:
    CitizenPromise.objects.filter(municipality=cast.eslov).delete()


def test_paste_check_correct_and_save_both_years(cast: Cast) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    assert review.status_code == 200
    page = review.content.decode()
    assert "Medborgarlöften i Eslöv 2017" in page and "document 1 of 2" in page
    assert "Anna-Karin Boije" in page  # the source beside the form
    next_page = client.post(
        SAVE, _review_post(review, title="Medborgarlöfte Eslöv 2017", follow_up="quarterly")
    )
    first = CitizenPromise.objects.get(municipality=cast.eslov, year=2017)
    assert first.title == "Medborgarlöfte Eslöv 2017" and first.status == "draft"
    assert first.follow_up == "quarterly"
    assert [(a.kind, a.target) for a in first.activities.all()] == [
        ("school_education", 1),
        ("safety_walk", 2),
        ("traffic_operation", 4),
        ("traffic_control", 30),
        ("citizen_dialogue", 2),
    ]
    assert "document 2 of 2" in next_page.content.decode()
    done = client.post(SAVE, _review_post(next_page))
    second = CitizenPromise.objects.get(municipality=cast.eslov, year=2016)
    assert done["Location"] == reverse("promises:promise_detail", args=[second.pk])
    assert ImportedDocument.objects.count() == 2


def test_a_corrected_target_is_saved(cast: Cast) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    client.post(SAVE, _review_post(review, **{"act-3-target": 35}))
    promise = CitizenPromise.objects.get(municipality=cast.eslov, year=2017)
    controls = promise.activities.get(kind="traffic_control")
    assert controls.target == 35


def test_the_rate_and_at_least_read_from_the_text_are_kept_and_can_be_changed(
    cast: Cast,
) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    text = (
        "Medborgarlöfte Eslöv 2019\n"
        "Polisen lovar att:\n"
        "• genomföra trafikkontroller minst en gång i månaden vid skolorna.\n"
        "• genomföra trygghetsvandringar två gånger per termin.\n"
    )
    review = client.post(START, {"municipality": cast.eslov.pk, "text": text})
    rows = review.context["rows"].forms[:2]  # and an empty row to add one
    assert [
        (r.initial["rate_count"], r.initial["rate_per"], r.initial["minimum"]) for r in rows
    ] == [
        (1, "month", True),
        (2, "term", False),
    ]
    # A rate with no period is refused on its field, and nothing is saved.
    refused = client.post(SAVE, _review_post(review, **{"act-1-rate_per": ""}))
    assert refused.status_code == 200
    assert "act-1-rate_per" in refused.content.decode() or refused.context["rows"].errors[1]
    assert not CitizenPromise.objects.filter(municipality=cast.eslov, year=2019).exists()
    client.post(SAVE, _review_post(review, **{"act-1-rate_count": 3}))
    promise = CitizenPromise.objects.get(municipality=cast.eslov, year=2019)
    assert [
        (a.kind, a.rate_count, a.rate_per, a.minimum, a.target)
        for a in promise.activities.order_by("position")
    ] == [
        ("traffic_control", 1, "month", True, 12),
        ("safety_walk", 3, "term", False, 6),
    ]


def test_upload_a_word_document(cast: Cast, tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "loften.docx",
        "Medborgarlöfte Eslöv 2019",
        ["Aktiviteter", "• Tre trygghetsvandringar.", "2019-02-01"],
    )
    with open(path, "rb") as upload:
        review = client_for(cast.coordinator).post(
            START, {"municipality": cast.eslov.pk, "file": upload}
        )
    assert review.status_code == 200 and review.context["source_name"] == "loften.docx"


def test_a_file_name_longer_than_the_disk_allows_is_read(cast: Cast) -> None:
    """A name of 300 bytes made the server fail when the file was written under it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    name = "ö" * 150 + ".html"
    upload = SimpleUploadedFile(name, HTML.read_bytes(), content_type="text/html")
    review = client_for(cast.coordinator).post(
        START, {"municipality": cast.eslov.pk, "file": upload}
    )
    assert review.status_code == 200 and review.context["source_name"] == name


def test_a_file_that_is_not_a_promise_gets_a_message(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "bild.pdf"
    path.write_bytes(b"%PDF-1.4 trasig")
    with open(path, "rb") as upload:
        response = client_for(cast.coordinator).post(
            START, {"municipality": cast.eslov.pk, "file": upload}
        )
    assert "not a readable PDF file" in response.content.decode()


def test_the_same_year_twice_is_refused_and_nothing_is_saved(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    before = CitizenPromise.objects.count()
    response = client.post(SAVE, _review_post(review))
    assert "already has a promise for 2017" in response.content.decode()
    assert CitizenPromise.objects.count() == before


def test_the_text_is_read_once_per_request_also_when_a_save_is_refused(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(text: str) -> dict[str, Any]:
        calls.append(text)
        return parse_text(text)

    monkeypatch.setattr(views, "parse_text", counted)
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    assert len(calls) == 1
    calls.clear()
    refused = client.post(SAVE, _review_post(review))
    assert "already has a promise for 2017" in refused.content.decode()
    assert len(calls) == 1


def test_another_municipality_cannot_be_chosen_or_posted(cast: Cast) -> None:
    _fresh(cast)
    text = HTML.read_text(encoding="utf-8")
    response = client_for(cast.other_coordinator).post(
        START, {"municipality": cast.eslov.pk, "text": text}
    )
    assert "municipality" in response.context["form"].errors
    review = client_for(cast.coordinator).post(START, {"municipality": cast.eslov.pk, "text": text})
    forged = client_for(cast.other_coordinator).post(SAVE, _review_post(review))
    assert forged.status_code == 302 and forged["Location"] == START
    assert not CitizenPromise.objects.filter(municipality=cast.eslov).exists()


def test_a_text_of_another_municipality_is_named_and_saved_only_when_confirmed(
    cast: Cast,
) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    text = HTML.read_text(encoding="utf-8").replace("Eslöv", "Hörby")
    review = client.post(START, {"municipality": cast.eslov.pk, "text": text})
    page = review.content.decode()
    assert "The text names the municipality: Hörby." in page
    assert "This looks like a promise of Hörby, but it will be saved as a draft of Eslöv" in page
    refused = client.post(SAVE, _review_post(review))
    assert refused.status_code == 200
    assert "The text is a promise of Hörby, not of Eslöv." in refused.content.decode()
    assert refused.context["form"]["title"].value() == review.context["form"].initial["title"]
    assert not CitizenPromise.objects.filter(municipality=cast.eslov).exists()
    client.post(SAVE, _review_post(review, confirmed="1"))
    saved = CitizenPromise.objects.get(municipality=cast.eslov)
    assert "Hörby" in saved.title


def test_a_text_of_the_chosen_municipality_asks_nothing(cast: Cast) -> None:
    _fresh(cast)
    client = client_for(cast.coordinator)
    review = client.post(
        START, {"municipality": cast.eslov.pk, "text": HTML.read_text(encoding="utf-8")}
    )
    assert "The text names the municipality: Eslöv." in review.content.decode()
    assert 'name="confirmed"' not in review.content.decode()


def test_a_pasted_text_past_the_form_limit_is_told_the_limit_and_to_upload_it(
    cast: Cast,
) -> None:
    # 3 MB, past Django's DATA_UPLOAD_MAX_MEMORY_SIZE of 2.5 MB, sent as the browser sends it.
    text = "Trafikkontroller i centrum.\n" * (3 * 1024 * 1024 // 28)
    response = client_for(cast.coordinator, language="sv").post(
        START, {"municipality": cast.eslov.pk, "text": text}
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "<h1>Den inklistrade texten är för lång</h1>" in page
    assert "högst 2,5\xa0MB" in page and "upp till 20\xa0MB" in page
    assert "ladda upp den i stället" in page and f'href="{START}"' in page


def _at_length(length: int) -> str:
    """A promise of Eslöv, then paragraphs of background until the text is `length` long."""
    promise = (
        "Medborgarlöfte Eslöv 2019\n\nAktiviteter\n\n• Tre trygghetsvandringar.\n\n"
        "Eslöv 2019-02-01\n\n"
    )
    filler = "Lägesbilden bygger på dialoger med föreningar i stadsdelarna. Älgö, Ödåkra.\n\n"
    text = promise + filler * ((length - len(promise)) // len(filler) + 1)
    return text[:length]


def test_a_text_longer_than_the_page_reads_is_told_its_length_and_nothing_is_read(
    cast: Cast, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A long text held a worker past a proxy's time limit while it was read; it is now
    refused before it is read, pasted or uploaded."""
    read: list[str] = []

    def counted(text: str) -> dict[str, Any]:
        read.append(text)
        return parse_text(text)

    monkeypatch.setattr(views, "parse_text", counted)
    text = _at_length(PAGE_TEXT_CHARACTERS + 1)
    client = client_for(cast.coordinator, language="sv")
    pasted = client.post(START, {"municipality": cast.eslov.pk, "text": text})
    path = tmp_path / "lång.txt"
    path.write_text(text, encoding="utf-8")
    with open(path, "rb") as upload:
        uploaded = client.post(START, {"municipality": cast.eslov.pk, "file": upload})
    for response in (pasted, uploaded):
        assert response.status_code == 200
        page = response.content.decode()
        assert "Texten är 1\xa0000\xa0001 tecken lång" in page
        assert "läser högst 1\xa0000\xa0000" in page
    assert read == [] and not ImportedDocument.objects.exists()


def test_a_text_as_long_as_the_page_reads_is_reviewed_and_saved(cast: Cast, tmp_path: Path) -> None:
    """The review form sends the text back whole, as a file form does (every "ö" two bytes,
    not six as in an address), within what Django takes."""
    _fresh(cast)
    path = tmp_path / "lång.txt"
    path.write_text(_at_length(PAGE_TEXT_CHARACTERS), encoding="utf-8")
    client = client_for(cast.coordinator)
    with open(path, "rb") as upload:
        review = client.post(START, {"municipality": cast.eslov.pk, "file": upload})
    assert review.status_code == 200
    assert 'enctype="multipart/form-data"' in review.content.decode()
    assert len(review.context["source"]) == PAGE_TEXT_CHARACTERS
    saved = client.post(SAVE, _review_post(review))
    assert saved.status_code == 302
    promise = CitizenPromise.objects.get(municipality=cast.eslov, year=2019)
    assert [a.target for a in promise.activities.all()] == [3]


def test_line_breaks_a_browser_sends_as_two_characters_count_once(cast: Cast) -> None:
    """A text area's line breaks come back as CR LF: a text just within the limit, sent
    back so, is still read, not taken for a lost one."""
    _fresh(cast)
    text = _at_length(PAGE_TEXT_CHARACTERS)
    client = client_for(cast.coordinator)
    review = client.post(START, {"municipality": cast.eslov.pk, "text": text})
    assert review.status_code == 200
    sent_back = _review_post(review, source=text.replace("\n", "\r\n"))
    assert len(sent_back["source"]) > PAGE_TEXT_CHARACTERS
    saved = client.post(SAVE, sent_back)
    assert saved.status_code == 302
    assert CitizenPromise.objects.filter(municipality=cast.eslov, year=2019).exists()
