"""A document as a Word file (.docx), because municipal boards circulate Word files: the same
headings, paragraphs and tables as the PDF, real Word headings and lists, a header with the
logo and who it is from, and page numbers in the footer."""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from documents.model import Bar, Bullets, Cell, Document, Heading, Paragraph, Spark, Table

BLUE = RGBColor(0x0B, 0x4F, 0x8A)
GREY = RGBColor(0x4A, 0x4F, 0x57)
SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def _field(paragraph: DocxParagraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    begin, text, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = code
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _language(docx: DocxDocument, language: str) -> None:
    """Mark the text's language in the default style, so Word checks Swedish as Swedish."""
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    tag = "sv-SE" if language.startswith("sv") else "en-GB"
    lang.set(qn("w:val"), tag)


def _spark_text(cell: Spark) -> str:
    top = max(cell.values, default=0) or 1
    return "".join(SPARK_LEVELS[round(v / top * (len(SPARK_LEVELS) - 1))] for v in cell.values)


def _cell_text(cell: Cell) -> str:
    if isinstance(cell, Spark):
        return f"{_spark_text(cell)}\n{cell.label}"
    if isinstance(cell, Bar):
        return cell.label
    return cell


def _repeat_header(table: DocxTable) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(docx: DocxDocument, block: Table) -> None:
    if block.caption:
        caption = docx.add_paragraph(block.caption, style="Caption")
        caption.paragraph_format.keep_with_next = True
    table = docx.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for index, title in enumerate(block.header):
        paragraph = table.rows[0].cells[index].paragraphs[0]
        paragraph.add_run(title).bold = True
        if index in block.numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(table)
    for row in block.rows:
        cells = table.add_row().cells
        for index, value in enumerate(row):
            paragraph = cells[index].paragraphs[0]
            run = paragraph.add_run(_cell_text(value))
            run.bold = index == 0
            if index in block.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docx.add_paragraph()


def docx_of(doc: Document) -> bytes:
    """Render the document as a .docx file."""
    doc = doc.printable()
    docx = new_docx()
    properties = docx.core_properties
    properties.title, properties.author = doc.title, doc.organisation
    properties.language = "sv-SE" if doc.language.startswith("sv") else "en-GB"
    _language(docx, doc.language)
    normal = docx.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(18))
    with translation.override(doc.language):
        head = section.header.paragraphs[0]
        if doc.logo:
            head.add_run().add_picture(io.BytesIO(doc.logo), height=Mm(10))
            head.add_run("  ")
        head.add_run(f"{doc.organisation} · {doc.running_head}").font.color.rgb = GREY
        foot = section.footer.paragraphs[0]
        foot.add_run(f"{doc.printed}    {_('Page')} ")
        _field(foot, "PAGE")
        foot.add_run(f" {_('of')} ")
        _field(foot, "NUMPAGES")
    title = docx.add_heading(doc.title, level=0)
    title.runs[0].font.color.rgb = BLUE
    if doc.subtitle:
        docx.add_paragraph(f"{doc.organisation} · {doc.subtitle}").runs[0].font.color.rgb = GREY
    for block in doc.blocks:
        if isinstance(block, Heading):
            docx.add_heading(block.text, level=1 if block.level == 2 else 2)
        elif isinstance(block, Paragraph):
            paragraph = docx.add_paragraph(block.text)
            if block.small:
                paragraph.runs[0].font.size = Pt(8.5)
                paragraph.runs[0].font.color.rgb = GREY
        elif isinstance(block, Bullets):
            for item in block.items:
                docx.add_paragraph(item, style="List Bullet")
        else:
            _table(docx, block)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()
