"""Filing a paper document the system does not hold (received before vanphong, or never
registered in it): its line of the document index is typed in, as an archivist does when a
paper file comes in. The line is a `FileItem` of kind `other` with a fresh source identifier."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from vanphong.archives.models import FileItem, ItemKind, RecordFile
from vanphong.archives.services_files import (
    _items_changed,
    _locked,
    _require_compiler,
    _require_open,
    _snapshot,
)
from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person


@transaction.atomic
def item_add_paper(
    *,
    actor: Person,
    file: RecordFile,
    title: str,
    document_date: date | None,
    author: str,
    number_symbol: str = "",
    page_count: int | None = None,
    confidentiality: int = 0,
    note: str = "",
) -> FileItem:
    """File a paper document the system does not hold (one received before the system, or
    never registered in it), described by hand as its line of the document index."""
    file = _locked(file)
    _require_compiler(actor, file.unit)
    _require_open(file)
    errors: dict[str, str] = {}
    title = clean(title)[:500]
    author = clean(author)[:200]
    if not title:
        errors["title"] = _("Ghi trích yếu nội dung của văn bản.")
    if not author:
        errors["author"] = _("Ghi tác giả (cơ quan ban hành) của văn bản.")
    if page_count is not None and page_count < 1:
        errors["page_count"] = _("Số trang phải từ 1 trở lên.")
    if confidentiality not in (0, 1, 2, 3):
        errors["confidentiality"] = _("Độ mật không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    position = (FileItem.objects.filter(file=file).aggregate(m=Max("position"))["m"] or 0) + 1
    before = _snapshot(file)
    item = FileItem.objects.create(
        file=file,
        kind=ItemKind.OTHER,
        source_uuid=uuid4(),
        position=position,
        number_symbol=clean(number_symbol)[:50],
        document_date=document_date,
        author=author,
        title=title,
        page_count=page_count,
        confidentiality=confidentiality,
        retention_years=file.retention_years,
        note=clean(note)[:500],
        added_by=actor,
    )
    _items_changed(file)
    audit.record(
        actor=actor,
        action="record_file.item_add",
        target=file,
        before=before,
        after={**_snapshot(file), "kind": ItemKind.OTHER, "title": title, "position": position},
    )
    return item
