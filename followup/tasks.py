"""Background work of the follow-up, run by `loften db_worker` in production."""

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from core.scheduling import enqueue_once
from followup.models import ReminderSent


@task()
def reminder_mail_send(reminder_id: int, subject: str, body: str) -> bool:
    """Send one reminder; if the mail cannot be sent, forget it so tomorrow's run tries again."""
    reminder = ReminderSent.objects.select_related("user").get(pk=reminder_id)
    try:
        send_mail(subject, body, None, [reminder.user.email])
    except Exception:
        reminder.delete()
        raise
    return True


@task()
def follow_up_daily() -> dict[str, Any]:
    """Draft the follow-ups of periods that have ended and send the day's reminders, then
    queue tomorrow's run."""
    from followup.services import follow_up_daily_run

    try:
        report = follow_up_daily_run(today=timezone.localdate())
    finally:
        follow_up_schedule()
    return report


def next_run_at(now: datetime) -> datetime:
    """The next FOLLOW_UP_RUN_HOUR o'clock, local time, after `now`."""
    local = timezone.localtime(now)
    run = timezone.make_aware(
        datetime.combine(local.date(), time(settings.FOLLOW_UP_RUN_HOUR)), local.tzinfo
    )
    return run if run > local else run + timedelta(days=1)


def follow_up_schedule() -> bool:
    """Queue the next daily run unless one is already waiting; False if none was queued."""
    return enqueue_once(follow_up_daily, next_run_at(timezone.now()))
