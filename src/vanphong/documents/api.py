"""The documents JSON API: every page action on incoming and outgoing documents, for programs.

Thin like the pages: parse the request, fetch through a visibility-scoped selector (an object
the caller may not see is 404), call one service, answer with the object's new state. Service
errors are mapped in `vanphong.api.api`: ValidationError → 422 with errors by field,
PermissionDenied → 403. A suspected duplicate registration is answered here with 409.
"""

from __future__ import annotations

import base64
import binascii
import io
from datetime import date, datetime
from typing import Any, Literal, cast
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import FileResponse, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import model_validator

from vanphong.core.access import get_visible_or_404
from vanphong.core.files import safe_filename
from vanphong.core.inputs import CleanStr, Count, Day, Moment, Year
from vanphong.documents import (
    registers,
    selectors,
    services,
    services_delivery,
    services_handling,
    services_incoming,
    services_outgoing,
    stats,
)
from vanphong.documents.models import (
    ApprovalDecision,
    ApprovalStep,
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    Attachment,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    Direction,
    DraftVersion,
    IncomingDocument,
    IncomingStatus,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
    ProgressNote,
    SigningAuthority,
    Urgency,
)
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import DuplicateDocument, Handler
from vanphong.documents.views_files import download
from vanphong.org.models import Clearance, Membership, Person, Unit
from vanphong.org.selectors import scope_for, units_visible

router = Router()

TAG_INCOMING = "văn bản đến"
TAG_HANDLING = "xử lý văn bản đến"
TAG_RECEPTION = "tiếp nhận văn bản liên thông"
TAG_OUTGOING = "văn bản đi"
TAG_FILES = "tệp đính kèm"
TAG_REPORTS = "sổ sách và thống kê"

MAX_LIST = 200


# --- errors ---------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(description="Thông báo lỗi (tiếng Việt).")


class InvalidOut(Schema):
    detail: str = Field(description="Tóm tắt lỗi.")
    errors: dict[str, list[str]] = Field(
        description="Lỗi theo tên trường của yêu cầu; `__all__` cho lỗi không thuộc trường nào."
    )


class DuplicateEntryOut(Schema):
    uuid: UUID = Field(description="Mã của văn bản đến đã vào sổ trước đó.")
    number: int = Field(description="Số đến của bản đã vào sổ.")
    year: int = Field(description="Năm của sổ.")


class DuplicateOut(InvalidOut):
    existing: list[DuplicateEntryOut] = Field(description="Các bản đã vào sổ trùng văn bản này.")
    hint: str = Field(description="Cách vẫn vào sổ: gửi lại kèm `duplicate_reason`.")


# Every endpoint may answer these; 401 without a valid bearer token.
ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


# --- shared output --------------------------------------------------------------------------


class UnitRef(Schema):
    uuid: UUID
    name: str = Field(description="Tên đơn vị.")
    symbol: str = Field(description="Ký hiệu cơ quan ban hành, ví dụ TU, HU, VPTU.")


class PersonRef(Schema):
    uuid: UUID
    username: str
    full_name: str


class AttachmentOut(Schema):
    uuid: UUID
    filename: str = Field(description="Tên tệp.")
    size: int = Field(description="Kích thước (byte).")
    content_type: str = Field(description="Loại tệp, nhận biết theo nội dung.")
    sha256: str = Field(description="Mã băm SHA-256 của nội dung (bản gốc không bao giờ bị sửa).")
    uploaded_at: datetime
    version: int | None = Field(description="Số phiên bản dự thảo, nếu tệp thuộc một dự thảo.")
    url: str = Field(description="Đường dẫn tải tệp (cần mã truy cập).")


def _unit(unit: Unit) -> UnitRef:
    return UnitRef(uuid=unit.uuid, name=unit.name, symbol=unit.symbol)


def _unit_or_none(unit: Unit | None) -> UnitRef | None:
    return _unit(unit) if unit is not None else None


def _person(person: Person) -> PersonRef:
    return PersonRef(uuid=person.uuid, username=person.username, full_name=person.full_name)


def _person_or_none(person: Person | None) -> PersonRef | None:
    return _person(person) if person is not None else None


def _attachment(
    attachment: Attachment, document: IncomingDocument | OutgoingDocument
) -> AttachmentOut:
    kind = "incoming" if isinstance(document, IncomingDocument) else "outgoing"
    return AttachmentOut(
        uuid=attachment.uuid,
        filename=attachment.filename,
        size=attachment.file.size,
        content_type=attachment.file.content_type,
        sha256=attachment.file.sha256,
        uploaded_at=attachment.uploaded_at,
        version=attachment.version.version if attachment.version is not None else None,
        url=reverse(f"api:documents_{kind}_attachment", args=[document.uuid, attachment.uuid]),
    )


# --- shared input ---------------------------------------------------------------------------


class AttachmentIn(Schema):
    name: CleanStr = Field(min_length=1, max_length=200, description="Tên tệp, ví dụ `cv-45.pdf`.")
    content_base64: str = Field(
        min_length=1,
        description="Nội dung tệp mã hóa base64. Loại tệp (PDF, DOCX, DOC, XLSX, ODT, JPEG, "
        "PNG, TIFF) và kích thước tối đa được kiểm tra theo nội dung như khi tải lên trang.",
    )


class ReasonIn(Schema):
    reason: CleanStr = Field(min_length=1, max_length=500, description="Lý do.")


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.auth)  # type: ignore[attr-defined]


def _uploads(items: list[AttachmentIn]) -> list[Upload]:
    uploads = []
    for item in items:
        try:
            content = base64.b64decode("".join(item.content_base64.split()), validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(
                {
                    "attachments": _("%(name)s: nội dung không phải base64 hợp lệ.")
                    % {"name": safe_filename(item.name)}
                }
            ) from None
        uploads.append(Upload(name=item.name, stream=io.BytesIO(content)))
    return uploads


def _aware(moment: datetime | None) -> datetime | None:
    """A time sent without an offset is office time (Asia/Ho_Chi_Minh)."""
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _person_named(uuid: UUID, field: str) -> Person:
    """An active person referred to in a request body; unknown is an error on that field."""
    person = Person.objects.filter(uuid=uuid, is_active=True).first()
    if person is None:
        raise ValidationError({field: _("Không tìm thấy cán bộ có mã này.")})
    return person


def _colleague_named(actor: Person, uuid: UUID, field: str) -> Person:
    """A person a direction may name: active, with a current membership in a unit the caller
    sees. Being named opens the document to them, so nobody outside the caller's units."""
    today = timezone.localdate()
    memberships = Membership.objects.filter(
        unit_id__in=sorted(scope_for(actor).unit_ids), starts_on__lte=today
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    person = Person.objects.filter(
        uuid=uuid, is_active=True, pk__in=memberships.values("person_id")
    ).first()
    if person is None:
        raise ValidationError({field: _("Không tìm thấy cán bộ có mã này trong đơn vị của bạn.")})
    return person


def _unit_named(uuid: UUID, field: str, among: QuerySet[Unit] | None = None) -> Unit:
    units = among if among is not None else Unit.objects.all()
    unit = units.filter(uuid=uuid, is_active=True).first()
    if unit is None:
        raise ValidationError({field: _("Không tìm thấy đơn vị có mã này.")})
    return unit


def _duplicate(person: Person, error: DuplicateDocument) -> DuplicateOut:
    """The 409 answer: the earlier registrations the caller may see (as the page lists them)."""
    shown = selectors.incoming_visible(person).filter(pk__in=[d.pk for d in error.existing])
    return DuplicateOut(
        detail=" ".join(error.messages),
        errors=error.message_dict,
        existing=[
            DuplicateEntryOut(uuid=d.uuid, number=d.number, year=d.year)
            for d in shown.order_by("year", "number")
        ],
        hint=_("Nếu đúng là cần vào sổ lần nữa, gửi lại yêu cầu kèm `duplicate_reason` (lý do)."),
    )


# --- incoming: output -----------------------------------------------------------------------


class IncomingRowOut(Schema):
    uuid: UUID
    unit: UnitRef = Field(description="Đơn vị có sổ văn bản đến.")
    year: int = Field(description="Năm của sổ.")
    number: int = Field(description="Số đến.")
    received_at: datetime = Field(description="Ngày giờ đến.")
    medium: Medium = Field(description="Hình thức: giấy, điện tử, liên thông nội bộ.")
    sender_name: str = Field(description="Cơ quan ban hành.")
    number_symbol: str = Field(description="Số, ký hiệu văn bản, ví dụ `45-CV/TU`.")
    document_date: date = Field(description="Ngày văn bản.")
    type_symbol: str
    type_name: str
    subject: str = Field(description="Trích yếu.")
    confidentiality: Clearance = Field(
        description="Độ mật: 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật."
    )
    confidentiality_label: str
    urgency: Urgency = Field(
        description="Độ khẩn (mã edXML): 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, "
        "4 Hỏa tốc hẹn giờ."
    )
    urgency_label: str
    is_urgent: bool = Field(description="Khẩn trở lên: hiển thị nổi bật.")
    deadline: date | None = Field(description="Hạn xử lý.")
    status: IncomingStatus
    status_label: str


class DirectionOut(Schema):
    uuid: UUID
    given_by: PersonRef
    given_at: datetime
    text: str = Field(description="Ý kiến chỉ đạo.")
    deadline: date | None


class ProgressNoteOut(Schema):
    uuid: UUID
    author: PersonRef
    written_at: datetime
    text: str


class AssignmentOut(Schema):
    uuid: UUID
    direction: UUID | None = Field(description="Ý kiến chỉ đạo giao việc này.")
    assignee: PersonRef | None = Field(description="Người được giao.")
    assignee_unit: UnitRef | None = Field(description="Đơn vị được giao (văn thư chuyển tiếp).")
    role: AssignmentRole = Field(description="Chủ trì, phối hợp hoặc để biết.")
    role_label: str
    deadline: date | None
    status: AssignmentStatus
    status_label: str
    assigned_by: PersonRef
    assigned_at: datetime
    completed_at: datetime | None
    result: str = Field(description="Kết quả xử lý (hoặc ghi chú khi chuyển người khác).")
    reply: UUID | None = Field(description="Văn bản đi trả lời.")
    handed_to: UUID | None = Field(description="Phần việc của người được chuyển giao.")


class AssignmentWithNotesOut(AssignmentOut):
    notes: list[ProgressNoteOut] = Field(description="Tiến độ, cũ trước.")


class IncomingDetailOut(IncomingRowOut):
    page_count: int | None
    recipients_note: str = Field(description="Đơn vị, người nhận (ghi trong sổ).")
    note: str
    status_reason: str = Field(description="Lý do của trạng thái (trả lại, hủy, thu hồi…).")
    presented_to: PersonRef | None = Field(description="Lãnh đạo được trình.")
    presented_at: datetime | None
    registered_by: PersonRef
    registered_at: datetime
    sender_unit: UnitRef | None = Field(description="Đơn vị gửi, nếu nhận liên thông nội bộ.")
    duplicate_of: UUID | None = Field(description="Bản đã vào sổ trước, nếu vào sổ trùng có lý do.")
    duplicate_reason: str
    directions: list[DirectionOut]
    assignments: list[AssignmentWithNotesOut]
    attachments: list[AttachmentOut]


class BookPageOut(Schema):
    items: list[IncomingRowOut] = Field(description="Mới đến trước.")
    next_after: UUID | None = Field(
        description="Truyền vào `after` để lấy trang sau; null khi đã hết sổ."
    )


class DirectionCreatedOut(DirectionOut):
    assignments: list[AssignmentOut]


class AssignmentDetailOut(AssignmentWithNotesOut):
    document: IncomingRowOut


class InboxItemOut(AssignmentOut):
    document: IncomingRowOut


def _incoming_row(document: IncomingDocument) -> IncomingRowOut:
    return IncomingRowOut(
        uuid=document.uuid,
        unit=_unit(document.unit),
        year=document.year,
        number=document.number,
        received_at=document.received_at,
        medium=Medium(document.medium),
        sender_name=document.sender_name,
        number_symbol=document.number_symbol,
        document_date=document.document_date,
        type_symbol=document.type_symbol,
        type_name=document.type_name,
        subject=document.subject,
        confidentiality=Clearance(document.confidentiality),
        confidentiality_label=document.get_confidentiality_display(),
        urgency=Urgency(document.urgency),
        urgency_label=document.get_urgency_display(),
        is_urgent=document.is_urgent,
        deadline=document.deadline,
        status=IncomingStatus(document.status),
        status_label=document.get_status_display(),
    )


def _direction(direction: Direction) -> DirectionOut:
    return DirectionOut(
        uuid=direction.uuid,
        given_by=_person(direction.given_by),
        given_at=direction.given_at,
        text=direction.text,
        deadline=direction.deadline,
    )


def _note(note: ProgressNote) -> ProgressNoteOut:
    return ProgressNoteOut(
        uuid=note.uuid, author=_person(note.author), written_at=note.written_at, text=note.text
    )


def _assignment_fields(assignment: Assignment) -> dict[str, Any]:
    return {
        "uuid": assignment.uuid,
        "direction": assignment.direction.uuid if assignment.direction else None,
        "assignee": _person_or_none(assignment.assignee),
        "assignee_unit": _unit_or_none(assignment.assignee_unit),
        "role": AssignmentRole(assignment.role),
        "role_label": assignment.get_role_display(),
        "deadline": assignment.deadline,
        "status": AssignmentStatus(assignment.status),
        "status_label": assignment.get_status_display(),
        "assigned_by": _person(assignment.assigned_by),
        "assigned_at": assignment.assigned_at,
        "completed_at": assignment.completed_at,
        "result": assignment.result,
        "reply": assignment.reply.uuid if assignment.reply else None,
        "handed_to": assignment.handed_to.uuid if assignment.handed_to else None,
    }


# What a serialised assignment reads; select these and a page of them costs no query per row.
ASSIGNMENT_RELATED = ("direction", "assignee", "assignee_unit", "assigned_by", "reply", "handed_to")


def _notes_prefetch() -> Prefetch[str, QuerySet[ProgressNote], str]:
    return Prefetch("notes", queryset=ProgressNote.objects.select_related("author"))


def _with_notes(assignment: Assignment) -> dict[str, Any]:
    return {
        **_assignment_fields(assignment),
        "notes": [_note(n) for n in assignment.notes.all()],
    }


def _attachments_prefetch() -> Prefetch[str, QuerySet[Attachment], str]:
    return Prefetch(
        "attachments",
        queryset=Attachment.objects.select_related("file", "version").order_by("uploaded_at", "id"),
    )


def _incoming_detail(document: IncomingDocument) -> IncomingDetailOut:
    """A document fetched through the selector, with its handling, in a fixed number of
    queries."""
    prefetch_related_objects(
        [document],
        "sender_unit",
        "duplicate_of",
        Prefetch("directions", queryset=Direction.objects.select_related("given_by")),
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related(*ASSIGNMENT_RELATED)
            .prefetch_related(_notes_prefetch())
            .order_by("assigned_at", "id"),
        ),
        _attachments_prefetch(),
    )
    return IncomingDetailOut(
        **_incoming_row(document).model_dump(),
        page_count=document.page_count,
        recipients_note=document.recipients_note,
        note=document.note,
        status_reason=document.status_reason,
        presented_to=_person_or_none(document.presented_to),
        presented_at=document.presented_at,
        registered_by=_person(document.registered_by),
        registered_at=document.registered_at,
        sender_unit=_unit_or_none(document.sender_unit),
        duplicate_of=document.duplicate_of.uuid if document.duplicate_of else None,
        duplicate_reason=document.duplicate_reason,
        directions=[_direction(d) for d in document.directions.all()],
        assignments=[AssignmentWithNotesOut(**_with_notes(a)) for a in document.assignments.all()],
        attachments=[_attachment(a, document) for a in document.attachments.all()],
    )


def _assignment_detail(assignment: Assignment) -> AssignmentDetailOut:
    prefetch_related_objects([assignment], *ASSIGNMENT_RELATED, "document__unit", _notes_prefetch())
    return AssignmentDetailOut(
        **_with_notes(assignment), document=_incoming_row(assignment.document)
    )


# --- incoming: endpoints --------------------------------------------------------------------


class BookQuery(Schema):
    unit: UUID = Field(description="Đơn vị có sổ văn bản đến.")
    year: Year | None = Field(None, description="Năm của sổ.")
    status: IncomingStatus | None = Field(None, description="Chỉ văn bản ở trạng thái này.")
    urgent: bool = Field(False, description="Chỉ văn bản từ Khẩn trở lên.")
    q: CleanStr = Field(
        "", max_length=200, description="Tìm trong trích yếu và số, ký hiệu (không phân biệt dấu)."
    )
    received_from: Day | None = Field(None, description="Đến từ ngày.")
    received_to: Day | None = Field(None, description="Đến hết ngày.")
    after: UUID | None = Field(None, description="`next_after` của trang trước.")
    limit: int = Field(50, ge=1, le=MAX_LIST, description="Số dòng mỗi trang (tối đa 200).")


class IncomingRegisterIn(Schema):
    unit: UUID = Field(description="Đơn vị vào sổ (người gọi phải là văn thư của đơn vị).")
    medium: Medium = Field(description="Hình thức: `paper`, `electronic` hoặc `internal`.")
    sender_name: CleanStr = Field(min_length=1, max_length=200, description="Cơ quan ban hành.")
    number_symbol: CleanStr = Field(
        min_length=1, max_length=80, description="Số, ký hiệu như in trên văn bản: `45-CV/TU`."
    )
    document_date: Day = Field(description="Ngày văn bản.")
    subject: CleanStr = Field(min_length=1, max_length=500, description="Trích yếu.")
    received_at: Moment | None = Field(
        None, description="Ngày giờ đến; mặc định là bây giờ; không kèm múi giờ là giờ Việt Nam."
    )
    page_count: Count | None = Field(None, description="Số trang.")
    confidentiality: Clearance = Field(Clearance.UNCLASSIFIED, description="Độ mật (0–3).")
    urgency: Urgency = Field(Urgency.NORMAL, description="Độ khẩn (0–4).")
    deadline: Day | None = Field(None, description="Hạn xử lý.")
    recipients_note: CleanStr = Field("", max_length=500, description="Đơn vị, người nhận.")
    note: CleanStr = Field("", max_length=2000, description="Ghi chú.")
    attachments: list[AttachmentIn] = Field([], description="Tệp đính kèm.")
    duplicate_reason: CleanStr = Field(
        "", max_length=500, description="Lý do vẫn vào sổ khi văn bản có vẻ đã vào sổ (sau 409)."
    )
    submission_id: UUID | None = Field(
        None,
        description="Khóa chống gửi lặp: gửi lại cùng khóa trả về đúng văn bản đã vào sổ, "
        "không cấp thêm số đến.",
    )


class PresentIn(Schema):
    leader: UUID = Field(description="Lãnh đạo được trình (lãnh đạo của đơn vị).")


class HandlerIn(Schema):
    person: UUID | None = Field(
        None, description="Cán bộ được giao (thuộc một đơn vị người chỉ đạo được xem)."
    )
    unit: UUID | None = Field(None, description="Hoặc đơn vị được giao.")

    @model_validator(mode="after")
    def _one_of(self) -> HandlerIn:
        if (self.person is None) == (self.unit is None):
            raise ValueError("Chọn đúng một trong `person` hoặc `unit`.")
        return self


class DirectionIn(Schema):
    text: CleanStr = Field(min_length=1, max_length=5000, description="Ý kiến chỉ đạo.")
    lead: HandlerIn = Field(description="Chủ trì.")
    supporting: list[HandlerIn] = Field([], description="Phối hợp.")
    informed: list[HandlerIn] = Field([], description="Để biết.")
    deadline: Day | None = Field(None, description="Hạn xử lý; mặc định là hạn của văn bản.")


class FileIn(Schema):
    note: CleanStr = Field("", max_length=500, description="Ghi chú khi lưu để biết.")


def _handler(actor: Person, handler: HandlerIn, field: str) -> Handler:
    if handler.person is not None:
        return Handler(person=_colleague_named(actor, handler.person, field))
    return Handler(unit=_unit_named(cast(UUID, handler.unit), field))


@router.get(
    "/den",
    response={200: BookPageOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Sổ văn bản đến của một đơn vị (phân trang theo con trỏ)",
)
def incoming_book(request: HttpRequest, filters: Query[BookQuery]) -> BookPageOut:
    person = _actor(request)
    unit = get_visible_or_404(units_visible(person), filters.unit)
    after = None
    if filters.after is not None:
        after = (
            selectors.incoming_visible(person)
            .filter(unit=unit, uuid=filters.after)
            .values_list("received_at", "id")
            .first()
        )
        if after is None:
            raise ValidationError({"after": _("Con trỏ trang không hợp lệ.")})
    rows = selectors.incoming_book(
        person,
        unit_id=unit.id,
        year=filters.year,
        status=filters.status or "",
        urgent_only=filters.urgent,
        text=filters.q,
        received_from=filters.received_from,
        received_to=filters.received_to,
        after=after,
        limit=filters.limit + 1,
    )
    more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    return BookPageOut(
        items=[_incoming_row(d) for d in rows],
        next_after=rows[-1].uuid if more else None,
    )


@router.get(
    "/den/trinh-toi",
    response={200: list[IncomingRowOut], **ERRORS},
    tags=[TAG_INCOMING],
    summary="Văn bản đến đang trình người gọi",
)
def incoming_presented_to_me(request: HttpRequest) -> list[IncomingRowOut]:
    documents = selectors.presented_to(_actor(request))[:MAX_LIST]
    return [_incoming_row(d) for d in documents]


@router.post(
    "/den",
    response={201: IncomingDetailOut, 409: DuplicateOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Vào sổ văn bản đến",
    description="Cấp số đến tiếp theo của sổ năm. Văn bản có vẻ đã vào sổ (cùng số, ký hiệu, "
    "cơ quan ban hành, năm) trả 409 kèm các bản đã có; gửi lại kèm `duplicate_reason` để vẫn "
    "vào sổ.",
)
def incoming_register(
    request: HttpRequest, payload: IncomingRegisterIn
) -> Status[IncomingDetailOut | DuplicateOut]:
    person = _actor(request)
    unit = _unit_named(payload.unit, "unit", among=units_visible(person))
    try:
        document = services_incoming.incoming_register(
            actor=person,
            unit=unit,
            medium=payload.medium,
            sender_name=payload.sender_name,
            number_symbol=payload.number_symbol,
            document_date=payload.document_date,
            subject=payload.subject,
            received_at=_aware(payload.received_at),
            page_count=payload.page_count,
            confidentiality=payload.confidentiality,
            urgency=payload.urgency,
            deadline=payload.deadline,
            recipients_note=payload.recipients_note,
            note=payload.note,
            attachments=_uploads(payload.attachments),
            duplicate_reason=payload.duplicate_reason,
            submission_id=payload.submission_id,
        )
    except DuplicateDocument as duplicate:
        return Status(409, _duplicate(person, duplicate))
    return Status(201, _incoming_detail(selectors.incoming_get_visible(person, document.uuid)))


@router.get(
    "/den/{document_uuid}",
    response={200: IncomingDetailOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Một văn bản đến: chỉ đạo, phân công, tiến độ, tệp",
    description="Mỗi lần đọc văn bản mật được ghi nhật ký.",
)
def incoming_get(request: HttpRequest, document_uuid: UUID) -> IncomingDetailOut:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services.document_read_record(actor=person, incoming=document)
    return _incoming_detail(document)


@router.post(
    "/den/{document_uuid}/trinh",
    response={200: IncomingDetailOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Trình lãnh đạo (văn thư)",
)
def incoming_present(
    request: HttpRequest, document_uuid: UUID, payload: PresentIn
) -> IncomingDetailOut:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_present(
        actor=person, document=document, leader=_person_named(payload.leader, "leader")
    )
    return _incoming_detail(selectors.incoming_get_visible(person, document_uuid))


@router.post(
    "/den/{document_uuid}/chi-dao",
    response={201: DirectionCreatedOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Cho ý kiến chỉ đạo và giao xử lý (lãnh đạo)",
)
def incoming_direct(
    request: HttpRequest, document_uuid: UUID, payload: DirectionIn
) -> Status[DirectionCreatedOut]:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    direction = services_incoming.direction_give(
        actor=person,
        document=document,
        text=payload.text,
        lead=_handler(person, payload.lead, "lead"),
        supporting=[_handler(person, h, "supporting") for h in payload.supporting],
        informed=[_handler(person, h, "informed") for h in payload.informed],
        deadline=payload.deadline,
    )
    assignments = direction.assignments.select_related(*ASSIGNMENT_RELATED).order_by("id")
    return Status(
        201,
        DirectionCreatedOut(
            **_direction(direction).model_dump(),
            assignments=[AssignmentOut(**_assignment_fields(a)) for a in assignments],
        ),
    )


@router.post(
    "/den/{document_uuid}/tra-lai",
    response={200: IncomingDetailOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Trả lại văn thư văn bản đã trình (lãnh đạo được trình)",
)
def incoming_return(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> IncomingDetailOut:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_return(actor=person, document=document, reason=payload.reason)
    return _incoming_detail(selectors.incoming_get_visible(person, document_uuid))


@router.post(
    "/den/{document_uuid}/luu",
    response={200: IncomingDetailOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Lưu để biết (lãnh đạo hoặc văn thư)",
)
def incoming_file(
    request: HttpRequest, document_uuid: UUID, payload: FileIn | None = None
) -> IncomingDetailOut:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_file(
        actor=person, document=document, note=payload.note if payload else ""
    )
    return _incoming_detail(selectors.incoming_get_visible(person, document_uuid))


@router.post(
    "/den/{document_uuid}/huy",
    response={200: IncomingDetailOut, **ERRORS},
    tags=[TAG_INCOMING],
    summary="Hủy đăng ký vào sổ nhầm (văn thư; số đến vẫn giữ trong sổ)",
)
def incoming_cancel(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> IncomingDetailOut:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_cancel(actor=person, document=document, reason=payload.reason)
    return _incoming_detail(selectors.incoming_get_visible(person, document_uuid))


# --- handling -------------------------------------------------------------------------------


class InboxQuery(Schema):
    include_done: bool = Field(False, description="Cả việc đã xong hoặc đã chuyển.")
    limit: int = Field(100, ge=1, le=MAX_LIST, description="Tối đa 200.")


class ProgressIn(Schema):
    text: CleanStr = Field(min_length=1, max_length=5000, description="Tiến độ.")


class CompleteIn(Schema):
    result: CleanStr = Field("", max_length=5000, description="Kết quả xử lý.")
    reply: UUID | None = Field(None, description="Văn bản đi đã phát hành trả lời văn bản này.")


class HandOverIn(Schema):
    to: UUID = Field(description="Đồng nghiệp nhận phần việc (hạn xử lý đi theo).")
    note: CleanStr = Field("", max_length=500, description="Ghi chú khi chuyển.")


@router.get(
    "/viec-cua-toi",
    response={200: list[InboxItemOut], **ERRORS},
    tags=[TAG_HANDLING],
    summary="Việc được giao cho người gọi, hạn gần trước",
)
def my_inbox(request: HttpRequest, filters: Query[InboxQuery]) -> list[InboxItemOut]:
    assignments = selectors.inbox(_actor(request), include_done=filters.include_done)
    page = assignments.select_related(*ASSIGNMENT_RELATED)[: filters.limit]
    return [InboxItemOut(**_assignment_fields(a), document=_incoming_row(a.document)) for a in page]


@router.get(
    "/phan-cong/{assignment_uuid}",
    response={200: AssignmentDetailOut, **ERRORS},
    tags=[TAG_HANDLING],
    summary="Một phần việc xử lý văn bản đến, với tiến độ",
)
def assignment_get(request: HttpRequest, assignment_uuid: UUID) -> AssignmentDetailOut:
    person = _actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    services.document_read_record(actor=person, incoming=assignment.document)
    return _assignment_detail(assignment)


@router.post(
    "/phan-cong/{assignment_uuid}/tien-do",
    response={201: ProgressNoteOut, **ERRORS},
    tags=[TAG_HANDLING],
    summary="Báo cáo tiến độ (người được giao)",
)
def assignment_progress(
    request: HttpRequest, assignment_uuid: UUID, payload: ProgressIn
) -> Status[ProgressNoteOut]:
    person = _actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    note = services_handling.assignment_progress(
        actor=person, assignment=assignment, text=payload.text
    )
    return Status(201, _note(note))


@router.post(
    "/phan-cong/{assignment_uuid}/hoan-thanh",
    response={200: AssignmentDetailOut, **ERRORS},
    tags=[TAG_HANDLING],
    summary="Hoàn thành phần việc, có thể kèm văn bản trả lời",
)
def assignment_complete(
    request: HttpRequest, assignment_uuid: UUID, payload: CompleteIn
) -> AssignmentDetailOut:
    person = _actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    reply = None
    if payload.reply is not None:
        reply = selectors.outgoing_visible(person).filter(uuid=payload.reply).first()
        if reply is None:
            raise ValidationError({"reply": _("Không tìm thấy văn bản đi có mã này.")})
    services_handling.assignment_complete(
        actor=person, assignment=assignment, result=payload.result, reply=reply
    )
    return _assignment_detail(selectors.assignment_get_visible(person, assignment_uuid))


@router.post(
    "/phan-cong/{assignment_uuid}/chuyen-giao",
    response={201: AssignmentDetailOut, **ERRORS},
    tags=[TAG_HANDLING],
    summary="Chuyển phần việc cho đồng nghiệp",
    description="Trả về phần việc mới của người nhận.",
)
def assignment_hand_over(
    request: HttpRequest, assignment_uuid: UUID, payload: HandOverIn
) -> Status[AssignmentDetailOut]:
    person = _actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    successor = services_handling.assignment_hand_over(
        actor=person, assignment=assignment, to=_person_named(payload.to, "to"), note=payload.note
    )
    return Status(201, _assignment_detail(selectors.assignment_get_visible(person, successor.uuid)))


# --- reception of internal deliveries -------------------------------------------------------


class SentDocumentOut(Schema):
    sender: UnitRef = Field(description="Đơn vị ban hành.")
    number_symbol: str
    issued_on: date | None
    type_name: str
    subject: str
    confidentiality: Clearance
    confidentiality_label: str
    urgency: Urgency
    urgency_label: str
    is_urgent: bool
    page_count: int | None


class ReceptionItemOut(Schema):
    uuid: UUID = Field(description="Mã lần gửi (dùng để vào sổ hoặc từ chối).")
    recipient_unit: UnitRef
    status: DeliveryStatus = Field(description="Mã trạng thái edXML: 01 đã đến, 02 từ chối…")
    status_label: str
    sent_at: datetime
    delivery_note: str
    document: SentDocumentOut


class ReceiveIn(Schema):
    received_at: Moment | None = Field(
        None, description="Ngày giờ đến; mặc định là bây giờ; không kèm múi giờ là giờ Việt Nam."
    )
    page_count: Count | None = Field(
        None, description="Số trang, chỉ khi bên gửi không ghi; có thì lấy như bên gửi."
    )
    deadline: Day | None = Field(None, description="Hạn xử lý.")
    recipients_note: CleanStr = Field(
        "", max_length=500, description="Đơn vị, người nhận; mặc định là ghi chú gửi của bên gửi."
    )
    note: CleanStr = Field("", max_length=2000, description="Ghi chú.")
    duplicate_reason: CleanStr = Field(
        "", max_length=500, description="Lý do vẫn vào sổ (sau 409)."
    )
    submission_id: UUID | None = Field(None, description="Khóa chống gửi lặp.")


def _reception_item(delivery: Delivery) -> ReceptionItemOut:
    sent = delivery.document
    return ReceptionItemOut(
        uuid=delivery.uuid,
        recipient_unit=_unit(cast(Unit, delivery.recipient_unit)),
        status=DeliveryStatus(delivery.status),
        status_label=delivery.get_status_display(),
        sent_at=delivery.sent_at,
        delivery_note=delivery.delivery_note,
        document=SentDocumentOut(
            sender=_unit(sent.unit),
            number_symbol=sent.number_symbol,
            issued_on=sent.issued_on,
            type_name=sent.type_name,
            subject=sent.subject,
            confidentiality=Clearance(sent.confidentiality),
            confidentiality_label=sent.get_confidentiality_display(),
            urgency=Urgency(sent.urgency),
            urgency_label=sent.get_urgency_display(),
            is_urgent=sent.is_urgent,
            page_count=sent.page_count,
        ),
    )


@router.get(
    "/cho-vao-so",
    response={200: list[ReceptionItemOut], **ERRORS},
    tags=[TAG_RECEPTION],
    summary="Văn bản liên thông gửi đến các đơn vị người gọi làm văn thư, chờ vào sổ",
)
def reception_queue(request: HttpRequest) -> list[ReceptionItemOut]:
    return [_reception_item(d) for d in selectors.reception_queue(_actor(request))[:MAX_LIST]]


@router.post(
    "/cho-vao-so/{delivery_uuid}/tu-choi",
    response={200: ReceptionItemOut, **ERRORS},
    tags=[TAG_RECEPTION],
    summary="Từ chối tiếp nhận (gửi nhầm, không hợp lệ): trạng thái 02 về bên gửi",
)
def delivery_refuse(
    request: HttpRequest, delivery_uuid: UUID, payload: ReasonIn
) -> ReceptionItemOut:
    person = _actor(request)
    delivery = selectors.delivery_get_for_recipient(person, delivery_uuid)
    services_delivery.delivery_refuse(actor=person, delivery=delivery, reason=payload.reason)
    return _reception_item(selectors.delivery_get_for_recipient(person, delivery_uuid))


@router.post(
    "/cho-vao-so/{delivery_uuid}/vao-so",
    response={201: IncomingDetailOut, 409: DuplicateOut, **ERRORS},
    tags=[TAG_RECEPTION],
    summary="Vào sổ văn bản đến từ văn bản liên thông",
    description="Số, ký hiệu, ngày, trích yếu, độ mật, độ khẩn và tệp lấy từ văn bản gửi; "
    "cấp số đến tiếp theo; bên gửi thấy trạng thái 03.",
)
def delivery_register(
    request: HttpRequest, delivery_uuid: UUID, payload: ReceiveIn | None = None
) -> Status[IncomingDetailOut | DuplicateOut]:
    person = _actor(request)
    delivery = selectors.delivery_get_for_recipient(person, delivery_uuid)
    payload = payload or ReceiveIn.model_validate({})
    try:
        document = services_incoming.delivery_register(
            actor=person,
            delivery=delivery,
            received_at=_aware(payload.received_at),
            page_count=payload.page_count,
            deadline=payload.deadline,
            recipients_note=payload.recipients_note,
            note=payload.note,
            duplicate_reason=payload.duplicate_reason,
            submission_id=payload.submission_id,
        )
    except DuplicateDocument as duplicate:
        return Status(409, _duplicate(person, duplicate))
    return Status(201, _incoming_detail(selectors.incoming_get_visible(person, document.uuid)))


# --- outgoing: output -----------------------------------------------------------------------


class OutgoingRowOut(Schema):
    uuid: UUID
    unit: UnitRef = Field(description="Đơn vị soạn thảo, ban hành.")
    type_symbol: str = Field(description="Ký hiệu loại văn bản: NQ, QĐ, CV…")
    type_name: str
    subject: str = Field(description="Trích yếu.")
    confidentiality: Clearance
    confidentiality_label: str
    urgency: Urgency
    urgency_label: str
    is_urgent: bool = Field(description="Khẩn trở lên: hiển thị nổi bật.")
    status: OutgoingStatus
    status_label: str
    drafter: PersonRef
    created_at: datetime
    signer: PersonRef | None
    number_symbol: str = Field(description="Số, ký hiệu, có khi đã phát hành.")
    issued_on: date | None


class ChainStepOut(Schema):
    role: str = Field(description="Vai trò duyệt, ví dụ `lanh_dao_vp`.")
    at: str = Field(description="`unit` (đơn vị soạn) hoặc `committee` (cấp ủy).")


class DecisionOut(Schema):
    uuid: UUID
    step: int
    decision: ApprovalDecision
    decision_label: str
    decided_by: PersonRef
    decided_at: datetime
    comment: str
    version: int = Field(description="Phiên bản dự thảo được duyệt hoặc trả lại.")


class DraftVersionOut(Schema):
    uuid: UUID
    version: int
    body: str
    note: str
    created_by: PersonRef
    created_at: datetime
    attachments: list[AttachmentOut]


class DeliveryEventOut(Schema):
    status: DeliveryStatus
    status_label: str
    at: datetime
    by: PersonRef | None
    description: str


class DeliveryOut(Schema):
    uuid: UUID
    recipient_unit: UnitRef | None = Field(description="Đơn vị nhận trong hệ thống.")
    external_name: str = Field(description="Hoặc nơi nhận bên ngoài.")
    delivery_note: str
    status: DeliveryStatus = Field(
        description="Mã edXML: 00 gửi ra ngoài, 01 đã đến, 02 từ chối, 03 đã vào sổ, "
        "04 đã phân công, 05 đang xử lý, 06 hoàn thành, 15 đã thu hồi."
    )
    status_label: str
    status_at: datetime
    sent_at: datetime
    events: list[DeliveryEventOut] = Field(description="Lịch sử trạng thái, cũ trước.")


class OutgoingDetailOut(OutgoingRowOut):
    status_reason: str
    chain: list[ChainStepOut] = Field(description="Các bước duyệt, cấu hình lúc trình.")
    current_step: int = Field(description="Bước duyệt hiện tại (từ 0).")
    signer_position: str
    signing_authority: SigningAuthority
    signed_at: datetime | None
    number: int | None
    issued_by: PersonRef | None
    issued_at: datetime | None
    page_count: int | None
    copies: int
    file_copy_holder: str
    reply_to: UUID | None = Field(description="Văn bản đến mà văn bản này trả lời.")
    note: str
    versions: list[DraftVersionOut] = Field(description="Các phiên bản dự thảo.")
    decisions: list[DecisionOut] = Field(description="Ý kiến duyệt, trả lại.")
    attachments: list[AttachmentOut] = Field(description="Tệp của văn bản phát hành.")
    deliveries: list[DeliveryOut] = Field(description="Nơi nhận và trạng thái.")


def _outgoing_row(document: OutgoingDocument) -> OutgoingRowOut:
    return OutgoingRowOut(
        uuid=document.uuid,
        unit=_unit(document.unit),
        type_symbol=document.type_symbol,
        type_name=document.type_name,
        subject=document.subject,
        confidentiality=Clearance(document.confidentiality),
        confidentiality_label=document.get_confidentiality_display(),
        urgency=Urgency(document.urgency),
        urgency_label=document.get_urgency_display(),
        is_urgent=document.is_urgent,
        status=OutgoingStatus(document.status),
        status_label=document.get_status_display(),
        drafter=_person(document.drafter),
        created_at=document.created_at,
        signer=_person_or_none(document.signer),
        number_symbol=document.number_symbol,
        issued_on=document.issued_on,
    )


def _decision(step: ApprovalStep) -> DecisionOut:
    return DecisionOut(
        uuid=step.uuid,
        step=step.step,
        decision=ApprovalDecision(step.decision),
        decision_label=step.get_decision_display(),
        decided_by=_person(step.decided_by),
        decided_at=step.decided_at,
        comment=step.comment,
        version=step.version.version,
    )


def _version(version: DraftVersion, document: OutgoingDocument) -> DraftVersionOut:
    return DraftVersionOut(
        uuid=version.uuid,
        version=version.version,
        body=version.body,
        note=version.note,
        created_by=_person(version.created_by),
        created_at=version.created_at,
        attachments=[_attachment(a, document) for a in version.attachments.all()],
    )


def _event(event: DeliveryEvent) -> DeliveryEventOut:
    return DeliveryEventOut(
        status=DeliveryStatus(event.status),
        status_label=event.get_status_display(),
        at=event.at,
        by=_person_or_none(event.by),
        description=event.description,
    )


def _delivery(delivery: Delivery) -> DeliveryOut:
    return DeliveryOut(
        uuid=delivery.uuid,
        recipient_unit=_unit_or_none(delivery.recipient_unit),
        external_name=delivery.external_name,
        delivery_note=delivery.delivery_note,
        status=DeliveryStatus(delivery.status),
        status_label=delivery.get_status_display(),
        status_at=delivery.status_at,
        sent_at=delivery.sent_at,
        events=[_event(e) for e in delivery.events.all()],
    )


def _outgoing_detail(document: OutgoingDocument) -> OutgoingDetailOut:
    prefetch_related_objects(
        [document],
        "issued_by",
        "reply_to",
        Prefetch(
            "versions",
            queryset=DraftVersion.objects.select_related("created_by").prefetch_related(
                _attachments_prefetch()
            ),
        ),
        Prefetch(
            "decisions", queryset=ApprovalStep.objects.select_related("decided_by", "version")
        ),
        _attachments_prefetch(),
        Prefetch(
            "deliveries",
            queryset=Delivery.objects.select_related("recipient_unit")
            .prefetch_related(
                Prefetch("events", queryset=DeliveryEvent.objects.select_related("by"))
            )
            .order_by("sent_at", "id"),
        ),
    )
    return OutgoingDetailOut(
        **_outgoing_row(document).model_dump(),
        status_reason=document.status_reason,
        chain=[ChainStepOut(role=s["role"], at=s["at"]) for s in document.chain],
        current_step=document.current_step,
        signer_position=document.signer_position,
        signing_authority=SigningAuthority(document.signing_authority),
        signed_at=document.signed_at,
        number=document.number,
        issued_by=_person_or_none(document.issued_by),
        issued_at=document.issued_at,
        page_count=document.page_count,
        copies=document.copies,
        file_copy_holder=document.file_copy_holder,
        reply_to=document.reply_to.uuid if document.reply_to else None,
        note=document.note,
        versions=[_version(v, document) for v in document.versions.all()],
        decisions=[_decision(d) for d in document.decisions.all()],
        attachments=[
            _attachment(a, document) for a in document.attachments.all() if a.version_id is None
        ],
        deliveries=[_delivery(d) for d in document.deliveries.all()],
    )


# --- outgoing: endpoints --------------------------------------------------------------------


class OutgoingCreateIn(Schema):
    unit: UUID = Field(description="Đơn vị soạn thảo (người gọi thuộc đơn vị).")
    type_symbol: CleanStr = Field(
        min_length=1, max_length=10, description="Ký hiệu loại văn bản theo quy định: NQ, CV…"
    )
    subject: CleanStr = Field(min_length=1, max_length=500, description="Trích yếu.")
    body: CleanStr = Field("", max_length=200_000, description="Nội dung dự thảo (phiên bản 1).")
    confidentiality: Clearance = Field(Clearance.UNCLASSIFIED, description="Độ mật (0–3).")
    urgency: Urgency = Field(Urgency.NORMAL, description="Độ khẩn (0–4).")
    reply_to: UUID | None = Field(None, description="Văn bản đến mà dự thảo này trả lời.")
    attachments: list[AttachmentIn] = Field([], description="Tệp của phiên bản 1.")


class ReviseIn(Schema):
    body: CleanStr = Field(max_length=200_000, description="Nội dung phiên bản mới.")
    note: CleanStr = Field("", max_length=500, description="Ghi chú phiên bản.")
    subject: CleanStr | None = Field(None, max_length=500, description="Trích yếu mới, nếu đổi.")
    attachments: list[AttachmentIn] = Field([], description="Tệp của phiên bản mới.")


class CommentIn(Schema):
    comment: CleanStr = Field("", max_length=5000, description="Ý kiến.")


class ReturnDraftIn(Schema):
    comment: CleanStr = Field(min_length=1, max_length=5000, description="Ý kiến khi trả lại.")


class SignIn(Schema):
    signer: UUID | None = Field(
        None,
        description="Người ký là chính người gọi (lãnh đạo ký); không ghi nhận thay người khác. "
        "Nếu gửi, phải là mã của người gọi.",
    )
    position: CleanStr = Field(min_length=1, max_length=100, description="Chức vụ người ký.")
    authority: SigningAuthority = Field(
        SigningAuthority.NONE, description="Thẩm quyền ký: ``, `T/M`, `K/T`, `T/L`, `TUQ`."
    )


class RecipientIn(Schema):
    unit: UUID | None = Field(None, description="Đơn vị nhận trong hệ thống (nhận liên thông).")
    external_name: CleanStr = Field("", max_length=200, description="Hoặc tên nơi nhận bên ngoài.")
    note: CleanStr = Field("", max_length=500, description="Ghi chú gửi.")

    @model_validator(mode="after")
    def _one_of(self) -> RecipientIn:
        if (self.unit is None) == (not self.external_name.strip()):
            raise ValueError("Chọn đúng một trong `unit` hoặc `external_name`.")
        return self


class IssueIn(Schema):
    recipients: list[RecipientIn] = Field(min_length=1, description="Nơi nhận.")
    issued_on: Day | None = Field(None, description="Ngày ban hành; mặc định hôm nay.")
    page_count: Count | None = Field(None, description="Số trang.")
    copies: int = Field(1, ge=1, le=10_000, description="Số lượng bản.")
    file_copy_holder: CleanStr = Field(
        "", max_length=200, description="Đơn vị, người nhận bản lưu."
    )
    attachments: list[AttachmentIn] = Field([], description="Tệp văn bản phát hành (bản ký).")


class DistributeIn(Schema):
    recipients: list[RecipientIn] = Field(min_length=1, description="Nơi nhận thêm.")


def _recipients(items: list[RecipientIn]) -> list[Recipient]:
    return [
        Recipient(
            unit=_unit_named(r.unit, "recipients") if r.unit is not None else None,
            external_name=r.external_name,
            note=r.note,
        )
        for r in items
    ]


def _outgoing_step(
    request: HttpRequest, document_uuid: UUID, action: Any, **arguments: Any
) -> OutgoingDetailOut:
    """Fetch the visible document, call one service on it, answer with its new state."""
    person = _actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    action(actor=person, document=document, **arguments)
    return _outgoing_detail(selectors.outgoing_get_visible(person, document_uuid))


@router.post(
    "/di",
    response={201: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Tạo dự thảo văn bản đi (phiên bản 1)",
)
def outgoing_create(request: HttpRequest, payload: OutgoingCreateIn) -> Status[OutgoingDetailOut]:
    person = _actor(request)
    reply_to = None
    if payload.reply_to is not None:
        reply_to = selectors.incoming_visible(person).filter(uuid=payload.reply_to).first()
        if reply_to is None:
            raise ValidationError({"reply_to": _("Không tìm thấy văn bản đến có mã này.")})
    document = services_outgoing.outgoing_create(
        actor=person,
        unit=_unit_named(payload.unit, "unit", among=units_visible(person)),
        type_symbol=payload.type_symbol,
        subject=payload.subject,
        body=payload.body,
        confidentiality=payload.confidentiality,
        urgency=payload.urgency,
        reply_to=reply_to,
        attachments=_uploads(payload.attachments),
    )
    return Status(201, _outgoing_detail(selectors.outgoing_get_visible(person, document.uuid)))


@router.get(
    "/di/cho-toi-duyet",
    response={200: list[OutgoingRowOut], **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Dự thảo đang chờ người gọi duyệt ở bước hiện tại",
)
def outgoing_awaiting_my_approval(request: HttpRequest) -> list[OutgoingRowOut]:
    drafts = selectors.awaiting_my_approval(_actor(request))[:MAX_LIST]
    prefetch_related_objects(drafts, "signer")
    return [_outgoing_row(d) for d in drafts]


@router.get(
    "/di/cho-phat-hanh",
    response={200: list[OutgoingRowOut], **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Văn bản đã ký chờ văn thư cấp số, phát hành",
)
def outgoing_awaiting_issue(request: HttpRequest) -> list[OutgoingRowOut]:
    documents = selectors.awaiting_issue(_actor(request)).select_related("drafter")[:MAX_LIST]
    return [_outgoing_row(d) for d in documents]


@router.get(
    "/di/{document_uuid}",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Một văn bản đi: phiên bản, ý kiến duyệt, nơi nhận và trạng thái",
    description="Mỗi lần đọc văn bản mật được ghi nhật ký.",
)
def outgoing_get(request: HttpRequest, document_uuid: UUID) -> OutgoingDetailOut:
    person = _actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    services.document_read_record(actor=person, outgoing=document)
    return _outgoing_detail(document)


@router.post(
    "/di/{document_uuid}/phien-ban",
    response={201: DraftVersionOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Sửa dự thảo: phiên bản mới (người soạn, khi dự thảo hoặc bị trả lại)",
)
def outgoing_revise(
    request: HttpRequest, document_uuid: UUID, payload: ReviseIn
) -> Status[DraftVersionOut]:
    person = _actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    version = services_outgoing.draft_revise(
        actor=person,
        document=document,
        body=payload.body,
        note=payload.note,
        subject=payload.subject,
        attachments=_uploads(payload.attachments),
    )
    prefetch_related_objects([version], "created_by", _attachments_prefetch())
    return Status(201, _version(version, document))


@router.post(
    "/di/{document_uuid}/trinh",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Trình duyệt dự thảo (người soạn)",
)
def outgoing_submit(request: HttpRequest, document_uuid: UUID) -> OutgoingDetailOut:
    return _outgoing_step(request, document_uuid, services_outgoing.outgoing_submit)


@router.post(
    "/di/{document_uuid}/duyet",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Duyệt dự thảo ở bước hiện tại",
)
def outgoing_approve(
    request: HttpRequest, document_uuid: UUID, payload: CommentIn | None = None
) -> OutgoingDetailOut:
    return _outgoing_step(
        request,
        document_uuid,
        services_outgoing.outgoing_approve,
        comment=payload.comment if payload else "",
    )


@router.post(
    "/di/{document_uuid}/tra-lai",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Trả lại dự thảo cho người soạn, kèm ý kiến",
)
def outgoing_return(
    request: HttpRequest, document_uuid: UUID, payload: ReturnDraftIn
) -> OutgoingDetailOut:
    return _outgoing_step(
        request, document_uuid, services_outgoing.outgoing_return, comment=payload.comment
    )


@router.post(
    "/di/{document_uuid}/ky",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Ký văn bản đã duyệt (lãnh đạo đơn vị hoặc cấp ủy, chính người ký)",
)
def outgoing_sign(request: HttpRequest, document_uuid: UUID, payload: SignIn) -> OutgoingDetailOut:
    person = _actor(request)
    if payload.signer is not None and payload.signer != person.uuid:
        raise ValidationError(
            {"signer": _("Chỉ người ký mới ký được; không ghi nhận chữ ký thay người khác.")}
        )
    return _outgoing_step(
        request,
        document_uuid,
        services_outgoing.outgoing_sign,
        position=payload.position,
        authority=payload.authority,
    )


@router.post(
    "/di/{document_uuid}/phat-hanh",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Cấp số, ngày và phát hành văn bản đã ký, gửi nơi nhận (văn thư)",
    description="Đơn vị nhận trong hệ thống thấy văn bản trong hàng chờ vào sổ của mình.",
)
def outgoing_issue(
    request: HttpRequest, document_uuid: UUID, payload: IssueIn
) -> OutgoingDetailOut:
    return _outgoing_step(
        request,
        document_uuid,
        services_outgoing.outgoing_issue,
        recipients=_recipients(payload.recipients),
        issued_on=payload.issued_on,
        page_count=payload.page_count,
        copies=payload.copies,
        file_copy_holder=payload.file_copy_holder,
        attachments=_uploads(payload.attachments),
    )


@router.post(
    "/di/{document_uuid}/gui",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Gửi thêm nơi nhận cho văn bản đã phát hành (văn thư)",
)
def outgoing_distribute(
    request: HttpRequest, document_uuid: UUID, payload: DistributeIn
) -> OutgoingDetailOut:
    return _outgoing_step(
        request,
        document_uuid,
        services_delivery.outgoing_distribute,
        recipients=_recipients(payload.recipients),
    )


@router.post(
    "/di/{document_uuid}/thu-hoi",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Thu hồi văn bản đã phát hành: bản của nơi nhận bị đóng băng (văn thư)",
)
def outgoing_recall(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> OutgoingDetailOut:
    return _outgoing_step(
        request, document_uuid, services_delivery.outgoing_recall, reason=payload.reason
    )


@router.post(
    "/di/{document_uuid}/huy",
    response={200: OutgoingDetailOut, **ERRORS},
    tags=[TAG_OUTGOING],
    summary="Hủy dự thảo chưa phát hành (người soạn hoặc lãnh đạo)",
)
def outgoing_cancel(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> OutgoingDetailOut:
    return _outgoing_step(
        request, document_uuid, services_outgoing.outgoing_cancel, reason=payload.reason
    )


# --- files ----------------------------------------------------------------------------------


def _file_response(
    person: Person,
    attachments: QuerySet[Attachment],
    attachment_uuid: UUID,
    *,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
) -> FileResponse:
    attachment = get_visible_or_404(attachments.select_related("file"), attachment_uuid)
    services.document_read_record(actor=person, incoming=incoming, outgoing=outgoing)
    return download(attachment.file, attachment.filename)


FILE_RESPONSE: dict[str, Any] = {
    "responses": {
        "200": {
            "description": "Nội dung tệp.",
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    }
}


@router.get(
    "/den/{document_uuid}/tep/{attachment_uuid}",
    response={**ERRORS},
    tags=[TAG_FILES],
    url_name="documents_incoming_attachment",
    summary="Tải tệp của văn bản đến (nội dung gốc, không sửa đổi)",
    description="Cùng quyền xem như văn bản; tải tệp của văn bản mật được ghi nhật ký.",
    openapi_extra=FILE_RESPONSE,
)
def incoming_attachment(
    request: HttpRequest, document_uuid: UUID, attachment_uuid: UUID
) -> FileResponse:
    person = _actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    return _file_response(person, document.attachments.all(), attachment_uuid, incoming=document)


@router.get(
    "/di/{document_uuid}/tep/{attachment_uuid}",
    response={**ERRORS},
    tags=[TAG_FILES],
    url_name="documents_outgoing_attachment",
    summary="Tải tệp của văn bản đi hoặc của một phiên bản dự thảo",
    description="Cùng quyền xem như văn bản; tải tệp của văn bản mật được ghi nhật ký.",
    openapi_extra=FILE_RESPONSE,
)
def outgoing_attachment(
    request: HttpRequest, document_uuid: UUID, attachment_uuid: UUID
) -> FileResponse:
    person = _actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    return _file_response(person, document.attachments.all(), attachment_uuid, outgoing=document)


# --- registers and statistics ---------------------------------------------------------------


class PeriodQuery(Schema):
    start: Day | None = Field(None, description="Từ ngày; mặc định ngày 1/1 của năm `end`.")
    end: Day | None = Field(None, description="Đến hết ngày; mặc định hôm nay.")

    def period(self) -> registers.Period:
        end = self.end or timezone.localdate()
        start = self.start or date(end.year, 1, 1)
        if start > end:
            raise ValidationError({"end": _("Ngày cuối phải sau hoặc bằng ngày đầu.")})
        return registers.Period(start, end)


class RegisterQuery(PeriodQuery):
    unit: UUID = Field(description="Đơn vị có sổ.")
    format: Literal["xlsx", "pdf"] = Field(description="Định dạng tệp: `xlsx` hoặc `pdf`.")


class StatsQuery(PeriodQuery):
    unit: UUID | None = Field(
        None, description="Chỉ đơn vị này và các đơn vị trực thuộc; mặc định mọi đơn vị được xem."
    )


class TallyOut(Schema):
    on_time: int = Field(description="Hoàn thành đúng hạn.")
    late: int = Field(description="Hoàn thành trễ hạn.")
    open: int = Field(description="Đang xử lý, chưa quá hạn.")
    overdue: int = Field(description="Đang xử lý, đã quá hạn.")
    total: int


class StatsLineOut(Schema):
    uuid: UUID = Field(description="Mã đơn vị hoặc cán bộ.")
    name: str
    tally: TallyOut


class HandlingStatsOut(Schema):
    start: date
    end: date
    today: date = Field(description="Ngày tính quá hạn.")
    total: TallyOut
    by_unit: list[StatsLineOut] = Field(description="Theo đơn vị có sổ văn bản đến.")
    by_person: list[StatsLineOut] = Field(
        description="Theo cán bộ được giao (không gồm giao đơn vị)."
    )


def _tally_out(tally: stats.Tally) -> TallyOut:
    return TallyOut(
        on_time=tally.on_time,
        late=tally.late,
        open=tally.open,
        overdue=tally.overdue,
        total=tally.total,
    )


@router.get(
    "/so-sach/{kind}",
    response={**ERRORS},
    tags=[TAG_REPORTS],
    summary="Tải sổ theo Phụ lục IV Nghị định 30 (XLSX hoặc PDF)",
    description="`kind`: `den` (sổ văn bản đến), `di` (sổ văn bản đi), `theo-doi` (sổ theo dõi "
    "giải quyết văn bản đến). Chỉ liệt kê văn bản người gọi được xem; tệp có văn bản mật được "
    "ghi nhật ký như một lần đọc các văn bản đó.",
    openapi_extra=FILE_RESPONSE,
)
def register_download(
    request: HttpRequest, kind: registers.Kind, filters: Query[RegisterQuery]
) -> HttpResponse:
    person = _actor(request)
    unit = registers.report_unit_get(person, filters.unit)
    period = filters.period()
    content = services.register_export(
        actor=person, kind=kind, unit=unit, period=period, file_format=filters.format
    )
    response = HttpResponse(content, content_type=registers.CONTENT_TYPES[filters.format])
    name = registers.filename(kind, unit, period, filters.format)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=name) or "attachment"
    )
    return response


@router.get(
    "/thong-ke",
    response={200: HandlingStatsOut, **ERRORS},
    tags=[TAG_REPORTS],
    summary="Thống kê giải quyết văn bản đến theo đơn vị và theo cán bộ",
    description="Phần việc (chủ trì, phối hợp) giao trong kỳ: đúng hạn, trễ hạn, đang xử lý, "
    "quá hạn; chỉ văn bản người gọi được xem.",
)
def handling_stats(request: HttpRequest, filters: Query[StatsQuery]) -> HandlingStatsOut:
    person = _actor(request)
    unit = registers.report_unit_get(person, filters.unit) if filters.unit else None
    found = stats.handling_stats(person, unit=unit, period=filters.period())
    return HandlingStatsOut(
        start=found.period.start,
        end=found.period.end,
        today=found.today,
        total=_tally_out(found.total),
        by_unit=[
            StatsLineOut(uuid=line.uuid, name=line.name, tally=_tally_out(line.tally))
            for line in found.by_unit
        ],
        by_person=[
            StatsLineOut(uuid=line.uuid, name=line.name, tally=_tally_out(line.tally))
            for line in found.by_person
        ],
    )
