"""Telling people what just happened to a document, in the app (and by email for those who
chose it, see core.notifications).

Called by the services inside their transaction, after the change (so a person named by it is
already a participant). A notice names its document, so it reaches only people who may open it
— the documents' own rules, asked person by person (`incoming_visible`, `outgoing_visible`,
`workflow.may_receive`) — and never the person who acted.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core import notifications
from vanphong.core.models import NoticeKind
from vanphong.documents import workflow
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    Delivery,
    DeliveryStatus,
    Direction,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import ancestors, people_holding


def _named(document: IncomingDocument | OutgoingDocument) -> str:
    subject = document.subject[:200]
    return f"{document.number_symbol} — {subject}" if document.number_symbol else subject


def _others(person_ids: Iterable[int | None], actor: Person) -> list[Person]:
    ids = sorted({pk for pk in person_ids if pk is not None} - {actor.pk})
    return list(Person.objects.filter(pk__in=ids, is_active=True)) if ids else []


def _seeing_incoming(document: IncomingDocument, people: Iterable[Person]) -> list[int]:
    return [p.pk for p in people if incoming_visible(p).filter(pk=document.pk).exists()]


def _seeing_outgoing(document: OutgoingDocument, people: Iterable[Person]) -> list[int]:
    return [p.pk for p in people if outgoing_visible(p).filter(pk=document.pk).exists()]


def _at_or_above(unit: Unit) -> list[int]:
    return [unit.pk, *(u.pk for u in ancestors(unit))]


def _incoming_url(document: IncomingDocument) -> str:
    return reverse("documents:incoming_detail", args=[document.uuid])


def _outgoing_url(document: OutgoingDocument) -> str:
    return reverse("documents:outgoing_detail", args=[document.uuid])


# --- incoming -------------------------------------------------------------------------------


def presented(*, actor: Person, document: IncomingDocument) -> int:
    """The leader it is presented (or forwarded) to."""
    return notifications.send(
        person_ids=_seeing_incoming(document, _others([document.presented_to_id], actor)),
        text=_("Văn bản trình đồng chí: %(doc)s") % {"doc": _named(document)},
        url=_incoming_url(document),
        kind=NoticeKind.PRESENTED,
    )


def directed(*, actor: Person, direction: Direction) -> int:
    """The clerk who registered the document hears the direction, and so do the clerks of a
    unit it names (they route it on); the people it names hear of their part (`assigned`)."""
    document = direction.document
    assignments = list(direction.assignments.all())
    units = {a.assignee_unit_id for a in assignments if a.assignee_unit_id is not None}
    clerks = people_holding(units=sorted(units), roles=[Role.CLERK]).values_list("pk", flat=True)
    people = _others([document.registered_by_id, *(clerks if units else [])], actor)
    told = notifications.send(
        person_ids=_seeing_incoming(document, people),
        text=_("Đã có ý kiến chỉ đạo: %(doc)s") % {"doc": _named(document)},
        url=_incoming_url(document),
        kind=NoticeKind.DIRECTED,
    )
    return told + sum(assigned(actor=actor, assignment=a) for a in assignments)


ROLE_TEXT: dict[str, Promise] = {
    AssignmentRole.LEAD: gettext_lazy("Đồng chí được giao chủ trì xử lý: %(doc)s"),
    AssignmentRole.SUPPORT: gettext_lazy("Đồng chí được giao phối hợp xử lý: %(doc)s"),
    AssignmentRole.INFO: gettext_lazy("Văn bản gửi đồng chí để biết: %(doc)s"),
}


def assigned(*, actor: Person, assignment: Assignment) -> int:
    """The person given a part (by a direction or a colleague's hand-over)."""
    document = assignment.document
    text = ROLE_TEXT.get(assignment.role, ROLE_TEXT[AssignmentRole.LEAD])
    return notifications.send(
        person_ids=_seeing_incoming(document, _others([assignment.assignee_id], actor)),
        text=str(text) % {"doc": _named(document)},
        url=reverse("documents:assignment_detail", args=[assignment.uuid]),
        kind=NoticeKind.ASSIGNED,
    )


def incoming_returned(*, actor: Person, document: IncomingDocument) -> int:
    """The clerk who registered a presented document the leader gave back."""
    return notifications.send(
        person_ids=_seeing_incoming(document, _others([document.registered_by_id], actor)),
        text=_("Lãnh đạo trả lại văn bản (%(reason)s): %(doc)s")
        % {"reason": document.status_reason[:200], "doc": _named(document)},
        url=_incoming_url(document),
        kind=NoticeKind.RETURNED,
    )


# --- outgoing -------------------------------------------------------------------------------


def awaiting_approval(*, actor: Person, document: OutgoingDocument) -> int:
    """Who may take the draft's current approval step (a draft submitted, or approved at an
    earlier step): it is presented to them."""
    if document.current_step >= len(document.chain):
        return 0
    step = document.chain[document.current_step]
    unit = workflow.step_unit(document, step)
    # Who holds the step's role there, or above (as workflow.can_decide counts a post).
    holders = people_holding(units=_at_or_above(unit), roles=[step.get("role", "")])
    candidates = _others(holders.values_list("pk", flat=True), actor)
    deciding = [p for p in candidates if workflow.can_decide(p, document)]
    return notifications.send(
        person_ids=_seeing_outgoing(document, deciding),
        text=_("Dự thảo trình đồng chí duyệt: %(doc)s") % {"doc": _named(document)},
        url=_outgoing_url(document),
        kind=NoticeKind.PRESENTED,
    )


def approved(*, actor: Person, document: OutgoingDocument) -> int:
    """The drafter, when the last step approves their draft; at an earlier step, the next
    step's approvers are told it awaits them."""
    if document.status != OutgoingStatus.APPROVED:
        return awaiting_approval(actor=actor, document=document)
    return notifications.send(
        person_ids=_seeing_outgoing(document, _others([document.drafter_id], actor)),
        text=_("Dự thảo đã được duyệt: %(doc)s") % {"doc": _named(document)},
        url=_outgoing_url(document),
        kind=NoticeKind.APPROVED,
    )


def outgoing_returned(*, actor: Person, document: OutgoingDocument) -> int:
    """The drafter of a draft sent back with comments."""
    return notifications.send(
        person_ids=_seeing_outgoing(document, _others([document.drafter_id], actor)),
        text=_("Dự thảo bị trả lại (%(reason)s): %(doc)s")
        % {"reason": document.status_reason[:200], "doc": _named(document)},
        url=_outgoing_url(document),
        kind=NoticeKind.RETURNED,
    )


def issued(*, actor: Person, document: OutgoingDocument) -> int:
    """The drafter and the signer of a document numbered and issued."""
    people = _others([document.drafter_id, document.signer_id], actor)
    return notifications.send(
        person_ids=_seeing_outgoing(document, people),
        text=_("Văn bản đã phát hành: %(doc)s") % {"doc": _named(document)},
        url=_outgoing_url(document),
        kind=NoticeKind.ISSUED,
    )


# --- deliveries -----------------------------------------------------------------------------


def receiving_unit(delivery: Delivery) -> Unit | None:
    """The unit whose clerks register a delivery: a committee's Office for the committee (set
    when it was sent, see org.selectors.receiving_unit)."""
    return delivery.receiving_unit


def _receiving_clerks(delivery: Delivery, actor: Person) -> list[int]:
    """The clerks who find the delivery in their reception queue (a clerk's post counts for
    the units below it, as selectors.reception_queue reads it), cleared for its secrecy."""
    unit = receiving_unit(delivery)
    if unit is None:
        return []
    clerks = _others(
        people_holding(units=_at_or_above(unit), roles=[Role.CLERK]).values_list("pk", flat=True),
        actor,
    )
    return [p.pk for p in clerks if workflow.may_receive(p, delivery)]


def received(*, actor: Person, deliveries: Iterable[Delivery]) -> int:
    """The clerks of each receiving unit, cleared there for the document's secrecy: a
    document arrived in their reception queue."""
    told = 0
    for delivery in deliveries:
        told += notifications.send(
            person_ids=_receiving_clerks(delivery, actor),
            text=_("Văn bản đến chờ vào sổ: %(doc)s") % {"doc": _named(delivery.document)},
            url=reverse("documents:queue"),
            kind=NoticeKind.RECEIVED,
        )
    return told


def recalled(*, actor: Person, document: OutgoingDocument) -> int:
    """The clerks of every unit it was sent to (who could receive it) hear of a recall."""
    told = 0
    deliveries = document.deliveries.exclude(status=DeliveryStatus.REFUSED).select_related(
        "document", "recipient_unit", "receiving_unit"
    )
    copies = dict(
        IncomingDocument.objects.filter(delivery__document=document).values_list(
            "delivery_id", "uuid"
        )
    )
    for delivery in deliveries:
        copy = copies.get(delivery.pk)
        told += notifications.send(
            person_ids=_receiving_clerks(delivery, actor),
            text=_("Văn bản đã bị thu hồi (%(reason)s): %(doc)s")
            % {"reason": document.status_reason[:200], "doc": _named(document)},
            url=reverse("documents:incoming_detail", args=[copy]) if copy else "",
            kind=NoticeKind.RECALLED,
        )
    return told
