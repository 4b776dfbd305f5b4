"""What every flow's services build on: uploads and attachments, participants, the state
moves of a document with their audit events, the sender's delivery status; and the two reads
that are audited writes (a secret document's read, a register's export).

The use cases live by flow: `services_incoming` (registration, presentation, direction),
`services_handling` (assignments), `services_outgoing` (drafts to issue) and
`services_delivery` (distribution, refusal, recall). Numbers (số đến, số văn bản đi) come
from core.numbering inside the same transaction as the row that uses them, so a registration
or issue that fails uses no number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import IO, Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.files import safe_filename, store, stored_name
from vanphong.core.vietnamese import nfc
from vanphong.documents import register_files, registers, workflow
from vanphong.documents.models import (
    Attachment,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    DraftVersion,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    Participant,
)
from vanphong.org.models import Clearance, Person, Unit
from vanphong.search import outbox

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


def _lock_outgoing(document: OutgoingDocument) -> OutgoingDocument:
    return OutgoingDocument.objects.select_for_update().select_related("unit").get(pk=document.pk)


def _outgoing_change(
    actor: Person, document: OutgoingDocument, action: str, target: str, **changes: Any
) -> OutgoingDocument:
    return _move(actor, document, action, target, OUTGOING_FIELDS, **changes)


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
    export = register_files.build(actor, kind, unit=unit, period=period, file_format=file_format)
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


def attachment_reindex(attachment: Attachment) -> None:
    """Mark the attachment's document for reindexing (inside the transaction that changed its
    text): the search index holds the text of a document's attachments."""
    if attachment.incoming_id is not None:
        document = IncomingDocument.objects.only("uuid").get(pk=attachment.incoming_id)
        outbox.enqueue("incoming", document.uuid)
    elif attachment.outgoing_id is not None:
        document_out = OutgoingDocument.objects.only("uuid").get(pk=attachment.outgoing_id)
        outbox.enqueue("outgoing", document_out.uuid)


@transaction.atomic
def attachment_text_set(*, attachment: Attachment, text: str) -> None:
    """Replace an attachment's searchable text with text derived elsewhere (a scan's OCR by
    the archives); the original bytes are untouched, the document is reindexed."""
    Attachment.objects.filter(pk=attachment.pk).update(
        text=nfc(text)[:2_000_000], text_extracted_at=timezone.now()
    )
    attachment_reindex(attachment)
