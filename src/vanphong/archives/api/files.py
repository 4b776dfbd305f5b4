"""`/api/v1/luu-tru/ho-so…`: files (hồ sơ) being compiled — list, one file with its document
index, open, file a document, remove or move a line, number the sheets, close, reopen — and
`/api/v1/luu-tru/goi-y-ho-so`: the open files suggested for a document. The same services as
the pages; a file or a document the caller may not see is a 404 (a document to file: a 422 on
`source_uuid` saying it is not found)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, person_named, unit_named
from vanphong.archives import services_files, workflow
from vanphong.archives.models import FileItem, FileStatus, ItemKind, PlanEntry, RecordFile
from vanphong.archives.selectors import file_get_visible, plans_visible
from vanphong.archives.selectors_files import compiling_units, files_filtered, items_of
from vanphong.archives.suggest import suggest_files
from vanphong.core import fileables, paging
from vanphong.core.inputs import CleanStr, Day, Year
from vanphong.org.models import Unit

router = Router(tags=["hồ sơ"])


class ItemOut(Schema):
    uuid: UUID
    position: int = Field(description="Số thứ tự trong mục lục văn bản.")
    kind: str = Field(description="incoming, outgoing, schedule, directive_review, letter, other.")
    source_uuid: UUID
    number_symbol: str
    document_date: date | None
    author: str
    title: str = Field(description="Trích yếu nội dung (như khi đưa vào hồ sơ).")
    page_count: int | None
    page_from: int | None = Field(description="Từ tờ.")
    page_to: int | None = Field(description="Đến tờ.")
    confidentiality: int
    permanent: bool
    retention_years: int | None
    note: str
    url: str | None = Field(description="Trang của văn bản; null khi người gọi không được xem.")


class FileOut(Schema):
    uuid: UUID
    unit: UnitRef
    year: int
    code: str
    title: str
    status: str
    permanent: bool
    retention_years: int | None = Field(description="null: vĩnh viễn.")
    confidentiality: int
    responsible: PersonRef
    opened_on: date
    work_ended_on: date | None
    first_date: date | None
    last_date: date | None
    item_count: int
    page_count: int
    note: str


class FileDetailOut(FileOut):
    items: list[ItemOut]


class FilePageOut(Schema):
    total: int
    page: int
    pages: int
    files: list[FileOut]


class FilesQuery(Schema):
    unit: UUID | None = None
    year: int | None = None
    status: FileStatus | None = None
    retention: str = Field("", description='"vinh-vien" hoặc số năm.')
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(50, ge=1, le=200)


class FileIn(Schema):
    unit: UUID
    year: Year
    opened_on: Day
    plan_entry: UUID | None = Field(
        None, description="Hồ sơ trong danh mục: số, tiêu đề, thời hạn theo danh mục."
    )
    code: CleanStr = ""
    title: CleanStr = ""
    retention_years: int | None = Field(None, ge=1, le=100)
    permanent: bool = False
    responsible: UUID | None = Field(None, description="Người lập hồ sơ; mặc định người gọi.")
    note: CleanStr = ""


class ItemIn(Schema):
    kind: ItemKind
    source_uuid: UUID
    note: CleanStr = ""
    retention_years: int | None = Field(None, ge=1, le=100)
    permanent: bool = False


class FiledOut(Schema):
    file: FileDetailOut
    item: ItemOut
    elsewhere: list[FileOut] = Field(
        description="Các hồ sơ khác (người gọi được xem) có văn bản này."
    )


class MoveIn(Schema):
    position: int = Field(ge=1)


class PagesLine(Schema):
    item: UUID
    page_from: int = Field(ge=1)
    page_to: int = Field(ge=1)


class PagesIn(Schema):
    manual: list[PagesLine] | None = Field(
        None, description="null: đánh số tự động theo số trang; hoặc từng dòng."
    )


class CloseIn(Schema):
    work_ended_on: Day


class ReopenIn(Schema):
    reason: CleanStr


class SuggestQuery(Schema):
    kind: ItemKind
    source_uuid: UUID
    limit: int = Field(5, ge=1, le=20)


def _file_out(file: RecordFile) -> dict[str, Any]:
    return {
        "uuid": file.uuid,
        "unit": file.unit,
        "year": file.year,
        "code": file.code,
        "title": file.title,
        "status": file.status,
        "permanent": file.retention_years is None,
        "retention_years": file.retention_years,
        "confidentiality": file.confidentiality,
        "responsible": file.responsible,
        "opened_on": file.opened_on,
        "work_ended_on": file.work_ended_on,
        "first_date": file.first_date,
        "last_date": file.last_date,
        "item_count": file.item_count,
        "page_count": file.page_count,
        "note": file.note,
    }


def _item_out(item: FileItem, url: str | None) -> dict[str, Any]:
    return {
        "uuid": item.uuid,
        "position": item.position,
        "kind": item.kind,
        "source_uuid": item.source_uuid,
        "number_symbol": item.number_symbol,
        "document_date": item.document_date,
        "author": item.author,
        "title": item.title,
        "page_count": item.page_count,
        "page_from": item.page_from,
        "page_to": item.page_to,
        "confidentiality": item.confidentiality,
        "permanent": item.retention_years is None,
        "retention_years": item.retention_years,
        "note": item.note,
        "url": url,
    }


def _detail(person: Any, file_uuid: UUID) -> dict[str, Any]:
    file = file_get_visible(person, file_uuid)
    items = list(items_of(file))
    seen = fileables.describe_many(person, [(i.kind, i.source_uuid) for i in items])
    out = _file_out(file)
    out["items"] = [
        _item_out(item, info.url if (info := seen.get((item.kind, item.source_uuid))) else None)
        for item in items
    ]
    return out


def _item_or_422(file: RecordFile, item_uuid: UUID) -> FileItem:
    item = FileItem.objects.filter(file=file, uuid=item_uuid).first()
    if item is None:
        raise ValidationError({"item": _("Văn bản không thuộc hồ sơ này.")})
    return item


@router.get(
    "/ho-so",
    response={200: FilePageOut, **ERRORS},
    summary="Hồ sơ người gọi được xem, lọc theo đơn vị, năm, trạng thái, thời hạn",
)
def file_list(request: HttpRequest, filters: Query[FilesQuery]) -> dict[str, Any]:
    person = actor(request)
    unit = Unit.objects.filter(uuid=filters.unit).first() if filters.unit else None
    if filters.unit and unit is None:
        raise Http404
    found = files_filtered(
        person,
        unit=unit,
        year=filters.year,
        status=filters.status or "",
        retention=filters.retention,
    )
    pages = paging.pages(total=found.count(), number=filters.page, per_page=filters.per_page)
    return {
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
        "files": [_file_out(f) for f in found[pages.start : pages.end]],
    }


@router.get(
    "/ho-so/{file_uuid}",
    response={200: FileDetailOut, **ERRORS},
    summary="Một hồ sơ với mục lục văn bản",
)
def file_get(request: HttpRequest, file_uuid: UUID) -> dict[str, Any]:
    return _detail(actor(request), file_uuid)


@router.post(
    "/ho-so",
    response={201: FileDetailOut, **ERRORS},
    summary="Mở hồ sơ (văn thư, chuyên viên, lãnh đạo Văn phòng của đơn vị)",
)
def file_open(request: HttpRequest, payload: FileIn) -> Status[dict[str, Any]]:
    person = actor(request)
    units = Unit.objects.filter(pk__in=compiling_units(person))
    unit = unit_named(payload.unit, "unit", among=units)
    entry = None
    if payload.plan_entry is not None:
        entry = PlanEntry.objects.filter(
            uuid=payload.plan_entry, plan__in=plans_visible(person)
        ).first()
        if entry is None:
            raise ValidationError({"plan_entry": _("Không tìm thấy hồ sơ này trong danh mục.")})
    responsible = (
        person_named(payload.responsible, "responsible") if payload.responsible else person
    )
    file = services_files.file_open(
        actor=person,
        unit=unit,
        year=payload.year,
        plan_entry=entry,
        code=payload.code,
        title=payload.title,
        retention_years=payload.retention_years,
        permanent=payload.permanent,
        responsible=responsible,
        opened_on=payload.opened_on,
        note=payload.note,
    )
    return Status(201, _detail(person, file.uuid))


@router.post(
    "/ho-so/{file_uuid}/van-ban",
    response={201: FiledOut, **ERRORS},
    summary="Đưa một văn bản vào hồ sơ (một văn bản có thể ở nhiều hồ sơ, mỗi hồ sơ một lần)",
)
def item_add(request: HttpRequest, file_uuid: UUID, payload: ItemIn) -> Status[dict[str, Any]]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    filed = services_files.item_add(
        actor=person,
        file=file,
        kind=payload.kind,
        source_uuid=payload.source_uuid,
        note=payload.note,
        retention_years=payload.retention_years,
        permanent=payload.permanent,
    )
    info = fileables.describe(person, filed.item.kind, filed.item.source_uuid)
    return Status(
        201,
        {
            "file": _detail(person, file.uuid),
            "item": _item_out(filed.item, info.url if info else None),
            "elsewhere": [
                _file_out(f)
                for f in RecordFile.objects.filter(
                    pk__in=[f.pk for f in filed.elsewhere]
                ).select_related("unit", "responsible")
            ],
        },
    )


@router.delete(
    "/ho-so/{file_uuid}/van-ban/{item_uuid}",
    response={204: None, **ERRORS},
    summary="Bỏ một văn bản khỏi hồ sơ đang lập",
)
def item_remove(request: HttpRequest, file_uuid: UUID, item_uuid: UUID) -> Status[None]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    services_files.item_remove(actor=person, file=file, item=_item_or_422(file, item_uuid))
    return Status(204, None)


@router.post(
    "/ho-so/{file_uuid}/van-ban/{item_uuid}/vi-tri",
    response={200: FileDetailOut, **ERRORS},
    summary="Chuyển một văn bản đến vị trí khác trong mục lục",
)
def item_move(
    request: HttpRequest, file_uuid: UUID, item_uuid: UUID, payload: MoveIn
) -> dict[str, Any]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    services_files.item_move(
        actor=person, file=file, item=_item_or_422(file, item_uuid), position=payload.position
    )
    return _detail(person, file.uuid)


@router.post(
    "/ho-so/{file_uuid}/danh-so-to",
    response={200: FileDetailOut, **ERRORS},
    summary="Đánh số tờ: tự động theo số trang, hoặc theo từng dòng",
)
def number_pages(request: HttpRequest, file_uuid: UUID, payload: PagesIn) -> dict[str, Any]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    manual = (
        {line.item: (line.page_from, line.page_to) for line in payload.manual}
        if payload.manual is not None
        else None
    )
    services_files.items_number_pages(actor=person, file=file, manual=manual)
    return _detail(person, file.uuid)


@router.post(
    "/ho-so/{file_uuid}/ket-thuc",
    response={200: FileDetailOut, **ERRORS},
    summary="Kết thúc hồ sơ (tính thời hạn, số tờ; kiểm tra đánh số tờ)",
)
def file_close(request: HttpRequest, file_uuid: UUID, payload: CloseIn) -> dict[str, Any]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    services_files.file_close(actor=person, file=file, work_ended_on=payload.work_ended_on)
    return _detail(person, file.uuid)


@router.post(
    "/ho-so/{file_uuid}/mo-lai",
    response={200: FileDetailOut, **ERRORS},
    summary="Mở lại hồ sơ đã kết thúc, chưa nộp lưu (lãnh đạo đơn vị, có lý do)",
)
def file_reopen(request: HttpRequest, file_uuid: UUID, payload: ReopenIn) -> dict[str, Any]:
    person = actor(request)
    file = file_get_visible(person, file_uuid)
    services_files.file_reopen(actor=person, file=file, reason=payload.reason)
    return _detail(person, file.uuid)


@router.get(
    "/goi-y-ho-so",
    response={200: list[FileOut], **ERRORS},
    summary="Hồ sơ đang lập gợi ý cho một văn bản (theo trích yếu)",
)
def suggestions(request: HttpRequest, query: Query[SuggestQuery]) -> list[dict[str, Any]]:
    person = actor(request)
    info = fileables.describe(person, query.kind, query.source_uuid)
    if info is None:
        raise Http404
    unit = Unit.objects.filter(pk=info.unit_id).first()
    if unit is None or not workflow.may_compile(person, unit):
        return []
    year = info.document_date.year if info.document_date else None
    if year is None:
        return []
    found = suggest_files(person=person, unit=unit, year=year, text=info.title, limit=query.limit)
    return [_file_out(f) for f in found]
