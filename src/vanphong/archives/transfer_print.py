"""The papers of a transfer: the list of the files transferred (mục lục hồ sơ nộp lưu) as a PDF
and an XLSX workbook, and the hand-over record (biên bản giao nhận tài liệu) as a PDF, the list
annexed to it — the record is stored with the transfer once it is received.

A list names the files it is given: callers give only the files the reader may see (the
record, stored once for the archive, is made by the archivist cleared for every file of it).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import Align
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from vanphong.archives.models import RecordFile, Transfer
from vanphong.core import sheets
from vanphong.core.pdf import Table, add_liberation_serif, shorten
from vanphong.org.models import Clearance

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
# (heading, relative width): the columns of the list.
COLUMNS = (
    ("STT", 5),
    ("Số, ký hiệu hồ sơ", 12),
    ("Tiêu đề hồ sơ", 38),
    ("Thời gian bắt đầu – kết thúc", 14),
    ("Thời hạn bảo quản", 9),
    ("Số tờ", 6),
    ("Độ mật", 8),
    ("Hộp số", 7),
    ("Giá", 7),
    ("Ghi chú", 10),
)


def _span(file: RecordFile) -> str:
    first = f"{file.first_date:%d/%m/%Y}" if file.first_date else ""
    last = f"{file.last_date:%d/%m/%Y}" if file.last_date else ""
    return f"{first} – {last}" if first or last else ""


def retention_label(file: RecordFile) -> str:
    if file.retention_years is None:
        return _("Vĩnh viễn")
    return _("%(n)d năm") % {"n": file.retention_years}


def rows(files: Sequence[RecordFile]) -> list[list[Any]]:
    return [
        [
            index,
            file.code,
            file.title,
            _span(file),
            retention_label(file),
            file.page_count,
            str(Clearance(file.confidentiality).label),
            file.box,
            file.shelf,
            file.note[:200],
        ]
        for index, file in enumerate(files, start=1)
    ]


def list_title(transfer: Transfer) -> str:
    return _("MỤC LỤC HỒ SƠ NỘP LƯU NĂM %(year)d — %(unit)s") % {
        "year": transfer.year,
        "unit": transfer.unit.name,
    }


def list_xlsx(transfer: Transfer, files: Sequence[RecordFile]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Mục lục hồ sơ"))
    for index, (_heading, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width * 1.6
    sheet.freeze_panes = "A3"
    bold = Font(name="Times New Roman", bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(value: Any, *, head: bool = False) -> Any:
        written = sheets.cell(sheet, value)
        written.alignment = wrap
        if head:
            written.font = bold
        return written

    sheet.append([cell(list_title(transfer), head=True)])
    sheet.append([cell(heading, head=True) for heading, _width in COLUMNS])
    for row in rows(files):
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _document() -> tuple[FPDF, str]:
    document = FPDF(orientation="portrait", unit="mm", format="A4")
    document.set_margins(20, 15, 15)
    document.set_auto_page_break(auto=True, margin=15)
    font = add_liberation_serif(document)
    document.set_creator("vanphong")
    return document, font


def _list_table(document: FPDF, font: str, transfer: Transfer, files: Sequence[RecordFile]) -> None:
    document.set_font(font, "B", 12)
    document.multi_cell(0, 6, list_title(transfer), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.ln(2)
    total = sum(width for _heading, width in COLUMNS)
    widths = [width * document.epw / total for _heading, width in COLUMNS]
    headings = [heading for heading, _width in COLUMNS]
    table = Table(document, widths, headings, font=font, size=8)
    table.row(headings, [True] * len(widths), head=True)
    for row in rows(files):
        table.row([str(value) for value in row], [not isinstance(v, str) for v in row])
    table.close()
    pages = sum(file.page_count for file in files)
    document.ln(3)
    document.set_font(font, "", 11)
    document.multi_cell(
        0,
        6,
        _("Mục lục này gồm %(files)d hồ sơ, %(pages)d tờ.") % {"files": len(files), "pages": pages},
        new_x="LMARGIN",
        new_y="NEXT",
    )


def list_pdf(transfer: Transfer, files: Sequence[RecordFile]) -> bytes:
    document, font = _document()
    document.add_page()
    _list_table(document, font, transfer, files)
    return bytes(document.output())


def _years(files: Sequence[RecordFile]) -> str:
    years = sorted({file.year for file in files})
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]} – {years[-1]}"


def record_pdf(
    transfer: Transfer, files: Sequence[RecordFile], *, received_on: date, receiver: str
) -> bytes:
    """The hand-over record, signed on paper by both sides, with the list annexed."""
    document, font = _document()
    document.add_page()
    document.set_font(font, "B", 12)
    document.cell(0, 6, shorten(transfer.archive_unit.name.upper(), 200), align=Align.L)
    document.ln(12)
    document.set_font(font, "B", 14)
    document.cell(0, 7, _("BIÊN BẢN"), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.set_font(font, "B", 12)
    document.cell(
        0, 6, _("Về việc giao nhận tài liệu"), align=Align.C, new_x="LMARGIN", new_y="NEXT"
    )
    document.ln(4)
    document.set_font(font, "", 12)
    pages = sum(file.page_count for file in files)
    lines = [
        _(
            "Căn cứ Luật Lưu trữ và các quy định về lập hồ sơ, nộp lưu hồ sơ, tài liệu vào "
            "lưu trữ cơ quan;"
        ),
        _("Hôm nay, ngày %(day)s, tại %(place)s,")
        % {"day": f"{received_on:%d/%m/%Y}", "place": transfer.archive_unit.name},
        _("Bên giao: %(unit)s, người lập: %(who)s;")
        % {"unit": transfer.unit.name, "who": transfer.created_by.full_name},
        _("Bên nhận: %(unit)s, người nhận: %(who)s;")
        % {"unit": transfer.archive_unit.name, "who": receiver},
        _("Thống nhất lập biên bản giao nhận tài liệu với nội dung như sau:"),
        _("1. Tên khối tài liệu giao nộp: hồ sơ, tài liệu của %(unit)s.")
        % {"unit": transfer.unit.name},
        _("2. Thời gian của tài liệu: %(years)s.") % {"years": _years(files)},
        _("3. Số lượng: %(files)d hồ sơ, %(pages)d tờ.") % {"files": len(files), "pages": pages},
        _("4. Tình trạng tài liệu giao nộp: đã lập hồ sơ, có mục lục kèm theo."),
        _("5. Mục lục hồ sơ nộp lưu kèm theo biên bản này."),
        _(
            "Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản; "
            "mỗi bản kèm một bản mục lục hồ sơ nộp lưu."
        ),
    ]
    for line in lines:
        document.multi_cell(0, 7, shorten(line), new_x="LMARGIN", new_y="NEXT")
    document.ln(8)
    half = document.epw / 2
    document.set_font(font, "B", 12)
    document.cell(half, 6, _("ĐẠI DIỆN BÊN GIAO"), align=Align.C)
    document.cell(half, 6, _("ĐẠI DIỆN BÊN NHẬN"), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.set_font(font, "I", 11)
    document.cell(half, 6, _("(Ký, ghi rõ họ tên)"), align=Align.C)
    document.cell(half, 6, _("(Ký, ghi rõ họ tên)"), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.ln(20)
    document.set_font(font, "", 12)
    document.cell(half, 6, shorten(transfer.created_by.full_name, 80), align=Align.C)
    document.cell(half, 6, shorten(receiver, 80), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.add_page()
    _list_table(document, font, transfer, files)
    return bytes(document.output())
