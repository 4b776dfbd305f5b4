"""A report as files: the XLSX workbook (one sheet per table) and the DOCX draft in Party
format that the reception officer finishes by hand. Every number in both is computed
(reports.py); the assessment and the way ahead are the officer's to write where it says so.
Nothing in them names a petitioner: they hold counts, the units' names, fields and reasons.
"""

from __future__ import annotations

import io
import re
from datetime import date
from functools import partial
from typing import Any, Final

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from vanphong.core import sheets, word
from vanphong.core.vietnamese import fold, format_date, format_place_date, sanitize
from vanphong.petitions.models import Handling
from vanphong.petitions.report_tables import Table, tables
from vanphong.petitions.reports import Report
from vanphong.planning.paper import COMMITTEE_TITLES, PARTY, issuer

CONTENT_TYPES: Final = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


# The reports justify their paragraphs unless told otherwise.
_paragraph = partial(word.paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def title(report: Report) -> str:
    return _("Kết quả công tác tiếp công dân, tiếp nhận và xử lý đơn thư %(period)s") % {
        "period": report.period.label
    }


def filename(report: Report, extension: str) -> str:
    """`bao-cao-don-thu_6-thang-2012_van-phong-tinh-uy.docx`: ASCII, as browsers keep it."""
    who = re.sub(r"[^a-z0-9]+", "-", fold(report.unit.name)).strip("-")
    return f"bao-cao-don-thu_{report.period.slug}_{who}.{extension}"


def issued_on(report: Report, today: date | None = None) -> date:
    """The period's last day once it is over; today while it runs."""
    today = today or timezone.localdate()
    return min(report.period.end, today)


def _issuer_lines(report: Report) -> list[tuple[str, bool]]:
    if report.committee is None:
        return [(report.unit.name.upper(), True), ("*", False)]
    return issuer(report.committee, report.office)


def _symbol(report: Report) -> str:
    return (report.office or report.committee or report.unit).symbol


def _place(report: Report) -> str:
    for unit in (report.office, report.committee, report.unit):
        if unit is not None and unit.place:
            return unit.place
    return ""


# --- XLSX -----------------------------------------------------------------------------------

_XLSX_FONT = "Times New Roman"


def _styles(book: Any) -> None:
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for style in (
        NamedStyle("vp_title", font=Font(name=_XLSX_FONT, size=13, bold=True), alignment=centre),
        NamedStyle(
            "vp_subtitle", font=Font(name=_XLSX_FONT, size=11, italic=True), alignment=centre
        ),
        NamedStyle(
            "vp_head",
            font=Font(name=_XLSX_FONT, size=11, bold=True),
            alignment=centre,
            border=border,
        ),
        NamedStyle(
            "vp_text",
            font=Font(name=_XLSX_FONT, size=11),
            alignment=Alignment(wrap_text=True, vertical="top"),
            border=border,
        ),
        NamedStyle(
            "vp_number",
            font=Font(name=_XLSX_FONT, size=11),
            alignment=Alignment(horizontal="right", vertical="top"),
            border=border,
        ),
        NamedStyle(
            "vp_total",
            font=Font(name=_XLSX_FONT, size=11, bold=True),
            alignment=Alignment(wrap_text=True, vertical="top"),
            border=border,
        ),
    ):
        book.add_named_style(style)


def xlsx(report: Report) -> bytes:
    """One sheet per table: the report's title, unit and period on top, the Vietnamese
    headings, a row per line (field, place, reason) and the totals."""
    book = Workbook(write_only=True)
    _styles(book)
    heading = title(report)
    who = report.committee.name if report.committee is not None else report.unit.name
    for table in tables(report):
        sheet = book.create_sheet(table.key)
        columns = len(table.headings)
        sheet.column_dimensions["A"].width = 36
        for index in range(2, columns + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 14
        last = get_column_letter(columns)
        for row in (1, 2, 3):
            sheet.merged_cells.add(f"A{row}:{last}{row}")
        sheet.freeze_panes = "B5"
        sheet.append([sheets.cell(sheet, f"{table.title.upper()}", "vp_title")])
        sheet.append([sheets.cell(sheet, f"{heading} — {who}", "vp_subtitle")])
        sheet.append(
            [
                sheets.cell(
                    sheet,
                    _("(Số liệu từ ngày %(start)s đến ngày %(end)s)")
                    % {
                        "start": format_date(report.period.start),
                        "end": format_date(report.period.end),
                    },
                    "vp_subtitle",
                )
            ]
        )
        sheet.append([sheets.cell(sheet, text, "vp_head") for text in table.headings])
        for values in table.rows:
            sheet.append(
                [
                    sheets.cell(sheet, value, "vp_number" if isinstance(value, int) else "vp_text")
                    for value in values
                ]
            )
        if table.total is not None:
            sheet.append([sheets.cell(sheet, value, "vp_total") for value in table.total])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- DOCX -----------------------------------------------------------------------------------


def _body(document: Any, text: str, **kw: Any) -> None:
    _paragraph(document, text, indent=True, after=6, **kw)


def _header(document: Any, report: Report, on: date) -> None:
    """The issuer on the left (its superior above, the number below), the Party's name and the
    place and date on the right (66-QĐ/TW)."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for index, (line, bold) in enumerate(_issuer_lines(report)):
        _paragraph(left, line, bold=bold, align=centre, first=index == 0)
    # The clerk gives the number when the report is issued.
    _paragraph(left, _("Số      -BC/%(symbol)s") % {"symbol": _symbol(report)}, align=centre)
    _paragraph(right, PARTY, size=15, bold=True, underline=True, align=centre, first=True)
    _paragraph(right, "", align=centre)
    _paragraph(right, format_place_date(_place(report), on), italic=True, align=centre)


def _table(document: Any, table: Table) -> None:
    if not table.rows:
        _body(document, _("Không có số liệu."))
        return
    rows: list[list[str | int]] = [
        list(table.headings),
        *table.rows,
        *([table.total] if table.total else []),
    ]
    grid = document.add_table(rows=len(rows), cols=len(table.headings))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, values in enumerate(rows):
        bold = index == 0 or (table.total is not None and index == len(rows) - 1)
        for column, (cell, value) in enumerate(zip(grid.rows[index].cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if column == 0 and index else WD_ALIGN_PARAGRAPH.CENTER
            _paragraph(cell, str(value), size=11, bold=bold, align=align, first=True)
    _paragraph(document, "", after=6)


def _sentences(report: Report) -> tuple[list[str], list[str]]:
    """(the situation, the results): the figures as the report's sentences."""
    f = report.total
    period = report.period
    facts: dict[str, object] = {
        "start": format_date(period.start),
        "end": format_date(period.end),
        "sessions": f.session_total,
        "head": f.head_sessions,
        "visits": f.visits,
        "people": f.people,
        "groups": f.groups,
        "letters": f.letters,
        "new": f.new,
        "duplicates": f.duplicates,
        "complaint": f.complaint,
        "denunciation": f.denunciation,
        "proposal": f.proposal,
        "report": f.report,
        "anonymous": f.anonymous,
        "eligible": f.eligible,
        "ineligible": f.ineligible,
        "unclassified": f.unclassified,
        "forward": f.handled[Handling.FORWARD],
        "guide": f.handled[Handling.GUIDE],
        "keep": f.handled[Handling.KEEP],
        "assign": f.handled[Handling.ASSIGN],
        "accept": f.handled[Handling.ACCEPT],
        "unhandled": f.unhandled,
        "forwards": f.forwards,
        "forwarded_letters": f.forwarded_letters,
        "forward_results": f.forward_results,
        "overdue": f.forwards_overdue,
        "results": f.results,
        "told": f.told,
        "closed": f.closed,
    }
    situation = [
        _(
            "1. Tiếp công dân: từ ngày %(start)s đến ngày %(end)s đã tổ chức %(sessions)s buổi "
            "tiếp công dân, trong đó người đứng đầu cấp ủy tiếp %(head)s buổi; tiếp %(visits)s "
            "lượt với %(people)s người, trong đó có %(groups)s đoàn đông người."
        )
        % facts,
        _(
            "2. Tiếp nhận đơn thư: tiếp nhận %(letters)s đơn (%(new)s đơn mới, %(duplicates)s "
            "đơn trùng), gồm %(complaint)s đơn khiếu nại, %(denunciation)s đơn tố cáo, "
            "%(proposal)s đơn kiến nghị, %(report)s đơn phản ánh (đơn có nhiều nội dung được "
            "tính ở mỗi loại); có %(anonymous)s đơn nặc danh."
        )
        % facts,
    ]
    if report.rolled_up:
        situation.append(
            _("Số liệu tổng hợp của %(lines)s.")
            % {"lines": ", ".join(line.name for line in report.lines)}
        )
    results = [
        _(
            "1. Phân loại: tính đến ngày %(end)s, %(eligible)s đơn đủ điều kiện xử lý, "
            "%(ineligible)s đơn không đủ điều kiện xử lý, %(unclassified)s đơn chưa phân loại."
        )
        % facts,
        _(
            "2. Xử lý: chuyển %(forward)s đơn đến cơ quan có thẩm quyền, hướng dẫn %(guide)s "
            "đơn, lưu theo dõi %(keep)s đơn, giao ban xác minh %(assign)s đơn, thụ lý giải quyết "
            "%(accept)s đơn; %(unhandled)s đơn chưa xử lý. Đã chuyển %(forwards)s lượt "
            "(%(forwarded_letters)s đơn), nhận kết quả %(forward_results)s lượt; %(overdue)s "
            "lượt quá hạn chưa có kết quả."
        )
        % facts,
        _(
            "3. Kết quả giải quyết: %(results)s đơn có kết quả giải quyết; đã thông báo cho "
            "người gửi %(told)s đơn; %(closed)s đơn đã kết thúc."
        )
        % facts,
    ]
    return situation, results


def _signature(document: Any, report: Report) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    _paragraph(left, _("Nơi nhận:"), size=12, bold=True, italic=True, align=None, first=True)
    recipients = [_("- [……],"), _("- Lưu Văn phòng.")]
    committee = report.committee
    if committee is not None and committee.kind in COMMITTEE_TITLES:
        standing = _("- Thường trực %(committee)s (để báo cáo),") % {
            "committee": COMMITTEE_TITLES[committee.kind]
        }
        recipients.insert(0, standing)
    for line in recipients:
        _paragraph(left, line, size=11, align=None)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(right, _("[CHỨC VỤ NGƯỜI KÝ]"), bold=True, align=centre, first=True)
    for _blank in range(4):
        _paragraph(right, "", align=centre)
    _paragraph(right, _("[Họ và tên]"), bold=True, align=centre)


def docx(report: Report, *, today: date | None = None) -> bytes:
    """The draft report: A4, Times New Roman 14, the Party header, sections I–IV with the
    figures as sentences and tables, "Nơi nhận" and the signature."""
    document = Document()
    word.a4_portrait(document)
    word.normal_style(document)
    subject = title(report)
    document.core_properties.title = sanitize(subject)
    document.core_properties.author = sanitize((report.office or report.unit).name)

    _header(document, report, issued_on(report, today))
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", align=centre)
    _paragraph(document, _("BÁO CÁO"), size=16, bold=True, align=centre)
    _paragraph(document, subject, bold=True, align=centre)
    _paragraph(document, "-----", align=centre, after=12)

    situation, results = _sentences(report)
    found = {table.key: table for table in tables(report)}
    _body(document, _("I. TÌNH HÌNH TIẾP CÔNG DÂN, TIẾP NHẬN ĐƠN THƯ"), bold=True)
    for line in situation:
        _body(document, line)
    for key in ("tiep-dan", "tiep-nhan", "linh-vuc", "dia-ban"):
        _body(document, found[key].title, bold=True, italic=True)
        _table(document, found[key])

    _body(document, _("II. KẾT QUẢ XỬ LÝ, GIẢI QUYẾT ĐƠN THƯ"), bold=True)
    for line in results:
        _body(document, line)
    for key in ("xu-ly", "ket-qua", "ly-do"):
        _body(document, found[key].title, bold=True, italic=True)
        _table(document, found[key])

    _body(document, _("III. NHẬN XÉT, ĐÁNH GIÁ"), bold=True)
    _body(
        document,
        _(
            "[Cán bộ tiếp dân viết: ưu điểm, hạn chế, nguyên nhân; tình hình khiếu nại, tố cáo "
            "nổi lên trong kỳ.]"
        ),
        italic=True,
    )
    _body(document, _("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"), bold=True)
    _body(
        document,
        _("[Cán bộ tiếp dân viết: nhiệm vụ trọng tâm kỳ tới; kiến nghị, đề xuất.]"),
        italic=True,
    )
    _paragraph(document, "", after=6)
    _signature(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
