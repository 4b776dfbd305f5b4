"""What the archives put in the search index: files (hồ sơ), with the lines of their index.

A file is found under two kinds, each with the rule of `selectors.files_visible` it stands for:

- `record_file`: every file, under its own unit — found by whoever sees a document of that unit
  at the file's confidentiality (`documents.selectors.unit_grants`);
- `archived_file`: a transferred (or destroyed) file, under the archive holding it — found by
  that archive's archivists, up to the clearance of their post (`archivist_grants`).

A file lent for reading is not found by the borrower through search (the grant is per person
and per day); the borrower opens it from their request.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, time
from uuid import UUID

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from vanphong.archives.models import FileItem, FileStatus, RecordFile
from vanphong.archives.selectors import archivist_grants
from vanphong.documents.selectors import unit_grants
from vanphong.org.models import Person
from vanphong.search.registry import Entry, Grants

FILE_KIND = "record_file"
ARCHIVED_KIND = "archived_file"
ARCHIVED = (FileStatus.TRANSFERRED, FileStatus.DESTROYED)
_STATUS_LABELS = {value: str(label) for value, label in FileStatus.choices}


def file_url(file: RecordFile) -> str:
    return reverse("archives:file_detail", args=[file.uuid])


def retention_text(file: RecordFile) -> str:
    return "Vĩnh viễn" if file.retention_years is None else f"{file.retention_years} năm"


def indexed_text(file: RecordFile, items: Iterable[FileItem]) -> str:
    parts = [
        f"Hồ sơ số {file.code}",
        file.title,
        file.unit.name,
        f"Năm {file.year}",
        _STATUS_LABELS.get(file.status, file.status),
        retention_text(file),
    ]
    for item in items:
        parts.append(" ".join(p for p in (item.number_symbol, item.author, item.title) if p))
    return "\n".join(part for part in parts if part)


class _Files:
    kind = FILE_KIND
    label = "Hồ sơ"

    def _queryset(self) -> QuerySet[RecordFile]:
        return RecordFile.objects.select_related("unit").prefetch_related(
            Prefetch("items", queryset=FileItem.objects.order_by("position"), to_attr="lines")
        )

    def _unit_id(self, file: RecordFile) -> int | None:
        return file.unit_id

    def keys_for(self, target: models.Model, action: str) -> Sequence[UUID]:
        if isinstance(target, RecordFile):
            return [target.uuid]
        if isinstance(target, FileItem):
            return list(RecordFile.objects.filter(pk=target.file_id).values_list("uuid", flat=True))
        return []

    def entry(self, file: RecordFile) -> Entry | None:
        unit_id = self._unit_id(file)
        if unit_id is None:
            return None
        moment = timezone.make_aware(datetime.combine(file.opened_on, time(8)))
        return Entry(
            kind=self.kind,
            uuid=file.uuid,
            unit_id=unit_id,
            confidentiality=file.confidentiality,
            people=(),
            title=f"Hồ sơ {file.code} · {file.title}",
            text=indexed_text(file, getattr(file, "lines", [])),
            moment=moment.astimezone(UTC),
            url=file_url(file),
            status=file.status,
            status_label=_STATUS_LABELS.get(file.status, file.status),
            unit_name=file.unit.name,
        )

    def entries(self, uuids: Sequence[UUID]) -> Iterable[Entry]:
        for file in self._queryset().filter(uuid__in=list(uuids)):
            entry = self.entry(file)
            if entry is not None:
                yield entry

    def batches(self, size: int, after: int = 0) -> Iterator[tuple[int, list[Entry]]]:
        while True:
            files = list(self._queryset().filter(pk__gt=after).order_by("pk")[:size])
            if not files:
                return
            after = files[-1].pk
            yield after, [e for e in (self.entry(f) for f in files) if e is not None]

    def grants(self, person: Person) -> Grants:
        return Grants(units=unit_grants(person))


class FileProvider(_Files):
    """Every file, under its unit."""


class ArchivedFileProvider(_Files):
    """Transferred files, under the archive holding them, for its archivists."""

    kind = ARCHIVED_KIND
    label = "Hồ sơ lưu trữ"

    def _unit_id(self, file: RecordFile) -> int | None:
        if file.status not in ARCHIVED or file.archive_unit_id is None:
            return None
        return file.archive_unit_id

    def grants(self, person: Person) -> Grants:
        return Grants(units=archivist_grants(person))
