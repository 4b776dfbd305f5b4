"""Reads of disposals, and the archive's registers and statistics.

- Holdings (thống kê tài liệu lưu trữ): the files the archives a reader keeps or leads hold,
  counted by producing unit, year, retention (permanent / time-limited) and secrecy — one
  grouped query over the holdings summary (`HoldingCount`, kept exact by the services, see
  `archives/holdings.py`) filtered by the rule of `files_visible` on its columns
  (`selectors.holding_counts_visible`), so a secret file is not counted for whoever may not see
  it. A file seen only through an approved reading request is not counted.
  The database pivots the counts: the rows read are the lines of the page, never the files.
- The transfer register (sổ nộp lưu): the transfers submitted or received, with the number of
  files (those the reader sees), dates and who.
- The disposal register (sổ tiêu hủy): the executed disposals, with the decision, who approved
  and executed, how, and the number of files destroyed (those the reader sees).
Each register is a page, an XLSX (user text as strings, never formulas) and a PDF.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from fpdf import FPDF
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from vanphong.archives.models import (
    Disposal,
    DisposalItem,
    DisposalStatus,
    LegalHold,
    RecordFile,
    Transfer,
    TransferStatus,
)
from vanphong.archives.retention import CUSTODY_STATUSES, files_past_retention
from vanphong.archives.selectors import files_visible, holding_counts_visible
from vanphong.core import sheets
from vanphong.core.access import get_visible_or_404
from vanphong.core.pdf import Table, add_liberation_serif, shorten
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.org.selectors import scope_for

OPEN_STATUSES = (DisposalStatus.PROPOSED, DisposalStatus.APPRAISED, DisposalStatus.APPROVED)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KEEPERS = (Role.ARCHIVIST, Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)
MEMBERS = tuple(r for r in Role.values if r != Role.ADMIN)


# Disposals ------------------------------------------------------------------------------------


def disposals_visible(person: Person) -> QuerySet[Disposal]:
    """Disposals of the archives the person keeps or leads, and those whose council the person
    sat on. Their files are listed filtered by `files_visible`."""
    units = scope_for(person).units_with_role(*KEEPERS)
    sat = Disposal.council.through.objects.filter(disposal_id=OuterRef("pk"), person_id=person.pk)
    return Disposal.objects.filter(Q(archive_unit_id__in=units) | Q(Exists(sat)))


def disposal_get_visible(person: Person, disposal_uuid: UUID | str) -> Disposal:
    found = disposals_visible(person).select_related(
        "archive_unit", "proposed_by", "approved_by", "executed_by", "record"
    )
    return get_visible_or_404(found, disposal_uuid)


def disposal_items_visible(person: Person, disposal: Disposal) -> QuerySet[DisposalItem]:
    return (
        disposal.items.filter(file__in=files_visible(person).values("pk"))
        .select_related("file", "file__unit")
        .order_by("file__code", "pk")
    )


def disposal_fully_visible(person: Person, disposal: Disposal) -> bool:
    """Whether the person sees every file of the list (the record names them all)."""
    hidden = disposal.items.exclude(file__in=files_visible(person).values("pk"))
    return not hidden.exists()


def disposal_candidates(person: Person, archive_unit: Unit, on: date) -> QuerySet[RecordFile]:
    """The files the person sees that may go on a new list: past retention, under no hold in
    force, on no open disposal."""
    held = LegalHold.files.through.objects.filter(
        recordfile_id=OuterRef("pk"), legalhold__released_at__isnull=True
    )
    busy = DisposalItem.objects.filter(
        file_id=OuterRef("pk"), keep=False, disposal__status__in=OPEN_STATUSES
    )
    return (
        files_past_retention(archive_unit, on)
        .filter(pk__in=files_visible(person).values("pk"))
        .filter(~Exists(held), ~Exists(busy))
        .select_related("unit")
        .order_by("year", "unit_id", "code")
    )


# Holdings -------------------------------------------------------------------------------------

LEVELS = tuple(Clearance.values)
LEVEL_NAMES = tuple(label for _value, label in Clearance.choices)


@dataclass
class HoldingLine:
    unit: str
    year: int
    permanent: int = 0
    limited: int = 0
    by_level: list[int] = field(default_factory=lambda: [0] * len(LEVELS))

    @property
    def total(self) -> int:
        return self.permanent + self.limited


@dataclass
class Holdings:
    lines: list[HoldingLine]
    total: HoldingLine


def holdings_counts(
    person: Person, *, archive_unit: Unit | None = None, year: int | None = None
) -> list[dict[str, Any]]:
    """The counts, one row per unit and year (`unit_id`, `year`, `permanent_n`, `limited_n`,
    `level_<n>` for each secrecy level): one grouped query over the holdings summary
    (`archives.holdings`) under the visibility rule of `files_visible`, pivoted by the database,
    so the rows read into Python are the lines of the page, whatever the number of files."""
    # The archives the person keeps or leads, as a list the planner meets with the index on
    # (archive_unit, year): the rows read are those archives', not the whole table's.
    kept = scope_for(person).units_with_role(*KEEPERS)
    if archive_unit is not None:
        kept = kept & {archive_unit.pk}
    found = holding_counts_visible(person).filter(
        archive_unit_id__in=sorted(kept), status__in=CUSTODY_STATUSES
    )
    if year is not None:
        found = found.filter(year=year)
    sums: dict[str, Any] = {
        "permanent_n": Sum("n", filter=Q(permanent=True), default=0),
        "limited_n": Sum("n", filter=Q(permanent=False), default=0),
    }
    for level in LEVELS:
        sums[f"level_{level}"] = Sum("n", filter=Q(confidentiality=level), default=0)
    return list(found.values("unit_id", "year").annotate(**sums).order_by())


def holdings(
    person: Person, *, archive_unit: Unit | None = None, year: int | None = None
) -> Holdings:
    rows = holdings_counts(person, archive_unit=archive_unit, year=year)
    units = Unit.objects.filter(pk__in={r["unit_id"] for r in rows})
    names = {pk: (order, name) for pk, order, name in units.values_list("pk", "sort_order", "name")}
    total = HoldingLine(unit=_("Tổng cộng"), year=0)
    lines: list[tuple[int, int, int, HoldingLine]] = []
    for row in rows:
        line = HoldingLine(
            unit=names.get(row["unit_id"], (0, ""))[1],
            year=row["year"],
            permanent=row["permanent_n"],
            limited=row["limited_n"],
            by_level=[row[f"level_{level}"] for level in LEVELS],
        )
        total.permanent += line.permanent
        total.limited += line.limited
        total.by_level = [a + b for a, b in zip(total.by_level, line.by_level, strict=True)]
        lines.append((names.get(row["unit_id"], (0, ""))[0], row["unit_id"], row["year"], line))
    lines.sort(key=lambda t: (t[0], t[1], t[2]))
    return Holdings(lines=[t[3] for t in lines], total=total)


# Transfer register ----------------------------------------------------------------------------


def transfers_visible(person: Person) -> QuerySet[Transfer]:
    scope = scope_for(person)
    return Transfer.objects.filter(
        Q(archive_unit_id__in=scope.units_with_role(*KEEPERS))
        | Q(unit_id__in=scope.units_with_role(*MEMBERS))
    ).exclude(status=TransferStatus.DRAFT)


@dataclass
class TransferLine:
    transfer: Transfer
    files: int
    permanent: int


TRANSFER_COLUMNS = (
    gettext_lazy("STT"),
    gettext_lazy("Đơn vị nộp lưu"),
    gettext_lazy("Năm của hồ sơ"),
    gettext_lazy("Lưu trữ nhận"),
    gettext_lazy("Số hồ sơ"),
    gettext_lazy("Trong đó vĩnh viễn"),
    gettext_lazy("Ngày gửi nộp"),
    gettext_lazy("Ngày giao nhận"),
    gettext_lazy("Người lập"),
    gettext_lazy("Người nhận"),
    gettext_lazy("Trạng thái"),
)


def transfer_register(person: Person, *, year: int | None = None) -> QuerySet[Transfer]:
    found = transfers_visible(person)
    if year is not None:
        found = found.filter(year=year)
    return found.select_related("unit", "archive_unit", "created_by", "received_by").order_by(
        "-year", "unit__sort_order", "-created_at", "-id"
    )


def transfer_lines(person: Person, transfers: Iterable[Transfer]) -> list[TransferLine]:
    """The transfers with their counts of files the person sees (one grouped query)."""
    chosen = list(transfers)
    counts = {
        row["transfer_id"]: row
        for row in files_visible(person)
        .filter(transfer_id__in=[t.pk for t in chosen])
        .values("transfer_id")
        .annotate(n=Count("pk"), permanent=Count("pk", filter=Q(retention_years__isnull=True)))
        .order_by()
    }
    return [
        TransferLine(
            transfer=t,
            files=counts.get(t.pk, {}).get("n", 0),
            permanent=counts.get(t.pk, {}).get("permanent", 0),
        )
        for t in chosen
    ]


def _local(moment: Any) -> date | None:
    return timezone.localdate(moment) if moment is not None else None


def transfer_cells(index: int, line: TransferLine) -> tuple[Any, ...]:
    t = line.transfer
    return (
        index,
        t.unit.name,
        t.year,
        t.archive_unit.name,
        line.files,
        line.permanent,
        _local(t.submitted_at),
        t.received_on,
        str(t.created_by),
        str(t.received_by) if t.received_by else "",
        t.get_status_display(),
    )


# Disposal register ----------------------------------------------------------------------------


@dataclass
class DisposalLine:
    disposal: Disposal
    destroyed: int


DISPOSAL_COLUMNS = (
    gettext_lazy("STT"),
    gettext_lazy("Đợt tiêu hủy"),
    gettext_lazy("Lưu trữ"),
    gettext_lazy("Quyết định"),
    gettext_lazy("Người phê duyệt"),
    gettext_lazy("Ngày hủy"),
    gettext_lazy("Phương pháp"),
    gettext_lazy("Số hồ sơ đã hủy"),
    gettext_lazy("Người thực hiện"),
)


def disposal_register(person: Person, *, year: int | None = None) -> QuerySet[Disposal]:
    found = disposals_visible(person).filter(status=DisposalStatus.EXECUTED)
    if year is not None:
        found = found.filter(executed_at__year=year)
    return found.select_related("archive_unit", "approved_by", "executed_by").order_by(
        "-executed_at", "-id"
    )


def disposal_lines(person: Person, disposals: Iterable[Disposal]) -> list[DisposalLine]:
    chosen = list(disposals)
    counts = dict(
        files_visible(person)
        .filter(disposal_id__in=[d.pk for d in chosen])
        .values("disposal_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("disposal_id", "n")
    )
    return [DisposalLine(disposal=d, destroyed=counts.get(d.pk, 0)) for d in chosen]


def disposal_cells(index: int, line: DisposalLine) -> tuple[Any, ...]:
    d = line.disposal
    return (
        index,
        d.title,
        d.archive_unit.name,
        d.decision,
        str(d.approved_by) if d.approved_by else "",
        _local(d.executed_at),
        d.method,
        line.destroyed,
        str(d.executed_by) if d.executed_by else "",
    )


# Output ---------------------------------------------------------------------------------------


def register_xlsx(title: str, columns: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    bold = Font(name="Times New Roman", bold=True)

    def cell(value: Any, *, head: bool = False) -> Any:
        written = sheets.cell(sheet, value)
        if head:
            written.font = bold
        if isinstance(value, date):
            written.number_format = "DD/MM/YYYY"
        return written

    sheet.append([cell(title.upper(), head=True)])
    sheet.append([cell(str(c), head=True) for c in columns])
    for row in rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def register_pdf(
    title: str, columns: Sequence[Any], widths: Sequence[float], rows: Iterable[Sequence[Any]]
) -> bytes:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    font = add_liberation_serif(pdf)
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_creator("vanphong")
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font(font, "B", 14)
    pdf.multi_cell(0, 7, shorten(title.upper(), 200), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    headings = [str(c) for c in columns]
    table = Table(pdf, widths, headings, font=font, size=8.5, line=4)
    table.row(headings, [True] * len(headings), head=True)
    for row in rows:
        table.row([cell_text(v) for v in row], [isinstance(v, int | date) for v in row])
    table.close()
    return bytes(pdf.output())


TRANSFER_WIDTHS = (10, 42, 14, 40, 16, 18, 22, 22, 30, 30, 23)
DISPOSAL_WIDTHS = (10, 52, 38, 34, 32, 22, 30, 18, 31)


def transfer_register_files(
    person: Person, *, year: int | None = None
) -> tuple[list[tuple[Any, ...]], str]:
    lines = transfer_lines(person, transfer_register(person, year=year).iterator(chunk_size=500))
    return [transfer_cells(i, line) for i, line in enumerate(lines, start=1)], _("Sổ nộp lưu")


def disposal_register_files(
    person: Person, *, year: int | None = None
) -> tuple[list[tuple[Any, ...]], str]:
    lines = disposal_lines(person, disposal_register(person, year=year).iterator(chunk_size=500))
    return [disposal_cells(i, line) for i, line in enumerate(lines, start=1)], _("Sổ tiêu hủy")
