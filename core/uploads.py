"""Stop reading an uploaded file once it passes the largest size any page accepts.

Django reads a whole request body, file and all, before a view sees it. This handler, first
in FILE_UPLOAD_HANDLERS, stops as soon as one file has passed UPLOAD_LIMIT_BYTES; the rest
of the body is not read. The request is then marked `upload_refused`, and the page says the
file is too large (the fields sent before the file, such as the CSRF token, still arrive).
"""

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class UploadLimitHandler(FileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received = start + len(raw_data)
        if self.received > settings.UPLOAD_LIMIT_BYTES:
            self.request.upload_refused = True  # type: ignore[union-attr]
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def upload_refused(request: Any) -> bool:
    """Whether a file in this request was cut off for passing UPLOAD_LIMIT_BYTES."""
    return bool(getattr(request, "upload_refused", False))
