"""Each access rule of the promise cycle, with a test that tries to break it."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Cast, client_for
from promises.models import ActivityReport, CitizenPromise
from promises.services import activity_report_create
from promises.vocabularies import PromiseStatus


def _client(user: object | None) -> Client:
    return client_for(user)


def _report_payload(**extra: object) -> dict[str, object]:
    return {"date": "2017-05-04", "count": 1, "place": "Torget", **extra}


def test_public_never_sees_drafts(cast: Cast) -> None:
    client = _client(None)
    assert client.get("/kommun/eslov/2017/").status_code == 200
    assert client.get("/kommun/eslov/2018/").status_code == 404
    assert client.get("/kommun/eslov/2018/utskrift/").status_code == 404
    assert "Hemligt utkast" not in client.get("/kommun/eslov/").content.decode()
    # Lund has only a draft: its page exists, says nothing is published and shows no draft.
    lund = client.get("/kommun/lund/").content.decode()
    assert "is published in Löften yet" in lund and cast.lund_draft.title not in lund
    assert "Lund" not in client.get("/").content.decode()


@pytest.mark.parametrize("status", [PromiseStatus.DRAFT, PromiseStatus.SIGNED])
def test_unpublished_promise_page_is_not_found(cast: Cast, status: str) -> None:
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=status)
    assert _client(None).get("/kommun/eslov/2017/").status_code == 404


def test_anonymous_visitor_is_sent_to_login_from_every_staff_page(cast: Cast) -> None:
    response = _client(None).get(reverse("promises:promise_detail", args=[cast.draft.pk]))
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    response = _client(None).post(
        reverse("promises:report_create", args=[cast.controls.pk]), _report_payload()
    )
    assert response.status_code == 302
    assert not ActivityReport.objects.exists()


def test_coordinator_of_another_municipality_cannot_see_a_draft(cast: Cast) -> None:
    client = _client(cast.other_coordinator)
    for name in ("promise_detail", "promise_edit"):
        assert client.get(reverse(f"promises:{name}", args=[cast.draft.pk])).status_code == 404
    assert "Hemligt utkast" not in client.get(reverse("promises:dashboard")).content.decode()


def test_coordinator_of_another_municipality_cannot_change_anything(cast: Cast) -> None:
    client = _client(cast.other_coordinator)
    pk = cast.published.pk
    attempts = [
        (
            reverse("promises:promise_edit", args=[pk]),
            {"title": "Kapad", "follow_up": "quarterly", "version": 1},
        ),
        (reverse("promises:promise_status", args=[pk]), {"status": "evaluated"}),
        (reverse("promises:promise_copy", args=[pk]), {}),
        (
            reverse("promises:commitment_create", args=[pk]),
            {
                "text": "x",
            },
        ),
        (
            reverse("promises:activity_create", args=[pk]),
            {
                "kind": "other",
                "description": "x",
            },
        ),
        (
            reverse("promises:activity_edit", args=[pk, cast.walks.pk]),
            {
                "kind": "other",
                "description": "x",
            },
        ),
        (reverse("promises:activity_delete", args=[pk, cast.walks.pk]), {}),
        (reverse("promises:report_create", args=[cast.controls.pk]), _report_payload()),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code == 404, url
    promise = CitizenPromise.objects.get(pk=pk)
    assert (promise.title, promise.status) == ("Medborgarlöfte 2017", PromiseStatus.PUBLISHED)
    assert promise.activities.count() == 3 and promise.commitments.count() == 1
    assert not ActivityReport.objects.exists()
    assert not CitizenPromise.objects.filter(
        year=2018, municipality=cast.eslov, title__contains="Kapad"
    ).exists()


def test_coordinator_cannot_move_an_activity_into_their_own_promise_by_id(cast: Cast) -> None:
    client = _client(cast.other_coordinator)
    url = reverse("promises:activity_edit", args=[cast.lund_draft.pk, cast.walks.pk])
    assert client.get(url).status_code == 404


def test_police_reporter_can_log_but_not_edit_the_promise_text(cast: Cast) -> None:
    client = _client(cast.reporter)
    response = client.post(
        reverse("promises:report_create", args=[cast.controls.pk]),
        _report_payload(vehicles_checked=12),
    )
    assert response.status_code == 302
    assert ActivityReport.objects.get().vehicles_checked == 12
    pk = cast.published.pk
    assert client.get(reverse("promises:promise_detail", args=[pk])).status_code == 200
    assert client.get(reverse("promises:promise_edit", args=[pk])).status_code == 403
    response = client.post(
        reverse("promises:promise_edit", args=[pk]),
        {"title": "Ändrad", "follow_up": "quarterly", "version": 1},
    )
    assert response.status_code == 403
    assert (
        client.post(
            reverse("promises:promise_status", args=[pk]), {"status": "evaluated"}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("promises:activity_delete", args=[pk, cast.walks.pk])).status_code
        == 403
    )
    assert CitizenPromise.objects.get(pk=pk).title == "Medborgarlöfte 2017"


def test_partner_logs_only_activities_their_organisation_runs(cast: Cast) -> None:
    client = _client(cast.partner)
    ok = client.post(
        reverse("promises:report_create", args=[cast.education.pk]),
        _report_payload(pupils_reached=300),
    )
    assert ok.status_code == 302
    refused = client.post(
        reverse("promises:report_create", args=[cast.controls.pk]), _report_payload()
    )
    assert refused.status_code == 404
    assert ActivityReport.objects.count() == 1
    assert client.get(reverse("promises:promise_detail", args=[cast.draft.pk])).status_code == 404


def test_reporter_cannot_change_another_persons_report_but_coordinator_can(cast: Cast) -> None:
    report = activity_report_create(activity=cast.walks, by=cast.coordinator, date=date(2017, 4, 1))
    url = reverse("promises:report_edit", args=[report.pk])
    assert _client(cast.reporter).post(url, _report_payload(count=9, version=1)).status_code == 403
    assert (
        _client(cast.reporter).post(reverse("promises:report_remove", args=[report.pk])).status_code
        == 403
    )
    assert _client(cast.other_coordinator).get(url).status_code == 404
    report.refresh_from_db()
    assert report.count == 1 and report.removed_at is None
    response = _client(cast.coordinator).post(url, _report_payload(count=3, version=1))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.count == 3


def test_user_without_organisation_is_refused_staff_pages(cast: Cast) -> None:
    from accounts.models import User

    loner = User.objects.create_user(username="loner", password="pw")
    assert _client(loner).get(reverse("promises:dashboard")).status_code == 403
    assert _client(loner).get(reverse("promises:report_choose")).status_code == 403


def test_report_list_shows_only_own_scope(cast: Cast) -> None:
    activity_report_create(
        activity=cast.walks, by=cast.coordinator, date=date(2017, 4, 1), place="Hemlig plats"
    )
    assert (
        "Hemlig plats"
        in _client(cast.reporter).get(reverse("promises:report_list")).content.decode()
    )
    assert (
        "Hemlig plats"
        not in _client(cast.other_coordinator).get(reverse("promises:report_list")).content.decode()
    )


def test_admin_sees_every_promise(cast: Cast) -> None:
    client = _client(cast.admin)
    assert (
        client.get(reverse("promises:promise_detail", args=[cast.lund_draft.pk])).status_code == 200
    )


def test_a_user_with_roles_in_two_organisations_gets_each_role_where_it_applies(
    cast: Cast,
) -> None:
    from accounts.models import Membership, Role

    # The police reporter of Eslöv also coordinates for Lund.
    Membership.objects.create(user=cast.reporter, organisation=cast.lund_org, role=Role.COORDINATOR)
    client = _client(cast.reporter)
    assert (
        client.get(reverse("promises:promise_edit", args=[cast.lund_draft.pk])).status_code == 200
    )
    assert client.get(reverse("promises:promise_edit", args=[cast.draft.pk])).status_code == 403
    assert (
        client.post(
            reverse("promises:report_create", args=[cast.controls.pk]), _report_payload()
        ).status_code
        == 302
    )
