"""`/api/v1/nhiem-vu/`: directives and their tasks — the same services and visibility as the
pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, cast
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import CleanStr, Day
from vanphong.directives import reviews, selectors, services, stats
from vanphong.directives.models import (
    Delegation,
    ExtensionRequest,
    ProgressReport,
    Recurrence,
    Task,
)
from vanphong.documents.api import ERRORS
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.documents.views_files import content_disposition, download
from vanphong.org.models import Person, Unit
from vanphong.planning.selectors import programmes_visible

router = Router(tags=["theo dõi nhiệm vụ"])


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.auth)  # type: ignore[attr-defined]


def _unit(uuid: UUID, field: str) -> Unit:
    unit = Unit.objects.filter(uuid=uuid, is_active=True).first()
    if unit is None:
        raise ValidationError({field: _("Không tìm thấy đơn vị có mã này.")})
    return unit


class DelegationIn(Schema):
    unit: UUID = Field(description="Đơn vị giao nhiệm vụ mà người gọi là lãnh đạo.")
    delegate: UUID = Field(description="Người được ủy quyền (công tác tại đơn vị đó).")
    starts_on: date | None = Field(None, description="Từ ngày; mặc định hôm nay.")
    ends_on: date | None = Field(None, description="Đến ngày; để trống: đến khi kết thúc.")
    note: str = ""


class DelegationOut(Schema):
    uuid: UUID
    unit: UUID
    leader: UUID
    delegate: UUID
    starts_on: date
    ends_on: date | None
    note: str
    ended_at: datetime | None


class DirectiveIn(Schema):
    unit: UUID | None = Field(
        None,
        description="Không bắt buộc: đơn vị theo dõi suy ra từ văn bản (cấp ủy của Văn phòng).",
    )
    incoming: UUID | None = None
    outgoing: UUID | None = None


class DirectiveOut(Schema):
    uuid: UUID
    unit: UUID
    type_symbol: str
    number_symbol: str
    title: str
    document_date: date


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


class CountsOut(Schema):
    on_time: int
    late: int
    overdue: int
    open: int
    cannot_do: int


class CountsByOut(Schema):
    uuid: UUID = Field(description="Đơn vị chủ trì, hoặc lãnh đạo phụ trách.")
    name: str
    counts: CountsOut


class BoardOut(Schema):
    total: CountsOut
    rows: list[CountsByOut]


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


def _counts(counts: stats.Counts) -> CountsOut:
    return CountsOut(**dict(counts.items()))


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
    return selectors.task_get_visible(_actor(request), str(uuid))


def _leader(uuid: UUID) -> Person:
    person = Person.objects.filter(uuid=uuid, is_active=True).first()
    if person is None:
        raise ValidationError({"leader": _("Không tìm thấy cán bộ có mã này.")})
    return person


def _directive_out(directive: Any) -> DirectiveOut:
    return DirectiveOut(
        uuid=directive.uuid,
        unit=directive.unit.uuid,
        type_symbol=directive.type_symbol,
        number_symbol=directive.number_symbol,
        title=directive.title,
        document_date=directive.document_date,
    )


def _delegation_out(found: Delegation) -> DelegationOut:
    return DelegationOut(
        uuid=found.uuid,
        unit=found.unit.uuid,
        leader=found.leader.uuid,
        delegate=found.delegate.uuid,
        starts_on=found.starts_on,
        ends_on=found.ends_on,
        note=found.note,
        ended_at=found.ended_at,
    )


@router.get(
    "/uy-quyen",
    response={200: list[DelegationOut], **ERRORS},
    summary="Các ủy quyền quyết định người gọi đã giao hoặc được nhận",
)
def delegations(request: HttpRequest) -> list[DelegationOut]:
    return [_delegation_out(d) for d in selectors.delegations_of(_actor(request))]


@router.post(
    "/uy-quyen",
    response={201: DelegationOut, **ERRORS},
    summary="Ủy quyền quyết định (gia hạn, thời hạn, xác nhận, trả lại) — lãnh đạo đơn vị giao",
)
def delegation_create(request: HttpRequest, payload: DelegationIn) -> Status[DelegationOut]:
    person = _actor(request)
    # A unit the caller acts for; whether they may delegate for it is the service's to say.
    unit = get_visible_or_404(
        Unit.objects.filter(pk__in=selectors.acting_units(person)), payload.unit
    )
    delegate = Person.objects.filter(uuid=payload.delegate, is_active=True).first()
    if delegate is None:
        raise ValidationError({"delegate": _("Không tìm thấy cán bộ có mã này.")})
    made = services.delegation_create(
        actor=person,
        unit=unit,
        delegate=delegate,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        note=payload.note,
    )
    return Status(201, _delegation_out(made))


@router.post(
    "/uy-quyen/{delegation_uuid}/ket-thuc",
    response={200: DelegationOut, **ERRORS},
    summary="Kết thúc một ủy quyền (lãnh đạo đã ủy quyền)",
)
def delegation_end(request: HttpRequest, delegation_uuid: UUID) -> DelegationOut:
    person = _actor(request)
    found = selectors.delegation_get(person, str(delegation_uuid))
    return _delegation_out(services.delegation_end(actor=person, delegation=found))


@router.post("/van-ban", response={201: DirectiveOut, **ERRORS}, summary="Theo dõi một văn bản")
def directive_track(request: HttpRequest, payload: DirectiveIn) -> Status[DirectiveOut]:
    person = _actor(request)
    incoming = (
        get_visible_or_404(incoming_visible(person), payload.incoming) if payload.incoming else None
    )
    outgoing = (
        get_visible_or_404(outgoing_visible(person), payload.outgoing) if payload.outgoing else None
    )
    document = incoming or outgoing
    # The unit that follows a document is derived from it, as on its page: a committee
    # follows what its Office registered or issued.
    unit = selectors.tracking_unit(document.unit) if document is not None else None
    if unit is None or (payload.unit is not None and payload.unit != unit.uuid):
        raise ValidationError(
            {"unit": _("Văn bản này do %(unit)s theo dõi.") % {"unit": unit.name}}
            if unit is not None
            else _("Chọn một văn bản đến hoặc một văn bản đi.")
        )
    directive = services.directive_track(
        actor=person, unit=unit, incoming=incoming, outgoing=outgoing
    )
    return Status(201, _directive_out(directive))


@router.post(
    "/chuong-trinh/{programme_uuid}/theo-doi",
    response={201: DirectiveOut, **ERRORS},
    summary="Theo dõi chương trình công tác đã duyệt như nhiệm vụ (mỗi nội dung một nhiệm vụ)",
)
def programme_track(request: HttpRequest, programme_uuid: UUID) -> Status[DirectiveOut]:
    person = _actor(request)
    programme = get_visible_or_404(programmes_visible(person), programme_uuid)
    return Status(201, _directive_out(services.programme_track(actor=person, programme=programme)))


@router.get(
    "/van-ban/{directive_uuid}/thong-ke",
    response={200: BoardOut, **ERRORS},
    summary="Nhiệm vụ của một văn bản theo đơn vị chủ trì (trong phạm vi người gọi được xem)",
)
def directive_counts(request: HttpRequest, directive_uuid: UUID) -> BoardOut:
    person = _actor(request)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(directive=directive),
        by="lead_unit_id",
        today=timezone.localdate(),
    )
    units = Unit.objects.in_bulk(list(board.by_key))
    return BoardOut(
        total=_counts(board.total),
        rows=[
            CountsByOut(uuid=units[key].uuid, name=units[key].name, counts=_counts(counts))
            for key, counts in board.by_key.items()
        ],
    )


@router.get(
    "/lanh-dao/thong-ke",
    response={200: BoardOut, **ERRORS},
    summary="Nhiệm vụ theo lãnh đạo phụ trách (trong phạm vi người gọi được xem)",
)
def leader_counts(request: HttpRequest) -> BoardOut:
    board = stats.dashboard(
        selectors.tasks_visible(_actor(request)).filter(leader__isnull=False),
        by="leader_id",
        today=timezone.localdate(),
    )
    people = Person.objects.in_bulk(list(board.by_key))
    return BoardOut(
        total=_counts(board.total),
        rows=[
            CountsByOut(uuid=people[key].uuid, name=people[key].full_name, counts=_counts(counts))
            for key, counts in board.by_key.items()
        ],
    )


@router.get(
    "/tep/{file_uuid}",
    response={200: None, **ERRORS},
    summary="Tải tệp đính kèm của một báo cáo tiến độ",
)
def report_file(request: HttpRequest, file_uuid: UUID) -> FileResponse:
    attached = selectors.report_file_get_visible(_actor(request), str(file_uuid))
    return download(attached.file, attached.filename)


@router.post(
    "/van-ban/{directive_uuid}/nhiem-vu",
    response={201: TaskOut, **ERRORS},
    summary="Giao nhiệm vụ (đơn vị giao)",
)
def task_assign(request: HttpRequest, directive_uuid: UUID, payload: TaskIn) -> Status[TaskOut]:
    person = _actor(request)
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
        _actor(request),
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
    services.task_report(actor=_actor(request), task=task, text=payload.text, state=payload.state)
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
    services.task_report(
        actor=_actor(request),
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
    task = services.task_set_deadline(
        actor=_actor(request), task=_task(request, task_uuid), deadline=payload.deadline
    )
    return _task_out(task)


@router.post(
    "/{task_uuid}/hoan-thanh",
    response={200: TaskOut, **ERRORS},
    summary="Báo cáo hoàn thành (đơn vị chủ trì)",
)
def task_complete(request: HttpRequest, task_uuid: UUID, payload: CompleteIn) -> TaskOut:
    person = _actor(request)
    task = _task(request, task_uuid)
    product = (
        get_visible_or_404(selectors.product_documents(person, task), payload.product_document)
        if payload.product_document
        else None
    )
    task = services.task_complete(
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
        services.completion_accept(actor=_actor(request), task=_task(request, task_uuid))
    )


@router.post(
    "/{task_uuid}/tra-lai",
    response={200: TaskOut, **ERRORS},
    summary="Trả lại báo cáo hoàn thành (đơn vị giao)",
)
def completion_return(request: HttpRequest, task_uuid: UUID, payload: ReasonIn) -> TaskOut:
    task = services.completion_return(
        actor=_actor(request), task=_task(request, task_uuid), reason=payload.reason
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
    made = services.extension_request(
        actor=_actor(request),
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
    person = _actor(request)
    asked = get_visible_or_404(
        ExtensionRequest.objects.filter(task__in=selectors.tasks_visible(person)), request_uuid
    )
    decided = services.extension_decide(
        actor=person, request=asked, approve=payload.approve, note=payload.note
    )
    return ExtensionOut(uuid=decided.uuid, new_deadline=decided.new_deadline, status=decided.status)


@router.get(
    "/don-vi/{unit_uuid}/thong-ke",
    response={200: CountsOut, **ERRORS},
    summary="Số nhiệm vụ của đơn vị theo tình trạng",
)
def unit_counts(request: HttpRequest, unit_uuid: UUID) -> CountsOut:
    unit = selectors.unit_seen_or_404(_actor(request), str(unit_uuid))
    board = stats.dashboard(
        selectors.tasks_led_by(unit), by="lead_unit_id", today=timezone.localdate()
    )
    return CountsOut(**dict(board.total.items()))


class ReviewQuery(Schema):
    loai: Literal["so-ket", "tong-ket"] = Field("so-ket", description="Sơ kết hoặc tổng kết.")
    tu: Day = Field(description="Đầu kỳ báo cáo (không trước ngày của văn bản).")
    den: Day = Field(description="Cuối kỳ: số liệu tính đến hết ngày này.")


@router.get(
    "/van-ban/{directive_uuid}/bao-cao",
    response={200: None, **ERRORS},
    summary="Dự thảo báo cáo sơ kết, tổng kết (DOCX) — đơn vị theo dõi văn bản",
)
def directive_review(
    request: HttpRequest, directive_uuid: UUID, params: Query[ReviewQuery]
) -> HttpResponse:
    person = _actor(request)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    kind: reviews.ReviewKind = "so_ket" if params.loai == "so-ket" else "tong_ket"
    body = reviews.review_generate(
        actor=person, directive=directive, kind=kind, start=params.tu, end=params.den
    )
    response = HttpResponse(body, content_type=reviews.DOCX_TYPE)
    response["Content-Disposition"] = content_disposition(reviews.filename(directive, kind))
    return response
