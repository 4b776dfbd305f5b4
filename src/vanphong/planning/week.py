"""One week of a schedule as people read it: days × sessions, each entry as shown to the
person looking (secret entries are "Bận" to those not cleared), changes since the version it
amends marked. The page, the print (PDF, DOCX), the lobby screen and the feeds all use this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from vanphong.core import workdays
from vanphong.core.vietnamese import format_week, weekday_name
from vanphong.org.models import Person
from vanphong.planning.changes import Changes, compare, previous_version
from vanphong.planning.models import Entry, ScheduleVersion, Session
from vanphong.planning.selectors import clearance_units, entries, sees_entry


@dataclass(frozen=True)
class Row:
    entry: Entry
    time: str
    content: str
    place: str
    leaders: str
    units: str
    preparing: str
    note: str
    documents: list[tuple[str, str]]  # (label, url)
    hidden: bool  # secret, shown as busy
    mark: str  # "", "new" or "changed"

    @property
    def mark_label(self) -> str:
        return {"new": _("Bổ sung"), "changed": _("Điều chỉnh")}.get(self.mark, "")

    @property
    def content_html(self) -> SafeString:
        """The content cell of the page's grid, built here rather than in the template: a
        dozen template lookups a row were half the time of a week of 300 entries. Every
        piece of text goes through `escape`."""
        # The time never wraps inside ("07g30–09g00"), on a phone either.
        parts = [f'<strong class="text-nowrap">{escape(self.time)}:</strong> ' if self.time else ""]
        parts.append(f"<em>{escape(self.content)}</em>" if self.hidden else escape(self.content))
        if self.mark:
            parts.append(
                ' <span class="badge text-bg-warning" data-testid="mark">'
                f"{escape(self.mark_label)}</span>"
            )
        if self.entry.confidentiality and not self.hidden:
            label = str(self.entry.get_confidentiality_display())
            parts.append(f' <span class="badge text-bg-danger">{escape(label)}</span>')
        if self.units:
            parts.append(
                f'<div class="small">{escape(_("Thành phần"))}: {escape(self.units)}</div>'
            )
        if self.note:
            parts.append(f'<div class="small text-body-secondary">{escape(self.note)}</div>')
        parts += [
            f'<div class="small"><a href="{escape(url)}">{escape(label)}</a></div>'
            for label, url in self.documents
        ]
        return mark_safe("".join(parts))  # noqa: S308 (every piece of text escaped above)


@dataclass
class Day:
    day: date
    name: str
    holiday: str
    sessions: dict[str, list[Row]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.name}\n{self.day:%d/%m}"

    @property
    def is_empty(self) -> bool:
        return not any(self.sessions.values())

    @property
    def blocks(self) -> list[tuple[str, str, list[Row]]]:
        """The sessions that have entries, in order: (value, label, rows)."""
        return [
            (value, str(label), self.sessions[value])
            for value, label in Session.choices
            if self.sessions.get(value)
        ]


@dataclass
class Week:
    version: ScheduleVersion
    title: str
    subtitle: str
    days: list[Day]
    changes: Changes | None
    removed: list[Row]
    can_edit: bool = False  # the grid links each entry to its form
    reader: Person | None = None  # whom the entries are shown to (the print asks again)

    @property
    def grid_html(self) -> SafeString:
        """The bodies of the page's grid, one `<tbody>` a day: on a phone each day is a card
        (app.css), its cells labelled by a `vp-label` shown there only. Written here, not in a
        template: a week of 300 entries spent most of its time in per-row template lookups."""
        out: list[str] = []
        labels = [escape(_("Lãnh đạo dự")), escape(_("Địa điểm")), escape(_("Chuẩn bị"))]
        for day in self.days:
            out.append('<tbody class="vp-day" data-testid="day">')
            heading = format_html("{} <br>{}", day.name, day.day.strftime("%d/%m"))
            if day.holiday:
                heading = format_html(
                    '{}<br><span class="badge text-bg-danger">{}</span>', heading, day.holiday
                )
            if not day.blocks:
                out.append(
                    format_html(
                        '<tr><th scope="row" class="vp-day-head">{}</th>'
                        '<td colspan="5" class="text-body-secondary"></td></tr>',
                        heading,
                    )
                )
            for block, (_value, label, rows) in enumerate(day.blocks):
                for index, row in enumerate(rows):
                    first = ""
                    if index == 0:
                        first = format_html(
                            '<th scope="row" rowspan="{}" class="vp-day-head{}">{}</th>'
                            '<td rowspan="{}" class="vp-session">{}</td>',
                            len(rows),
                            " vp-day-again" if block else "",  # a card names its day once
                            heading,
                            len(rows),
                            label,
                        )
                    edit = ""
                    if self.can_edit and not row.hidden:
                        edit = format_html(
                            '<div class="small mt-1"><a href="{}">{}</a></div>',
                            reverse("planning:entry_update", args=[row.entry.uuid]),
                            _("Sửa"),
                        )
                    css = "table-warning" if row.mark else ""
                    out.append(
                        f'<tr class="{css}" data-testid="entry" data-lineage="{row.entry.lineage}">'
                        f"{first}<td>{row.content_html}{edit}</td>"
                        + "".join(
                            f'<td><span class="vp-label">{label}: </span>{escape(text)}</td>'
                            if text
                            else "<td></td>"
                            for label, text in zip(
                                labels, (row.leaders, row.place, row.preparing), strict=True
                            )
                        )
                        + "</tr>"
                    )
            out.append("</tbody>")
        return mark_safe("".join(out))  # noqa: S308 (every part went through format_html)

    @property
    def sessions(self) -> list[tuple[str, str]]:
        used = {s for day in self.days for s, rows in day.sessions.items() if rows}
        return [
            (value, str(label))
            for value, label in Session.choices
            if value != Session.EVENING or Session.EVENING in used
        ]

    def rows(self) -> list[tuple[Day, str, Row]]:
        return [
            (day, session, row)
            for day in self.days
            for session, _label in self.sessions
            for row in day.sessions.get(session, [])
        ]


def documents_seen(person: Person | None, rows: list[Entry]) -> tuple[set[int], set[int]]:
    """The linked incoming and outgoing documents (ids) the person may open: two queries for
    the whole week. A cleared compiler may link a secret document to an entry everyone reads;
    the link, which names the document, shows only to those who may open it."""
    from vanphong.documents.selectors import incoming_visible, outgoing_visible

    incoming = {d.pk for entry in rows for d in entry.incoming_list()}
    outgoing = {d.pk for entry in rows for d in entry.outgoing_list()}
    if person is None or not (incoming or outgoing):
        return set(), set()
    return (
        set(incoming_visible(person).filter(pk__in=incoming).values_list("pk", flat=True)),
        set(outgoing_visible(person).filter(pk__in=outgoing).values_list("pk", flat=True)),
    )


def _row(
    entry: Entry,
    person: Person | None,
    mark: str,
    units: tuple[int, ...],
    seen: tuple[set[int], set[int]] | None = None,
) -> Row:
    time = entry.starts_at.strftime("%Hg%M") if entry.starts_at else ""
    if entry.starts_at and entry.ends_at:
        time = f"{time}–{entry.ends_at.strftime('%Hg%M')}"
    leaders = ", ".join(a.person.full_name for a in entry.attending())
    if not sees_entry(person, entry, units):
        return Row(entry, time, _("Bận"), "", leaders, "", "", "", [], True, mark)
    place = entry.room.name if entry.room is not None else ""
    if entry.place:
        place = f"{place}, {entry.place}" if place else entry.place
    seen_in, seen_out = seen if seen is not None else documents_seen(person, [entry])
    documents = [
        (str(d), f"/van-ban/den/{d.uuid}/") for d in entry.incoming_list() if d.pk in seen_in
    ]
    documents += [
        (str(d), f"/van-ban/di/{d.uuid}/") for d in entry.outgoing_list() if d.pk in seen_out
    ]
    return Row(
        entry=entry,
        time=time,
        content=entry.content,
        place=place,
        leaders=leaders,
        units=", ".join(u.short_name or u.name for u in entry.unit_list()),
        preparing=(entry.preparing_unit.short_name or entry.preparing_unit.name)
        if entry.preparing_unit
        else "",
        note=entry.note,
        documents=documents,
        hidden=False,
        mark=mark,
    )


def build(version: ScheduleVersion, person: Person | None, *, marked: bool = True) -> Week:
    schedule = version.schedule
    changes = None
    if marked and version.number > 1:
        older = previous_version(version)
        changes = compare(older, version) if older is not None else None
    monday = schedule.monday
    calendar = workdays.WorkCalendar.load(monday, monday + timedelta(days=6))
    days = [
        Day(
            day=monday + timedelta(days=offset),
            name=weekday_name(monday + timedelta(days=offset)),
            holiday=calendar.holiday_name(monday + timedelta(days=offset)) or "",
            sessions={value: [] for value in Session.values},
        )
        for offset in range(7)
    ]
    units = clearance_units(schedule.committee)
    rows = entries([version])
    removed_entries = list(changes.removed) if changes else []
    seen = documents_seen(person, rows + removed_entries)
    for entry in rows:
        mark = ""
        if changes is not None:
            mark = (
                "new" if changes.is_new(entry) else "changed" if changes.is_changed(entry) else ""
            )
        days[(entry.day - monday).days].sessions[entry.session].append(
            _row(entry, person, mark, units, seen)
        )
    removed = [_row(entry, person, "", units, seen) for entry in removed_entries]
    # Saturday and Sunday only when something happens then.
    days = [d for d in days if d.day.weekday() < 5 or not d.is_empty]
    return Week(
        version=version,
        title=schedule.title,
        subtitle=format_week(monday),
        days=days,
        changes=changes,
        removed=removed,
        reader=person,
    )
