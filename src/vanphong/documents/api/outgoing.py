"""Outgoing documents: drafting, versions, the approval chain, signing, numbering and issue,
distribution to recipients, recall and cancelling; the answer describing a document's history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import model_validator

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, unit_named
from vanphong.api.uploads import AttachmentIn, decoded
from vanphong.core.inputs import CleanStr, Count, Day
from vanphong.documents import selectors, services, services_delivery, services_outgoing
from vanphong.documents.api import prefetch
from vanphong.documents.api.files import AttachmentOut
from vanphong.documents.api.inputs import MAX_LIST, ReasonIn
from vanphong.documents.models import (
    ApprovalDecision,
    Attachment,
    DeliveryStatus,
    DraftVersion,
    OutgoingDocument,
    OutgoingStatus,
    SigningAuthority,
    Urgency,
)
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Clearance
from vanphong.org.selectors import units_visible

router = Router(tags=["văn bản đi"])


# --- output ---------------------------------------------------------------------------------


class OutgoingRowOut(Schema):
    uuid: UUID
    unit: UnitRef = Field(description="Đơn vị soạn thảo, ban hành.")
    type_symbol: str = Field(description="Ký hiệu loại văn bản: NQ, QĐ, CV…")
    type_name: str
    subject: str = Field(description="Trích yếu.")
    confidentiality: Clearance
    confidentiality_label: str = Field(alias="get_confidentiality_display")
    urgency: Urgency
    urgency_label: str = Field(alias="get_urgency_display")
    is_urgent: bool = Field(description="Khẩn trở lên: hiển thị nổi bật.")
    status: OutgoingStatus
    status_label: str = Field(alias="get_status_display")
    drafter: PersonRef
    created_at: datetime
    signer: PersonRef | None
    number_symbol: str = Field(description="Số, ký hiệu, có khi đã phát hành.")
    issued_on: date | None


class ChainStepOut(Schema):
    role: str = Field(description="Vai trò duyệt, ví dụ `office_leader`.")
    at: str = Field(description="`unit` (đơn vị soạn) hoặc `committee` (cấp ủy).")


class DecisionOut(Schema):
    uuid: UUID
    step: int
    decision: ApprovalDecision
    decision_label: str = Field(alias="get_decision_display")
    decided_by: PersonRef
    decided_at: datetime
    comment: str
    version: int = Field(
        alias="version.version", description="Phiên bản dự thảo được duyệt hoặc trả lại."
    )


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
    status_label: str = Field(alias="get_status_display")
    at: datetime
    by: PersonRef | None
    description: str


class DeliveryOut(Schema):
    uuid: UUID
    recipient_unit: UnitRef | None = Field(description="Đơn vị nhận trong hệ thống.")
    receiving_unit: UnitRef | None = Field(
        description="Đơn vị tiếp nhận văn bản cho nơi nhận (văn thư của đơn vị này vào sổ): "
        "Văn phòng của cấp ủy khi gửi cấp ủy; chính nơi nhận khi đơn vị tự tiếp nhận."
    )
    external_name: str = Field(description="Hoặc nơi nhận bên ngoài.")
    delivery_note: str
    status: DeliveryStatus = Field(
        description="Mã edXML: 00 gửi ra ngoài, 01 đã đến, 02 từ chối, 03 đã vào sổ, "
        "04 đã phân công, 05 đang xử lý, 06 hoàn thành, 15 đã thu hồi."
    )
    status_label: str = Field(alias="get_status_display")
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

    @staticmethod
    def resolve_reply_to(document: OutgoingDocument) -> UUID | None:
        return document.reply_to.uuid if document.reply_to else None

    @staticmethod
    def resolve_attachments(document: OutgoingDocument) -> list[Attachment]:
        """The issued document's own files; a draft version's files are listed with it."""
        return [a for a in document.attachments.all() if a.version_id is None]


# --- input ----------------------------------------------------------------------------------


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
    backdate_reason: CleanStr = Field(
        "",
        max_length=500,
        description="Lý do cấp số lùi ngày: chỉ Chánh Văn phòng, khi ngày ban hành trước ngày "
        "của số đã cấp trước trong sổ (không có thì bị từ chối, 422).",
    )


class DistributeIn(Schema):
    recipients: list[RecipientIn] = Field(min_length=1, description="Nơi nhận thêm.")


def _recipients(items: list[RecipientIn]) -> list[Recipient]:
    return [
        Recipient(
            unit=unit_named(r.unit, "recipients") if r.unit is not None else None,
            external_name=r.external_name,
            note=r.note,
        )
        for r in items
    ]


def _uploads(items: list[AttachmentIn]) -> list[Upload]:
    return [Upload(*file) for file in decoded(items)]


def _outgoing_step(
    request: HttpRequest, document_uuid: UUID, action: Callable[..., Any], **arguments: Any
) -> OutgoingDocument:
    """Fetch the visible document, call one service on it, answer with its new state."""
    person = actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    action(actor=person, document=document, **arguments)
    return prefetch.outgoing_with_history(selectors.outgoing_get_visible(person, document_uuid))


# --- endpoints ------------------------------------------------------------------------------


@router.post(
    "/di",
    response={201: OutgoingDetailOut, **ERRORS},
    summary="Tạo dự thảo văn bản đi (phiên bản 1)",
)
def outgoing_create(request: HttpRequest, payload: OutgoingCreateIn) -> Status[OutgoingDocument]:
    person = actor(request)
    reply_to = None
    if payload.reply_to is not None:
        reply_to = selectors.incoming_visible(person).filter(uuid=payload.reply_to).first()
        if reply_to is None:
            raise ValidationError({"reply_to": _("Không tìm thấy văn bản đến có mã này.")})
    document = services_outgoing.outgoing_create(
        actor=person,
        unit=unit_named(payload.unit, "unit", among=units_visible(person)),
        type_symbol=payload.type_symbol,
        subject=payload.subject,
        body=payload.body,
        confidentiality=payload.confidentiality,
        urgency=payload.urgency,
        reply_to=reply_to,
        attachments=_uploads(payload.attachments),
    )
    return Status(
        201, prefetch.outgoing_with_history(selectors.outgoing_get_visible(person, document.uuid))
    )


@router.get(
    "/di/cho-toi-duyet",
    response={200: list[OutgoingRowOut], **ERRORS},
    summary="Dự thảo đang chờ người gọi duyệt ở bước hiện tại",
)
def outgoing_awaiting_my_approval(request: HttpRequest) -> list[OutgoingDocument]:
    drafts = selectors.awaiting_my_approval(actor(request))[:MAX_LIST]
    prefetch_related_objects(drafts, "signer")
    return drafts


@router.get(
    "/di/cho-phat-hanh",
    response={200: list[OutgoingRowOut], **ERRORS},
    summary="Văn bản đã ký chờ văn thư cấp số, phát hành",
)
def outgoing_awaiting_issue(request: HttpRequest) -> list[OutgoingDocument]:
    documents = selectors.awaiting_issue(actor(request)).select_related("drafter")[:MAX_LIST]
    return list(documents)


@router.get(
    "/di/{document_uuid}",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Một văn bản đi: phiên bản, ý kiến duyệt, nơi nhận và trạng thái",
    description="Mỗi lần đọc văn bản mật được ghi nhật ký.",
)
def outgoing_get(request: HttpRequest, document_uuid: UUID) -> OutgoingDocument:
    person = actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    services.document_read_record(actor=person, outgoing=document)
    return prefetch.outgoing_with_history(document)


@router.post(
    "/di/{document_uuid}/phien-ban",
    response={201: DraftVersionOut, **ERRORS},
    summary="Sửa dự thảo: phiên bản mới (người soạn, khi dự thảo hoặc bị trả lại)",
)
def outgoing_revise(
    request: HttpRequest, document_uuid: UUID, payload: ReviseIn
) -> Status[DraftVersion]:
    person = actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    version = services_outgoing.draft_revise(
        actor=person,
        document=document,
        body=payload.body,
        note=payload.note,
        subject=payload.subject,
        attachments=_uploads(payload.attachments),
    )
    return Status(201, prefetch.version_with_files(version))


@router.post(
    "/di/{document_uuid}/trinh",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Trình duyệt dự thảo (người soạn)",
)
def outgoing_submit(request: HttpRequest, document_uuid: UUID) -> OutgoingDocument:
    return _outgoing_step(request, document_uuid, services_outgoing.outgoing_submit)


@router.post(
    "/di/{document_uuid}/duyet",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Duyệt dự thảo ở bước hiện tại",
)
def outgoing_approve(
    request: HttpRequest, document_uuid: UUID, payload: CommentIn | None = None
) -> OutgoingDocument:
    return _outgoing_step(
        request,
        document_uuid,
        services_outgoing.outgoing_approve,
        comment=payload.comment if payload else "",
    )


@router.post(
    "/di/{document_uuid}/tra-lai",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Trả lại dự thảo cho người soạn, kèm ý kiến",
)
def outgoing_return(
    request: HttpRequest, document_uuid: UUID, payload: ReturnDraftIn
) -> OutgoingDocument:
    return _outgoing_step(
        request, document_uuid, services_outgoing.outgoing_return, comment=payload.comment
    )


@router.post(
    "/di/{document_uuid}/ky",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Ký văn bản đã duyệt (lãnh đạo đơn vị hoặc cấp ủy, chính người ký)",
)
def outgoing_sign(request: HttpRequest, document_uuid: UUID, payload: SignIn) -> OutgoingDocument:
    person = actor(request)
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
    summary="Cấp số, ngày và phát hành văn bản đã ký, gửi nơi nhận (văn thư)",
    description="Đơn vị nhận trong hệ thống thấy văn bản trong hàng chờ vào sổ của mình.",
)
def outgoing_issue(request: HttpRequest, document_uuid: UUID, payload: IssueIn) -> OutgoingDocument:
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
        backdate_reason=payload.backdate_reason,
    )


@router.post(
    "/di/{document_uuid}/gui",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Gửi thêm nơi nhận cho văn bản đã phát hành (văn thư)",
)
def outgoing_distribute(
    request: HttpRequest, document_uuid: UUID, payload: DistributeIn
) -> OutgoingDocument:
    return _outgoing_step(
        request,
        document_uuid,
        services_delivery.outgoing_distribute,
        recipients=_recipients(payload.recipients),
    )


@router.post(
    "/di/{document_uuid}/thu-hoi",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Thu hồi văn bản đã phát hành: bản của nơi nhận bị đóng băng (văn thư)",
)
def outgoing_recall(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> OutgoingDocument:
    return _outgoing_step(
        request, document_uuid, services_delivery.outgoing_recall, reason=payload.reason
    )


@router.post(
    "/di/{document_uuid}/huy",
    response={200: OutgoingDetailOut, **ERRORS},
    summary="Hủy dự thảo chưa phát hành (người soạn hoặc lãnh đạo)",
)
def outgoing_cancel(
    request: HttpRequest, document_uuid: UUID, payload: ReasonIn
) -> OutgoingDocument:
    return _outgoing_step(
        request, document_uuid, services_outgoing.outgoing_cancel, reason=payload.reason
    )
