"""Incoming documents: registration in the unit's incoming book (from outside, or what
another unit of the installation sent), presentation to a leader, the leader's direction,
return, filing and cancellation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, rows
from vanphong.core.numbering import allocate
from vanphong.core.vietnamese import (
    GOVERNMENT_TYPES,
    PARTY_TYPES,
    NumberSymbol,
    VietnameseParseError,
    clean,
    fold,
    parse_number_symbol,
)
from vanphong.documents import notify, workflow
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    Attachment,
    Delivery,
    DeliveryStatus,
    Direction,
    IncomingDocument,
    IncomingStatus,
    Medium,
    Participant,
    Urgency,
)
from vanphong.documents.selectors import incoming_duplicates, incoming_visible
from vanphong.documents.services import (
    INCOMING_FIELDS,
    Upload,
    _advance_delivery,
    _attach,
    _delivery_status,
    _incoming_change,
    _involve,
    _local_date,
    _lock_incoming,
    _refuse_frozen,
)
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.selectors import scope_for


class DuplicateDocument(ValidationError):
    """The document seems registered already; saving anyway needs a reason."""

    def __init__(
        self, existing: Sequence[IncomingDocument], named: IncomingDocument | None
    ) -> None:
        self.existing = list(existing)
        # A số đến names its document: only one the clerk may open is named.
        message = (
            _(
                "Văn bản này có vẻ đã được vào sổ: số đến %(number)s/%(year)s. "
                "Nếu vẫn vào sổ, hãy nêu lý do."
            )
            % {"number": named.number, "year": named.year}
            if named is not None
            else _("Văn bản này có vẻ đã được vào sổ. Nếu vẫn vào sổ, hãy nêu lý do.")
        )
        super().__init__({"number_symbol": message})


def _parse_symbol(text: str) -> NumberSymbol:
    try:
        return parse_number_symbol(text)
    except VietnameseParseError as error:
        raise ValidationError({"number_symbol": str(error)}) from None


def _type_name(symbol: str) -> str:
    return PARTY_TYPES.get(symbol) or GOVERNMENT_TYPES.get(symbol) or ""


def incoming_register(
    *,
    actor: Person,
    unit: Unit,
    medium: str,
    sender_name: str,
    number_symbol: str,
    document_date: date,
    subject: str,
    received_at: datetime | None = None,
    page_count: int | None = None,
    confidentiality: int = Clearance.UNCLASSIFIED,
    urgency: int = Urgency.NORMAL,
    deadline: date | None = None,
    recipients_note: str = "",
    note: str = "",
    attachments: Sequence[Upload] = (),
    duplicate_reason: str = "",
    submission_id: UUID | None = None,
) -> IncomingDocument:
    """Register a document received from outside (paper, email) in the unit's incoming book
    and give it the next số đến. What the installation itself sent is registered by
    `delivery_register`, which takes the document's facts from what was sent.

    Everything that only reads (permission, validation, parsing, the duplicate check) happens
    before the transaction: the book's counter row, and on SQLite the whole database, is locked
    from the number's allocation to the commit, so only the writes run inside. The duplicate
    check is advisory (a warning to the clerk), so a registration racing it is acceptable; a
    racing double submit is caught by the unique `submission_id`.
    """
    if (earlier := _registered_by_submission(submission_id)) is not None:
        return earlier  # the same form sent twice: one registration, one number
    workflow.require_clerk(actor, unit)
    return _register(
        actor=actor,
        unit=unit,
        medium=medium,
        sender_name=sender_name,
        number_symbol=number_symbol,
        document_date=document_date,
        subject=subject,
        received_at=received_at,
        page_count=page_count,
        confidentiality=confidentiality,
        urgency=urgency,
        deadline=deadline,
        recipients_note=recipients_note,
        note=note,
        attachments=attachments,
        duplicate_reason=duplicate_reason,
        submission_id=submission_id,
        delivery=None,
    )


def delivery_register(
    *,
    actor: Person,
    delivery: Delivery,
    received_at: datetime | None = None,
    page_count: int | None = None,
    deadline: date | None = None,
    recipients_note: str = "",
    note: str = "",
    duplicate_reason: str = "",
    submission_id: UUID | None = None,
) -> IncomingDocument:
    """Register a document another unit of the installation sent (edXML status 03) in the
    incoming book of the unit that received it (Delivery.receiving_unit: a committee's Office
    for the committee).

    What the document is — number-symbol, date, issuing unit, subject, type, secrecy, urgency,
    files, and the page count when the sender gave one — is copied from the sent document,
    never taken from the clerk: a copy cannot be less secret, or other, than what was sent.
    The clerk adds only what the receiving side knows (arrival, deadline, routing, notes).
    """
    if (earlier := _registered_by_submission(submission_id)) is not None:
        return earlier
    delivery = Delivery.objects.select_related(
        "document__unit", "recipient_unit", "receiving_unit"
    ).get(pk=delivery.pk)
    if delivery.receiving_unit is None or delivery.recipient_unit is None:
        raise ValidationError(_("Không áp dụng cho nơi nhận bên ngoài."))
    workflow.require_clerk(actor, delivery.receiving_unit)
    if not workflow.may_receive(actor, delivery):
        raise PermissionDenied(_("Bạn không được tiếp cận văn bản ở độ mật này."))
    sent = delivery.document
    # Addressed to a committee and received by its Office: the book says whom it was for.
    addressee = (
        delivery.recipient_unit.name if delivery.recipient_unit != delivery.receiving_unit else ""
    )
    return _register(
        actor=actor,
        unit=delivery.receiving_unit,
        medium=Medium.INTERNAL,
        sender_name=sent.unit.name,
        number_symbol=sent.number_symbol,
        document_date=cast(date, sent.issued_on),  # only issued documents are delivered
        subject=sent.subject,
        received_at=received_at,
        page_count=sent.page_count or page_count,
        confidentiality=sent.confidentiality,
        urgency=sent.urgency,
        deadline=deadline,
        recipients_note=recipients_note or delivery.delivery_note or addressee,
        note=note,
        attachments=(),
        duplicate_reason=duplicate_reason,
        submission_id=submission_id,
        delivery=delivery,
    )


def _register(
    *,
    actor: Person,
    unit: Unit,
    medium: str,
    sender_name: str,
    number_symbol: str,
    document_date: date,
    subject: str,
    received_at: datetime | None,
    page_count: int | None,
    confidentiality: int,
    urgency: int,
    deadline: date | None,
    recipients_note: str,
    note: str,
    attachments: Sequence[Upload],
    duplicate_reason: str,
    submission_id: UUID | None,
    delivery: Delivery | None,
) -> IncomingDocument:
    now = timezone.now()
    received_at = received_at or now
    errors: dict[str, str] = {}
    if received_at > now:
        errors["received_at"] = _("Ngày đến không được ở tương lai.")
    if document_date > _local_date(received_at):
        errors["document_date"] = _("Ngày văn bản không được sau ngày đến.")
    if deadline is not None and deadline < _local_date(received_at):
        errors["deadline"] = _("Hạn xử lý không được trước ngày đến.")
    subject = clean(subject)
    sender_name = clean(sender_name)
    if not subject:
        errors["subject"] = _("Cần nhập trích yếu.")
    elif len(subject) > 500:
        errors["subject"] = _("Trích yếu dài tối đa 500 ký tự.")
    if not sender_name:
        errors["sender_name"] = _("Cần nhập cơ quan ban hành.")
    if medium not in Medium.values:
        errors["medium"] = _("Hình thức không hợp lệ.")
    if not scope_for(actor).sees(unit.id, confidentiality):
        errors["confidentiality"] = _("Bạn không được tiếp cận văn bản ở độ mật này.")
    try:
        parsed = _parse_symbol(number_symbol)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
        parsed = None
    if errors or parsed is None:
        raise ValidationError(errors)
    existing = list(
        incoming_duplicates(
            unit_id=unit.id,
            symbol_key=parsed.key,
            sender_name=sender_name,
            year=document_date.year,
        )
    )
    duplicate_reason = clean(duplicate_reason)
    if existing and not duplicate_reason:
        named = incoming_visible(actor).filter(pk__in=[d.pk for d in existing])
        raise DuplicateDocument(existing, named.order_by("number").first())
    year = _local_date(received_at).year
    document = IncomingDocument(
        unit=unit,
        year=year,
        received_at=received_at,
        medium=medium,
        sender_name=sender_name,
        sender_folded=fold(sender_name),
        number_symbol=parsed.code,
        symbol_key=parsed.key,
        document_date=document_date,
        type_symbol=parsed.type_symbol,
        type_name=_type_name(parsed.type_symbol),
        subject=subject,
        subject_folded=fold(subject),
        page_count=page_count,
        confidentiality=confidentiality,
        urgency=urgency,
        deadline=deadline,
        recipients_note=clean(recipients_note),
        note=clean(note),
        duplicate_of=existing[0] if existing else None,
        duplicate_reason=duplicate_reason if existing else "",
        registered_by=actor,
        submission_id=submission_id,
    )
    try:
        with transaction.atomic():
            return _incoming_write(actor, document, delivery, attachments, duplicate_reason)
    except IntegrityError:
        # The same form's two submissions both got past the first check: the later insert hit
        # the unique submission id and gave its number back with the rollback.
        if (earlier := _registered_by_submission(submission_id)) is None:
            raise
        return earlier


def _registered_by_submission(submission_id: UUID | None) -> IncomingDocument | None:
    if submission_id is None:
        return None
    return IncomingDocument.objects.filter(submission_id=submission_id).first()


def _incoming_write(
    actor: Person,
    document: IncomingDocument,
    delivery: Delivery | None,
    attachments: Sequence[Upload],
    duplicate_reason: str,
) -> IncomingDocument:
    if delivery is not None:
        delivery = (
            Delivery.objects.select_for_update().select_related("document").get(pk=delivery.pk)
        )
        if (
            delivery.receiving_unit_id != document.unit_id
            or delivery.status != DeliveryStatus.ARRIVED
        ):
            raise ValidationError(_("Văn bản liên thông này không còn chờ vào sổ."))
        document.delivery = delivery
        document.sender_unit_id = delivery.document.unit_id
    document.number = allocate(f"in:{document.unit_id}:{document.year}")
    rows.insert(document)
    # A new document has no participants yet: a plain insert, not get-or-create.
    rows.insert(Participant(person=actor, incoming=document))
    if delivery is not None:
        _delivery_status(delivery, DeliveryStatus.REGISTERED, actor)
        for source in delivery.document.attachments.filter(version__isnull=True):
            Attachment.objects.create(
                file=source.file,
                filename=source.filename,
                incoming=document,
                uploaded_by=actor,
                text=source.text,
                text_extracted_at=source.text_extracted_at,
            )
    _attach(actor, attachments, incoming=document)
    audit.record(
        actor=actor,
        action="incoming.register",
        target=document,
        after={**audit.snapshot(document, INCOMING_FIELDS), "duplicate_reason": duplicate_reason},
    )
    return document


@transaction.atomic
def incoming_present(
    *, actor: Person, document: IncomingDocument, leader: Person
) -> IncomingDocument:
    """The clerk presents the document to a leader (trình), or the leader it was presented
    to forwards it to another leader."""
    document = _lock_incoming(document)
    _refuse_frozen(document)
    if not workflow.may_present(actor, document):
        raise PermissionDenied(_("Chỉ văn thư hoặc lãnh đạo đang nhận trình mới trình được."))
    if leader.pk == actor.pk:
        raise ValidationError({"leader": _("Hãy chọn một lãnh đạo khác.")})
    if not workflow.is_leader_of(leader, document.unit):
        raise ValidationError({"leader": _("Người nhận trình phải là lãnh đạo của đơn vị.")})
    if not scope_for(leader).sees(document.unit_id, document.confidentiality):
        raise ValidationError({"leader": _("Lãnh đạo này không được tiếp cận độ mật của văn bản.")})
    _involve(leader, incoming=document)
    document = _incoming_change(
        actor,
        document,
        "incoming.present",
        IncomingStatus.PRESENTED,
        presented_to=leader,
        presented_at=timezone.now(),
        status_reason="",
    )
    notify.presented(actor=actor, document=document)
    return document


@dataclass(frozen=True)
class Handler:
    """Someone a direction names: a person, or a unit (its clerk routes it on)."""

    person: Person | None = None
    unit: Unit | None = None


@transaction.atomic
def direction_give(
    *,
    actor: Person,
    document: IncomingDocument,
    text: str,
    lead: Handler,
    supporting: Sequence[Handler] = (),
    informed: Sequence[Handler] = (),
    deadline: date | None = None,
) -> Direction:
    """A leader's direction: who leads, who supports, by when."""
    document = _lock_incoming(document)
    workflow.require_leader(actor, document.unit)
    _refuse_frozen(document)
    text = clean(text)
    if not text:
        raise ValidationError({"text": _("Cần nhập ý kiến chỉ đạo.")})
    if lead.person is None and lead.unit is None:
        raise ValidationError({"lead": _("Cần chọn người hoặc đơn vị chủ trì.")})
    if deadline is not None and deadline < _local_date(document.received_at):
        raise ValidationError({"deadline": _("Hạn xử lý không được trước ngày đến.")})
    direction = Direction.objects.create(
        document=document, given_by=actor, text=text, deadline=deadline or document.deadline
    )
    _involve(actor, incoming=document)
    roles = [(lead, AssignmentRole.LEAD)]
    roles += [(h, AssignmentRole.SUPPORT) for h in supporting]
    roles += [(h, AssignmentRole.INFO) for h in informed]
    for handler, role in roles:
        workflow.check_named(actor, document, person=handler.person, unit=handler.unit)
        if handler.person is not None:
            _involve(handler.person, incoming=document)
        Assignment.objects.create(
            document=document,
            direction=direction,
            assignee=handler.person,
            assignee_unit=handler.unit,
            role=role,
            deadline=direction.deadline if role != AssignmentRole.INFO else None,
            assigned_by=actor,
        )
    _incoming_change(
        actor,
        document,
        "incoming.direct",
        IncomingStatus.ASSIGNED,
        deadline=direction.deadline,
        status_reason="",
    )
    _advance_delivery(document, DeliveryStatus.ASSIGNED, actor)
    audit.record(
        actor=actor,
        action="direction.give",
        target=direction,
        after={"text": text, "deadline": deadline, "document": str(document.uuid)},
    )
    notify.directed(actor=actor, direction=direction)
    return direction


@transaction.atomic
def incoming_return(*, actor: Person, document: IncomingDocument, reason: str) -> IncomingDocument:
    """The leader sends a presented document back to the clerk, saying why."""
    document = _lock_incoming(document)
    if document.presented_to_id != actor.pk:
        raise PermissionDenied(_("Văn bản này không được trình cho bạn."))
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do trả lại.")})
    document = _incoming_change(
        actor,
        document,
        "incoming.return",
        IncomingStatus.REGISTERED,
        status_reason=reason,
        presented_to=None,
    )
    notify.incoming_returned(actor=actor, document=document)
    return document


@transaction.atomic
def incoming_file(*, actor: Person, document: IncomingDocument, note: str = "") -> IncomingDocument:
    """File a document for information (lưu để biết): no handling needed."""
    document = _lock_incoming(document)
    if not (
        workflow.is_leader_of(actor, document.unit) or workflow.is_clerk_of(actor, document.unit)
    ):
        raise PermissionDenied(_("Chỉ lãnh đạo hoặc văn thư mới lưu văn bản."))
    _refuse_frozen(document)
    return _incoming_change(
        actor, document, "incoming.file", IncomingStatus.FILED, status_reason=clean(note)
    )


@transaction.atomic
def incoming_cancel(*, actor: Person, document: IncomingDocument, reason: str) -> IncomingDocument:
    """Cancel a registration made in error; the số đến stays used, the entry stays in the book."""
    document = _lock_incoming(document)
    workflow.require_clerk(actor, document.unit)
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do hủy.")})
    if document.assignments.exclude(status=AssignmentStatus.CANCELLED).exists():
        raise ValidationError(_("Văn bản đã được giao xử lý; không thể hủy đăng ký."))
    return _incoming_change(
        actor, document, "incoming.cancel", IncomingStatus.CANCELLED, status_reason=reason
    )
