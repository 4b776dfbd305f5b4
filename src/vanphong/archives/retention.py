"""When a file's retention runs out, and the files of an archive past it.

The rule (our reading of the practice, documented in the notes): retention counts in whole
calendar years from the year after the work the file documents ended. The end year is the year
of `work_ended_on`, else of `last_date` (the file's last document), else the file's own `year`.
A file kept N years expires on 31 December of end year + N: a 2011 file kept 5 years is kept
through 2012–2016, expires on 31/12/2016 and may be proposed for disposal from 01/01/2017. A
permanent file (`retention_years IS NULL`) never expires.

The archive's custody (`in_custody`): the files the archive unit holds — transferred to it, or
closed and assigned to it (`archive_unit` set) while kept back at their unit.
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, IntegerField, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from vanphong.archives.models import FileStatus, RecordFile
from vanphong.org.models import Unit

CUSTODY_STATUSES = (FileStatus.CLOSED, FileStatus.TRANSFERRED)


def end_year(file: RecordFile) -> int:
    """The year the work ended, from which the retention counts."""
    if file.work_ended_on is not None:
        return file.work_ended_on.year
    if file.last_date is not None:
        return file.last_date.year
    return int(file.year)


def retention_expires_on(file: RecordFile) -> date | None:
    """The last day the file must be kept; None for a permanent file."""
    if file.retention_years is None:
        return None
    return date(end_year(file) + int(file.retention_years), 12, 31)


def is_past_retention(file: RecordFile, on: date) -> bool:
    expires = retention_expires_on(file)
    return expires is not None and expires < on


def in_custody(archive_unit: Unit) -> QuerySet[RecordFile]:
    return RecordFile.objects.filter(archive_unit=archive_unit, status__in=CUSTODY_STATUSES)


def past_retention(files: QuerySet[RecordFile], on: date) -> QuerySet[RecordFile]:
    """Those of `files` whose retention ended before `on`: end year + retention < on's year
    (the same rule as `retention_expires_on`, in SQL)."""
    ended = Coalesce(
        ExtractYear("work_ended_on"),
        ExtractYear("last_date"),
        F("year"),
        output_field=IntegerField(),
    )
    return (
        files.filter(retention_years__isnull=False)
        .alias(expires_year=ended + F("retention_years"))
        .filter(expires_year__lt=on.year)
    )


def files_past_retention(archive_unit: Unit, on: date) -> QuerySet[RecordFile]:
    """The archive's files past their retention. Not scoped to a reader: callers intersect
    it with `files_visible`."""
    return past_retention(in_custody(archive_unit), on)
