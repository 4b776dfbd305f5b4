"""Incoming documents: the book, registration, presentation to a leader, directions, and
returning, filing or cancelling; the answers describing a document and its handling."""

from __future__ import annotations

from datetime import date, datetime
from typing import cast
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import model_validator

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS, InvalidOut
from vanphong.api.refs import PersonRef, UnitRef, person_named, unit_named
from vanphong.api.uploads import AttachmentIn, decoded
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr, Count, Day, Moment, Year
from vanphong.documents import selectors, services, services_incoming, workflow
from vanphong.documents.api import prefetch
from vanphong.documents.api.files import AttachmentOut
from vanphong.documents.api.inputs import MAX_LIST, ReasonIn, aware
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    Direction,
    IncomingDocument,
    IncomingStatus,
    Medium,
    Urgency,
)
from vanphong.documents.services import Upload
from vanphong.documents.services_incoming import DuplicateDocument, Handler
from vanphong.org.models import Clearance, Person
from vanphong.org.selectors import units_visible

router = Router(tags=["văn bản đến"])


# --- output ---------------------------------------------------------------------------------


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
    confidentiality_label: str = Field(alias="get_confidentiality_display")
    urgency: Urgency = Field(
        description="Độ khẩn (mã edXML): 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, "
        "4 Hỏa tốc hẹn giờ."
    )
    urgency_label: str = Field(alias="get_urgency_display")
    is_urgent: bool = Field(description="Khẩn trở lên: hiển thị nổi bật.")
    deadline: date | None = Field(description="Hạn xử lý.")
    status: IncomingStatus
    status_label: str = Field(alias="get_status_display")


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
    role_label: str = Field(alias="get_role_display")
    deadline: date | None
    status: AssignmentStatus
    status_label: str = Field(alias="get_status_display")
    assigned_by: PersonRef
    assigned_at: datetime
    completed_at: datetime | None
    result: str = Field(description="Kết quả xử lý (hoặc ghi chú khi chuyển người khác).")
    reply: UUID | None = Field(description="Văn bản đi trả lời.")
    handed_to: UUID | None = Field(description="Phần việc của người được chuyển giao.")

    @staticmethod
    def resolve_direction(assignment: Assignment) -> UUID | None:
        return assignment.direction.uuid if assignment.direction else None

    @staticmethod
    def resolve_reply(assignment: Assignment) -> UUID | None:
        return assignment.reply.uuid if assignment.reply else None

    @staticmethod
    def resolve_handed_to(assignment: Assignment) -> UUID | None:
        return assignment.handed_to.uuid if assignment.handed_to else None


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

    @staticmethod
    def resolve_duplicate_of(document: IncomingDocument) -> UUID | None:
        return document.duplicate_of.uuid if document.duplicate_of else None


class BookPageOut(Schema):
    items: list[IncomingRowOut] = Field(description="Mới đến trước.")
    next_after: UUID | None = Field(
        description="Truyền vào `after` để lấy trang sau; null khi đã hết sổ."
    )


class DirectionCreatedOut(DirectionOut):
    assignments: list[AssignmentOut]


class DuplicateEntryOut(Schema):
    uuid: UUID = Field(description="Mã của văn bản đến đã vào sổ trước đó.")
    number: int = Field(description="Số đến của bản đã vào sổ.")
    year: int = Field(description="Năm của sổ.")


class DuplicateOut(InvalidOut):
    existing: list[DuplicateEntryOut] = Field(description="Các bản đã vào sổ trùng văn bản này.")
    hint: str = Field(description="Cách vẫn vào sổ: gửi lại kèm `duplicate_reason`.")


def duplicate(person: Person, error: DuplicateDocument) -> DuplicateOut:
    """The 409 answer: the earlier registrations the caller may see (as the page lists them)."""
    shown = selectors.incoming_visible(person).filter(pk__in=[d.pk for d in error.existing])
    return DuplicateOut(
        detail=" ".join(error.messages),
        errors=error.message_dict,
        existing=[DuplicateEntryOut.model_validate(d) for d in shown.order_by("year", "number")],
        hint=_("Nếu đúng là cần vào sổ lần nữa, gửi lại yêu cầu kèm `duplicate_reason` (lý do)."),
    )


def detail(person: Person, document_uuid: UUID) -> IncomingDocument:
    """The document as the detail answer reads it, fetched again after a service changed it."""
    return prefetch.incoming_with_handling(selectors.incoming_get_visible(person, document_uuid))


# --- input ----------------------------------------------------------------------------------


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


def _colleague_named(person: Person, uuid: UUID, field: str) -> Person:
    """A person a direction may name (`workflow.nameable_people`): being named opens the
    document to them, so nobody outside the caller's units."""
    named = workflow.nameable_people(person).filter(uuid=uuid).first()
    if named is None:
        raise ValidationError({field: _("Không tìm thấy cán bộ có mã này trong đơn vị của bạn.")})
    return named


def _handler(person: Person, handler: HandlerIn, field: str) -> Handler:
    if handler.person is not None:
        return Handler(person=_colleague_named(person, handler.person, field))
    return Handler(unit=unit_named(cast(UUID, handler.unit), field))


# --- endpoints ------------------------------------------------------------------------------


@router.get(
    "/den",
    response={200: BookPageOut, **ERRORS},
    summary="Sổ văn bản đến của một đơn vị (phân trang theo con trỏ)",
)
def incoming_book(request: HttpRequest, filters: Query[BookQuery]) -> dict[str, object]:
    person = actor(request)
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
    return {"items": rows, "next_after": rows[-1].uuid if more else None}


@router.get(
    "/den/trinh-toi",
    response={200: list[IncomingRowOut], **ERRORS},
    summary="Văn bản đến đang trình người gọi",
)
def incoming_presented_to_me(request: HttpRequest) -> list[IncomingDocument]:
    return list(selectors.presented_to(actor(request))[:MAX_LIST])


@router.post(
    "/den",
    response={201: IncomingDetailOut, 409: DuplicateOut, **ERRORS},
    summary="Vào sổ văn bản đến",
    description="Cấp số đến tiếp theo của sổ năm. Văn bản có vẻ đã vào sổ (cùng số, ký hiệu, "
    "cơ quan ban hành, năm) trả 409 kèm các bản đã có; gửi lại kèm `duplicate_reason` để vẫn "
    "vào sổ.",
)
def incoming_register(
    request: HttpRequest, payload: IncomingRegisterIn
) -> Status[IncomingDocument | DuplicateOut]:
    person = actor(request)
    unit = unit_named(payload.unit, "unit", among=units_visible(person))
    try:
        document = services_incoming.incoming_register(
            actor=person,
            unit=unit,
            medium=payload.medium,
            sender_name=payload.sender_name,
            number_symbol=payload.number_symbol,
            document_date=payload.document_date,
            subject=payload.subject,
            received_at=aware(payload.received_at),
            page_count=payload.page_count,
            confidentiality=payload.confidentiality,
            urgency=payload.urgency,
            deadline=payload.deadline,
            recipients_note=payload.recipients_note,
            note=payload.note,
            attachments=[Upload(*file) for file in decoded(payload.attachments)],
            duplicate_reason=payload.duplicate_reason,
            submission_id=payload.submission_id,
        )
    except DuplicateDocument as error:
        return Status(409, duplicate(person, error))
    return Status(201, detail(person, document.uuid))


@router.get(
    "/den/{document_uuid}",
    response={200: IncomingDetailOut, **ERRORS},
    summary="Một văn bản đến: chỉ đạo, phân công, tiến độ, tệp",
    description="Mỗi lần đọc văn bản mật được ghi nhật ký.",
)
def incoming_get(request: HttpRequest, document_uuid: UUID) -> IncomingDocument:
    person = actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services.document_read_record(actor=person, incoming=document)
    return prefetch.incoming_with_handling(document)


@router.post(
    "/den/{document_uuid}/trinh",
    response={200: IncomingDetailOut, **ERRORS},
    summary="Trình lãnh đạo (văn thư)",
)
def incoming_present(
    request: HttpRequest, document_uuid: UUID, payload: PresentIn
) -> IncomingDocument:
    person = actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_present(
        actor=person, document=document, leader=person_named(payload.leader, "leader")
    )
    return detail(person, document_uuid)


@router.post(
    "/den/{document_uuid}/chi-dao",
    response={201: DirectionCreatedOut, **ERRORS},
    summary="Cho ý kiến chỉ đạo và giao xử lý (lãnh đạo)",
)
def incoming_direct(
    request: HttpRequest, document_uuid: UUID, payload: DirectionIn
) -> Status[Direction]:
    person = actor(request)
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
    return Status(201, prefetch.direction_with_assignments(direction))


@router.post(
    "/den/{document_uuid}/tra-lai",
    response={200: IncomingDetailOut, **ERRORS},
    summary="Trả lại văn thư văn bản đã trình (lãnh đạo được trình)",
)
def incoming_return(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> IncomingDocument:
    person = actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_return(actor=person, document=document, reason=payload.reason)
    return detail(person, document_uuid)


@router.post(
    "/den/{document_uuid}/luu",
    response={200: IncomingDetailOut, **ERRORS},
    summary="Lưu để biết (lãnh đạo hoặc văn thư)",
)
def incoming_file(
    request: HttpRequest, document_uuid: UUID, payload: FileIn | None = None
) -> IncomingDocument:
    person = actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_file(
        actor=person, document=document, note=payload.note if payload else ""
    )
    return detail(person, document_uuid)


@router.post(
    "/den/{document_uuid}/huy",
    response={200: IncomingDetailOut, **ERRORS},
    summary="Hủy đăng ký vào sổ nhầm (văn thư; số đến vẫn giữ trong sổ)",
)
def incoming_cancel(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> IncomingDocument:
    person = actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    services_incoming.incoming_cancel(actor=person, document=document, reason=payload.reason)
    return detail(person, document_uuid)
