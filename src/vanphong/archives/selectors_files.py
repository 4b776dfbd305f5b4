"""Reads of the files being compiled, on top of `selectors.files_visible` (the one rule for
who sees a file): the filtered list, a file's index, which files hold a document, and the
open files a person may file into."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from vanphong.archives import workflow
from vanphong.archives.models import FileItem, FileStatus, RecordFile
from vanphong.archives.selectors import files_visible
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import scope_for

RETENTION_PERMANENT = "vinh-vien"


def files_filtered(
    person: Person,
    *,
    unit: Unit | None = None,
    year: int | None = None,
    status: str = "",
    retention: str = "",
) -> QuerySet[RecordFile]:
    """The files the person sees, narrowed: `retention` is "vinh-vien" or a number of years."""
    files = files_visible(person)
    if unit is not None:
        files = files.filter(unit=unit)
    if year is not None:
        files = files.filter(year=year)
    if status:
        files = files.filter(status=status)
    if retention == RETENTION_PERMANENT:
        files = files.filter(retention_years__isnull=True)
    elif retention.isdigit():
        files = files.filter(retention_years=int(retention))
    return files.select_related("unit", "responsible").order_by("-year", "unit_id", "code", "id")


def items_of(file: RecordFile) -> QuerySet[FileItem]:
    """A file's index (whoever sees the file sees every line: it is as secret as its items)."""
    return FileItem.objects.filter(file=file).order_by("position", "id")


def files_holding(person: Person, kind: str, source_uuid: UUID) -> QuerySet[RecordFile]:
    """The files the person sees that hold the document."""
    return (
        files_visible(person)
        .filter(items__kind=kind, items__source_uuid=source_uuid)
        .select_related("unit")
        .order_by("year", "code", "id")
        .distinct()
    )


def compiling_units(person: Person) -> frozenset[int]:
    return scope_for(person).units_with_role(*workflow.COMPILER_ROLES)


def open_files_for(person: Person, *, year: int | None = None) -> QuerySet[RecordFile]:
    """The open files the person may file into: of the units they compile for, visible."""
    files = files_visible(person).filter(
        status=FileStatus.OPEN, unit_id__in=compiling_units(person)
    )
    if year is not None:
        files = files.filter(year=year)
    return files.select_related("unit").order_by("-year", "unit_id", "code")
