"""Reads of the archives, scoped as the documents they hold are.

A file is seen by whoever would see a document of its unit at its confidentiality (the
documents' rule, `documents.selectors.unit_grants`); once transferred, also by the archivists
of the archive holding it, up to the clearance of their post; and, for the days of an approved
request, by the person who asked to read it. The same rule filters counts, registers, exports
and search.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from vanphong.archives.models import (
    AccessRequest,
    AccessStatus,
    FilePlan,
    FileStatus,
    HoldingCount,
    RecordFile,
)
from vanphong.core.access import get_visible_or_404
from vanphong.documents.selectors import unit_grants
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.org.selectors import office_of, scope_for


def archive_unit_for(unit: Unit) -> Unit:
    """The unit keeping the agency archive (lưu trữ cơ quan) for `unit`'s files: its
    committee's Office, or the unit itself where there is none."""
    return office_of(unit) or unit


def archivist_grants(person: Person) -> dict[int, tuple[int, ...]]:
    """Confidentiality level -> the archive units whose holdings of that level the person keeps
    as an archivist (the clearance of the archivist's post itself)."""
    scope = scope_for(person)
    units = scope.units_with_role(Role.ARCHIVIST)
    grants: dict[int, tuple[int, ...]] = {}
    for level in Clearance.values:
        cleared = sorted(u for u in units if scope.clearance_as(u, Role.ARCHIVIST) >= level)
        if cleared:
            grants[level] = tuple(cleared)
    return grants


def _by_grants(grants: dict[int, tuple[int, ...]], field: str) -> Q:
    rule = Q(pk__in=[])
    for level, units in grants.items():
        rule |= Q(confidentiality=level, **{f"{field}__in": units})
    return rule


def files_visible(person: Person) -> QuerySet[RecordFile]:
    today = timezone.localdate()
    lent = AccessRequest.objects.filter(
        file=OuterRef("pk"),
        requester=person,
        status__in=[AccessStatus.APPROVED, AccessStatus.LENT],
        valid_from__lte=today,
        valid_until__gte=today,
    )
    archived = _by_grants(archivist_grants(person), "archive_unit_id") & Q(
        status__in=[FileStatus.TRANSFERRED, FileStatus.DESTROYED]
    )
    return RecordFile.objects.filter(
        _by_grants(unit_grants(person), "unit_id") | archived | Q(Exists(lent))
    )


def file_get_visible(person: Person, file_uuid: UUID | str) -> RecordFile:
    files = files_visible(person).select_related(
        "unit", "responsible", "archive_unit", "transfer", "disposal"
    )
    return get_visible_or_404(files, file_uuid)


def archive_units_kept(person: Person) -> frozenset[int]:
    """The archive units where the person is an archivist."""
    return scope_for(person).units_with_role(Role.ARCHIVIST)


def plans_visible(person: Person) -> QuerySet[FilePlan]:
    """A file plan names no secret: it is seen by every member of its unit (and those above)."""
    scope = scope_for(person)
    return FilePlan.objects.filter(
        unit_id__in=scope.units_with_role(*[r for r in Role.values if r != Role.ADMIN])
    )


def plan_get_visible(person: Person, plan_uuid: UUID | str) -> FilePlan:
    return get_visible_or_404(plans_visible(person).select_related("unit"), plan_uuid)


def stored_files_uses(
    person: Person, stored_ids: list[int]
) -> dict[int, tuple[list[RecordFile], bool]]:
    """For each stored file: the record files holding a document with it that the person may
    see, and whether some other file (that the person may not see) holds one too. Four
    queries whatever the number of files."""
    from vanphong.archives.models import FileItem
    from vanphong.documents.models import Attachment

    attached = Attachment.objects.filter(file_id__in=stored_ids).values_list(
        "file_id", "incoming_id", "outgoing_id"
    )
    by_incoming: dict[int, set[int]] = {}
    by_outgoing: dict[int, set[int]] = {}
    for stored_id, incoming_id, outgoing_id in attached:
        if incoming_id is not None:
            by_incoming.setdefault(incoming_id, set()).add(stored_id)
        if outgoing_id is not None:
            by_outgoing.setdefault(outgoing_id, set()).add(stored_id)
    files_of: dict[int, set[int]] = {pk: set() for pk in stored_ids}
    items = FileItem.objects.filter(
        Q(incoming_id__in=list(by_incoming)) | Q(outgoing_id__in=list(by_outgoing))
    ).values_list("file_id", "incoming_id", "outgoing_id")
    for file_id, incoming_id, outgoing_id in items:
        for stored_id in by_incoming.get(incoming_id, set()) | by_outgoing.get(outgoing_id, set()):
            files_of[stored_id].add(file_id)
    every = {file_id for ids in files_of.values() for file_id in ids}
    visible = {f.pk: f for f in files_visible(person).filter(pk__in=every).select_related("unit")}
    return {
        stored_id: (
            sorted((visible[pk] for pk in ids if pk in visible), key=lambda f: (f.year, f.code)),
            any(pk not in visible for pk in ids),
        )
        for stored_id, ids in files_of.items()
    }


def holding_counts_visible(person: Person) -> QuerySet[HoldingCount]:
    """The rows of the holdings summary counting files the person sees, by the rule of
    `files_visible` on the summary's columns: the unit's files at a confidentiality the person
    reads by membership, and the transferred or destroyed files of an archive the person keeps
    as an archivist cleared to their level. A file the person sees only through an approved
    reading request is not counted (a request is for one file, not for the statistics)."""
    archived = _by_grants(archivist_grants(person), "archive_unit_id") & Q(
        status__in=[FileStatus.TRANSFERRED, FileStatus.DESTROYED]
    )
    return HoldingCount.objects.filter(_by_grants(unit_grants(person), "unit_id") | archived)
