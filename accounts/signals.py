"""Accounts change in the admin, not through our services: their signals feed the trail."""

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from accounts.models import Membership, Organisation, User
from audit.context import current_user
from audit.models import AuditAction
from audit.services import audit_record, snapshot

AUDITED = (User, Membership, Organisation)


def _who(instance: Any) -> Any:
    # Admin saves happen inside a request: its user did it. Commands name nobody.
    return current_user()


@receiver(pre_save)
def _remember_before(sender: type, instance: Any, **kwargs: Any) -> None:
    if sender in AUDITED and instance.pk:
        old: Any = sender._default_manager.filter(pk=instance.pk).first()
        instance._audit_before = snapshot(old) if old else {}
        # The hash itself never goes to the trail; only the fact that it changed.
        if sender is User and old is not None and old.password != instance.password:
            instance._audit_password_changed = True


@receiver(post_save)
def _record_save(sender: type, instance: Any, created: bool, **kwargs: Any) -> None:
    if sender not in AUDITED or kwargs.get("raw"):
        return
    before = {} if created else getattr(instance, "_audit_before", {})
    after = snapshot(instance)
    if getattr(instance, "_audit_password_changed", False):
        after["password"] = "changed"
        before["password"] = ""
        instance._audit_password_changed = False
    action = AuditAction.CREATE if created else AuditAction.CHANGE
    audit_record(action=action, instance=instance, by=_who(instance), before=before, after=after)


@receiver(post_delete)
def _record_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if sender in AUDITED:
        audit_record(
            action=AuditAction.DELETE,
            instance=instance,
            by=_who(instance),
            before=snapshot(instance),
            after={},
        )
