"""Attachments: how an answer lists them, and downloading one with the document's rights."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast
from uuid import UUID

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.documents import selectors, services
from vanphong.documents.models import Attachment, IncomingDocument, OutgoingDocument
from vanphong.documents.views_files import download
from vanphong.org.models import Person

router = Router(tags=["tệp đính kèm"])


class AttachmentOut(Schema):
    uuid: UUID
    filename: str = Field(description="Tên tệp.")
    size: int = Field(alias="file.size", description="Kích thước (byte).")
    content_type: str = Field(
        alias="file.content_type", description="Loại tệp, nhận biết theo nội dung."
    )
    sha256: str = Field(
        alias="file.sha256",
        description="Mã băm SHA-256 của nội dung (bản gốc không bao giờ bị sửa).",
    )
    uploaded_at: datetime
    version: int | None = Field(description="Số phiên bản dự thảo, nếu tệp thuộc một dự thảo.")
    url: str = Field(description="Đường dẫn tải tệp (cần mã truy cập).")

    @staticmethod
    def resolve_version(attachment: Attachment) -> int | None:
        return attachment.version.version if attachment.version is not None else None

    @staticmethod
    def resolve_url(attachment: Attachment) -> str:
        # The document is the one the attachment was prefetched from (a version's files through
        # the version, itself prefetched from its document): no query per file.
        incoming = attachment.incoming
        if incoming is not None:
            return reverse(
                "api:documents_incoming_attachment", args=[incoming.uuid, attachment.uuid]
            )
        version = attachment.version
        outgoing = version.document if version is not None else attachment.outgoing
        return reverse(
            "api:documents_outgoing_attachment",
            args=[cast(OutgoingDocument, outgoing).uuid, attachment.uuid],
        )


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
    url_name="documents_incoming_attachment",
    summary="Tải tệp của văn bản đến (nội dung gốc, không sửa đổi)",
    description="Cùng quyền xem như văn bản; tải tệp của văn bản mật được ghi nhật ký.",
    openapi_extra=FILE_RESPONSE,
)
def incoming_attachment(
    request: HttpRequest, document_uuid: UUID, attachment_uuid: UUID
) -> FileResponse:
    person = actor(request)
    document = selectors.incoming_get_visible(person, document_uuid)
    return _file_response(person, document.attachments.all(), attachment_uuid, incoming=document)


@router.get(
    "/di/{document_uuid}/tep/{attachment_uuid}",
    response={**ERRORS},
    url_name="documents_outgoing_attachment",
    summary="Tải tệp của văn bản đi hoặc của một phiên bản dự thảo",
    description="Cùng quyền xem như văn bản; tải tệp của văn bản mật được ghi nhật ký.",
    openapi_extra=FILE_RESPONSE,
)
def outgoing_attachment(
    request: HttpRequest, document_uuid: UUID, attachment_uuid: UUID
) -> FileResponse:
    person = actor(request)
    document = selectors.outgoing_get_visible(person, document_uuid)
    return _file_response(person, document.attachments.all(), attachment_uuid, outgoing=document)
