"""`/api/v1/don-thu/tiep-cong-dan`, `/api/v1/don-thu/luot-tiep/{visit_uuid}`: the reception
sessions of the Offices the caller sees, planning a session (an entry of the week's schedule)
and recording one held, a session with its visits, recording a visit, and a visit in full —
through `services_reception`, as the reception pages.

A visit's visitors are read as a letter's petitioners: a denunciation's only by the officer
who received it and their leaders, every such read audited (`visit_identity_read`); a
session's list of visits names no visitor."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, person_named, unit_named
from vanphong.api.uploads import AttachmentIn
from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr, Day, Year
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
from vanphong.planning.api.common import Reason
from vanphong.planning.api.schedules import ConflictOut, ConflictsOut
from vanphong.planning.conflicts import ConflictError

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


class SessionIn(Schema):
    """A session held (`POST /tiep-cong-dan`), as the page "Ghi buổi tiếp đã diễn ra"."""

    unit: UUID = Field(description="Văn phòng tiếp (người gọi là cán bộ tiếp dân, lãnh đạo ở đó).")
    kind: SessionKind = Field(
        description="`regular` tiếp thường xuyên, `head` người đứng đầu cấp ủy tiếp định kỳ, "
        "`ad_hoc` tiếp đột xuất."
    )
    day: Day = Field(description="Ngày tiếp.")
    place: CleanStr = Field("", max_length=300, description="Địa điểm.")
    host: UUID | None = Field(
        None, description="Người chủ trì: lãnh đạo cấp ủy (bắt buộc với `head`)."
    )
    host_title: CleanStr = Field("", max_length=200, description="Chức vụ người chủ trì.")
    note: CleanStr = Field("", max_length=500, description="Ghi chú.")


class SessionPlanIn(SessionIn):
    """A session planned ahead: an entry of the committee's weekly schedule of its leaders."""

    session: Literal["morning", "afternoon"] = Field(description="Buổi: sáng hoặc chiều.")
    overrides: dict[str, Reason] = Field(
        {},
        description="Giữ nguyên khi trùng lịch: khóa `loại:đối tượng` (như trong 409), giá "
        "trị là lý do.",
    )


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


def _session_values(person: Person, payload: SessionIn) -> dict[str, Any]:
    return {
        "actor": person,
        "unit": unit_named(payload.unit, "unit"),
        "kind": payload.kind,
        "day": payload.day,
        "place": payload.place,
        "host": person_named(payload.host, "host") if payload.host is not None else None,
        "host_title": payload.host_title,
        "note": payload.note,
    }


def _conflicts(error: ConflictError) -> ConflictsOut:
    return ConflictsOut(
        detail=_("Trùng lịch: gửi lại kèm lý do trong `overrides` để giữ nguyên."),
        conflicts=[
            ConflictOut(
                key=f"{c.kind}:{c.subject}",
                kind=c.kind,
                message=c.message,
                other=c.other.uuid if c.other is not None else None,
            )
            for c in error.conflicts
        ],
    )


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


@router.post(
    "/tiep-cong-dan",
    response={201: SessionOut, **ERRORS},
    summary="Ghi một buổi tiếp công dân đã diễn ra (cán bộ tiếp dân, lãnh đạo của Văn phòng)",
    description="Như trang “Ghi buổi tiếp đã diễn ra”: ngày sau hôm nay, buổi tiếp của người "
    "đứng đầu không có người chủ trì là lãnh đạo cấp ủy vào ngày đó… trả 422 theo trường, "
    "không lưu gì; người không tiếp dân ở Văn phòng trả 403.",
)
def session_record(request: HttpRequest, payload: SessionIn) -> Status[ReceptionSession]:
    person = actor(request)
    made = services.reception_session_record(**_session_values(person, payload))
    return Status(201, _session(person, made.uuid))


@router.post(
    "/tiep-cong-dan/lich",
    response={201: SessionOut, 409: ConflictsOut, **ERRORS},
    summary="Lên lịch một buổi tiếp công dân trong lịch công tác tuần của lãnh đạo cấp ủy",
    description="Như trang “Lên lịch buổi tiếp công dân”: buổi tiếp thành một mục của lịch tuần "
    "(tuần đã phát hành: một bản điều chỉnh chờ lãnh đạo Văn phòng phát hành), qua các quy tắc "
    "của lịch (chỉ người tổng hợp lịch ghi được: 403). Trùng lịch trả 409 kèm các mục trùng; "
    "gửi lại với `overrides` để giữ nguyên. Dữ liệu sai trả 422 theo trường, không lưu gì.",
)
def session_plan(
    request: HttpRequest, payload: SessionPlanIn
) -> Status[ReceptionSession | ConflictsOut]:
    person = actor(request)
    try:
        made = services.reception_session_plan(
            **_session_values(person, payload),
            session=payload.session,
            overrides=payload.overrides,
        )
    except ConflictError as error:
        return Status(409, _conflicts(error))
    return Status(201, _session(person, made.uuid))


@router.post(
    "/tiep-cong-dan/{session_uuid}/da-tiep",
    response={200: SessionOut, **ERRORS},
    summary="Xác nhận buổi tiếp đã lên lịch đã diễn ra",
    description="Buổi tiếp chưa đến ngày trả 422; buổi tiếp không được xem trả 404.",
)
def session_hold(request: HttpRequest, session_uuid: UUID) -> ReceptionSession:
    person = actor(request)
    services.reception_session_hold(actor=person, session=_session(person, session_uuid))
    return _session(person, session_uuid)


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
