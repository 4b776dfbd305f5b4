"""iCalendar (RFC 5545) feeds of the published weeks: per leader, per room, per unit.

Each entry is one event whose UID is its lineage, so a phone that subscribed updates the event
when the week is amended (SEQUENCE is the version number); an entry the amendment removed is
sent as cancelled. Secret entries are shown as the feed's owner may see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from vanphong.core import audit
from vanphong.org.models import Person
from vanphong.planning.changes import compare, previous_version
from vanphong.planning.models import (
    Entry,
    EntryLeader,
    FeedScope,
    FeedToken,
    ScheduleVersion,
    Session,
    VersionStatus,
)
from vanphong.planning.selectors import clearance_units, cleared, entries

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKS_BACK = 8  # how far back a feed reaches; a phone keeps what it already has
# When an entry has no time, the usual hours of its session.
SESSION_TIMES = {
    Session.MORNING: (time(7, 30), time(11, 30)),
    Session.AFTERNOON: (time(13, 30), time(17, 0)),
    Session.EVENING: (time(19, 0), time(21, 0)),
}


def _span(entry: Entry) -> tuple[datetime, datetime]:
    default_start, default_end = SESSION_TIMES[Session(entry.session)]
    start = entry.starts_at or default_start
    if entry.ends_at is not None:
        end = entry.ends_at
    elif entry.starts_at is not None:
        end = (datetime.combine(entry.day, start) + timedelta(minutes=90)).time()
    else:
        end = default_end
    return (
        datetime.combine(entry.day, start, tzinfo=ZONE),
        datetime.combine(entry.day, max(end, start), tzinfo=ZONE),
    )


def _matches(feed: FeedToken) -> Q:
    if feed.scope == FeedScope.LEADER:
        return Q(attendance__person_id=feed.person_id)
    if feed.scope == FeedScope.ROOM:
        return Q(room_id=feed.room_id)
    return (
        Q(version__schedule__committee_id=feed.unit_id)
        | Q(units__id=feed.unit_id)
        | Q(preparing_unit_id=feed.unit_id)
    )


@transaction.atomic
def feeds_revoke_of(*, person: Person, actor: Person | None, reason: str) -> int:
    """org's credentials hook: a new password or a deactivation revokes every calendar link the
    person owns (a link is a password of its own, and may sit on a lost phone). org has
    checked the actor's authority; this runs inside its transaction."""
    live = list(FeedToken.objects.select_for_update().filter(owner=person, revoked_at__isnull=True))
    now = timezone.now()
    for feed in live:
        feed.revoked_at = now
        feed.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            action="feed.revoke",
            target=feed,
            after={"revoked": True, "reason": reason},
        )
    return len(live)


def feed_name(feed: FeedToken) -> str:
    if feed.scope == FeedScope.LEADER and feed.person is not None:
        return _("Lịch công tác: %(name)s") % {"name": feed.person.full_name}
    if feed.scope == FeedScope.ROOM and feed.room is not None:
        return _("Lịch phòng họp: %(name)s") % {"name": feed.room.name}
    return _("Lịch công tác: %(name)s") % {"name": feed.unit.name if feed.unit else ""}


EVENT_SECONDS = 7 * 24 * 3600  # an event of a published week never changes; memory is the limit


def _cache() -> BaseCache:
    return caches["feeds"]


def _mark_label(mark: str) -> str:
    return {"new": _("Bổ sung"), "changed": _("Điều chỉnh"), "removed": _("Hủy")}.get(mark, "")


def _timezone_block() -> bytes:
    """Asia/Ho_Chi_Minh as a VTIMEZONE: built once per process (icalendar takes tens of
    milliseconds to derive it from the zone's transitions)."""
    block = _cache().get("planning:vtimezone")
    if block is None:
        holder = Calendar()
        holder.add_component(Timezone.from_tzinfo(ZONE))
        block = _inner(holder.to_ical())
        _cache().set("planning:vtimezone", block, None)
    return bytes(block)


def _inner(calendar: bytes) -> bytes:
    """The components of a serialised VCALENDAR, without its own BEGIN/END lines."""
    lines = calendar.split(b"\r\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(b"BEGIN:V") and i)
    end = max(i for i, line in enumerate(lines) if line == b"END:VCALENDAR")
    return b"\r\n".join(lines[start:end]) + b"\r\n"


@dataclass(frozen=True)
class _Wanted:
    entry_id: int
    version: ScheduleVersion
    mark: str  # "", "new", "changed", "removed"
    visible: bool


def _marks(older: ScheduleVersion, newer: ScheduleVersion) -> tuple[dict[str, str], list[int]]:
    """What an amendment changed, by lineage, and the ids of the entries it removed: kept
    with the events, since neither version can change once published."""
    key = f"planning:marks:{older.uuid}:{newer.uuid}"
    kept = _cache().get(key)
    if kept is None:
        changes = compare(older, newer)
        marks = {str(lineage): "new" for lineage in changes.added}
        marks.update({str(lineage): "changed" for lineage in changes.changed})
        kept = (marks, [entry.pk for entry in changes.removed])
        _cache().set(key, kept, EVENT_SECONDS)
    return kept  # type: ignore[no-any-return]


def calendar(feed: FeedToken, *, today: date | None = None) -> bytes:
    """The feed's events: published weeks from WEEKS_BACK weeks ago on.

    A published version never changes, so each event is serialised once per process and kept
    (keyed by the entry, what marks it and whether the owner may read it). A phone polling its
    feed costs a few plain queries and a lookup per event; entries are loaded whole only for
    events not serialised yet."""
    today = today or timezone.localdate()
    since = today - timedelta(days=today.weekday() + 7 * WEEKS_BACK)
    versions = {
        v.pk: v
        for v in ScheduleVersion.objects.filter(
            status=VersionStatus.PUBLISHED, schedule__monday__gte=since
        ).select_related("schedule__committee")
    }
    owner = feed.owner
    rows = list(
        Entry.objects.filter(_matches(feed), version__in=list(versions))
        .values_list("pk", "lineage", "confidentiality", "version_id")
        .distinct()
    )
    removed: list[tuple[int, ScheduleVersion]] = []
    marks: dict[int, dict[str, str]] = {}
    for version in versions.values():
        if version.number > 1 and (older := previous_version(version)) is not None:
            marks[version.pk], gone = _marks(older, version)
            removed += [(pk, version) for pk in gone]
    if removed:
        matching = set(
            Entry.objects.filter(_matches(feed), pk__in=[pk for pk, _ in removed]).values_list(
                "pk", flat=True
            )
        )
        removed = [(pk, version) for pk, version in removed if pk in matching]
        rows += list(
            Entry.objects.filter(pk__in=[pk for pk, _ in removed]).values_list(
                "pk", "lineage", "confidentiality", "version_id"
            )
        )
    removed_ids = dict(removed)
    secret = [pk for pk, _lineage, level, _version in rows if level]
    attending = set(
        EntryLeader.objects.filter(entry_id__in=secret, person=owner).values_list(
            "entry_id", flat=True
        )
    )
    units_of: dict[int, tuple[int, ...]] = {}
    wanted = []
    for pk, lineage, level, version_id in rows:
        version = removed_ids.get(pk) or versions[version_id]
        committee = version.schedule.committee
        if committee.pk not in units_of:
            units_of[committee.pk] = clearance_units(committee)
        visible = cleared(owner, level, units_of[committee.pk], attends=pk in attending)
        mark = "removed" if pk in removed_ids else marks.get(version.pk, {}).get(str(lineage), "")
        wanted.append(_Wanted(pk, version, mark, visible))
    # One cache entry per published version holds all its serialised events: a lookup per
    # event (key validation, locking, unpickling) cost as much as the rest of a warm feed.
    language = get_language() or ""
    held: dict[int, dict[tuple[int, str, bool], bytes]] = {}
    for version in {w.version.pk: w.version for w in wanted}.values():
        held[version.pk] = _cache().get(f"planning:vevents:{version.uuid}:{language}") or {}
    missing = [w for w in wanted if (w.entry_id, w.mark, w.visible) not in held[w.version.pk]]
    if missing:
        loaded = {entry.pk: entry for entry in entries(None, ids=[w.entry_id for w in missing])}
        stamp = timezone.now()
        for w in missing:
            event = _event(loaded[w.entry_id], w.version, stamp, _mark_label(w.mark), w.visible)
            if w.mark == "removed":
                event.add("status", "CANCELLED")
            held[w.version.pk][(w.entry_id, w.mark, w.visible)] = event.to_ical()
        for version in {w.version.pk: w.version for w in missing}.values():
            _cache().set(
                f"planning:vevents:{version.uuid}:{language}", held[version.pk], EVENT_SECONDS
            )
    cal = Calendar()
    cal.add("prodid", "-//vanphong//lich cong tac//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", feed_name(feed))
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    header = bytes(cal.to_ical()).removesuffix(b"END:VCALENDAR\r\n")
    events = b"".join(held[w.version.pk][(w.entry_id, w.mark, w.visible)] for w in wanted)
    return header + _timezone_block() + events + b"END:VCALENDAR\r\n"


def _event(
    entry: Entry, version: ScheduleVersion, stamp: datetime, mark: str, visible: bool
) -> Event:
    start, end = _span(entry)
    event = Event()
    event.add("uid", f"{entry.lineage}@vanphong")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("sequence", version.number)
    summary = entry.content if visible else _("Bận")
    event.add("summary", f"[{mark}] {summary}" if mark else summary)
    lines = []
    leaders = ", ".join(a.person.full_name for a in entry.attending())
    if leaders:
        lines.append(_("Lãnh đạo dự: %(names)s") % {"names": leaders})
    if visible:
        place = entry.room.name if entry.room is not None else ""
        if entry.place:
            place = f"{place}, {entry.place}" if place else entry.place
        if place:
            event.add("location", place)
        attending = ", ".join(u.name for u in entry.unit_list())
        if attending:
            lines.append(_("Thành phần: %(units)s") % {"units": attending})
        if entry.preparing_unit is not None:
            lines.append(_("Chuẩn bị: %(unit)s") % {"unit": entry.preparing_unit.name})
        if entry.note:
            lines.append(entry.note)
        event.add("class", "PUBLIC" if not entry.confidentiality else "CONFIDENTIAL")
    else:
        event.add("class", "PRIVATE")
    if mark and version.change_note:
        lines.append(
            _("%(mark)s ở bản %(number)s: %(note)s")
            % {"mark": mark, "number": version.number, "note": version.change_note}
        )
    if lines:
        event.add("description", "\n".join(lines))
    return event
