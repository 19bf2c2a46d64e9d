"""The Eslöv demo holds the seed's facts, is idempotent and exists only in demo mode."""

from datetime import date

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from promises.demo import load_demo
from promises.models import Agreement, CitizenPromise
from promises.vocabularies import FollowUpCadence, PromiseStatus

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)


def _table_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_second_run_changes_nothing() -> None:
    assert load_demo(TODAY) is True
    before = _table_counts()
    assert load_demo(TODAY) is False
    assert _table_counts() == before


def test_command_says_when_nothing_changed(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("demo")
    call_command("demo")
    out = capsys.readouterr().out
    assert "Demo loaded." in out and "nothing changed" in out and "polis.eslov" in out


@override_settings(DEMO_MODE=False)
def test_demo_is_refused_outside_demo_mode() -> None:
    with pytest.raises(CommandError, match="demo mode"):
        call_command("demo")
    assert not CitizenPromise.objects.exists()


def _eslov(year: int) -> CitizenPromise:
    return CitizenPromise.objects.get(municipality__slug="eslov", year=year)


def test_eslov_2017_as_the_seed_states_it() -> None:
    load_demo(TODAY)
    promise = _eslov(2017)
    assert promise.status == PromiseStatus.PUBLISHED
    assert promise.signed_on == date(2017, 2, 15)
    activities = list(promise.activities.prefetch_related("responsible"))
    assert [(a.kind, a.target) for a in activities] == [
        ("school_education", 1),
        ("safety_walk", 2),
        ("traffic_operation", 4),
        ("traffic_control", 30),
        ("citizen_dialogue", 2),
    ]
    assert {o.name for o in activities[0].responsible.all()} == {
        "Räddningstjänsten Syd",
        "Lokalpolisområde Eslöv",
    }
    assert "årskurs 4" in activities[0].audience
    assert activities[3].focus == ["speed", "behaviour", "alcohol_drugs"]
    assert [(s.name, s.title) for s in promise.signatories.all()] == [
        ("Anna-Karin Boije", "Lokalpolisområdeschef"),
        ("Johan Andersson", "Kommunstyrelsens ordförande"),
    ]


def test_eslov_2016_as_the_seed_states_it() -> None:
    load_demo(TODAY)
    promise = _eslov(2016)
    assert promise.signed_on == date(2016, 4, 7)
    assert promise.follow_up == FollowUpCadence.QUARTERLY
    assert promise.evaluation_due == date(2016, 12, 31)
    assert promise.commitments.count() == 3
    activities = list(promise.activities.all())
    assert [(a.kind, a.target) for a in activities] == [
        ("traffic_operation", 2),
        ("safety_walk", 2),
        ("citizen_dialogue", 2),
    ]
    assert activities[0].place == "centrala Eslöv"
    assert "unprotected_road_users" in activities[0].focus
    assert "oskyddade trafikanter" in promise.commitments.first().text  # type: ignore[union-attr]
    # Each activity carries out the commitment that names it, so a follow-up measures the
    # walks and the dialogues against their targets.
    positions = [a.commitment.position if a.commitment else None for a in activities]
    assert positions == [0, 1, 2]


def test_agreement_2015_2018_signed_in_november_2015() -> None:
    load_demo(TODAY)
    agreement = Agreement.objects.get(municipality__slug="eslov")
    assert (agreement.start_year, agreement.end_year) == (2015, 2018)
    assert agreement.signed_on is not None
    assert (agreement.signed_on.year, agreement.signed_on.month) == (2015, 11)
    assert agreement.signed_month_only
    assert _eslov(2016).agreement == agreement == _eslov(2017).agreement


def test_invented_log_moves_the_bars_and_is_marked_invented() -> None:
    load_demo(TODAY)
    controls = _eslov(2017).activities.get(kind="traffic_control")
    assert controls.done_count == 26
    assert all("Påhittad" in r.notes for r in controls.reports.all())
    assert [a.done_count for a in _eslov(2016).activities.all()] == [2, 2, 2]


def test_exempelby_is_clearly_invented_with_a_public_promise_and_a_draft() -> None:
    load_demo(TODAY)
    promises = CitizenPromise.objects.filter(municipality__slug="exempelby").order_by("year")
    assert [(p.year, p.status) for p in promises] == [
        (2026, PromiseStatus.PUBLISHED),
        (2027, PromiseStatus.DRAFT),
    ]
    assert "påhittad" in promises[0].municipality.name
    assert promises[0].activities.get(position=0).done_count > 0


def test_exempelby_shows_a_night_walk_and_speed_measurements() -> None:
    load_demo(TODAY)
    promise = CitizenPromise.objects.get(municipality__slug="exempelby", year=TODAY.year)
    walks = promise.activities.get(kind="night_walk")
    assert promise.activities.filter(kind="speed_measurement").exists()
    # One Friday in three from late January: 15 walks by late November, volunteers counted.
    assert walks.done_count == 15
    assert all(r.date.weekday() == 4 and r.attendees for r in walks.reports.all())


def test_the_guard_knows_every_demo_account() -> None:
    from accounts.demo_guard import DEMO_USERNAMES
    from accounts.models import User

    load_demo(TODAY)
    assert set(User.objects.values_list("username", flat=True)) == set(DEMO_USERNAMES)


def test_every_published_demo_promise_carries_both_parties_approval() -> None:
    load_demo(TODAY)
    published = CitizenPromise.objects.exclude(
        status__in=[PromiseStatus.DRAFT, PromiseStatus.SIGNED]
    )
    assert published.count() >= 3
    for promise in published.select_related("municipality_approved_by", "police_approved_by"):
        assert promise.municipality_approved_at and promise.police_approved_at, promise
        assert promise.municipality_approved_by != promise.police_approved_by or (
            promise.municipality.slug == "exempelby"
        )
    eslov = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    assert eslov.municipality_approved_by.username == "samordnare.eslov"  # type: ignore[union-attr]
    assert eslov.police_approved_by.username == "samordnare.polis.eslov"  # type: ignore[union-attr]


def test_the_demo_promises_were_approved_on_their_signing_day_not_today() -> None:
    load_demo(TODAY)
    promise = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    assert promise.signed_on is not None
    for moment in (promise.municipality_approved_at, promise.police_approved_at):
        assert moment is not None and timezone.localdate(moment) == promise.signed_on


def test_the_demos_documents_carry_an_emblem_of_our_own() -> None:
    from documents.rendering import pdf_of
    from documents.tests.helpers import docx_text, pdf_text
    from documents.word import docx_of
    from places.models import Logo
    from promises.printing import promise_document

    load_demo(TODAY)
    assert set(Logo.objects.values_list("municipality__slug", flat=True)) == {"eslov", "exempelby"}
    doc = promise_document(_eslov(2017), TODAY)
    assert doc.logo_type == "image/png"
    assert pdf_text(pdf_of(doc))[1]["images"] >= 1
    header = docx_text(docx_of(doc))[1].sections[0].header
    assert any("image" in rel.reltype for rel in header.part.rels.values())


def test_exempelbys_police_officer_logs_in_and_works_on_exempelby_alone() -> None:
    from django.test import Client
    from django.urls import reverse

    from promises.models import ActivityReport

    load_demo(TODAY)
    client = Client()
    client.cookies["django_language"] = "en"
    login = client.post("/konto/logga-in/", {"username": "polis.exempelby", "password": "demo"})
    assert login.status_code == 302
    own = CitizenPromise.objects.get(municipality__slug="exempelby", year=TODAY.year)
    listed = client.get(reverse("promises:report_choose"))
    assert listed.status_code == 200
    page = listed.content.decode()
    assert "Exempelby" in page and "Eslöv" not in page
    assert client.get(reverse("promises:promise_detail", args=[own.pk])).status_code == 200
    eslov = _eslov(2017)
    controls = eslov.activities.get(kind="traffic_control")
    assert client.get(reverse("promises:promise_detail", args=[eslov.pk])).status_code in (403, 404)
    refused = client.post(
        reverse("promises:report_create", args=[controls.pk]),
        {"date": "2017-12-01", "count": 1, "place": "Kanalgatan"},
    )
    assert refused.status_code in (403, 404)
    assert controls.reports.count() == 26
    assert not ActivityReport.objects.filter(reported_by__username="polis.exempelby").exists()
