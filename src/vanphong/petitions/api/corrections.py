"""`/api/v1/don-thu/{letter_uuid}/sua`, `/api/v1/don-thu/{letter_uuid}/tep`: correcting a
letter's registration (`services.letter_update`, as the page "Sửa thông tin vào sổ": its
handler and the unit's leaders, before a handling is decided) and keeping more files with it
(`services.letter_files_add`).

The petitioners are replaced only when `citizens` is sent, and only by one who may read them
(a denunciation: its handler and their leaders); otherwise they are kept as they are. Each
answers the letter without its petitioners (`GET /don-thu/{letter_uuid}` reads them)."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.uploads import AttachmentIn
from vanphong.core.inputs import CleanStr, Day
from vanphong.petitions import selectors, services
from vanphong.petitions.api.letters import (
    CitizenIn,
    KindName,
    citizens_of,
    field_named,
    letter_out,
    place_unit,
    uploads,
)
from vanphong.petitions.api.schemas import LetterOut
from vanphong.petitions.models import Channel, Letter, SubjectKind

router = Router(tags=["đơn thư"])


class CorrectionIn(Schema):
    """The registration as it should read; what is not sent is cleared, as on the page's form
    (except `citizens`: not sent, the petitioners are kept)."""

    received_on: Day = Field(description="Ngày nhận (trong năm của sổ).")
    channel: Channel = Field(description="`post`, `in_person`, `email` hoặc `forwarded`.")
    kinds: list[KindName] = Field([], max_length=4, description="Một hoặc nhiều loại đơn.")
    anonymous: bool = Field(False, description="Đơn nặc danh (đổi thì gửi lại `citizens`).")
    citizens: list[CitizenIn] | None = Field(
        None,
        max_length=100,
        description="Người gửi đơn thay cho những người đã ghi; bỏ trống: giữ nguyên. Chỉ người "
        "được xem thông tin người tố cáo mới gửi được (403 với người khác).",
    )
    group_size: int | None = Field(None, ge=1, le=10_000, description="Số người đứng đơn.")
    field: UUID | None = Field(None, description="Lĩnh vực (`GET /don-thu/linh-vuc`).")
    place: CleanStr = Field("", max_length=300, description="Địa bàn.")
    place_unit: UUID | None = Field(None, description="Huyện, thị (cấp ủy huyện) của địa bàn.")
    subject_kind: SubjectKind | Literal[""] = Field("", description="Đối tượng bị đề cập.")
    subject: CleanStr = Field("", max_length=300, description="Người, tổ chức, quyết định.")
    summary: CleanStr = Field("", max_length=5000, description="Nội dung tóm tắt (bắt buộc).")
    covering: UUID | None = Field(None, description="Văn bản chuyển đơn (văn bản đến).")
    sender_body: CleanStr = Field("", max_length=300, description="Cơ quan chuyển đến.")
    scans: list[AttachmentIn] = Field([], max_length=20, description="Thêm bản quét đơn.")


class FilesIn(Schema):
    # The redacted copy is generated with a forward, never uploaded (as the page's choices).
    kind: Literal["letter", "evidence", "decision"] = Field(
        "evidence",
        description="`letter` bản quét đơn, `evidence` tài liệu kèm theo, `decision` quyết định.",
    )
    files: list[AttachmentIn] = Field([], max_length=20, description="Các tệp (base64).")


@router.post(
    "/{letter_uuid}/sua",
    response={200: LetterOut, **ERRORS},
    summary="Sửa thông tin vào sổ của một đơn (trước khi có hướng xử lý)",
    description="Cán bộ xử lý đơn, lãnh đạo đơn vị (người khác: 403); đơn đã có hướng xử lý "
    "trả 422. Dữ liệu sai trả 422 theo trường như khi vào sổ, không lưu gì; số vào sổ giữ "
    "nguyên. Đơn người gọi không được xem: 404.",
)
def letter_correct(request: HttpRequest, letter_uuid: UUID, payload: CorrectionIn) -> Letter:
    person = actor(request)
    letter = selectors.letter_or_404(person, letter_uuid)
    covering = None
    if payload.covering is not None:
        covering = selectors.covering_find(person, payload.covering)
        if covering is None:
            raise ValidationError({"covering": _("Không tìm thấy văn bản đến có mã này.")})
    values: dict[str, Any] = {
        "received_on": payload.received_on,
        "channel": payload.channel,
        "summary": payload.summary,
        "anonymous": payload.anonymous,
        "field": field_named(payload.field),
        "place": payload.place,
        "place_unit": place_unit(payload.place_unit),
        "subject_kind": payload.subject_kind,
        "subject": payload.subject,
        "covering": covering,
        "sender_body": payload.sender_body,
        "group_size": payload.group_size,
        "files": uploads(payload.scans),
        **{kind: kind in payload.kinds for kind in selectors.KINDS},
    }
    if payload.citizens is not None:
        values["citizens"] = citizens_of(payload.citizens)
    changed = services.letter_update(actor=person, letter=letter, **values)
    return letter_out(person, changed)


@router.post(
    "/{letter_uuid}/tep",
    response={201: LetterOut, **ERRORS},
    summary="Thêm tệp vào đơn (bản quét đơn, tài liệu kèm theo, quyết định)",
    description="Người xử lý được đơn (cán bộ xử lý, lãnh đạo; người khác: 403). Không có tệp "
    "hoặc tệp không nhận trả 422 trên `files`, không lưu gì. Trả đơn với các tệp người gọi "
    "được xem (bản quét đơn tố cáo chỉ với người được xem thông tin người tố cáo).",
)
def letter_files_add(request: HttpRequest, letter_uuid: UUID, payload: FilesIn) -> Status[Letter]:
    person = actor(request)
    letter = selectors.letter_or_404(person, letter_uuid)
    services.letter_files_add(
        actor=person, letter=letter, files=uploads(payload.files, "files"), kind=payload.kind
    )
    return Status(201, letter_out(person, letter))
