"""Every write to documents: one atomic, audited function per use case.

Numbers (số đến, số văn bản đi) come from core.numbering inside the same transaction as the
row that uses them, so a registration or issue that fails uses no number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import IO, Any, Literal, TypeVar, cast
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, rows
from vanphong.core.files import safe_filename, store, stored_name
from vanphong.core.numbering import allocate
from vanphong.core.rules import NoRuleInForce, numbering_policy
from vanphong.core.vietnamese import (
    GOVERNMENT_TYPES,
    PARTY_TYPES,
    NumberSymbol,
    VietnameseParseError,
    clean,
    fold,
    parse_number_symbol,
)
from vanphong.documents import registers, workflow
from vanphong.documents.models import (
    ApprovalChain,
    ApprovalDecision,
    ApprovalStep,
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    Attachment,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    Direction,
    DraftVersion,
    IncomingDocument,
    IncomingStatus,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
    Participant,
    ProgressNote,
    SigningAuthority,
    Urgency,
)
from vanphong.documents.selectors import DOCUMENT_ROLES, incoming_duplicates, incoming_visible
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.selectors import committee_of, scope_for, term_in_force, unit_subtree

INCOMING_FIELDS = (
    "unit",
    "year",
    "number",
    "received_at",
    "medium",
    "sender_name",
    "number_symbol",
    "document_date",
    "type_symbol",
    "subject",
    "page_count",
    "confidentiality",
    "urgency",
    "deadline",
    "status",
    "status_reason",
    "presented_to",
)
OUTGOING_FIELDS = (
    "unit",
    "type_symbol",
    "subject",
    "confidentiality",
    "urgency",
    "status",
    "status_reason",
    "current_step",
    "signer",
    "signing_authority",
    "series",
    "number",
    "number_symbol",
    "issued_on",
)


@dataclass(frozen=True)
class Upload:
    """An uploaded file as services take it: its bytes and the name the user gave it."""

    name: str
    stream: IO[bytes]


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


def _local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def _involve(
    person: Person,
    *,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
) -> None:
    Participant.objects.get_or_create(person=person, incoming=incoming, outgoing=outgoing)


def _attach(
    actor: Person,
    uploads: Sequence[Upload],
    *,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
    version: DraftVersion | None = None,
) -> list[Attachment]:
    from vanphong.documents.jobs import attachment_extract_text

    attachments = []
    for upload in uploads:
        try:
            checked = store(upload.stream)
        except ValidationError as error:
            raise ValidationError(
                {"attachments": [f"{safe_filename(upload.name)}: {m}" for m in error.messages]}
            ) from None
        attachment = Attachment.objects.create(
            file=checked.stored,
            filename=stored_name(upload.name, checked.stored.content_type),
            incoming=incoming,
            outgoing=outgoing,
            version=version,
            uploaded_by=actor,
        )
        attachments.append(attachment)
        transaction.on_commit(partial(attachment_extract_text.enqueue, attachment_id=attachment.pk))
    return attachments


def _parse_symbol(text: str) -> NumberSymbol:
    try:
        return parse_number_symbol(text)
    except VietnameseParseError as error:
        raise ValidationError({"number_symbol": str(error)}) from None


def _type_name(symbol: str) -> str:
    return PARTY_TYPES.get(symbol) or GOVERNMENT_TYPES.get(symbol) or ""


def _delivery_status(delivery: Delivery, status: str, actor: Person | None, note: str = "") -> None:
    delivery.status = status
    delivery.status_at = timezone.now()
    delivery.save(update_fields=["status", "status_at"])
    DeliveryEvent.objects.create(delivery=delivery, status=status, by=actor, description=note)


def _advance_delivery(document: IncomingDocument, status: str, actor: Person) -> None:
    """Tell the sender how far its document got (edXML status 04, 05, 06)."""
    if document.delivery_id is None:
        return
    delivery = Delivery.objects.select_for_update().get(pk=document.delivery_id)
    if delivery.status in {DeliveryStatus.RECALL_REQUESTED, DeliveryStatus.RECALLED}:
        return
    if delivery.status < status:
        _delivery_status(delivery, status, actor)


def _refuse_frozen(document: IncomingDocument) -> None:
    if document.is_frozen:
        raise ValidationError(
            _("Văn bản đã %(state)s; không thể thao tác tiếp.")
            % {"state": IncomingStatus(document.status).label.lower()}
        )


# --- incoming ------------------------------------------------------------------------------


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
    """Register a document another unit of the installation sent (edXML status 03).

    What the document is — number-symbol, date, issuing unit, subject, type, secrecy, urgency,
    files, and the page count when the sender gave one — is copied from the sent document,
    never taken from the clerk: a copy cannot be less secret, or other, than what was sent.
    The clerk adds only what the receiving side knows (arrival, deadline, routing, notes).
    """
    if (earlier := _registered_by_submission(submission_id)) is not None:
        return earlier
    delivery = Delivery.objects.select_related("document__unit", "recipient_unit").get(
        pk=delivery.pk
    )
    if delivery.recipient_unit is None:
        raise ValidationError(_("Không áp dụng cho nơi nhận bên ngoài."))
    workflow.require_clerk(actor, delivery.recipient_unit)
    if not workflow.may_receive(actor, delivery):
        raise PermissionDenied(_("Bạn không được tiếp cận văn bản ở độ mật này."))
    sent = delivery.document
    return _register(
        actor=actor,
        unit=delivery.recipient_unit,
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
        recipients_note=recipients_note or delivery.delivery_note,
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
            delivery.recipient_unit_id != document.unit_id
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


def _lock_incoming(document: IncomingDocument) -> IncomingDocument:
    return IncomingDocument.objects.select_for_update().select_related("unit").get(pk=document.pk)


D = TypeVar("D", IncomingDocument, OutgoingDocument)


def _move(
    actor: Person, document: D, action: str, target: str, fields: tuple[str, ...],
    **changes: Any,
) -> D:  # fmt: skip
    """Move a locked document to `target` if its workflow allows, with the audit event."""
    before = audit.snapshot(document, fields)
    if isinstance(document, IncomingDocument):
        workflow.require_incoming_move(document, target)
    else:
        workflow.require_outgoing_move(document, target)
    document.status = target
    for name, value in changes.items():
        setattr(document, name, value)
    document.save()
    audit.record(
        actor=actor,
        action=action,
        target=document,
        before=before,
        after=audit.snapshot(document, fields),
    )
    return document


def _incoming_change(
    actor: Person, document: IncomingDocument, action: str, target: str, **changes: Any
) -> IncomingDocument:
    return _move(actor, document, action, target, INCOMING_FIELDS, **changes)


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
    return _incoming_change(
        actor,
        document,
        "incoming.present",
        IncomingStatus.PRESENTED,
        presented_to=leader,
        presented_at=timezone.now(),
        status_reason="",
    )


@dataclass(frozen=True)
class Handler:
    """Someone a direction names: a person, or a unit (its clerk routes it on)."""

    person: Person | None = None
    unit: Unit | None = None


def _check_handler(actor: Person, document: IncomingDocument, handler: Handler) -> None:
    """A direction may name only people who work where the document is (naming someone
    opens the document to them) and units of the document's committee."""
    if handler.person is not None:
        person = handler.person
        scope = scope_for(person)
        if not person.is_active:
            raise ValidationError({"lead": _("%(name)s đã bị vô hiệu hóa.") % {"name": person}})
        # Clearance is not required: the leader's direction is what opens a secret document
        # to the person it names; working in the document's unit is.
        if not scope.holds(document.unit_id, *DOCUMENT_ROLES):
            raise ValidationError(
                {"lead": _("%(name)s không thuộc đơn vị của văn bản.") % {"name": person}}
            )
    if handler.unit is not None and not scope_for(actor).sees(handler.unit.id):
        committee = committee_of(document.unit)
        if committee is None or handler.unit.id not in unit_subtree(committee):
            raise ValidationError({"lead": _("Chỉ giao cho các đơn vị thuộc cấp ủy của văn bản.")})


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
        _check_handler(actor, document, handler)
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
    return _incoming_change(
        actor,
        document,
        "incoming.return",
        IncomingStatus.REGISTERED,
        status_reason=reason,
        presented_to=None,
    )


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


# --- handling ------------------------------------------------------------------------------


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
    return successor


# --- outgoing ------------------------------------------------------------------------------


def _require_member(actor: Person, unit: Unit) -> None:
    if not scope_for(actor).holds(unit.id, *DOCUMENT_ROLES):
        raise PermissionDenied(_("Bạn không thuộc đơn vị này."))


def _types_for(unit: Unit, on: date) -> dict[str, str]:
    return numbering_policy(unit.numbering_style, on).types  # type: ignore[arg-type]


@transaction.atomic
def outgoing_create(
    *,
    actor: Person,
    unit: Unit,
    type_symbol: str,
    subject: str,
    body: str = "",
    confidentiality: int = Clearance.UNCLASSIFIED,
    urgency: int = Urgency.NORMAL,
    reply_to: IncomingDocument | None = None,
    attachments: Sequence[Upload] = (),
) -> OutgoingDocument:
    """Start a draft (version 1)."""
    _require_member(actor, unit)
    types = _types_for(unit, timezone.localdate())
    errors: dict[str, str] = {}
    if type_symbol not in types:
        errors["type_symbol"] = _("Loại văn bản không hợp lệ.")
    subject = clean(subject)
    if not subject:
        errors["subject"] = _("Cần nhập trích yếu.")
    elif len(subject) > 500:
        errors["subject"] = _("Trích yếu dài tối đa 500 ký tự.")
    if not scope_for(actor).sees(unit.id, confidentiality):
        errors["confidentiality"] = _("Bạn không được tiếp cận văn bản ở độ mật này.")
    if errors:
        raise ValidationError(errors)
    document = OutgoingDocument.objects.create(
        unit=unit,
        type_symbol=type_symbol,
        type_name=types[type_symbol],
        subject=subject,
        subject_folded=fold(subject),
        confidentiality=confidentiality,
        urgency=urgency,
        drafter=actor,
        reply_to=reply_to,
    )
    version = DraftVersion.objects.create(
        document=document, version=1, body=body.strip(), created_by=actor
    )
    _attach(actor, attachments, outgoing=document, version=version)
    _involve(actor, outgoing=document)
    audit.record(
        actor=actor,
        action="outgoing.create",
        target=document,
        after=audit.snapshot(document, OUTGOING_FIELDS),
    )
    return document


def _lock_outgoing(document: OutgoingDocument) -> OutgoingDocument:
    return OutgoingDocument.objects.select_for_update().select_related("unit").get(pk=document.pk)


def _outgoing_change(
    actor: Person, document: OutgoingDocument, action: str, target: str, **changes: Any
) -> OutgoingDocument:
    return _move(actor, document, action, target, OUTGOING_FIELDS, **changes)


@transaction.atomic
def draft_revise(
    *,
    actor: Person,
    document: OutgoingDocument,
    body: str,
    note: str = "",
    subject: str | None = None,
    attachments: Sequence[Upload] = (),
) -> DraftVersion:
    """A new version of a draft, by its drafter, while it is a draft or was returned."""
    document = _lock_outgoing(document)
    if document.drafter_id != actor.pk:
        raise PermissionDenied(_("Chỉ người soạn thảo mới sửa được dự thảo."))
    if document.status not in {OutgoingStatus.DRAFT, OutgoingStatus.RETURNED}:
        raise ValidationError(_("Dự thảo đang trình duyệt hoặc đã ban hành; không sửa được."))
    if subject is not None:
        subject = clean(subject)
        if not subject:
            raise ValidationError({"subject": _("Cần nhập trích yếu.")})
        document.subject = subject
        document.subject_folded = fold(subject)
        document.save(update_fields=["subject", "subject_folded"])
    last = document.versions.order_by("-version").first()
    version = DraftVersion.objects.create(
        document=document,
        version=(last.version if last else 0) + 1,
        body=body.strip(),
        note=clean(note),
        created_by=actor,
    )
    _attach(actor, attachments, outgoing=document, version=version)
    audit.record(
        actor=actor,
        action="outgoing.revise",
        target=document,
        after={"version": version.version, "note": version.note},
    )
    return version


@transaction.atomic
def outgoing_submit(*, actor: Person, document: OutgoingDocument) -> OutgoingDocument:
    """Send the draft up the unit's approval chain."""
    document = _lock_outgoing(document)
    if document.drafter_id != actor.pk:
        raise PermissionDenied(_("Chỉ người soạn thảo mới trình được dự thảo."))
    configured = ApprovalChain.objects.filter(unit=document.unit).first()
    steps = (
        list(configured.steps) if configured and configured.steps else list(workflow.DEFAULT_CHAIN)
    )
    allow_self = bool(configured and configured.allow_self_approval)
    chain = [{**step, "allow_self": allow_self} for step in steps]
    return _outgoing_change(
        actor,
        document,
        "outgoing.submit",
        OutgoingStatus.IN_REVIEW,
        chain=chain,
        current_step=0,
        status_reason="",
    )


def _latest_version(document: OutgoingDocument) -> DraftVersion:
    version = document.versions.order_by("-version").first()
    if version is None:
        raise ValidationError(_("Dự thảo chưa có phiên bản nào."))
    return version


@transaction.atomic
def outgoing_approve(
    *, actor: Person, document: OutgoingDocument, comment: str = ""
) -> OutgoingDocument:
    document = _lock_outgoing(document)
    if document.status != OutgoingStatus.IN_REVIEW:
        workflow.require_outgoing_move(document, OutgoingStatus.APPROVED)
    if not workflow.can_decide(actor, document):
        if actor.pk == document.drafter_id:
            raise PermissionDenied(_("Không được tự duyệt dự thảo của mình."))
        raise PermissionDenied(_("Bạn không phải người duyệt ở bước này."))
    ApprovalStep.objects.create(
        document=document,
        step=document.current_step,
        decision=ApprovalDecision.APPROVED,
        decided_by=actor,
        comment=clean(comment),
        version=_latest_version(document),
    )
    _involve(actor, outgoing=document)
    next_step = document.current_step + 1
    target = (
        OutgoingStatus.IN_REVIEW if next_step < len(document.chain) else OutgoingStatus.APPROVED
    )
    return _outgoing_change(actor, document, "outgoing.approve", target, current_step=next_step)


@transaction.atomic
def outgoing_return(*, actor: Person, document: OutgoingDocument, comment: str) -> OutgoingDocument:
    """Send the draft back to its drafter with comments."""
    document = _lock_outgoing(document)
    comment = clean(comment)
    if not comment:
        raise ValidationError({"comment": _("Cần nêu ý kiến khi trả lại.")})
    if document.status == OutgoingStatus.IN_REVIEW:
        if not workflow.can_decide(actor, document):
            raise PermissionDenied(_("Bạn không phải người duyệt ở bước này."))
    elif not workflow.is_leader_of(actor, document.unit):
        raise PermissionDenied(_("Chỉ lãnh đạo mới trả lại được văn bản đã duyệt."))
    ApprovalStep.objects.create(
        document=document,
        step=document.current_step,
        decision=ApprovalDecision.RETURNED,
        decided_by=actor,
        comment=comment,
        version=_latest_version(document),
    )
    _involve(actor, outgoing=document)
    return _outgoing_change(
        actor,
        document,
        "outgoing.return",
        OutgoingStatus.RETURNED,
        status_reason=comment,
        current_step=0,
    )


@transaction.atomic
def outgoing_sign(
    *,
    actor: Person,
    document: OutgoingDocument,
    position: str,
    authority: str = SigningAuthority.NONE,
) -> OutgoingDocument:
    """The signer signs: the person recorded as signer is the one who acts, never a name
    someone else chose (a paper signature is confirmed here by the leader who gave it)."""
    document = _lock_outgoing(document)
    if not workflow.may_sign(actor, document):
        raise PermissionDenied(_("Người ký phải là lãnh đạo của đơn vị hoặc cấp ủy."))
    if authority not in SigningAuthority.values:
        raise ValidationError({"authority": _("Thẩm quyền ký không hợp lệ.")})
    position = clean(position)
    if not position:
        raise ValidationError({"position": _("Cần nhập chức vụ người ký.")})
    _involve(actor, outgoing=document)
    return _outgoing_change(
        actor,
        document,
        "outgoing.sign",
        OutgoingStatus.SIGNED,
        signer=actor,
        signer_position=position,
        signing_authority=authority,
        signed_at=timezone.now(),
    )


def outgoing_symbol(unit: Unit, type_symbol: str, number: int) -> NumberSymbol:
    """`45-NQ/TU` for a Party unit, `45/QĐ-UBND` for a government-style one."""
    style: Literal["party", "government"] = (
        "party" if unit.numbering_style == "party" else "government"
    )
    return NumberSymbol(number=number, type_symbol=type_symbol, issuer=unit.symbol, style=style)


@dataclass(frozen=True)
class Recipient:
    unit: Unit | None = None
    external_name: str = ""
    note: str = ""


@transaction.atomic
def outgoing_issue(
    *,
    actor: Person,
    document: OutgoingDocument,
    recipients: Sequence[Recipient],
    issued_on: date | None = None,
    page_count: int | None = None,
    copies: int = 1,
    file_copy_holder: str = "",
    attachments: Sequence[Upload] = (),
) -> OutgoingDocument:
    """Number, date and register a signed document, then send it to its recipients."""
    document = _lock_outgoing(document)
    workflow.require_clerk(actor, document.unit)
    workflow.require_outgoing_move(document, OutgoingStatus.ISSUED)
    today = timezone.localdate()
    issued_on = issued_on or today
    if issued_on > today:
        raise ValidationError({"issued_on": _("Ngày ban hành không được ở tương lai.")})
    if not recipients:
        raise ValidationError({"recipients": _("Cần ít nhất một nơi nhận.")})
    unit = document.unit
    try:
        policy = numbering_policy(unit.numbering_style, issued_on)  # type: ignore[arg-type]
    except NoRuleInForce:
        raise ValidationError(
            {"issued_on": _("Chưa có quy định đánh số văn bản có hiệu lực vào ngày ban hành này.")}
        ) from None
    term = None
    if policy.scope == "term":
        committee = committee_of(unit)
        term = term_in_force(committee, issued_on) if committee else None
        if term is None:
            raise ValidationError(
                {"issued_on": _("Chưa khai báo nhiệm kỳ của cấp ủy vào ngày ban hành này.")}
            )
    series = policy.series(
        issuer=f"unit{unit.pk}",
        type_symbol=document.type_symbol,
        term=str(term.pk) if term else None,
        year=issued_on.year,
        secret=document.confidentiality > Clearance.UNCLASSIFIED,
    )
    number = allocate(series)
    symbol = outgoing_symbol(unit, document.type_symbol, number)
    _outgoing_change(
        actor,
        document,
        "outgoing.issue",
        OutgoingStatus.ISSUED,
        series=series,
        number=number,
        number_symbol=symbol.code,
        symbol_key=symbol.key,
        issued_on=issued_on,
        issued_by=actor,
        issued_at=timezone.now(),
        page_count=page_count,
        copies=copies,
        file_copy_holder=clean(file_copy_holder),
    )
    _attach(actor, attachments, outgoing=document)
    outgoing_distribute(actor=actor, document=document, recipients=recipients)
    return document


@transaction.atomic
def outgoing_distribute(
    *, actor: Person, document: OutgoingDocument, recipients: Sequence[Recipient]
) -> list[Delivery]:
    """Send an issued document: a unit inside the installation finds it in its reception queue
    (its clerk registers it; nothing is numbered behind their back); an outside body is
    recorded with the delivery note."""
    document = _lock_outgoing(document)
    workflow.require_clerk(actor, document.unit)
    if document.status != OutgoingStatus.ISSUED:
        raise ValidationError(_("Chỉ gửi được văn bản đã phát hành."))
    deliveries = []
    for recipient in recipients:
        external = clean(recipient.external_name)
        if recipient.unit is None and not external:
            raise ValidationError({"recipients": _("Nơi nhận không hợp lệ.")})
        if recipient.unit is not None:
            if recipient.unit.pk == document.unit_id:
                raise ValidationError({"recipients": _("Không gửi văn bản cho chính đơn vị mình.")})
            if document.deliveries.filter(recipient_unit=recipient.unit).exists():
                continue
        status = DeliveryStatus.ARRIVED if recipient.unit else DeliveryStatus.SENT_EXTERNAL
        delivery = Delivery.objects.create(
            document=document,
            recipient_unit=recipient.unit,
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
        after={"recipients": [str(d.recipient_unit or d.external_name) for d in deliveries]},
    )
    return deliveries


@transaction.atomic
def delivery_refuse(*, actor: Person, delivery: Delivery, reason: str) -> Delivery:
    """The recipient's clerk sends back a misaddressed or invalid document (edXML 02)."""
    delivery = (
        Delivery.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=delivery.pk)
    )
    if delivery.recipient_unit is None:
        raise ValidationError(_("Không áp dụng cho nơi nhận bên ngoài."))
    workflow.require_clerk(actor, delivery.recipient_unit)
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
    return _outgoing_change(
        actor, document, "outgoing.recall", OutgoingStatus.WITHDRAWN, status_reason=reason
    )


@transaction.atomic
def outgoing_cancel(*, actor: Person, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Abandon a draft that was never issued."""
    document = _lock_outgoing(document)
    if document.drafter_id != actor.pk and not workflow.is_leader_of(actor, document.unit):
        raise PermissionDenied(_("Chỉ người soạn thảo hoặc lãnh đạo mới hủy được dự thảo."))
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do hủy.")})
    return _outgoing_change(
        actor, document, "outgoing.cancel", OutgoingStatus.CANCELLED, status_reason=reason
    )


@transaction.atomic
def approval_chain_set(
    *,
    actor: Person,
    unit: Unit,
    steps: Sequence[dict[str, str]],
    allow_self_approval: bool | None = None,
) -> ApprovalChain:
    """Configure how the unit's drafts are approved (its leaders or an administrator).

    Every step names a leader role: approving is a leader's act. Whether a drafter may approve
    their own draft (`allow_self_approval`; None: unchanged) is changed only by a current
    leader of the committee itself (workflow.may_allow_self_approval), never by an
    administrator; the event and the chain record who changed it."""
    scope = scope_for(actor)
    if not (scope.administers(unit.id) or workflow.is_leader_of(actor, unit)):
        raise PermissionDenied(_("Bạn không có quyền cấu hình quy trình duyệt của đơn vị này."))
    clean_steps = []
    for step in steps:
        if step.get("at") not in {"unit", "committee"}:
            raise ValidationError({"steps": _("Bước duyệt không hợp lệ.")})
        if step.get("role") not in workflow.LEADER_ROLES:
            raise ValidationError(
                {"steps": _("Mỗi bước duyệt phải do lãnh đạo Văn phòng hoặc lãnh đạo cấp ủy.")}
            )
        clean_steps.append({"role": step["role"], "at": step["at"]})
    if not clean_steps:
        raise ValidationError({"steps": _("Quy trình duyệt cần ít nhất một bước.")})
    chain, _created = ApprovalChain.objects.select_for_update().get_or_create(unit=unit)
    before = {"steps": chain.steps, "allow_self_approval": chain.allow_self_approval}
    if allow_self_approval is not None and allow_self_approval != chain.allow_self_approval:
        if not workflow.may_allow_self_approval(actor, unit):
            raise PermissionDenied(
                _("Chỉ lãnh đạo cấp ủy mới cho phép hoặc bỏ việc tự duyệt dự thảo.")
            )
        chain.allow_self_approval = allow_self_approval
        chain.self_approval_by = actor
        chain.self_approval_at = timezone.now()
    chain.steps = clean_steps
    chain.save()
    audit.record(
        actor=actor,
        action="approval_chain.set",
        target=chain,
        before=before,
        after={"steps": clean_steps, "allow_self_approval": chain.allow_self_approval},
    )
    return chain


@transaction.atomic
def document_read_record(
    *,
    actor: Person,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
) -> None:
    """Every read of a secret document leaves an audit event."""
    target = incoming or outgoing
    if target is None:
        raise ValueError("document_read_record needs a document")
    if target.confidentiality > Clearance.UNCLASSIFIED:
        audit.record(
            actor=actor,
            action="document.read",
            target=target,
            after={"confidentiality": target.confidentiality},
        )


def register_export(
    *, actor: Person, kind: registers.Kind, unit: Unit, period: registers.Period, file_format: str
) -> bytes:
    """A Decree 30 register as a file. A file that lists secret documents takes them out of
    vanphong, so it is audited as a read of each: one event naming them all."""
    export = registers.build(actor, kind, unit=unit, period=period, file_format=file_format)
    if export.secret:
        # Only the event is in the transaction: on SQLite building a year's PDF inside it
        # would hold the database's write lock for seconds.
        with transaction.atomic():
            audit.record(
                actor=actor,
                action="register.export",
                target=unit,
                after={
                    "register": kind.value,
                    "from": period.start,
                    "to": period.end,
                    "format": file_format,
                    "secret_documents": [str(uuid) for uuid in export.secret],
                },
            )
    return export.content
