import io
import zipfile

import pytest

from lib.archives import ArchiveLimits, ArchiveRefused, unpacked_size


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_an_ordinary_archive_gives_its_unpacked_size() -> None:
    data = _zip({"a.xml": b"<a>" + bytes(range(256)) * 40 + b"</a>", "b.txt": b"hej"})
    assert unpacked_size(data, ArchiveLimits(total=1_000_000)) == 7 + 256 * 40 + 3


def test_more_than_the_total_is_refused_without_unpacking() -> None:
    data = _zip({"one.xml": b"x" * 600_000, "two.xml": b"y" * 600_000})
    with pytest.raises(ArchiveRefused) as refused:
        unpacked_size(data, ArchiveLimits(total=1_000_000, ratio_from=10**9))
    assert refused.value.reason == "total" and refused.value.total == 1_200_000


def test_a_member_packed_far_too_well_is_refused() -> None:
    data = _zip({"sheet.xml": b"\0" * 2_000_000})
    with pytest.raises(ArchiveRefused) as refused:
        unpacked_size(data, ArchiveLimits(total=10**9, ratio=100, ratio_from=1_000_000))
    assert refused.value.reason == "ratio" and refused.value.member == "sheet.xml"
    assert refused.value.ratio > 100
    # Below `ratio_from`, repetitive content is no reason to refuse.
    assert unpacked_size(data, ArchiveLimits(total=10**9, ratio_from=3_000_000)) == 2_000_000


def test_too_many_members_are_refused() -> None:
    data = _zip({f"m{i}": b"" for i in range(11)})
    with pytest.raises(ArchiveRefused) as refused:
        unpacked_size(data, ArchiveLimits(total=10**9, members=10))
    assert refused.value.reason == "members"


def test_what_is_not_an_archive_says_so() -> None:
    with pytest.raises(zipfile.BadZipFile):
        unpacked_size(b"kommun;ar\n", ArchiveLimits(total=10))
