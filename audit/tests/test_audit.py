"""Every write of the promise cycle and of accounts lands in an append-only audit trail."""

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import Membership, Role, User
from audit.models import AuditEvent, AuditTrailIsAppendOnly
from conftest import Cast, client_for
from promises import services
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus


def _events(model: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(model=model).order_by("pk"))


def test_every_promise_cycle_write_is_recorded(cast: Cast) -> None:
    kinds = {(e.model, e.action) for e in AuditEvent.objects.all()}
    assert {
        ("promises.CitizenPromise", "create"),
        ("promises.CitizenPromise", "change"),
        ("promises.Commitment", "create"),
        ("promises.Activity", "create"),
    } <= kinds
    report = services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1), vehicles_checked=10
    )
    services.activity_report_update(
        report=report, by=cast.reporter, expected_version=1, vehicles_checked=12
    )
    services.activity_report_remove(report=report, by=cast.coordinator)
    create, change, removal = _events("promises.ActivityReport")
    assert (create.action, create.actor, create.changes["vehicles_checked"]) == (
        "create",
        cast.reporter,
        [None, 10],
    )
    assert change.changes == {"vehicles_checked": [10, 12]}
    assert removal.actor == cast.coordinator and removal.changes["removed_at"][0] is None
    assert {e.trail for e in (create, change, removal)} == {f"citizenpromise:{cast.published.pk}"}


def test_status_change_and_withdrawal_keep_before_and_after(cast: Cast) -> None:
    services.promise_withdraw(
        promise=cast.published, by=cast.coordinator, reason="Ersatt av ett nytt löfte"
    )
    event = _events("promises.CitizenPromise")[-1]
    assert event.changes["status"] == ["published", "withdrawn"]
    assert event.changes["withdrawal_reason"] == ["", "Ersatt av ett nytt löfte"]
    assert event.actor_name == "a user without a name (Eslövs kommun)"


def test_signatories_and_deleted_activities_are_recorded(cast: Cast) -> None:
    services.signatory_set(
        promise=cast.draft,
        by=cast.coordinator,
        people=[{"name": "Anna Andersson", "title": "Polischef"}],
    )
    activity = services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind="other", description="Tas bort"
    )
    services.activity_delete(activity=activity, by=cast.coordinator)
    signatories = _events("promises.CitizenPromise")[-1]
    assert signatories.changes == {"signatories": [[], ["Anna Andersson, Polischef"]]}
    deleted = _events("promises.Activity")[-1]
    assert deleted.action == "delete" and deleted.changes["description"] == ["Tas bort", None]


def test_a_change_that_changes_nothing_is_not_recorded(cast: Cast) -> None:
    before = AuditEvent.objects.count()
    services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=cast.draft.version,
        title=cast.draft.title,
    )
    assert AuditEvent.objects.count() == before


def test_edit_in_the_staff_pages_records_who_and_from_which_address(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    client.post(
        reverse("promises:promise_edit", args=[cast.draft.pk]),
        {
            "title": "Nytt namn",
            "follow_up": "quarterly",
            "version": cast.draft.version,
            "sig-TOTAL_FORMS": 2,
            "sig-INITIAL_FORMS": 0,
            "sig-MIN_NUM_FORMS": 2,
            "sig-MAX_NUM_FORMS": 6,
        },
        REMOTE_ADDR="192.0.2.44",
    )
    event = AuditEvent.objects.filter(
        model="promises.CitizenPromise", action="change", object_id=str(cast.draft.pk)
    ).latest("pk")
    assert event.changes["title"] == ["Hemligt utkast 2018", "Nytt namn"]
    assert (event.actor, event.ip_address) == (cast.coordinator, "192.0.2.44")


def test_history_is_shown_to_coordinators_and_the_address_only_to_administrators(
    cast: Cast,
) -> None:
    services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=cast.draft.version,
        title="Omdöpt",
    )
    url = reverse("promises:promise_detail", args=[cast.draft.pk])
    page = client_for(cast.coordinator).get(url).content.decode()
    assert "History" in page and "Hemligt utkast 2018" in page and "Omdöpt" in page
    assert "History" not in client_for(cast.reporter).get(url).content.decode()
    AuditEvent.objects.create(
        actor=cast.coordinator,
        actor_name="coordinator",
        ip_address="198.51.100.7",
        action="change",
        model="promises.CitizenPromise",
        object_id=str(cast.draft.pk),
        object_repr="x",
        trail=f"citizenpromise:{cast.draft.pk}",
        changes={"title": ["a", "b"]},
    )
    assert "198.51.100.7" not in client_for(cast.coordinator).get(url).content.decode()
    assert "198.51.100.7" in client_for(cast.admin).get(url).content.decode()


def test_the_trail_cannot_be_changed_or_removed(cast: Cast) -> None:
    event = AuditEvent.objects.first()
    assert event is not None
    event.object_repr = "rewritten"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(object_repr="rewritten")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).object_repr != "rewritten"


def test_admin_can_read_but_not_edit_the_trail(cast: Cast) -> None:
    model_admin = site._registry[AuditEvent]
    request = RequestFactory().get("/admin/")
    request.user = cast.admin
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    response = client_for(cast.admin).get("/admin/audit/auditevent/")
    assert response.status_code == 200


def test_account_changes_are_recorded_without_the_password_hash(cast: Cast) -> None:
    user = User.objects.create_user(username="ny.person", password="first-password-2026")
    user.set_password("second-password-2026")
    user.save()
    Membership.objects.create(user=user, organisation=cast.police_org, role=Role.REPORTER)
    pk = user.pk
    user.delete()
    events = AuditEvent.objects.filter(trail=f"user:{pk}")
    actions = [(e.model, e.action) for e in events.order_by("pk")]
    assert ("accounts.User", "create") in actions and ("accounts.User", "delete") in actions
    assert ("accounts.Membership", "create") in actions
    changed = events.filter(model="accounts.User", action="change").get()
    assert changed.changes == {"password": ["", "changed"]}
    stored = str(list(AuditEvent.objects.values_list("changes", flat=True)))
    assert "pbkdf2" not in stored and "md5$" not in stored and "argon2" not in stored


def test_withdrawn_promise_stays_public_and_says_why(cast: Cast) -> None:
    with pytest.raises(Exception, match="why"):
        services.promise_withdraw(promise=cast.published, by=cast.coordinator, reason=" ")
    services.promise_withdraw(
        promise=cast.published, by=cast.coordinator, reason="Ersatt av ett nytt löfte"
    )
    page = client_for().get("/kommun/eslov/2017/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Withdrawn by the municipality on" in text and "Ersatt av ett nytt löfte" in text
    assert CitizenPromise.objects.get(pk=cast.published.pk).status == PromiseStatus.WITHDRAWN


def test_only_published_promises_can_be_withdrawn(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:promise_withdraw", args=[cast.draft.pk]), {"reason": "x"}, follow=True
    )
    assert "Only a published promise can be withdrawn." in response.content.decode()
    assert CitizenPromise.objects.get(pk=cast.draft.pk).status == PromiseStatus.DRAFT
