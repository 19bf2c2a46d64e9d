"""The audit trail: who changed what, when, from where; rows are only ever added."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditTrailIsAppendOnly(Exception):
    """Raised on any attempt to change or remove a recorded event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be changed")

    def delete(self) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be removed")


ACTOR_NAME_LENGTH = 150


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    CHANGE = "change", _("changed")
    DELETE = "delete", _("deleted")


class AuditEvent(models.Model):
    """One recorded create, change or removal, with the values before and after."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as text too, so the trail still names the person if the account is removed.
    actor_name = models.CharField(_("who"), max_length=ACTOR_NAME_LENGTH, blank=True)
    ip_address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    action = models.CharField(_("what"), max_length=10, choices=AuditAction.choices)
    model = models.CharField(_("kind of record"), max_length=100)
    object_id = models.CharField(_("record"), max_length=64)
    object_repr = models.CharField(_("record"), max_length=200)
    # Groups the events shown on one page, e.g. "promise:12" for a promise and its parts.
    trail = models.CharField(max_length=64, db_index=True)
    changes = models.JSONField(_("changes"), default=dict)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTrailIsAppendOnly("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be removed")
