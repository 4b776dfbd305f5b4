"""Every write to plans and schedules: one atomic, audited function per use case."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, workdays
from vanphong.core.vietnamese import clean, fold, format_week
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Clearance, Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for
from vanphong.planning import notify
from vanphong.planning.models import (
    LIVE_STATUSES,
    SESSION_HOURS,
    Body,
    ConflictKind,
    Entry,
    EntryLeader,
    FeedScope,
    FeedToken,
    ItemState,
    MonthlyPlan,
    MonthlyPlanItem,
    Override,
    ProgrammeItem,
    ProgrammeStatus,
    Room,
    Schedule,
    ScheduleKind,
    ScheduleVersion,
    Session,
    VersionStatus,
    WorkProgramme,
)
from vanphong.planning.selectors import (
    attach_attendance,
    can_approve,
    can_compile,
    clearance_units,
    office_of,
    opens_unpublished,
    sees_entry,
)

ROOM_FIELDS = ("committee", "name", "address", "capacity", "is_active")
PROGRAMME_FIELDS = ("committee", "body", "year", "title", "status", "document")
ITEM_FIELDS = (
    "position",
    "topic",
    "content",
    "body",
    "lead_unit",
    "month",
    "quarter",
    "state",
    "reason",
    "done_on",
)
PLAN_FIELDS = ("committee", "year", "month", "status", "note")
PLAN_ITEM_FIELDS = ("content", "lead_unit", "day", "note", "programme_item")
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
# Without an end time an entry is taken to last this long, within its session.
DEFAULT_LENGTH = timedelta(minutes=90)


def _require_compiler(actor: Person, committee: Unit) -> None:
    if not can_compile(actor, committee):
        raise PermissionDenied(_("Chỉ Văn phòng của cấp ủy này mới được tổng hợp, sửa lịch."))


def _require_approver(actor: Person, committee: Unit) -> None:
    if not can_approve(actor, committee):
        raise PermissionDenied(_("Chỉ lãnh đạo Văn phòng của cấp ủy này mới được duyệt."))


def _require_committee(unit: Unit) -> None:
    if not unit.is_committee:
        raise ValidationError({"committee": _("Chỉ cấp ủy mới có chương trình, lịch công tác.")})
    if office_of(unit) is None:
        raise ValidationError({"committee": _("Cấp ủy này chưa có Văn phòng trong hệ thống.")})


# --- rooms ----------------------------------------------------------------------------------


@transaction.atomic
def room_create(
    *,
    actor: Person,
    committee: Unit,
    name: str,
    address: str = "",
    capacity: int | None = None,
) -> Room:
    _require_committee(committee)
    _require_compiler(actor, committee)
    room = Room(committee=committee, name=clean(name), address=clean(address), capacity=capacity)
    _check_room(room)
    room.save()
    audit.record(
        actor=actor, action="room.create", target=room, after=audit.snapshot(room, ROOM_FIELDS)
    )
    return room


@transaction.atomic
def room_update(*, actor: Person, room: Room, **changes: Any) -> Room:
    room = Room.objects.select_for_update().get(pk=room.pk)
    _require_compiler(actor, room.committee)
    before = audit.snapshot(room, ROOM_FIELDS)
    for name in ("name", "address", "capacity", "is_active"):
        if name in changes:
            value = changes[name]
            setattr(room, name, clean(value) if isinstance(value, str) else value)
    _check_room(room)
    room.save()
    audit.record(
        actor=actor,
        action="room.update",
        target=room,
        before=before,
        after=audit.snapshot(room, ROOM_FIELDS),
    )
    return room


def _check_room(room: Room) -> None:
    if not room.name:
        raise ValidationError({"name": _("Cần nhập tên phòng họp.")})
    room.name_folded = fold(room.name)
    clash = Room.objects.filter(committee=room.committee, name_folded=room.name_folded)
    if clash.exclude(pk=room.pk).exists():
        raise ValidationError({"name": _("Đã có phòng họp cùng tên.")})


# --- the annual work programme --------------------------------------------------------------


@transaction.atomic
def programme_create(
    *, actor: Person, committee: Unit, body: str, year: int, title: str = ""
) -> WorkProgramme:
    _require_committee(committee)
    _require_compiler(actor, committee)
    if body not in Body.values:
        raise ValidationError(
            {"body": _("Chọn chương trình của Hội nghị, Ban Thường vụ hay Thường trực.")}
        )
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    if WorkProgramme.objects.filter(committee=committee, body=body, year=year).exists():
        raise ValidationError({"year": _("Đã có chương trình công tác này cho năm đó.")})
    title = clean(title) or _("Chương trình công tác năm %(year)s của %(body)s %(committee)s") % {
        "year": year,
        "body": Body(body).label,
        "committee": committee.name,
    }
    programme = WorkProgramme.objects.create(
        committee=committee, body=body, year=year, title=title[:300], created_by=actor
    )
    audit.record(
        actor=actor,
        action="programme.create",
        target=programme,
        after=audit.snapshot(programme, PROGRAMME_FIELDS),
    )
    return programme


def _lock_programme(programme: WorkProgramme) -> WorkProgramme:
    return (
        WorkProgramme.objects.select_for_update().select_related("committee").get(pk=programme.pk)
    )


def _period(month: int | None, quarter: int | None) -> tuple[int | None, int | None]:
    if month is not None:
        if not 1 <= month <= 12:
            raise ValidationError({"month": _("Tháng phải từ 1 đến 12.")})
        return month, None
    if quarter is None or not 1 <= quarter <= 4:
        raise ValidationError({"month": _("Chọn tháng, hoặc quý (1–4) nếu chưa định tháng.")})
    return None, quarter


def _lead(lead_unit: Unit | None, supporting: Sequence[Unit]) -> Unit:
    if lead_unit is None:
        raise ValidationError({"lead_unit": _("Cần chọn cơ quan chủ trì.")})
    if lead_unit in supporting:
        raise ValidationError({"supporting_units": _("Cơ quan chủ trì không đồng thời phối hợp.")})
    return lead_unit


@transaction.atomic
def programme_item_add(
    *,
    actor: Person,
    programme: WorkProgramme,
    topic: str,
    content: str,
    body: str,
    lead_unit: Unit | None,
    supporting_units: Sequence[Unit] = (),
    month: int | None = None,
    quarter: int | None = None,
) -> ProgrammeItem:
    programme = _lock_programme(programme)
    _require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Chương trình đã duyệt; chỉ cập nhật tình hình thực hiện."))
    month, quarter = _period(month, quarter)
    errors = {}
    if not clean(content):
        errors["content"] = _("Cần nhập nội dung.")
    if body not in Body.values:
        errors["body"] = _("Chọn nơi trình: Hội nghị, Ban Thường vụ hay Thường trực.")
    if errors:
        raise ValidationError(errors)
    lead = _lead(lead_unit, supporting_units)
    position = (programme.items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = ProgrammeItem.objects.create(
        programme=programme,
        position=position,
        topic=clean(topic)[:300],
        content=clean(content),
        body=body,
        lead_unit=lead,
        month=month,
        quarter=quarter,
        planned_month=month,
        planned_quarter=quarter,
    )
    item.supporting_units.set(supporting_units)
    audit.record(
        actor=actor,
        action="programme.item_add",
        target=item,
        after=audit.snapshot(item, ITEM_FIELDS),
    )
    return item


@transaction.atomic
def programme_item_remove(*, actor: Person, item: ProgrammeItem) -> None:
    programme = _lock_programme(item.programme)
    _require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.DRAFT:
        raise ValidationError(
            _("Chương trình đã duyệt: không xóa được; hãy ghi là không thực hiện.")
        )
    audit.record(
        actor=actor,
        action="programme.item_remove",
        target=item,
        before=audit.snapshot(item, ITEM_FIELDS),
    )
    item.delete()


def _approve(
    actor: Person,
    plan: WorkProgramme | MonthlyPlan,
    *,
    action: str,
    fields: tuple[str, ...],
    already: str,
    empty: str,
) -> None:
    """The approval a programme and a monthly plan share; the caller holds the row's lock."""
    _require_approver(actor, plan.committee)
    if plan.status != ProgrammeStatus.DRAFT:
        raise ValidationError(already)
    if not plan.items.exists():
        raise ValidationError(empty)
    before = audit.snapshot(plan, fields)
    plan.status = ProgrammeStatus.APPROVED
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(
        actor=actor, action=action, target=plan, before=before, after=audit.snapshot(plan, fields)
    )


@transaction.atomic
def programme_approve(*, actor: Person, programme: WorkProgramme) -> WorkProgramme:
    programme = _lock_programme(programme)
    _approve(
        actor,
        programme,
        action="programme.approve",
        fields=PROGRAMME_FIELDS,
        already=_("Chương trình đã được duyệt."),
        empty=_("Chương trình chưa có nội dung nào."),
    )
    return programme


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


@transaction.atomic
def programme_issue(*, actor: Person, programme: WorkProgramme) -> OutgoingDocument:
    """Draft the programme as a CTr document in the committee's book (or, when the compiler
    has no role in the committee itself, its Office's), to be approved, signed and issued
    through the documents module like any other."""
    from vanphong.documents import services_outgoing as documents_outgoing
    from vanphong.documents.workflow import DOCUMENT_ROLES

    programme = _lock_programme(programme)
    _require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.APPROVED:
        raise ValidationError(_("Chương trình cần được duyệt trước khi ban hành."))
    if programme.document_id is not None:
        raise ValidationError(_("Chương trình đã có văn bản ban hành."))
    scope = scope_for(actor)
    committee = programme.committee
    office = office_of(committee)
    unit = committee if scope.holds(committee.id, *DOCUMENT_ROLES) else office
    if unit is None:  # _require_compiler has found the Office; this informs the type checker
        raise ValidationError(_("Cấp ủy này chưa có Văn phòng trong hệ thống."))
    document = documents_outgoing.outgoing_create(
        actor=actor,
        unit=unit,
        type_symbol="CTr",
        subject=programme.title,
        body=programme_text(programme),
    )
    before = audit.snapshot(programme, PROGRAMME_FIELDS)
    programme.document = document
    programme.save(update_fields=["document"])
    audit.record(
        actor=actor,
        action="programme.issue",
        target=programme,
        before=before,
        after=audit.snapshot(programme, PROGRAMME_FIELDS),
    )
    return document


@transaction.atomic
def programme_item_track(
    *,
    actor: Person,
    item: ProgrammeItem,
    state: str,
    reason: str = "",
    month: int | None = None,
    quarter: int | None = None,
    done_on: date | None = None,
) -> ProgrammeItem:
    """Record how an item of an approved programme went: done, postponed, moved (to another
    month or quarter), dropped. Anything but done needs a reason."""
    programme = _lock_programme(item.programme)
    item = ProgrammeItem.objects.select_for_update().get(pk=item.pk)
    _require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.APPROVED:
        raise ValidationError(_("Chỉ theo dõi thực hiện khi chương trình đã duyệt."))
    if state not in ItemState.values:
        raise ValidationError({"state": _("Tình trạng không hợp lệ.")})
    reason = clean(reason)
    if state not in (ItemState.DONE, ItemState.PLANNED) and not reason:
        raise ValidationError({"reason": _("Cần nêu lý do.")})
    before = audit.snapshot(item, ITEM_FIELDS)
    if state == ItemState.MOVED:
        new_month, new_quarter = _period(month, quarter)
        if (new_month, new_quarter) == (item.month, item.quarter):
            raise ValidationError({"month": _("Chọn thời gian mới khác thời gian cũ.")})
        item.month, item.quarter = new_month, new_quarter
    if state == ItemState.DONE:
        done_on = done_on or timezone.localdate()
        if done_on.year != programme.year:
            raise ValidationError({"done_on": _("Ngày thực hiện phải trong năm của chương trình.")})
    item.state = state
    item.reason = reason[:500]
    item.done_on = done_on if state == ItemState.DONE else None
    item.save()
    if state == ItemState.MOVED:
        # A programme followed as tasks (directives) moves the item's task with it; before
        # the audit, so the task is locked before the audit chain, as everywhere.
        from vanphong.directives.services import programme_item_follow

        programme_item_follow(actor=actor, item=item)
    audit.record(
        actor=actor,
        action=f"programme.item_{state}",
        target=item,
        before=before,
        after=audit.snapshot(item, ITEM_FIELDS),
    )
    return item


# --- monthly plans --------------------------------------------------------------------------


@transaction.atomic
def monthly_plan_draft(*, actor: Person, committee: Unit, year: int, month: int) -> MonthlyPlan:
    """Start the month's plan from the approved programme items planned for that month."""
    _require_committee(committee)
    _require_compiler(actor, committee)
    if not 1 <= month <= 12:
        raise ValidationError({"month": _("Tháng phải từ 1 đến 12.")})
    if MonthlyPlan.objects.filter(committee=committee, year=year, month=month).exists():
        raise ValidationError({"month": _("Đã có kế hoạch của tháng này.")})
    plan = MonthlyPlan.objects.create(committee=committee, year=year, month=month, created_by=actor)
    items = ProgrammeItem.objects.filter(
        programme__committee=committee,
        programme__year=year,
        programme__status=ProgrammeStatus.APPROVED,
        month=month,
    ).exclude(state=ItemState.DROPPED)
    MonthlyPlanItem.objects.bulk_create(
        MonthlyPlanItem(
            plan=plan,
            programme_item=item,
            position=position,
            content=item.content,
            lead_unit_id=item.lead_unit_id,
        )
        for position, item in enumerate(items.order_by("programme__body", "position"), start=1)
    )
    audit.record(
        actor=actor,
        action="monthly_plan.draft",
        target=plan,
        after={**audit.snapshot(plan, PLAN_FIELDS), "items": plan.items.count()},
    )
    return plan


def _lock_plan(plan: MonthlyPlan) -> MonthlyPlan:
    return MonthlyPlan.objects.select_for_update().select_related("committee").get(pk=plan.pk)


@transaction.atomic
def monthly_plan_item_add(
    *,
    actor: Person,
    plan: MonthlyPlan,
    content: str,
    lead_unit: Unit | None = None,
    day: date | None = None,
    note: str = "",
) -> MonthlyPlanItem:
    plan = _lock_plan(plan)
    _require_compiler(actor, plan.committee)
    if plan.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Kế hoạch tháng đã duyệt, không sửa được."))
    if not clean(content):
        raise ValidationError({"content": _("Cần nhập nội dung.")})
    if day is not None and (day.year, day.month) != (plan.year, plan.month):
        raise ValidationError({"day": _("Ngày dự kiến phải trong tháng của kế hoạch.")})
    position = (plan.items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = MonthlyPlanItem.objects.create(
        plan=plan,
        position=position,
        content=clean(content),
        lead_unit=lead_unit,
        day=day,
        note=clean(note)[:500],
    )
    audit.record(
        actor=actor,
        action="monthly_plan.item_add",
        target=plan,
        after=audit.snapshot(item, PLAN_ITEM_FIELDS),
    )
    return item


@transaction.atomic
def monthly_plan_item_remove(*, actor: Person, item: MonthlyPlanItem) -> None:
    plan = _lock_plan(item.plan)
    _require_compiler(actor, plan.committee)
    if plan.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Kế hoạch tháng đã duyệt, không sửa được."))
    audit.record(
        actor=actor,
        action="monthly_plan.item_remove",
        target=plan,
        before=audit.snapshot(item, PLAN_ITEM_FIELDS),
    )
    item.delete()


@transaction.atomic
def monthly_plan_approve(*, actor: Person, plan: MonthlyPlan) -> MonthlyPlan:
    plan = _lock_plan(plan)
    _approve(
        actor,
        plan,
        action="monthly_plan.approve",
        fields=PLAN_FIELDS,
        already=_("Kế hoạch tháng đã được duyệt."),
        empty=_("Kế hoạch tháng chưa có nội dung nào."),
    )
    return plan


# --- weekly schedules -----------------------------------------------------------------------


def schedule_title(committee: Unit, kind: str) -> str:
    if kind == ScheduleKind.OFFICE:
        office = office_of(committee)
        whose = office.name if office is not None else committee.name
    else:
        whose = f"{_('Thường trực')} {committee.name}"
    return f"{_('LỊCH CÔNG TÁC TUẦN CỦA')} {whose}".upper()


@transaction.atomic
def schedule_open(*, actor: Person, committee: Unit, kind: str, day: date) -> ScheduleVersion:
    """Start compiling the week holding `day` (version 1), or return the draft already open."""
    _require_committee(committee)
    _require_compiler(actor, committee)
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


def leaders_of(committee: Unit) -> list[Person]:
    """Who may appear in a schedule as a leader: the committee's leaders and its Office's."""
    office = office_of(committee)
    today = timezone.localdate()
    return list(
        Person.objects.filter(
            Q(memberships__unit=committee, memberships__role=Role.COMMITTEE_LEADER)
            | Q(memberships__unit=office, memberships__role=Role.OFFICE_LEADER),
            is_active=True,
            memberships__starts_on__lte=today,
        )
        .filter(Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today))
        .distinct()
        .order_by("full_name")
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

    def content(self, entry: Entry) -> str:
        committee = entry.version.schedule.committee
        if entry.version.status not in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED):
            if committee.pk not in self._opens:
                self._opens[committee.pk] = opens_unpublished(self.reader, committee)
            if not self._opens[committee.pk]:
                return _("Bận")
        if committee.pk not in self._units:
            self._units[committee.pk] = clearance_units(committee)
        if not sees_entry(self.reader, entry, self._units[committee.pk]):
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
    from vanphong.documents.selectors import incoming_visible, outgoing_visible

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
    from vanphong.documents.selectors import incoming_visible, outgoing_visible

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
    _require_compiler(actor, version.schedule.committee)
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
    _require_compiler(actor, version.schedule.committee)
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
    _require_compiler(actor, version.schedule.committee)
    _require_draft(version)
    _require_reads(actor, version, entry)
    audit.record(
        actor=actor, action="schedule.entry_remove", target=entry, before=_entry_before(entry)
    )
    entry.overrides.all().delete()
    EntryLeader.objects.filter(entry=entry).delete()
    entry.delete()


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
    from vanphong.planning.selectors import entries as entries_of

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


@transaction.atomic
def schedule_approve(*, actor: Person, version: ScheduleVersion) -> ScheduleVersion:
    version = _lock_version(version)
    _require_approver(actor, version.schedule.committee)
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
    _require_approver(actor, version.schedule.committee)
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
    _require_approver(actor, version.schedule.committee)
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
        from vanphong.planning.changes import compare

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
    _require_compiler(actor, version.schedule.committee)
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
    from vanphong.planning.selectors import entries as entries_of

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


# --- calendar feeds -------------------------------------------------------------------------


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewFeed:
    feed: FeedToken
    token: str = field(repr=False)


@transaction.atomic
def feed_create(
    *,
    actor: Person,
    scope: str,
    person: Person | None = None,
    room: Room | None = None,
    unit: Unit | None = None,
) -> NewFeed:
    """A secret calendar address. Anyone may subscribe to their own calendar, their units'
    and the rooms of a committee they see; another leader's calendar needs the Office."""
    if scope not in FeedScope.values:
        raise ValidationError({"scope": _("Loại lịch không hợp lệ.")})
    target: Any = {"leader": person, "room": room, "unit": unit}[scope]
    if target is None:
        raise ValidationError({"scope": _("Chọn lãnh đạo, phòng họp hoặc đơn vị.")})
    if scope == FeedScope.LEADER:
        allowed = person == actor or any(can_compile(actor, c) for c in _committees_led_by(person))
    else:
        allowed = _sees_unit(actor, room.committee if room is not None else unit)
    if not allowed:
        raise PermissionDenied(_("Bạn không được lấy lịch này."))
    token = secrets.token_urlsafe(32)
    feed = FeedToken.objects.create(
        owner=actor,
        scope=scope,
        person=person if scope == FeedScope.LEADER else None,
        room=room if scope == FeedScope.ROOM else None,
        unit=unit if scope == FeedScope.UNIT else None,
        digest=feed_digest(token),
    )
    audit.record(
        actor=actor,
        action="feed.create",
        target=feed,
        after={"scope": scope, "target": str(target)},
    )
    return NewFeed(feed, token)


def _sees_unit(actor: Person, unit: Unit | None) -> bool:
    """A unit's own members and those above see it; its Office's staff see it too."""
    if unit is None:
        return False
    scope = scope_for(actor)
    office = office_of(unit) if unit.is_committee else None
    return scope.sees(unit.pk) or (office is not None and scope.sees(office.pk))


def _committees_led_by(person: Person | None) -> list[Unit]:
    if person is None:
        return []
    scope = scope_for(person)
    units = [
        unit
        for unit, roles in scope.roles_by_unit.items()
        if roles & {Role.COMMITTEE_LEADER, Role.OFFICE_LEADER}
    ]
    found = Unit.objects.filter(id__in=units)
    return [u.parent if u.kind == UnitKind.OFFICE and u.parent else u for u in found]


@transaction.atomic
def feed_revoke(*, actor: Person, feed: FeedToken) -> FeedToken:
    feed = FeedToken.objects.select_for_update().get(pk=feed.pk)
    if feed.owner_id != actor.pk and not scope_for(actor).everything:
        raise PermissionDenied(_("Bạn không được thu hồi liên kết này."))
    if feed.revoked_at is not None:
        raise ValidationError(_("Liên kết này đã bị thu hồi."))
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    audit.record(actor=actor, action="feed.revoke", target=feed, after={"revoked": True})
    return feed
