"""`/api/v1/ke-hoach/`: work programmes, monthly plans, weekly schedules, rooms and feeds —
the same services as the pages, the same visibility."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any, Literal, cast
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import LAST_YEAR, CleanStr, Clock, Count, Day, Year
from vanphong.documents.api import ERRORS, ErrorOut
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person, Unit
from vanphong.planning import (
    printing,
    progress,
    selectors,
    services,
    services_programme,
    services_schedule,
    week,
)
from vanphong.planning.conflicts import ConflictError, EntryData
from vanphong.planning.models import (
    Body,
    Entry,
    FeedToken,
    MonthlyPlan,
    MonthlyPlanItem,
    ProgrammeItem,
    Room,
    ScheduleKind,
    ScheduleVersion,
    Session,
    WorkProgramme,
)

router = Router(tags=["kế hoạch, lịch công tác"])


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.auth)  # type: ignore[attr-defined]


def _unit(uuid: UUID | None, field: str) -> Unit | None:
    if uuid is None:
        return None
    unit = Unit.objects.filter(uuid=uuid, is_active=True).first()
    if unit is None:
        raise ValidationError({field: _("Không tìm thấy đơn vị có mã này.")})
    return unit


def _required_unit(uuid: UUID, field: str) -> Unit:
    unit = _unit(uuid, field)
    if unit is None:  # _unit raises for an unknown one; this keeps the type checker informed
        raise ValidationError({field: _("Cần chọn đơn vị.")})
    return unit


# --- schemas --------------------------------------------------------------------------------

Month = Annotated[int, Field(ge=1, le=12)]
Quarter = Annotated[int, Field(ge=1, le=4)]
Reason = Annotated[CleanStr, Field(max_length=500)]


class RateOut(Schema):
    quarter: int = Field(description="1–4; 0 là cả năm.")
    done: int
    total: int
    percent: float | None


class ProgrammeItemOut(Schema):
    uuid: UUID
    position: int
    topic: str
    content: str
    body: str
    lead_unit: UUID
    supporting_units: list[UUID]
    month: int | None
    quarter: int | None
    planned_month: int | None
    planned_quarter: int | None
    state: str
    reason: str
    done_on: date | None


class ProgrammeOut(Schema):
    uuid: UUID
    committee: UUID
    body: str
    year: int
    title: str
    status: str
    document: UUID | None
    rates: list[RateOut]
    items: list[ProgrammeItemOut] = []


class ProgrammeIn(Schema):
    committee: UUID
    body: Body
    year: int = Field(ge=2000, le=LAST_YEAR)
    title: CleanStr = Field("", max_length=300)


class ProgrammeItemIn(Schema):
    topic: CleanStr = Field("", max_length=300)
    content: CleanStr = Field(min_length=1, max_length=4000)
    body: Body
    lead_unit: UUID
    supporting_units: list[UUID] = []
    month: Month | None = None
    quarter: Quarter | None = None


class TrackIn(Schema):
    state: Literal["planned", "done", "postponed", "moved", "dropped"]
    reason: CleanStr = Field("", max_length=500)
    month: Month | None = None
    quarter: Quarter | None = None
    done_on: Day | None = None


class IssuedOut(Schema):
    document: UUID


class PlanItemOut(Schema):
    uuid: UUID
    position: int
    content: str
    lead_unit: UUID | None
    day: date | None
    note: str
    programme_item: UUID | None


class MonthlyPlanOut(Schema):
    uuid: UUID
    committee: UUID
    year: int
    month: int
    status: str
    items: list[PlanItemOut] = []


class MonthlyPlanIn(Schema):
    committee: UUID
    year: int = Field(ge=2000, le=LAST_YEAR)
    month: Month


class PlanItemIn(Schema):
    content: CleanStr = Field(min_length=1, max_length=4000)
    lead_unit: UUID | None = None
    day: Day | None = None
    note: CleanStr = Field("", max_length=500)


class RoomOut(Schema):
    uuid: UUID
    committee: UUID
    name: str
    address: str
    capacity: int | None


class RoomIn(Schema):
    committee: UUID
    name: CleanStr = Field(min_length=1, max_length=200)
    address: CleanStr = Field("", max_length=300)
    capacity: Count | None = None


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


class FeedIn(Schema):
    scope: Literal["leader", "room", "unit"]
    target: UUID = Field(description="Mã cán bộ, phòng họp hoặc đơn vị.")


class FeedOut(Schema):
    uuid: UUID
    scope: str
    revoked: bool
    url: str = Field("", description="Chỉ trả về một lần, khi tạo.")


# --- programmes -------------------------------------------------------------------------------


def _item_out(item: ProgrammeItem) -> ProgrammeItemOut:
    return ProgrammeItemOut(
        uuid=item.uuid,
        position=item.position,
        topic=item.topic,
        content=item.content,
        body=item.body,
        lead_unit=item.lead_unit.uuid,
        supporting_units=[u.uuid for u in item.supporting_units.all()],
        month=item.month,
        quarter=item.quarter,
        planned_month=item.planned_month,
        planned_quarter=item.planned_quarter,
        state=item.state,
        reason=item.reason,
        done_on=item.done_on,
    )


def _rates(rates: list[progress.Rate]) -> list[RateOut]:
    return [
        RateOut(quarter=r.quarter, done=r.done, total=r.total, percent=r.percent) for r in rates
    ]


def _programme_out(programme: WorkProgramme, *, items: bool) -> ProgrammeOut:
    rows = list(selectors.programme_items(programme))
    return ProgrammeOut(
        uuid=programme.uuid,
        committee=programme.committee.uuid,
        body=programme.body,
        year=programme.year,
        title=programme.title,
        status=programme.status,
        document=programme.document.uuid if programme.document else None,
        rates=_rates(progress.quarter_rates(rows)),
        items=[_item_out(item) for item in rows] if items else [],
    )


@router.get(
    "/chuong-trinh",
    response={200: list[ProgrammeOut], **ERRORS},
    summary="Các chương trình công tác được xem",
)
def programmes(request: HttpRequest, year: Year | None = None) -> list[ProgrammeOut]:
    found = selectors.programmes_visible(_actor(request)).order_by("-year", "committee__sort_order")
    if year is not None:
        found = found.filter(year=year)
    chosen = list(found[:200])
    rates = progress.rates_for(chosen)
    return [
        ProgrammeOut(
            uuid=p.uuid,
            committee=p.committee.uuid,
            body=p.body,
            year=p.year,
            title=p.title,
            status=p.status,
            document=p.document.uuid if p.document else None,
            rates=_rates(rates[p.pk]),
        )
        for p in chosen
    ]


@router.post(
    "/chuong-trinh",
    response={201: ProgrammeOut, **ERRORS},
    summary="Lập chương trình công tác năm (Văn phòng)",
)
def programme_create(request: HttpRequest, payload: ProgrammeIn) -> Status[ProgrammeOut]:
    programme = services_programme.programme_create(
        actor=_actor(request),
        committee=_required_unit(payload.committee, "committee"),
        body=payload.body,
        year=payload.year,
        title=payload.title,
    )
    return Status(201, _programme_out(programme, items=True))


def _programme(request: HttpRequest, uuid: UUID) -> WorkProgramme:
    return get_visible_or_404(selectors.programmes_visible(_actor(request)), uuid)


@router.get(
    "/chuong-trinh/{programme_uuid}",
    response={200: ProgrammeOut, **ERRORS},
    summary="Một chương trình, các nội dung và tỷ lệ hoàn thành theo quý",
)
def programme_get(request: HttpRequest, programme_uuid: UUID) -> ProgrammeOut:
    return _programme_out(_programme(request, programme_uuid), items=True)


@router.post(
    "/chuong-trinh/{programme_uuid}/noi-dung",
    response={201: ProgrammeItemOut, **ERRORS},
    summary="Thêm nội dung vào chương trình đang soạn",
)
def programme_item_add(
    request: HttpRequest, programme_uuid: UUID, payload: ProgrammeItemIn
) -> Status[ProgrammeItemOut]:
    programme = _programme(request, programme_uuid)
    item = services_programme.programme_item_add(
        actor=_actor(request),
        programme=programme,
        topic=payload.topic,
        content=payload.content,
        body=payload.body,
        lead_unit=_unit(payload.lead_unit, "lead_unit"),
        supporting_units=[_required_unit(u, "supporting_units") for u in payload.supporting_units],
        month=payload.month,
        quarter=payload.quarter,
    )
    return Status(201, _item_out(item))


@router.post(
    "/chuong-trinh/{programme_uuid}/duyet",
    response={200: ProgrammeOut, **ERRORS},
    summary="Duyệt chương trình (lãnh đạo Văn phòng)",
)
def programme_approve(request: HttpRequest, programme_uuid: UUID) -> ProgrammeOut:
    programme = services_programme.programme_approve(
        actor=_actor(request), programme=_programme(request, programme_uuid)
    )
    return _programme_out(programme, items=True)


@router.post(
    "/chuong-trinh/{programme_uuid}/ban-hanh",
    response={201: IssuedOut, **ERRORS},
    summary="Soạn văn bản chương trình (CTr) để trình ký, ban hành",
)
def programme_issue(request: HttpRequest, programme_uuid: UUID) -> Status[IssuedOut]:
    document = services_programme.programme_issue(
        actor=_actor(request), programme=_programme(request, programme_uuid)
    )
    return Status(201, IssuedOut(document=document.uuid))


@router.post(
    "/chuong-trinh/noi-dung/{item_uuid}/theo-doi",
    response={200: ProgrammeItemOut, **ERRORS},
    summary="Ghi tình hình thực hiện một nội dung",
)
def programme_item_track(
    request: HttpRequest, item_uuid: UUID, payload: TrackIn
) -> ProgrammeItemOut:
    item = get_visible_or_404(ProgrammeItem.objects.select_related("programme"), item_uuid)
    _programme(request, item.programme.uuid)
    item = services_programme.programme_item_track(
        actor=_actor(request),
        item=item,
        state=payload.state,
        reason=payload.reason,
        month=payload.month,
        quarter=payload.quarter,
        done_on=payload.done_on,
    )
    return _item_out(item)


# --- monthly plans ----------------------------------------------------------------------------


def _plan_out(plan: MonthlyPlan, *, items: bool) -> MonthlyPlanOut:
    rows: list[MonthlyPlanItem] = (
        list(plan.items.select_related("lead_unit", "programme_item")) if items else []
    )
    return MonthlyPlanOut(
        uuid=plan.uuid,
        committee=plan.committee.uuid,
        year=plan.year,
        month=plan.month,
        status=plan.status,
        items=[
            PlanItemOut(
                uuid=i.uuid,
                position=i.position,
                content=i.content,
                lead_unit=i.lead_unit.uuid if i.lead_unit else None,
                day=i.day,
                note=i.note,
                programme_item=i.programme_item.uuid if i.programme_item else None,
            )
            for i in rows
        ],
    )


def _plan(request: HttpRequest, uuid: UUID) -> MonthlyPlan:
    return get_visible_or_404(selectors.monthly_plans_visible(_actor(request)), uuid)


@router.get("/thang", response={200: list[MonthlyPlanOut], **ERRORS}, summary="Kế hoạch tháng")
def monthly_plans(request: HttpRequest, year: Year | None = None) -> list[MonthlyPlanOut]:
    found = selectors.monthly_plans_visible(_actor(request)).order_by("-year", "-month")
    if year is not None:
        found = found.filter(year=year)
    return [_plan_out(plan, items=False) for plan in found[:200]]


@router.post(
    "/thang",
    response={201: MonthlyPlanOut, **ERRORS},
    summary="Lập kế hoạch tháng từ chương trình đã duyệt",
)
def monthly_plan_draft(request: HttpRequest, payload: MonthlyPlanIn) -> Status[MonthlyPlanOut]:
    plan = services_programme.monthly_plan_draft(
        actor=_actor(request),
        committee=_required_unit(payload.committee, "committee"),
        year=payload.year,
        month=payload.month,
    )
    return Status(201, _plan_out(plan, items=True))


@router.get("/thang/{plan_uuid}", response={200: MonthlyPlanOut, **ERRORS})
def monthly_plan_get(request: HttpRequest, plan_uuid: UUID) -> MonthlyPlanOut:
    return _plan_out(_plan(request, plan_uuid), items=True)


@router.post(
    "/thang/{plan_uuid}/noi-dung",
    response={201: MonthlyPlanOut, **ERRORS},
    summary="Bổ sung nội dung vào kế hoạch tháng",
)
def monthly_plan_item_add(
    request: HttpRequest, plan_uuid: UUID, payload: PlanItemIn
) -> Status[MonthlyPlanOut]:
    plan = _plan(request, plan_uuid)
    services_programme.monthly_plan_item_add(
        actor=_actor(request),
        plan=plan,
        content=payload.content,
        lead_unit=_unit(payload.lead_unit, "lead_unit"),
        day=payload.day,
        note=payload.note,
    )
    return Status(201, _plan_out(plan, items=True))


@router.post("/thang/{plan_uuid}/duyet", response={200: MonthlyPlanOut, **ERRORS})
def monthly_plan_approve(request: HttpRequest, plan_uuid: UUID) -> MonthlyPlanOut:
    plan = services_programme.monthly_plan_approve(
        actor=_actor(request), plan=_plan(request, plan_uuid)
    )
    return _plan_out(plan, items=True)


# --- weekly schedules -------------------------------------------------------------------------


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
    person = _actor(request)
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
        selectors.schedules_visible(_actor(request)), version.schedule.uuid
    )
    if not selectors.versions_visible(_actor(request), schedule).filter(pk=version.pk).exists():
        raise Http404
    return version


@router.get(
    "/lich",
    response={200: list[ScheduleOut], **ERRORS},
    summary="Lịch công tác của một tuần (các lịch được xem)",
)
def schedules(request: HttpRequest, day: Day) -> list[ScheduleOut]:
    person = _actor(request)
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
        actor=_actor(request),
        committee=_required_unit(payload.committee, "committee"),
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
    person = _actor(request)
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
        preparing_unit=_unit(payload.preparing_unit, "preparing_unit"),
        note=payload.note,
        confidentiality=payload.confidentiality,
        leaders=leaders,
        units=[_required_unit(u, "units") for u in payload.units],
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
            actor=_actor(request),
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
        _actor(request),
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
            actor=_actor(request),
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
    services_schedule.entry_remove(actor=_actor(request), entry=_entry(request, entry_uuid))
    return Status(204, None)


@router.post(
    "/lich/ban/{version_uuid}/duyet",
    response={200: ScheduleOut, 409: ConflictsOut, **ERRORS},
    summary="Duyệt bản lịch (lãnh đạo Văn phòng)",
)
def version_approve(request: HttpRequest, version_uuid: UUID) -> Status[ScheduleOut | ConflictsOut]:
    try:
        version = services_schedule.schedule_approve(
            actor=_actor(request), version=_version(request, version_uuid)
        )
    except ConflictError as error:
        return Status(409, _conflicts_out(error))
    return Status(200, _week_out(request, version))


@router.post("/lich/ban/{version_uuid}/tra-lai", response={200: ScheduleOut, **ERRORS})
def version_return(request: HttpRequest, version_uuid: UUID, payload: NoteIn) -> ScheduleOut:
    version = services_schedule.schedule_return(
        actor=_actor(request), version=_version(request, version_uuid), reason=payload.note
    )
    return _week_out(request, version)


@router.post(
    "/lich/ban/{version_uuid}/phat-hanh",
    response={200: ScheduleOut, **ERRORS},
    summary="Phát hành bản lịch đã duyệt tới các đơn vị",
)
def version_publish(request: HttpRequest, version_uuid: UUID) -> ScheduleOut:
    version = services_schedule.schedule_publish(
        actor=_actor(request), version=_version(request, version_uuid)
    )
    return _week_out(request, version)


@router.post(
    "/lich/ban/{version_uuid}/dieu-chinh",
    response={201: ScheduleOut, **ERRORS},
    summary="Lập bản điều chỉnh của lịch đã phát hành",
)
def version_amend(request: HttpRequest, version_uuid: UUID, payload: NoteIn) -> Status[ScheduleOut]:
    amendment = services_schedule.schedule_amend(
        actor=_actor(request), version=_version(request, version_uuid), note=payload.note
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
    shown = week.build(_version(request, version_uuid), _actor(request))
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


# --- rooms and feeds --------------------------------------------------------------------------


@router.get("/phong-hop", response={200: list[RoomOut], **ERRORS})
def rooms(request: HttpRequest) -> list[RoomOut]:
    return [
        RoomOut(
            uuid=r.uuid,
            committee=r.committee.uuid,
            name=r.name,
            address=r.address,
            capacity=r.capacity,
        )
        for r in selectors.rooms_visible(_actor(request)).order_by("name")
    ]


@router.post("/phong-hop", response={201: RoomOut, **ERRORS})
def room_create(request: HttpRequest, payload: RoomIn) -> Status[RoomOut]:
    room = services.room_create(
        actor=_actor(request),
        committee=_required_unit(payload.committee, "committee"),
        name=payload.name,
        address=payload.address,
        capacity=payload.capacity,
    )
    return Status(
        201,
        RoomOut(
            uuid=room.uuid,
            committee=room.committee.uuid,
            name=room.name,
            address=room.address,
            capacity=room.capacity,
        ),
    )


@router.get(
    "/lien-ket-lich",
    response={200: list[FeedOut], **ERRORS},
    summary="Các địa chỉ lịch iCalendar của người gọi",
)
def feeds(request: HttpRequest) -> list[FeedOut]:
    mine = FeedToken.objects.filter(owner=_actor(request)).order_by("-created_at")
    return [
        FeedOut(uuid=f.uuid, scope=f.scope, revoked=f.revoked_at is not None, url="") for f in mine
    ]


@router.post(
    "/lien-ket-lich",
    response={201: FeedOut, 404: ErrorOut, **ERRORS},
    summary="Tạo địa chỉ lịch iCalendar (trả một lần)",
)
def feed_create(request: HttpRequest, payload: FeedIn) -> Status[FeedOut]:
    person = room = unit = None
    if payload.scope == "leader":
        person = Person.objects.filter(uuid=payload.target, is_active=True).first()
    elif payload.scope == "room":
        room = Room.objects.filter(uuid=payload.target).first()
    else:
        unit = _unit(payload.target, "target")
    if person is None and room is None and unit is None:
        raise ValidationError({"target": _("Không tìm thấy đối tượng có mã này.")})
    created = services.feed_create(
        actor=_actor(request), scope=payload.scope, person=person, room=room, unit=unit
    )
    url = request.build_absolute_uri(reverse("planning:ical", args=[created.token]))
    return Status(
        201, FeedOut(uuid=created.feed.uuid, scope=created.feed.scope, revoked=False, url=url)
    )


@router.post("/lien-ket-lich/{feed_uuid}/thu-hoi", response={200: FeedOut, **ERRORS})
def feed_revoke(request: HttpRequest, feed_uuid: UUID) -> FeedOut:
    feed = get_visible_or_404(FeedToken.objects.filter(owner=_actor(request)), feed_uuid)
    feed = services.feed_revoke(actor=_actor(request), feed=feed)
    return FeedOut(uuid=feed.uuid, scope=feed.scope, revoked=True, url="")
