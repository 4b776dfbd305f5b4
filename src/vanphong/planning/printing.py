"""The week on paper: A4 landscape PDF and DOCX in the usual layout.

Title `LỊCH CÔNG TÁC TUẦN CỦA …`, the week line `Tuần 07, từ ngày 13/02 đến ngày 19/02/2012`,
then a grid of days × sessions: time, content, leaders, place, who prepares. Entries changed
by an amendment carry "(Điều chỉnh)" / "(Bổ sung)" in italics, and entries it removed are
listed under the grid. Set in Liberation Serif (Times New Roman's metrics) in the PDF and in
Times New Roman in the DOCX, as Word users expect.
"""

from __future__ import annotations

import io
import re
from typing import Final
from xml.sax.saxutils import escape as xml_escape

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from fpdf import FPDF
from fpdf.enums import Align

from vanphong.core.pdf import Table, add_liberation_serif, shorten
from vanphong.core.vietnamese import fold, sanitize
from vanphong.planning.models import ScheduleKind
from vanphong.planning.week import Row, Week

# Relative widths: day, session, time, content, leaders, place, prepares.
WIDTHS: Final = (11, 7, 10, 50, 22, 22, 18)
WORD_FONT: Final = "Times New Roman"


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


def _content(row: Row) -> str:
    text = row.content
    if row.units:
        text += "\n" + _("Thành phần: %(units)s") % {"units": row.units}
    if row.note:
        text += "\n" + row.note
    if row.mark:
        text += f"\n({row.mark_label})"
    return text


def _cells(week: Week) -> list[tuple[list[str], Row]]:
    """One line per entry; the day and the session are written on the first line of each."""
    out = []
    session_labels = dict(week.sessions)
    last_day, last_session = None, None
    for day, session, row in week.rows():
        day_label = day.label + (f"\n({day.holiday})" if day.holiday else "")
        if day.day == last_day:
            day_label = ""
            session_label = "" if session == last_session else session_labels[session]
        else:
            session_label = session_labels[session]
        last_day, last_session = day.day, session
        out.append(
            (
                [
                    day_label,
                    session_label,
                    row.time,
                    _content(row),
                    row.leaders,
                    row.place,
                    row.preparing,
                ],
                row,
            )
        )
    return out


# Downloaded names are ASCII Vietnamese, whatever the page's language: the stored kind is English.
KIND_SLUGS: Final[dict[str, str]] = {
    ScheduleKind.LEADERS: "lanh-dao",
    ScheduleKind.OFFICE: "van-phong",
}


def filename(week: Week, extension: str) -> str:
    """`lich-tuan-07-2012_tinh-uy-tay-ninh_lanh-dao_ban-1.pdf`."""
    schedule = week.version.schedule
    who = re.sub(r"[^a-z0-9]+", "-", fold(schedule.committee.name)).strip("-")
    return (
        f"lich-tuan-{schedule.week:02d}-{schedule.year}_{who}_{KIND_SLUGS[schedule.kind]}"
        f"_ban-{week.version.number}.{extension}"
    )


# --- PDF ------------------------------------------------------------------------------------


class _SchedulePDF(FPDF):
    font_family_name = "LiberationSerif"

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(self.font_family_name, size=9)
        self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align=Align.C)


def pdf(week: Week) -> bytes:
    document = _SchedulePDF(orientation="landscape", unit="mm", format="A4")
    font = add_liberation_serif(document)
    document.set_margins(12, 10, 12)
    document.set_auto_page_break(auto=False, margin=14)
    document.set_title(week.title)
    document.set_creator("vanphong")
    document.add_page()
    document.set_font(font, "B", 14)
    document.cell(0, 7, week.title, align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.set_font(font, "I", 12)
    document.cell(0, 6, week.subtitle, align=Align.C, new_x="LMARGIN", new_y="NEXT")
    if week.version.number > 1:
        document.set_font(font, "I", 10)
        note = _("Bản điều chỉnh số %(n)s: %(note)s") % {
            "n": week.version.number,
            "note": week.version.change_note,
        }
        document.cell(0, 5, note, align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.ln(3)
    total = sum(WIDTHS)
    widths = [w * document.epw / total for w in WIDTHS]
    table = Table(document, widths, headings(), font=font, size=10.5, line=4.6, pad=1.2)
    table.row(headings(), [True] * len(widths), head=True)
    centred = [True, True, True, False, False, False, False]
    for texts, row in _cells(week):
        style = "I" if row.mark else ""
        table.row(texts, centred, styles=["B", "", "", style, "", "", ""])
    table.close()
    if week.removed:
        document.ln(3)
        document.set_font(font, "B", 11)
        document.cell(0, 6, _("Các nội dung đã bỏ khỏi lịch:"), new_x="LMARGIN", new_y="NEXT")
        document.set_font(font, "I", 10.5)
        for row in week.removed:
            line = f"- {row.entry.day:%d/%m} {row.time} {shorten(row.content)}"
            document.multi_cell(0, 5, line.replace("  ", " "), new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


# --- DOCX -----------------------------------------------------------------------------------


def _run_font(run: object, *, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = WORD_FONT  # type: ignore[attr-defined]
    run.font.size = Pt(size)  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    run.font.italic = italic  # type: ignore[attr-defined]
    # East-Asian text would otherwise fall back to another font in Word.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    fonts.set(qn("w:eastAsia"), WORD_FONT)


def _paragraph(
    cell_or_doc: object,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    centre: bool = False,
) -> None:
    paragraph = cell_or_doc.add_paragraph()  # type: ignore[attr-defined]
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    text = sanitize(text)  # XML cannot carry control characters older rows may hold
    for index, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        _run_font(run, size=size, bold=bold, italic=italic)
        if index < len(text.split("\n")) - 1:
            run.add_break()


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


_CENTRED = '<w:pPr><w:jc w:val="center"/></w:pPr>'


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
        cells.append(f"<w:tc><w:p>{_CENTRED if index < 3 else ''}{run}</w:p></w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def docx(week: Week) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin = section.bottom_margin = Mm(12)
    document.core_properties.title = week.title
    # The grid's runs carry no font of their own: Normal is Times New Roman 11 (east-Asian
    # text included, or Word would pick another font for it).
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), WORD_FONT)
    normal.paragraph_format.space_after = Pt(0)
    _paragraph(document, week.title, size=14, bold=True, centre=True)
    _paragraph(document, week.subtitle, size=13, italic=True, centre=True)
    if week.version.number > 1:
        note = _("Bản điều chỉnh số %(n)s: %(note)s") % {
            "n": week.version.number,
            "note": week.version.change_note,
        }
        _paragraph(document, note, size=11, italic=True, centre=True)
    table = document.add_table(rows=1, cols=len(WIDTHS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = 297 - 30
    widths = [Mm(w * usable / sum(WIDTHS)) for w in WIDTHS]
    for cell, text, width in zip(table.rows[0].cells, headings(), widths, strict=True):
        cell.width = width
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
        _paragraph(cell, text, size=11, bold=True, centre=True)
    _repeat_header(table.rows[0])
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    rows = "".join(_row_xml(texts, italic=bool(row.mark)) for texts, row in _cells(week))
    for element in parse_xml(f"<w:tbl {nsdecls('w')}>{rows}</w:tbl>"):
        table._tbl.append(element)
    if week.removed:
        _paragraph(document, _("Các nội dung đã bỏ khỏi lịch:"), size=12, bold=True)
        for row in week.removed:
            _paragraph(
                document, f"- {row.entry.day:%d/%m} {row.time} {row.content}", size=11, italic=True
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
