"""Writes of the situation picture: evidence, police events, imports, corrections and the
two parties' publishing."""

from situation.services.corrections import (
    CORRECTABLE_FIELDS,
    evidence_correct,
    evidence_withdraw,
    file_import_undo,
)
from situation.services.events import (
    FetchReport,
    event_type_remap,
    event_types_unmapped_add,
    police_events_fetch,
    police_events_store,
)
from situation.services.evidence import (
    RaisedConcern,
    Reasons,
    classification_correct,
    commitment_motivate,
    commitments_motivate,
    complaint_create,
    dialogue_create,
)
from situation.services.files import (
    CANCELLABLE,
    FileImportReport,
    file_import,
    file_import_cancel,
    file_import_decide,
    file_import_start,
    import_columns,
)
from situation.services.publishing import (
    picture_approval_discard,
    picture_approve,
    picture_unpublish,
)

__all__ = [
    "CANCELLABLE",
    "CORRECTABLE_FIELDS",
    "evidence_correct",
    "evidence_withdraw",
    "file_import_undo",
    "FetchReport",
    "FileImportReport",
    "RaisedConcern",
    "Reasons",
    "classification_correct",
    "commitment_motivate",
    "commitments_motivate",
    "complaint_create",
    "dialogue_create",
    "event_type_remap",
    "event_types_unmapped_add",
    "file_import",
    "file_import_cancel",
    "file_import_decide",
    "file_import_start",
    "import_columns",
    "picture_approval_discard",
    "picture_approve",
    "picture_unpublish",
    "police_events_fetch",
    "police_events_store",
]
