"""`/api/v1/nhiem-vu/`: following a directive or a work programme, the figures of the
tasks by directive, unit and leader, and the draft review (DOCX)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import Day
from vanphong.directives import (
    reviews,
    selectors,
    services,
    stats,
)
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.documents.views_files import content_disposition
from vanphong.org.models import Person, Unit
from vanphong.planning.selectors import programmes_visible

router = Router()


class DirectiveIn(Schema):
    unit: UUID | None = Field(
        None,
        description="Không bắt buộc: đơn vị theo dõi suy ra từ văn bản (cấp ủy của Văn phòng).",
    )
    incoming: UUID | None = None
    outgoing: UUID | None = None


class DirectiveOut(Schema):
    uuid: UUID
    unit: UUID
    type_symbol: str
    number_symbol: str
    title: str
    document_date: date


class CountsOut(Schema):
    on_time: int
    late: int
    overdue: int
    open: int
    cannot_do: int


class CountsByOut(Schema):
    uuid: UUID = Field(description="Đơn vị chủ trì, hoặc lãnh đạo phụ trách.")
    name: str
    counts: CountsOut


class BoardOut(Schema):
    total: CountsOut
    rows: list[CountsByOut]


def _counts(counts: stats.Counts) -> CountsOut:
    return CountsOut(**dict(counts.items()))


def _directive_out(directive: Any) -> DirectiveOut:
    return DirectiveOut(
        uuid=directive.uuid,
        unit=directive.unit.uuid,
        type_symbol=directive.type_symbol,
        number_symbol=directive.number_symbol,
        title=directive.title,
        document_date=directive.document_date,
    )


@router.post("/van-ban", response={201: DirectiveOut, **ERRORS}, summary="Theo dõi một văn bản")
def directive_track(request: HttpRequest, payload: DirectiveIn) -> Status[DirectiveOut]:
    person = actor(request)
    incoming = (
        get_visible_or_404(incoming_visible(person), payload.incoming) if payload.incoming else None
    )
    outgoing = (
        get_visible_or_404(outgoing_visible(person), payload.outgoing) if payload.outgoing else None
    )
    document = incoming or outgoing
    # The unit that follows a document is derived from it, as on its page: a committee
    # follows what its Office registered or issued.
    unit = selectors.tracking_unit(document.unit) if document is not None else None
    if unit is None or (payload.unit is not None and payload.unit != unit.uuid):
        raise ValidationError(
            {"unit": _("Văn bản này do %(unit)s theo dõi.") % {"unit": unit.name}}
            if unit is not None
            else _("Chọn một văn bản đến hoặc một văn bản đi.")
        )
    directive = services.directive_track(
        actor=person, unit=unit, incoming=incoming, outgoing=outgoing
    )
    return Status(201, _directive_out(directive))


@router.post(
    "/chuong-trinh/{programme_uuid}/theo-doi",
    response={201: DirectiveOut, **ERRORS},
    summary="Theo dõi chương trình công tác đã duyệt như nhiệm vụ (mỗi nội dung một nhiệm vụ)",
)
def programme_track(request: HttpRequest, programme_uuid: UUID) -> Status[DirectiveOut]:
    person = actor(request)
    programme = get_visible_or_404(programmes_visible(person), programme_uuid)
    return Status(201, _directive_out(services.programme_track(actor=person, programme=programme)))


@router.get(
    "/van-ban/{directive_uuid}/thong-ke",
    response={200: BoardOut, **ERRORS},
    summary="Nhiệm vụ của một văn bản theo đơn vị chủ trì (trong phạm vi người gọi được xem)",
)
def directive_counts(request: HttpRequest, directive_uuid: UUID) -> BoardOut:
    person = actor(request)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(directive=directive),
        by="lead_unit_id",
        today=timezone.localdate(),
    )
    units = Unit.objects.in_bulk(list(board.by_key))
    return BoardOut(
        total=_counts(board.total),
        rows=[
            CountsByOut(uuid=units[key].uuid, name=units[key].name, counts=_counts(counts))
            for key, counts in board.by_key.items()
        ],
    )


@router.get(
    "/lanh-dao/thong-ke",
    response={200: BoardOut, **ERRORS},
    summary="Nhiệm vụ theo lãnh đạo phụ trách (trong phạm vi người gọi được xem)",
)
def leader_counts(request: HttpRequest) -> BoardOut:
    board = stats.dashboard(
        selectors.tasks_visible(actor(request)).filter(leader__isnull=False),
        by="leader_id",
        today=timezone.localdate(),
    )
    people = Person.objects.in_bulk(list(board.by_key))
    return BoardOut(
        total=_counts(board.total),
        rows=[
            CountsByOut(uuid=people[key].uuid, name=people[key].full_name, counts=_counts(counts))
            for key, counts in board.by_key.items()
        ],
    )


@router.get(
    "/don-vi/{unit_uuid}/thong-ke",
    response={200: CountsOut, **ERRORS},
    summary="Số nhiệm vụ của đơn vị theo tình trạng",
)
def unit_counts(request: HttpRequest, unit_uuid: UUID) -> CountsOut:
    unit = selectors.unit_seen_or_404(actor(request), str(unit_uuid))
    board = stats.dashboard(
        selectors.tasks_led_by(unit), by="lead_unit_id", today=timezone.localdate()
    )
    return CountsOut(**dict(board.total.items()))


class ReviewQuery(Schema):
    loai: Literal["so-ket", "tong-ket"] = Field("so-ket", description="Sơ kết hoặc tổng kết.")
    tu: Day = Field(description="Đầu kỳ báo cáo (không trước ngày của văn bản).")
    den: Day = Field(description="Cuối kỳ: số liệu tính đến hết ngày này.")


@router.get(
    "/van-ban/{directive_uuid}/bao-cao",
    response={200: None, **ERRORS},
    summary="Dự thảo báo cáo sơ kết, tổng kết (DOCX) — đơn vị theo dõi văn bản",
)
def directive_review(
    request: HttpRequest, directive_uuid: UUID, params: Query[ReviewQuery]
) -> HttpResponse:
    person = actor(request)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    kind = reviews.REVIEW_KIND_OF_SLUG[params.loai]
    body = reviews.review_generate(
        actor=person, directive=directive, kind=kind, start=params.tu, end=params.den
    )
    response = HttpResponse(body, content_type=reviews.DOCX_TYPE)
    response["Content-Disposition"] = content_disposition(reviews.filename(directive, kind))
    return response
