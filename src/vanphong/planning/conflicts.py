"""The conflict engine: what an entry clashes with in the live week — a leader elsewhere,
the room taken, a day off — and which clashes of a version are still unresolved. Reads only;
the schedule services decide what a clash kept needs (a reason) and write it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from vanphong.core import workdays
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Clearance, Person, Unit
from vanphong.planning.models import (
    LIVE_STATUSES,
    SESSION_HOURS,
    ConflictKind,
    Entry,
    EntryLeader,
    Override,
    Room,
    ScheduleVersion,
    Session,
    VersionStatus,
)
from vanphong.planning.selectors import (
    attach_attendance,
    can_approve,
    clearance_units,
    opens_unpublished,
    sees_entry,
)
from vanphong.planning.selectors import entries as entries_of

# Without an end time an entry is taken to last this long, within its session.
DEFAULT_LENGTH = timedelta(minutes=90)


@dataclass(frozen=True)
class EntryData:
    """What the compiler typed for one entry."""

    day: date
    session: str
    content: str
    starts_at: time | None = None
    ends_at: time | None = None
    room: Room | None = None
    place: str = ""
    preparing_unit: Unit | None = None
    note: str = ""
    confidentiality: int = Clearance.UNCLASSIFIED
    leaders: Sequence[Person] = ()
    units: Sequence[Unit] = ()
    incoming: Sequence[IncomingDocument] = ()
    outgoing: Sequence[OutgoingDocument] = ()


@dataclass(frozen=True)
class Conflict:
    kind: str
    subject: str  # what the override names: the other entry's lineage, or the day
    message: str
    other: Entry | None = None


class ConflictError(ValidationError):
    """Conflicts the compiler has not overridden; the entry is not saved."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = list(conflicts)
        super().__init__([c.message for c in conflicts])


def _span(day_session: str, starts_at: time | None, ends_at: time | None) -> tuple[time, time]:
    low, high = SESSION_HOURS[day_session]
    if starts_at is None:
        return low, high
    if ends_at is not None:
        return starts_at, ends_at
    assumed = (datetime.combine(date.min, starts_at) + DEFAULT_LENGTH).time()
    return starts_at, min(assumed, high) if assumed > starts_at else high


def _overlaps(a: Entry | EntryData, b: Entry) -> bool:
    if a.day != b.day or a.session != b.session:
        return False
    a_start, a_end = _span(a.session, a.starts_at, a.ends_at)
    b_start, b_end = _span(b.session, b.starts_at, b.ends_at)
    return a_start < b_end and b_start < a_end


def _live(version: ScheduleVersion, prefix: str = "") -> Q:
    """Entries that are the week as it is or will be: this version, and the open or published
    versions of every other schedule (an older version of this one is being replaced).
    A join condition, not a subquery: the (person, day) and (room, day) indexes lead."""
    return Q(**{f"{prefix}version": version}) | (
        Q(**{f"{prefix}version__status__in": LIVE_STATUSES})
        & ~Q(**{f"{prefix}version__schedule_id": version.schedule_id})
    )


def _newest_per_lineage(found: Sequence[Entry]) -> list[Entry]:
    best: dict[tuple[int, Any], Entry] = {}
    for entry in found:
        key = (entry.version.schedule_id, entry.lineage)
        if key not in best or entry.version.number > best[key].version.number:
            best[key] = entry
    return list(best.values())


def _candidates(
    version: ScheduleVersion, days: Sequence[date], leader_ids: Sequence[int], rooms: Sequence[int]
) -> list[Entry]:
    """Live entries on `days` that take one of the leaders or rooms: two indexed lookups,
    (person, day) on attendance and (room, day) on entries, never a scan of the history."""
    ids = set()
    if leader_ids:
        ids |= set(
            EntryLeader.objects.filter(
                _live(version, "entry__"), person_id__in=leader_ids, day__in=days
            ).values_list("entry_id", flat=True)
        )
    if rooms:
        ids |= set(
            Entry.objects.filter(_live(version), room_id__in=rooms, day__in=days).values_list(
                "pk", flat=True
            )
        )
    if not ids:
        return []
    found = list(
        Entry.objects.filter(pk__in=ids).select_related("version__schedule__committee", "room")
    )
    attach_attendance(found)
    return _newest_per_lineage(found)


class _Named:
    """What a clash message may say of the other entry to the person who reads it: its
    content only where the week page would show it to them — a version they may open (a
    published week, or one their committee is compiling and they compile or lead) and, at the
    entry's secrecy level, not "Bận". Otherwise the entry is "Bận", as on the page: the time
    and the leaders (whom the reader chose) are all the message tells."""

    def __init__(self, reader: Person | None) -> None:
        self.reader = reader
        self._opens: dict[int, bool] = {}
        self._units: dict[int, tuple[int, ...]] = {}

    def opens(self, entry: Entry) -> bool:
        """Whether the reader may open the entry's version."""
        committee = entry.version.schedule.committee
        if entry.version.status in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED):
            return True
        if committee.pk not in self._opens:
            self._opens[committee.pk] = opens_unpublished(self.reader, committee)
        return self._opens[committee.pk]

    def reads(self, entry: Entry) -> bool:
        """Whether the reader may read the entry's content at its secrecy level."""
        committee = entry.version.schedule.committee
        if committee.pk not in self._units:
            self._units[committee.pk] = clearance_units(committee)
        return sees_entry(self.reader, entry, self._units[committee.pk])

    def content(self, entry: Entry) -> str:
        if not self.opens(entry):
            return _("Bận")
        if not self.reads(entry):
            return _("Bận (nội dung mật)")
        return entry.content[:120]


def _clashes(
    data: EntryData,
    candidates: Sequence[Entry],
    calendar: workdays.WorkCalendar,
    itself: Entry | None,
    named: _Named,
) -> list[Conflict]:
    found: list[Conflict] = []
    leader_ids = {person.pk for person in data.leaders}
    for entry in candidates:
        if itself is not None and (
            entry.pk == itself.pk
            or (entry.lineage == itself.lineage and entry.version_id == itself.version_id)
        ):
            continue
        if not _overlaps(data, entry):
            continue
        names = [a.person.full_name for a in entry.attending() if a.person_id in leader_ids]
        if names:
            found.append(
                Conflict(
                    ConflictKind.LEADER,
                    str(entry.lineage),
                    _("%(names)s đã có lịch %(when)s: %(content)s.")
                    % {
                        "names": ", ".join(names),
                        "when": _when(entry),
                        "content": named.content(entry),
                    },
                    entry,
                )
            )
        if data.room is not None and entry.room_id == data.room.pk:
            found.append(
                Conflict(
                    ConflictKind.ROOM,
                    str(entry.lineage),
                    _("Phòng %(room)s đã được dùng %(when)s: %(content)s.")
                    % {
                        "room": data.room.name,
                        "when": _when(entry),
                        "content": named.content(entry),
                    },
                    entry,
                )
            )
    holiday = calendar.holiday_name(data.day)
    if holiday:
        found.append(
            Conflict(
                ConflictKind.HOLIDAY,
                data.day.isoformat(),
                _("Ngày %(day)s là ngày nghỉ (%(name)s).")
                % {"day": data.day.strftime("%d/%m/%Y"), "name": holiday},
            )
        )
    return found


def conflicts(
    version: ScheduleVersion,
    data: EntryData,
    *,
    reader: Person | None,
    itself: Entry | None = None,
) -> list[Conflict]:
    """Clashes of `data` with the live week: a leader elsewhere, the room taken, a day off;
    worded for `reader` (see _Named)."""
    candidates = _candidates(
        version,
        [data.day],
        [person.pk for person in data.leaders],
        [data.room.pk] if data.room is not None else [],
    )
    return _clashes(data, candidates, workdays.WorkCalendar.load(data.day), itself, _Named(reader))


def _when(entry: Entry) -> str:
    at = f" {entry.starts_at.strftime('%H:%M')}" if entry.starts_at else ""
    return f"{Session(entry.session).label.lower()}{at} {entry.day.strftime('%d/%m')}"


def _data_of(entry: Entry) -> EntryData:
    return EntryData(
        day=entry.day,
        session=entry.session,
        content=entry.content,
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        room=entry.room,
        place=entry.place,
        preparing_unit=entry.preparing_unit,
        note=entry.note,
        confidentiality=entry.confidentiality,
        leaders=[a.person for a in entry.attending()],
        units=list(entry.unit_list()),
        incoming=list(entry.incoming_list()),
        outgoing=list(entry.outgoing_list()),
    )


def unresolved(version: ScheduleVersion, *, reader: Person | None) -> list[tuple[Entry, Conflict]]:
    """Conflicts of the version's entries that have no override (another schedule may have
    taken a leader or a room since the entry was written): a fixed number of queries. The
    messages are worded for `reader` (see _Named)."""
    mine = list(entries_of([version]))
    if not mine:
        return []
    monday = version.schedule.monday
    days = [monday + timedelta(days=offset) for offset in range(7)]
    leader_ids = sorted({a.person_id for e in mine for a in e.attending()})
    rooms = sorted({e.room_id for e in mine if e.room_id is not None})
    candidates = _candidates(version, days, leader_ids, rooms)
    calendar = workdays.WorkCalendar.load(days[0], days[-1])
    # A clash kept with a reason on either of its two entries is kept (see _accepted_by_other).
    accepted = {
        (str(lineage), kind, subject)
        for lineage, kind, subject in Override.objects.filter(
            entry__in=[*mine, *candidates]
        ).values_list("entry__lineage", "kind", "subject")
    }
    missing: list[tuple[Entry, Conflict]] = []
    named = _Named(reader)
    for entry in mine:
        for conflict in _clashes(_data_of(entry), candidates, calendar, entry, named):
            own = (str(entry.lineage), conflict.kind, conflict.subject)
            theirs = (conflict.subject, conflict.kind, str(entry.lineage))
            if own not in accepted and theirs not in accepted:
                missing.append((entry, conflict))
    return missing


def kept_reasons(version: ScheduleVersion, *, reader: Person | None) -> dict[int, list[str]]:
    """Why each clash of the version's entries was kept, by entry id, for a reader who may
    approve the week (the Office's leaders); nobody else is told. A reason kept against
    another entry the reader could not read (secret to them, or in a version they may not
    open) is left out, since it may name that entry. Three queries."""
    if reader is None or not can_approve(reader, version.schedule.committee):
        return {}
    kept = list(
        Override.objects.filter(entry__version=version)
        .order_by("entry_id", "id")
        .values_list("entry_id", "kind", "subject", "reason")
    )
    lineages = set()
    for _entry, kind, subject, _reason in kept:
        if kind != ConflictKind.HOLIDAY:
            try:
                lineages.add(UUID(subject))
            except ValueError:
                continue
    found = list(
        Entry.objects.filter(lineage__in=lineages).select_related("version__schedule__committee")
    )
    attach_attendance(found)
    others = {str(entry.lineage): entry for entry in _newest_per_lineage(found)}
    named = _Named(reader)
    reasons: dict[int, list[str]] = {}
    for entry_id, kind, subject, reason in kept:
        if kind != ConflictKind.HOLIDAY:
            other = others.get(subject)
            if other is None or not (named.opens(other) and named.reads(other)):
                continue
        reasons.setdefault(entry_id, []).append(reason)
    return reasons
