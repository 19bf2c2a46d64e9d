"""Every write of the follow-up and the evaluation goes through these functions.

Each validates, writes in one transaction and records the change in the promise's history.
`follow_ups` holds the period follow-ups and reminders' preferences, `evaluations` the
year's evaluation and carry-over."""

from followup.services.evaluations import (
    evaluation_approve,
    evaluation_carry_over,
    evaluation_refresh,
    evaluation_reopen,
    evaluation_start,
    evaluation_update,
)
from followup.services.follow_ups import (
    follow_up_approve,
    follow_up_cosign,
    follow_up_daily_run,
    follow_up_draft,
    follow_up_refresh,
    follow_up_return,
    follow_up_update,
    follow_ups_draft_due,
    preference_set,
)

__all__ = [
    "evaluation_carry_over",
    "evaluation_approve",
    "evaluation_refresh",
    "evaluation_reopen",
    "evaluation_start",
    "evaluation_update",
    "follow_up_approve",
    "follow_up_cosign",
    "follow_up_daily_run",
    "follow_up_draft",
    "follow_up_refresh",
    "follow_up_return",
    "follow_up_update",
    "follow_ups_draft_due",
    "preference_set",
]
