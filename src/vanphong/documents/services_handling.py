"""Handling an incoming document: an assignee's progress, completion and hand-over."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import (
    clean,
)
from vanphong.documents import notify
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    DeliveryStatus,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
    ProgressNote,
)
from vanphong.documents.services import (
    _advance_delivery,
    _incoming_change,
    _involve,
    _lock_incoming,
    _refuse_frozen,
)
from vanphong.org.models import Person
from vanphong.org.selectors import scope_for


def _lock_assignment(assignment: Assignment, actor: Person) -> Assignment:
    assignment = (
        Assignment.objects.select_for_update().select_related("document").get(pk=assignment.pk)
    )
    if assignment.assignee_id != actor.pk:
        raise PermissionDenied(_("Việc này không được giao cho bạn."))
    _refuse_frozen(assignment.document)
    if not assignment.is_open:
        raise ValidationError(
            _("Việc này đã ở trạng thái “%(state)s”.")
            % {"state": AssignmentStatus(assignment.status).label}
        )
    return assignment


@transaction.atomic
def assignment_progress(*, actor: Person, assignment: Assignment, text: str) -> ProgressNote:
    assignment = _lock_assignment(assignment, actor)
    text = clean(text)
    if not text:
        raise ValidationError({"text": _("Cần nhập nội dung tiến độ.")})
    note = ProgressNote.objects.create(assignment=assignment, author=actor, text=text)
    if assignment.status == AssignmentStatus.OPEN:
        assignment.status = AssignmentStatus.IN_PROGRESS
        assignment.save(update_fields=["status"])
        _advance_delivery(assignment.document, DeliveryStatus.IN_PROGRESS, actor)
    audit.record(
        actor=actor,
        action="assignment.progress",
        target=assignment,
        after={"status": assignment.status, "note": text},
    )
    return note


@transaction.atomic
def assignment_complete(
    *,
    actor: Person,
    assignment: Assignment,
    result: str,
    reply: OutgoingDocument | None = None,
) -> Assignment:
    """Finish one's part; the document is done when every lead part is done."""
    assignment = _lock_assignment(assignment, actor)
    result = clean(result)
    if not result and reply is None:
        raise ValidationError({"result": _("Cần nêu kết quả hoặc chọn văn bản trả lời.")})
    if reply is not None and reply.status != OutgoingStatus.ISSUED:
        raise ValidationError({"reply": _("Văn bản trả lời phải là văn bản đã phát hành.")})
    before = {"status": assignment.status}
    assignment.status = AssignmentStatus.DONE
    assignment.result = result
    assignment.reply = reply
    assignment.completed_at = timezone.now()
    assignment.save()
    document = _lock_incoming(assignment.document)
    open_leads = document.assignments.filter(
        role=AssignmentRole.LEAD,
        status__in=[AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS],
    )
    if not open_leads.exists() and document.status == IncomingStatus.ASSIGNED:
        _incoming_change(actor, document, "incoming.done", IncomingStatus.DONE)
        _advance_delivery(document, DeliveryStatus.DONE, actor)
    audit.record(
        actor=actor,
        action="assignment.complete",
        target=assignment,
        before=before,
        after={
            "status": assignment.status,
            "result": result,
            "reply": str(reply.uuid) if reply else None,
        },
    )
    return assignment


@transaction.atomic
def assignment_hand_over(
    *, actor: Person, assignment: Assignment, to: Person, note: str = ""
) -> Assignment:
    """Pass one's part to a colleague in the same unit; the deadline goes with it."""
    assignment = _lock_assignment(assignment, actor)
    document = assignment.document
    if to.pk == actor.pk or not to.is_active:
        raise ValidationError({"to": _("Chọn một đồng nghiệp khác đang hoạt động.")})
    if not scope_for(to).sees(document.unit_id, document.confidentiality):
        raise ValidationError({"to": _("Người nhận không được tiếp cận văn bản này.")})
    successor = Assignment.objects.create(
        document=document,
        direction=assignment.direction,
        assignee=to,
        role=assignment.role,
        deadline=assignment.deadline,
        assigned_by=actor,
    )
    assignment.status = AssignmentStatus.HANDED_OVER
    assignment.handed_to = successor
    assignment.result = clean(note)
    assignment.completed_at = timezone.now()
    assignment.save()
    _involve(to, incoming=document)
    audit.record(
        actor=actor,
        action="assignment.hand_over",
        target=assignment,
        after={"to": to.pk, "note": assignment.result},
    )
    notify.assigned(actor=actor, assignment=successor)
    return successor
