"""`/api/v1/don-thu/tiep-cong-dan`, `/api/v1/don-thu/luot-tiep/{visit_uuid}`: the reception
sessions of the Offices the caller sees, a session with its visits, recording a visit, and a
visit in full — through `services_reception`, as the reception pages.

A visit's visitors are read as a letter's petitioners: a denunciation's only by the officer
who received it and their leaders, every such read audited (`visit_identity_read`); a
session's list of visits names no visitor."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef
from vanphong.api.uploads import AttachmentIn
from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr, Year
from vanphong.org.models import Person, Unit
from vanphong.petitions import selectors
from vanphong.petitions import services_reception as services
from vanphong.petitions.api.letters import (
    CitizenIn,
    KindName,
    citizens_of,
    field_named,
    place_unit,
    uploads,
)
from vanphong.petitions.api.schemas import CitizenOut, FieldRef, LetterFileOut, kinds_of
from vanphong.petitions.models import ReceptionSession, SessionKind, Visit

router = Router(tags=["tiếp công dân"])


# --- output ---------------------------------------------------------------------------------


class SessionOut(Schema):
    uuid: UUID
    unit: UnitRef = Field(description="Văn phòng tiếp công dân.")
    kind: SessionKind = Field(
        description="`regular` tiếp thường xuyên, `head` người đứng đầu cấp ủy tiếp định kỳ, "
        "`ad_hoc` tiếp đột xuất."
    )
    kind_label: str = Field(alias="get_kind_display")
    day: date
    place: str
    host: PersonRef | None = Field(description="Người chủ trì (lãnh đạo cấp ủy).")
    host_title: str
    note: str
    held: bool = Field(description="Đã tiếp (false: buổi đã lên lịch).")
    visit_count: int


class SessionsPageOut(Schema):
    items: list[SessionOut] = Field(description="Mới trước.")
    total: int
    page: int
    pages: int


class VisitOut(Schema):
    uuid: UUID
    session: UUID
    unit: UnitRef
    year: int
    number: int = Field(description="Số thứ tự trong sổ tiếp công dân của năm.")
    group_size: int = Field(description="Số người; từ 5: đoàn đông người.")
    is_group: bool
    kinds: list[str]
    field: FieldRef | None
    place: str
    place_unit: UnitRef | None
    raised: str = Field(description="Nội dung trình bày.")
    answer: str = Field(description="Ý kiến trả lời.")
    agreed: str = Field(description="Nội dung thống nhất, hướng xử lý.")
    letter: UUID | None = Field(description="Đơn vào sổ từ lượt tiếp này.")
    received_by: PersonRef | None
    created_at: datetime

    @staticmethod
    def resolve_session(visit: Visit) -> UUID:
        return visit.session.uuid

    @staticmethod
    def resolve_kinds(visit: Visit) -> list[str]:
        return kinds_of(visit)

    @staticmethod
    def resolve_letter(visit: Visit) -> UUID | None:
        return visit.letter.uuid if visit.letter_id else None  # type: ignore[union-attr]


class SessionDetailOut(SessionOut):
    visits: list[VisitOut] = Field(
        alias="visits_shown", description="Các lượt tiếp, không nêu người được tiếp."
    )


class VisitDetailOut(VisitOut):
    identity_readable: bool = Field(alias="shown_readable")
    citizens: list[CitizenOut] | None = Field(
        alias="shown_citizens", description="Người được tiếp; null khi người gọi không được xem."
    )
    files: list[LetterFileOut] = Field(alias="shown_files")


# --- input ----------------------------------------------------------------------------------


class SessionsQuery(Schema):
    unit: UUID | None = Field(None, description="Văn phòng; mặc định: mọi Văn phòng được xem.")
    year: Year | None = Field(None, description="Năm.")
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(50, ge=1, le=200)


class VisitIn(Schema):
    group_size: int = Field(1, ge=1, le=10_000, description="Số người; từ 5: đoàn đông người.")
    citizens: list[CitizenIn] = Field(
        [], max_length=100, description="Công dân (đoàn đông người: đánh dấu người đại diện)."
    )
    kinds: list[KindName] = Field([], max_length=4)
    field: UUID | None = None
    place: CleanStr = Field("", max_length=300)
    place_unit: UUID | None = None
    raised: CleanStr = Field("", max_length=5000, description="Nội dung trình bày (bắt buộc).")
    answer: CleanStr = Field("", max_length=5000)
    agreed: CleanStr = Field("", max_length=5000)
    scans: list[AttachmentIn] = Field([], max_length=20, description="Giấy tờ công dân nộp.")


# --- helpers --------------------------------------------------------------------------------

_VISIT_RELATED = (
    "session", "unit", "field", "place_unit", "letter", "received_by",
)  # fmt: skip


def _session(person: Person, session_uuid: UUID) -> ReceptionSession:
    found = selectors.sessions_visible(person).select_related("unit", "host")
    return get_visible_or_404(found.annotate(visit_count=Count("visits")), session_uuid)


def _visit_detail(person: Person, visit_uuid: UUID) -> Visit:
    visit = get_visible_or_404(
        selectors.visits_visible(person).select_related(*_VISIT_RELATED), visit_uuid
    )
    readable = services.visit_identity_read(actor=person, visit=visit)
    shown: dict[str, Any] = {
        "shown_readable": readable,
        "shown_citizens": list(visit.citizens.order_by("position", "id")) if readable else None,
        "shown_files": [
            f
            for f in visit.files.order_by("uploaded_at", "id")
            if readable or not f.reveals_identity
        ],
    }
    for name, value in shown.items():
        setattr(visit, name, value)
    return visit


# --- endpoints ------------------------------------------------------------------------------


@router.get(
    "/tiep-cong-dan",
    response={200: SessionsPageOut, **ERRORS},
    summary="Các buổi tiếp công dân của các Văn phòng người gọi được xem",
)
def sessions(request: HttpRequest, filters: Query[SessionsQuery]) -> dict[str, object]:
    person = actor(request)
    found = selectors.sessions_visible(person)
    if filters.unit is not None:
        unit = Unit.objects.filter(uuid=filters.unit).first()
        if unit is None:
            raise ValidationError({"unit": _("Không tìm thấy đơn vị có mã này.")})
        found = found.filter(unit=unit)
    if filters.year is not None:
        found = found.filter(day__year=filters.year)
    pages = paging.pages(total=found.count(), number=filters.page, per_page=filters.per_page)
    rows = (
        found.select_related("unit", "host")
        .annotate(visit_count=Count("visits"))
        .order_by("-day", "-id")[pages.start : pages.end]
    )
    return {"items": list(rows), "total": pages.total, "page": pages.number, "pages": pages.count}


@router.get(
    "/tiep-cong-dan/{session_uuid}",
    response={200: SessionDetailOut, **ERRORS},
    summary="Một buổi tiếp công dân với các lượt tiếp",
)
def session(request: HttpRequest, session_uuid: UUID) -> ReceptionSession:
    found = _session(actor(request), session_uuid)
    found.visits_shown = list(  # type: ignore[attr-defined]
        found.visits.select_related(*_VISIT_RELATED).order_by("number")
    )
    return found


@router.post(
    "/tiep-cong-dan/{session_uuid}/luot-tiep",
    response={201: VisitDetailOut, **ERRORS},
    summary="Ghi một lượt tiếp công dân của buổi tiếp (cán bộ tiếp dân, lãnh đạo)",
    description="Dữ liệu sai trả 422 theo trường (`citizens-0-id_number`…), không lưu gì.",
)
def visit_record(request: HttpRequest, session_uuid: UUID, payload: VisitIn) -> Status[Visit]:
    person = actor(request)
    found = _session(person, session_uuid)
    visit = services.visit_record(
        actor=person,
        session=found,
        group_size=payload.group_size,
        citizens=citizens_of(payload.citizens),
        field=field_named(payload.field),
        place=payload.place,
        place_unit=place_unit(payload.place_unit),
        raised=payload.raised,
        answer=payload.answer,
        agreed=payload.agreed,
        files=[
            SimpleUploadedFile(upload.name, upload.stream.read())
            for upload in uploads(payload.scans)
        ],
        complaint="complaint" in payload.kinds,
        denunciation="denunciation" in payload.kinds,
        proposal="proposal" in payload.kinds,
        report="report" in payload.kinds,
    )
    return Status(201, _visit_detail(person, visit.uuid))


@router.get(
    "/luot-tiep/{visit_uuid}",
    response={200: VisitDetailOut, **ERRORS},
    summary="Một lượt tiếp công dân",
    description="Người được tiếp chỉ có khi người gọi được xem; mỗi lần xem người tố cáo được "
    "ghi nhật ký như trên trang.",
)
def visit(request: HttpRequest, visit_uuid: UUID) -> Visit:
    return _visit_detail(actor(request), visit_uuid)
