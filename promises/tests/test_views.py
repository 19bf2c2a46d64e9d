"""The staff pages as a coordinator and a reporter use them."""

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from conftest import Cast, client_for
from promises import services
from promises.models import ActivityReport, CitizenPromise
from promises.vocabularies import PromiseStatus


def _client(user: object | None) -> Client:
    return client_for(user)


def _promise_form(**extra: object) -> dict[str, object]:
    return {
        "title": "Nytt löfte",
        "follow_up": "quarterly",
        "sig-TOTAL_FORMS": 2,
        "sig-INITIAL_FORMS": 0,
        "sig-MIN_NUM_FORMS": 2,
        "sig-MAX_NUM_FORMS": 6,
        **extra,
    }


def test_coordinator_creates_a_draft_promise(cast: Cast) -> None:
    client = _client(cast.coordinator)
    form = client.get(reverse("promises:promise_create")).content.decode()
    assert "Lunds kommun" not in form  # only own municipality offered
    response = client.post(
        reverse("promises:promise_create"),
        {
            "municipality": cast.eslov.pk,
            "police_area": cast.area.pk,
            "year": 2019,
            "title": "Medborgarlöfte 2019",
            "follow_up": "quarterly",
            "evidence_sources": ["complaints", "citizen_dialogue"],
        },
    )
    promise = CitizenPromise.objects.get(year=2019)
    assert response.status_code == 302
    assert promise.status == PromiseStatus.DRAFT
    assert promise.evidence_sources == ["complaints", "citizen_dialogue"]


def test_coordinator_cannot_create_a_promise_for_another_municipality(cast: Cast) -> None:
    response = _client(cast.coordinator).post(
        reverse("promises:promise_create"),
        {
            "municipality": cast.lund.pk,
            "police_area": cast.area.pk,
            "year": 2019,
            "title": "Lunds löfte",
            "follow_up": "quarterly",
        },
    )
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    assert not CitizenPromise.objects.filter(title="Lunds löfte").exists()


def test_duplicate_year_gets_a_clear_error(cast: Cast) -> None:
    response = _client(cast.coordinator).post(
        reverse("promises:promise_create"),
        {
            "municipality": cast.eslov.pk,
            "police_area": cast.area.pk,
            "year": 2017,
            "title": "Igen",
            "follow_up": "quarterly",
        },
    )
    assert "2017" in str(response.context["form"].errors["year"])


def test_edit_saves_text_and_signatories(cast: Cast) -> None:
    url = reverse("promises:promise_edit", args=[cast.draft.pk])
    response = _client(cast.coordinator).post(
        url,
        _promise_form(
            **{
                "version": 1,
                "sig-0-name": "Anna Andersson",
                "sig-0-title": "Polischef",
                "sig-1-name": "Bo Berg",
                "sig-1-title": "Ordförande",
            }
        ),
    )
    assert response.status_code == 302
    draft = CitizenPromise.objects.get(pk=cast.draft.pk)
    assert draft.title == "Nytt löfte" and draft.version == 2
    assert [(s.name, s.title) for s in draft.signatories.all()] == [
        ("Anna Andersson", "Polischef"),
        ("Bo Berg", "Ordförande"),
    ]


def test_second_editor_with_stale_form_gets_a_clear_message(cast: Cast) -> None:
    url = reverse("promises:promise_edit", args=[cast.draft.pk])
    first = _client(cast.coordinator).post(url, _promise_form(title="Första", version=1))
    assert first.status_code == 302
    second = _client(cast.admin).post(url, _promise_form(title="Andra", version=1))
    assert second.status_code == 200
    assert "Someone else saved changes here" in second.content.decode()
    assert CitizenPromise.objects.get(pk=cast.draft.pk).title == "Första"


@pytest.mark.parametrize("version", [None, "", "0", "-1", "x", "99999999999"])
def test_an_edit_without_the_version_it_was_opened_at_is_refused(
    cast: Cast, version: str | None
) -> None:
    """A missing or made-up version must not fall back to the stored one: that would let a
    stale page overwrite a newer save."""
    url = reverse("promises:promise_edit", args=[cast.draft.pk])
    _client(cast.coordinator).post(url, _promise_form(title="Nyare", version=1))
    sent = _promise_form(title="Äldre")
    if version is not None:
        sent["version"] = version
    response = _client(cast.admin).post(url, sent)
    assert response.status_code == 200
    assert "sent without the version" in response.content.decode()
    assert CitizenPromise.objects.get(pk=cast.draft.pk).title == "Nyare"


def test_status_buttons_move_the_promise_and_report_refusals(cast: Cast) -> None:
    client = _client(cast.coordinator)
    url = reverse("promises:promise_status", args=[cast.draft.pk])
    response = client.post(url, {"status": "published"}, follow=True)
    assert "cannot become" in response.content.decode()
    assert CitizenPromise.objects.get(pk=cast.draft.pk).status == PromiseStatus.DRAFT


def test_copy_button_creates_next_year(cast: Cast) -> None:
    CitizenPromise.objects.filter(pk=cast.draft.pk).delete()
    response = _client(cast.coordinator).post(
        reverse("promises:promise_copy", args=[cast.published.pk])
    )
    copy = CitizenPromise.objects.get(year=2018)
    assert response["Location"] == reverse("promises:promise_detail", args=[copy.pk])


def test_commitment_and_activity_forms_create_and_edit(cast: Cast) -> None:
    client = _client(cast.coordinator)
    pk = cast.draft.pk
    client.post(
        reverse("promises:commitment_create", args=[pk]),
        {
            "text": "Vi lovar trygghet",
        },
    )
    commitment = cast.draft.commitments.get()
    client.post(
        reverse("promises:activity_create", args=[pk]),
        {
            "kind": "traffic_control",
            "description": "Kontroller",
            "target": 12,
            "unit": "kontroller",
            "commitment": commitment.pk,
            "focus": ["speed", "mopeds"],
            "responsible": [cast.police_org.pk],
        },
    )
    activity = cast.draft.activities.get()
    assert (activity.target, activity.focus) == (12, ["speed", "mopeds"])
    assert list(activity.responsible.all()) == [cast.police_org]
    client.post(
        reverse("promises:activity_edit", args=[pk, activity.pk]),
        {
            "kind": "traffic_control",
            "description": "Fler kontroller",
            "target": 20,
            "version": 1,
        },
    )
    activity.refresh_from_db()
    assert (activity.description, activity.target, activity.version) == ("Fler kontroller", 20, 2)


def test_unknown_focus_tag_is_rejected(cast: Cast) -> None:
    response = _client(cast.coordinator).post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {
            "kind": "other",
            "description": "x",
            "focus": ["weather"],
        },
    )
    assert "focus" in response.context["form"].errors
    assert not cast.draft.activities.exists()


@time_machine.travel(date(2017, 6, 14))
def test_report_form_defaults_to_today_and_the_users_organisation(cast: Cast) -> None:
    response = _client(cast.reporter).get(
        reverse("promises:report_create", args=[cast.controls.pk])
    )
    form = response.context["form"]
    assert form.initial["date"] == date(2017, 6, 14)
    assert form.initial["organisations"] == [cast.police_org.pk]
    assert "vehicles_checked" in form.fields and "pupils_reached" not in form.fields
    assert 'type="date"' in response.content.decode()


def test_report_outside_year_is_shown_on_the_date_field(cast: Cast) -> None:
    response = _client(cast.reporter).post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        {"date": "2019-01-01", "count": 1},
    )
    assert "no later than 31 December 2017" in str(response.context["form"].errors["date"])
    assert not ActivityReport.objects.exists()


def test_logged_report_moves_the_count_and_shows_on_the_list(cast: Cast) -> None:
    client = _client(cast.reporter)
    response = client.post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        {
            "date": "2017-05-04",
            "count": 2,
            "place": "Väg 113",
            "organisations": [cast.police_org.pk],
            "vehicles_checked": 30,
            "speeding_violations": 4,
        },
        follow=True,
    )
    assert "2 of 30 done" in response.content.decode()
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 2
    assert "Väg 113" in client.get(reverse("promises:report_list")).content.decode()


def test_removed_report_is_listed_only_on_request(cast: Cast) -> None:
    client = _client(cast.reporter)
    client.post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        {"date": "2017-05-04", "count": 1, "place": "Bortplats"},
    )
    report = ActivityReport.objects.get()
    client.post(reverse("promises:report_remove", args=[report.pk]))
    assert "Bortplats" not in client.get(reverse("promises:report_list")).content.decode()
    assert (
        "Bortplats" in client.get(reverse("promises:report_list") + "?borttagna=1").content.decode()
    )


@time_machine.travel(date(2017, 7, 2))
def test_dashboard_shows_done_target_and_pace(cast: Cast) -> None:
    page = _client(cast.coordinator).get(reverse("promises:dashboard")).content.decode()
    assert "This year&#x27;s promises (2017)" in page or "This year's promises (2017)" in page
    assert "0 / 30" in page
    assert "Behind pace" in page


def test_published_promise_edit_pages_send_the_coordinator_back_with_the_reason(
    cast: Cast,
) -> None:
    client = _client(cast.coordinator)
    pk = cast.published.pk
    for url in (
        reverse("promises:promise_edit", args=[pk]),
        reverse("promises:activity_create", args=[pk]),
        reverse("promises:activity_edit", args=[pk, cast.walks.pk]),
        reverse("promises:commitment_create", args=[pk]),
    ):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == reverse("promises:promise_detail", args=[pk])
        assert "can no longer be changed" in response.content.decode()
    detail = client.get(reverse("promises:promise_detail", args=[pk])).content.decode()
    assert reverse("promises:promise_edit", args=[pk]) not in detail
    assert (
        reverse("promises:promise_edit", args=[cast.draft.pk])
        in client.get(reverse("promises:promise_detail", args=[cast.draft.pk])).content.decode()
    )


def test_drafts_are_not_offered_for_logging(cast: Cast) -> None:
    draft_activity = cast.draft.activities.create(kind="other", description="Utkastaktivitet")
    page = _client(cast.coordinator).get(reverse("promises:report_choose")).content.decode()
    assert "Trafikkontroller" in page
    assert "Utkastaktivitet" not in page
    response = _client(cast.coordinator).post(
        reverse("promises:report_create", args=[draft_activity.pk]),
        {"date": "2018-02-01", "count": 1},
    )
    assert "still a draft" in response.content.decode()
    assert not ActivityReport.objects.exists()


def test_dashboard_lists_every_promise_in_scope_and_nothing_else(cast: Cast) -> None:
    page = _client(cast.coordinator).get(reverse("promises:dashboard")).content.decode()
    assert reverse("promises:promise_detail", args=[cast.published.pk]) in page
    assert reverse("promises:promise_detail", args=[cast.draft.pk]) in page
    assert "Lunds utkast" not in page


def test_an_id_beyond_the_database_range_is_a_form_error_not_a_crash(cast: Cast) -> None:
    response = _client(cast.reporter).post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        {"date": "2017-05-04", "count": 1, "organisations": ["99999999999999999999"]},
    )
    assert response.status_code == 200
    assert "organisations" in response.context["form"].errors
    assert not ActivityReport.objects.exists()


def test_report_notes_with_personal_data_come_back_with_a_warning_until_confirmed(
    cast: Cast,
) -> None:
    client = _client(cast.reporter)
    data = {
        "date": "2017-05-04",
        "count": 1,
        "place": "Väg 113",
        "notes": "Föraren 811218-9876 i bil XYZ 789 fick böter.",
    }
    url = reverse("promises:report_create", args=[cast.controls.pk])
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "a personal identity number (811218-9876)" in page
    assert "a vehicle registration number (XYZ 789)" in page
    assert "Föraren 811218-9876 i bil XYZ 789 fick böter.</textarea>" in page
    assert not ActivityReport.objects.exists()
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    report = ActivityReport.objects.get()
    edit = reverse("promises:report_edit", args=[report.pk])
    changed = {**data, "version": report.version, "notes": "Ring 0701234567."}
    assert "a phone number (0701234567)" in client.post(edit, changed).content.decode()
    report.refresh_from_db()
    assert report.notes == data["notes"]


@time_machine.travel(date(2026, 11, 30))
def test_the_dashboard_leads_with_the_promise_in_force_and_then_drafts(cast: Cast) -> None:
    services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=2024,
        title="Hörby 2024",
    )
    for user in (cast.coordinator, cast.reporter):
        page = _client(user).get(reverse("promises:dashboard")).content.decode()
        assert "Latest published promises (2017)" in page
        assert "Latest promises (2024)" not in page
        live, drafts = page.index("Medborgarlöfte 2017"), page.index("Not yet published")
        assert live < drafts < page.index("Hörby 2024")


def test_a_coordinator_deletes_a_draft_after_a_confirm_page_and_it_is_audited(
    cast: Cast,
) -> None:
    from audit.models import AuditEvent

    services.commitment_create(promise=cast.draft, by=cast.coordinator, text="Ett åtagande")
    client = _client(cast.coordinator)
    url = reverse("promises:promise_delete", args=[cast.draft.pk])
    detail = client.get(reverse("promises:promise_detail", args=[cast.draft.pk])).content.decode()
    assert url in detail
    confirm = client.get(url).content.decode()
    assert "Hemligt utkast 2018" in confirm and "1 commitment" in confirm
    assert CitizenPromise.objects.filter(pk=cast.draft.pk).exists()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("promises:dashboard")
    assert "The draft Hemligt utkast 2018 was deleted." in response.content.decode()
    assert not CitizenPromise.objects.filter(pk=cast.draft.pk).exists()
    event = AuditEvent.objects.get(model="promises.CitizenPromise", action="delete")
    assert event.object_id == str(cast.draft.pk) and event.actor == cast.coordinator
    assert event.changes["title"][0] == "Hemligt utkast 2018"


def test_a_published_promise_is_never_deleted_only_withdrawn(cast: Cast) -> None:
    client = _client(cast.coordinator)
    url = reverse("promises:promise_delete", args=[cast.published.pk])
    assert (
        url
        not in client.get(
            reverse("promises:promise_detail", args=[cast.published.pk])
        ).content.decode()
    )
    response = client.post(url, follow=True)
    assert "can no longer be changed" in response.content.decode()
    assert CitizenPromise.objects.filter(pk=cast.published.pk).exists()


@pytest.mark.parametrize("actor", ["other_coordinator", "reporter", "viewer", "partner"])
def test_no_one_but_the_drafts_coordinators_may_delete_it(cast: Cast, actor: str) -> None:
    response = _client(getattr(cast, actor)).post(
        reverse("promises:promise_delete", args=[cast.draft.pk])
    )
    assert response.status_code in (403, 404)
    assert CitizenPromise.objects.filter(pk=cast.draft.pk).exists()


def test_anonymous_visitors_cannot_delete_a_draft(cast: Cast) -> None:
    response = client_for(None).post(reverse("promises:promise_delete", args=[cast.draft.pk]))
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    assert CitizenPromise.objects.filter(pk=cast.draft.pk).exists()


def test_a_draft_with_a_log_is_not_deleted(cast: Cast) -> None:
    """Signed, logged, moved back to draft: the log stays, and so does the promise."""
    promise = cast.published
    CitizenPromise.objects.filter(pk=promise.pk).update(status=PromiseStatus.SIGNED)
    promise.refresh_from_db()
    services.activity_report_create(activity=cast.controls, by=cast.reporter, date=date(2017, 3, 3))
    services.promise_set_status(promise=promise, by=cast.coordinator, status=PromiseStatus.DRAFT)
    response = _client(cast.coordinator).post(
        reverse("promises:promise_delete", args=[promise.pk]), follow=True
    )
    assert "activity reports in its log" in response.content.decode()
    assert CitizenPromise.objects.filter(pk=promise.pk).exists()
