"""Background work of the promise cycle, run by `loften db_worker` in production."""

from django_tasks import task

from promises.models import Activity
from promises.services import activity_progress_recount


@task()
def progress_recount(promise_id: int | None = None) -> int:
    """Recount the progress of every activity (of one promise, or all); returns how many."""
    activities = Activity.objects.all()
    if promise_id is not None:
        activities = activities.filter(promise_id=promise_id)
    count = 0
    for activity in activities.iterator():
        activity_progress_recount(activity=activity)
        count += 1
    return count


@task()
def withdrawal_mail(promise_id: int, by_id: int | None = None) -> int:
    """Tell the promise's coordinators, of both parties, that it was withdrawn, by whom and
    why; returns how many were told. The one who withdrew it already knows."""
    from promises.services.notices import withdrawal_notices_send

    return withdrawal_notices_send(promise_id, by_id)
