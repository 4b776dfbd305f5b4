"""`/api/v1/luu-tru/…`: transfers to the agency archive (make, submit, receive with box and
shelf per file; the files due; keeping a file back; placing a file) and access to archived
files (the catalogue, requests, decisions, loans) — the same services and scoping as the
pages: what the caller may not see is 404."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, unit_named
from vanphong.archives import deadlines, services_access, services_transfers
from vanphong.archives import selectors_transfers as sel
from vanphong.archives.models import AccessMode, AccessRequest, RecordFile, Transfer
from vanphong.archives.selectors import file_get_visible, files_visible
from vanphong.core import paging
from vanphong.core.inputs import CleanStr, Day, Year
from vanphong.core.vietnamese import fold
from vanphong.org.models import Person, Unit

router = Router(tags=["lưu trữ: nộp lưu, khai thác"])


class FileRef(Schema):
    uuid: UUID
    code: str
    title: str
    year: int
    confidentiality: int
    retention_years: int | None = Field(description="Không có: vĩnh viễn.")
    status: str
    box: str
    shelf: str
    page_count: int


class DueFileOut(FileRef):
    unit: UnitRef
    work_ended_on: date | None
    due_on: date | None = Field(description="Hạn nộp lưu (hoặc ngày được giữ lại đến).")
    overdue: bool
    kept_back_until: date | None
    kept_back_reason: str


class TransferOut(Schema):
    uuid: UUID
    unit: UnitRef
    archive_unit: UnitRef
    year: int
    status: str
    created_by: PersonRef
    submitted_at: Any | None
    received_by: PersonRef | None
    received_on: date | None
    has_record: bool
    note: str
    files: list[FileRef] = Field(description="Chỉ có ở trang chi tiết; chỉ hồ sơ được xem.")
    hidden_files: int = Field(0, description="Số hồ sơ của đợt mà người gọi không được xem.")


class TransferPageOut(Schema):
    items: list[TransferOut]
    total: int
    page: int
    pages: int


class TransferIn(Schema):
    unit: UUID
    year: Year
    files: list[UUID] = Field(min_length=1, max_length=2000)
    note: CleanStr = Field("", max_length=2000)


class PlacementIn(Schema):
    file: UUID
    box: CleanStr = Field(max_length=services_transfers.PLACE_LENGTH)
    shelf: CleanStr = Field("", max_length=services_transfers.PLACE_LENGTH)


class ReceiveIn(Schema):
    received_on: Day
    placements: list[PlacementIn] = Field(max_length=2000)


class KeepBackIn(Schema):
    until: Day | None = Field(None, description="Không có: thôi giữ lại.")
    reason: CleanStr = Field("", max_length=500)


class PlaceIn(Schema):
    box: CleanStr = Field(max_length=services_transfers.PLACE_LENGTH)
    shelf: CleanStr = Field("", max_length=services_transfers.PLACE_LENGTH)


class CatalogueFileOut(FileRef):
    unit: UnitRef
    archive_unit: UnitRef


class CataloguePageOut(Schema):
    items: list[CatalogueFileOut]
    total: int
    page: int
    pages: int


class AccessIn(Schema):
    file: UUID
    mode: str = Field(description="read (đọc tại chỗ) hoặc borrow (mượn).")
    purpose: CleanStr = Field(max_length=500)
    days: int = Field(ge=1, le=services_access.MAX_DAYS)


class DecisionIn(Schema):
    approve: bool
    note: CleanStr = Field("", max_length=500, description="Bắt buộc khi từ chối.")
    valid_until: Day | None = None


class AccessOut(Schema):
    uuid: UUID
    file: FileRef
    requester: PersonRef
    mode: str
    purpose: str
    status: str
    valid_from: date | None
    valid_until: date | None
    decided_by: PersonRef | None
    decision_note: str
    lent_at: Any | None
    returned_at: Any | None


def _file(file: RecordFile) -> dict[str, Any]:
    return {
        "uuid": file.uuid,
        "code": file.code,
        "title": file.title,
        "year": file.year,
        "confidentiality": file.confidentiality,
        "retention_years": file.retention_years,
        "status": file.status,
        "box": file.box,
        "shelf": file.shelf,
        "page_count": file.page_count,
    }


def _transfer(t: Transfer, person: Person | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "uuid": t.uuid,
        "unit": t.unit,
        "archive_unit": t.archive_unit,
        "year": t.year,
        "status": t.status,
        "created_by": t.created_by,
        "submitted_at": t.submitted_at,
        "received_by": t.received_by,
        "received_on": t.received_on,
        "has_record": t.record_id is not None,
        "note": t.note,
        "files": [],
        "hidden_files": 0,
    }
    if person is not None:
        shown = list(files_visible(person).filter(transfer=t).order_by("year", "code", "pk"))
        out["files"] = [_file(f) for f in shown]
        out["hidden_files"] = RecordFile.objects.filter(transfer=t).count() - len(shown)
    return out


def _access(r: AccessRequest) -> dict[str, Any]:
    return {
        "uuid": r.uuid,
        "file": _file(r.file),
        "requester": r.requester,
        "mode": r.mode,
        "purpose": r.purpose,
        "status": r.status,
        "valid_from": r.valid_from,
        "valid_until": r.valid_until,
        "decided_by": r.decided_by,
        "decision_note": r.decision_note,
        "lent_at": r.lent_at,
        "returned_at": r.returned_at,
    }


def _transfer_detail(person: Person, uuid: UUID) -> dict[str, Any]:
    return _transfer(sel.transfer_get_visible(person, uuid), person)


def _request_detail(person: Person, uuid: UUID) -> dict[str, Any]:
    return _access(sel.access_request_get(person, uuid))


# --- transfers -----------------------------------------------------------------------------


@router.get("/nop-luu", response={200: TransferPageOut, **ERRORS}, summary="Các đợt nộp lưu")
def transfers(request: HttpRequest, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    person = actor(request)
    found = sel.transfers_visible(person).order_by("-created_at", "-id")
    pages = paging.pages(total=found.count(), number=page, per_page=max(1, min(per_page, 200)))
    rows = found.select_related("unit", "archive_unit", "created_by", "received_by")
    return {
        "items": [_transfer(t) for t in rows[pages.start : pages.end]],
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
    }


@router.get(
    "/nop-luu/den-han",
    response={200: list[DueFileOut], **ERRORS},
    summary="Hồ sơ đến hạn nộp lưu trong 30 ngày tới hoặc quá hạn",
)
def transfers_due(request: HttpRequest) -> list[dict[str, Any]]:
    person = actor(request)
    today = timezone.localdate()
    until = today + timedelta(days=deadlines.ALERT_DAYS)
    found = sel.files_due_for(person, until).select_related("unit").order_by("work_ended_on", "pk")
    out = []
    for file in found[:2000]:
        deadline = deadlines.transfer_deadline(file)
        out.append(
            {
                **_file(file),
                "unit": file.unit,
                "work_ended_on": file.work_ended_on,
                "due_on": deadline,
                "overdue": deadline is not None and deadline < today,
                "kept_back_until": file.kept_back_until,
                "kept_back_reason": file.kept_back_reason,
            }
        )
    return out


@router.post("/nop-luu", response={201: TransferOut, **ERRORS}, summary="Lập đợt nộp lưu")
def transfer_create(request: HttpRequest, payload: TransferIn) -> Status[dict[str, Any]]:
    person = actor(request)
    unit = unit_named(payload.unit, "unit", Unit.objects.filter(pk__in=sel.compiling_units(person)))
    chosen = list(files_visible(person).filter(uuid__in=payload.files))
    if len(chosen) != len(set(payload.files)):
        raise ValidationError({"files": _("Không tìm thấy hồ sơ có mã này.")})
    made = services_transfers.transfer_create(
        actor=person, unit=unit, year=payload.year, files=chosen, note=payload.note
    )
    return Status(201, _transfer_detail(person, made.uuid))


@router.get(
    "/nop-luu/{transfer_uuid}",
    response={200: TransferOut, **ERRORS},
    summary="Một đợt nộp lưu và các hồ sơ của đợt",
)
def transfer_detail(request: HttpRequest, transfer_uuid: UUID) -> dict[str, Any]:
    return _transfer_detail(actor(request), transfer_uuid)


@router.post(
    "/nop-luu/{transfer_uuid}/gui",
    response={200: TransferOut, **ERRORS},
    summary="Gửi đợt nộp lưu đến lưu trữ cơ quan",
)
def transfer_submit(request: HttpRequest, transfer_uuid: UUID) -> dict[str, Any]:
    person = actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    services_transfers.transfer_submit(actor=person, transfer=transfer)
    return _transfer_detail(person, transfer_uuid)


@router.post(
    "/nop-luu/{transfer_uuid}/nhan",
    response={200: TransferOut, **ERRORS},
    summary="Nhận đợt nộp lưu: hộp, giá của từng hồ sơ; lập biên bản giao nhận",
)
def transfer_receive(
    request: HttpRequest, transfer_uuid: UUID, payload: ReceiveIn
) -> dict[str, Any]:
    person = actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    in_it = {f.uuid: f for f in RecordFile.objects.filter(transfer=transfer)}
    placements: dict[RecordFile, tuple[str, str]] = {}
    for placement in payload.placements:
        file = in_it.get(placement.file)
        if file is None:
            raise ValidationError({"placements": _("Có hồ sơ không thuộc đợt nộp lưu này.")})
        placements[file] = (placement.box, placement.shelf)
    services_transfers.transfer_receive(
        actor=person, transfer=transfer, received_on=payload.received_on, placements=placements
    )
    return _transfer_detail(person, transfer_uuid)


@router.post(
    "/nop-luu/ho-so/{file_uuid}/giu-lai",
    response={200: DueFileOut, **ERRORS},
    summary="Giữ lại hồ sơ (tối đa 2 năm sau hạn nộp lưu)",
)
def file_keep_back(request: HttpRequest, file_uuid: UUID, payload: KeepBackIn) -> dict[str, Any]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    done = services_transfers.file_keep_back(
        actor=person, file=file, until=payload.until, reason=payload.reason
    )
    deadline = deadlines.transfer_deadline(done)
    return {
        **_file(done),
        "unit": done.unit,
        "work_ended_on": done.work_ended_on,
        "due_on": deadline,
        "overdue": deadline is not None and deadline < timezone.localdate(),
        "kept_back_until": done.kept_back_until,
        "kept_back_reason": done.kept_back_reason,
    }


@router.post(
    "/nop-luu/ho-so/{file_uuid}/sap-xep",
    response={200: FileRef, **ERRORS},
    summary="Chuyển hồ sơ đã nộp lưu sang hộp, giá khác",
)
def file_place(request: HttpRequest, file_uuid: UUID, payload: PlaceIn) -> dict[str, Any]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    done = services_transfers.file_place(
        actor=person, file=file, box=payload.box, shelf=payload.shelf
    )
    return _file(done)


# --- access --------------------------------------------------------------------------------


@router.get(
    "/khai-thac/muc-luc",
    response={200: CataloguePageOut, **ERRORS},
    summary="Mục lục hồ sơ lưu trữ người gọi được yêu cầu khai thác",
)
def catalogue(
    request: HttpRequest, q: str = "", page: int = 1, per_page: int = 50
) -> dict[str, Any]:
    person = actor(request)
    found = sel.catalogue(person)
    text = q.strip()[:200]
    if text:
        found = found.filter(
            Q(code__icontains=text)
            | Q(title__icontains=text)
            | Q(title_folded__contains=fold(text))
        )
    found = found.order_by("archive_unit_id", "unit_id", "year", "code", "pk")
    pages = paging.pages(total=found.count(), number=page, per_page=max(1, min(per_page, 200)))
    rows = found.select_related("unit", "archive_unit")[pages.start : pages.end]
    return {
        "items": [{**_file(f), "unit": f.unit, "archive_unit": f.archive_unit} for f in rows],
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
    }


@router.post(
    "/khai-thac/yeu-cau",
    response={201: AccessOut, **ERRORS},
    summary="Yêu cầu đọc hoặc mượn hồ sơ lưu trữ",
)
def access_request(request: HttpRequest, payload: AccessIn) -> Status[dict[str, Any]]:
    person = actor(request)
    if payload.mode not in AccessMode.values:
        raise ValidationError({"mode": _("Chọn hình thức khai thác.")})
    file = sel.catalogue_get(person, payload.file)
    made = services_access.access_request(
        actor=person, file=file, mode=payload.mode, purpose=payload.purpose, days=payload.days
    )
    return Status(201, _request_detail(person, made.uuid))


@router.get(
    "/khai-thac/yeu-cau",
    response={200: list[AccessOut], **ERRORS},
    summary="Yêu cầu khai thác: của người gọi, hoặc chờ người gọi duyệt (cho_duyet)",
)
def access_requests(request: HttpRequest, cho_duyet: bool = False) -> list[dict[str, Any]]:
    person = actor(request)
    found = (
        sel.access_pending_for(person)
        if cho_duyet
        else AccessRequest.objects.filter(requester=person)
    )
    rows = found.select_related("file", "requester", "decided_by").order_by("-requested_at", "-id")
    return [_access(r) for r in rows[:500]]


@router.get(
    "/khai-thac/yeu-cau/{request_uuid}",
    response={200: AccessOut, **ERRORS},
    summary="Một yêu cầu khai thác",
)
def access_request_detail(request: HttpRequest, request_uuid: UUID) -> dict[str, Any]:
    return _request_detail(actor(request), request_uuid)


@router.post(
    "/khai-thac/yeu-cau/{request_uuid}/quyet-dinh",
    response={200: AccessOut, **ERRORS},
    summary="Duyệt hoặc từ chối yêu cầu khai thác",
)
def access_decide(request: HttpRequest, request_uuid: UUID, payload: DecisionIn) -> dict[str, Any]:
    person = actor(request)
    found = sel.access_request_get(person, request_uuid)
    services_access.access_decide(
        actor=person,
        request=found,
        approve=payload.approve,
        note=payload.note,
        valid_until=payload.valid_until,
    )
    return _request_detail(person, request_uuid)


@router.post(
    "/khai-thac/yeu-cau/{request_uuid}/giao",
    response={200: AccessOut, **ERRORS},
    summary="Giao hồ sơ cho người mượn",
)
def access_lend(request: HttpRequest, request_uuid: UUID) -> dict[str, Any]:
    person = actor(request)
    services_access.access_lend(actor=person, request=sel.access_request_get(person, request_uuid))
    return _request_detail(person, request_uuid)


@router.post(
    "/khai-thac/yeu-cau/{request_uuid}/tra",
    response={200: AccessOut, **ERRORS},
    summary="Nhận lại hồ sơ mượn",
)
def access_return(request: HttpRequest, request_uuid: UUID) -> dict[str, Any]:
    person = actor(request)
    services_access.access_return(
        actor=person, request=sel.access_request_get(person, request_uuid)
    )
    return _request_detail(person, request_uuid)
