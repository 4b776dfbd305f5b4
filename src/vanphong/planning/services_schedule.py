"""Every write to the weekly schedules — opening a week, its entries, approval, return,
publication and amendments: one atomic, audited function per use case. Clashes are found by
conflicts.py; an entry saved with one carries the reason it was kept."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean, format_week
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.selectors import scope_for
from vanphong.planning import notify
from vanphong.planning.changes import compare
from vanphong.planning.conflicts import Conflict, ConflictError, EntryData, conflicts, unresolved
from vanphong.planning.models import (
    SESSION_HOURS,
    Entry,
    EntryLeader,
    Override,
    Schedule,
    ScheduleKind,
    ScheduleVersion,
    Session,
    VersionStatus,
)
from vanphong.planning.selectors import clearance_units, leaders_of, schedule_title, sees_entry
from vanphong.planning.selectors import entries as entries_of
from vanphong.planning.services import require_approver, require_committee, require_compiler

VERSION_FIELDS = ("number", "status", "change_note")
ENTRY_FIELDS = (
    "lineage",
    "day",
    "session",
    "starts_at",
    "ends_at",
    "content",
    "room",
    "place",
    "preparing_unit",
    "note",
    "confidentiality",
)


# --- weekly schedules -----------------------------------------------------------------------


@transaction.atomic
def schedule_open(*, actor: Person, committee: Unit, kind: str, day: date) -> ScheduleVersion:
    """Start compiling the week holding `day` (version 1), or return the draft already open."""
    require_committee(committee)
    require_compiler(actor, committee)
    if kind not in ScheduleKind.values:
        raise ValidationError({"kind": _("Loại lịch không hợp lệ.")})
    monday = day - timedelta(days=day.weekday())
    year, week, _weekday = monday.isocalendar()
    schedule, created = Schedule.objects.select_for_update().get_or_create(
        committee=committee,
        kind=kind,
        monday=monday,
        defaults={"year": year, "week": week, "title": schedule_title(committee, kind)},
    )
    if not created:
        existing = schedule.versions.order_by("-number").first()
        if existing is not None:
            if existing.status in (VersionStatus.DRAFT, VersionStatus.APPROVED):
                return existing
            raise ValidationError(
                _("Lịch tuần này đã phát hành; muốn thay đổi hãy lập bản điều chỉnh.")
            )
    version = ScheduleVersion.objects.create(schedule=schedule, number=1, compiled_by=actor)
    audit.record(
        actor=actor,
        action="schedule.open",
        target=version,
        after={**audit.snapshot(version, VERSION_FIELDS), "week": format_week(monday)},
    )
    return version


def _lock_version(version: ScheduleVersion) -> ScheduleVersion:
    return (
        ScheduleVersion.objects.select_for_update()
        .select_related("schedule__committee")
        .get(pk=version.pk)
    )


def _require_draft(version: ScheduleVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(
            _("Bản lịch này %(status)s, không sửa được.")
            % {"status": VersionStatus(version.status).label.lower()}
        )


def _check_entry(actor: Person, version: ScheduleVersion, data: EntryData) -> dict[str, str]:
    schedule = version.schedule
    errors: dict[str, str] = {}
    if not schedule.monday <= data.day <= schedule.monday + timedelta(days=6):
        errors["day"] = _("Ngày phải trong tuần của lịch (%(week)s).") % {
            "week": format_week(schedule.monday)
        }
    if data.session not in Session.values:
        errors["session"] = _("Chọn buổi: sáng, chiều hoặc tối.")
    else:
        low, high = SESSION_HOURS[data.session]
        label = Session(data.session).label.lower()
        for name, value in (("starts_at", data.starts_at), ("ends_at", data.ends_at)):
            if value is not None and not low <= value <= high:
                errors[name] = _(
                    "Giờ %(time)s không thuộc buổi %(session)s (%(low)s–%(high)s)."
                ) % {
                    "time": value.strftime("%H:%M"),
                    "session": label,
                    "low": low.strftime("%H:%M"),
                    "high": high.strftime("%H:%M"),
                }
    if data.ends_at is not None and data.starts_at is None:
        errors["starts_at"] = _("Có giờ kết thúc thì cần giờ bắt đầu.")
    if data.starts_at and data.ends_at and data.ends_at <= data.starts_at:
        errors["ends_at"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
    if not clean(data.content):
        errors["content"] = _("Cần nhập nội dung.")
    if data.room is not None and (
        data.room.committee_id != schedule.committee_id or not data.room.is_active
    ):
        errors["room"] = _("Phòng họp không có trong danh sách phòng của cấp ủy.")
    if data.confidentiality not in Clearance.values:
        errors["confidentiality"] = _("Độ mật không hợp lệ.")
    elif data.confidentiality and not any(
        scope_for(actor).sees(unit, data.confidentiality)
        for unit in clearance_units(schedule.committee)
    ):
        errors["confidentiality"] = _("Bạn không được tiếp cận thông tin ở độ mật này.")
    allowed = {person.pk for person in leaders_of(schedule.committee)}
    unknown = [person for person in data.leaders if person.pk not in allowed]
    if unknown:
        errors["leaders"] = _("Không phải lãnh đạo của cấp ủy: %(names)s.") % {
            "names": ", ".join(person.full_name for person in unknown)
        }
    if len({person.pk for person in data.leaders}) != len(data.leaders):
        errors["leaders"] = _("Một lãnh đạo được chọn hai lần.")
    return errors


def _accepted_by_other(conflict: Conflict, itself: Entry) -> bool:
    """A clash is one fact seen from both entries: kept with a reason on either, it is kept."""
    return (
        conflict.other is not None
        and Override.objects.filter(
            entry=conflict.other, kind=conflict.kind, subject=str(itself.lineage)
        ).exists()
    )


def _resolve(
    actor: Person,
    version: ScheduleVersion,
    data: EntryData,
    overrides: Mapping[str, str],
    itself: Entry | None,
) -> list[tuple[Conflict, str]]:
    """The conflicts with the reason given for each; ConflictError if one has none."""
    found = conflicts(version, data, reader=actor, itself=itself)
    kept: list[tuple[Conflict, str]] = []
    missing: list[Conflict] = []
    for conflict in found:
        if itself is not None and _accepted_by_other(conflict, itself):
            continue
        reason = clean(overrides.get(f"{conflict.kind}:{conflict.subject}", ""))
        if not reason and itself is not None:
            reason = (
                itself.overrides.filter(kind=conflict.kind, subject=conflict.subject)
                .values_list("reason", flat=True)
                .first()
                or ""
            )
        if reason:
            kept.append((conflict, reason))
        else:
            missing.append(conflict)
    if missing:
        raise ConflictError(missing)
    return kept


def _write_entry(
    actor: Person,
    entry: Entry,
    data: EntryData,
    kept: Sequence[tuple[Conflict, str]],
) -> Entry:
    entry.day = data.day
    entry.session = data.session
    entry.starts_at = data.starts_at
    entry.ends_at = data.ends_at
    entry.content = clean(data.content)
    entry.room = data.room
    entry.place = clean(data.place)[:300]
    entry.preparing_unit = data.preparing_unit
    entry.note = clean(data.note)[:500]
    entry.confidentiality = data.confidentiality
    entry.save()
    EntryLeader.objects.filter(entry=entry).delete()
    EntryLeader.objects.bulk_create(
        EntryLeader(entry=entry, person=person, day=entry.day, position=position)
        for position, person in enumerate(data.leaders)
    )
    entry.units.set(data.units)
    entry.incoming.set(data.incoming)
    entry.outgoing.set(data.outgoing)
    entry.overrides.all().delete()
    Override.objects.bulk_create(
        Override(entry=entry, kind=c.kind, subject=c.subject, reason=reason[:500], by=actor)
        for c, reason in kept
    )
    return entry


def _entry_after(
    entry: Entry, data: EntryData, kept: Sequence[tuple[Conflict, str]]
) -> dict[str, Any]:
    return {
        **audit.snapshot(entry, ENTRY_FIELDS),
        "leaders": [person.pk for person in data.leaders],
        "units": [unit.pk for unit in data.units],
        "incoming": [str(d.uuid) for d in data.incoming],
        "outgoing": [str(d.uuid) for d in data.outgoing],
        # A clash kept is a decision: who kept it and why is part of the record.
        "conflicts_kept": [
            {"kind": c.kind, "subject": c.subject, "reason": reason} for c, reason in kept
        ],
    }


def _entry_before(entry: Entry) -> dict[str, Any]:
    return {
        **audit.snapshot(entry, ENTRY_FIELDS),
        "leaders": list(entry.attendance.values_list("person_id", flat=True)),
        "units": list(entry.units.values_list("pk", flat=True)),
    }


def _visible_documents(actor: Person, data: EntryData) -> None:
    seen_in = set(
        incoming_visible(actor)
        .filter(pk__in=[d.pk for d in data.incoming])
        .values_list("pk", flat=True)
    )
    seen_out = set(
        outgoing_visible(actor)
        .filter(pk__in=[d.pk for d in data.outgoing])
        .values_list("pk", flat=True)
    )
    if any(d.pk not in seen_in for d in data.incoming) or any(
        d.pk not in seen_out for d in data.outgoing
    ):
        raise ValidationError({"documents": _("Không tìm thấy văn bản kèm theo.")})


def _keep_hidden_documents(actor: Person, entry: Entry, data: EntryData) -> EntryData:
    """A compiler is not shown the linked documents they may not open (a secret one's
    number-symbol is its name), so their edit keeps those links as they were."""
    hidden_in = entry.incoming.exclude(pk__in=incoming_visible(actor).values("pk"))
    hidden_out = entry.outgoing.exclude(pk__in=outgoing_visible(actor).values("pk"))
    return replace(
        data,
        incoming=[*data.incoming, *hidden_in],
        outgoing=[*data.outgoing, *hidden_out],
    )


def _require_reads(actor: Person, version: ScheduleVersion, entry: Entry) -> None:
    """A compiler who sees an entry as "Bận" neither edits nor removes it."""
    if not sees_entry(actor, entry, clearance_units(version.schedule.committee)):
        raise PermissionDenied(_("Bạn không được tiếp cận thông tin ở độ mật này."))


@transaction.atomic
def entry_add(
    *,
    actor: Person,
    version: ScheduleVersion,
    data: EntryData,
    overrides: Mapping[str, str] | None = None,
) -> Entry:
    """Add an entry to a draft. A conflict not overridden (key `kind:subject`, value: the
    reason) raises ConflictError naming the clashing entries; nothing is saved."""
    version = _lock_version(version)
    require_compiler(actor, version.schedule.committee)
    _require_draft(version)
    errors = _check_entry(actor, version, data)
    if errors:
        raise ValidationError(errors)
    _visible_documents(actor, data)
    kept = _resolve(actor, version, data, overrides or {}, None)
    entry = _write_entry(actor, Entry(version=version), data, kept)
    audit.record(
        actor=actor,
        action="schedule.entry_add",
        target=entry,
        after=_entry_after(entry, data, kept),
    )
    return entry


@transaction.atomic
def entry_update(
    *,
    actor: Person,
    entry: Entry,
    data: EntryData,
    overrides: Mapping[str, str] | None = None,
) -> Entry:
    version = _lock_version(entry.version)
    require_compiler(actor, version.schedule.committee)
    _require_draft(version)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    _require_reads(actor, version, entry)
    errors = _check_entry(actor, version, data)
    if errors:
        raise ValidationError(errors)
    _visible_documents(actor, data)
    data = _keep_hidden_documents(actor, entry, data)
    kept = _resolve(actor, version, data, overrides or {}, entry)
    before = _entry_before(entry)
    entry = _write_entry(actor, entry, data, kept)
    audit.record(
        actor=actor,
        action="schedule.entry_update",
        target=entry,
        before=before,
        after=_entry_after(entry, data, kept),
    )
    return entry


@transaction.atomic
def entry_remove(*, actor: Person, entry: Entry) -> None:
    version = _lock_version(entry.version)
    require_compiler(actor, version.schedule.committee)
    _require_draft(version)
    _require_reads(actor, version, entry)
    audit.record(
        actor=actor, action="schedule.entry_remove", target=entry, before=_entry_before(entry)
    )
    entry.overrides.all().delete()
    EntryLeader.objects.filter(entry=entry).delete()
    entry.delete()


@transaction.atomic
def schedule_approve(*, actor: Person, version: ScheduleVersion) -> ScheduleVersion:
    version = _lock_version(version)
    require_approver(actor, version.schedule.committee)
    _require_draft(version)
    if not version.entries.exists():
        raise ValidationError(_("Lịch chưa có mục nào."))
    open_conflicts = unresolved(version, reader=actor)
    if open_conflicts:
        raise ConflictError([conflict for _entry, conflict in open_conflicts])
    before = audit.snapshot(version, VERSION_FIELDS)
    version.status = VersionStatus.APPROVED
    version.approved_by = actor
    version.approved_at = timezone.now()
    version.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(
        actor=actor,
        action="schedule.approve",
        target=version,
        before=before,
        after=audit.snapshot(version, VERSION_FIELDS),
    )
    return version


@transaction.atomic
def schedule_return(*, actor: Person, version: ScheduleVersion, reason: str) -> ScheduleVersion:
    """Send an approved (not yet published) version back to the compilers."""
    version = _lock_version(version)
    require_approver(actor, version.schedule.committee)
    if version.status != VersionStatus.APPROVED:
        raise ValidationError(_("Chỉ trả lại bản đã duyệt mà chưa phát hành."))
    if not clean(reason):
        raise ValidationError({"reason": _("Cần nêu lý do trả lại.")})
    before = audit.snapshot(version, VERSION_FIELDS)
    version.status = VersionStatus.DRAFT
    version.approved_by = None
    version.approved_at = None
    version.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(
        actor=actor,
        action="schedule.return",
        target=version,
        before=before,
        after={**audit.snapshot(version, VERSION_FIELDS), "reason": clean(reason)},
    )
    return version


@transaction.atomic
def schedule_publish(*, actor: Person, version: ScheduleVersion) -> ScheduleVersion:
    """Publish an approved version to every unit; the version it amends is superseded, and
    everyone attending an entry that changed is told in the app."""
    version = _lock_version(version)
    require_approver(actor, version.schedule.committee)
    if version.status != VersionStatus.APPROVED:
        raise ValidationError(_("Lịch cần được duyệt trước khi phát hành."))
    previous = (
        ScheduleVersion.objects.select_for_update()
        .filter(schedule=version.schedule, status=VersionStatus.PUBLISHED)
        .first()
    )
    before = audit.snapshot(version, VERSION_FIELDS)
    if previous is not None:
        previous.status = VersionStatus.SUPERSEDED
        previous.save(update_fields=["status"])
    version.status = VersionStatus.PUBLISHED
    version.published_by = actor
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_by", "published_at"])
    changes = None
    if previous is not None:
        changes = compare(previous, version)
        notify.attendees_of_changes(version=version, changes=changes)
    audit.record(
        actor=actor,
        action="schedule.publish",
        target=version,
        before=before,
        after={
            **audit.snapshot(version, VERSION_FIELDS),
            "supersedes": previous.number if previous is not None else None,
            "changed": changes.summary() if changes is not None else None,
        },
    )
    return version


@transaction.atomic
def schedule_amend(*, actor: Person, version: ScheduleVersion, note: str) -> ScheduleVersion:
    """Start an amendment of the published version: a new draft holding its entries."""
    version = _lock_version(version)
    require_compiler(actor, version.schedule.committee)
    if version.status == VersionStatus.SUPERSEDED:
        raise ValidationError(_("Bản lịch này đã được thay thế; hãy điều chỉnh bản mới nhất."))
    if version.status != VersionStatus.PUBLISHED:
        raise ValidationError(_("Lịch chưa phát hành thì sửa trực tiếp, không cần điều chỉnh."))
    note = clean(note)
    if not note:
        raise ValidationError({"change_note": _("Cần nêu lý do điều chỉnh.")})
    if ScheduleVersion.objects.filter(
        schedule=version.schedule, status__in=[VersionStatus.DRAFT, VersionStatus.APPROVED]
    ).exists():
        raise ValidationError(_("Đang có một bản điều chỉnh chưa phát hành."))
    amendment = ScheduleVersion.objects.create(
        schedule=version.schedule,
        number=version.number + 1,
        compiled_by=actor,
        change_note=note[:500],
    )
    _copy_entries(version, amendment)
    audit.record(
        actor=actor,
        action="schedule.amend",
        target=amendment,
        after={**audit.snapshot(amendment, VERSION_FIELDS), "from": version.number},
    )
    return amendment


def _copy_entries(source: ScheduleVersion, target: ScheduleVersion) -> None:
    kept: dict[int, list[Override]] = {}
    for override in Override.objects.filter(entry__version=source):
        kept.setdefault(override.entry_id, []).append(override)
    for old in entries_of([source]):
        new = Entry.objects.create(
            version=target, **{name: getattr(old, name) for name in ENTRY_FIELDS}
        )
        EntryLeader.objects.bulk_create(
            EntryLeader(entry=new, person_id=a.person_id, day=new.day, position=a.position)
            for a in old.attending()
        )
        new.units.set(old.unit_list())
        new.incoming.set(old.incoming_list())
        new.outgoing.set(old.outgoing_list())
        Override.objects.bulk_create(
            Override(entry=new, kind=o.kind, subject=o.subject, reason=o.reason, by_id=o.by_id)
            for o in kept.get(old.pk, [])
        )
