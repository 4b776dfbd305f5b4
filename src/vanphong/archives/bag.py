"""A permanent file exported as a BagIt bag (RFC 8493), for transfer to the historical archive
or an offline copy: the originals of its documents byte for byte, their PDF/A copies where OCR
made one, and data/metadata/file.json (the file's description, its index, its history, the
SHA-256 of every original), with SHA-256 manifests written and checked by `bagit`.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import IO, Any

import bagit  # type: ignore[import-untyped]
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import selectors, workflow
from vanphong.archives.models import FileItem, OcrCopy, OcrStatus, RecordFile
from vanphong.core import audit
from vanphong.core.files import path_of, safe_filename
from vanphong.core.models import AuditEvent
from vanphong.documents.models import Attachment
from vanphong.org.models import Person

GENERATOR = "vanphong"


def may_export(person: Person, file: RecordFile) -> bool:
    """An archivist of the archive keeping the file (or that will keep it), cleared for it."""
    archive = file.archive_unit or selectors.archive_unit_for(file.unit)
    return workflow.is_archivist(person, archive, file.confidentiality)


def _attachments(item: FileItem) -> list[Attachment]:
    if item.incoming_id is not None:
        found = Attachment.objects.filter(incoming_id=item.incoming_id)
    elif item.outgoing_id is not None:
        found = Attachment.objects.filter(outgoing_id=item.outgoing_id)
    else:
        return []
    return list(found.select_related("file").order_by("pk"))


def _history(file: RecordFile) -> list[dict[str, Any]]:
    events = AuditEvent.objects.filter(
        object_type=RecordFile._meta.label_lower, object_id=str(file.uuid)
    ).order_by("seq")
    return [
        {
            "seq": event.seq,
            "at": event.occurred_at.isoformat(),
            "action": event.action,
            "actor": event.actor_label,
            "hash": event.hash,
        }
        for event in events
    ]


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


@transaction.atomic
def file_export_bag(*, actor: Person, file: RecordFile, target_dir: Path) -> Path:
    """Write the file's bag into a new folder under `target_dir` and return its path."""
    if not selectors.files_visible(actor).filter(pk=file.pk).exists():
        workflow.require(False)
    workflow.require(may_export(actor, file))
    if not file.is_permanent:
        raise ValidationError({"file": _("Chỉ xuất gói BagIt cho hồ sơ bảo quản vĩnh viễn.")})
    name = safe_filename(f"{file.year}-{file.code}-{str(file.uuid)[:8]}", fallback="ho-so")
    root = Path(target_dir) / name
    if root.exists():
        shutil.rmtree(root)
    data = root  # bagit moves what is here into data/
    documents: list[dict[str, Any]] = []
    items = list(file.items.order_by("position"))
    for item in items:
        entry: dict[str, Any] = {
            "position": item.position,
            "kind": item.kind,
            "number_symbol": item.number_symbol,
            "document_date": item.document_date,
            "author": item.author,
            "title": item.title,
            "page_count": item.page_count,
            "pages": [item.page_from, item.page_to],
            "confidentiality": item.confidentiality,
            "files": [],
        }
        for index, attachment in enumerate(_attachments(item), start=1):
            stored = attachment.file
            stem = f"{item.position:04d}-{index:02d}"
            original = f"originals/{stem}-{safe_filename(attachment.filename)}"
            _copy(path_of(stored), data / original)
            described: dict[str, Any] = {
                "filename": attachment.filename,
                "path": f"data/{original}",
                "sha256": stored.sha256,
                "size": stored.size,
                "content_type": stored.content_type,
                "pdfa": None,
            }
            ocr = (
                OcrCopy.objects.select_related("pdfa")
                .filter(original=stored, status=OcrStatus.DONE)
                .first()
            )
            pdfa = ocr.pdfa if ocr is not None else None
            if pdfa is not None:
                copy = f"pdfa/{stem}-{Path(safe_filename(attachment.filename)).stem}.pdf"
                _copy(path_of(pdfa), data / copy)
                described["pdfa"] = {"path": f"data/{copy}", "sha256": pdfa.sha256}
            entry["files"].append(described)
        documents.append(entry)
    metadata = {
        "file": {
            "uuid": file.uuid,
            "unit": str(file.unit),
            "archive_unit": str(file.archive_unit) if file.archive_unit else None,
            "year": file.year,
            "code": file.code,
            "title": file.title,
            "retention": "permanent",
            "confidentiality": file.confidentiality,
            "status": file.status,
            "opened_on": file.opened_on,
            "closed_at": file.closed_at,
            "first_date": file.first_date,
            "last_date": file.last_date,
            "item_count": file.item_count,
            "page_count": file.page_count,
            "box": file.box,
            "shelf": file.shelf,
            "note": file.note,
        },
        "documents": documents,
        "history": _history(file),
        "exported_at": timezone.now(),
        "exported_by": str(actor),
    }
    target = data / "metadata" / "file.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(metadata, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2), "utf-8"
    )
    bagit.make_bag(
        str(root),
        bag_info={
            "Source-Organization": str(file.archive_unit or file.unit),
            "External-Identifier": file.code,
            "External-Description": file.title[:500],
            "Bagging-Date": timezone.localdate().isoformat(),
            "Bag-Group-Identifier": f"{file.unit} {file.year}",
            "Internal-Sender-Identifier": str(file.uuid),
            "Bag-Software-Agent": GENERATOR,
        },
        checksums=["sha256"],
    )
    audit.record(
        actor=actor,
        action="archives.file_exported",
        target=file,
        after={"format": "bagit", "documents": len(items)},
    )
    return root


def zip_bag(root: Path, out: IO[bytes]) -> None:
    """Write the bag folder into `out` as a zip whose top folder is the bag's name."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, f"{root.name}/{path.relative_to(root)}")
