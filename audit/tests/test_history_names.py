"""The change history names people by their name and organisation, never by their login
name, and names every record by a short label, never by a long free text."""

import re
from datetime import date

from django.urls import reverse

from accounts.models import Membership, Role, User
from audit.models import AuditEvent
from conftest import Cast, client_for, sign_for_both
from promises import services
from promises.models import ActivityReport, CitizenPromise
from promises.vocabularies import PromiseStatus

LONG_TEXT = ("Vi kontrollerar hastigheten utanför skolorna varje vecka under terminen. " * 8)[:500]


def _history_section(cast: Cast, promise: CitizenPromise, language: str = "en") -> str:
    url = reverse("promises:promise_detail", args=[promise.pk])
    page = client_for(cast.coordinator, language).get(url).content.decode()
    found = re.search(r'<section aria-labelledby="h-history".*?</section>', page, re.DOTALL)
    assert found, "the promise page shows its history"
    return found[0]


def _coordinator(cast: Cast, username: str, first: str = "", last: str = "") -> User:
    user = User.objects.create_user(
        username=username, first_name=first, last_name=last, password="pw"
    )
    Membership.objects.create(user=user, organisation=cast.municipality_org, role=Role.COORDINATOR)
    return user


def test_history_names_the_person_and_organisation_not_the_login_name(cast: Cast) -> None:
    kalle = _coordinator(cast, "kalle.k", "Kalle", "Karlsson")
    services.commitment_create(promise=cast.draft, by=kalle, text="Tryggare torg")
    history = _history_section(cast, cast.draft)
    assert "Kalle Karlsson (Eslövs kommun)" in history
    assert "kalle.k" not in history


def test_a_person_without_a_name_is_named_by_their_organisation_in_swedish(cast: Cast) -> None:
    nameless = _coordinator(cast, "anna.a")
    services.commitment_create(promise=cast.draft, by=nameless, text="Tryggare torg")
    history = _history_section(cast, cast.draft, "sv")
    assert "en användare utan namn (Eslövs kommun)" in history
    assert "anna.a" not in history


def test_people_in_the_changes_are_named_not_by_their_login_name(cast: Cast) -> None:
    kalle = _coordinator(cast, "kalle.k", "Kalle", "Karlsson")
    report = services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1)
    )
    services.activity_report_remove(report=report, by=kalle)
    history = _history_section(cast, cast.published)
    assert re.search(r"<td[^>]*>Kalle Karlsson</td>", history), "the change names who removed it"
    assert "kalle.k" not in history


def test_a_report_is_named_by_a_short_label_not_its_long_texts(cast: Cast) -> None:
    activity = services.activity_create(
        promise=cast.draft,
        by=cast.coordinator,
        kind="traffic_control",
        target=10,
        description=LONG_TEXT,
    )
    sign_for_both(cast.draft, cast.coordinator)
    cast.draft.refresh_from_db()
    services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=cast.draft.version,
        signed_on=date(2018, 2, 1),
    )
    services.promise_set_status(
        promise=cast.draft, by=cast.coordinator, status=PromiseStatus.SIGNED
    )
    report = services.activity_report_create(
        activity=activity, by=cast.reporter, date=date(2018, 3, 1), notes=LONG_TEXT
    )
    services.activity_report_update(report=report, by=cast.reporter, expected_version=1, count=2)
    label = AuditEvent.objects.filter(model="promises.ActivityReport").last().object_repr  # type: ignore[union-attr]
    assert label == str(ActivityReport.objects.get(pk=report.pk))
    assert len(label) <= 90 and label.endswith("1 March 2018")
    assert label.startswith("Traffic control: Vi kontrollerar hastigheten")
    history = _history_section(cast, cast.draft)
    assert label in history
    assert LONG_TEXT[:120] not in history
