"""Distribution inside the installation and its answers: sending an issued document to its
recipients, a recipient's refusal, and the sender's recall."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import (
    clean,
)
from vanphong.documents import notify, workflow
from vanphong.documents.models import (
    AssignmentStatus,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.services import (
    _delivery_status,
    _incoming_change,
    _lock_outgoing,
    _outgoing_change,
)
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import ancestors, people_holding, receiving_unit


@dataclass(frozen=True)
class Recipient:
    unit: Unit | None = None
    external_name: str = ""
    note: str = ""


@transaction.atomic
def outgoing_distribute(
    *, actor: Person, document: OutgoingDocument, recipients: Sequence[Recipient]
) -> list[Delivery]:
    """Send an issued document: a unit inside the installation finds it in its reception queue
    (its clerk registers it; nothing is numbered behind their back); an outside body is
    recorded with the delivery note."""
    document = _lock_outgoing(document)
    workflow.require_issuer(actor, document.unit)
    if document.status != OutgoingStatus.ISSUED:
        raise ValidationError(_("Chỉ gửi được văn bản đã phát hành."))
    # Every recipient is checked before anything is sent: one that nobody would receive
    # refuses the whole send, with each reason, so nothing lands where no clerk sees it.
    sent = set(document.deliveries.values_list("recipient_unit_id", flat=True))
    receivers: dict[int, Unit] = {}
    refusals: list[str] = []
    for recipient in recipients:
        if recipient.unit is None and not clean(recipient.external_name):
            raise ValidationError({"recipients": _("Nơi nhận không hợp lệ.")})
        if recipient.unit is not None and recipient.unit.pk not in {*receivers, *sent}:
            if recipient.unit.pk == document.unit_id:
                raise ValidationError({"recipients": _("Không gửi văn bản cho chính đơn vị mình.")})
            receiving = receiving_unit(recipient.unit)
            receivers[recipient.unit.pk] = receiving
            if (refusal := _reception_refusal(document, recipient.unit, receiving)) is not None:
                refusals.append(refusal)
    if refusals:
        raise ValidationError({"recipients": refusals})
    deliveries = []
    for recipient in recipients:
        external = clean(recipient.external_name)
        if recipient.unit is not None:
            if recipient.unit.pk in sent:
                continue  # sent already: once per unit
            sent.add(recipient.unit.pk)
        status = DeliveryStatus.ARRIVED if recipient.unit else DeliveryStatus.SENT_EXTERNAL
        delivery = Delivery.objects.create(
            document=document,
            recipient_unit=recipient.unit,
            receiving_unit=receivers[recipient.unit.pk] if recipient.unit else None,
            external_name=external,
            delivery_note=clean(recipient.note),
            status=status,
            status_at=timezone.now(),
        )
        DeliveryEvent.objects.create(delivery=delivery, status=status, by=actor)
        deliveries.append(delivery)
    audit.record(
        actor=actor,
        action="outgoing.distribute",
        target=document,
        after={
            "recipients": [str(d.recipient_unit or d.external_name) for d in deliveries],
            "received_by": {
                str(d.recipient_unit): str(d.receiving_unit)
                for d in deliveries
                if d.receiving_unit is not None and d.receiving_unit_id != d.recipient_unit_id
            },
        },
    )
    notify.received(actor=actor, deliveries=deliveries)
    return deliveries


def _reception_refusal(document: OutgoingDocument, unit: Unit, receiving: Unit) -> str | None:
    """Why nobody would receive the document sent to `unit`, or None: the unit that receives
    for it (org.selectors.receiving_unit) needs an active clerk posted there (or above it)
    today, or the delivery would sit in no one's queue. Clearance is not asked: a delivery
    above every clerk's clearance stays unseen as before, and naming who is cleared for what
    is not the sender's to learn."""
    if receiving.pk == document.unit_id:
        return _(
            "%(unit)s: văn bản gửi đến do chính đơn vị bạn tiếp nhận; không gửi qua hệ thống."
        ) % {"unit": unit.name}
    chain = [*ancestors(receiving), receiving]
    if people_holding(units=[u.pk for u in chain], roles=[Role.CLERK]).exists():
        return None
    return _(
        "%(unit)s: chưa có văn thư tiếp nhận (%(receiving)s không có văn thư đang làm việc)."
    ) % {"unit": unit.name, "receiving": receiving.name}


@transaction.atomic
def delivery_refuse(*, actor: Person, delivery: Delivery, reason: str) -> Delivery:
    """The recipient's clerk sends back a misaddressed or invalid document (edXML 02)."""
    delivery = (
        Delivery.objects.select_for_update(of=("self",))
        .select_related("document", "receiving_unit")
        .get(pk=delivery.pk)
    )
    if delivery.receiving_unit is None:
        raise ValidationError(_("Không áp dụng cho nơi nhận bên ngoài."))
    workflow.require_clerk(actor, delivery.receiving_unit)
    if not workflow.may_receive(actor, delivery):
        raise PermissionDenied(_("Bạn không được tiếp cận văn bản ở độ mật này."))
    if delivery.status != DeliveryStatus.ARRIVED:
        raise ValidationError(_("Chỉ từ chối được văn bản đang chờ vào sổ."))
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do từ chối.")})
    _delivery_status(delivery, DeliveryStatus.REFUSED, actor, reason)
    audit.record(actor=actor, action="delivery.refuse", target=delivery, after={"reason": reason})
    return delivery


@transaction.atomic
def outgoing_recall(*, actor: Person, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """The sender recalls an issued document: every recipient's copy is frozen and marked
    recalled; nothing is deleted, and the number stays used."""
    document = _lock_outgoing(document)
    workflow.require_clerk(actor, document.unit)
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do thu hồi.")})
    for delivery in document.deliveries.select_for_update():
        if delivery.status in {DeliveryStatus.REFUSED, DeliveryStatus.RECALLED}:
            continue
        copy = IncomingDocument.objects.select_for_update().filter(delivery=delivery).first()
        if copy is not None and not copy.is_frozen:
            _incoming_change(
                actor, copy, "incoming.recall", IncomingStatus.RECALLED, status_reason=reason
            )
            copy.assignments.filter(
                status__in=[AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS]
            ).update(status=AssignmentStatus.CANCELLED)
        # edXML has the request (13) and its answer (15 or 16). Inside one installation the
        # issue has the copy frozen at once, so the request is always accepted (16 is for
        # exchange with systems outside); both steps stay in the delivery's history.
        _delivery_status(delivery, DeliveryStatus.RECALL_REQUESTED, actor, reason)
        _delivery_status(delivery, DeliveryStatus.RECALLED, None)
    document = _outgoing_change(
        actor, document, "outgoing.recall", OutgoingStatus.WITHDRAWN, status_reason=reason
    )
    notify.recalled(actor=actor, document=document)
    return document
