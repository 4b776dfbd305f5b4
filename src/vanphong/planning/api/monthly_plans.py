"""`/api/v1/ke-hoach/thang`: the monthly plans, drafted from the approved programme."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import LAST_YEAR, CleanStr, Day, Year
from vanphong.planning import selectors, services_programme
from vanphong.planning.api.common import Month, optional_unit, required_unit
from vanphong.planning.models import MonthlyPlan, MonthlyPlanItem

router = Router()


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
    return get_visible_or_404(selectors.monthly_plans_visible(actor(request)), uuid)


@router.get("/thang", response={200: list[MonthlyPlanOut], **ERRORS}, summary="Kế hoạch tháng")
def monthly_plans(request: HttpRequest, year: Year | None = None) -> list[MonthlyPlanOut]:
    found = selectors.monthly_plans_visible(actor(request)).order_by("-year", "-month")
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
        actor=actor(request),
        committee=required_unit(payload.committee, "committee"),
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
        actor=actor(request),
        plan=plan,
        content=payload.content,
        lead_unit=optional_unit(payload.lead_unit, "lead_unit"),
        day=payload.day,
        note=payload.note,
    )
    return Status(201, _plan_out(plan, items=True))


@router.post("/thang/{plan_uuid}/duyet", response={200: MonthlyPlanOut, **ERRORS})
def monthly_plan_approve(request: HttpRequest, plan_uuid: UUID) -> MonthlyPlanOut:
    plan = services_programme.monthly_plan_approve(
        actor=actor(request), plan=_plan(request, plan_uuid)
    )
    return _plan_out(plan, items=True)
