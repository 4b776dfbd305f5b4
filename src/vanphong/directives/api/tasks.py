"""`/api/v1/nhiem-vu/`: the tasks — assigning, listing, the lead unit's reports and the
assigning side's decisions — with the same services and visibility as the task page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr, Day
from vanphong.directives import (
    selectors,
    services,
    services_decisions,
    services_reports,
    stats,
)
from vanphong.directives.models import (
    ExtensionRequest,
    ProgressReport,
    Recurrence,
    Task,
)
from vanphong.documents.views_files import download
from vanphong.org.models import Person, Unit

router = Router()


def _unit(uuid: UUID, field: str) -> Unit:
    unit = Unit.objects.filter(uuid=uuid, is_active=True).first()
    if unit is None:
        raise ValidationError({field: _("Không tìm thấy đơn vị có mã này.")})
    return unit


def _leader(uuid: UUID) -> Person:
    person = Person.objects.filter(uuid=uuid, is_active=True).first()
    if person is None:
        raise ValidationError({"leader": _("Không tìm thấy cán bộ có mã này.")})
    return person


class TaskIn(Schema):
    lead_unit: UUID
    content: CleanStr = Field(min_length=1, max_length=5000)
    deadline: Day | None = None
    supporting_units: list[UUID] = []
    clause: CleanStr = Field("", max_length=200)
    product: CleanStr = Field("", max_length=200)
    recurrence: Recurrence = Recurrence.NONE
    recur_until: Day | None = Field(
        None, description="Định kỳ đến ngày: kỳ sau được giao khi kỳ này được xác nhận."
    )
    parent: UUID | None = Field(None, description="Nhiệm vụ cha (đơn vị chủ trì giao tiếp).")
    leader: UUID | None = Field(
        None, description="Lãnh đạo phụ trách: một lãnh đạo của đơn vị giao nhiệm vụ."
    )


class TaskOut(Schema):
    uuid: UUID
    directive: UUID
    parent: UUID | None
    assigning_unit: UUID
    lead_unit: UUID
    content: str
    deadline: date | None
    state: str
    state_reason: str
    done_on: date | None
    leader: UUID | None
    status: str = Field(description="`on_time`, `late`, `overdue`, `open`, `cannot_do`.")


class ReportIn(Schema):
    text: CleanStr = Field(min_length=1, max_length=5000)
    state: Literal["in_progress", "cannot_do"] = "in_progress"


class CompleteIn(Schema):
    text: CleanStr = Field("", max_length=5000)
    done_on: Day | None = None
    product_document: UUID | None = None


class ReasonIn(Schema):
    reason: CleanStr = Field(min_length=1, max_length=500)


class ExtensionIn(Schema):
    new_deadline: Day
    reason: CleanStr = Field(min_length=1, max_length=500)


class DecisionIn(Schema):
    approve: bool
    note: CleanStr = Field("", max_length=500)


class ExtensionOut(Schema):
    uuid: UUID
    new_deadline: date
    status: str


class DeadlineIn(Schema):
    deadline: Day | None = Field(description="Thời hạn mới; null: thường xuyên.")


class FileOut(Schema):
    uuid: UUID
    filename: str
    url: str


class ReportOut(Schema):
    uuid: UUID
    unit: UUID
    author: str
    text: str
    state: str
    created_at: datetime
    files: list[FileOut]


def _tasks_out(tasks: list[Task]) -> list[TaskOut]:
    """One working-day calendar for the whole list, not a query per task."""
    shown = stats.statuses(tasks, timezone.localdate())
    return [_task_out(task, status) for task, status in zip(tasks, shown, strict=True)]


def _task_out(task: Task, status: str | None = None) -> TaskOut:
    if status is None:
        status = stats.statuses([task], timezone.localdate())[0]
    return TaskOut(
        uuid=task.uuid,
        directive=task.directive.uuid,
        parent=task.parent.uuid if task.parent else None,
        assigning_unit=task.assigning_unit.uuid,
        lead_unit=task.lead_unit.uuid,
        content=task.content,
        deadline=task.deadline,
        state=task.state,
        state_reason=task.state_reason,
        done_on=task.done_on,
        leader=task.leader.uuid if task.leader else None,
        status=status,
    )


def _task(request: HttpRequest, uuid: UUID) -> Task:
    return selectors.task_get_visible(actor(request), str(uuid))


@router.get(
    "/tep/{file_uuid}",
    response={200: None, **ERRORS},
    summary="Tải tệp đính kèm của một báo cáo tiến độ",
)
def report_file(request: HttpRequest, file_uuid: UUID) -> FileResponse:
    attached = selectors.report_file_get_visible(actor(request), str(file_uuid))
    return download(attached.file, attached.filename)


@router.post(
    "/van-ban/{directive_uuid}/nhiem-vu",
    response={201: TaskOut, **ERRORS},
    summary="Giao nhiệm vụ (đơn vị giao)",
)
def task_assign(request: HttpRequest, directive_uuid: UUID, payload: TaskIn) -> Status[TaskOut]:
    person = actor(request)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    parent = _task(request, payload.parent) if payload.parent else None
    task = services.task_assign(
        actor=person,
        directive=directive,
        lead_unit=_unit(payload.lead_unit, "lead_unit"),
        content=payload.content,
        deadline=payload.deadline,
        supporting_units=[_unit(u, "supporting_units") for u in payload.supporting_units],
        clause=payload.clause,
        product=payload.product,
        recurrence=payload.recurrence,
        recur_until=payload.recur_until,
        parent=parent,
        leader=_leader(payload.leader) if payload.leader else None,
    )
    return Status(201, _task_out(task))


class TasksQuery(Schema):
    don_vi: UUID | None = Field(None, description="Đơn vị chủ trì.")
    van_ban: UUID | None = Field(None, description="Văn bản được theo dõi.")
    lanh_dao: CleanStr = Field(
        "", max_length=50, description="Lãnh đạo phụ trách (mã), hoặc `tat-ca`."
    )
    nam: int | None = Field(
        None, ge=2000, le=2100, description="Có thời hạn trong năm, hoặc thường xuyên."
    )
    loai: Literal["on_time", "late", "overdue", "open", "cannot_do"] | None = Field(
        None, description="Số liệu của bảng theo dõi."
    )
    trang: int = Field(1, ge=1, le=10_000, description="Trang (500 nhiệm vụ một trang).")


API_PAGE = 500


@router.get(
    "",
    response={200: list[TaskOut], **ERRORS},
    summary="Nhiệm vụ người gọi được xem; lọc như đường dẫn của mỗi số liệu trên bảng theo dõi",
)
def tasks(request: HttpRequest, filters: Query[TasksQuery]) -> list[TaskOut]:
    found = selectors.tasks_behind(
        actor(request),
        unit=str(filters.don_vi or ""),
        directive=str(filters.van_ban or ""),
        leader=filters.lanh_dao,
        year=filters.nam,
        kind=filters.loai or "",
        today=timezone.localdate(),
    ).tasks.select_related("parent", "leader")
    start = (filters.trang - 1) * API_PAGE
    return _tasks_out(list(found[start : start + API_PAGE]))


@router.get("/{task_uuid}", response={200: TaskOut, **ERRORS})
def task_get(request: HttpRequest, task_uuid: UUID) -> TaskOut:
    return _task_out(_task(request, task_uuid))


@router.post(
    "/{task_uuid}/bao-cao",
    response={200: TaskOut, **ERRORS},
    summary="Báo cáo tiến độ (đơn vị chủ trì)",
)
def task_report(request: HttpRequest, task_uuid: UUID, payload: ReportIn) -> TaskOut:
    task = _task(request, task_uuid)
    services_reports.task_report(
        actor=actor(request), task=task, text=payload.text, state=payload.state
    )
    return _task_out(_task(request, task_uuid))


@router.post(
    "/{task_uuid}/bao-cao/kem-tep",
    response={200: TaskOut, **ERRORS},
    summary="Báo cáo tiến độ kèm tệp (multipart/form-data; đơn vị chủ trì)",
)
def task_report_with_files(
    request: HttpRequest,
    task_uuid: UUID,
    payload: Form[ReportIn],
    files: File[list[UploadedFile]],
) -> TaskOut:
    task = _task(request, task_uuid)
    services_reports.task_report(
        actor=actor(request),
        task=task,
        text=payload.text,
        state=payload.state,
        attachments=files,
    )
    return _task_out(_task(request, task_uuid))


@router.get(
    "/{task_uuid}/bao-cao",
    response={200: list[ReportOut], **ERRORS},
    summary="Các báo cáo tiến độ của nhiệm vụ, với tệp đính kèm",
)
def task_reports(request: HttpRequest, task_uuid: UUID) -> list[ReportOut]:
    task = _task(request, task_uuid)
    reports = (
        ProgressReport.objects.filter(task=task)
        .select_related("unit", "author")
        .prefetch_related("files")
    )
    return [
        ReportOut(
            uuid=report.uuid,
            unit=report.unit.uuid,
            author=report.author.full_name,
            text=report.text,
            state=report.state,
            created_at=report.created_at,
            files=[
                FileOut(
                    uuid=attached.uuid,
                    filename=attached.filename,
                    url=f"/api/v1/nhiem-vu/tep/{attached.uuid}",
                )
                for attached in report.files.all()
            ],
        )
        for report in reports
    ]


@router.post(
    "/{task_uuid}/thoi-han",
    response={200: TaskOut, **ERRORS},
    summary="Sửa thời hạn (đơn vị giao)",
)
def task_set_deadline(request: HttpRequest, task_uuid: UUID, payload: DeadlineIn) -> TaskOut:
    task = services_decisions.task_set_deadline(
        actor=actor(request), task=_task(request, task_uuid), deadline=payload.deadline
    )
    return _task_out(task)


@router.post(
    "/{task_uuid}/hoan-thanh",
    response={200: TaskOut, **ERRORS},
    summary="Báo cáo hoàn thành (đơn vị chủ trì)",
)
def task_complete(request: HttpRequest, task_uuid: UUID, payload: CompleteIn) -> TaskOut:
    person = actor(request)
    task = _task(request, task_uuid)
    product = (
        get_visible_or_404(selectors.product_documents(person, task), payload.product_document)
        if payload.product_document
        else None
    )
    task = services_reports.task_complete(
        actor=person,
        task=task,
        text=payload.text,
        done_on=payload.done_on,
        product_document=product,
    )
    return _task_out(task)


@router.post(
    "/{task_uuid}/xac-nhan",
    response={200: TaskOut, **ERRORS},
    summary="Xác nhận hoàn thành (đơn vị giao)",
)
def completion_accept(request: HttpRequest, task_uuid: UUID) -> TaskOut:
    return _task_out(
        services_decisions.completion_accept(actor=actor(request), task=_task(request, task_uuid))
    )


@router.post(
    "/{task_uuid}/tra-lai",
    response={200: TaskOut, **ERRORS},
    summary="Trả lại báo cáo hoàn thành (đơn vị giao)",
)
def completion_return(request: HttpRequest, task_uuid: UUID, payload: ReasonIn) -> TaskOut:
    task = services_decisions.completion_return(
        actor=actor(request), task=_task(request, task_uuid), reason=payload.reason
    )
    return _task_out(task)


@router.post(
    "/{task_uuid}/gia-han",
    response={201: ExtensionOut, **ERRORS},
    summary="Đề nghị gia hạn (đơn vị chủ trì)",
)
def extension_request(
    request: HttpRequest, task_uuid: UUID, payload: ExtensionIn
) -> Status[ExtensionOut]:
    made = services_reports.extension_request(
        actor=actor(request),
        task=_task(request, task_uuid),
        new_deadline=payload.new_deadline,
        reason=payload.reason,
    )
    return Status(
        201, ExtensionOut(uuid=made.uuid, new_deadline=made.new_deadline, status=made.status)
    )


@router.post(
    "/gia-han/{request_uuid}/quyet-dinh",
    response={200: ExtensionOut, **ERRORS},
    summary="Quyết định gia hạn (đơn vị giao)",
)
def extension_decide(request: HttpRequest, request_uuid: UUID, payload: DecisionIn) -> ExtensionOut:
    person = actor(request)
    asked = get_visible_or_404(
        ExtensionRequest.objects.filter(task__in=selectors.tasks_visible(person)), request_uuid
    )
    decided = services_decisions.extension_decide(
        actor=person, request=asked, approve=payload.approve, note=payload.note
    )
    return ExtensionOut(uuid=decided.uuid, new_deadline=decided.new_deadline, status=decided.status)
