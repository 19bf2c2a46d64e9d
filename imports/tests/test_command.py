"""`loften parse` on good and bad files: clear messages and exit codes, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from imports import readers

HTML = Path(__file__).resolve().parent / "texts" / "seed_page.html"


def test_parse_prints_the_documents_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("parse", str(HTML))
    data = json.loads(capsys.readouterr().out)
    assert [d["year"] for d in data["documents"]] == [2017, 2016]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (bytes(range(256)) * 20, "not a text file"),
        (
            b"<html><body><nav>Meny</nav><p>V\xc3\xa4lkommen</p></body></html>",
            "no citizen promise found",
        ),
        (b"\xff\xfe\x00\x00garbage\x81\x8d", "not a text file"),
    ],
)
def test_bad_files_get_a_message_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "indata.html"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as caught:
        call_command("parse", str(path))
    assert str(path) in str(caught.value) and caught.value.returncode == 2


def test_too_large_and_missing_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 1024 * 1024)
    big = tmp_path / "stor.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(CommandError, match="the limit is 1 MB"):
        call_command("parse", str(big))
    with pytest.raises(CommandError, match="no such file"):
        call_command("parse", str(tmp_path / "saknas.txt"))


def test_windows_encoded_text_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gammal.txt"
    path.write_bytes(
        "Medborgarlöfte Exempelstad 2019\nAktiviteter\n• Två trygghetsvandringar "
        "i Östra Exempelstad.\n".encode("cp1252")
    )
    call_command("parse", str(path))
    assert "Östra" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # A real 50 MB text, not a lowered limit: refused by its size before it is read.
        ("stor.txt", "Medborgarlöfte Exempelstad 2021. ".encode() * (50 * 1024 * 1024 // 34), "MB"),
        ("skrap.pdf", bytes(range(256)) * 4096, "not a readable PDF file"),
        ("skrap.txt", bytes(range(256)) * 4096, "not a text file"),
        ("tom.html", b"", "the file is empty"),
    ],
)
def test_the_command_line_refuses_huge_binary_and_empty_files_with_2(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "loften.manage", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and message in result.stderr
    assert result.stdout == ""
