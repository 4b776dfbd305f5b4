"""The assigning side's decisions on a task — accepting or returning a completion (a recurring
task's next period with it), moving a deadline, deciding an extension — for the unit's leaders
or their delegates, and the delegations themselves. The rules are those of `services`."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.directives import notify
from vanphong.directives.lateness import late_from
from vanphong.directives.models import (
    Delegation,
    ExtensionRequest,
    ExtensionStatus,
    Recurrence,
    Task,
    TaskState,
)
from vanphong.directives.selectors import (
    acts_for,
    decision_leaders,
    leaders_of,
)
from vanphong.directives.services import (
    TASK_FIELDS,
    deadline_check,
    deadline_move,
    require_children_closed,
    require_decider,
    require_sees,
    task_assign,
    task_lock,
    task_move,
)
from vanphong.org.models import Person, Unit

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
    task = task_lock(task)
    require_sees(actor, task)
    authority = require_decider(actor, task.assigning_unit)
    if task.submitted_by_id == actor.pk:
        # Office staff act for the Office and for its committee: not both sides of one task.
        raise PermissionDenied(_("Người báo cáo hoàn thành không tự xác nhận."))
    require_children_closed(task)
    task = task_move(actor, task, TaskState.DONE, "task.accept", authority)
    notify.unit_told(unit=task.lead_unit, actor=actor, task=task, text=_("Đã xác nhận hoàn thành"))
    _recur(actor, task)
    return task


@transaction.atomic
def completion_return(*, actor: Person, task: Task, reason: str) -> Task:
    task = task_lock(task)
    require_sees(actor, task)
    authority = require_decider(actor, task.assigning_unit)
    if not clean(reason):
        raise ValidationError({"reason": _("Cần nêu lý do trả lại.")})
    notify.unit_told(
        unit=task.lead_unit,
        actor=actor,
        task=task,
        text=_("Báo cáo hoàn thành bị trả lại (%(reason)s)") % {"reason": clean(reason)[:200]},
    )
    return task_move(
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
    task = task_lock(task)
    require_sees(actor, task)
    authority = require_decider(actor, task.assigning_unit)
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc."))
    deadline_check(task.directive, task.parent, deadline)
    return deadline_move(actor, task, deadline, authority)


@transaction.atomic
def extension_decide(
    *, actor: Person, request: ExtensionRequest, approve: bool, note: str = ""
) -> ExtensionRequest:
    request = ExtensionRequest.objects.select_for_update().get(pk=request.pk)
    task = task_lock(request.task)
    require_sees(actor, task)
    authority = require_decider(actor, task.assigning_unit)
    if request.requested_by_id == actor.pk:
        # As with a completion: someone acting for both sides of a task is never both.
        raise PermissionDenied(_("Người đề nghị gia hạn không tự quyết định đề nghị của mình."))
    if request.status != ExtensionStatus.PENDING:
        raise ValidationError(_("Đề nghị này đã được quyết định."))
    if task.is_closed:
        raise ValidationError(_("Nhiệm vụ đã kết thúc."))
    if approve:
        deadline_check(task.directive, task.parent, request.new_deadline)
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

DELEGATION_FIELDS = ("unit", "leader", "delegate", "starts_on", "ends_on", "note", "ended_at")


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
