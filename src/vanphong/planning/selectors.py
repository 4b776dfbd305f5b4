"""Reads of plans and schedules, scoped to what the person may see, and who may do what.

- The Office of a committee (its child unit of kind Văn phòng) compiles; the Office's leaders
  approve and publish. That is the only way to change a plan or a schedule.
- A programme or monthly plan is seen by those who see its committee (a membership there or
  above) and by its Office.
- A published schedule is seen by everyone in the installation; a version still being
  compiled only by the Office and the committee's leaders.
- A secret entry shows its content only to people cleared at that level for the committee,
  or attending it; everyone else sees the leaders as busy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for
from vanphong.planning.models import (
    Entry,
    EntryLeader,
    MonthlyPlan,
    ProgrammeItem,
    Room,
    Schedule,
    ScheduleVersion,
    VersionStatus,
    WorkProgramme,
)

COMPILER_ROLES = (Role.CLERK, Role.SPECIALIST, Role.OFFICE_LEADER)


def office_of(committee: Unit) -> Unit | None:
    return (
        Unit.objects.filter(parent=committee, kind=UnitKind.OFFICE, is_active=True)
        .order_by("sort_order", "id")
        .first()
    )


def compiles_for(person: Person | None) -> list[Unit]:
    """The committees whose plans and schedules the person compiles (as Office staff)."""
    scope = scope_for(person)
    offices = [unit for unit, roles in scope.roles_by_unit.items() if roles & set(COMPILER_ROLES)]
    if not offices:
        return []
    return list(
        Unit.objects.filter(children__id__in=offices, children__kind=UnitKind.OFFICE).distinct()
    )


def can_compile(person: Person | None, committee: Unit) -> bool:
    office = office_of(committee)
    return office is not None and scope_for(person).has_role(office.id, *COMPILER_ROLES)


def can_approve(person: Person | None, committee: Unit) -> bool:
    office = office_of(committee)
    return office is not None and scope_for(person).has_role(office.id, Role.OFFICE_LEADER)


def _committees_seen(person: Person) -> Q:
    scope = scope_for(person)
    seen = set(scope.unit_ids)
    # Office staff see their committee's plans: the Office sits below the committee.
    offices = Unit.objects.filter(id__in=seen, kind=UnitKind.OFFICE).values("parent_id")
    return Q(committee_id__in=seen) | Q(committee_id__in=offices)


# --- programmes and monthly plans -----------------------------------------------------------


def programmes_visible(person: Person) -> QuerySet[WorkProgramme]:
    return WorkProgramme.objects.filter(_committees_seen(person)).select_related(
        "committee", "document"
    )


def programme_items(programme: WorkProgramme) -> QuerySet[ProgrammeItem]:
    return programme.items.select_related("lead_unit").prefetch_related(
        Prefetch("supporting_units", queryset=Unit.objects.only("id", "name", "short_name"))
    )


def monthly_plans_visible(person: Person) -> QuerySet[MonthlyPlan]:
    return MonthlyPlan.objects.filter(_committees_seen(person)).select_related("committee")


# --- schedules ------------------------------------------------------------------------------


def schedules_visible(person: Person) -> QuerySet[Schedule]:
    """Every schedule with a published version, and those the person compiles or leads."""
    scope = scope_for(person)
    leading = scope.units_with_role(Role.COMMITTEE_LEADER)
    compiling = [committee.id for committee in compiles_for(person)]
    published = ScheduleVersion.objects.filter(
        status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED]
    ).values("schedule_id")
    return Schedule.objects.filter(
        Q(id__in=published) | Q(committee_id__in=[*leading, *compiling])
    ).select_related("committee")


def versions_visible(person: Person, schedule: Schedule) -> QuerySet[ScheduleVersion]:
    versions = schedule.versions.select_related("compiled_by", "approved_by", "published_by")
    scope = scope_for(person)
    if can_compile(person, schedule.committee) or scope.holds(
        schedule.committee_id, Role.COMMITTEE_LEADER
    ):
        return versions
    return versions.filter(status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED])


def current_published(schedule: Schedule) -> ScheduleVersion | None:
    return schedule.versions.filter(status=VersionStatus.PUBLISHED).first()


def open_version(schedule: Schedule) -> ScheduleVersion | None:
    return schedule.versions.filter(
        status__in=[VersionStatus.DRAFT, VersionStatus.APPROVED]
    ).first()


def entries(versions: Iterable[ScheduleVersion]) -> QuerySet[Entry]:
    """The entries of `versions` with everything a page, print or feed shows: a fixed number
    of queries however many entries there are."""
    return (
        Entry.objects.filter(version__in=list(versions))
        .select_related("room", "preparing_unit", "version__schedule__committee")
        .prefetch_related(
            Prefetch(
                "attendance",
                queryset=EntryLeader.objects.select_related("person").order_by("position"),
            ),
            Prefetch("units", queryset=Unit.objects.only("id", "name", "short_name")),
            "incoming",
            "outgoing",
        )
        .order_by("day", "session", "starts_at", "id")
    )


def clearance_units(committee: Unit) -> tuple[int, ...]:
    """Where a clearance counts for a committee's entries: the committee and its Office."""
    office = office_of(committee)
    return (committee.pk, office.pk) if office is not None else (committee.pk,)


def sees_entry(person: Person | None, entry: Entry, units: tuple[int, ...]) -> bool:
    """Whether the person may read a (possibly secret) entry's content: cleared at its level
    in the committee or its Office (`clearance_units`), or attending it."""
    if not entry.confidentiality:
        return True
    if person is not None and any(a.person_id == person.pk for a in entry.attendance.all()):
        return True
    scope = scope_for(person)
    return any(scope.sees(unit, entry.confidentiality) for unit in units)


def rooms_of(committee: Unit) -> QuerySet[Room]:
    return Room.objects.filter(committee=committee, is_active=True)


def rooms_visible(person: Person) -> QuerySet[Room]:
    return Room.objects.filter(is_active=True).select_related("committee")


def week_versions(monday: date, person: Person) -> list[ScheduleVersion]:
    """The published version of every schedule of that week (the lobby, unit feeds)."""
    return list(
        ScheduleVersion.objects.filter(
            schedule__monday=monday, status=VersionStatus.PUBLISHED
        ).select_related("schedule__committee")
    )
