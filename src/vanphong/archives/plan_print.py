"""The file plan on paper (danh mục hồ sơ), DOCX and PDF, as a Party office issues it.

Top left the body above the unit (caps) over the unit (caps, bold) and a centred "*"; top right
"ĐẢNG CỘNG SẢN VIỆT NAM" over the place and date (the day of approval; today on a draft,
marked "Dự thảo"); the title "DANH MỤC HỒ SƠ" and the year; the table with the columns Số và
ký hiệu hồ sơ · Tên đề mục và tiêu đề hồ sơ · Thời hạn bảo quản · Người lập hồ sơ · Ghi chú,
each heading a row of its own (its number in the first column: I, II… for major headings in
capitals, 1, 2… for minor ones), the entries under it; then the summary ("Bản danh mục hồ sơ
này có: N hồ sơ, bao gồm: X hồ sơ bảo quản vĩnh viễn; Y hồ sơ bảo quản có thời hạn.") and the
approver's signature.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Final
from xml.sax.saxutils import escape as xml_escape

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from vanphong.archives.models import FilePlan, PlanStatus
from vanphong.archives.plans import Outline, plan_outline, retention_label
from vanphong.core import word
from vanphong.core.pdf import PagedPDF, Table, add_liberation_serif, centred_column, shorten
from vanphong.core.vietnamese import clean, fold, format_place_date, sanitize
from vanphong.org.models import Membership
from vanphong.org.selectors import committee_of
from vanphong.planning.paper import PARTY, issuer

DOCX_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WIDTHS: Final = (25.0, 70.0, 22.0, 30.0, 18.0)  # mm, A4 portrait's 165 mm
HEADER_LEFT: Final = 75.0
SIZE: Final = 12.0


def headings() -> list[str]:
    return [
        _("Số và ký hiệu hồ sơ"),
        _("Tên đề mục và tiêu đề hồ sơ"),
        _("Thời hạn bảo quản"),
        _("Người lập hồ sơ"),
        _("Ghi chú"),
    ]


@dataclass(frozen=True)
class Sheet:
    issuer: list[tuple[str, bool]]
    place_date: str
    draft: bool
    title: str
    subtitle: str
    rows: list[tuple[list[str], bool]]  # cells, heading?
    summary: str
    signature: list[str]
    signer: str


def filename(plan: FilePlan, extension: str) -> str:
    """`danh-muc-ho-so-2012_van-phong-huyen-uy-chau-thanh.docx`: ASCII, as browsers keep it."""
    who = re.sub(r"[^a-z0-9]+", "-", fold(plan.unit.name)).strip("-")
    return f"danh-muc-ho-so-{plan.year}_{who}.{extension}"


def _signature(plan: FilePlan) -> tuple[list[str], str]:
    """The approver's post in the unit on the day of approval (caps) and name."""
    approver = plan.approved_by
    if approver is None or plan.approved_at is None:
        return [_("THỦ TRƯỞNG ĐƠN VỊ")], ""
    on = timezone.localdate(plan.approved_at)
    membership = (
        Membership.objects.current(on)
        .filter(person=approver, unit=plan.unit)
        .exclude(position="")
        .order_by("-starts_on")
        .first()
    )
    position = clean(membership.position) if membership is not None else _("Thủ trưởng đơn vị")
    return [position.upper()], approver.full_name


def rows(outline: Outline) -> list[tuple[list[str], bool]]:
    """The table's body: a heading's row (number, title), then its entries."""
    body: list[tuple[list[str], bool]] = []
    for heading, entry in outline.rows():
        if heading is not None:
            title = heading.heading.title.upper() if heading.major else heading.heading.title
            body.append(([heading.number, title, "", "", ""], True))
        elif entry is not None:
            who = entry.responsible.full_name if entry.responsible is not None else ""
            body.append(
                (
                    [
                        entry.code,
                        entry.title,
                        retention_label(entry.retention_years),
                        who,
                        entry.note,
                    ],
                    False,
                )
            )
    return body


def build(plan: FilePlan, *, today: date | None = None) -> Sheet:
    outline = plan_outline(plan)
    unit = plan.unit
    committee = committee_of(unit)
    if committee is not None:
        lines = issuer(committee, unit if unit != committee else None)
    else:
        lines = [(unit.name.upper(), True), ("*", False)]
    approved = plan.status == PlanStatus.APPROVED and plan.approved_at is not None
    on = (
        timezone.localdate(plan.approved_at)
        if approved and plan.approved_at
        else (today or timezone.localdate())
    )
    place = unit.place or (committee.place if committee is not None else "")
    function, signer = _signature(plan)
    return Sheet(
        issuer=lines,
        place_date=format_place_date(place, on) if place else "",
        draft=not approved,
        title=_("DANH MỤC HỒ SƠ"),
        subtitle=_("của %(unit)s năm %(year)s") % {"unit": unit.name, "year": plan.year},
        rows=rows(outline),
        summary=outline.summary(),
        signature=function,
        signer=signer,
    )


# --- DOCX -----------------------------------------------------------------------------------


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


_CENTRED = '<w:pPr><w:jc w:val="center"/></w:pPr>'


def _row_xml(texts: list[str], *, heading: bool) -> str:
    """A row as WordprocessingML (python-docx's cell API costs milliseconds a cell)."""
    cells = []
    for index, text in enumerate(texts):
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{xml_escape(line)}</w:t>'
            for line in sanitize(text).split("\n")
        )
        style = "<w:rPr><w:b/></w:rPr>" if heading else ""
        centred = _CENTRED if index in (0, 2) else ""
        cells.append(f"<w:tc><w:p>{centred}<w:r>{style}{body}</w:r></w:p></w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def docx(plan: FilePlan, *, today: date | None = None) -> bytes:
    sheet = build(plan, today=today)
    document = Document()
    word.a4_portrait(document)
    word.normal_style(document, size=SIZE)
    document.core_properties.title = sanitize(f"{sheet.title} {sheet.subtitle}")
    document.core_properties.author = sanitize(plan.unit.name)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.width, right.width = Mm(HEADER_LEFT), Mm(sum(WIDTHS) - HEADER_LEFT)
    for index, (text, bold) in enumerate(sheet.issuer):
        word.paragraph(left, text, size=13, bold=bold, align=centre, first=index == 0)
    word.paragraph(right, PARTY, size=14, bold=True, underline=True, align=centre, first=True)
    if sheet.place_date:
        word.paragraph(right, sheet.place_date, size=13, italic=True, align=centre)
    if sheet.draft:
        word.paragraph(right, _("Dự thảo"), size=12, bold=True, align=centre)
    word.paragraph(document, "", size=8)
    word.paragraph(document, sheet.title, size=15, bold=True, align=centre)
    word.paragraph(document, sheet.subtitle, size=14, bold=True, align=centre, after=8)
    table = document.add_table(rows=1, cols=len(WIDTHS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text, width in zip(table.rows[0].cells, headings(), WIDTHS, strict=True):
        cell.width = Mm(width)
        word.paragraph(cell, text, size=SIZE, bold=True, align=centre, first=True)
    _repeat_header(table.rows[0])
    for column, width in zip(table.columns, WIDTHS, strict=True):
        column.width = Mm(width)
    body = "".join(_row_xml(texts, heading=heading) for texts, heading in sheet.rows)
    if body:
        for element in parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>"):
            table._tbl.append(element)
    word.paragraph(document, "", size=8)
    word.paragraph(document, sheet.summary, size=13, italic=True, indent=True, after=8)
    foot = document.add_table(rows=1, cols=2)
    foot.alignment = WD_TABLE_ALIGNMENT.CENTER
    _left, signing = foot.rows[0].cells
    for index, line in enumerate(sheet.signature):
        word.paragraph(signing, line, size=13, bold=True, align=centre, first=index == 0)
    for _blank in range(4):
        word.paragraph(signing, "", size=13)
    if sheet.signer:
        word.paragraph(signing, sheet.signer, size=13, bold=True, align=centre)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ------------------------------------------------------------------------------------


def pdf(plan: FilePlan, *, today: date | None = None) -> bytes:
    sheet = build(plan, today=today)
    document = PagedPDF(orientation="portrait", unit="mm", format="A4")
    font = add_liberation_serif(document)
    document.set_margins(30, 20, 15)
    document.set_auto_page_break(auto=False, margin=20)
    document.set_title(f"{sheet.title} {sheet.subtitle}")
    document.set_creator("vanphong")
    document.add_page()
    top = document.get_y()
    left = [(text, "B" if bold else "", 13.0) for text, bold in sheet.issuer]
    bottom = centred_column(document, font, document.l_margin, HEADER_LEFT, left)
    right = [(PARTY, "BU", 13.0)]
    if sheet.place_date:
        right.append((sheet.place_date, "I", 12.0))
    if sheet.draft:
        right.append((_("Dự thảo"), "B", 12.0))
    document.set_y(top)
    width = document.epw - HEADER_LEFT
    bottom = max(
        bottom, centred_column(document, font, document.l_margin + HEADER_LEFT, width, right)
    )
    document.set_y(bottom + 5)
    centred_column(
        document,
        font,
        document.l_margin,
        document.epw,
        [(sheet.title, "B", 14.0), (sheet.subtitle, "B", 13.0)],
    )
    document.ln(3)
    widths = [w * document.epw / sum(WIDTHS) for w in WIDTHS]
    table = Table(document, widths, headings(), font=font, size=11, line=4.8, pad=1.2)
    table.row(headings(), [True] * len(widths), head=True)
    centred = [True, False, True, False, False]
    for texts, heading in sheet.rows:
        table.row(texts, centred, styles=["B" if heading else ""] * len(texts))
    table.close()
    needed = 8 + 10 + 6 * len(sheet.signature) + 30
    if document.get_y() + needed > document.page_break_trigger:
        document.add_page()
    document.ln(4)
    document.set_font(font, "I", 12)
    document.multi_cell(0, 5.5, shorten(sheet.summary), new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    x = document.l_margin + HEADER_LEFT
    centred_column(document, font, x, width, [(line, "B", 13.0) for line in sheet.signature])
    if sheet.signer:
        document.ln(20)
        centred_column(document, font, x, width, [(sheet.signer, "B", 13.0)])
    return bytes(document.output())
