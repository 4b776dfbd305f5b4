"""`/api/v1/luu-tru/…`: disposals through their steps, legal holds, the holdings statistics —
the same services and scoping as the pages (a file or hold one may not see is never named)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, person_named, unit_named
from vanphong.archives import registers, services_disposals, services_holds
from vanphong.archives.models import Disposal, DisposalItem, LegalHold, RecordFile
from vanphong.archives.retention import retention_expires_on
from vanphong.archives.selectors import files_visible
from vanphong.core import paging
from vanphong.core.inputs import CleanStr, Day, Year
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import scope_for

router = Router(tags=["luu-tru: tiêu hủy, tạm giữ, thống kê"])


class FileRef(Schema):
    uuid: UUID
    code: str
    title: str
    year: int
    unit: UnitRef
    retention_years: int | None = Field(description="null: vĩnh viễn.")
    expires_on: date | None
    status: str


class ItemOut(Schema):
    file: FileRef
    keep: bool
    reason: str
    holds: list[str] = Field(description="Lệnh tạm giữ đang có hiệu lực (ẩn tên nếu mật).")


class DisposalOut(Schema):
    uuid: UUID
    title: str
    status: str
    archive_unit: UnitRef
    proposed_by: PersonRef
    proposed_at: datetime
    council: list[PersonRef]
    council_opinion: str
    appraised_at: datetime | None
    approved_by: PersonRef | None
    approved_at: datetime | None
    decision: str
    executed_by: PersonRef | None
    executed_at: datetime | None
    method: str
    has_record: bool
    items: list[ItemOut] = Field(description="Chỉ ở trang chi tiết; hồ sơ được xem.")


class DisposalPageOut(Schema):
    items: list[DisposalOut]
    total: int
    page: int
    pages: int


class ProposeIn(Schema):
    archive_unit: UUID
    title: CleanStr = Field(max_length=300)
    files: list[UUID] = Field(max_length=2000)


class AppraiseIn(Schema):
    council: list[UUID] = Field(max_length=50)
    opinion: CleanStr = Field(max_length=5000)
    keep: dict[UUID, CleanStr] = Field(
        default_factory=dict, description="Hồ sơ giữ lại (mã hồ sơ → lý do)."
    )


class ApproveIn(Schema):
    decision: CleanStr = Field(max_length=200)


class ExecuteIn(Schema):
    method: CleanStr = Field(max_length=200)
    executed_on: Day


class ReasonIn(Schema):
    reason: CleanStr = Field(max_length=500)


class HoldOut(Schema):
    uuid: UUID
    unit: UnitRef
    kind: str
    reason: str
    reference: str
    placed_by: PersonRef
    placed_at: datetime
    released_by: PersonRef | None
    released_at: datetime | None
    release_reason: str
    files: list[FileRef] = Field(description="Chỉ ở trang chi tiết.")


class HoldPageOut(Schema):
    items: list[HoldOut]
    total: int
    page: int
    pages: int


class HoldIn(Schema):
    unit: UUID
    kind: str = Field(description="petition, inspection, litigation, other.")
    reason: CleanStr = Field(max_length=500)
    reference: CleanStr = Field("", max_length=300)
    files: list[UUID] = Field(max_length=2000)


class HoldingOut(Schema):
    unit: str
    year: int
    permanent: int
    limited: int
    by_confidentiality: list[int] = Field(description="Không mật, Mật, Tối mật, Tuyệt mật.")
    total: int


class HoldingsOut(Schema):
    lines: list[HoldingOut]
    total: HoldingOut


def _file(f: RecordFile) -> dict[str, Any]:
    return {
        "uuid": f.uuid,
        "code": f.code,
        "title": f.title,
        "year": f.year,
        "unit": f.unit,
        "retention_years": f.retention_years,
        "expires_on": retention_expires_on(f),
        "status": f.status,
    }


def _disposal(d: Disposal, items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "uuid": d.uuid,
        "title": d.title,
        "status": d.status,
        "archive_unit": d.archive_unit,
        "proposed_by": d.proposed_by,
        "proposed_at": d.proposed_at,
        "council": list(d.council.order_by("full_name", "id")) if items is not None else [],
        "council_opinion": d.council_opinion,
        "appraised_at": d.appraised_at,
        "approved_by": d.approved_by,
        "approved_at": d.approved_at,
        "decision": d.decision,
        "executed_by": d.executed_by,
        "executed_at": d.executed_at,
        "method": d.method,
        "has_record": d.record_id is not None,
        "items": items or [],
    }


def _detail(person: Person, uuid: UUID) -> dict[str, Any]:
    disposal = registers.disposal_get_visible(person, uuid)
    found: list[DisposalItem] = list(registers.disposal_items_visible(person, disposal))
    held = services_holds.blocking_holds([i.file for i in found])
    seen = set(
        services_holds.holds_visible(person)
        .filter(pk__in=[h.pk for hs in held.values() for h in hs])
        .values_list("pk", flat=True)
    )
    items = [
        {
            "file": _file(i.file),
            "keep": i.keep,
            "reason": i.reason,
            "holds": [services_holds.hold_label(h, h.pk in seen) for h in held.get(i.file_id, [])],
        }
        for i in found
    ]
    return _disposal(disposal, items)


def _files(person: Person, uuids: list[UUID]) -> list[RecordFile]:
    wanted = set(uuids)
    found = list(files_visible(person).filter(uuid__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError({"files": _("Không tìm thấy hồ sơ.")})
    return found


def _hold(h: LegalHold, files: list[RecordFile] | None = None) -> dict[str, Any]:
    return {
        "uuid": h.uuid,
        "unit": h.unit,
        "kind": h.kind,
        "reason": h.reason,
        "reference": h.reference,
        "placed_by": h.placed_by,
        "placed_at": h.placed_at,
        "released_by": h.released_by,
        "released_at": h.released_at,
        "release_reason": h.release_reason,
        "files": [_file(f) for f in files or []],
    }


def _hold_detail(person: Person, uuid: UUID) -> dict[str, Any]:
    hold = services_holds.hold_get_visible(person, uuid)
    return _hold(hold, list(hold.files.select_related("unit").order_by("year", "code")))


def _kept_unit(person: Person, uuid: UUID, field: str) -> Unit:
    units = Unit.objects.filter(pk__in=scope_for(person).units_with_role(*registers.KEEPERS))
    return unit_named(uuid, field, among=units)


@router.get("/tieu-huy", response={200: DisposalPageOut, **ERRORS}, summary="Các đợt tiêu hủy")
def disposals(request: HttpRequest, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    person = actor(request)
    found = registers.disposals_visible(person).order_by("-proposed_at", "-id")
    pages = paging.pages(total=found.count(), number=page, per_page=max(1, min(per_page, 200)))
    rows = found.select_related("archive_unit", "proposed_by", "approved_by", "executed_by")[
        pages.start : pages.end
    ]
    return {
        "items": [_disposal(d) for d in rows],
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
    }


@router.get(
    "/tieu-huy/ho-so-het-han",
    response={200: list[FileRef], **ERRORS},
    summary="Hồ sơ hết thời hạn bảo quản, chưa tạm giữ, chưa trong đợt nào",
)
def candidates(request: HttpRequest, archive_unit: UUID) -> list[dict[str, Any]]:
    person = actor(request)
    unit = _kept_unit(person, archive_unit, "archive_unit")
    found = registers.disposal_candidates(person, unit, timezone.localdate())[:2000]
    return [_file(f) for f in found]


@router.post("/tieu-huy", response={201: DisposalOut, **ERRORS}, summary="Đề nghị tiêu hủy")
def disposal_propose(request: HttpRequest, payload: ProposeIn) -> Status[dict[str, Any]]:
    person = actor(request)
    unit = _kept_unit(person, payload.archive_unit, "archive_unit")
    made = services_disposals.disposal_propose(
        actor=person, archive_unit=unit, title=payload.title, files=_files(person, payload.files)
    )
    return Status(201, _detail(person, made.uuid))


@router.get(
    "/tieu-huy/{disposal_uuid}",
    response={200: DisposalOut, **ERRORS},
    summary="Một đợt tiêu hủy và các hồ sơ được xem",
)
def disposal_detail(request: HttpRequest, disposal_uuid: UUID) -> dict[str, Any]:
    return _detail(actor(request), disposal_uuid)


@router.post(
    "/tieu-huy/{disposal_uuid}/tham-dinh",
    response={200: DisposalOut, **ERRORS},
    summary="Ghi thẩm định của hội đồng xác định giá trị tài liệu",
)
def disposal_appraise(
    request: HttpRequest, disposal_uuid: UUID, payload: AppraiseIn
) -> dict[str, Any]:
    person = actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    items = {i.file.uuid: i.file for i in registers.disposal_items_visible(person, disposal)}
    keep: dict[RecordFile, str] = {}
    for uuid, reason in payload.keep.items():
        if uuid not in items:
            raise ValidationError({"keep": _("Không tìm thấy hồ sơ trong danh sách.")})
        keep[items[uuid]] = reason
    services_disposals.disposal_appraise(
        actor=person,
        disposal=disposal,
        council=[person_named(uuid, "council") for uuid in payload.council],
        opinion=payload.opinion,
        keep=keep,
    )
    return _detail(person, disposal_uuid)


@router.post(
    "/tieu-huy/{disposal_uuid}/phe-duyet",
    response={200: DisposalOut, **ERRORS},
    summary="Phê duyệt tiêu hủy (thủ trưởng đơn vị lưu trữ)",
)
def disposal_approve(request: HttpRequest, disposal_uuid: UUID, payload: ApproveIn) -> Any:
    person = actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    services_disposals.disposal_approve(actor=person, disposal=disposal, decision=payload.decision)
    return _detail(person, disposal_uuid)


@router.post(
    "/tieu-huy/{disposal_uuid}/thuc-hien",
    response={200: DisposalOut, **ERRORS},
    summary="Thực hiện tiêu hủy, lập biên bản",
)
def disposal_execute(request: HttpRequest, disposal_uuid: UUID, payload: ExecuteIn) -> Any:
    person = actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    services_disposals.disposal_execute(
        actor=person, disposal=disposal, method=payload.method, executed_on=payload.executed_on
    )
    return _detail(person, disposal_uuid)


@router.post(
    "/tieu-huy/{disposal_uuid}/huy-bo",
    response={200: DisposalOut, **ERRORS},
    summary="Hủy bỏ đợt tiêu hủy",
)
def disposal_cancel(request: HttpRequest, disposal_uuid: UUID, payload: ReasonIn) -> Any:
    person = actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    services_disposals.disposal_cancel(actor=person, disposal=disposal, reason=payload.reason)
    return _detail(person, disposal_uuid)


@router.get("/tam-giu", response={200: HoldPageOut, **ERRORS}, summary="Lệnh tạm giữ hồ sơ")
def holds(request: HttpRequest, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    person = actor(request)
    found = services_holds.holds_visible(person).order_by("released_at", "-placed_at", "-id")
    pages = paging.pages(total=found.count(), number=page, per_page=max(1, min(per_page, 200)))
    rows = found.select_related("unit", "placed_by", "released_by")[pages.start : pages.end]
    return {
        "items": [_hold(h) for h in rows],
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
    }


@router.post("/tam-giu", response={201: HoldOut, **ERRORS}, summary="Ra lệnh tạm giữ hồ sơ")
def hold_place(request: HttpRequest, payload: HoldIn) -> Status[dict[str, Any]]:
    person = actor(request)
    made = services_holds.hold_place(
        actor=person,
        unit=unit_named(payload.unit, "unit"),
        kind=payload.kind,
        reason=payload.reason,
        reference=payload.reference,
        files=_files(person, payload.files),
    )
    return Status(201, _hold_detail(person, made.uuid))


@router.get("/tam-giu/{hold_uuid}", response={200: HoldOut, **ERRORS}, summary="Một lệnh tạm giữ")
def hold_detail(request: HttpRequest, hold_uuid: UUID) -> dict[str, Any]:
    return _hold_detail(actor(request), hold_uuid)


@router.post(
    "/tam-giu/{hold_uuid}/go", response={200: HoldOut, **ERRORS}, summary="Gỡ lệnh tạm giữ"
)
def hold_release(request: HttpRequest, hold_uuid: UUID, payload: ReasonIn) -> dict[str, Any]:
    person = actor(request)
    hold = services_holds.hold_get_visible(person, hold_uuid)
    services_holds.hold_release(actor=person, hold=hold, reason=payload.reason)
    return _hold_detail(person, hold_uuid)


@router.get(
    "/thong-ke",
    response={200: HoldingsOut, **ERRORS},
    summary="Thống kê hồ sơ lưu trữ theo đơn vị, năm, thời hạn, độ mật (hồ sơ được xem)",
)
def holdings(
    request: HttpRequest, archive_unit: UUID | None = None, year: Year | None = None
) -> dict[str, Any]:
    person = actor(request)
    unit = _kept_unit(person, archive_unit, "archive_unit") if archive_unit else None
    found = registers.holdings(person, archive_unit=unit, year=year)

    def line(x: registers.HoldingLine) -> dict[str, Any]:
        return {
            "unit": x.unit,
            "year": x.year,
            "permanent": x.permanent,
            "limited": x.limited,
            "by_confidentiality": x.by_level,
            "total": x.total,
        }

    return {"lines": [line(x) for x in found.lines], "total": line(found.total)}
