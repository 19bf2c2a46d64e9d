"""Mail to the promise's coordinators about what the other party did to it."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from accounts.permissions import EDITOR_ROLES, people_over
from core.mail import rendered_mail
from promises.models import CitizenPromise


def withdrawal_notices_send(promise_id: int, by_id: int | None) -> int:
    """Mail each coordinator of the withdrawn promise, except the one who withdrew it, the
    party, day and reason; how many were mailed."""
    promise = CitizenPromise.objects.select_related("municipality").get(pk=promise_id)
    link = settings.SITE_URL + reverse(
        "portal:promise", args=[promise.municipality.slug, promise.year]
    )
    people = people_over(promise, EDITOR_ROLES).exclude(email="").exclude(pk=by_id or 0)
    sent = 0
    for user in people:
        subject, body = rendered_mail(
            "promises/email/withdrawn.txt", {"promise": promise, "user": user, "link": link}
        )
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent
