"""Retention purging, one person's export and erasure, and the public privacy page."""

import json
from datetime import date, timedelta

import pytest
import time_machine
from axes.models import AccessFailureLog, AccessLog
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from conftest import Cast, client_for
from promises import services

Captured = pytest.CaptureFixture[str]


def _event(cast: Cast, days_ago: int, address: str = "192.0.2.5") -> AuditEvent:
    with time_machine.travel(timezone.now() - timedelta(days=days_ago)):
        return AuditEvent.objects.create(
            actor=cast.reporter,
            actor_name="reporter",
            ip_address=address,
            action="change",
            model="promises.Activity",
            object_id="1",
            object_repr="x",
            trail="t",
            changes={},
        )


def test_purge_removes_only_what_has_passed_its_retention(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    old, recent = _event(cast, 200), _event(cast, 10)
    with time_machine.travel(timezone.now() - timedelta(days=100)):
        AccessLog.objects.create(username="reporter", ip_address="192.0.2.5")
        AccessFailureLog.objects.create(username="reporter", ip_address="192.0.2.5")
    AccessLog.objects.create(username="reporter", ip_address="192.0.2.6")
    call_command("purge")
    out = capsys.readouterr().out
    assert "Removed 1 addresses in the audit trail." in out
    assert "Removed 1 login records." in out and "Removed 1 failed logins." in out
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, recent.ip_address) == (None, "192.0.2.5")
    assert AccessLog.objects.count() == 1 and not AccessFailureLog.objects.exists()
    assert AuditEvent.objects.filter(trail="privacy:purge").exists()


def test_dry_run_reports_and_changes_nothing(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _event(cast, 200)
    call_command("purge", "--dry-run")
    assert "Would remove 1 addresses in the audit trail." in capsys.readouterr().out
    old.refresh_from_db()
    assert old.ip_address == "192.0.2.5"


@override_settings(RETENTION_INACTIVE_ACCOUNT_DAYS=30)
def test_closed_accounts_are_erased_after_their_retention(cast: Cast) -> None:
    User.objects.filter(pk=cast.viewer.pk).update(
        is_active=False, last_login=timezone.now() - timedelta(days=31)
    )
    User.objects.filter(pk=cast.moderator.pk).update(
        is_active=False, last_login=timezone.now() - timedelta(days=5)
    )
    call_command("purge")
    assert User.objects.get(pk=cast.viewer.pk).username == f"raderad-{cast.viewer.pk}"
    assert User.objects.get(pk=cast.moderator.pk).username == "moderator"


def test_export_holds_account_memberships_reports_and_trail(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    User.objects.filter(pk=cast.reporter.pk).update(email="polis@example.se")
    services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1), notes="Kontroll vid torget"
    )
    call_command("person", "export", "reporter")
    data = json.loads(capsys.readouterr().out)
    assert data["account"]["email"] == "polis@example.se"
    assert data["memberships"] == [{"organisation": "LPO Eslöv", "role": "reporter"}]
    assert data["activity_reports"][0]["notes"] == "Kontroll vid torget"
    assert any("Trafikkontroller – 1 March 2017" in e["record"] for e in data["audit_trail"])


def test_erasure_keeps_the_work_under_a_pseudonym_and_nothing_that_names_the_person(
    cast: Cast,
) -> None:
    User.objects.filter(pk=cast.reporter.pk).update(
        first_name="Petra", last_name="Polis", email="petra@example.se"
    )
    report = services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1)
    )
    _event(cast, 1, address="198.51.100.23")
    AccessLog.objects.create(username="reporter", ip_address="198.51.100.23")
    call_command("person", "erase", "reporter", "--yes")
    erased = User.objects.get(pk=cast.reporter.pk)
    pseudonym = f"raderad-{erased.pk}"
    assert (erased.username, erased.first_name, erased.email) == (pseudonym, "", "")
    assert not erased.is_active and not erased.has_usable_password()
    assert not erased.memberships.exists()
    report.refresh_from_db()
    assert report.reported_by == erased
    everything = json.dumps(list(AuditEvent.objects.values()), default=str)
    for trace in ("Petra", "petra@example.se", "198.51.100.23", '"reporter"'):
        assert trace not in everything, trace
    assert not AccessLog.objects.filter(username="reporter").exists()
    assert (
        client_for(None)
        .post("/konto/logga-in/", {"username": "reporter", "password": "pw"})
        .status_code
        == 200
    )  # login refused


@override_settings(DATA_CONTROLLER="Eslövs kommun", PRIVACY_CONTACT_EMAIL="dataskydd@eslov.se")
def test_privacy_page_names_the_controller_and_the_retention(db: None) -> None:
    page = client_for(language="sv").get("/integritet/").content.decode()
    assert "Eslövs kommun är personuppgiftsansvarig" in page
    assert "mailto:dataskydd@eslov.se" in page
    assert "efter 180 dagar" in page
    # Where to complain (GDPR art. 13), and what becomes of what residents tell staff.
    assert "klaga hos Integritetsskyddsmyndigheten" in page
    assert 'href="https://www.imy.se/"' in page
    assert "Bara antal per problem publiceras" in page
