"""Periodic background work without a separate scheduler: a task queues its own next run."""

from datetime import datetime
from typing import Any

from django_tasks import default_task_backend


def enqueue_once(task: Any, run_after: datetime) -> bool:
    """Queue `task` to run after `run_after` unless a run of it is already waiting; False
    when none was queued (one waits, or the task backend cannot run work later)."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists():
        return False
    task.using(run_after=run_after).enqueue()
    return True
