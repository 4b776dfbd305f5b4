"""What the archives put in the search index: files (hồ sơ), with the lines of their index.

A file is found under two kinds, each with the rule of `selectors.files_visible` it stands for:

- `record_file`: every file, under its own unit — found by whoever sees a document of that unit
  at the file's confidentiality (`documents.selectors.unit_grants`);
- `archived_file`: a transferred (or destroyed) file, under the archive holding it — found by
  that archive's archivists, up to the clearance of their post (`archivist_grants`).

A reader whose request is approved (or whose loan is out) finds the file under `record_file`
as an involved person, while the request is within its days. The grant is per day: the request's
own changes re-index the file (`keys_for`), and the daily job re-indexes the files of loans gone
past their last day (`stale_loans_reindex`); an approval past its day is expired by the same job.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from uuid import UUID

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from vanphong.archives.models import (
    AccessRequest,
    AccessStatus,
    FileItem,
    FileStatus,
    RecordFile,
)
from vanphong.archives.selectors import archivist_grants
from vanphong.documents.selectors import unit_grants
from vanphong.org.models import Person
from vanphong.search import outbox
from vanphong.search.registry import Entry, Grants

FILE_KIND = "record_file"
ARCHIVED_KIND = "archived_file"
ARCHIVED = (FileStatus.TRANSFERRED, FileStatus.DESTROYED)
READING = (AccessStatus.APPROVED, AccessStatus.LENT)
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

    def _readers(self, file: RecordFile) -> tuple[tuple[int, date], ...]:
        return ()

    def keys_for(self, target: models.Model, action: str) -> Sequence[UUID]:
        if isinstance(target, RecordFile):
            return [target.uuid]
        if isinstance(target, FileItem | AccessRequest):
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
            readers=self._readers(file),
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
    """Every file, under its unit, and to its readers through their last day."""

    def _queryset(self) -> QuerySet[RecordFile]:
        today = timezone.localdate()
        reading = AccessRequest.objects.filter(
            status__in=READING, valid_from__lte=today, valid_until__gte=today
        ).only("file_id", "requester_id", "valid_until")
        return (
            super()
            ._queryset()
            .prefetch_related(Prefetch("access_requests", queryset=reading, to_attr="readers"))
        )

    def _readers(self, file: RecordFile) -> tuple[tuple[int, date], ...]:
        last: dict[int, date] = {}
        for request in getattr(file, "readers", []):
            if (day := request.valid_until) is not None:  # always: the prefetch asks for a day
                last[request.requester_id] = max(day, last.get(request.requester_id, day))
        return tuple(sorted(last.items()))


def stale_loans_reindex(*, today: date) -> int:
    """Re-index the files of loans past their last day and not back. Their borrowers stopped
    finding them at midnight (the query compares the day); this drops the spent grant from the
    index, so `verify` finds the entry as the database has it. Called by the daily job inside
    its transaction."""
    uuids = set(
        AccessRequest.objects.filter(status=AccessStatus.LENT, valid_until__lt=today).values_list(
            "file__uuid", flat=True
        )
    )
    for file_uuid in sorted(uuids):
        outbox.enqueue(FILE_KIND, file_uuid)
    return len(uuids)


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
