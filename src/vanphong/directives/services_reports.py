"""The lead unit's side of a task: progress reports (with files), reporting it done, asking
for more time. The rules are those of `services`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, files
from vanphong.core.vietnamese import clean
from vanphong.directives import notify
from vanphong.directives.models import (
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    ReportFile,
    Task,
    TaskState,
)
from vanphong.directives.services import (
    deadline_check,
    require_acting,
    require_children_closed,
    require_sees,
    task_lock,
    task_move,
)
from vanphong.documents.models import OutgoingDocument
from vanphong.org.models import Person


def _attach(report: ProgressReport, uploads: Sequence[UploadedFile]) -> list[str]:
    names = []
    for upload in uploads:
        # A rejected file raises here and the whole report is rolled back: nothing half-saved.
        checked = files.store(upload)
        name = files.stored_name(upload.name or "", checked.stored.content_type)
        ReportFile.objects.create(report=report, file=checked.stored, filename=name)
        names.append(name)
    return names


@transaction.atomic
def task_report(
    *,
    actor: Person,
    task: Task,
    text: str,
    state: str = TaskState.IN_PROGRESS,
    attachments: Sequence[UploadedFile] = (),
) -> ProgressReport:
    """The lead unit reports progress: in progress, or cannot be done (with the reason)."""
    task = task_lock(task)
    require_acting(actor, task.lead_unit, _("Chỉ đơn vị chủ trì mới báo cáo tiến độ."))
    require_sees(actor, task)
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc; không báo cáo thêm."))
    if task.state == TaskState.SUBMITTED:
        # Only the assigning side takes a completion back (completion_return).
        raise ValidationError(_("Đã báo cáo hoàn thành; chờ đơn vị giao xác nhận hoặc trả lại."))
    text = clean(text)
    if not text:
        raise ValidationError({"text": _("Cần nhập nội dung báo cáo.")})
    if state not in (TaskState.IN_PROGRESS, TaskState.CANNOT_DO):
        raise ValidationError({"state": _("Báo cáo hoàn thành dùng chức năng báo cáo hoàn thành.")})
    if state != task.state:
        task_move(actor, task, state, f"task.{state}", state_reason=text[:500])
    report = ProgressReport.objects.create(
        task=task, unit=task.lead_unit, author=actor, text=text, state=state
    )
    names = _attach(report, attachments)
    audit.record(
        actor=actor,
        action="task.report",
        target=task,
        after={"text": text, "state": state, "files": names},
    )
    return report


@transaction.atomic
def task_complete(
    *,
    actor: Person,
    task: Task,
    text: str,
    done_on: date | None = None,
    product_document: OutgoingDocument | None = None,
    attachments: Sequence[UploadedFile] = (),
) -> Task:
    """The lead unit reports the task done, with its product; the assigning side confirms."""
    task = task_lock(task)
    require_acting(actor, task.lead_unit, _("Chỉ đơn vị chủ trì mới báo cáo hoàn thành."))
    require_sees(actor, task)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("Ngày hoàn thành không được ở tương lai.")})
    if done_on < task.directive.document_date:
        raise ValidationError({"done_on": _("Ngày hoàn thành trước ngày của văn bản.")})
    if product_document is not None and product_document.issued_on is None:
        raise ValidationError({"product_document": _("Văn bản sản phẩm chưa ban hành.")})
    require_children_closed(task)
    task = task_move(
        actor,
        task,
        TaskState.SUBMITTED,
        "task.submit",
        done_on=done_on,
        product_document=product_document,
        state_reason="",
        submitted_by=actor,
        submitted_at=timezone.now(),
    )
    notify.unit_told(
        unit=task.assigning_unit,
        actor=actor,
        task=task,
        text=_("%(unit)s báo cáo hoàn thành, chờ xác nhận") % {"unit": task.lead_unit.name},
    )
    if clean(text) or attachments:
        report = ProgressReport.objects.create(
            task=task,
            unit=task.lead_unit,
            author=actor,
            text=clean(text) or _("Báo cáo hoàn thành."),
            state=task.state,
        )
        names = _attach(report, attachments)
        audit.record(
            actor=actor,
            action="task.report",
            target=task,
            after={"text": report.text, "state": task.state, "files": names},
        )
    return task


@transaction.atomic
def extension_request(
    *, actor: Person, task: Task, new_deadline: date, reason: str
) -> ExtensionRequest:
    task = task_lock(task)
    require_acting(actor, task.lead_unit, _("Chỉ đơn vị chủ trì mới đề nghị gia hạn."))
    require_sees(actor, task)
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc."))
    if not clean(reason):
        raise ValidationError({"reason": _("Cần nêu lý do đề nghị gia hạn.")})
    if task.deadline is not None and new_deadline <= task.deadline:
        raise ValidationError({"new_deadline": _("Thời hạn đề nghị phải sau thời hạn hiện tại.")})
    deadline_check(task.directive, task.parent, new_deadline)
    if task.extensions.filter(status=ExtensionStatus.PENDING).exists():
        raise ValidationError(_("Đã có một đề nghị gia hạn đang chờ quyết định."))
    request = ExtensionRequest.objects.create(
        task=task,
        requested_by=actor,
        old_deadline=task.deadline,
        new_deadline=new_deadline,
        reason=clean(reason)[:500],
    )
    notify.unit_told(
        unit=task.assigning_unit,
        actor=actor,
        task=task,
        text=_("%(unit)s đề nghị gia hạn đến %(day)s")
        % {"unit": task.lead_unit.name, "day": new_deadline.strftime("%d/%m/%Y")},
    )
    audit.record(
        actor=actor,
        action="task.extension_request",
        target=task,
        after={"from": task.deadline, "to": new_deadline, "reason": request.reason},
    )
    return request
