"""Words of the follow-up: where a follow-up stands, and how a commitment is judged."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from promises.vocabularies import PromiseStatus

# Promises whose periods are followed up: agreed, and not yet evaluated or withdrawn.
FOLLOWED_PROMISE_STATUSES = (PromiseStatus.SIGNED, PromiseStatus.PUBLISHED)


class FollowUpStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved, awaiting co-signature")
    PUBLISHED = "published", _("Published")


class CommitmentStatus(models.TextChoices):
    FULFILLED = "fulfilled", _("Fulfilled")
    ON_TRACK = "on_track", _("On track")
    BEHIND = "behind", _("Behind")
    NOT_MEASURED = "not_measured", _("Not measured by a target")


class ReminderKind(models.TextChoices):
    FOLLOW_UP_DUE = "follow_up_due", _("A follow-up is due")
    ACTIVITY_BEHIND = "activity_behind", _("An activity falls behind its pace")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
