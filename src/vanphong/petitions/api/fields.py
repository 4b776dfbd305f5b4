"""`/api/v1/don-thu/linh-vuc`: the fields (lĩnh vực) of letters — listed to every caller, added
and edited through `services_fields` by those `workflow.may_manage_fields` allows (the
province's administrators and its Office's leaders), as on the fields page."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr
from vanphong.petitions import services_fields
from vanphong.petitions.api.schemas import FieldOut
from vanphong.petitions.models import Field as LetterField

router = Router(tags=["đơn thư"])


class FieldIn(Schema):
    name: CleanStr = Field(max_length=300, description="Tên lĩnh vực (không trùng, kể cả dấu).")
    position: int | None = Field(
        None, ge=0, le=1_000_000, description="Thứ tự; bỏ trống: xếp cuối."
    )


class FieldChangeIn(Schema):
    name: CleanStr | None = Field(None, max_length=300, description="Tên mới.")
    position: int | None = Field(None, ge=0, le=1_000_000, description="Thứ tự mới.")
    is_active: bool | None = Field(
        None, description="false: thôi dùng khi vào sổ, phân loại (đơn cũ giữ lĩnh vực)."
    )


@router.get(
    "/linh-vuc",
    response={200: list[FieldOut], **ERRORS},
    summary="Các lĩnh vực đơn thư (cả lĩnh vực không còn dùng)",
)
def fields(request: HttpRequest) -> list[LetterField]:
    return list(LetterField.objects.order_by("position", "name"))


@router.post(
    "/linh-vuc",
    response={201: FieldOut, **ERRORS},
    summary="Thêm một lĩnh vực (quản trị, lãnh đạo Văn phòng cấp tỉnh)",
    description="Tên trống hoặc trùng (không kể dấu, hoa thường) trả 422 trên `name`; người "
    "khác trả 403.",
)
def field_create(request: HttpRequest, payload: FieldIn) -> Status[LetterField]:
    made = services_fields.field_create(
        actor=actor(request), name=payload.name, position=payload.position
    )
    return Status(201, made)


@router.patch(
    "/linh-vuc/{field_uuid}",
    response={200: FieldOut, **ERRORS},
    summary="Sửa tên, thứ tự của một lĩnh vực hoặc thôi dùng nó",
    description="Chỉ các trường gửi lên được sửa; như `POST /linh-vuc` về quyền và tên.",
)
def field_update(request: HttpRequest, field_uuid: UUID, payload: FieldChangeIn) -> LetterField:
    found = get_visible_or_404(LetterField.objects.all(), field_uuid)
    return services_fields.field_update(
        actor=actor(request),
        field=found,
        name=payload.name,
        position=payload.position,
        is_active=payload.is_active,
    )
