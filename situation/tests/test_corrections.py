"""Mistakes can be corrected: staff who register evidence may correct or withdraw it, with
the reason kept in the audit trail and the picture recounted, and undo a whole file import.
Everyone else is refused and changes nothing."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from conftest import Cast, client_for
from imports.models import FileImport, FileImportStatus
from places.models import District, Municipality
from situation.models import Complaint, Concern, CrimeStatistic, Dialogue
from situation.selectors import year_picture
from situation.services import evidence_correct
from situation.tests.factories import complaint, concern
from situation.vocabularies import Problem, Source

pytestmark = pytest.mark.django_db


def _speeding_complaints(cast: Cast) -> int:
    rows = year_picture(cast.eslov, 2016).rows
    return sum(int(r.figures.get(Source.COMPLAINTS, 0)) for r in rows if r.problem == "speeding")


def test_a_complaint_is_corrected_with_its_reason_kept_and_the_picture_recounted(
    cast: Cast,
) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2), text="Fortkörning.")
    url = f"/arbete/lagesbild/post/complaint/{found.pk}/andra/"
    client = client_for(cast.reporter)
    assert "Fortkörning." in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "received_on": "2016-03-02",
            "receiver": found.receiver,
            "channel": found.channel,
            "text": "Nedskräpning vid torget.",
            "place": "",
            "problem": Problem.LITTERING,
            "reason": "Fel kategori vid registreringen.",
        },
    )
    assert response.status_code == 302
    found.refresh_from_db()
    assert (found.problem, found.corrected_by) == (Problem.LITTERING, cast.reporter)
    assert _speeding_complaints(cast) == 0
    event = AuditEvent.objects.get(model="situation.Complaint", action="change")
    assert event.changes["reason"] == [None, "Fel kategori vid registreringen."]
    assert event.changes["problem"] == ["speeding", "littering"]


def test_a_correction_without_a_reason_is_refused_and_keeps_what_was_typed(cast: Cast) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2))
    url = f"/arbete/lagesbild/post/complaint/{found.pk}/andra/"
    response = client_for(cast.coordinator).post(
        url,
        {
            "received_on": "2016-03-04",
            "receiver": found.receiver,
            "channel": found.channel,
            "text": "Ny text",
            "problem": Problem.SPEEDING,
            "reason": "",
        },
    )
    assert response.status_code == 200
    assert "Ny text" in response.content.decode()
    found.refresh_from_db()
    assert found.received_on == date(2016, 3, 2)
    assert not AuditEvent.objects.filter(model="situation.Complaint").exists()


def test_a_withdrawn_complaint_counts_nowhere_and_its_reason_is_kept(cast: Cast) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2))
    complaint(cast.eslov, Problem.SPEEDING, date(2016, 4, 2))
    assert _speeding_complaints(cast) == 2
    url = f"/arbete/lagesbild/post/complaint/{found.pk}/ta-tillbaka/"
    client = client_for(cast.coordinator)
    assert client.post(url, {"reason": ""}).status_code == 200
    assert Complaint.objects.filter(pk=found.pk).exists()
    response = client.post(url, {"reason": "Registrerad två gånger."})
    assert response.status_code == 302
    assert not Complaint.objects.filter(pk=found.pk).exists()
    assert _speeding_complaints(cast) == 1
    event = AuditEvent.objects.get(model="situation.Complaint", action="delete")
    assert event.changes["withdrawal_reason"] == [None, "Registrerad två gånger."]
    assert event.actor == cast.coordinator


def test_a_withdrawn_dialogue_takes_its_concerns_with_it(cast: Cast) -> None:
    raised = concern(cast.eslov, Problem.LITTERING, date(2016, 9, 1), voiced_by=14)
    url = f"/arbete/lagesbild/post/dialogue/{raised.dialogue_id}/ta-tillbaka/"
    response = client_for(cast.reporter).post(url, {"reason": "Fel kommun."})
    assert response.status_code == 302
    assert not Dialogue.objects.exists() and not Concern.objects.exists()
    assert AuditEvent.objects.filter(action="delete").count() == 2


def test_a_concern_and_an_imported_statistic_are_corrected(cast: Cast) -> None:
    raised = concern(cast.eslov, Problem.LITTERING, date(2016, 9, 1), voiced_by=14)
    client = client_for(cast.coordinator)
    response = client.post(
        f"/arbete/lagesbild/post/concern/{raised.pk}/andra/",
        {"text": raised.text, "voiced_by": "4", "problem": Problem.LITTERING, "reason": "Fel"},
    )
    assert response.status_code == 302
    raised.refresh_from_db()
    assert raised.voiced_by == 4
    statistic = CrimeStatistic.objects.create(
        municipality=cast.eslov, year=2016, category="Rån", problem="robbery", reported=30
    )
    response = client.post(
        f"/arbete/lagesbild/post/crime_statistic/{statistic.pk}/andra/",
        {"reported": "3", "per_100k": "", "problem": "robbery", "reason": "Skrivfel"},
    )
    assert response.status_code == 302
    statistic.refresh_from_db()
    assert statistic.reported == 3


def test_the_records_page_offers_correcting_and_withdrawing_to_recorders_only(
    cast: Cast,
) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2))
    url = "/arbete/lagesbild/eslov/2016/poster/complaints/speeding/"
    withdraw = f"/arbete/lagesbild/post/complaint/{found.pk}/ta-tillbaka/"
    assert withdraw in client_for(cast.reporter).get(url).content.decode()
    assert withdraw not in client_for(cast.viewer).get(url).content.decode()


@pytest.mark.parametrize("action", ["andra", "ta-tillbaka"])
def test_others_cannot_correct_or_withdraw(cast: Cast, action: str) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2), text="Orört.")
    url = f"/arbete/lagesbild/post/complaint/{found.pk}/{action}/"
    data = {"text": "Ändrat", "problem": Problem.OTHER, "reason": "Försök"}
    for user, status in (
        (cast.other_coordinator, 404),
        (cast.partner, 404),
        (cast.viewer, 403),
        (None, 302),
    ):
        response = client_for(user).post(url, data)
        assert response.status_code == status, user
        if user is None:
            assert "/logga-in/" in response["Location"] or "login" in response["Location"]
    found.refresh_from_db()
    assert (found.text, found.problem) == ("Orört.", Problem.SPEEDING)
    assert not AuditEvent.objects.filter(model="situation.Complaint").exists()
    unknown = client_for(cast.coordinator).post(
        f"/arbete/lagesbild/post/promise/{found.pk}/{action}/"
    )
    assert unknown.status_code == 404


FILE = (
    "kommun;år;brottskategori;antal\n"
    "Eslöv;2016;Rån;3\n"
    "Eslöv;2016;Stöld;12\n"
    "Eslöv;2016;Bedrägeri;40\n"
).encode()


def _import(cast: Cast) -> FileImport:
    CrimeStatistic.objects.create(
        municipality=cast.eslov, year=2016, category="Rån", reported=5, per_100k=Decimal("1.5")
    )
    CrimeStatistic.objects.create(municipality=cast.eslov, year=2016, category="Stöld", reported=12)
    client = client_for(cast.coordinator)
    client.post(
        "/arbete/lagesbild/eslov/inlasning/",
        {"kind": "crime_statistics", "file": SimpleUploadedFile("brott.csv", FILE)},
    )
    run = FileImport.objects.get()
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "store_all"})
    run.refresh_from_db()
    assert run.status == FileImportStatus.STORED
    return run


def test_a_whole_import_is_undone_with_its_reason_kept(cast: Cast) -> None:
    run = _import(cast)
    assert CrimeStatistic.objects.get(category="Rån").reported == 3
    url = f"/arbete/lagesbild/inlasning/{run.pk}/angra/"
    client = client_for(cast.reporter)
    assert (
        "Undo the import" in client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    )
    client.post(url, {"reason": ""})
    assert CrimeStatistic.objects.count() == 3, "no reason, nothing undone"
    client.post(url, {"reason": "Fel år i filen."})
    run.refresh_from_db()
    assert run.status == FileImportStatus.UNDONE
    # The new row is gone; the replaced value is back, the unchanged row untouched.
    found = {s.category: (s.reported, s.per_100k) for s in CrimeStatistic.objects.all()}
    assert found == {"Rån": (5, Decimal("1.5")), "Stöld": (12, None)}
    event = AuditEvent.objects.get(model="imports.FileImport")
    assert event.changes["reason"] == [None, "Fel år i filen."]
    client.post(url, {"reason": "En gång till."})
    assert AuditEvent.objects.filter(model="imports.FileImport").count() == 1


def test_others_cannot_undo_an_import(cast: Cast) -> None:
    run = _import(cast)
    url = f"/arbete/lagesbild/inlasning/{run.pk}/angra/"
    for user, status in ((cast.other_coordinator, 404), (cast.partner, 404), (cast.viewer, 403)):
        assert client_for(user).post(url, {"reason": "Försök"}).status_code == status
    assert client_for().post(url, {"reason": "Försök"}).status_code == 302
    run.refresh_from_db()
    assert run.status == FileImportStatus.STORED
    assert CrimeStatistic.objects.count() == 3


def test_a_correction_that_types_personal_data_is_warned_about_like_a_new_record(
    cast: Cast,
) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2), text="Fortkörning.")
    url = f"/arbete/lagesbild/post/complaint/{found.pk}/andra/"
    data = {
        "received_on": "2016-03-02",
        "receiver": found.receiver,
        "channel": found.channel,
        "text": "Grannen heter Kalle Exempelsson, ring 070-123 45 67.",
        "problem": Problem.SPEEDING,
        "reason": "Kompletterad text.",
    }
    client = client_for(cast.coordinator)
    warned = client.post(url, data)
    assert warned.status_code == 200
    assert "personal data" in warned.content.decode()
    assert "Kalle Exempelsson, ring 070-123 45 67" in warned.content.decode()
    found.refresh_from_db()
    assert found.text == "Fortkörning."
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    found.refresh_from_db()
    assert found.text.startswith("Grannen heter")


def test_a_correction_form_names_its_empty_choices(cast: Cast) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2))
    page = client_for(cast.coordinator).get(f"/arbete/lagesbild/post/complaint/{found.pk}/andra/")
    assert "---------" not in page.content.decode()


def _move(cast: Cast, found: Complaint, **place: str) -> Any:
    data = {
        "received_on": "2016-03-02",
        "receiver": found.receiver,
        "channel": found.channel,
        "text": found.text,
        "problem": found.problem,
        "reason": "Platsen var fel.",
        **place,
    }
    return client_for(cast.reporter).post(
        f"/arbete/lagesbild/post/complaint/{found.pk}/andra/", data
    )


def test_a_complaint_is_moved_by_a_correction_held_to_the_place_rules(cast: Cast) -> None:
    found = complaint(
        cast.eslov, Problem.SPEEDING, date(2016, 3, 2), latitude=55.84, longitude=13.30
    )
    centre = District.objects.create(municipality=cast.eslov, name="Centrala Eslöv")
    elsewhere = District.objects.create(
        municipality=Municipality.objects.get(slug="lund"), name="Centrala Lund"
    )
    far = _move(cast, found, latitude="59.3326", longitude="18.0649", district=str(centre.pk))
    assert "481 km from the centre of Eslöv" in str(far.context["form"].errors["latitude"])
    assert "59.3326" in far.content.decode(), "what was typed is kept"
    other = _move(cast, found, latitude="55.85", longitude="13.31", district=str(elsewhere.pk))
    assert "district" in other.context["form"].errors, "a district of Lund is not offered"
    found.refresh_from_db()
    assert (found.latitude, found.longitude, found.district) == (55.84, 13.30, None)
    moved = _move(
        cast, found, place="Torget", latitude="55.85", longitude="13.31", district=str(centre.pk)
    )
    assert moved.status_code == 302
    found.refresh_from_db()
    assert (found.latitude, found.longitude, found.district) == (55.85, 13.31, centre)
    event = AuditEvent.objects.get(model="situation.Complaint", action="change")
    assert event.changes["latitude"] == [55.84, 55.85]
    assert event.changes["reason"] == [None, "Platsen var fel."]


def test_the_correction_service_refuses_a_point_outside_sweden(cast: Cast) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2))
    with pytest.raises(ValidationError, match="outside Sweden"):
        evidence_correct(
            record=found,
            changes={"latitude": 13.30, "longitude": 55.84},
            reason="Koordinater från kartan.",
            by=cast.reporter,
        )
    found.refresh_from_db()
    assert found.latitude is None
    assert not AuditEvent.objects.filter(model="situation.Complaint", action="change").exists()
