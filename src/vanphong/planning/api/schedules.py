"""`/api/v1/ke-hoach/lich`: the weekly schedules — a week as the caller may see it, its
entries (409 with the clashes when one is not overridden), approval, publication, amendments
and the printed week."""

from __future__ import annotations

from datetime import date, time
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr, Clock, Day
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person
from vanphong.planning import printing, selectors, services_schedule, week
from vanphong.planning.api.common import Reason, optional_unit, required_unit
from vanphong.planning.conflicts import ConflictError, EntryData
from vanphong.planning.models import Entry, Room, ScheduleKind, ScheduleVersion, Session

router = Router()


class EntryOut(Schema):
    uuid: UUID
    lineage: UUID
    day: date
    session: str
    starts_at: time | None
    ends_at: time | None
    content: str = Field(description="`Bận` khi người gọi không được xem mục mật.")
    place: str
    leaders: list[UUID]
    units: str
    preparing_unit: str
    note: str
    confidentiality: int
    hidden: bool
    change: str = Field(description="`new`, `changed` hoặc rỗng so với bản trước.")


class VersionOut(Schema):
    uuid: UUID
    number: int
    status: str
    change_note: str


class ScheduleOut(Schema):
    uuid: UUID
    committee: UUID
    kind: str
    year: int
    week: int
    monday: date
    title: str
    subtitle: str
    version: VersionOut
    versions: list[VersionOut]
    entries: list[EntryOut]
    removed: list[EntryOut]


class OpenIn(Schema):
    committee: UUID
    kind: ScheduleKind
    day: Day = Field(description="Một ngày bất kỳ trong tuần.")


class EntryIn(Schema):
    day: Day
    session: Session
    content: CleanStr = Field(min_length=1, max_length=2000)
    starts_at: Clock | None = None
    ends_at: Clock | None = None
    room: UUID | None = None
    place: CleanStr = Field("", max_length=300)
    preparing_unit: UUID | None = None
    note: CleanStr = Field("", max_length=500)
    confidentiality: int = Field(0, ge=0, le=3)
    leaders: list[UUID] = []
    units: list[UUID] = []
    incoming: list[UUID] = []
    outgoing: list[UUID] = []
    overrides: dict[str, Reason] = Field(
        {},
        description="Giữ nguyên khi trùng lịch: khóa `loại:đối tượng` (như trong 409), giá "
        "trị là lý do.",
    )


class ConflictOut(Schema):
    key: str = Field(description="Dùng làm khóa trong `overrides` để giữ nguyên kèm lý do.")
    kind: str
    message: str
    other: UUID | None


class ConflictsOut(Schema):
    detail: str
    conflicts: list[ConflictOut]


class NoteIn(Schema):
    note: Reason


def _version_out(version: ScheduleVersion) -> VersionOut:
    return VersionOut(
        uuid=version.uuid,
        number=version.number,
        status=version.status,
        change_note=version.change_note,
    )


def _entry_out(row: week.Row) -> EntryOut:
    entry = row.entry
    return EntryOut(
        uuid=entry.uuid,
        lineage=entry.lineage,
        day=entry.day,
        session=entry.session,
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        content=row.content,
        place=row.place,
        leaders=[a.person.uuid for a in entry.attending()],
        units=row.units,
        preparing_unit=row.preparing,
        note=row.note,
        confidentiality=entry.confidentiality,
        hidden=row.hidden,
        change=row.mark,
    )


def _week_out(request: HttpRequest, version: ScheduleVersion) -> ScheduleOut:
    person = actor(request)
    shown = week.build(version, person)
    schedule = version.schedule
    return ScheduleOut(
        uuid=schedule.uuid,
        committee=schedule.committee.uuid,
        kind=schedule.kind,
        year=schedule.year,
        week=schedule.week,
        monday=schedule.monday,
        title=shown.title,
        subtitle=shown.subtitle,
        version=_version_out(version),
        versions=[_version_out(v) for v in selectors.versions_visible(person, schedule)],
        entries=[_entry_out(row) for _day, _session, row in shown.rows()],
        removed=[_entry_out(row) for row in shown.removed],
    )


def _version(request: HttpRequest, uuid: UUID) -> ScheduleVersion:
    version = get_visible_or_404(
        ScheduleVersion.objects.select_related("schedule__committee"), uuid
    )
    schedule = get_visible_or_404(
        selectors.schedules_visible(actor(request)), version.schedule.uuid
    )
    if not selectors.versions_visible(actor(request), schedule).filter(pk=version.pk).exists():
        raise Http404
    return version


@router.get(
    "/lich",
    response={200: list[ScheduleOut], **ERRORS},
    summary="Lịch công tác của một tuần (các lịch được xem)",
)
def schedules(request: HttpRequest, day: Day) -> list[ScheduleOut]:
    person = actor(request)
    monday = date.fromordinal(day.toordinal() - day.weekday())
    found = []
    for schedule in selectors.schedules_visible(person).filter(monday=monday).order_by("kind"):
        version = selectors.versions_visible(person, schedule).order_by("-number").first()
        if version is not None:
            found.append(_week_out(request, version))
    return found


@router.post(
    "/lich",
    response={201: ScheduleOut, **ERRORS},
    summary="Lập lịch tuần (Văn phòng): bản 1 đang tổng hợp",
)
def schedule_open(request: HttpRequest, payload: OpenIn) -> Status[ScheduleOut]:
    version = services_schedule.schedule_open(
        actor=actor(request),
        committee=required_unit(payload.committee, "committee"),
        kind=payload.kind,
        day=payload.day,
    )
    return Status(201, _week_out(request, version))


@router.get(
    "/lich/ban/{version_uuid}",
    response={200: ScheduleOut, **ERRORS},
    summary="Một bản lịch tuần, thay đổi so với bản trước được đánh dấu",
)
def version_get(request: HttpRequest, version_uuid: UUID) -> ScheduleOut:
    return _week_out(request, _version(request, version_uuid))


def _entry_data(request: HttpRequest, version: ScheduleVersion, payload: EntryIn) -> Any:
    person = actor(request)
    room = None
    if payload.room is not None:
        room = Room.objects.filter(uuid=payload.room).first()
        if room is None:
            raise ValidationError({"room": _("Không tìm thấy phòng họp có mã này.")})
    leaders = list(Person.objects.filter(uuid__in=payload.leaders))
    if len(leaders) != len(set(payload.leaders)):
        raise ValidationError({"leaders": _("Không tìm thấy lãnh đạo có mã này.")})
    incoming = list(incoming_visible(person).filter(uuid__in=payload.incoming))
    outgoing = list(outgoing_visible(person).filter(uuid__in=payload.outgoing))
    if len(incoming) != len(set(payload.incoming)) or len(outgoing) != len(set(payload.outgoing)):
        raise ValidationError({"documents": _("Không tìm thấy văn bản kèm theo.")})
    return EntryData(
        day=payload.day,
        session=payload.session,
        content=payload.content,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        room=room,
        place=payload.place,
        preparing_unit=optional_unit(payload.preparing_unit, "preparing_unit"),
        note=payload.note,
        confidentiality=payload.confidentiality,
        leaders=leaders,
        units=[required_unit(u, "units") for u in payload.units],
        incoming=incoming,
        outgoing=outgoing,
    )


def _conflicts_out(error: ConflictError) -> ConflictsOut:
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


@router.post(
    "/lich/ban/{version_uuid}/muc",
    response={201: EntryOut, 409: ConflictsOut, **ERRORS},
    summary="Thêm mục vào bản lịch đang tổng hợp",
    description="Trùng lịch (lãnh đạo, phòng họp, ngày nghỉ) trả 409 kèm các mục "
    "trùng; gửi lại với `overrides` để giữ nguyên.",
)
def entry_add(
    request: HttpRequest, version_uuid: UUID, payload: EntryIn
) -> Status[EntryOut | ConflictsOut]:
    version = _version(request, version_uuid)
    try:
        entry = services_schedule.entry_add(
            actor=actor(request),
            version=version,
            data=_entry_data(request, version, payload),
            overrides=payload.overrides,
        )
    except ConflictError as error:
        return Status(409, _conflicts_out(error))
    return Status(201, _entry_row(request, entry))


def _entry_row(request: HttpRequest, entry: Entry) -> EntryOut:
    row = week._row(
        selectors.entries([entry.version], ids=[entry.pk])[0],
        actor(request),
        "",
        selectors.clearance_units(entry.version.schedule.committee),
    )
    return _entry_out(row)


def _entry(request: HttpRequest, uuid: UUID) -> Entry:
    entry = get_visible_or_404(Entry.objects.select_related("version__schedule"), uuid)
    _version(request, entry.version.uuid)
    return entry


@router.put(
    "/lich/muc/{entry_uuid}",
    response={200: EntryOut, 409: ConflictsOut, **ERRORS},
    summary="Sửa một mục của bản lịch đang tổng hợp",
)
def entry_update(
    request: HttpRequest, entry_uuid: UUID, payload: EntryIn
) -> Status[EntryOut | ConflictsOut]:
    entry = _entry(request, entry_uuid)
    try:
        entry = services_schedule.entry_update(
            actor=actor(request),
            entry=entry,
            data=_entry_data(request, entry.version, payload),
            overrides=payload.overrides,
        )
    except ConflictError as error:
        return Status(409, _conflicts_out(error))
    return Status(200, _entry_row(request, entry))


@router.delete(
    "/lich/muc/{entry_uuid}",
    response={204: None, **ERRORS},
    summary="Bỏ một mục của bản lịch đang tổng hợp",
)
def entry_remove(request: HttpRequest, entry_uuid: UUID) -> Status[None]:
    services_schedule.entry_remove(actor=actor(request), entry=_entry(request, entry_uuid))
    return Status(204, None)


@router.post(
    "/lich/ban/{version_uuid}/duyet",
    response={200: ScheduleOut, 409: ConflictsOut, **ERRORS},
    summary="Duyệt bản lịch (lãnh đạo Văn phòng)",
)
def version_approve(request: HttpRequest, version_uuid: UUID) -> Status[ScheduleOut | ConflictsOut]:
    try:
        version = services_schedule.schedule_approve(
            actor=actor(request), version=_version(request, version_uuid)
        )
    except ConflictError as error:
        return Status(409, _conflicts_out(error))
    return Status(200, _week_out(request, version))


@router.post("/lich/ban/{version_uuid}/tra-lai", response={200: ScheduleOut, **ERRORS})
def version_return(request: HttpRequest, version_uuid: UUID, payload: NoteIn) -> ScheduleOut:
    version = services_schedule.schedule_return(
        actor=actor(request), version=_version(request, version_uuid), reason=payload.note
    )
    return _week_out(request, version)


@router.post(
    "/lich/ban/{version_uuid}/phat-hanh",
    response={200: ScheduleOut, **ERRORS},
    summary="Phát hành bản lịch đã duyệt tới các đơn vị",
)
def version_publish(request: HttpRequest, version_uuid: UUID) -> ScheduleOut:
    version = services_schedule.schedule_publish(
        actor=actor(request), version=_version(request, version_uuid)
    )
    return _week_out(request, version)


@router.post(
    "/lich/ban/{version_uuid}/dieu-chinh",
    response={201: ScheduleOut, **ERRORS},
    summary="Lập bản điều chỉnh của lịch đã phát hành",
)
def version_amend(request: HttpRequest, version_uuid: UUID, payload: NoteIn) -> Status[ScheduleOut]:
    amendment = services_schedule.schedule_amend(
        actor=actor(request), version=_version(request, version_uuid), note=payload.note
    )
    return Status(201, _week_out(request, amendment))


class PrintQuery(Schema):
    format: Literal["pdf", "docx"] = "pdf"


@router.get(
    "/lich/ban/{version_uuid}/tep",
    response={200: None, **ERRORS},
    summary="Bản in lịch tuần: PDF hoặc DOCX (A4 ngang)",
)
def version_print(
    request: HttpRequest, version_uuid: UUID, params: Query[PrintQuery]
) -> HttpResponse:
    shown = week.build(_version(request, version_uuid), actor(request))
    if params.format == "pdf":
        body, content_type = printing.pdf(shown), "application/pdf"
    else:
        body = printing.docx(shown)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{printing.filename(shown, params.format)}"'
    )
    return response
