"""`/api/v1/don-thu/chuyen`: the forwarded letters still awaiting the receiving body's result
(đơn đã chuyển chờ kết quả), the longest overdue first, and recording a result with its reply
document — as the follow-up page and its form. A denunciation's summary is shown with its
petitioners' identity hidden, as on that page."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core import paging
from vanphong.core.inputs import CleanStr, Day
from vanphong.petitions import selectors, services_forward, workflow
from vanphong.petitions.api.schemas import ForwardOut
from vanphong.petitions.models import Forward
from vanphong.petitions.redaction import identity_values, redact

router = Router(tags=["xử lý đơn thư"])


class ForwardedLetterOut(Schema):
    uuid: UUID
    book_number: str
    received_on: date
    summary: str = Field(description="Nội dung tóm tắt; đơn tố cáo: đã che người tố cáo.")


class AwaitingOut(ForwardOut):
    letter: ForwardedLetterOut = Field(alias="letter_shown")
    may_act: bool = Field(description="Người gọi được ghi kết quả.")


class AwaitingPageOut(Schema):
    items: list[AwaitingOut] = Field(description="Hạn báo cáo kết quả sớm trước.")
    total: int
    page: int
    pages: int


class AwaitingQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(50, ge=1, le=200)


class ForwardResultIn(Schema):
    result: CleanStr = Field("", max_length=5000, description="Kết quả giải quyết.")
    result_on: Day = Field(description="Ngày nhận kết quả (không trước ngày chuyển).")
    reply: UUID | None = Field(
        None, description="Văn bản trả lời: văn bản đến của đơn vị, nhận từ ngày chuyển."
    )


@router.get(
    "/chuyen",
    response={200: AwaitingPageOut, **ERRORS},
    summary="Đơn đã chuyển chờ kết quả (của các đơn vị người gọi được xem)",
)
def forwards_awaiting(request: HttpRequest, filters: Query[AwaitingQuery]) -> dict[str, object]:
    person = actor(request)
    awaiting = selectors.forwards_awaiting(person)
    pages = paging.pages(total=awaiting.count(), number=filters.page, per_page=filters.per_page)
    rows = list(
        awaiting.select_related("to_unit", "reply").prefetch_related("letter__citizens")[
            pages.start : pages.end
        ]
    )
    items = []
    for row in rows:
        letter = row.letter
        summary = letter.summary
        if letter.denunciation:
            summary = redact(summary, identity_values(letter.citizens.all()))
        row.may_act = workflow.may_act(  # type: ignore[attr-defined]
            person, unit=letter.unit, handler_id=letter.handler_id
        )
        row.letter_shown = {  # type: ignore[attr-defined]
            "uuid": letter.uuid,
            "book_number": letter.book_number,
            "received_on": letter.received_on,
            "summary": summary,
        }
        items.append(row)
    return {"items": items, "total": pages.total, "page": pages.number, "pages": pages.count}


@router.post(
    "/chuyen/{forward_uuid}/ket-qua",
    response={200: ForwardOut, **ERRORS},
    summary="Ghi kết quả cơ quan nhận đơn báo lại, với văn bản trả lời",
)
def forward_result(request: HttpRequest, forward_uuid: UUID, payload: ForwardResultIn) -> Forward:
    person = actor(request)
    forward = selectors.forward_or_404(person, forward_uuid)
    reply = None
    if payload.reply is not None:
        reply = selectors.reply_candidates(person, forward).filter(uuid=payload.reply).first()
        if reply is None:
            raise ValidationError(
                {"reply": _("Không tìm thấy văn bản đến nhận từ ngày chuyển đơn có mã này.")}
            )
    services_forward.forward_result_record(
        actor=person,
        forward=forward,
        result=payload.result,
        result_on=payload.result_on,
        reply=reply,
    )
    return selectors.forward_or_404(person, forward_uuid)
