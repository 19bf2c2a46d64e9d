"""Administrators map police event types that the built-in table does not know."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from situation.models import EventTypeMapping
from situation.services import event_type_remap


@admin.register(EventTypeMapping)
class EventTypeMappingAdmin(admin.ModelAdmin[EventTypeMapping]):
    list_display = ["event_type", "problem", "reviewed", "first_seen_at"]
    list_filter = ["reviewed", "problem"]
    search_fields = ["event_type"]
    readonly_fields = ["first_seen_at"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Saving here is an administrator's decision: stored events follow it at once.
        obj.reviewed = True
        super().save_model(request, obj, form, change)
        event_type_remap(event_type=obj.event_type)
