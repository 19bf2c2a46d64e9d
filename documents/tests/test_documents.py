"""Every document, in PDF and Word, rendered and read back: the activities and figures are
there, the PDF is tagged with a title and a language, and only what is public is public."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from PIL import Image

from conftest import Cast, client_for
from documents.model import Document
from documents.services import document_file, document_render
from followup import services as followup_services
from followup.tests.conftest import publish_evaluation
from places.forms import MunicipalityAdminForm, read_logo
from places.models import Logo
from promises import services
from promises.models import Signatory
from promises.printing import promise_document
from situation.models import Complaint, Motivation, PublishedPicture

from .helpers import assert_tagged, docx_text, pdf_text

APRIL = datetime(2017, 4, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def logged(cast: Cast) -> Cast:
    services.activity_report_create(
        activity=cast.controls,
        by=cast.reporter,
        date=date(2017, 3, 2),
        count=7,
        vehicles_checked=1234,
        breath_tests=800,
    )
    Signatory.objects.create(
        promise=cast.published, name="Eva Exempel", title="Kommunstyrelsens ordförande"
    )
    return cast


def _get(url: str, user: object = None) -> bytes:
    response = client_for(user, language="sv").get(url)
    assert response.status_code == 200, url
    return response.content


def test_the_promise_as_pdf_names_its_activities_and_figures(logged: Cast) -> None:
    data = _get(reverse("portal:promise_download", args=["eslov", 2017, "pdf"]))
    text, metadata, catalog = pdf_text(data)
    assert_tagged(metadata, catalog, "Medborgarlöfte 2017", b"sv")
    for expected in (
        "Trafikkontroll",
        "Trafikkontroller",
        "7 av 30",
        "Trygghetsvandring",
        "Säkrare trafik",
        "Eva Exempel",
        "Sida 1 av",
    ):
        assert expected in text, expected
    assert "Eslöv" in text


def test_the_promise_as_word_names_its_activities_and_figures(logged: Cast) -> None:
    data = _get(reverse("portal:promise_download", args=["eslov", 2017, "docx"]))
    text, document = docx_text(data)
    for expected in (
        "Medborgarlöfte 2017",
        "Trafikkontroll: Trafikkontroller",
        "7 av 30",
        "Säkrare trafik",
        "Eva Exempel",
        "Eslöv",
    ):
        assert expected in text, expected
    assert document.core_properties.title == "Medborgarlöfte 2017"
    assert document.core_properties.language == "sv-SE"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Aktiviteter" in headings and "Våra löften" in headings
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_a_draft_is_printed_for_staff_only(cast: Cast) -> None:
    assert client_for().get("/kommun/eslov/2018/pdf/").status_code == 404
    url = reverse("promises:promise_download", args=[cast.draft.pk, "pdf"])
    assert client_for(cast.other_coordinator).get(url).status_code == 404
    text, _metadata, _catalog = pdf_text(_get(url, cast.coordinator))
    assert "Hemligt utkast 2018" in text


def _published_follow_up(cast: Cast) -> None:
    with time_machine.travel(APRIL, tick=False):
        draft = followup_services.follow_up_draft(promise=cast.published, number=1, by=None)
    followup_services.follow_up_update(
        follow_up=draft,
        by=cast.coordinator,
        expected_version=draft.version,
        assessment="Kontrollerna ligger efter, fler pass planeras i maj.",
        activity_comments={cast.controls.pk: "Sju kontroller vid skolorna."},
        commitment_judgements={},
    )
    followup_services.follow_up_approve(follow_up=draft, by=cast.coordinator)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_follow_up_prints_its_figures_and_judgement(logged: Cast, fmt: str) -> None:
    url = reverse("portal:follow_up_download", args=["eslov", 2017, 1, fmt])
    assert client_for().get(url).status_code == 404, "not published yet"
    _published_follow_up(logged)
    data = _get(url)
    text = pdf_text(data)[0] if fmt == "pdf" else docx_text(data)[0]
    if fmt == "pdf":
        _text, metadata, catalog = pdf_text(data)
        assert_tagged(metadata, catalog, "Uppföljning 1 av Medborgarlöfte 2017", b"sv")
    for expected in (
        "Uppföljning 1 av Medborgarlöfte 2017",
        "7 av 30",
        "Kontrollerade fordon: 1 234",
        "Sju kontroller vid skolorna.",
        "Kontrollerna ligger efter, fler pass planeras i maj.",
    ):
        assert expected in text.replace("\u00a0", " "), expected


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_evaluation_prints_its_effect_with_small_counts_hidden(cast: Cast, fmt: str) -> None:
    for n in range(5):
        Complaint.objects.create(
            municipality=cast.eslov, received_on=date(2016, 3, 1 + n), text="x", problem="speeding"
        )
    Complaint.objects.create(
        municipality=cast.eslov, received_on=date(2017, 3, 1), text="x", problem="speeding"
    )
    Motivation.objects.create(commitment=cast.published.commitments.get(), problem="speeding")
    with time_machine.travel(datetime(2017, 11, 1, tzinfo=ZoneInfo("UTC")), tick=False):
        evaluation = followup_services.evaluation_start(promise=cast.published, by=None)
    followup_services.evaluation_update(
        evaluation=evaluation,
        by=cast.coordinator,
        expected_version=evaluation.version,
        summary="Färre klagomål än året innan.",
        commitment_texts={},
        activity_carry_over={},
    )
    staff = _get(
        reverse("followup:evaluation_download", args=[evaluation.pk, fmt]), cast.coordinator
    )
    publish_evaluation(cast, evaluation)
    public = _get(reverse("portal:evaluation_download", args=["eslov", 2017, fmt]))
    read = pdf_text if fmt == "pdf" else docx_text
    staff_text, public_text = read(staff)[0], read(public)[0]
    if fmt == "pdf":
        _text, metadata, catalog = pdf_text(public)
        assert_tagged(metadata, catalog, "Utvärdering av Medborgarlöfte 2017", b"sv")
    assert "Färre klagomål än året innan." in public_text
    assert "Hastighetsöverträdelser" in public_text
    assert "färre än 3" in public_text and "färre än 3" not in staff_text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_published_picture_prints_for_the_public_and_an_unpublished_one_does_not(
    cast: Cast, fmt: str
) -> None:
    for n in range(4):
        Complaint.objects.create(
            municipality=cast.eslov,
            received_on=date(2016, 5, 1 + n),
            text="Hemlig",
            problem="speeding",
        )
    url = reverse("portal:situation_download", args=["eslov", 2016, fmt])
    assert client_for().get(url).status_code == 404
    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    data = _get(url)
    text = pdf_text(data)[0] if fmt == "pdf" else docx_text(data)[0]
    assert "Lägesbild Eslöv 2016" in text and "Hastighetsöverträdelser" in text
    assert "Hemlig" not in text
    staff = _get(reverse("situation:download", args=["eslov", 2016, fmt]), cast.coordinator)
    staff_text = pdf_text(staff)[0] if fmt == "pdf" else docx_text(staff)[0]
    assert "Hastighetsöverträdelser" in staff_text


def _png(width: int = 120, height: int = 40) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (11, 79, 138)).save(out, format="PNG")
    return out.getvalue()


def test_the_municipalitys_logo_is_printed(cast: Cast) -> None:
    form = MunicipalityAdminForm(
        {
            "code": cast.eslov.code,
            "name": cast.eslov.name,
            "slug": "eslov",
            "county": cast.eslov.county_id,
        },
        MultiValueDict(
            {"logo_file": [SimpleUploadedFile("eslov.png", _png(), content_type="image/png")]}
        ),
        instance=cast.eslov,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert Logo.objects.get(municipality=cast.eslov).content_type == "image/png"
    pdf = _get(reverse("portal:promise_download", args=["eslov", 2017, "pdf"]))
    assert pdf_text(pdf)[1]["images"] >= 1
    word = _get(reverse("portal:promise_download", args=["eslov", 2017, "docx"]))
    header = docx_text(word)[1].sections[0].header
    assert any("image" in rel.reltype for rel in header.part.rels.values())


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG or JPEG"),
        ("logo.png", b"\x89PNG broken", "not a PNG or JPEG"),
        ("huge.png", b"\0" * (301 * 1024), "at most 300 kB"),
    ],
)
def test_a_bad_logo_is_refused_with_its_name(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=f"{name.split('.')[0]}.*{message}"):
        read_logo(SimpleUploadedFile(name, data))


def test_a_document_is_rendered_again_only_when_what_it_shows_changes(logged: Cast) -> None:
    promise = logged.published
    first = promise_document(promise, date(2017, 5, 1))
    data = document_file(first, "pdf")
    assert data is not None
    assert cache.get(f"document:pdf:{first.fingerprint()}") == data
    same = promise_document(promise, date(2017, 5, 1))
    assert same.fingerprint() == first.fingerprint()
    services.activity_report_create(
        activity=logged.controls, by=logged.reporter, date=date(2017, 4, 9)
    )
    promise.refresh_from_db()
    changed = promise_document(type(promise).objects.get(pk=promise.pk), date(2017, 5, 1))
    assert changed.fingerprint() != first.fingerprint()
    assert "8 of 30" in pdf_text(document_file(changed, "pdf") or b"")[0]


def test_a_client_that_has_the_file_is_told_so(logged: Cast) -> None:
    url = reverse("portal:promise_download", args=["eslov", 2017, "pdf"])
    first = client_for().get(url)
    again = client_for().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@override_settings(
    DOCUMENT_INLINE_SIZE=0,
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
)
def test_a_long_document_is_rendered_in_the_background_while_the_reader_waits(
    logged: Cast,
) -> None:
    from django_tasks import default_task_backend

    url = reverse("portal:promise_download", args=["eslov", 2017, "pdf"])
    waiting = client_for(language="sv").get(url)
    assert waiting.status_code == 202
    assert 'http-equiv="refresh"' in waiting.content.decode()
    client_for(language="sv").get(url)  # a second reader does not queue it again
    queued = default_task_backend.results  # type: ignore[attr-defined]
    assert len(queued) == 1
    doc_json, fmt = queued[0].args
    document_render(Document.from_json(doc_json), fmt)  # what the worker does
    ready = client_for(language="sv").get(url)
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF-")


def test_a_document_survives_its_own_serialisation(logged: Cast) -> None:
    doc = promise_document(logged.published, date(2017, 5, 1))
    assert Document.from_json(doc.to_json()) == doc


def test_words_and_figures_in_a_table_cell_are_not_split_across_lines() -> None:
    from documents.model import Document, Table
    from documents.rendering import pdf_of

    # Many narrow columns: the cells are as tight as a follow-up's or a ranking's.
    header = ("Aktivitet", *(f"Kolumn {n}" for n in range(1, 8)), "Takt")
    row = ("Trafikkontroller", *("1 234 kontroller" for _ in range(7)), "Efter takten")
    doc = Document(
        title="Tabell",
        organisation="Eslövs kommun",
        running_head="Tabell",
        language="sv",
        blocks=(Table(caption="Tabell", header=header, rows=(row,) * 3, numeric=(1,)),),
    )
    text, _, _ = pdf_text(pdf_of(doc))
    # WeasyPrint marks a word it hyphenates with U+2010 (or a hyphen-minus) at the line end.
    assert "\u2010" not in text and "-\n" not in text, text
    assert text.count("kontroller") == 3 * (7 + 1) and "takten" in text  # + Trafikkontroller
    assert "1 234" in text
