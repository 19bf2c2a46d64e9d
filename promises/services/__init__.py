"""Every write of the promise cycle goes through these functions, whoever calls them.

Each validates, writes in one transaction and records the change in the audit trail.
`promises` holds agreements, promises, commitments and activities; `reports` the log.
"""

from promises.services.promises import (
    ACTIVITY_FIELDS,
    PROMISE_FIELDS,
    activity_create,
    activity_delete,
    activity_update,
    agreement_create,
    agreement_update,
    commitment_create,
    commitment_delete,
    commitment_update,
    promise_copy_to_next_year,
    promise_create,
    promise_require_draft,
    promise_set_status,
    promise_update,
    promise_withdraw,
    signatory_set,
)
from promises.services.occasions import (
    OCCASION_FIELDS,
    occasion_create,
    occasion_delete,
    occasion_update,
)
from promises.services.reports import (
    REPORT_FIELDS,
    activity_progress_recount,
    activity_report_create,
    activity_report_remove,
    activity_report_update,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "OCCASION_FIELDS",
    "PROMISE_FIELDS",
    "REPORT_FIELDS",
    "activity_create",
    "activity_delete",
    "activity_progress_recount",
    "activity_report_create",
    "activity_report_remove",
    "activity_report_update",
    "activity_update",
    "agreement_create",
    "agreement_update",
    "commitment_create",
    "commitment_delete",
    "commitment_update",
    "occasion_create",
    "occasion_delete",
    "occasion_update",
    "promise_copy_to_next_year",
    "promise_create",
    "promise_require_draft",
    "promise_set_status",
    "promise_update",
    "promise_withdraw",
    "signatory_set",
]
