"""Reception of documents sent inside the installation: the queue of deliveries awaiting
registration, refusing one, and registering one in the incoming book."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import UnitRef
from vanphong.core.inputs import CleanStr, Count, Day, Moment
from vanphong.documents import selectors, services_delivery, services_incoming
from vanphong.documents.api.incoming import DuplicateOut, IncomingDetailOut, detail, duplicate
from vanphong.documents.api.inputs import MAX_LIST, ReasonIn, aware
from vanphong.documents.models import Delivery, DeliveryStatus, IncomingDocument, Urgency
from vanphong.documents.services_incoming import DuplicateDocument
from vanphong.org.models import Clearance

router = Router(tags=["tiếp nhận văn bản liên thông"])


class SentDocumentOut(Schema):
    sender: UnitRef = Field(alias="unit", description="Đơn vị ban hành.")
    number_symbol: str
    issued_on: date | None
    type_name: str
    subject: str
    confidentiality: Clearance
    confidentiality_label: str = Field(alias="get_confidentiality_display")
    urgency: Urgency
    urgency_label: str = Field(alias="get_urgency_display")
    is_urgent: bool
    page_count: int | None


class ReceptionItemOut(Schema):
    uuid: UUID = Field(description="Mã lần gửi (dùng để vào sổ hoặc từ chối).")
    recipient_unit: UnitRef = Field(description="Nơi nhận ghi trên văn bản (ví dụ một cấp ủy).")
    receiving_unit: UnitRef = Field(
        description="Đơn vị tiếp nhận và vào sổ (ví dụ Văn phòng của cấp ủy đó)."
    )
    status: DeliveryStatus = Field(description="Mã trạng thái edXML: 01 đã đến, 02 từ chối…")
    status_label: str = Field(alias="get_status_display")
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


@router.get(
    "/cho-vao-so",
    response={200: list[ReceptionItemOut], **ERRORS},
    summary="Văn bản liên thông gửi đến các đơn vị người gọi làm văn thư, chờ vào sổ",
)
def reception_queue(request: HttpRequest) -> list[Delivery]:
    return list(selectors.reception_queue(actor(request))[:MAX_LIST])


@router.post(
    "/cho-vao-so/{delivery_uuid}/tu-choi",
    response={200: ReceptionItemOut, **ERRORS},
    summary="Từ chối tiếp nhận (gửi nhầm, không hợp lệ): trạng thái 02 về bên gửi",
)
def delivery_refuse(request: HttpRequest, delivery_uuid: UUID, payload: ReasonIn) -> Delivery:
    person = actor(request)
    delivery = selectors.delivery_get_for_recipient(person, delivery_uuid)
    services_delivery.delivery_refuse(actor=person, delivery=delivery, reason=payload.reason)
    return selectors.delivery_get_for_recipient(person, delivery_uuid)


@router.post(
    "/cho-vao-so/{delivery_uuid}/vao-so",
    response={201: IncomingDetailOut, 409: DuplicateOut, **ERRORS},
    summary="Vào sổ văn bản đến từ văn bản liên thông",
    description="Số, ký hiệu, ngày, trích yếu, độ mật, độ khẩn và tệp lấy từ văn bản gửi; "
    "cấp số đến tiếp theo; bên gửi thấy trạng thái 03.",
)
def delivery_register(
    request: HttpRequest, delivery_uuid: UUID, payload: ReceiveIn | None = None
) -> Status[IncomingDocument | DuplicateOut]:
    person = actor(request)
    delivery = selectors.delivery_get_for_recipient(person, delivery_uuid)
    payload = payload or ReceiveIn.model_validate({})
    try:
        document = services_incoming.delivery_register(
            actor=person,
            delivery=delivery,
            received_at=aware(payload.received_at),
            page_count=payload.page_count,
            deadline=payload.deadline,
            recipients_note=payload.recipients_note,
            note=payload.note,
            duplicate_reason=payload.duplicate_reason,
            submission_id=payload.submission_id,
        )
    except DuplicateDocument as error:
        return Status(409, duplicate(person, error))
    return Status(201, detail(person, document.uuid))
