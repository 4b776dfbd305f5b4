"""Background work of documents: thin tasks that call the extraction code."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from vanphong.core.files import open_stored
from vanphong.documents.extract import extract_text
from vanphong.documents.models import Attachment, IncomingDocument, OutgoingDocument
from vanphong.search import outbox


@task()
def attachment_extract_text(*, attachment_id: int) -> None:
    attachment = Attachment.objects.select_related("file").filter(pk=attachment_id).first()
    if attachment is None or attachment.text_extracted_at is not None:
        return
    with open_stored(attachment.file) as handle:
        text = extract_text(handle, attachment.file.content_type)
    with transaction.atomic():  # the new text and its outbox row commit together
        Attachment.objects.filter(pk=attachment_id).update(
            text=text, text_extracted_at=timezone.now()
        )
        if attachment.incoming_id is not None:
            document = IncomingDocument.objects.only("uuid").get(pk=attachment.incoming_id)
            outbox.enqueue("incoming", document.uuid)
        elif attachment.outgoing_id is not None:
            document_out = OutgoingDocument.objects.only("uuid").get(pk=attachment.outgoing_id)
            outbox.enqueue("outgoing", document_out.uuid)
