"""Every write to directives and their tasks: one atomic, audited function per use case.

Rules: only the assigning unit sets or moves a deadline, accepts or returns a completion, and
decides an extension — and of the assigning unit only its current leaders, or whom one of them
delegated to (`delegation_create`; the audit event says which); its other staff prepare. Only
the lead unit reports a state, asks for more time or reports completion; states move along
models.TRANSITIONS only. Nobody acts on a task of a secret directive they may not see.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, files
from vanphong.core.vietnamese import clean
from vanphong.directives import notify
from vanphong.directives.lateness import late_from
from vanphong.directives.models import (
    CLOSED_STATES,
    DIRECTIVE_TYPES,
    TRANSITIONS,
    Delegation,
    Directive,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    Recurrence,
    ReportFile,
    Task,
    TaskState,
)
from vanphong.directives.selectors import (
    acts_for,
    decision_authority,
    decision_leaders,
    directives_visible,
    leaders_of,
    tasks_visible,
)
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import unit_subtree
from vanphong.planning.models import (
    Body,
    ItemState,
    ProgrammeItem,
    ProgrammeStatus,
    WorkProgramme,
)

DIRECTIVE_FIELDS = (
    "unit",
    "programme",
    "type_symbol",
    "number_symbol",
    "title",
    "document_date",
    "confidentiality",
)
DELEGATION_FIELDS = ("unit", "leader", "delegate", "starts_on", "ends_on", "note", "ended_at")
TASK_FIELDS = (
    "directive",
    "parent",
    "assigning_unit",
    "lead_unit",
    "content",
    "clause",
    "product",
    "deadline",
    "recurrence",
    "state",
    "state_reason",
    "done_on",
    "product_document",
    "leader",
    "recur_until",
    "previous",
)


def _require_acting(actor: Person, unit: Unit, message: str) -> None:
    if not acts_for(actor, unit):
        raise PermissionDenied(message)


def _require_decider(actor: Person, unit: Unit) -> dict[str, Any]:
    """The actor decides for `unit` as its leader or by a delegation; what the audit keeps."""
    authority = decision_authority(actor, unit)
    if authority is None:
        raise PermissionDenied(
            _(
                "Chỉ lãnh đạo của %(unit)s (hoặc người được lãnh đạo ủy quyền) mới quyết định "
                "việc này; cán bộ khác chỉ chuẩn bị."
            )
            % {"unit": unit.name}
        )
    return authority.record()


def _require_sees(actor: Person, task: Task) -> None:
    """The pages fetch tasks through tasks_visible; a service called otherwise must not let
    someone act on a task of a secret directive they are not cleared for."""
    if task.directive.confidentiality and not tasks_visible(actor).filter(pk=task.pk).exists():
        raise PermissionDenied(_("Bạn không được tiếp cận văn bản mật này."))


@transaction.atomic
def directive_track(
    *,
    actor: Person,
    unit: Unit,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
) -> Directive:
    """Start following a directive-type document the unit received or issued."""
    _require_acting(actor, unit, _("Bạn không thuộc đơn vị này."))
    document: Any = incoming or outgoing
    if document is None or (incoming is not None and outgoing is not None):
        raise ValidationError(_("Chọn một văn bản đến hoặc một văn bản đi."))
    if document.type_symbol not in DIRECTIVE_TYPES:
        raise ValidationError(
            _("Chỉ theo dõi nghị quyết, chỉ thị, kết luận, thông báo, kế hoạch, chương trình.")
        )
    dated: date | None = incoming.document_date if incoming is not None else document.issued_on
    if dated is None:
        raise ValidationError(_("Văn bản đi chưa ban hành."))
    if outgoing is not None:
        programme = WorkProgramme.objects.filter(document=outgoing, committee=unit).first()
        if programme is not None:
            # One programme, one tracking: its items become tasks, not a single document.
            return programme_track(actor=actor, programme=programme)
    existing = Directive.objects.filter(unit=unit, incoming=incoming, outgoing=outgoing).first()
    if existing is not None:
        return existing
    directive = Directive.objects.create(
        unit=unit,
        incoming=incoming,
        outgoing=outgoing,
        type_symbol=document.type_symbol,
        number_symbol=document.number_symbol,
        title=document.subject,
        document_date=dated,
        confidentiality=document.confidentiality,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="directive.track",
        target=directive,
        after=audit.snapshot(directive, DIRECTIVE_FIELDS),
    )
    return directive


def _period_end(year: int, item: ProgrammeItem) -> date:
    if item.month is not None:
        return date(year, item.month, monthrange(year, item.month)[1])
    last = 3 * (item.quarter or 4)
    return date(year, last, monthrange(year, last)[1])


@transaction.atomic
def programme_track(*, actor: Person, programme: WorkProgramme) -> Directive:
    """Follow an approved work programme like a directive: one task per item, led by the
    item's lead unit and due at the end of its month or quarter. Tracking again adds the
    items added since; dropped items are not followed."""
    # Locked: two clicks on "track" must not make each item's task twice.
    programme = (
        WorkProgramme.objects.select_for_update(of=("self",))
        .select_related("committee", "document")
        .get(pk=programme.pk)
    )
    committee = programme.committee
    _require_acting(actor, committee, _("Bạn không thuộc đơn vị này."))
    if programme.status != ProgrammeStatus.APPROVED:
        raise ValidationError(_("Chỉ theo dõi chương trình đã duyệt."))
    directive = Directive.objects.filter(unit=committee, programme=programme).first()
    if directive is None:
        document = programme.document
        issued = document is not None and document.issued_on is not None
        # A programme is about its year: dated by its CTr document when issued, otherwise by
        # its year's first day (an approval entered late must not push every deadline).
        dated = document.issued_on if document is not None and issued else None
        directive = Directive.objects.create(
            unit=committee,
            programme=programme,
            type_symbol="CTr",
            number_symbol=document.number_symbol if document is not None and issued else "",
            title=programme.title,
            document_date=dated or date(programme.year, 1, 1),
            created_by=actor,
        )
        audit.record(
            actor=actor,
            action="directive.track",
            target=directive,
            after=audit.snapshot(directive, DIRECTIVE_FIELDS),
        )
    tracked = set(
        Task.objects.filter(directive=directive, programme_item__isnull=False).values_list(
            "programme_item_id", flat=True
        )
    )
    items = (
        programme.items.exclude(state=ItemState.DROPPED)
        .exclude(pk__in=tracked)
        .select_related("lead_unit")
        .prefetch_related("supporting_units")
    )
    for item in items:
        task_assign(
            actor=actor,
            directive=directive,
            lead_unit=item.lead_unit,
            content=item.content,
            deadline=max(_period_end(programme.year, item), directive.document_date),
            supporting_units=[u for u in item.supporting_units.all() if u != item.lead_unit],
            clause=item.topic,
            product=_("Trình %(body)s") % {"body": Body(item.body).label},
            programme_item=item,
        )
    return directive


@transaction.atomic
def programme_item_follow(*, actor: Person, item: ProgrammeItem) -> Task | None:
    """An item of a tracked programme is being moved to another month or quarter (planning's
    programme_item_track calls this before it audits, so the task is locked before the audit
    chain as everywhere else): its open task becomes due at the end of the new period. Not
    for an item whose task has open sub-tasks due later — refused like any deadline."""
    found = (
        Task.objects.filter(programme_item=item)
        .exclude(state__in=CLOSED_STATES)
        .values_list("pk", flat=True)
        .first()
    )
    if found is None:
        return None
    task = _lock(Task(pk=found))
    if task.is_closed:  # confirmed while we waited for the lock
        return None
    due = max(_period_end(item.programme.year, item), task.directive.document_date)
    if due == task.deadline:
        return task
    # Moving a followed item moves a task's deadline: the assigning side's decision.
    authority = _require_decider(actor, task.assigning_unit)
    return _set_deadline(actor, task, due, authority)


def _check_deadline(directive: Directive, parent: Task | None, deadline: date | None) -> None:
    if deadline is None:
        return
    if deadline < directive.document_date:
        raise ValidationError(
            {
                "deadline": _("Thời hạn không được trước ngày của văn bản (%(day)s).")
                % {"day": directive.document_date.strftime("%d/%m/%Y")}
            }
        )
    if parent is not None and parent.deadline is not None and deadline > parent.deadline:
        raise ValidationError(
            {
                "deadline": _("Nhiệm vụ con không được hạn sau nhiệm vụ cha (%(day)s).")
                % {"day": parent.deadline.strftime("%d/%m/%Y")}
            }
        )


@transaction.atomic
def task_assign(
    *,
    actor: Person,
    directive: Directive,
    lead_unit: Unit,
    content: str,
    deadline: date | None = None,
    supporting_units: Sequence[Unit] = (),
    clause: str = "",
    product: str = "",
    recurrence: str = Recurrence.NONE,
    parent: Task | None = None,
    leader: Person | None = None,
    programme_item: ProgrammeItem | None = None,
    recur_until: date | None = None,
    previous: Task | None = None,
    series_due: date | None = None,
) -> Task:
    """Give a task to a unit. A top-level task is assigned by the directive's unit; a sub-task
    by the unit that leads its parent (a district breaking a provincial task down)."""
    if parent is not None:
        # Locked: its deadline and state must not change while a sub-task is checked against them.
        parent = _lock(parent)
        if parent.directive_id != directive.pk:
            raise ValidationError(_("Nhiệm vụ cha thuộc văn bản khác."))
    assigning = parent.lead_unit if parent is not None else directive.unit
    _require_acting(actor, assigning, _("Chỉ đơn vị giao nhiệm vụ mới được giao, sửa thời hạn."))
    if parent is not None:
        _require_sees(actor, parent)
    elif (
        directive.confidentiality and not directives_visible(actor).filter(pk=directive.pk).exists()
    ):
        raise PermissionDenied(_("Bạn không được tiếp cận văn bản mật này."))
    if parent is not None and parent.is_closed:
        raise ValidationError(_("Nhiệm vụ cha đã kết thúc."))
    if parent is not None and parent.state == TaskState.SUBMITTED:
        raise ValidationError(_("Nhiệm vụ cha đã báo cáo hoàn thành."))
    errors = {}
    if not clean(content):
        errors["content"] = _("Cần nhập nội dung nhiệm vụ.")
    if recurrence not in Recurrence.values:
        errors["recurrence"] = _("Định kỳ không hợp lệ.")
    elif recurrence and deadline is None:
        errors["deadline"] = _("Nhiệm vụ định kỳ cần thời hạn của kỳ đầu tiên.")
    if recur_until is not None and (
        not recurrence or (deadline is not None and recur_until < deadline)
    ):
        errors["recur_until"] = _("“Định kỳ đến ngày” chỉ dùng cho nhiệm vụ định kỳ, sau thời hạn.")
    if lead_unit in supporting_units:
        errors["supporting_units"] = _("Đơn vị chủ trì không đồng thời phối hợp.")
    below = unit_subtree(assigning) - {assigning.pk}
    if lead_unit.pk not in below:
        errors["lead_unit"] = _("Đơn vị chủ trì phải là đơn vị cấp dưới của đơn vị giao.")
    if any(unit.pk not in below for unit in supporting_units):
        errors["supporting_units"] = _("Đơn vị phối hợp phải là đơn vị cấp dưới của đơn vị giao.")
    if leader is not None and not leaders_of(assigning).filter(pk=leader.pk).exists():
        errors["leader"] = _("Lãnh đạo phụ trách phải là lãnh đạo của đơn vị giao nhiệm vụ.")
    if errors:
        raise ValidationError(errors)
    _check_deadline(directive, parent, deadline)
    task = Task.objects.create(
        directive=directive,
        parent=parent,
        assigning_unit=assigning,
        lead_unit=lead_unit,
        content=clean(content),
        clause=clean(clause)[:200],
        product=clean(product)[:200],
        deadline=deadline,
        late_from=late_from(deadline),
        recurrence=recurrence,
        recur_until=recur_until,
        period_due=deadline if recurrence else None,
        series_due=(series_due or deadline) if recurrence else None,
        previous=previous,
        leader=leader,
        programme_item=programme_item,
        created_by=actor,
    )
    task.supporting_units.set(supporting_units)
    notify.unit_told(
        unit=lead_unit,
        actor=actor,
        task=task,
        text=_("Nhiệm vụ mới do %(unit)s giao") % {"unit": assigning.name},
    )
    audit.record(
        actor=actor,
        action="task.assign",
        target=task,
        after={
            **audit.snapshot(task, TASK_FIELDS),
            "supporting_units": [u.pk for u in supporting_units],
        },
    )
    return task


def _lock(task: Task) -> Task:
    return (
        Task.objects.select_for_update(of=("self",))
        .select_related("directive", "lead_unit", "assigning_unit", "parent")
        .get(pk=task.pk)
    )


def _move(
    actor: Person,
    task: Task,
    state: str,
    action: str,
    authority: dict[str, Any] | None = None,
    **changes: Any,
) -> Task:
    if state not in TRANSITIONS[task.state]:
        if task.is_closed:
            raise ValidationError(_("Nhiệm vụ đã kết thúc."))
        raise ValidationError(
            _("Không chuyển được từ “%(old)s” sang “%(new)s”.")
            % {"old": TaskState(task.state).label, "new": TaskState(state).label}
        )
    before = audit.snapshot(task, TASK_FIELDS)
    task.state = state
    for name, value in changes.items():
        setattr(task, name, value)
    if task.is_closed:
        task.closed_at = timezone.now()
    task.save()
    after = audit.snapshot(task, TASK_FIELDS)
    audit.record(
        actor=actor,
        action=action,
        target=task,
        before=before,
        after={**after, "authority": authority} if authority is not None else after,
    )
    if task.is_closed:
        # A request for more time on a finished task has nothing left to decide.
        task.extensions.filter(status=ExtensionStatus.PENDING).update(
            status=ExtensionStatus.REFUSED,
            decided_by=actor,
            decided_at=timezone.now(),
            decision_note=_("Nhiệm vụ đã kết thúc."),
        )
    return task


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
    task = _lock(task)
    _require_acting(actor, task.lead_unit, _("Chỉ đơn vị chủ trì mới báo cáo tiến độ."))
    _require_sees(actor, task)
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
        _move(actor, task, state, f"task.{state}", state_reason=text[:500])
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


def _require_children_closed(task: Task) -> None:
    still_open = task.children.exclude(state__in=CLOSED_STATES).count()
    if still_open:
        # The lead unit reports the whole task: its own breakdown first.
        raise ValidationError(
            _("Còn %(n)s nhiệm vụ con chưa kết thúc; hoàn thành hoặc kết thúc chúng trước.")
            % {"n": still_open}
        )


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
    task = _lock(task)
    _require_acting(actor, task.lead_unit, _("Chỉ đơn vị chủ trì mới báo cáo hoàn thành."))
    _require_sees(actor, task)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("Ngày hoàn thành không được ở tương lai.")})
    if done_on < task.directive.document_date:
        raise ValidationError({"done_on": _("Ngày hoàn thành trước ngày của văn bản.")})
    if product_document is not None and product_document.issued_on is None:
        raise ValidationError({"product_document": _("Văn bản sản phẩm chưa ban hành.")})
    _require_children_closed(task)
    task = _move(
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


PERIOD_MONTHS = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.YEARLY: 12,
}


def next_deadline(deadline: date, recurrence: str, *, first: date | None = None) -> date:
    """A period later, on the day of the series' `first` deadline where the month has it
    (30/1 → 28/2 → 30/3); a series that began on a month's last day stays on the last day
    (30/6 → 30/9 → 31/12)."""
    first = first or deadline
    months = deadline.year * 12 + deadline.month - 1 + PERIOD_MONTHS[Recurrence(recurrence)]
    year, month = divmod(months, 12)
    last = monthrange(year, month + 1)[1]
    at_month_end = first.day == monthrange(first.year, first.month)[1]
    return date(year, month + 1, last if at_month_end else min(first.day, last))


def _recur(actor: Person, task: Task) -> Task | None:
    if not task.recurrence or task.deadline is None:
        return None
    if task.parent is not None and task.parent.is_closed:
        return None
    # Counted from the period as assigned: an extension of one period does not shift the rest.
    scheduled = task.period_due or task.deadline
    series = task.series_due or scheduled
    due = next_deadline(scheduled, task.recurrence, first=series)
    limits = [d for d in (task.recur_until, task.parent.deadline if task.parent else None) if d]
    if any(due > limit for limit in limits):
        return None
    leader = task.leader
    if leader is not None and not leaders_of(task.assigning_unit).filter(pk=leader.pk).exists():
        leader = None  # no longer a leader of the unit: the next period has none until set
    return task_assign(
        actor=actor,
        directive=task.directive,
        parent=task.parent,
        lead_unit=task.lead_unit,
        content=task.content,
        deadline=due,
        supporting_units=list(task.supporting_units.all()),
        clause=task.clause,
        product=task.product,
        recurrence=task.recurrence,
        recur_until=task.recur_until,
        leader=leader,
        previous=task,
        series_due=series,
    )


@transaction.atomic
def completion_accept(*, actor: Person, task: Task) -> Task:
    """Confirm a completion; a recurring task's next occurrence is assigned with it."""
    task = _lock(task)
    _require_sees(actor, task)
    authority = _require_decider(actor, task.assigning_unit)
    if task.submitted_by_id == actor.pk:
        # Office staff act for the Office and for its committee: not both sides of one task.
        raise PermissionDenied(_("Người báo cáo hoàn thành không tự xác nhận."))
    _require_children_closed(task)
    task = _move(actor, task, TaskState.DONE, "task.accept", authority)
    notify.unit_told(unit=task.lead_unit, actor=actor, task=task, text=_("Đã xác nhận hoàn thành"))
    _recur(actor, task)
    return task


@transaction.atomic
def completion_return(*, actor: Person, task: Task, reason: str) -> Task:
    task = _lock(task)
    _require_sees(actor, task)
    authority = _require_decider(actor, task.assigning_unit)
    if not clean(reason):
        raise ValidationError({"reason": _("Cần nêu lý do trả lại.")})
    notify.unit_told(
        unit=task.lead_unit,
        actor=actor,
        task=task,
        text=_("Báo cáo hoàn thành bị trả lại (%(reason)s)") % {"reason": clean(reason)[:200]},
    )
    return _move(
        actor,
        task,
        TaskState.IN_PROGRESS,
        "task.return",
        authority,
        done_on=None,
        state_reason=clean(reason)[:500],
    )


@transaction.atomic
def task_set_deadline(*, actor: Person, task: Task, deadline: date | None) -> Task:
    task = _lock(task)
    _require_sees(actor, task)
    authority = _require_decider(actor, task.assigning_unit)
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc."))
    _check_deadline(task.directive, task.parent, deadline)
    return _set_deadline(actor, task, deadline, authority)


def _set_deadline(
    actor: Person, task: Task, deadline: date | None, authority: dict[str, Any]
) -> Task:
    latest_child = (
        task.children.exclude(state__in=CLOSED_STATES)
        .exclude(deadline=None)
        .order_by("-deadline")
        .values_list("deadline", flat=True)
        .first()
    )
    if latest_child is not None and (deadline is None or deadline < latest_child):
        raise ValidationError(
            {
                "deadline": _("Còn nhiệm vụ con hạn đến %(day)s; không đặt thời hạn sớm hơn.")
                % {"day": latest_child.strftime("%d/%m/%Y")}
            }
        )
    before = audit.snapshot(task, TASK_FIELDS)
    task.deadline = deadline
    task.late_from = late_from(deadline)
    task.save(update_fields=["deadline", "late_from"])
    notify.unit_told(
        unit=task.lead_unit,
        actor=actor,
        task=task,
        text=_("Thời hạn mới: %(day)s")
        % {"day": deadline.strftime("%d/%m/%Y") if deadline else _("thường xuyên")},
    )
    audit.record(
        actor=actor,
        action="task.deadline",
        target=task,
        before=before,
        after={**audit.snapshot(task, TASK_FIELDS), "authority": authority},
    )
    return task


@transaction.atomic
def extension_request(
    *, actor: Person, task: Task, new_deadline: date, reason: str
) -> ExtensionRequest:
    task = _lock(task)
    _require_acting(actor, task.lead_unit, _("Chỉ đơn vị chủ trì mới đề nghị gia hạn."))
    _require_sees(actor, task)
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc."))
    if not clean(reason):
        raise ValidationError({"reason": _("Cần nêu lý do đề nghị gia hạn.")})
    if task.deadline is not None and new_deadline <= task.deadline:
        raise ValidationError({"new_deadline": _("Thời hạn đề nghị phải sau thời hạn hiện tại.")})
    _check_deadline(task.directive, task.parent, new_deadline)
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


@transaction.atomic
def extension_decide(
    *, actor: Person, request: ExtensionRequest, approve: bool, note: str = ""
) -> ExtensionRequest:
    request = ExtensionRequest.objects.select_for_update().get(pk=request.pk)
    task = _lock(request.task)
    _require_sees(actor, task)
    authority = _require_decider(actor, task.assigning_unit)
    if request.requested_by_id == actor.pk:
        # As with a completion: someone acting for both sides of a task is never both.
        raise PermissionDenied(_("Người đề nghị gia hạn không tự quyết định đề nghị của mình."))
    if request.status != ExtensionStatus.PENDING:
        raise ValidationError(_("Đề nghị này đã được quyết định."))
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc."))
    if approve:
        _check_deadline(task.directive, task.parent, request.new_deadline)
        if task.deadline is not None and request.new_deadline <= task.deadline:
            raise ValidationError(
                _("Thời hạn đã được sửa thành %(day)s sau khi đề nghị; đề nghị này không còn cần.")
                % {"day": task.deadline.strftime("%d/%m/%Y")}
            )
    if not approve and not clean(note):
        raise ValidationError({"note": _("Cần nêu lý do không đồng ý.")})
    request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.decision_note = clean(note)[:500]
    request.save()
    before = audit.snapshot(task, TASK_FIELDS)
    if approve:
        task.deadline = request.new_deadline
        task.late_from = late_from(request.new_deadline)
        task.save(update_fields=["deadline", "late_from"])
    notify.unit_told(
        unit=task.lead_unit,
        actor=actor,
        task=task,
        text=(_("Đồng ý gia hạn đến %(day)s") if approve else _("Không đồng ý gia hạn đến %(day)s"))
        % {"day": request.new_deadline.strftime("%d/%m/%Y")},
    )
    audit.record(
        actor=actor,
        action=f"task.extension_{request.status}",
        target=task,
        before=before,
        after={**audit.snapshot(task, TASK_FIELDS), "authority": authority},
    )
    return request


# --- delegations ---------------------------------------------------------------------------


@transaction.atomic
def delegation_create(
    *,
    actor: Person,
    unit: Unit,
    delegate: Person,
    starts_on: date | None = None,
    ends_on: date | None = None,
    note: str = "",
) -> Delegation:
    """A leader of `unit` lets `delegate` decide for it on the tasks it assigned, from
    `starts_on` (today by default) to `ends_on` (open if None). Only a leader by membership
    delegates: a delegate does not delegate further, and nobody delegates to themselves."""
    # Locked: two delegations by one leader are checked against each other in turn.
    Person.objects.select_for_update().filter(pk=actor.pk).first()
    if not decision_leaders(unit).filter(pk=actor.pk).exists():
        raise PermissionDenied(
            _("Chỉ lãnh đạo của %(unit)s mới ủy quyền quyết định cho đơn vị.") % {"unit": unit.name}
        )
    today = timezone.localdate()
    starts_on = starts_on or today
    errors: dict[str, str] = {}
    if delegate.pk == actor.pk:
        errors["delegate"] = _("Không tự ủy quyền cho chính mình.")
    elif not delegate.is_active or not acts_for(delegate, unit):
        errors["delegate"] = _(
            "Người được ủy quyền phải đang công tác tại %(unit)s (hoặc Văn phòng của cấp ủy này)."
        ) % {"unit": unit.name}
    if starts_on < today:
        errors["starts_on"] = _("Ngày bắt đầu không được trước hôm nay.")
    if ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
    if errors:
        raise ValidationError(errors)
    overlapping = Delegation.objects.filter(
        unit=unit, leader=actor, delegate=delegate, ended_at__isnull=True
    ).filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=starts_on))
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    if overlapping.exists():
        raise ValidationError({"delegate": _("Đã có ủy quyền cho người này trong thời gian đó.")})
    delegation = Delegation.objects.create(
        unit=unit,
        leader=actor,
        delegate=delegate,
        starts_on=starts_on,
        ends_on=ends_on,
        note=clean(note)[:500],
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="delegation.create",
        target=delegation,
        after=audit.snapshot(delegation, DELEGATION_FIELDS),
    )
    return delegation


@transaction.atomic
def delegation_end(*, actor: Person, delegation: Delegation) -> Delegation:
    """The leader who gave a delegation ends it, from now."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.leader_id != actor.pk:
        raise PermissionDenied(_("Chỉ lãnh đạo đã ủy quyền mới kết thúc ủy quyền."))
    if delegation.ended_at is not None:
        raise ValidationError(_("Ủy quyền này đã kết thúc."))
    before = audit.snapshot(delegation, DELEGATION_FIELDS)
    delegation.ended_at = timezone.now()
    delegation.ended_by = actor
    delegation.save(update_fields=["ended_at", "ended_by"])
    audit.record(
        actor=actor,
        action="delegation.end",
        target=delegation,
        before=before,
        after=audit.snapshot(delegation, DELEGATION_FIELDS),
    )
    return delegation
