"""The committee's work programme, monthly plans, weekly schedules and meeting rooms.

A weekly schedule is a series of versions: the Office compiles a draft, its leader approves
it, it is published; a published version never changes again. An amendment is a new version
whose entries keep the `lineage` of the entries they replace, so what changed between two
versions is a comparison by lineage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Clearance, Unit


class Body(models.TextChoices):
    """Who a programme belongs to, and who an item goes before."""

    CONFERENCE = "conference", _("Hội nghị cấp ủy")
    STANDING_COMMITTEE = "standing_committee", _("Ban Thường vụ")
    STANDING_BOARD = "standing_board", _("Thường trực")


class Room(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    committee = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="rooms", verbose_name=_("cấp ủy")
    )
    name = models.CharField(_("tên phòng"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("sức chứa"), null=True, blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("phòng họp")
        verbose_name_plural = _("phòng họp")
        ordering = ["committee", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "name_folded"], name="planning_room_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


# --- the annual work programme --------------------------------------------------------------


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    APPROVED = "approved", _("Đã duyệt")


class Approvable(models.Model):
    """Drafted by the Office, approved once by its leader: a programme, a monthly plan."""

    status = models.CharField(
        max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class WorkProgramme(Approvable):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    committee = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("cấp ủy")
    )
    body = models.CharField(_("của"), max_length=20, choices=Body.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên chương trình"), max_length=300)
    # The programme as a CTr document, drafted from the items and issued through `documents`.
    document = models.OneToOneField(
        OutgoingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programme",
    )

    class Meta:
        verbose_name = _("chương trình công tác")
        verbose_name_plural = _("chương trình công tác")
        ordering = ["-year", "committee", "body"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "body", "year"], name="planning_programme_once"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ItemState(models.TextChoices):
    PLANNED = "planned", _("Theo kế hoạch")
    DONE = "done", _("Đã thực hiện")
    POSTPONED = "postponed", _("Hoãn")
    MOVED = "moved", _("Chuyển thời gian")
    DROPPED = "dropped", _("Không thực hiện")


class ProgrammeItem(models.Model):
    """One topic of the programme. It belongs to a month, or to a quarter when the programme
    only says "quý II"; a move changes `month`/`quarter` and keeps where it was first planned."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    programme = models.ForeignKey(WorkProgramme, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    topic = models.CharField(_("lĩnh vực, chủ đề"), max_length=300)
    content = models.TextField(_("nội dung"))
    body = models.CharField(_("trình"), max_length=20, choices=Body.choices)
    lead_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan chủ trì")
    )
    supporting_units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name=_("cơ quan phối hợp")
    )
    month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True)
    planned_month = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    planned_quarter = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    state = models.CharField(max_length=20, choices=ItemState.choices, default=ItemState.PLANNED)
    reason = models.CharField(_("lý do"), max_length=500, blank=True)
    done_on = models.DateField(_("ngày thực hiện"), null=True, blank=True)

    class Meta:
        verbose_name = _("nội dung chương trình")
        verbose_name_plural = _("nội dung chương trình")
        ordering = ["programme", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(month__isnull=False) & Q(month__gte=1) & Q(month__lte=12))
                | (Q(month__isnull=True) & Q(quarter__gte=1) & Q(quarter__lte=4)),
                name="planning_item_month_or_quarter",
            )
        ]
        indexes = [models.Index(fields=["programme", "month"], name="planning_item_month")]

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def period_quarter(self) -> int:
        return (self.month - 1) // 3 + 1 if self.month else int(self.quarter or 0)


# --- monthly plans --------------------------------------------------------------------------


class MonthlyPlan(Approvable):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    committee = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="monthly_plans", verbose_name=_("cấp ủy")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    month = models.PositiveSmallIntegerField(_("tháng"))
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kế hoạch tháng")
        verbose_name_plural = _("kế hoạch tháng")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "year", "month"], name="planning_month_once"
            ),
            models.CheckConstraint(
                condition=Q(month__gte=1) & Q(month__lte=12), name="planning_month_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Tháng {self.month}/{self.year}"


class MonthlyPlanItem(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    plan = models.ForeignKey(MonthlyPlan, on_delete=models.CASCADE, related_name="items")
    programme_item = models.ForeignKey(
        ProgrammeItem, null=True, blank=True, on_delete=models.PROTECT, related_name="plan_items"
    )
    position = models.PositiveSmallIntegerField(default=0)
    content = models.TextField(_("nội dung"))
    lead_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chủ trì"),
    )
    day = models.DateField(_("ngày dự kiến"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.content[:80]


# --- weekly schedules -----------------------------------------------------------------------


class ScheduleKind(models.TextChoices):
    LEADERS = "leaders", _("Lãnh đạo cấp ủy")
    OFFICE = "office", _("Văn phòng")


class Schedule(models.Model):
    """The week of one committee's leaders (or of its Office): a series of versions."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    committee = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="schedules", verbose_name=_("cấp ủy")
    )
    kind = models.CharField(max_length=20, choices=ScheduleKind.choices)
    monday = models.DateField(_("thứ Hai của tuần"))
    year = models.PositiveSmallIntegerField()  # the ISO year and week of `monday`
    week = models.PositiveSmallIntegerField()
    title = models.CharField(_("tiêu đề"), max_length=300)

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")
        ordering = ["-monday", "committee", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "kind", "monday"], name="planning_schedule_once"
            )
        ]

    def __str__(self) -> str:
        return self.title


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang tổng hợp")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã phát hành")
    SUPERSEDED = "superseded", _("Đã được thay thế")


# Entries of these versions take part in conflict checks: what is or will be the week.
LIVE_STATUSES = (VersionStatus.DRAFT, VersionStatus.APPROVED, VersionStatus.PUBLISHED)


class ScheduleVersion(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    schedule = models.ForeignKey(Schedule, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    change_note = models.CharField(_("lý do điều chỉnh"), max_length=500, blank=True)
    compiled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phiên bản lịch tuần")
        ordering = ["schedule", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "number"], name="planning_version_once"),
            # At most one version of a week is being compiled at a time.
            models.UniqueConstraint(
                fields=["schedule"],
                condition=Q(status__in=["draft", "approved"]),
                name="planning_one_open_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.schedule} — bản {self.number}"

    @property
    def is_editable(self) -> bool:
        return self.status == VersionStatus.DRAFT


class Session(models.TextChoices):
    MORNING = "morning", _("Sáng")
    AFTERNOON = "afternoon", _("Chiều")
    EVENING = "evening", _("Tối")


# The hours a session covers: an entry's time must fall inside its session.
SESSION_HOURS: dict[str, tuple[time, time]] = {
    Session.MORNING: (time(5, 0), time(12, 0)),
    Session.AFTERNOON: (time(12, 0), time(18, 0)),
    Session.EVENING: (time(18, 0), time(23, 59)),
}


class Entry(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    version = models.ForeignKey(ScheduleVersion, on_delete=models.PROTECT, related_name="entries")
    # The same entry across versions: an amendment copies it with the same lineage.
    lineage = models.UUIDField(default=uuid4, db_index=True)
    day = models.DateField(_("ngày"))
    session = models.CharField(_("buổi"), max_length=10, choices=Session.choices)
    starts_at = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    ends_at = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    content = models.TextField(_("nội dung"))
    room = models.ForeignKey(
        Room,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=_("phòng họp"),
    )
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    preparing_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị chuẩn bị"),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    units = models.ManyToManyField(Unit, blank=True, related_name="+", verbose_name=_("đơn vị dự"))
    incoming = models.ManyToManyField(IncomingDocument, blank=True, related_name="schedule_entries")
    outgoing = models.ManyToManyField(OutgoingDocument, blank=True, related_name="schedule_entries")

    class Meta:
        verbose_name = _("mục lịch")
        verbose_name_plural = _("mục lịch")
        ordering = ["day", "session", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gt=models.F("starts_at")),
                name="planning_entry_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["version", "lineage"], name="planning_entry_once_per_version"
            ),
        ]
        indexes = [
            models.Index(fields=["version", "day"], name="planning_entry_version_day"),
            # The room conflict check: one index lookup per room and day.
            models.Index(fields=["room", "day"], name="planning_entry_room_day"),
        ]

    def __str__(self) -> str:
        return self.content[:80]

    # selectors.entries prefetches into plain lists (`to_attr`): reading a prefetched
    # relation through `.all()` builds a queryset each time, a quarter of a millisecond an
    # entry on a week of 300.
    def attending(self) -> list[Attendee]:
        found = self.__dict__.get("attending_list")
        if found is not None:
            return list(found)
        return [
            Attendee(a.person_id, a.person, a.position)
            for a in self.attendance.select_related("person")
        ]

    def unit_list(self) -> list[Unit]:
        found = self.__dict__.get("units_list")
        return found if found is not None else list(self.units.all())

    def incoming_list(self) -> list[IncomingDocument]:
        found = self.__dict__.get("incoming_docs")
        return found if found is not None else list(self.incoming.all())

    def outgoing_list(self) -> list[OutgoingDocument]:
        found = self.__dict__.get("outgoing_docs")
        return found if found is not None else list(self.outgoing.all())


@dataclass(frozen=True)
class Attendee:
    """A leader attending an entry, as pages and feeds read it (see Entry.attending)."""

    person_id: int
    person: Any  # org.Person
    position: int


class EntryLeader(models.Model):
    """A leader attending an entry; the day is copied here so the conflict check on a leader
    is one index lookup (person, day), not a scan of every entry."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="schedule_attendance"
    )
    day = models.DateField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["entry", "position"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "person"], name="planning_leader_once")
        ]
        indexes = [models.Index(fields=["person", "day"], name="planning_leader_day")]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.day}"


class ConflictKind(models.TextChoices):
    LEADER = "leader", _("Lãnh đạo trùng lịch")
    ROOM = "room", _("Phòng họp trùng lịch")
    HOLIDAY = "holiday", _("Ngày nghỉ")


class Override(models.Model):
    """A conflict the compiler saw and kept, with the reason."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="overrides")
    kind = models.CharField(max_length=20, choices=ConflictKind.choices)
    # The clashing entry's lineage (or the leader / room) — what was accepted.
    subject = models.CharField(max_length=100, blank=True)
    reason = models.CharField(_("lý do"), max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "kind", "subject"], name="planning_override_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.reason[:60]}"


class FeedScope(models.TextChoices):
    LEADER = "leader", _("Lịch của một lãnh đạo")
    ROOM = "room", _("Lịch phòng họp")
    UNIT = "unit", _("Lịch của đơn vị")


class FeedToken(models.Model):
    """A secret calendar URL; only its SHA-256 is kept, the token is shown once."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="feed_tokens"
    )
    scope = models.CharField(max_length=10, choices=FeedScope.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.PROTECT)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("liên kết lịch")
        constraints = [
            models.CheckConstraint(
                condition=(Q(scope="leader") & Q(person__isnull=False))
                | (Q(scope="room") & Q(room__isnull=False))
                | (Q(scope="unit") & Q(unit__isnull=False)),
                name="planning_feed_has_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} ({self.owner_id})"
