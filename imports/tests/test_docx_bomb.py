import io
import time
import zipfile
from pathlib import Path

import pytest
from django.test import override_settings

from conftest import Cast, client_for
from imports.readers import ReadError, read_text
from imports.tests.documents import write_docx


def _bomb(path: Path, tmp_path: Path, size: int) -> Path:
    """A real Word document whose document.xml is padded with `size` bytes of spaces."""
    source = write_docx(tmp_path / "source.docx", "Medborgarlöfte Eslöv 2019", ["Aktiviteter"])
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for member in original.infolist():
            content = original.read(member)
            if member.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + b" " * size, 1)
            target.writestr(member, content)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_docx_that_unpacks_past_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "loften.docx", tmp_path, 25 * 2**20)
    assert path.stat().st_size < 200_000
    started = time.monotonic()
    with pytest.raises(ReadError, match="loften.docx: unpacks to 25 MB; the limit is 20 MB"):
        read_text(path)
    assert time.monotonic() - started < 5


def test_a_docx_part_packed_far_too_well_is_refused(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "loften.docx", tmp_path, 3 * 2**20)
    with pytest.raises(ReadError, match="word/document.xml is packed .* compressed bomb"):
        read_text(path)


def test_an_ordinary_docx_is_still_read(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "loften.docx", "Medborgarlöfte Eslöv 2019", ["Aktiviteter"])
    assert "Medborgarlöfte Eslöv 2019" in read_text(path)


@pytest.mark.django_db
def test_the_upload_page_refuses_a_docx_bomb(cast: Cast, tmp_path: Path) -> None:
    path = _bomb(tmp_path / "loften.docx", tmp_path, 25 * 2**20)
    with open(path, "rb") as upload:
        response = client_for(cast.coordinator).post(
            "/arbete/inlasning/", {"municipality": cast.eslov.pk, "file": upload}
        )
    assert response.status_code == 200
    assert "unpacks to 25 MB; the limit is 20 MB" in response.content.decode()


@pytest.mark.django_db
@override_settings(UPLOAD_LIMIT_BYTES=10_000)
def test_a_promise_upload_over_the_limit_is_cut_off(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "loften.txt"
    path.write_bytes(b"Medborgarlofte " * 5_000)
    with open(path, "rb") as upload:
        response = client_for(cast.coordinator).post(
            "/arbete/inlasning/", {"municipality": cast.eslov.pk, "file": upload}
        )
    assert response.status_code == 200
    assert "The file is larger than 20 MB." in response.content.decode()
