"""`/api/v1/ke-hoach/chuong-trinh`: the annual work programmes, their items and how each
went (completion per quarter), and issuing one as a CTr document."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import LAST_YEAR, CleanStr, Day, Year
from vanphong.planning import progress, selectors, services_programme
from vanphong.planning.api.common import Month, Quarter, optional_unit, required_unit
from vanphong.planning.models import Body, ProgrammeItem, WorkProgramme

router = Router()


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
    found = selectors.programmes_visible(actor(request)).order_by("-year", "committee__sort_order")
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
        actor=actor(request),
        committee=required_unit(payload.committee, "committee"),
        body=payload.body,
        year=payload.year,
        title=payload.title,
    )
    return Status(201, _programme_out(programme, items=True))


def _programme(request: HttpRequest, uuid: UUID) -> WorkProgramme:
    return get_visible_or_404(selectors.programmes_visible(actor(request)), uuid)


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
        actor=actor(request),
        programme=programme,
        topic=payload.topic,
        content=payload.content,
        body=payload.body,
        lead_unit=optional_unit(payload.lead_unit, "lead_unit"),
        supporting_units=[required_unit(u, "supporting_units") for u in payload.supporting_units],
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
        actor=actor(request), programme=_programme(request, programme_uuid)
    )
    return _programme_out(programme, items=True)


@router.post(
    "/chuong-trinh/{programme_uuid}/ban-hanh",
    response={201: IssuedOut, **ERRORS},
    summary="Soạn văn bản chương trình (CTr) để trình ký, ban hành",
)
def programme_issue(request: HttpRequest, programme_uuid: UUID) -> Status[IssuedOut]:
    document = services_programme.programme_issue(
        actor=actor(request), programme=_programme(request, programme_uuid)
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
        actor=actor(request),
        item=item,
        state=payload.state,
        reason=payload.reason,
        month=payload.month,
        quarter=payload.quarter,
        done_on=payload.done_on,
    )
    return _item_out(item)
