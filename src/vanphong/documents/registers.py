"""The registers of Decree 30/2020 (Appendix IV), as rows of data (the files: register_files).

Three registers of a unit over a period of local dates (Asia/Ho_Chi_Minh):

- ``den`` — Sổ đăng ký văn bản đến: incoming documents by số đến;
- ``di`` — Sổ đăng ký văn bản đi: issued (numbered) documents, series by series in number
  order, withdrawn ones included — a number is never lost from the book;
- ``theo-doi`` — Sổ theo dõi giải quyết văn bản đến: incoming documents that need handling
  (a direction or a deadline), with how far their handling got.

Every register lists only documents the asking person may see (documents.selectors), and reads
its rows in chunks with the related rows prefetched, so the number of queries depends on the
number of chunks, never on the number of rows. The columns and headings are those of
RULES.md §3, in that order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Final, TypeVar
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from vanphong.core.access import get_visible_or_404
from vanphong.core.vietnamese import fold, format_date
from vanphong.core.workdays import WorkCalendar
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    Delivery,
    DeliveryStatus,
    Direction,
    IncomingDocument,
    IncomingStatus,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
    Urgency,
)
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.selectors import scope_for

FONTS: Final = Path(__file__).resolve().parent / "fonts"
CHUNK: Final = 500  # rows read per query (with one prefetch query per relation per chunk)
PREVIEW_ROWS: Final = 200

Cell = str | int | date | None
_Document = TypeVar("_Document", IncomingDocument, OutgoingDocument)


class Kind(StrEnum):
    """The registers; the values are what the `loai` query parameter carries."""

    INCOMING = "den"
    OUTGOING = "di"
    TRACKING = "theo-doi"


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # in XLSX character widths; the PDF shares its width out in proportion


@dataclass(frozen=True)
class Spec:
    kind: Kind
    title: str
    sheet: str
    columns: tuple[Column, ...]

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(column.heading for column in self.columns)


# The headings are the regulation's wording (Vietnamese in every locale), hence not translated.
SPECS: Final[dict[Kind, Spec]] = {
    Kind.INCOMING: Spec(
        Kind.INCOMING,
        "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
        "Sổ văn bản đến",
        (
            Column("Ngày đến", 12),
            Column("Số đến", 7),
            Column("Tác giả", 20),
            Column("Số, ký hiệu", 14),
            Column("Ngày tháng VB", 12),
            Column("Tên loại và trích yếu", 40),
            Column("Đơn vị hoặc người nhận", 20),
            Column("Ngày chuyển", 12),
            Column("Ký nhận", 10),
            Column("Ghi chú", 16),
        ),
    ),
    Kind.OUTGOING: Spec(
        Kind.OUTGOING,
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Sổ văn bản đi",
        (
            Column("Số, ký hiệu", 14),
            Column("Ngày tháng", 12),
            Column("Tên loại và trích yếu", 40),
            Column("Người ký", 18),
            Column("Nơi nhận", 24),
            Column("Đơn vị, người nhận bản lưu", 16),
            Column("Số lượng bản", 8),
            Column("Ngày chuyển", 12),
            Column("Ký nhận", 10),
            Column("Ghi chú", 14),
        ),
    ),
    Kind.TRACKING: Spec(
        Kind.TRACKING,
        "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
        "Sổ theo dõi giải quyết",
        (
            Column("Số đến", 7),
            Column("Tên loại, số, ký hiệu, ngày, cơ quan ban hành", 46),
            Column("Đơn vị/người nhận", 22),
            Column("Thời hạn giải quyết", 12),
            Column("Tiến độ", 30),
            Column("Số, ký hiệu văn bản trả lời", 16),
            Column("Ghi chú", 18),
        ),
    ),
}


@dataclass(frozen=True)
class Period:
    """The local dates a register covers, both ends included."""

    start: date
    end: date

    def bounds(self) -> tuple[datetime, datetime]:
        """The moments the period runs between: local midnight of `start` up to (not
        including) local midnight after `end` — so 23:30 UTC on 31 Dec is in the next year."""
        zone = timezone.get_default_timezone()
        since = timezone.make_aware(datetime.combine(self.start, time.min), zone)
        until = timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min), zone)
        return since, until

    def label(self) -> str:
        return f"Từ ngày {format_date(self.start)} đến ngày {format_date(self.end)}"


@dataclass(frozen=True)
class Row:
    """One line of a register: its cells in column order, and the document it is about."""

    cells: tuple[Cell, ...]
    document: IncomingDocument | OutgoingDocument

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(cell_text(cell) for cell in self.cells)

    @property
    def is_urgent(self) -> bool:
        return self.document.urgency >= Urgency.URGENT


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return format_date(cell)
    return str(cell)


# --- units ---------------------------------------------------------------------------------


def report_units(person: Person) -> QuerySet[Unit]:
    """Units whose documents the person sees by a role there (or above): the units a register
    or a statistic may be asked for. Administering a unit opens none of its documents."""
    units = scope_for(person).units_with_role(*DOCUMENT_ROLES)
    return Unit.objects.filter(id__in=sorted(units))


def report_unit_get(person: Person, unit_uuid: UUID | str) -> Unit:
    """One of `report_units`, or 404 (the same answer for a unit that does not exist)."""
    return get_visible_or_404(report_units(person), unit_uuid)


# --- text helpers --------------------------------------------------------------------------


def _local_date(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment is not None else None


# Words a trích yếu often opens with that read in lower case after the type name.
_LEAD_WORDS: Final = frozenset({"ve", "v/v", "vv"})


def _type_and_subject(type_name: str, subject: str) -> str:
    """`Chỉ thị về lãnh đạo …`: the type name before the trích yếu, unless it starts with it.

    The trích yếu is kept as typed, except that an opening `Về` or `V/v` is lower-cased."""
    if not type_name or fold(subject).startswith(fold(type_name)):
        return subject
    words = subject.split(" ", 1)
    if fold(words[0]) in _LEAD_WORDS:
        subject = subject[:1].lower() + subject[1:]
    return f"{type_name} {subject}"


def _marks(document: IncomingDocument | OutgoingDocument) -> list[str]:
    marks = []
    if document.confidentiality > Clearance.UNCLASSIFIED:
        marks.append(str(Clearance(document.confidentiality).label))
    if document.urgency > Urgency.NORMAL:
        marks.append(str(Urgency(document.urgency).label))
    return marks


def _join(parts: Iterable[str], separator: str = "; ") -> str:
    return separator.join(part for part in parts if part)


def _handler_name(assignment: Assignment) -> str:
    if assignment.assignee is not None:
        return assignment.assignee.full_name or assignment.assignee.username
    return assignment.assignee_unit.name if assignment.assignee_unit is not None else ""


def _distinct(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        if name:
            seen.setdefault(name, None)
    return list(seen)


# --- the incoming register -----------------------------------------------------------------


def _lead_prefetch(person: Person) -> Prefetch[str, QuerySet[Assignment], str]:
    """Each document's lead assignments of its directions, oldest first, with the handler and
    whether the person may see the reply document an assignment names."""
    replies = outgoing_visible(person).filter(pk=OuterRef("reply_id"), number__isnull=False)
    leads = (
        Assignment.objects.filter(role=AssignmentRole.LEAD, direction__isnull=False)
        .select_related("assignee", "assignee_unit", "reply")
        .annotate(reply_shown=Exists(replies))
        .order_by("assigned_at", "id")
    )
    return Prefetch("assignments", queryset=leads, to_attr="register_leads")


def _incoming(person: Person, unit: Unit, period: Period) -> QuerySet[IncomingDocument]:
    since, until = period.bounds()
    first_direction = Direction.objects.filter(document=OuterRef("pk")).order_by("given_at", "id")
    return (
        incoming_visible(person)
        .filter(unit=unit, received_at__gte=since, received_at__lt=until)
        .annotate(first_direction_at=Subquery(first_direction.values("given_at")[:1]))
        .prefetch_related(_lead_prefetch(person))
        .order_by("year", "number", "id")
    )


def _receivers(document: IncomingDocument) -> str:
    """Who received the document: the lead handlers of its directions (the current one where a
    part was handed over), else what the clerk noted when registering."""
    leads: list[Assignment] = getattr(document, "register_leads", [])
    names = _distinct(_handler_name(a) for a in leads if a.status != AssignmentStatus.HANDED_OVER)
    return _join(names) or document.recipients_note


def _incoming_note(document: IncomingDocument) -> str:
    parts = _marks(document)
    if document.medium != Medium.PAPER:
        parts.append(str(Medium(document.medium).label))
    if document.is_frozen:
        label = str(IncomingStatus(document.status).label)
        parts.append(f"{label}: {document.status_reason}" if document.status_reason else label)
    parts.append(document.note)
    return _join(parts)


def incoming_row(document: IncomingDocument) -> Row:
    first_direction_at: datetime | None = getattr(document, "first_direction_at", None)
    cells: tuple[Cell, ...] = (
        _local_date(document.received_at),
        document.number,
        document.sender_name,
        document.number_symbol,
        document.document_date,
        _type_and_subject(document.type_name, document.subject),
        _receivers(document),
        _local_date(first_direction_at),
        "",  # Ký nhận: signed by hand on the printed book
        _incoming_note(document),
    )
    return Row(cells, document)


# --- the outgoing register -----------------------------------------------------------------


def _outgoing(person: Person, unit: Unit, period: Period) -> QuerySet[OutgoingDocument]:
    deliveries = Delivery.objects.select_related("recipient_unit").order_by("sent_at", "id")
    return (
        outgoing_visible(person)
        .filter(
            unit=unit,
            number__isnull=False,
            status__in=[OutgoingStatus.ISSUED, OutgoingStatus.WITHDRAWN],
            issued_on__gte=period.start,
            issued_on__lte=period.end,
        )
        .select_related("signer")
        .prefetch_related(Prefetch("deliveries", queryset=deliveries, to_attr="register_sent"))
        .order_by("series", "number", "id")
    )


def _recipient_name(delivery: Delivery) -> str:
    name = delivery.recipient_unit.name if delivery.recipient_unit else delivery.external_name
    if delivery.status == DeliveryStatus.REFUSED:
        return f"{name} ({DeliveryStatus.REFUSED.label.lower()})"
    return name


def _signer(document: OutgoingDocument) -> str:
    if document.signer is None:
        return ""
    name = document.signer.full_name or document.signer.username
    position = _join([document.signing_authority, document.signer_position], " ")
    return f"{name} ({position})" if position else name


def _outgoing_note(document: OutgoingDocument) -> str:
    parts = _marks(document)
    if document.status == OutgoingStatus.WITHDRAWN:
        label = str(OutgoingStatus.WITHDRAWN.label)
        parts.append(f"{label}: {document.status_reason}" if document.status_reason else label)
    parts.append(document.note)
    return _join(parts)


def outgoing_row(document: OutgoingDocument) -> Row:
    sent: list[Delivery] = getattr(document, "register_sent", [])
    cells: tuple[Cell, ...] = (
        document.number_symbol,
        document.issued_on,
        _type_and_subject(document.type_name, document.subject),
        _signer(document),
        _join(_distinct(_recipient_name(d) for d in sent)),
        document.file_copy_holder,
        document.copies,
        _local_date(min(d.sent_at for d in sent)) if sent else None,
        "",
        _outgoing_note(document),
    )
    return Row(cells, document)


# --- the tracking register -----------------------------------------------------------------


def _tracking(person: Person, unit: Unit, period: Period) -> QuerySet[IncomingDocument]:
    """Documents that need handling: given to someone by a direction, or with a deadline."""
    directed = Assignment.objects.filter(document=OuterRef("pk"), role=AssignmentRole.LEAD)
    replies = (
        outgoing_visible(person).filter(number__isnull=False).order_by("issued_on", "number", "id")
    )
    return (
        _incoming(person, unit, period)
        .filter(Q(deadline__isnull=False) | Q(Exists(directed)))
        .exclude(status=IncomingStatus.CANCELLED)
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="register_replies"))
    )


def _days(count: int) -> str:
    return f"{count} ngày làm việc"


def progress(
    document: IncomingDocument,
    leads: Sequence[Assignment],
    today: date,
    calendar: WorkCalendar,
) -> str:
    """Tiến độ: done on time or late (with the day it was done), in progress, or overdue (with
    the deadline and by how many working days); `leads` are the lead assignments still in
    force. Late means a working day has passed after the deadline (core.workdays)."""
    deadline = document.deadline
    if document.status == IncomingStatus.RECALLED:
        return str(IncomingStatus.RECALLED.label)
    if document.status == IncomingStatus.FILED and not leads:
        return str(IncomingStatus.FILED.label)
    done = [a for a in leads if a.status == AssignmentStatus.DONE]
    if leads and len(done) == len(leads):
        finished = max(_local_date(a.completed_at) or today for a in done)
        late = calendar.days_late(deadline, finished) if deadline is not None else 0
        if late:
            return f"Hoàn thành trễ hạn {_days(late)}, ngày {format_date(finished)}"
        return f"Hoàn thành đúng hạn, ngày {format_date(finished)}"
    state = "Đang giải quyết" if leads else "Chưa giao xử lý"
    if leads:
        since = min(_local_date(a.assigned_at) or today for a in leads)
        state = f"{state} (giao ngày {format_date(since)})"
    if deadline is not None and (overdue := calendar.days_late(deadline, today)):
        return (
            f"Quá hạn {_days(overdue)} (hạn {format_date(deadline)}); {state[0].lower()}{state[1:]}"
        )
    return state


def _issued_as(document: IncomingDocument) -> str:
    """`Chỉ thị số 45-CT/TU ngày 01/03/2011 của Tỉnh ủy Tây Ninh — trích yếu`."""
    head = _join(
        [
            document.type_name,
            f"số {document.number_symbol}",
            f"ngày {format_date(document.document_date)}",
            f"của {document.sender_name}",
        ],
        " ",
    )
    return f"{head} — {document.subject}"


def tracking_row(document: IncomingDocument, today: date, calendar: WorkCalendar) -> Row:
    leads: list[Assignment] = getattr(document, "register_leads", [])
    in_force = [
        a
        for a in leads
        if a.status not in {AssignmentStatus.HANDED_OVER, AssignmentStatus.CANCELLED}
    ]
    replies: list[OutgoingDocument] = getattr(document, "register_replies", [])
    answered = [r.number_symbol for r in replies]
    answered += [
        a.reply.number_symbol
        for a in leads
        if a.reply is not None and getattr(a, "reply_shown", False)
    ]
    results = _distinct(a.result for a in in_force if a.status == AssignmentStatus.DONE)
    note = _join([*_marks(document), *results, document.note])
    cells: tuple[Cell, ...] = (
        document.number,
        _issued_as(document),
        _receivers(document),
        document.deadline,
        progress(document, in_force, today, calendar),
        _join(_distinct(answered)),
        note,
    )
    return Row(cells, document)


# --- rows ----------------------------------------------------------------------------------


def rows(
    person: Person,
    kind: Kind,
    *,
    unit: Unit,
    period: Period,
    limit: int | None = None,
    today: date | None = None,
) -> Iterator[Row]:
    """The register's rows in book order, read chunk by chunk (`limit`: only the first ones)."""
    when = today or timezone.localdate()
    if kind == Kind.OUTGOING:
        outgoing = _outgoing(person, unit, period)
        for sent in _chunked(outgoing, limit):
            yield outgoing_row(sent)
        return
    if kind == Kind.INCOMING:
        for received in _chunked(_incoming(person, unit, period), limit):
            yield incoming_row(received)
        return
    # One calendar for the whole register: deadlines and completions lie around the period
    # and today; a stray year beyond them costs one more query, never one per row.
    calendar = WorkCalendar.load(min(period.start, when), max(period.end, when))
    for received in _chunked(_tracking(person, unit, period), limit):
        yield tracking_row(received, when, calendar)


def _chunked(documents: QuerySet[_Document], limit: int | None) -> Iterator[_Document]:
    if limit is not None:
        documents = documents[:limit]
    return documents.iterator(chunk_size=CHUNK)


@dataclass(frozen=True)
class Preview:
    rows: list[Row]
    more: bool  # the register has rows beyond the preview


def preview(person: Person, kind: Kind, *, unit: Unit, period: Period) -> Preview:
    found = list(rows(person, kind, unit=unit, period=period, limit=PREVIEW_ROWS + 1))
    return Preview(found[:PREVIEW_ROWS], more=len(found) > PREVIEW_ROWS)


def title_lines(spec: Spec, unit: Unit, period: Period) -> tuple[str, str]:
    return spec.title, f"{unit.name} — {period.label()}"


CONTENT_TYPES: Final = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
FILE_STEMS: Final = {
    Kind.INCOMING: "so-van-ban-den",
    Kind.OUTGOING: "so-van-ban-di",
    Kind.TRACKING: "so-theo-doi-giai-quyet",
}


def filename(kind: Kind, unit: Unit, period: Period, extension: str) -> str:
    """`so-van-ban-den_vp-huyen-uy-chau-thanh_20120101-20121231.xlsx`: ASCII, no spaces."""
    unit_part = re.sub(r"[^a-z0-9]+", "-", fold(unit.short_name or unit.name)).strip("-")
    return f"{FILE_STEMS[kind]}_{unit_part}_{period.start:%Y%m%d}-{period.end:%Y%m%d}.{extension}"
