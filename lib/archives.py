"""Looking inside a zip archive (an .xlsx or .docx file) before anything unpacks it.

An archive's central directory declares every member's packed and unpacked size. Python's
zipfile, which openpyxl and python-docx read through, never returns more bytes of a member
than its declared unpacked size (a member that holds more fails its checksum instead), so
checking the declared sizes first bounds the memory and time that reading the archive can
take: a few kilobytes that unpack to gigabytes are refused before a byte is inflated.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ArchiveLimits:
    """What an archive may unpack to: in all, per member relative to its packed size, and
    how many members it may have. A member smaller than `ratio_from` bytes unpacked is
    never refused for its ratio (small, repetitive XML packs very well)."""

    total: int
    ratio: int = 100
    ratio_from: int = 1024 * 1024
    members: int = 10_000


class ArchiveRefused(ValueError):
    """The archive would unpack to more than its limits allow; `reason` says which one."""

    def __init__(self, reason: str, *, total: int = 0, member: str = "", ratio: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.total = total
        self.member = member
        self.ratio = ratio


def unpacked_size(source: bytes | Path, limits: ArchiveLimits) -> int:
    """The archive's declared unpacked size in bytes, after checking it against `limits`.

    Raises ArchiveRefused ("members", "total" or "ratio") when a limit is passed, and
    zipfile.BadZipFile when `source` is not a zip archive.
    """
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
        members = archive.infolist()
    if len(members) > limits.members:
        raise ArchiveRefused("members", total=len(members))
    total = sum(member.file_size for member in members)
    if total > limits.total:
        raise ArchiveRefused("total", total=total)
    for member in members:
        if member.file_size >= limits.ratio_from and (
            member.file_size > limits.ratio * max(member.compress_size, 1)
        ):
            ratio = member.file_size // max(member.compress_size, 1)
            raise ArchiveRefused("ratio", member=member.filename, ratio=ratio)
    return total
