"""Background work of documents: thin tasks that call the extraction code."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from vanphong.core.files import open_stored
from vanphong.documents import hooks
from vanphong.documents.extract import extract_text
from vanphong.documents.models import Attachment
from vanphong.documents.services import attachment_reindex


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
        attachment_reindex(attachment)
        # A scan gives no text here: archives' subscriber queues its OCR.
        hooks.attachment_extracted(attachment=attachment, text=text)
