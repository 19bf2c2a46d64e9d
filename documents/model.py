"""A printable document as plain data: headings, paragraphs, lists and tables (whose cells
may be small charts). Builders fill it from the domain; the PDF and the Word renderers draw
the same document, so both always say the same thing."""

import base64
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from lib.text import printable


@dataclass(frozen=True)
class Spark:
    """A small line chart of counts (month by month), with its values in words."""

    values: tuple[int, ...]
    label: str
    kind: ClassVar[str] = "spark"


@dataclass(frozen=True)
class Bar:
    """Done against target as a bar, with the figures in words (e.g. "26 of 30")."""

    done: int
    target: int
    label: str
    kind: ClassVar[str] = "bar"

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.target)) if self.target else 0


Cell = str | Spark | Bar


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    kind: ClassVar[str] = "bullets"


@dataclass(frozen=True)
class Table:
    """A table whose first column names its rows; `numeric` lists right-aligned columns."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    kind: ClassVar[str] = "table"


Block = Heading | Paragraph | Bullets | Table
BLOCKS: dict[str, type] = {b.kind: b for b in (Heading, Paragraph, Bullets, Table)}
CELLS: dict[str, type] = {c.kind: c for c in (Spark, Bar)}


@dataclass(frozen=True)
class Document:
    """A whole document: its title, who it is from, and its blocks in order."""

    title: str
    organisation: str
    running_head: str
    language: str
    blocks: tuple[Block, ...]
    subtitle: str = ""
    printed: str = ""
    landscape: bool = False
    logo: bytes = b""
    logo_type: str = ""
    file_stem: str = "document"

    def fingerprint(self) -> str:
        """A digest of everything that shows: equal documents render to equal files."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()

    def size(self) -> int:
        """Blocks and table rows: a measure of how long rendering takes."""
        return sum(len(b.rows) if isinstance(b, Table) else 1 for b in self.blocks)

    def to_json(self) -> str:
        data = asdict(self)
        data["logo"] = base64.b64encode(self.logo).decode()
        data["blocks"] = [_tagged(b) for b in self.blocks]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Document":
        data = json.loads(text)
        data["logo"] = base64.b64decode(data["logo"])
        data["blocks"] = tuple(_block(b) for b in data["blocks"])
        return cls(**data)

    def printable(self) -> "Document":
        """The same document with every text as a Word or PDF file can hold it: text
        stored before input was cleaned may carry control characters XML refuses."""
        return Document.from_json(json.dumps(_printable_data(json.loads(self.to_json()))))


def _printable_data(data: Any) -> Any:
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, list):
        return [_printable_data(item) for item in data]
    if isinstance(data, dict):
        return {key: _printable_data(value) for key, value in data.items()}
    return data


def _cell_data(cell: Cell) -> Any:
    if isinstance(cell, str):
        return cell
    return {"kind": cell.kind, **asdict(cell)}


def _tagged(block: Block) -> dict[str, Any]:
    data = asdict(block)
    if isinstance(block, Table):
        data["rows"] = [[_cell_data(c) for c in row] for row in block.rows]
    return {"kind": block.kind, **data}


def _cell(data: Any) -> Cell:
    if isinstance(data, str):
        return data
    kind = data.pop("kind")
    if kind == "spark":
        data["values"] = tuple(data["values"])
    return CELLS[kind](**data)  # type: ignore[no-any-return]


def _block(data: dict[str, Any]) -> Block:
    kind = data.pop("kind")
    if kind == "table":
        data["header"] = tuple(data["header"])
        data["numeric"] = tuple(data["numeric"])
        data["rows"] = tuple(tuple(_cell(c) for c in row) for row in data["rows"])
    if kind == "bullets":
        data["items"] = tuple(data["items"])
    return BLOCKS[kind](**data)  # type: ignore[no-any-return]
