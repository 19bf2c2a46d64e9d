"""Writes of the situation picture: evidence, police events, imports and corrections."""

from situation.services.events import (
    FetchReport,
    event_type_remap,
    police_events_fetch,
    police_events_store,
)

__all__ = ["FetchReport", "event_type_remap", "police_events_fetch", "police_events_store"]
