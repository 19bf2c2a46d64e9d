"""Reminders go once, to those concerned who want them, and are retried if mail fails."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse

from conftest import Cast, client_for
from followup import services
from followup.models import FollowUp, ReminderPreference, ReminderSent
from followup.reminders import reminders_send
from followup.selectors import periods_of
from followup.vocabularies import ReminderKind
from promises.models import CitizenPromise

from .conftest import Police, log


@pytest.fixture
def addressed(cast: Cast) -> Cast:
    for user in (
        cast.coordinator,
        cast.reporter,
        cast.partner,
        cast.viewer,
        cast.other_coordinator,
    ):
        user.email = f"{user.username}@example.se"
        user.save(update_fields=["email"])
    return cast


def _to(kind: str) -> list[str]:
    """Addresses of the mails of one kind sent so far, sorted."""
    sent = ReminderSent.objects.filter(kind=kind).select_related("user")
    assert len(mail.outbox) >= sent.count()
    return sorted(r.user.email for r in sent)


def _draft_first_quarter(cast: Cast) -> FollowUp:
    with time_machine.travel(date(2017, 4, 1), tick=False):
        return services.follow_up_draft(promise=cast.published, number=1, by=None)


def _on_pace(cast: Cast) -> None:
    """Every activity on pace in April, so only follow-up reminders are due: 11 of 30 controls,
    and 1 of 2 safety walks (an even pace is half way to the first walk on 2 April). The one
    education day is not due before an even pace is half way to it, on 2 July."""
    for day in range(1, 12):
        log(cast, cast.controls, date(2017, 3, day))
    log(cast, cast.walks, date(2017, 3, 20))


def test_a_due_follow_up_reminds_its_coordinators_once(addressed: Cast, police: Police) -> None:
    cast = addressed
    _on_pace(cast)
    follow_up = _draft_first_quarter(cast)
    assert follow_up.due_on == date(2017, 4, 14)
    reminders_send(date(2017, 4, 8))
    assert mail.outbox == [], "six days before it is due is too early"
    reminders_send(date(2017, 4, 9))
    assert _to(ReminderKind.FOLLOW_UP_DUE) == [
        "coordinator@example.se",
        "polischef@polisen.example",
    ]
    message = next(m for m in mail.outbox if m.to == ["coordinator@example.se"])
    assert reverse("followup:detail", args=[follow_up.pk]) in message.body
    assert reverse("followup:preferences") in message.body
    # The coordinator has no name: the greeting does not fall back to the login name.
    assert message.body.startswith("Hej!\n") and "coordinator," not in message.body
    reminders_send(date(2017, 4, 10))
    reminders_send(date(2017, 4, 20))
    assert len(mail.outbox) == 2, "each person is reminded once"


def test_no_reminder_once_it_is_published(addressed: Cast) -> None:
    cast = addressed
    _on_pace(cast)
    follow_up = _draft_first_quarter(cast)
    follow_up.assessment = "Klart."
    follow_up.save()
    services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    reminders_send(date(2017, 4, 10))
    assert mail.outbox == []


def test_those_who_turned_reminders_off_get_none(addressed: Cast) -> None:
    cast = addressed
    _on_pace(cast)
    _draft_first_quarter(cast)
    response = client_for(cast.coordinator).post(
        reverse("followup:preferences"), {"activity_behind": "on"}
    )
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=cast.coordinator)
    assert (preference.follow_up_due, preference.activity_behind) == (False, True)
    reminders_send(date(2017, 4, 10))
    assert mail.outbox == []


def test_an_activity_behind_its_pace_reminds_those_who_carry_it_out(addressed: Cast) -> None:
    # 0 of 30 traffic controls by 20 February: an even pace would have reached 4.
    reminders_send(date(2017, 2, 20))
    assert _to(ReminderKind.ACTIVITY_BEHIND) == [
        "coordinator@example.se",  # coordinates the promise
        "reporter@example.se",  # reports for the police area, which carries the controls out
    ]
    # Mails are written in the interface's first language, Swedish.
    assert mail.outbox[0].subject == "Trafikkontroll i Medborgarlöfte 2017 ligger efter sin takt"
    assert "har genomförts 0 gånger av 30" in mail.outbox[0].body
    reminders_send(date(2017, 3, 20))
    assert len(mail.outbox) == 2, "once per activity and period"
    reminders_send(date(2017, 4, 20))
    assert _behind(addressed.published, date(2017, 4, 20)) == [
        # Still behind in the next quarter: reminded again.
        ("Trafikkontroller", "coordinator@example.se"),
        ("Trafikkontroller", "reporter@example.se"),
        # 0 of 2: an even pace has gone past half the first walk (0.6 by now). The municipality
        # carries the walks out, so its coordinator alone is told.
        ("Trygghetsvandringar", "coordinator@example.se"),
    ]
    assert len(mail.outbox) == 5


def _behind(promise: CitizenPromise, day: date) -> list[tuple[str, str]]:
    """The (activity, address) of each behind-pace reminder sent in the follow-up period of
    `day`."""
    promise.refresh_from_db()
    number = next(p.number for p in periods_of(promise) if p.start <= day <= p.end)
    sent = ReminderSent.objects.filter(
        kind=ReminderKind.ACTIVITY_BEHIND, about__endswith=f":{number}"
    ).select_related("user")
    names = dict(promise.activities.values_list("pk", "description"))
    return sorted((names[int(r.about.split(":")[1])], r.user.email) for r in sent)


@pytest.mark.parametrize("year", [2016, 2017])
def test_a_target_of_one_is_behind_once_an_even_pace_is_half_way_to_it(
    addressed: Cast, year: int
) -> None:
    promise = addressed.published
    CitizenPromise.objects.filter(pk=promise.pk).update(year=year)
    # Half of 2017's 365 days has passed at the end of 2 July; of 2016's 366, of 1 July.
    half_way = date(year, 7, 2) if year == 2017 else date(year, 7, 1)
    day_before = half_way - timedelta(days=1)
    reminders_send(day_before)
    assert "Utbildningsdag" not in dict(_behind(promise, day_before))
    reminders_send(half_way)
    assert [a for a in _behind(promise, half_way) if a[0] == "Utbildningsdag"] == [
        ("Utbildningsdag", "coordinator@example.se"),  # coordinates the promise
        ("Utbildningsdag", "partner@example.se"),  # the rescue service carries it out
        ("Utbildningsdag", "reporter@example.se"),  # and so does the police area
    ]
    body = next(m.body for m in mail.outbox if "Utbildningsdag" in m.body)
    assert "har genomförts 0 gånger av 1. Med jämn takt över året hade det varit 0,5" in body


def test_an_activity_on_pace_reminds_no_one(addressed: Cast) -> None:
    cast = addressed
    for day in range(1, 6):
        log(cast, cast.controls, date(2017, 2, day))
    reminders_send(date(2017, 2, 20))
    assert mail.outbox == []


def test_a_user_without_an_address_is_skipped(cast: Cast) -> None:
    reminders_send(date(2017, 2, 20))
    assert mail.outbox == [] and not ReminderSent.objects.exists()


class BrokenMail(BaseEmailBackend):
    def send_messages(self, email_messages: object) -> int:
        raise OSError("the mail server does not answer")


def test_a_reminder_that_could_not_be_sent_is_tried_again(addressed: Cast) -> None:
    with override_settings(EMAIL_BACKEND=f"{__name__}.BrokenMail"):
        reminders_send(date(2017, 2, 20))
    assert not ReminderSent.objects.exists()
    reminders_send(date(2017, 2, 21))
    assert len(mail.outbox) == 2


def test_one_done_reads_as_one_time_not_one_times(addressed: Cast) -> None:
    log(addressed, addressed.controls, date(2017, 1, 10), count=1)
    reminders_send(date(2017, 2, 20))
    assert "har genomförts 1 gång av 30" in mail.outbox[0].body
