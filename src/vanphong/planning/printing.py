"""The week on paper, as a Party office prints it: A4 landscape PDF and DOCX.

What the paper says (header, title, grid, "Nơi nhận", signature) comes from paper.py; this
module draws it. Set in Liberation Serif (Times New Roman's metrics) in the PDF and in Times
New Roman in the DOCX, as Word users expect, at the Party's sizes (13–14 for the header and
the signature, 11.5 for the grid). The time column is as wide as "00g00–00g00", so a time is
never cut across lines (the DOCX also tells Word not to wrap it).
"""

from __future__ import annotations

import io
import re
from typing import Any, Final
from xml.sax.saxutils import escape as xml_escape

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from fpdf import FPDF

from vanphong.core import word
from vanphong.core.pdf import PagedPDF, Table, add_liberation_serif, centred_column, shorten
from vanphong.core.vietnamese import fold, sanitize
from vanphong.planning import paper
from vanphong.planning.models import ScheduleKind
from vanphong.planning.week import Week

# Relative widths of day, session, content, leaders, place, prepares; the time column is
# sized to its text.
WIDTHS: Final = (11, 7, 37, 33, 24, 14)
WIDEST_TIME: Final = "00g00–00g00"
GRID_SIZE: Final = 11.5
# A4 landscape: left, top, right, bottom (mm).
MARGINS: Final = (20, 15, 15, 15)
HEADER_LEFT: Final = 105.0  # mm, the issuer's column of the header and of the foot


def headings() -> list[str]:
    return [
        _("Thứ, ngày"),
        _("Buổi"),
        _("Giờ"),
        _("Nội dung"),
        _("Lãnh đạo dự"),
        _("Địa điểm"),
        _("Chuẩn bị"),
    ]


def filename(week: Week, extension: str) -> str:
    schedule = week.version.schedule
    who = re.sub(r"[^a-z0-9]+", "-", fold(schedule.committee.name)).strip("-")
    # Vietnamese like the rest of the name (the stored kind is English).
    whose = {ScheduleKind.LEADERS: "lanh-dao", ScheduleKind.OFFICE: "van-phong"}.get(
        ScheduleKind(schedule.kind), schedule.kind
    )
    return (
        f"lich-tuan-{schedule.week:02d}-{schedule.year}_{who}_{whose}"
        f"_ban-{week.version.number}.{extension}"
    )


# --- PDF ------------------------------------------------------------------------------------


def _pdf_header(document: FPDF, font: str, sheet: paper.Paper) -> None:
    top = document.get_y()
    left = [(text, "B" if bold else "", 13.0) for text, bold in sheet.issuer]
    bottom = centred_column(document, font, document.l_margin, HEADER_LEFT, left)
    right = [(paper.PARTY, "BU", 14.0), (sheet.place_date, "I", 13.0)]
    if sheet.draft:
        right.append((_("Dự thảo"), "B", 12.0))
    document.set_y(top)
    width = document.epw - HEADER_LEFT
    bottom = max(
        bottom, centred_column(document, font, document.l_margin + HEADER_LEFT, width, right)
    )
    document.set_y(bottom + 4)
    lines = [(sheet.title, "B", 14.0), (sheet.subtitle, "I", 13.0)]
    if sheet.amendment:
        lines.append((sheet.amendment, "I", 11.0))
    centred_column(document, font, document.l_margin, document.epw, lines)
    document.ln(3)


def _pdf_foot(document: FPDF, font: str, sheet: paper.Paper) -> None:
    """ "Nơi nhận" on the left, the signature on the right; on a new page if it does not fit."""
    needed = max(6 + 5 * len(sheet.recipients), 6 * len(sheet.signature) + 30)
    if document.get_y() + 6 + needed > document.page_break_trigger:
        document.add_page()
    document.ln(6)
    top = document.get_y()
    document.set_font(font, "BU", 12)
    document.cell(HEADER_LEFT, 6, _("Nơi nhận:"), new_x="LMARGIN", new_y="NEXT")
    document.set_font(font, "", 11)
    for line in sheet.recipients:
        document.cell(HEADER_LEFT, 5, shorten(line, 200), new_x="LMARGIN", new_y="NEXT")
    if sheet.signer:
        document.set_y(top)
        x, width = document.l_margin + HEADER_LEFT, document.epw - HEADER_LEFT
        lines = [(line, "B", 13.0) for line in sheet.signature]
        centred_column(document, font, x, width, lines)
        document.ln(22)  # room for the signature and the seal
        centred_column(document, font, x, width, [(sheet.signer, "B", 13.0)])


def pdf(week: Week) -> bytes:
    sheet = paper.build(week)
    document = PagedPDF(orientation="landscape", unit="mm", format="A4")
    font = add_liberation_serif(document)
    left, top, right, bottom = MARGINS
    document.set_margins(left, top, right)
    document.set_auto_page_break(auto=False, margin=bottom)
    document.set_title(week.title)
    document.set_creator("vanphong")
    document.add_page()
    _pdf_header(document, font, sheet)
    pad = 1.2
    document.set_font(font, "", GRID_SIZE)
    time_width = document.get_string_width(WIDEST_TIME) + 2 * pad + 1
    rest = [w * (document.epw - time_width) / sum(WIDTHS) for w in WIDTHS]
    widths = [*rest[:2], time_width, *rest[2:]]
    table = Table(document, widths, headings(), font=font, size=GRID_SIZE, line=5.0, pad=pad)
    table.row(headings(), [True] * len(widths), head=True)
    centred = [True, True, True, False, False, False, False]
    for texts, italic in sheet.rows:
        table.row(texts, centred, styles=["B", "", "", "I" if italic else "", "", "", ""])
    table.close()
    if sheet.removed:
        document.ln(3)
        document.set_font(font, "B", 12)
        document.cell(0, 6, _("Các nội dung đã bỏ khỏi lịch:"), new_x="LMARGIN", new_y="NEXT")
        document.set_font(font, "I", 11)
        for line in sheet.removed:
            document.multi_cell(0, 5, shorten(line), new_x="LMARGIN", new_y="NEXT")
    _pdf_foot(document, font, sheet)
    return bytes(document.output())


# --- DOCX -----------------------------------------------------------------------------------


def _paragraph(
    where: Any,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    centre: bool = False,
    first: bool = False,
) -> None:
    """A paragraph; `first` writes into a table cell's own empty first paragraph."""
    align = WD_ALIGN_PARAGRAPH.CENTER if centre else None
    word.paragraph(
        where,
        text,
        size=size,
        bold=bold,
        italic=italic,
        underline=underline,
        align=align,
        first=first,
    )


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


_CENTRED = '<w:pPr><w:jc w:val="center"/></w:pPr>'
_NO_WRAP = "<w:tcPr><w:noWrap/></w:tcPr>"
TIME_COLUMN: Final = 2


def _row_xml(texts: list[str], *, italic: bool) -> str:
    """One table row as WordprocessingML. python-docx's cell API costs milliseconds a cell
    (each width and paragraph is an object walk); a week of 300 entries is 2,100 cells, so
    the rows are written as XML and parsed together. Widths come from the table's grid and
    spacing and font from the Normal style, so a cell carries only its text."""
    cells = []
    for index, text in enumerate(texts):
        style = "<w:b/>" if index == 0 else "<w:i/>" if index == 3 and italic else ""
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{xml_escape(line)}</w:t>'
            for line in sanitize(text).split("\n")
        )
        run = f"<w:r><w:rPr>{style}</w:rPr>{body}</w:r>" if style else f"<w:r>{body}</w:r>"
        wrap = _NO_WRAP if index == TIME_COLUMN else ""
        cells.append(f"<w:tc>{wrap}<w:p>{_CENTRED if index < 3 else ''}{run}</w:p></w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def _two_columns(document: Any, usable: float) -> tuple[Any, Any]:
    """A borderless table of one row: the header's and the foot's two sides."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(HEADER_LEFT), Mm(usable - HEADER_LEFT)
    return left, right


def _docx_header(document: Any, sheet: paper.Paper, usable: float) -> None:
    left, right = _two_columns(document, usable)
    for index, (text, bold) in enumerate(sheet.issuer):
        _paragraph(left, text, size=13, bold=bold, centre=True, first=index == 0)
    _paragraph(right, paper.PARTY, size=14, bold=True, underline=True, centre=True, first=True)
    _paragraph(right, sheet.place_date, size=13, italic=True, centre=True)
    if sheet.draft:
        _paragraph(right, _("Dự thảo"), size=12, bold=True, centre=True)
    _paragraph(document, "", size=8)
    _paragraph(document, sheet.title, size=14, bold=True, centre=True)
    _paragraph(document, sheet.subtitle, size=13, italic=True, centre=True)
    if sheet.amendment:
        _paragraph(document, sheet.amendment, size=11, italic=True, centre=True)
    _paragraph(document, "", size=8)


def _docx_foot(document: Any, sheet: paper.Paper, usable: float) -> None:
    _paragraph(document, "", size=8)
    left, right = _two_columns(document, usable)
    _paragraph(left, _("Nơi nhận:"), size=12, bold=True, underline=True, first=True)
    for line in sheet.recipients:
        _paragraph(left, line, size=11)
    for index, line in enumerate(sheet.signature):
        _paragraph(right, line, size=13, bold=True, centre=True, first=index == 0)
    if sheet.signer:
        for _blank in range(4):  # room for the signature and the seal
            _paragraph(right, "", size=13)
        _paragraph(right, sheet.signer, size=13, bold=True, centre=True)


def docx(week: Week) -> bytes:
    sheet = paper.build(week)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    left, top, right, bottom = MARGINS
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    usable = 297 - left - right
    document.core_properties.title = week.title
    word.normal_style(document, size=GRID_SIZE)
    _docx_header(document, sheet, usable)
    table = document.add_table(rows=1, cols=len(WIDTHS) + 1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # "00g00–00g00" at 11.5 pt is 22 mm, and a cell's margins take 4 more.
    time_width = 28.0
    rest = [w * (usable - time_width) / sum(WIDTHS) for w in WIDTHS]
    widths = [Mm(w) for w in (*rest[:2], time_width, *rest[2:])]
    for cell, text, width in zip(table.rows[0].cells, headings(), widths, strict=True):
        cell.width = width
        _paragraph(cell, text, size=GRID_SIZE, bold=True, centre=True, first=True)
    _repeat_header(table.rows[0])
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    rows = "".join(_row_xml(texts, italic=italic) for texts, italic in sheet.rows)
    for element in parse_xml(f"<w:tbl {nsdecls('w')}>{rows}</w:tbl>"):
        table._tbl.append(element)
    if sheet.removed:
        _paragraph(document, _("Các nội dung đã bỏ khỏi lịch:"), size=12, bold=True)
        for line in sheet.removed:
            _paragraph(document, line, size=11, italic=True)
    _docx_foot(document, sheet, usable)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
