"""The registers as files: XLSX (the workbook the Office keeps) and PDF (for printing), and
`build`, which writes a whole register and says which secret documents it lists."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from fpdf import FPDF
from fpdf.enums import Align
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import (  # type: ignore[import-untyped]
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Side,
)
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from vanphong.core import sheets
from vanphong.core.pdf import Table
from vanphong.documents.registers import (
    CONTENT_TYPES,
    FONTS,
    SPECS,
    Cell,
    Kind,
    Period,
    Row,
    Spec,
    rows,
    title_lines,
)
from vanphong.org.models import Clearance, Person, Unit

# --- XLSX ----------------------------------------------------------------------------------

_XLSX_FONT = "Times New Roman"


def _xlsx_styles(book: Any) -> None:
    """Named styles: set by name on each cell, so a row costs no style lookups."""
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=_XLSX_FONT, size=11)
    styles = [
        NamedStyle(
            "vp_title",
            font=Font(name=_XLSX_FONT, size=14, bold=True),
            alignment=Alignment(wrap_text=True, horizontal="center", vertical="center"),
        ),
        NamedStyle(
            "vp_head",
            font=Font(name=_XLSX_FONT, size=11, bold=True),
            alignment=Alignment(wrap_text=True, horizontal="center", vertical="center"),
            border=border,
            fill=PatternFill("solid", fgColor="E7E6E6"),
        ),
        NamedStyle(
            "vp_text",
            font=body,
            alignment=Alignment(wrap_text=True, vertical="top"),
            border=border,
        ),
        NamedStyle(
            "vp_number",
            font=body,
            alignment=Alignment(wrap_text=True, horizontal="center", vertical="top"),
            border=border,
        ),
        NamedStyle(
            "vp_date",
            font=body,
            alignment=Alignment(wrap_text=True, horizontal="center", vertical="top"),
            border=border,
            number_format="DD/MM/YYYY",
        ),
    ]
    for style in styles:
        book.add_named_style(style)


def _xlsx_cell(sheet: Any, value: Cell, style: str = "") -> Any:
    if not style:
        style = "vp_date" if isinstance(value, date) else "vp_text"
        style = "vp_number" if isinstance(value, int) else style
    return sheets.cell(sheet, value, style)


def xlsx(rows: Iterable[Row], *, spec: Spec, unit: Unit, period: Period) -> bytes:
    """The register as an XLSX workbook: a title row (register, unit, period), the bold header
    row frozen and repeated on every printed page, wrapped text, A4 landscape. Rows are
    streamed to the file as they come (openpyxl's write-only mode)."""
    book = Workbook(write_only=True)
    _xlsx_styles(book)
    sheet = book.create_sheet(spec.sheet)
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    last = get_column_letter(len(spec.columns))
    sheet.merged_cells.add(f"A1:{last}1")
    sheet.row_dimensions[1].height = 48
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5

    sheet.append([_xlsx_cell(sheet, "\n".join(title_lines(spec, unit, period)), "vp_title")])
    sheet.append([_xlsx_cell(sheet, heading, "vp_head") for heading in spec.headings])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row.cells])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- PDF -----------------------------------------------------------------------------------

_PDF_FONT = "DejaVuSerif"
_PDF_SIZE = 8  # points


class _RegisterPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(_PDF_FONT, size=8)
        self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align=Align.C)


def pdf(rows: Iterable[Row], *, spec: Spec, unit: Unit, period: Period) -> bytes:
    """The register as a PDF: A4 landscape, the title and period on top, the header row
    repeated on every page, in DejaVu Serif (every Vietnamese glyph, embedded as a subset)."""
    document = _RegisterPDF(orientation="landscape", unit="mm", format="A4")
    document.set_margins(10, 10, 10)
    document.set_auto_page_break(auto=False, margin=14)
    document.add_font(_PDF_FONT, "", str(FONTS / "DejaVuSerif.ttf"))
    document.add_font(_PDF_FONT, "B", str(FONTS / "DejaVuSerif-Bold.ttf"))
    document.set_title(spec.title.capitalize())
    document.set_creator("vanphong")
    document.add_page()
    heading, subheading = title_lines(spec, unit, period)
    document.set_font(_PDF_FONT, "B", 14)
    document.cell(0, 8, heading, align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.set_font(_PDF_FONT, "", 10)
    document.cell(0, 6, subheading, align=Align.C, new_x="LMARGIN", new_y="NEXT")
    document.ln(3)
    total = sum(column.width for column in spec.columns)
    widths = [column.width * document.epw / total for column in spec.columns]
    table = Table(document, widths, spec.headings, font=_PDF_FONT, size=_PDF_SIZE)
    table.row(spec.headings, [True] * len(widths), head=True)
    for row in rows:
        table.row(row.texts, [not isinstance(cell, str) for cell in row.cells])
    table.close()
    return bytes(document.output())


@dataclass(frozen=True)
class Export:
    content: bytes
    secret: tuple[UUID, ...]  # the documents above Thường the file lists, in book order


def build(
    person: Person,
    kind: Kind,
    *,
    unit: Unit,
    period: Period,
    file_format: str,
    today: date | None = None,
) -> Export:
    """The whole register of `unit` over `period` as `xlsx` or `pdf` bytes."""
    if file_format not in CONTENT_TYPES:
        raise ValueError(f"unknown register format: {file_format}")
    spec = SPECS[kind]
    secret: list[UUID] = []

    def noting_secret(found: Iterable[Row]) -> Iterator[Row]:
        for row in found:
            if row.document.confidentiality > Clearance.UNCLASSIFIED:
                secret.append(row.document.uuid)
            yield row

    found = noting_secret(rows(person, kind, unit=unit, period=period, today=today))
    write = xlsx if file_format == "xlsx" else pdf
    content = write(found, spec=spec, unit=unit, period=period)
    return Export(content, tuple(secret))
