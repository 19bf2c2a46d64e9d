"""Background work of the situation picture, run by `loften db_worker` in production."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.scheduling import enqueue_once
from situation.services.events import police_events_fetch


@task()
def police_events_fetch_periodically() -> dict[str, Any]:
    """Fetch the police's events feed, then queue the next fetch after the interval."""
    try:
        report = police_events_fetch()
    finally:
        police_events_schedule()
    return {"new": report.new, "known": report.known, "malformed": len(report.malformed)}


def police_events_schedule(*, delay_minutes: int | None = None) -> bool:
    """Queue the next periodic fetch unless one is already waiting; False if none was queued
    (one is waiting, or the task backend cannot run work later)."""
    minutes = settings.POLICE_EVENTS_INTERVAL_MINUTES if delay_minutes is None else delay_minutes
    run_after = timezone.now() + timedelta(minutes=minutes)
    return enqueue_once(police_events_fetch_periodically, run_after)


@task()
def evidence_file_check(run_id: int) -> str:
    """Check a large uploaded evidence file, row by row, in the background."""
    from imports.models import FileImport
    from situation.services.files import file_import_check

    run = FileImport.objects.get(pk=run_id)
    file_import_check(run=run)
    return run.status


@task()
def evidence_file_store(run_id: int, keep_valid: bool) -> str:
    """Store a large checked evidence file in the background."""
    from imports.models import FileImport
    from situation.services.files import file_import_store

    run = FileImport.objects.get(pk=run_id)
    file_import_store(run=run, keep_valid=keep_valid, by=run.created_by)
    return run.status
