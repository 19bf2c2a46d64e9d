"""Free text typed into evidence records and activity reports, personal data included,
reaches nothing public: no page, API answer, CSV table, feed, calendar or document."""

import io
import zipfile
from datetime import date

import pdfplumber
import pytest
from django.urls import reverse

from api.tables import TABLES
from conftest import Cast, client_for
from followup.services import follow_up_approve, follow_up_draft, follow_up_update
from promises import services as promise_services
from situation import services as evidence
from situation.models import Complaint, Concern
from situation.tests.factories import publish_by_both

pytestmark = pytest.mark.django_db

# Each marker stands for personal data typed into one kind of free text.
MARKERS = {
    "complaint": "Kalle Svensson 811218-9876",
    "complaint place": "hos Kalle på Ringvägen",
    "dialogue notes": "anna.berg@exempel.se",
    "concern": "Bilen ABC 123",
    "report notes": "ring 070-123 45 67",
    "report place": "utanför Lisa Ek",
}


def _typed_everywhere(cast: Cast) -> None:
    complaint = evidence.complaint_create(
        municipality=cast.eslov,
        by=cast.coordinator,
        text=f"Grannen {MARKERS['complaint']} kör för fort vid skolan.",
        received_on=date(2016, 5, 4),
        problem="speeding",
        place=MARKERS["complaint place"],
        may_show_anonymised=True,
        confirmed=True,
    )
    evidence.dialogue_create(
        municipality=cast.eslov,
        by=cast.coordinator,
        kind="citizen",
        held_on=date(2016, 9, 17),
        form="street_stand",
        title="Dialog vid torget",
        notes=f"Kontakt: {MARKERS['dialogue notes']}",
        concerns=[
            {
                "text": f"{MARKERS['concern']} kör för fort.",
                "problem": "speeding",
                "voiced_by": 2,
                "place": "",
            }
        ],
        confirmed=True,
    )
    commitment = cast.published.commitments.get()
    evidence.commitment_motivate(
        commitment=commitment,
        by=cast.coordinator,
        problems=["speeding"],
        complaints=[complaint],
        concerns=list(Concern.objects.all()),
    )
    publish_by_both(cast, 2016)
    promise_services.activity_report_create(
        activity=cast.controls,
        by=cast.reporter,
        date=date(2017, 3, 3),
        count=2,
        place=MARKERS["report place"],
        notes=f"Föraren, {MARKERS['report notes']}.",
        confirmed=True,
    )
    follow_up = follow_up_draft(promise=cast.published, number=1, by=cast.coordinator)
    follow_up = follow_up_update(
        follow_up=follow_up,
        by=cast.coordinator,
        expected_version=follow_up.version,
        assessment="Arbetet går enligt plan.",
        activity_comments={},
        commitment_judgements={},
    )
    follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    assert Complaint.objects.count() == 1


def _public_urls() -> list[str]:
    promise = {"slug": "eslov", "year": 2017}
    picture = {"slug": "eslov", "year": 2016}
    follow_up = {**promise, "number": 1}
    urls = [
        reverse("portal:home"),
        reverse("portal:national"),
        reverse("portal:feed"),
        reverse("portal:national_calendar"),
        reverse("portal:municipality", kwargs={"slug": "eslov"}),
        reverse("portal:municipality_feed", kwargs={"slug": "eslov"}),
        reverse("portal:calendar", kwargs={"slug": "eslov"}),
        reverse("portal:promise", kwargs=promise),
        reverse("portal:promise_print", kwargs=promise),
        reverse("portal:situation", kwargs=picture),
        reverse("portal:follow_up", kwargs=follow_up),
        reverse("api:promise_list"),
        reverse("api:follow_up_list"),
        reverse("api:picture_list"),
        reverse("api:picture_detail", kwargs=picture),
        *(f"{reverse('portal:open_data_csv', args=[name])}?kommun=eslov" for name in TABLES),
    ]
    for fmt in ("pdf", "docx"):
        urls += [
            reverse("portal:promise_download", kwargs={**promise, "fmt": fmt}),
            reverse("portal:situation_download", kwargs={**picture, "fmt": fmt}),
            reverse("portal:follow_up_download", kwargs={**follow_up, "fmt": fmt}),
        ]
    return urls


def _text(response: object) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    if body.startswith(b"%PDF"):
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as docx:
            return docx.read("word/document.xml").decode()
    return body.decode("utf-8-sig")


def test_typed_free_text_reaches_nothing_public(cast: Cast) -> None:
    _typed_everywhere(cast)
    client = client_for(None)
    for url in _public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        for source, marker in MARKERS.items():
            assert marker not in text, f"{source} reached {url}"
    # The same records are there for staff: the test looked where they could have leaked.
    staff = client_for(cast.coordinator).get(
        reverse("situation:records", args=["eslov", 2016, "complaints", "speeding"])
    )
    assert MARKERS["complaint"] in staff.content.decode()
