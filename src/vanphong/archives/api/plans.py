"""`/api/v1/luu-tru/danh-muc-ho-so…`: file plans (list, one plan with its numbered headings and
entries, create, copy forward, add headings and entries, approve, amend, suggestions for a
subject) and `/api/v1/luu-tru/bang-thoi-han`: the retention tables. The same services and
scoping as the pages: a plan one does not see is a 404, an action one may not take a 403, a
refused value a 422 on its field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, person_named, unit_named
from vanphong.archives import selectors, services_plans
from vanphong.archives.models import FilePlan, PlanEntry, PlanHeading, RetentionRule, UnitLevel
from vanphong.archives.plans import (
    HeadingRow,
    plan_outline,
    retention_label,
    retention_rules,
    suggest_entries,
)
from vanphong.archives.services_plans import EntryInput
from vanphong.core.inputs import CleanStr, Year
from vanphong.org.models import Person

router = Router(tags=["lưu trữ: danh mục hồ sơ"])
T = TypeVar("T")


class EntryOut(Schema):
    uuid: UUID
    heading: UUID
    code: str = Field(description="Số và ký hiệu hồ sơ, ví dụ 01.TCCB.")
    title: str
    keywords: str
    retention_years: int | None = Field(description="null: bảo quản vĩnh viễn.")
    retention: str = Field(description="Thời hạn bảo quản như bản in ghi: Vĩnh viễn, 10 năm.")
    retention_rule: UUID | None = Field(description="Dòng bảng thời hạn bảo quản đã theo.")
    responsible: PersonRef | None
    note: str


class MinorHeadingOut(Schema):
    uuid: UUID
    number: str = Field(description="Số Ả Rập, đếm lại trong mỗi đề mục lớn.")
    title: str
    entries: list[EntryOut]


class HeadingOut(MinorHeadingOut):
    number: str = Field(description="Số La Mã.")
    children: list[MinorHeadingOut]


class SummaryOut(Schema):
    total: int
    permanent: int
    limited: int
    text: str = Field(description="Câu tổng kết cuối bản danh mục.")


class PlanOut(Schema):
    uuid: UUID
    unit: UnitRef
    year: int
    status: str = Field(description="draft (dự thảo) hoặc approved (đã ban hành).")
    copied_from: UUID | None
    approved_by: PersonRef | None
    approved_at: datetime | None
    entry_count: int


class PlanDetailOut(PlanOut):
    headings: list[HeadingOut]
    summary: SummaryOut


class PlanIn(Schema):
    unit: UUID
    year: Year


class CopyIn(Schema):
    year: Year = Field(description="Năm của danh mục mới, sau năm của danh mục nguồn.")


class HeadingIn(Schema):
    title: CleanStr = Field(max_length=300)
    parent: UUID | None = Field(None, description="Đề mục lớn chứa nó; không có: đề mục lớn.")


class EntryIn(Schema):
    heading: UUID
    code: CleanStr = Field(max_length=30)
    title: CleanStr = Field(max_length=500)
    retention_years: int | None = Field(None, ge=1, le=100)
    permanent: bool = False
    rule: UUID | None = Field(
        None, description="Dòng bảng thời hạn; không ghi thời hạn thì lấy thời hạn của dòng."
    )
    responsible: UUID | None = Field(None, description="Người lập hồ sơ, cán bộ của đơn vị.")
    keywords: CleanStr = Field("", max_length=500)
    note: CleanStr = Field("", max_length=500)


class AmendIn(EntryIn):
    reason: CleanStr = Field(max_length=300)


class RuleOut(Schema):
    uuid: UUID
    level: str = Field(description="provincial (cấp tỉnh) hoặc district (cấp huyện).")
    group: str
    number: str
    title: str
    retention_years: int | None = Field(description="null: vĩnh viễn.")
    retention: str
    source: str
    verified: bool
    note: str


class PlanQuery(Schema):
    unit: UUID | None = None
    year: Year | None = None


class RuleQuery(Schema):
    level: UnitLevel | None = None
    text: str = Field("", max_length=200, description="Tìm theo tên, không phân biệt dấu.")


class SuggestQuery(Schema):
    unit: UUID
    year: Year
    text: str = Field(max_length=500)


def _entry(entry: PlanEntry, heading_uuid: UUID | None = None) -> dict[str, Any]:
    return {
        "uuid": entry.uuid,
        "heading": heading_uuid or entry.heading.uuid,
        "code": entry.code,
        "title": entry.title,
        "keywords": entry.keywords,
        "retention_years": entry.retention_years,
        "retention": retention_label(entry.retention_years),
        "retention_rule": entry.retention_rule.uuid if entry.retention_rule else None,
        "responsible": entry.responsible,
        "note": entry.note,
    }


def _heading(row: HeadingRow) -> dict[str, Any]:
    found = {
        "uuid": row.heading.uuid,
        "number": row.number,
        "title": row.heading.title,
        "entries": [_entry(e, row.heading.uuid) for e in row.entries],
    }
    if row.major:
        found["children"] = [_heading(child) for child in row.children]
    return found


def _plan(plan: FilePlan, entry_count: int) -> dict[str, Any]:
    return {
        "uuid": plan.uuid,
        "unit": plan.unit,
        "year": plan.year,
        "status": plan.status,
        "copied_from": plan.copied_from.uuid if plan.copied_from else None,
        "approved_by": plan.approved_by,
        "approved_at": plan.approved_at,
        "entry_count": entry_count,
    }


def _detail(person: Person, plan_uuid: UUID) -> dict[str, Any]:
    plan = selectors.plan_get_visible(person, plan_uuid)
    plan = FilePlan.objects.select_related("unit", "approved_by", "copied_from").get(pk=plan.pk)
    outline = plan_outline(plan)
    return {
        **_plan(plan, outline.total),
        "headings": [_heading(row) for row in outline.headings],
        "summary": {
            "total": outline.total,
            "permanent": outline.permanent,
            "limited": outline.limited,
            "text": outline.summary(),
        },
    }


def _visible(person: Person, plan_uuid: UUID) -> FilePlan:
    plan = selectors.plan_get_visible(person, plan_uuid)
    return FilePlan.objects.select_related("unit").get(pk=plan.pk)


def _heading_of(plan: FilePlan, uuid: UUID, field: str) -> PlanHeading:
    heading = PlanHeading.objects.filter(plan=plan, uuid=uuid).select_related("plan").first()
    if heading is None:
        raise ValidationError({field: _("Không có đề mục này trong danh mục.")})
    return heading


def _entry_input(plan: FilePlan, payload: EntryIn) -> EntryInput:
    """The body's references resolved, every unknown one a 422 on its field."""
    errors: dict[str, list[str]] = {}

    def look(find: Callable[[], T]) -> T | None:
        try:
            return find()
        except ValidationError as error:
            errors.update(error.message_dict)
            return None

    heading = look(lambda: _heading_of(plan, payload.heading, "heading"))
    rule_uuid, person_uuid = payload.rule, payload.responsible
    rule = look(lambda: _rule(rule_uuid)) if rule_uuid else None
    responsible = look(lambda: person_named(person_uuid, "responsible")) if person_uuid else None
    if errors or heading is None:
        raise ValidationError(errors)
    return EntryInput(
        heading=heading,
        code=payload.code,
        title=payload.title,
        retention_years=payload.retention_years,
        permanent=payload.permanent,
        rule=rule,
        responsible=responsible,
        keywords=payload.keywords,
        note=payload.note,
    )


def _rule(uuid: UUID) -> RetentionRule:
    rule = RetentionRule.objects.filter(uuid=uuid).first()
    if rule is None:
        raise ValidationError({"rule": _("Không có dòng này trong bảng thời hạn bảo quản.")})
    return rule


@router.get(
    "/danh-muc-ho-so",
    response={200: list[PlanOut], **ERRORS},
    summary="Danh mục hồ sơ người gọi được xem",
    description="Lọc theo đơn vị (unit) và năm (year); mới nhất trước.",
)
def plan_list(request: HttpRequest, filters: Query[PlanQuery]) -> list[dict[str, Any]]:
    person = actor(request)
    found = selectors.plans_visible(person)
    if filters.unit is not None:
        found = found.filter(unit__uuid=filters.unit)
    if filters.year is not None:
        found = found.filter(year=filters.year)
    found = (
        found.annotate(entry_count=Count("entries"))
        .select_related("unit", "approved_by", "copied_from")
        .order_by("-year", "unit__sort_order", "id")[:500]
    )
    return [_plan(plan, plan.entry_count) for plan in found]


@router.post(
    "/danh-muc-ho-so",
    response={201: PlanDetailOut, **ERRORS},
    summary="Lập danh mục hồ sơ của đơn vị cho một năm",
)
def plan_create(request: HttpRequest, payload: PlanIn) -> Status[dict[str, Any]]:
    person = actor(request)
    unit = unit_named(payload.unit, "unit")
    plan = services_plans.plan_create(actor=person, unit=unit, year=payload.year)
    return Status(201, _detail(person, plan.uuid))


@router.get(
    "/danh-muc-ho-so/goi-y",
    response={200: list[EntryOut], **ERRORS},
    summary="Gợi ý hồ sơ trong danh mục theo trích yếu",
    description="Tối đa 5 mục của danh mục năm của đơn vị có nhiều từ chung nhất với text.",
)
def plan_suggest(request: HttpRequest, filters: Query[SuggestQuery]) -> list[dict[str, Any]]:
    person = actor(request)
    plan = (
        selectors.plans_visible(person)
        .filter(unit__uuid=filters.unit, year=filters.year)
        .select_related("unit")
        .first()
    )
    if plan is None:
        raise Http404
    found = suggest_entries(unit=plan.unit, year=plan.year, text=filters.text)
    return [_entry(entry) for entry in found]


@router.get(
    "/danh-muc-ho-so/{plan_uuid}",
    response={200: PlanDetailOut, **ERRORS},
    summary="Một danh mục hồ sơ: đề mục đánh số, hồ sơ, tổng kết",
)
def plan_get(request: HttpRequest, plan_uuid: UUID) -> dict[str, Any]:
    return _detail(actor(request), plan_uuid)


@router.post(
    "/danh-muc-ho-so/{plan_uuid}/sao-chep",
    response={201: PlanDetailOut, **ERRORS},
    summary="Sao chép đề mục và hồ sơ sang danh mục năm sau (dự thảo mới)",
)
def plan_copy(request: HttpRequest, plan_uuid: UUID, payload: CopyIn) -> Status[dict[str, Any]]:
    person = actor(request)
    plan = _visible(person, plan_uuid)
    copy = services_plans.plan_copy_forward(actor=person, plan=plan, year=payload.year)
    return Status(201, _detail(person, copy.uuid))


@router.post(
    "/danh-muc-ho-so/{plan_uuid}/de-muc",
    response={201: PlanDetailOut, **ERRORS},
    summary="Thêm đề mục (lớn hoặc nhỏ) vào danh mục dự thảo",
)
def plan_heading_add(
    request: HttpRequest, plan_uuid: UUID, payload: HeadingIn
) -> Status[dict[str, Any]]:
    person = actor(request)
    plan = _visible(person, plan_uuid)
    parent = _heading_of(plan, payload.parent, "parent") if payload.parent else None
    services_plans.heading_add(actor=person, plan=plan, title=payload.title, parent=parent)
    return Status(201, _detail(person, plan.uuid))


@router.post(
    "/danh-muc-ho-so/{plan_uuid}/ho-so",
    response={201: EntryOut, **ERRORS},
    summary="Thêm hồ sơ vào danh mục dự thảo",
)
def plan_entry_add(
    request: HttpRequest, plan_uuid: UUID, payload: EntryIn
) -> Status[dict[str, Any]]:
    person = actor(request)
    plan = _visible(person, plan_uuid)
    entry = services_plans.entry_add(actor=person, plan=plan, data=_entry_input(plan, payload))
    return Status(201, _entry(entry))


@router.post(
    "/danh-muc-ho-so/{plan_uuid}/ban-hanh",
    response={200: PlanDetailOut, **ERRORS},
    summary="Ban hành danh mục (thủ trưởng đơn vị)",
)
def plan_approve(request: HttpRequest, plan_uuid: UUID) -> dict[str, Any]:
    person = actor(request)
    plan = _visible(person, plan_uuid)
    services_plans.plan_approve(actor=person, plan=plan)
    return _detail(person, plan.uuid)


@router.post(
    "/danh-muc-ho-so/{plan_uuid}/bo-sung",
    response={201: EntryOut, **ERRORS},
    summary="Bổ sung hồ sơ phát sinh vào danh mục đã ban hành, kèm lý do",
)
def plan_amend(request: HttpRequest, plan_uuid: UUID, payload: AmendIn) -> Status[dict[str, Any]]:
    person = actor(request)
    plan = _visible(person, plan_uuid)
    entry = services_plans.plan_amend(
        actor=person, plan=plan, data=_entry_input(plan, payload), reason=payload.reason
    )
    return Status(201, _entry(entry))


@router.get(
    "/bang-thoi-han",
    response={200: list[RuleOut], **ERRORS},
    summary="Bảng thời hạn bảo quản (HD 35-HD/VPTW, chưa kiểm chứng từng dòng)",
)
def retention_list(request: HttpRequest, filters: Query[RuleQuery]) -> list[dict[str, Any]]:
    actor(request)
    return [
        {
            "uuid": rule.uuid,
            "level": rule.level,
            "group": rule.group,
            "number": rule.number,
            "title": rule.title,
            "retention_years": rule.retention_years,
            "retention": retention_label(rule.retention_years),
            "source": rule.source,
            "verified": rule.verified,
            "note": rule.note,
        }
        for rule in retention_rules(filters.level or "", filters.text)
    ]
