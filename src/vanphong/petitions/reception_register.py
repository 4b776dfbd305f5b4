"""The reception register (sổ tiếp công dân) of a unit and year: its rows as the paper book has
them, as a page, an XLSX workbook and a PDF.

A denunciation visit's visitors are "(giữ bí mật)" in every row — on the page and in both files
— whoever reads: the register is a list, and a list never carries a denouncer's identity (the
visit's own page shows it to those who may read it).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import Align
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from vanphong.core import sheets
from vanphong.core.pdf import Table, add_liberation_serif
from vanphong.org.models import Unit
from vanphong.petitions.models import Citizen, Visit

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
WITHHELD = "(giữ bí mật)"
# (heading, relative width): the columns of the paper book.
COLUMNS = (
    ("STT", 5),
    ("Ngày tiếp", 9),
    ("Họ tên, địa chỉ, số CMND/CCCD của người được tiếp", 24),
    ("Nội dung vụ việc", 26),
    ("Phân loại", 11),
    ("Cơ quan đã giải quyết", 12),
    ("Hướng xử lý, kết quả tiếp", 22),
    ("Người tiếp", 12),
)


@dataclass(frozen=True)
class Row:
    visit: Visit
    cells: tuple[int, date, str, str, str, str, str, str]

    @property
    def texts(self) -> list[str]:
        return [
            f"{value:%d/%m/%Y}" if isinstance(value, date) else str(value) for value in self.cells
        ]


def visits_of(found: QuerySet[Visit], unit: Unit, year: int) -> QuerySet[Visit]:
    return (
        found.filter(unit=unit, year=year)
        .select_related("session__host", "received_by", "field", "letter")
        .prefetch_related(Prefetch("citizens", queryset=Citizen.objects.order_by("position", "id")))
        .order_by("number")
    )


def visitors(visit: Visit) -> str:
    """Who came, as the register writes it; a denunciation visit's visitors are kept secret."""
    if visit.denunciation:
        return WITHHELD
    people = list(visit.citizens.all())
    lines = []
    if visit.is_group:
        lines.append(_("Đoàn %(count)d người") % {"count": visit.group_size})
    for citizen in people:
        if visit.is_group and not citizen.is_representative:
            continue
        parts = [citizen.full_name]
        if visit.is_group:
            parts[0] = _("Đại diện: %(name)s") % {"name": citizen.full_name}
        parts += [p for p in (citizen.address, citizen.id_number) if p]
        lines.append(", ".join(parts))
    return "\n".join(lines)


def kinds(visit: Visit) -> str:
    names = [
        str(label)
        for flag, label in (
            (visit.complaint, _("Khiếu nại")),
            (visit.denunciation, _("Tố cáo")),
            (visit.proposal, _("Kiến nghị")),
            (visit.report, _("Phản ánh")),
        )
        if flag
    ]
    found = ", ".join(names)
    return f"{found}\n{visit.field.name}" if visit.field is not None else found


def receiver(visit: Visit) -> str:
    host = visit.session.host
    if host is not None:
        title = visit.session.host_title
        return f"{title} {host.full_name}".strip()
    return visit.received_by.full_name


def rows(visits: Iterable[Visit]) -> Iterator[Row]:
    for visit in visits:
        outcome = "\n".join(text for text in (visit.answer, visit.agreed) if text)
        settled = visit.letter.sender_body if visit.letter is not None else ""
        yield Row(
            visit,
            (
                visit.number,
                visit.session.day,
                visitors(visit),
                visit.raised,
                kinds(visit),
                settled,
                outcome,
                receiver(visit),
            ),
        )


def title(unit: Unit, year: int) -> str:
    return _("SỔ TIẾP CÔNG DÂN NĂM %(year)d — %(unit)s") % {"year": year, "unit": unit.name}


def xlsx(found: Iterable[Row], *, unit: Unit, year: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Sổ tiếp công dân"))
    for index, (_heading, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width * 1.6
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
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

    sheet.append([cell(title(unit, year), head=True)])
    sheet.append([cell(heading, head=True) for heading, _width in COLUMNS])
    for row in found:
        sheet.append([cell(value) for value in row.cells])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf(found: Iterable[Row], *, unit: Unit, year: int) -> bytes:
    document = FPDF(orientation="landscape", unit="mm", format="A4")
    document.set_margins(10, 10, 10)
    document.set_auto_page_break(auto=False, margin=14)
    font = add_liberation_serif(document)
    document.set_creator("vanphong")
    document.add_page()
    document.set_font(font, "B", 12)
    document.cell(0, 8, title(unit, year), align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.ln(2)
    total = sum(width for _heading, width in COLUMNS)
    widths = [width * document.epw / total for _heading, width in COLUMNS]
    headings = [heading for heading, _width in COLUMNS]
    table = Table(document, widths, headings, font=font, size=8)
    table.row(headings, [True] * len(widths), head=True)
    for row in found:
        table.row(row.texts, [not isinstance(cell, str) for cell in row.cells])
    table.close()
    return bytes(document.output())


def export(visits: Iterable[Visit], *, unit: Unit, year: int, file_format: str) -> bytes:
    write = xlsx if file_format == "xlsx" else pdf
    return write(rows(visits), unit=unit, year=year)
