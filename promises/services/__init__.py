"""Every write of the promise cycle goes through these functions, whoever calls them.

Each validates, writes in one transaction and records the change in the audit trail. Each
takes keyword-only arguments named after the fields it writes, so a misspelt one is refused;
an update leaves what it is not given as it is. `promises` holds the yearly promise, its
commitments and activities, `ordering` their order, `agreements` the agreements,
`signatories` who signed either, `publishing` the two parties' approval that publishes a
promise, `occasions` the planned occasions, `reports` the activity log and `plausible` what
no report of it can hold.
"""

from promises.services.agreements import agreement_create, agreement_update
from promises.services.occasions import occasion_create, occasion_delete, occasion_update
from promises.services.ordering import promise_item_move
from promises.services.promises import (
    activity_create,
    activity_delete,
    activity_update,
    agreement_years_warning,
    commitment_create,
    commitment_delete,
    commitment_update,
    promise_copy_to_next_year,
    promise_create,
    promise_delete,
    promise_reopen,
    promise_require_draft,
    promise_require_withdrawable,
    promise_set_status,
    promise_update,
    promise_withdraw,
    signatory_set,
    withdrawal_parties,
)
from promises.services.publishing import promise_approve, promise_is_approved
from promises.services.reports import (
    ReportNeedsConfirmation,
    activity_progress_recount,
    activity_report_create,
    activity_report_remove,
    activity_report_restore,
    activity_report_update,
    report_problems,
    require_open_log,
)
from promises.services.signatories import Signer

__all__ = [
    "ReportNeedsConfirmation",
    "report_problems",
    "Signer",
    "activity_create",
    "agreement_years_warning",
    "activity_delete",
    "activity_progress_recount",
    "activity_report_create",
    "activity_report_remove",
    "activity_report_restore",
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
    "promise_approve",
    "promise_create",
    "promise_reopen",
    "promise_delete",
    "promise_item_move",
    "promise_is_approved",
    "promise_require_draft",
    "promise_require_withdrawable",
    "promise_set_status",
    "promise_update",
    "promise_withdraw",
    "withdrawal_parties",
    "require_open_log",
    "signatory_set",
]
