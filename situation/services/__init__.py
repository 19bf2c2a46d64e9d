"""Writes of the situation picture: evidence, police events, imports and corrections."""

from situation.services.corrections import (
    CORRECTABLE_FIELDS,
    evidence_correct,
    evidence_withdraw,
    file_import_undo,
)
from situation.services.events import (
    FetchReport,
    event_type_remap,
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
    picture_publish,
    picture_republish,
    picture_unpublish,
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
    "file_import",
    "file_import_cancel",
    "file_import_decide",
    "file_import_start",
    "import_columns",
    "picture_publish",
    "picture_republish",
    "picture_unpublish",
    "police_events_fetch",
    "police_events_store",
]
