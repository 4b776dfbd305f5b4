"""The two printed indexes Decree 30 asks of the archives, as PDF and XLSX:

- a file's document index (mục lục văn bản): STT · Số ký hiệu · Ngày tháng · Tác giả · Trích
  yếu nội dung · Tờ số · Ghi chú — the lines as filed (their snapshot), so the index prints as
  it was compiled;
- a unit's index of files (mục lục hồ sơ) for a year: STT · Số và ký hiệu hồ sơ · Tiêu đề hồ
  sơ · Thời gian tài liệu · Thời hạn bảo quản · Số tờ · Ghi chú — only the files the reader
  sees (the caller passes `files_visible`'s).

Text cells are strings, never formulas (`core.sheets`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import Align
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from vanphong.archives.models import FileItem, RecordFile
from vanphong.core import sheets
from vanphong.core.pdf import Table, add_liberation_serif, shorten
from vanphong.org.models import Unit

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}

ITEM_COLUMNS = (
    ("STT", 5),
    ("Số ký hiệu", 13),
    ("Ngày tháng", 10),
    ("Tác giả", 17),
    ("Trích yếu nội dung", 37),
    ("Tờ số", 8),
    ("Ghi chú", 10),
)

FILE_COLUMNS = (
    ("STT", 5),
    ("Số và ký hiệu hồ sơ", 12),
    ("Tiêu đề hồ sơ", 40),
    ("Thời gian tài liệu", 15),
    ("Thời hạn bảo quản", 10),
    ("Số tờ", 7),
    ("Ghi chú", 11),
)

Cells = Sequence[Any]


def sheets_text(item: FileItem) -> str:
    if item.page_from is None:
        return ""
    if item.page_to is None or item.page_to == item.page_from:
        return str(item.page_from)
    return f"{item.page_from}–{item.page_to}"


def item_rows(items: Iterable[FileItem]) -> list[Cells]:
    return [
        (
            item.position,
            item.number_symbol,
            item.document_date,
            item.author,
            item.title,
            sheets_text(item),
            item.note,
        )
        for item in items
    ]


def retention_text(years: int | None) -> str:
    return _("Vĩnh viễn") if years is None else _("%(n)s năm") % {"n": years}


def _span(file: RecordFile) -> str:
    if file.first_date is None:
        return ""
    last = file.last_date or file.first_date
    return f"{file.first_date:%d/%m/%Y} – {last:%d/%m/%Y}"


def file_rows(files: Iterable[RecordFile]) -> list[Cells]:
    return [
        (
            index,
            file.code,
            file.title,
            _span(file),
            retention_text(file.retention_years),
            file.page_count or "",
            file.note[:300],
        )
        for index, file in enumerate(files, start=1)
    ]


def item_title(file: RecordFile) -> str:
    return _("MỤC LỤC VĂN BẢN — Hồ sơ số %(code)s: %(title)s") % {
        "code": file.code,
        "title": file.title,
    }


def files_title(unit: Unit, year: int) -> str:
    return _("MỤC LỤC HỒ SƠ NĂM %(year)s — %(unit)s") % {"year": year, "unit": unit.name}


def _xlsx(title: str, columns: Sequence[tuple[str, int]], rows: Iterable[Cells]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Mục lục"))
    for index, (_heading, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width * 1.6
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    bold = Font(name="Times New Roman", bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(value: Any, *, head: bool = False) -> Any:
        written = sheets.cell(sheet, value)
        written.alignment = wrap
        if head:
            written.font = bold
        if isinstance(value, date):
            written.number_format = "DD/MM/YYYY"
        return written

    sheet.append([cell(title, head=True)])
    sheet.append([cell(heading, head=True) for heading, _width in columns])
    for row in rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _pdf(title: str, columns: Sequence[tuple[str, int]], rows: Iterable[Cells]) -> bytes:
    document = FPDF(orientation="portrait", unit="mm", format="A4")
    document.set_margins(15, 12, 12)
    document.set_auto_page_break(auto=False, margin=14)
    font = add_liberation_serif(document)
    document.set_creator("vanphong")
    document.add_page()
    document.set_font(font, "B", 12)
    document.multi_cell(0, 6, shorten(title, 300), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.ln(2)
    total = sum(width for _heading, width in columns)
    widths = [width * document.epw / total for _heading, width in columns]
    headings = [heading for heading, _width in columns]
    table = Table(document, widths, headings, font=font, size=9, line=4.2)
    table.row(headings, [True] * len(widths), head=True)
    for row in rows:
        texts = [f"{value:%d/%m/%Y}" if isinstance(value, date) else str(value) for value in row]
        table.row(texts, [not isinstance(value, str) for value in row])
    table.close()
    return bytes(document.output())


def item_index(file: RecordFile, items: Iterable[FileItem], file_format: str) -> bytes:
    write = _xlsx if file_format == "xlsx" else _pdf
    return write(item_title(file), ITEM_COLUMNS, item_rows(items))


def file_index(unit: Unit, year: int, files: Iterable[RecordFile], file_format: str) -> bytes:
    write = _xlsx if file_format == "xlsx" else _pdf
    return write(files_title(unit, year), FILE_COLUMNS, file_rows(files))
