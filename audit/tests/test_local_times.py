"""The change history shows Swedish local dates and times, never raw stored timestamps."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from audit.selectors import history
from conftest import Cast, client_for
from promises import services

pytestmark = pytest.mark.django_db
MOMENT = datetime(2026, 11, 30, 13, 19, 58, 691418, tzinfo=UTC)


def test_a_stored_moment_is_shown_in_stockholm_time_in_words(cast: Cast) -> None:
    with time_machine.travel(MOMENT, tick=False):
        services.promise_withdraw(promise=cast.published, by=cast.coordinator, reason="Fel år")
    page = client_for(cast.coordinator, language="sv").get(
        reverse("promises:promise_detail", args=[cast.published.pk])
    )
    text = page.content.decode()
    assert "2026-11-30T13:19" not in text and "+00:00" not in text
    assert "30 november 2026 14:19" in text  # the withdrawal's time, and the entry's


def test_stored_days_and_moments_become_words_and_other_text_stays(cast: Cast) -> None:
    services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=cast.draft.version,
        signed_on=date(2018, 2, 1),
        title="2018-02-01 är dagen",
    )
    rows = {str(row.label): row for row in history(f"citizenpromise:{cast.draft.pk}")[0].rows}
    assert rows["signed on"].after == "1 February 2018"
    assert rows["title"].after == "2018-02-01 är dagen"


def test_related_records_are_named_without_their_database_ids(cast: Cast) -> None:
    # The cast's promise was approved by a coordinator of each party.
    entries = history(f"citizenpromise:{cast.published.pk}")
    rows = {str(row.label): row for entry in entries for row in entry.rows}
    approved = rows["approved for the municipality by"]
    assert approved.after == str(cast.coordinator) and "#" not in approved.after
    page = client_for(cast.coordinator, language="sv").get(
        reverse("promises:promise_detail", args=[cast.published.pk])
    )
    text = page.content.decode()
    assert str(cast.coordinator) in text
    assert "(#" not in text


def test_a_related_record_without_a_name_shows_nothing_and_text_keeps_its_hash() -> None:
    from audit.selectors import _shown
    from promises.models import Activity, CitizenPromise

    assert _shown(CitizenPromise, "municipality", "Eslöv (#122)") == "Eslöv"
    assert _shown(CitizenPromise, "municipality", " (#2)") == "–"
    assert _shown(Activity, "responsible", ["Polisen (#2)", "Kommunen (#1)"]) == "Polisen, Kommunen"
    assert _shown(CitizenPromise, "title", "Insats (#2)") == "Insats (#2)", "typed text stays"


def test_a_change_no_reader_can_see_is_left_out(cast: Cast) -> None:
    """'Figures read 12 January 2018 10:00 → 12 January 2018 10:00': the moments differed
    by fractions of a second."""
    from audit.models import AuditAction, AuditEvent

    AuditEvent.objects.create(
        action=AuditAction.CHANGE,
        model="promises.citizenpromise",
        object_id=str(cast.published.pk),
        trail=f"citizenpromise:{cast.published.pk}",
        changes={
            "published_at": [
                "2018-01-12T09:00:00.000001+00:00",
                "2018-01-12T09:00:00.000002+00:00",
            ],
            "title": ["Gammal", "Ny"],
        },
    )
    rows = history(f"citizenpromise:{cast.published.pk}")[0].rows
    assert [str(row.label) for row in rows] == ["title"]
