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
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import people_holding, scope_for
from vanphong.planning.models import (
    Attendee,
    Body,
    Entry,
    EntryLeader,
    MonthlyPlan,
    ProgrammeItem,
    Room,
    Schedule,
    ScheduleKind,
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


def programme_text(programme: WorkProgramme) -> str:
    """The body of the CTr document: the items by quarter and month, as the Office writes it."""
    lines = [programme.title.upper(), ""]
    items = list(programme.items.select_related("lead_unit").order_by("position"))
    for quarter in range(1, 5):
        chosen = [i for i in items if i.period_quarter == quarter]
        if not chosen:
            continue
        lines.append(_("QUÝ %(q)s") % {"q": ("I", "II", "III", "IV")[quarter - 1]})
        for item in chosen:
            when = _("tháng %(m)s") % {"m": item.month} if item.month else _("trong quý")
            lines.append(
                f"- {item.content} ({Body(item.body).label}; {when}; "
                f"{_('chủ trì')}: {item.lead_unit.name})"
            )
        lines.append("")
    return "\n".join(lines).strip()


def monthly_plans_visible(person: Person) -> QuerySet[MonthlyPlan]:
    return MonthlyPlan.objects.filter(_committees_seen(person)).select_related("committee")


# --- schedules ------------------------------------------------------------------------------


def schedule_title(committee: Unit, kind: str) -> str:
    """The heading of a week's schedule: whose week it is."""
    if kind == ScheduleKind.OFFICE:
        office = office_of(committee)
        whose = office.name if office is not None else committee.name
    else:
        whose = f"{_('Thường trực')} {committee.name}"
    return f"{_('LỊCH CÔNG TÁC TUẦN CỦA')} {whose}".upper()


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


def opens_unpublished(person: Person | None, committee: Unit) -> bool:
    """Whether the person may read a committee's versions still being compiled: its Office's
    compilers and the committee's leaders."""
    return can_compile(person, committee) or scope_for(person).holds(
        committee.pk, Role.COMMITTEE_LEADER
    )


def versions_visible(person: Person, schedule: Schedule) -> QuerySet[ScheduleVersion]:
    versions = schedule.versions.select_related("compiled_by", "approved_by", "published_by")
    if opens_unpublished(person, schedule.committee):
        return versions
    return versions.filter(status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED])


def current_published(schedule: Schedule) -> ScheduleVersion | None:
    return schedule.versions.filter(status=VersionStatus.PUBLISHED).first()


def open_version(schedule: Schedule) -> ScheduleVersion | None:
    return schedule.versions.filter(
        status__in=[VersionStatus.DRAFT, VersionStatus.APPROVED]
    ).first()


def entries(
    versions: Iterable[ScheduleVersion] | None, *, ids: Iterable[int] | None = None
) -> list[Entry]:
    """The entries of `versions` (only `ids`, if given; any version if None) with everything
    a page, print or feed shows, in a fixed number of queries however many entries there are.

    The relations are read as plain rows and attached as lists that share one instance per
    person, unit or document: Django's prefetch would build a model instance per relation row
    and a queryset per access — most of the cost of a week of 300 entries."""
    found = Entry.objects.all()
    if versions is not None:
        found = found.filter(version__in=list(versions))
    if ids is not None:
        found = found.filter(pk__in=list(ids))
    rows = list(found.order_by("day", "session", "starts_at", "id"))
    by_id = {entry.pk: entry for entry in rows}
    for entry in rows:
        entry.units_list = []  # type: ignore[attr-defined]
        entry.incoming_docs = []  # type: ignore[attr-defined]
        entry.outgoing_docs = []  # type: ignore[attr-defined]
    if not rows:
        return rows
    rooms = Room.objects.in_bulk({e.room_id for e in rows if e.room_id is not None})
    preparing = Unit.objects.only("id", "name", "short_name").in_bulk(
        {e.preparing_unit_id for e in rows if e.preparing_unit_id is not None}
    )
    for entry in rows:
        if entry.room_id is not None:
            entry.room = rooms[entry.room_id]
        if entry.preparing_unit_id is not None:
            entry.preparing_unit = preparing[entry.preparing_unit_id]
    attach_attendance(rows)
    units = Unit.objects.only("id", "name", "short_name")
    _attach(by_id, Entry.units.through, "unit_id", units, "units_list")
    _attach(
        by_id,
        Entry.incoming.through,
        "incomingdocument_id",
        IncomingDocument.objects.all(),
        "incoming_docs",
    )
    _attach(
        by_id,
        Entry.outgoing.through,
        "outgoingdocument_id",
        OutgoingDocument.objects.all(),
        "outgoing_docs",
    )
    return rows


def attach_attendance(rows: Iterable[Entry]) -> None:
    """Each entry's leaders, in order, as `Attendee`s sharing one Person each."""
    by_id = {entry.pk: entry for entry in rows}
    for entry in by_id.values():
        entry.attending_list = []  # type: ignore[attr-defined]
    attendance = list(
        EntryLeader.objects.filter(entry_id__in=list(by_id))
        .order_by("entry_id", "position")
        .values_list("entry_id", "person_id", "position")
    )
    people = Person.objects.only("id", "uuid", "full_name", "username").in_bulk(
        {person for _, person, _ in attendance}
    )
    for entry_id, person_id, position in attendance:
        by_id[entry_id].attending_list.append(  # type: ignore[attr-defined]
            Attendee(person_id, people[person_id], position)
        )


def _attach(
    by_id: dict[int, Entry], through: Any, column: str, targets: QuerySet[Any], name: str
) -> None:
    links = list(through.objects.filter(entry_id__in=list(by_id)).values_list("entry_id", column))
    if not links:
        return
    shared = targets.in_bulk({target for _, target in links})
    for entry_id, target in links:
        getattr(by_id[entry_id], name).append(shared[target])


def clearance_units(committee: Unit) -> tuple[int, ...]:
    """Where a clearance counts for a committee's entries: the committee and its Office."""
    office = office_of(committee)
    return (committee.pk, office.pk) if office is not None else (committee.pk,)


def sees_entry(person: Person | None, entry: Entry, units: tuple[int, ...]) -> bool:
    """Whether the person may read a (possibly secret) entry's content: cleared at its level
    in the committee or its Office (`clearance_units`), or attending it."""
    attends = person is not None and any(a.person_id == person.pk for a in entry.attending())
    return cleared(person, entry.confidentiality, units, attends=attends)


def cleared(person: Person | None, level: int, units: tuple[int, ...], *, attends: bool) -> bool:
    """The rule of `sees_entry`, for callers that hold the level and attendance only. As for
    documents, a clearance held through a quản trị membership does not count: administering
    the units is not a way into what they do."""
    if not level or attends:
        return True
    scope = scope_for(person)
    working = scope.units_with_role(*DOCUMENT_ROLES)
    return any(unit in working and scope.sees(unit, level) for unit in units)


def rooms_of(committee: Unit) -> QuerySet[Room]:
    return Room.objects.filter(committee=committee, is_active=True)


def rooms_visible(person: Person) -> QuerySet[Room]:
    return Room.objects.filter(is_active=True).select_related("committee")


def leaders_of(committee: Unit) -> list[Person]:
    """Who may appear in a schedule as a leader: the committee's leaders and its Office's."""
    leaders = people_holding(units=[committee], roles=[Role.COMMITTEE_LEADER])
    office = office_of(committee)
    if office is not None:
        leaders |= people_holding(units=[office], roles=[Role.OFFICE_LEADER])
    return list(leaders.order_by("full_name"))


def leaders_among(units: QuerySet[Unit]) -> QuerySet[Person]:
    """The leaders whose calendar a person may ask for: committee leaders of the committees
    among `units` and the leaders of their Offices, in one query."""
    return people_holding(units=units, roles=[Role.COMMITTEE_LEADER]) | people_holding(
        units=units.filter(kind=UnitKind.OFFICE), roles=[Role.OFFICE_LEADER]
    )
