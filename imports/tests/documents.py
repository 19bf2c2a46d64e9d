"""Writes test inputs in the formats municipalities publish: Word and PDF."""

import textwrap
from pathlib import Path

import docx


def write_docx(path: Path, title: str, lines: list[str]) -> Path:
    """A Word document: a heading, then paragraphs; lines starting with "• " become list
    items, and with "# " headings."""
    document = docx.Document()
    document.add_heading(title, level=1)
    for line in lines:
        if line.startswith("# "):
            document.add_heading(line[2:], level=2)
        elif line.startswith("• "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF with a real text layer (Helvetica, Windows-1252 for å, ä, ö)."""
    return _write_pdf(path, [lines])


def write_wrapped_pdf(path: Path, lines: list[str], width: int = 95, per_page: int = 58) -> Path:
    """A PDF as a word processor prints one: each paragraph wrapped to the page's width, so
    its sentences break across lines, over as many pages as it takes."""
    wrapped = [part for line in lines for part in (textwrap.wrap(line, width) or [""])]
    pages = [wrapped[i : i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]
    return _write_pdf(path, pages)


def _write_pdf(path: Path, pages: list[list[str]]) -> Path:
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    font = 3 + 2 * count
    for number, lines in enumerate(pages):
        stream = (
            b"BT /F1 10 Tf 40 800 Td 13 TL "
            + b" ".join(b"(" + _escape(line) + b") '" for line in lines)
            + b" ET"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            + f"<< /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * number} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path


def write_blank_pdf(path: Path) -> Path:
    """A PDF whose page has no text at all, as a scan without recognition would be."""
    return write_pdf(path, [])
