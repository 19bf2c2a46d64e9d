"""A published situation picture keeps the figures it was published with: evidence added,
corrected or withdrawn later shows as a note, and changes the public figures only when a
coordinator of each party approves the new figures, which the history records."""

import csv
import io
from datetime import date

import pytest

from audit.models import AuditEvent
from conftest import Cast, client_for
from situation import services
from situation.models import Complaint, PublishedPicture
from situation.tests.factories import complaint, police_coordinator, publish_by_both
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db

PUBLIC = "/kommun/eslov/lagesbild/2016/"
STAFF = "/arbete/lagesbild/eslov/2016/"


@pytest.fixture
def published(cast: Cast) -> PublishedPicture:
    for month in (3, 4, 5, 6):
        complaint(cast.eslov, Problem.SPEEDING, date(2016, month, 2))
    published: PublishedPicture = publish_by_both(cast, 2016)
    return published


def _later_evidence(cast: Cast) -> None:
    for month in (7, 8, 9, 10, 11, 12):
        complaint(cast.eslov, Problem.SPEEDING, date(2016, month, 2))


def _api_figure(client: object) -> float | None:
    found = client.get("/api/v1/situation-pictures/eslov/2016").json()  # type: ignore[attr-defined]
    figure: float | None = found["problems"][0]["figures"]["complaints"]
    return figure


def test_later_evidence_leaves_the_public_figures_as_published(
    cast: Cast, published: PublishedPicture
) -> None:
    _later_evidence(cast)
    public = client_for()
    page = public.get(PUBLIC).content.decode()
    assert ">4<" in page and ">10<" not in page
    assert "The evidence of the year has changed since" in page
    api = public.get("/api/v1/situation-pictures/eslov/2016").json()
    assert api["problems"][0]["figures"]["complaints"] == 4
    assert api["evidence_changed_since"] is True
    table = public.get("/oppna-data/lagesbilder.csv?kommun=eslov").content.decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(table), delimiter=";")]
    assert [r["figure"] for r in rows if r["source"] == "complaints"] == ["4"]


def test_the_public_documents_show_the_published_figures_too(
    cast: Cast, published: PublishedPicture
) -> None:
    from situation.printing import picture_document
    from situation.selectors import frozen_picture

    _later_evidence(cast)
    doc = picture_document(
        frozen_picture(published),
        answered={},
        public=True,
        period_label="2016",
        before_label="2015",
        note="noted",
    )
    table = next(b for b in doc.blocks if hasattr(b, "rows"))
    assert table.rows[0][1] == "4"
    response = client_for().get("/kommun/eslov/lagesbild/2016/pdf/")
    assert response.status_code == 200


def test_staff_see_which_figures_differ_and_no_note_while_they_agree(
    cast: Cast, published: PublishedPicture
) -> None:
    staff = client_for(cast.coordinator)
    assert "The published figures agree with the evidence." in staff.get(STAFF).content.decode()
    assert "The evidence of the year has changed" not in client_for().get(PUBLIC).content.decode()
    _later_evidence(cast)
    page = staff.get(STAFF).content.decode()
    assert "has changed since it was published: 1 figure now differs" in page
    assert "/arbete/lagesbild/eslov/2016/publicera/" in page  # to approve the new figures
    assert ">4<" in page and ">10<" in page  # published and now, side by side


def test_a_withdrawn_record_is_noted_too(cast: Cast, published: PublishedPicture) -> None:
    services.evidence_withdraw(
        record=Complaint.objects.first(),  # type: ignore[arg-type]
        reason="Registrerat två gånger.",
        by=cast.coordinator,
    )
    assert "figure now differs" in client_for(cast.coordinator).get(STAFF).content.decode()
    assert ">4<" in client_for().get(PUBLIC).content.decode()


def test_publishing_again_takes_the_new_figures_and_is_recorded_in_the_history(
    cast: Cast, published: PublishedPicture
) -> None:
    _later_evidence(cast)
    preview = client_for(cast.coordinator).get(f"{STAFF}publicera/").content.decode()
    assert "The figures differ from those that were approved" in preview
    assert "it no longer counts" in preview
    police = police_coordinator(cast.police_org)
    publish_by_both(cast, 2016)
    public = client_for()
    page = public.get(PUBLIC).content.decode()
    assert ">10<" in page
    assert "The evidence of the year has changed" not in page
    assert "and again on" in page
    assert _api_figure(public) == 10
    published.refresh_from_db()
    assert published.updated_by == police
    event = AuditEvent.objects.filter(model="situation.PublishedPicture", action="change").get()
    assert event.actor == police
    assert any("4 → 10" in line for line in event.changes["changed_figures"][1])


def test_the_migration_freezes_pictures_published_before_figures_were_kept(
    cast: Cast, published: PublishedPicture
) -> None:
    import importlib

    from django.apps import apps

    PublishedPicture.objects.update(figures=None)
    migration = importlib.import_module(
        "situation.migrations.0008_published_picture_frozen_figures"
    )
    migration.freeze_published(apps, None)
    published.refresh_from_db()
    assert published.figures is not None
    assert published.figures["rows"][0]["figures"]["complaints"] == 4
