"""Reads of the transfers flow: transfers, the archive's catalogue a person may request
from, the access requests a person may decide, the loans an archivist keeps, and the files due
for transfer. Scoped as archives.selectors: what a person may not see is 404, never 403.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from django.db.models import Q, QuerySet

from vanphong.archives import deadlines
from vanphong.archives.models import (
    AccessRequest,
    AccessStatus,
    FileStatus,
    RecordFile,
    Transfer,
)
from vanphong.archives.selectors import (
    _by_grants,
    archive_units_kept,
    archivist_grants,
    files_visible,
)
from vanphong.archives.workflow import COMPILER_ROLES
from vanphong.core.access import get_visible_or_404
from vanphong.org.models import COMMITTEE_KINDS, Clearance, Person, Role, Unit
from vanphong.org.selectors import leader_role, scope_for

# --- transfers, the archive's catalogue, access requests (the transfers flow) ---------------


def _committee_by_unit() -> dict[int, int | None]:
    """Every unit -> the nearest committee at or above it (one query over the tree)."""
    rows = {
        pk: (parent, kind)
        for pk, parent, kind in Unit.objects.values_list("id", "parent_id", "kind")
    }
    found: dict[int, int | None] = {}
    for pk in rows:
        current: int | None = pk
        seen = 0
        while current is not None and seen <= len(rows):
            parent, kind = rows[current]
            if kind in COMMITTEE_KINDS:
                break
            current, seen = parent, seen + 1
        found[pk] = current
    return found


def _posts(person: Person) -> dict[int, int]:
    """The units where the person holds a working post directly -> its clearance (admin posts
    are not working posts)."""
    scope = scope_for(person)
    posts: dict[int, int] = {}
    for unit_id, roles in scope.roles_by_unit.items():
        working = [r for r in roles if r != Role.ADMIN]
        if working:
            posts[unit_id] = scope.clearance_as(unit_id, *working)
    return posts


def catalogue(person: Person) -> QuerySet[RecordFile]:
    """The archive's catalogue a person may search and request from: the transferred files of
    the archives of the committees where the person holds a post, up to the highest clearance
    of the person's posts. What is not here is 404 to the person (never a 403)."""
    posts = _posts(person)
    if not posts:
        return RecordFile.objects.none()
    committees = _committee_by_unit()
    theirs = {committees.get(unit_id) for unit_id in posts} - {None}
    archives = [
        unit_id
        for unit_id in RecordFile.objects.filter(status=FileStatus.TRANSFERRED)
        .exclude(archive_unit=None)
        .values_list("archive_unit_id", flat=True)
        .distinct()
        if committees.get(unit_id) in theirs
    ]
    return RecordFile.objects.filter(
        status=FileStatus.TRANSFERRED,
        archive_unit_id__in=archives,
        confidentiality__lte=max(posts.values()),
    )


def catalogue_get(person: Person, file_uuid: UUID | str) -> RecordFile:
    return get_visible_or_404(catalogue(person).select_related("unit", "archive_unit"), file_uuid)


def access_approvable(person: Person) -> Q:
    """The rule, over AccessRequest, of the requests the person may decide
    (workflow.may_approve_access, for every archive and level at once)."""
    scope = scope_for(person)
    committees: dict[int, int | None] | None = None
    rule = Q(pk__in=[])
    for level in Clearance.values:
        if level <= Clearance.UNCLASSIFIED:
            role = Role.ARCHIVIST
        elif level == Clearance.SECRET:
            role = Role.OFFICE_LEADER
        else:
            role = Role.COMMITTEE_LEADER
        where = [u for u in scope.units_with_role(role) if scope.clearance_as(u, role) >= level]
        if not where:
            continue
        if role == Role.COMMITTEE_LEADER:
            if committees is None:
                committees = _committee_by_unit()
            chosen = set(where)
            archives = [u for u, c in committees.items() if c in chosen or u in chosen]
        else:
            archives = where
        rule |= Q(file__confidentiality=level, file__archive_unit_id__in=sorted(archives))
    return rule


def access_requests_visible(person: Person) -> QuerySet[AccessRequest]:
    """The person's own requests, those they may decide, and those of the files they keep as
    an archivist (to lend and take back)."""
    kept = _by_grants(archivist_grants(person), "archive_unit_id")
    kept_files = RecordFile.objects.filter(kept).values("pk")
    return AccessRequest.objects.filter(
        Q(requester=person) | access_approvable(person) | Q(file_id__in=kept_files)
    )


def access_request_get(person: Person, request_uuid: UUID | str) -> AccessRequest:
    found = access_requests_visible(person).select_related(
        "file", "file__unit", "file__archive_unit", "requester", "decided_by"
    )
    return get_visible_or_404(found, request_uuid)


def access_pending_for(person: Person) -> QuerySet[AccessRequest]:
    # Never one's own request: nobody decides it (services_access.access_decide).
    return AccessRequest.objects.filter(
        access_approvable(person), status=AccessStatus.PENDING
    ).exclude(requester=person)


def loans_kept(person: Person) -> QuerySet[AccessRequest]:
    """The loans of the files the person keeps as an archivist (cleared for each file)."""
    kept = _by_grants(archivist_grants(person), "archive_unit_id")
    return AccessRequest.objects.filter(
        file_id__in=RecordFile.objects.filter(kept).values("pk"), status=AccessStatus.LENT
    )


def transfers_visible(person: Person) -> QuerySet[Transfer]:
    """The transfers of the units where the person holds a working post (or above), and those
    received or to be received by an archive the person keeps. The files each lists are
    filtered by `files_visible`."""
    scope = scope_for(person)
    units = scope.units_with_role(*[r for r in Role.values if r != Role.ADMIN])
    return Transfer.objects.filter(
        Q(unit_id__in=sorted(units)) | Q(archive_unit_id__in=sorted(archive_units_kept(person)))
    )


def transfer_get_visible(person: Person, transfer_uuid: UUID | str) -> Transfer:
    found = transfers_visible(person).select_related(
        "unit", "archive_unit", "created_by", "received_by", "record"
    )
    return get_visible_or_404(found, transfer_uuid)


def latest_work_end_due_by(day: date) -> date:
    """The latest `work_ended_on` whose transfer is due on or before `day` (a work ended on
    29 February is due on 28 February, like one ended on the 28th)."""
    cutoff = deadlines.add_years(day, -deadlines.TRANSFER_WITHIN_YEARS)
    after = cutoff + timedelta(days=1)
    if deadlines.add_years(after, deadlines.TRANSFER_WITHIN_YEARS) <= day:
        return after
    return cutoff


def files_due(until: date) -> QuerySet[RecordFile]:
    """The closed files, not yet in a transfer, that must go to the archive by `until` (their
    due day or the day they are kept back to): every unit's; callers scope it."""
    return (
        RecordFile.objects.filter(
            status=FileStatus.CLOSED,
            transfer__isnull=True,
            work_ended_on__lte=latest_work_end_due_by(until),
        )
        .filter(
            Q(retention_years__isnull=True) | Q(retention_years__gte=deadlines.TRANSFER_MIN_YEARS)
        )
        .filter(Q(kept_back_until__isnull=True) | Q(kept_back_until__lte=until))
    )


def compiling_units(person: Person) -> frozenset[int]:
    """The units whose files the person compiles or heads (who transfers them)."""
    scope = scope_for(person)
    return scope.units_with_role(*COMPILER_ROLES, Role.COMMITTEE_LEADER)


def files_due_for(person: Person, until: date) -> QuerySet[RecordFile]:
    """The files due by `until` of the units the person transfers for, that the person sees."""
    return files_due(until).filter(
        unit_id__in=sorted(compiling_units(person)),
        pk__in=files_visible(person).values("pk"),
    )


def transferable_for(person: Person, unit: Unit) -> QuerySet[RecordFile]:
    """The closed files of `unit` the person sees that could go in a new transfer."""
    return (
        files_visible(person)
        .filter(unit=unit, status=FileStatus.CLOSED, transfer__isnull=True)
        .filter(
            Q(retention_years__isnull=True) | Q(retention_years__gte=deadlines.TRANSFER_MIN_YEARS)
        )
    )


def loans_overdue(person: Person, today: date) -> QuerySet[AccessRequest]:
    """The person's own loans past their day, and the overdue loans of the files they keep."""
    lent = AccessRequest.objects.filter(status=AccessStatus.LENT, valid_until__lt=today)
    return lent.filter(Q(requester=person) | Q(pk__in=loans_kept(person).values("pk")))


def heads_and_compilers(unit: Unit) -> tuple[str, ...]:
    return (*COMPILER_ROLES, leader_role(unit))
