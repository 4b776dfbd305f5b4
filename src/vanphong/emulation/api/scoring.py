"""`/api/v1/thi-dua/`: blocs, criteria sets, movements and pledges (score sheets and the ranking
in `scoring_sheets`) — the same services as the pages, the same visibility (what one may not see
is a 404)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import UnitRef, unit_named
from vanphong.core.inputs import CleanStr
from vanphong.emulation import selectors, services, services_movement
from vanphong.emulation.api import scoring_sheets
from vanphong.emulation.models import (
    Bloc,
    CriteriaSet,
    Criterion,
    Movement,
    Pledge,
    ReviewMode,
)
from vanphong.org.models import Person

router = Router()
_unit = scoring_sheets.unit_ref

# --- blocs ----------------------------------------------------------------------------------


class MemberOut(Schema):
    unit: UnitRef
    joined_on: date
    left_on: date | None


class BlocOut(Schema):
    uuid: UUID
    name: str
    convenor: UnitRef
    members: list[MemberOut]


def _bloc_out(bloc: Bloc) -> BlocOut:
    return BlocOut(
        uuid=bloc.uuid,
        name=bloc.name,
        convenor=_unit(bloc.convenor),
        members=[
            MemberOut(unit=_unit(m.unit), joined_on=m.joined_on, left_on=m.left_on)
            for m in bloc.members.all()
        ],
    )


class BlocIn(Schema):
    name: CleanStr = Field(min_length=1, max_length=200)
    convenor: UUID = Field(description="Đơn vị tổ chức (người gọi là cán bộ thi đua, lãnh đạo).")


class MemberIn(Schema):
    unit: UUID
    joined_on: date


class MemberEndIn(Schema):
    left_on: date


@router.get("/khoi", response={200: list[BlocOut], **ERRORS}, summary="Các khối thi đua")
def blocs(request: HttpRequest) -> list[BlocOut]:
    found = (
        selectors.blocs_visible(actor(request))
        .select_related("convenor")
        .prefetch_related("members__unit")
    )
    return [_bloc_out(b) for b in found]


@router.post("/khoi", response={201: BlocOut, **ERRORS}, summary="Lập khối thi đua")
def bloc_create(request: HttpRequest, payload: BlocIn) -> Status[BlocOut]:
    person = actor(request)
    convenor = unit_named(payload.convenor, "convenor")
    return Status(
        201, _bloc_out(services.bloc_create(actor=person, name=payload.name, convenor=convenor))
    )


@router.post(
    "/khoi/{bloc_uuid}/thanh-vien",
    response={201: BlocOut, **ERRORS},
    summary="Thêm thành viên vào khối",
)
def bloc_member_add(request: HttpRequest, bloc_uuid: UUID, payload: MemberIn) -> Status[BlocOut]:
    person = actor(request)
    bloc = selectors.bloc_or_404(person, bloc_uuid)
    services.bloc_member_add(
        actor=person,
        bloc=bloc,
        unit=unit_named(payload.unit, "unit"),
        joined_on=payload.joined_on,
    )
    return Status(201, _bloc_out(bloc))


@router.post(
    "/khoi/{bloc_uuid}/thanh-vien/{unit_uuid}/roi-khoi",
    response={200: BlocOut, **ERRORS},
    summary="Thành viên rời khối",
)
def bloc_member_end(
    request: HttpRequest, bloc_uuid: UUID, unit_uuid: UUID, payload: MemberEndIn
) -> BlocOut:
    person = actor(request)
    bloc = selectors.bloc_or_404(person, bloc_uuid)
    member = bloc.members.filter(unit__uuid=unit_uuid, left_on__isnull=True).first()
    if member is None:
        raise Http404
    services.bloc_member_end(actor=person, member=member, left_on=payload.left_on)
    return _bloc_out(bloc)


# --- criteria sets --------------------------------------------------------------------------


class CriterionOut(Schema):
    uuid: UUID
    code: str
    title: str
    kind: str = Field(description="measured, assessed, bonus, penalty")
    max_points: Decimal
    measure: str
    scale: dict[str, Any]
    guidance: str
    measure_installed: bool


class GroupOut(Schema):
    code: str
    title: str
    criteria: list[CriterionOut]


class CriteriaSetOut(Schema):
    uuid: UUID
    year: int
    name: str
    source: str
    frozen: bool
    groups: list[GroupOut] = []


def _criterion_out(c: Criterion) -> CriterionOut:
    return CriterionOut(
        uuid=c.uuid,
        code=c.code,
        title=c.title,
        kind=c.kind,
        max_points=c.max_points,
        measure=c.measure,
        scale=c.scale,
        guidance=c.guidance,
        measure_installed=not services.measure_missing(c),
    )


def _set_out(found: CriteriaSet, *, groups: bool = True) -> CriteriaSetOut:
    return CriteriaSetOut(
        uuid=found.uuid,
        year=found.year,
        name=found.name,
        source=found.source,
        frozen=found.frozen,
        groups=[
            GroupOut(
                code=g.code,
                title=g.title,
                criteria=[_criterion_out(c) for c in g.criteria.all()],
            )
            for g in found.groups.prefetch_related("criteria")
        ]
        if groups
        else [],
    )


class CriteriaSetIn(Schema):
    year: int
    name: CleanStr = Field(min_length=1, max_length=300)
    source: CleanStr = ""


class CopyIn(Schema):
    year: int
    name: CleanStr = ""


class GroupIn(Schema):
    code: CleanStr = Field(min_length=1, max_length=10)
    title: CleanStr = Field(min_length=1, max_length=300)


class CriterionIn(Schema):
    group: CleanStr = Field(description="Số thứ tự của nhóm, ví dụ I.")
    code: CleanStr = Field(min_length=1, max_length=10)
    title: CleanStr = Field(min_length=1, max_length=500)
    kind: str
    max_points: Decimal
    measure: CleanStr = ""
    scale: dict[str, Any] = {}
    guidance: CleanStr = ""


@router.get("/tieu-chi", response={200: list[CriteriaSetOut], **ERRORS}, summary="Bảng tiêu chí")
def criteria_sets(request: HttpRequest) -> list[CriteriaSetOut]:
    return [_set_out(s, groups=False) for s in selectors.criteria_sets_visible(actor(request))]


@router.get(
    "/tieu-chi/{set_uuid}", response={200: CriteriaSetOut, **ERRORS}, summary="Một bảng tiêu chí"
)
def criteria_set(request: HttpRequest, set_uuid: UUID) -> CriteriaSetOut:
    return _set_out(selectors.criteria_set_or_404(actor(request), set_uuid))


@router.post("/tieu-chi", response={201: CriteriaSetOut, **ERRORS}, summary="Lập bảng tiêu chí")
def criteria_set_create(request: HttpRequest, payload: CriteriaSetIn) -> Status[CriteriaSetOut]:
    made = services.criteria_set_create(actor=actor(request), **payload.model_dump())
    return Status(201, _set_out(made))


@router.post(
    "/tieu-chi/{set_uuid}/sao-chep",
    response={201: CriteriaSetOut, **ERRORS},
    summary="Sao chép bảng tiêu chí sang năm mới",
)
def criteria_set_copy(
    request: HttpRequest, set_uuid: UUID, payload: CopyIn
) -> Status[CriteriaSetOut]:
    person = actor(request)
    found = selectors.criteria_set_or_404(person, set_uuid)
    made = services.criteria_set_copy(
        actor=person, criteria_set=found, year=payload.year, name=payload.name
    )
    return Status(201, _set_out(made))


@router.post(
    "/tieu-chi/{set_uuid}/nhom", response={201: CriteriaSetOut, **ERRORS}, summary="Thêm nhóm"
)
def group_add(request: HttpRequest, set_uuid: UUID, payload: GroupIn) -> Status[CriteriaSetOut]:
    person = actor(request)
    found = selectors.criteria_set_or_404(person, set_uuid)
    services.criterion_group_add(
        actor=person, criteria_set=found, code=payload.code, title=payload.title
    )
    return Status(201, _set_out(found))


@router.post(
    "/tieu-chi/{set_uuid}/muc", response={201: CriterionOut, **ERRORS}, summary="Thêm tiêu chí"
)
def criterion_add(
    request: HttpRequest, set_uuid: UUID, payload: CriterionIn
) -> Status[CriterionOut]:
    person = actor(request)
    found = selectors.criteria_set_or_404(person, set_uuid)
    group = found.groups.filter(code=payload.group).first()
    if group is None:
        raise ValidationError({"group": _("Bảng tiêu chí không có nhóm này.")})
    data = payload.model_dump(exclude={"group"})
    return Status(201, _criterion_out(services.criterion_add(actor=person, group=group, **data)))


@router.post(
    "/tieu-chi/muc/{criterion_uuid}", response={200: CriterionOut, **ERRORS}, summary="Sửa tiêu chí"
)
def criterion_update(
    request: HttpRequest, criterion_uuid: UUID, payload: CriterionIn
) -> CriterionOut:
    person = actor(request)
    found = selectors.criterion_or_404(person, criterion_uuid)
    data = payload.model_dump(exclude={"group"})
    return _criterion_out(services.criterion_update(actor=person, criterion=found, **data))


@router.delete(
    "/tieu-chi/muc/{criterion_uuid}", response={204: None, **ERRORS}, summary="Xóa tiêu chí"
)
def criterion_remove(request: HttpRequest, criterion_uuid: UUID) -> Status[None]:
    person = actor(request)
    services.criterion_remove(
        actor=person, criterion=selectors.criterion_or_404(person, criterion_uuid)
    )
    return Status(204, None)


# --- movements and pledges ------------------------------------------------------------------


class MovementOut(Schema):
    uuid: UUID
    bloc: UUID
    year: int
    title: str
    launched_on: date
    pledge_deadline: date
    leader_unit: UnitRef | None
    criteria_set: UUID
    review_mode: str = Field(description="members, council")
    status: str = Field(description="open, scoring, ranked, closed")


def _movement_out(m: Movement) -> MovementOut:
    return MovementOut(
        uuid=m.uuid,
        bloc=m.bloc.uuid,
        year=m.year,
        title=m.title,
        launched_on=m.launched_on,
        pledge_deadline=m.pledge_deadline,
        leader_unit=_unit(m.leader_unit) if m.leader_unit else None,
        criteria_set=m.criteria_set.uuid,
        review_mode=m.review_mode,
        status=m.status,
    )


class MovementIn(Schema):
    year: int
    title: CleanStr = Field(min_length=1, max_length=500)
    launched_on: date
    pledge_deadline: date
    criteria_set: UUID
    leader_unit: UUID | None = None
    review_mode: str = ReviewMode.MEMBERS


class MovementUpdateIn(Schema):
    title: CleanStr | None = None
    pledge_deadline: date | None = None
    leader_unit: UUID | None = None
    review_mode: str | None = None


class AdvanceIn(Schema):
    to: str = Field(description="scoring, ranked, closed: the next step only")


class PledgeIn(Schema):
    unit: UUID
    titles: list[str]
    content: CleanStr = ""


class PledgeOut(Schema):
    unit: UnitRef
    titles: list[str]
    content: str
    registered_on: date
    late: bool


def _pledge_out(p: Pledge) -> PledgeOut:
    return PledgeOut(
        unit=_unit(p.unit),
        titles=p.titles,
        content=p.content,
        registered_on=p.registered_on,
        late=p.late,
    )


def _movement(person: Person, movement_uuid: UUID) -> Movement:
    return selectors.movement_or_404(person, movement_uuid)


@router.get("/phong-trao", response={200: list[MovementOut], **ERRORS}, summary="Phong trào")
def movements(request: HttpRequest) -> list[MovementOut]:
    found = selectors.movements_visible(actor(request)).select_related(
        "bloc", "criteria_set", "leader_unit"
    )
    return [_movement_out(m) for m in found]


@router.get(
    "/phong-trao/{movement_uuid}", response={200: MovementOut, **ERRORS}, summary="Một phong trào"
)
def movement(request: HttpRequest, movement_uuid: UUID) -> MovementOut:
    return _movement_out(_movement(actor(request), movement_uuid))


@router.post(
    "/khoi/{bloc_uuid}/phong-trao",
    response={201: MovementOut, **ERRORS},
    summary="Phát động phong trào thi đua của khối",
)
def movement_launch(
    request: HttpRequest, bloc_uuid: UUID, payload: MovementIn
) -> Status[MovementOut]:
    person = actor(request)
    bloc = selectors.bloc_or_404(person, bloc_uuid)
    criteria_set = selectors.criteria_sets_visible(person).filter(uuid=payload.criteria_set).first()
    if criteria_set is None:
        raise ValidationError({"criteria_set": _("Không tìm thấy bảng tiêu chí có mã này.")})
    made = services_movement.movement_launch(
        actor=person,
        bloc=bloc,
        year=payload.year,
        title=payload.title,
        launched_on=payload.launched_on,
        pledge_deadline=payload.pledge_deadline,
        criteria_set=criteria_set,
        leader_unit=unit_named(payload.leader_unit, "leader_unit") if payload.leader_unit else None,
        review_mode=payload.review_mode,
    )
    return Status(201, _movement_out(made))


@router.post(
    "/phong-trao/{movement_uuid}/sua",
    response={200: MovementOut, **ERRORS},
    summary="Sửa phong trào: luân phiên trưởng khối, gia hạn đăng ký, cách chấm chéo",
)
def movement_update(
    request: HttpRequest, movement_uuid: UUID, payload: MovementUpdateIn
) -> MovementOut:
    person = actor(request)
    found = _movement(person, movement_uuid)
    changed = services_movement.movement_update(
        actor=person,
        movement=found,
        title=payload.title,
        pledge_deadline=payload.pledge_deadline,
        leader_unit=unit_named(payload.leader_unit, "leader_unit") if payload.leader_unit else None,
        review_mode=payload.review_mode,
    )
    return _movement_out(changed)


@router.post(
    "/phong-trao/{movement_uuid}/chuyen-buoc",
    response={200: MovementOut, **ERRORS},
    summary="Chuyển bước: đang chấm điểm → đã xếp hạng (chốt bảng xếp hạng) → kết thúc",
)
def movement_advance(request: HttpRequest, movement_uuid: UUID, payload: AdvanceIn) -> MovementOut:
    person = actor(request)
    found = _movement(person, movement_uuid)
    moved = services_movement.movement_advance(actor=person, movement=found, to=payload.to)
    return _movement_out(moved)


@router.get(
    "/phong-trao/{movement_uuid}/dang-ky",
    response={200: list[PledgeOut], **ERRORS},
    summary="Đăng ký thi đua của các thành viên",
)
def pledges(request: HttpRequest, movement_uuid: UUID) -> list[PledgeOut]:
    found = _movement(actor(request), movement_uuid)
    return [_pledge_out(p) for p in selectors.pledges_of(found)]


@router.post(
    "/phong-trao/{movement_uuid}/dang-ky",
    response={200: PledgeOut, **ERRORS},
    summary="Đăng ký (hoặc sửa đăng ký) thi đua của một thành viên, trước hạn",
)
def pledge_register(request: HttpRequest, movement_uuid: UUID, payload: PledgeIn) -> PledgeOut:
    person = actor(request)
    found = _movement(person, movement_uuid)
    made = services_movement.pledge_register(
        actor=person,
        movement=found,
        unit=unit_named(payload.unit, "unit"),
        titles=payload.titles,
        content=payload.content,
    )
    return _pledge_out(made)


# The score sheets and the ranking: their own module, under the same router.
router.add_router("", scoring_sheets.router)
