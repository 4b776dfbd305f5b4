"""Preservation's builders: stored files on a temporary MEDIA_ROOT, a document registered with
attachments in the province's Office, and a permanent file transferred to the province's
archive holding it."""

from __future__ import annotations

import io
from datetime import date

from django.db import transaction

from tests.support.archives import ArchWorld
from tests.support.documents import register
from vanphong.archives.models import FileItem, FileStatus, ItemKind, RecordFile
from vanphong.archives.selectors import archive_unit_for
from vanphong.core.files import store
from vanphong.core.models import StoredFile
from vanphong.documents.models import IncomingDocument
from vanphong.documents.services import Upload
from vanphong.org.models import Clearance

PDF_HEAD = b"%PDF-1.4\n"


def stored(content: bytes) -> StoredFile:
    """A stored file (a PDF by its first bytes) holding `content`."""
    with transaction.atomic():
        return store(io.BytesIO(PDF_HEAD + content)).stored


def document_with(
    w: ArchWorld, files: list[tuple[str, bytes]], **fields: object
) -> IncomingDocument:
    """An incoming document of the province's Office with these attachments (name, bytes)."""
    uploads = [Upload(name=name, stream=io.BytesIO(data)) for name, data in files]
    values: dict[str, object] = {
        "actor": w.province_clerk,
        "unit": w.province_office,
        "attachments": uploads,
    }
    values.update(fields)
    return register(w.d, **values)


def filed(
    w: ArchWorld,
    document: IncomingDocument,
    *,
    code: str = "01.VP",
    confidentiality: int = Clearance.UNCLASSIFIED,
    retention_years: int | None = None,
) -> RecordFile:
    """A file of the province's Office, transferred to its archive, holding `document`."""
    file = RecordFile.objects.create(
        unit=w.province_office,
        year=2011,
        code=code,
        title=f"Hồ sơ {code} công tác văn phòng năm 2011",
        retention_years=retention_years,
        confidentiality=confidentiality,
        responsible=w.province_clerk,
        status=FileStatus.TRANSFERRED,
        archive_unit=archive_unit_for(w.province_office),
        opened_on=date(2011, 1, 3),
        item_count=1,
    )
    FileItem.objects.create(
        file=file,
        kind=ItemKind.INCOMING,
        source_uuid=document.uuid,
        incoming=document,
        position=1,
        number_symbol=document.number_symbol,
        title=document.subject,
        confidentiality=confidentiality,
        added_by=w.province_clerk,
    )
    return file
