"""Turning a file (plain text, a saved web page, Word .docx or a PDF with a text layer)
into text, or a clear reason why not."""

import zipfile
from html.parser import HTMLParser
from pathlib import Path

from imports.limits import DOCX_LIMITS, MB, TEXT_FILE_BYTES
from lib.archives import ArchiveRefused, unpacked_size
from lib.text import without_controls

MAX_BYTES = TEXT_FILE_BYTES
# Elements that hold page furniture, never promise content.
SKIPPED = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "template",
    "aside",
}
BLOCKS = {
    "p",
    "div",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "blockquote",
    "dd",
    "dt",
}


class ReadError(Exception):
    """A file that cannot be read as a promise text, with the reason in words."""


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        # Cells of a table row are kept apart as a plain-text table writes them: "a | b".
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n")
        if tag == "tr":
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells and not self.skipping:
                self.parts.append(" | ")
            self.cells += 1
        if tag == "li" and not self.skipping:
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of a web page, one block a line, list items as bullets."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return "".join(extractor.parts)


def plain_text(text: str) -> str:
    """The text itself; a whole web page (pasted or saved) is reduced to its readable text."""
    if text.lstrip()[:200].lower().startswith(("<!doctype", "<html", "<body")):
        return html_to_text(text)
    return text


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise ReadError(f"{path}: not a text file (it holds binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    try:
        # Older Swedish Windows files; only accepted if the result reads as text.
        text = text or raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ReadError(f"{path}: neither UTF-8 nor Windows-1252 text; save it as UTF-8") from error
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > len(text) // 50:
        raise ReadError(f"{path}: not a text file (it holds binary data)")
    return text


def _check_archive(path: Path) -> None:
    """Refuse a .docx whose parts would unpack to more than DOCX_LIMITS allow, before any
    part is unpacked."""
    limits = DOCX_LIMITS
    try:
        unpacked_size(path, limits)
    except ArchiveRefused as refused:
        if refused.reason == "ratio":
            raise ReadError(
                f"{path}: the part {refused.member} is packed {refused.ratio} to 1; more than "
                f"{limits.ratio} to 1 is refused as a compressed bomb"
            ) from None
        if refused.reason == "members":
            raise ReadError(
                f"{path}: more than {limits.members} parts, which no Word document needs"
            ) from None
        raise ReadError(
            f"{path}: unpacks to {refused.total // MB} MB; the limit is {limits.total // MB} MB"
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReadError(f"{path}: not a readable Word (.docx) file") from error


def _docx_text(path: Path) -> str:
    """Paragraphs of a Word document, list paragraphs as bullets, tables row by row."""
    import docx  # python-docx

    _check_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # any failure inside an untrusted file means "unreadable"
        raise ReadError(f"{path}: not a readable Word (.docx) file") from error
    lines = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        bullet = "• " if "List" in style or "Lista" in style else ""
        lines.append(bullet + paragraph.text)
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    """The text layer of a PDF, page by page; a scanned PDF without one is refused."""
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as error:  # any failure inside an untrusted file means "unreadable"
        raise ReadError(f"{path}: not a readable PDF file") from error
    text = "\n".join(pages)
    if not text.strip():
        raise ReadError(
            f"{path}: the PDF has no text layer (a scanned image?); run text recognition "
            f"(OCR) on it first"
        )
    return text


def read_text(path: Path) -> str:
    """The text of a plain text or HTML file, or a ReadError that names the file."""
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise ReadError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise ReadError(
            f"{path}: the file is {size // (1024 * 1024)} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB"
        )
    suffix = path.suffix.lower()
    raw = path.read_bytes()
    if suffix == ".docx" or (raw.startswith(b"PK\x03\x04") and suffix != ".txt"):
        text = _docx_text(path)
    elif suffix == ".pdf" or raw.startswith(b"%PDF-"):
        text = _pdf_text(path)
    elif suffix == ".doc":
        raise ReadError(f"{path}: old Word .doc files cannot be read; save it as .docx")
    else:
        text = _decode(path, raw)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    text = without_controls(plain_text(text))
    if not text.strip():
        raise ReadError(f"{path}: the file holds no text")
    return text
