"""Every write to directives and their tasks: one atomic, audited function per use case.
This module: following a directive or a work programme, assigning tasks, and the building
blocks every directives service uses; the lead unit's reports are in `services_reports`, the
assigning side's decisions and delegations in `services_decisions`.

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
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.directives import notify
from vanphong.directives.lateness import late_from
from vanphong.directives.models import (
    CLOSED_STATES,
    DIRECTIVE_TYPES,
    TRANSITIONS,
    Directive,
    ExtensionStatus,
    Recurrence,
    Task,
    TaskState,
)
from vanphong.directives.selectors import (
    acts_for,
    decision_authority,
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


# --- building blocks of the services: called inside a service's transaction ----------------


def require_acting(actor: Person, unit: Unit, message: str) -> None:
    if not acts_for(actor, unit):
        raise PermissionDenied(message)


def require_decider(actor: Person, unit: Unit) -> dict[str, Any]:
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


def require_sees(actor: Person, task: Task) -> None:
    """The pages fetch tasks through tasks_visible; a service called otherwise must not let
    someone act on a task of a secret directive they are not cleared for."""
    if task.directive.confidentiality and not tasks_visible(actor).filter(pk=task.pk).exists():
        raise PermissionDenied(_("Bạn không được tiếp cận văn bản mật này."))


def task_lock(task: Task) -> Task:
    """The task, locked for the rest of the transaction, with what the rules read of it."""
    return (
        Task.objects.select_for_update(of=("self",))
        .select_related("directive", "lead_unit", "assigning_unit", "parent")
        .get(pk=task.pk)
    )


def task_move(
    actor: Person,
    task: Task,
    state: str,
    action: str,
    authority: dict[str, Any] | None = None,
    **changes: Any,
) -> Task:
    """A locked task's move to `state` (along TRANSITIONS only) with `changes`, audited as
    `action`; closing it refuses the request for more time still waiting."""
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


def deadline_check(directive: Directive, parent: Task | None, deadline: date | None) -> None:
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


def require_children_closed(task: Task) -> None:
    still_open = task.children.exclude(state__in=CLOSED_STATES).count()
    if still_open:
        # The lead unit reports the whole task: its own breakdown first.
        raise ValidationError(
            _("Còn %(n)s nhiệm vụ con chưa kết thúc; hoàn thành hoặc kết thúc chúng trước.")
            % {"n": still_open}
        )


def deadline_move(
    actor: Person, task: Task, deadline: date | None, authority: dict[str, Any]
) -> Task:
    """A locked task's new deadline — never before an open sub-task's — told to the lead unit
    and audited with the decider's `authority`."""
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


# --- following a directive, assigning its tasks -------------------------------------------


@transaction.atomic
def directive_track(
    *,
    actor: Person,
    unit: Unit,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
) -> Directive:
    """Start following a directive-type document the unit received or issued."""
    require_acting(actor, unit, _("Bạn không thuộc đơn vị này."))
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
    require_acting(actor, committee, _("Bạn không thuộc đơn vị này."))
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
    """An item of a tracked programme is being moved to another month or quarter (subscribed
    to planning's `hooks.on_programme_item_moved`, called before the move is audited, so the
    task is locked before the audit chain as everywhere else): its open task becomes due at
    the end of the new period. Not for an item whose task has open sub-tasks due later —
    refused like any deadline."""
    found = (
        Task.objects.filter(programme_item=item)
        .exclude(state__in=CLOSED_STATES)
        .values_list("pk", flat=True)
        .first()
    )
    if found is None:
        return None
    task = task_lock(Task(pk=found))
    if task.is_closed:  # confirmed while we waited for the lock
        return None
    due = max(_period_end(item.programme.year, item), task.directive.document_date)
    if due == task.deadline:
        return task
    # Moving a followed item moves a task's deadline: the assigning side's decision.
    authority = require_decider(actor, task.assigning_unit)
    return deadline_move(actor, task, due, authority)


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
        parent = task_lock(parent)
        if parent.directive_id != directive.pk:
            raise ValidationError(_("Nhiệm vụ cha thuộc văn bản khác."))
    assigning = parent.lead_unit if parent is not None else directive.unit
    require_acting(actor, assigning, _("Chỉ đơn vị giao nhiệm vụ mới được giao, sửa thời hạn."))
    if parent is not None:
        require_sees(actor, parent)
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
    deadline_check(directive, parent, deadline)
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
