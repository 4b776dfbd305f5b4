"""Counters, the audit chain and versioned rule sets: the ledgers every app writes through."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """The last number handed out in one series; locked while a number is taken from it."""

    series = models.CharField(max_length=200, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm")

    def __str__(self) -> str:
        return f"{self.series}={self.value}"


class NumberAllocation(models.Model):
    """One row per number ever handed out: the unique constraint that makes a reuse impossible."""

    series = models.CharField(max_length=200)
    number = models.PositiveBigIntegerField()
    allocated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("số đã cấp")
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="core_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.series}#{self.number}"


class AuditEvent(models.Model):
    """An append-only, hash-chained record of one state change."""

    seq = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=100)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=500, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    # Which key's HMAC `hash` is (see core.audit); empty for the plain SHA-256 events written
    # before the chain was keyed.
    key_id = models.CharField(max_length=16, blank=True, default="")
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The anchor: the last event's sequence number and hash, one row, updated in the
    transaction that appends the event. An event removed from the end no longer matches it."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash}"


class RuleSet(models.Model):
    """One version of a rule that changes with the years, in force from `effective_from`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=100)
    effective_from = models.DateField()
    data: models.JSONField[Any] = models.JSONField()
    source = models.CharField(_("căn cứ"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("bộ quy tắc")
        constraints = [
            models.UniqueConstraint(fields=["kind", "effective_from"], name="core_rule_version"),
        ]
        ordering = ["kind", "effective_from"]

    def __str__(self) -> str:
        return f"{self.kind} @ {self.effective_from}"


class StoredFile(models.Model):
    """An original file, stored once by its SHA-256 and never rewritten."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp lưu trữ")

    def __str__(self) -> str:
        return self.sha256


class CalendarDay(models.Model):
    """One day that departs from the normal week: a day off on a weekday (Tết, Giỗ Tổ, a
    swapped or compensatory day) or a weekend day worked (làm bù). Everything else follows
    the week and the fixed holidays of `core.rules`; see `core.workdays`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    day = models.DateField(_("ngày"), unique=True)
    is_working = models.BooleanField(_("là ngày làm việc"), default=False)
    name = models.CharField(_("tên"), max_length=200)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("ngày ngoại lệ của lịch làm việc")
        ordering = ["day"]

    def __str__(self) -> str:
        kind = "làm việc" if self.is_working else "nghỉ"
        return f"{self.day:%d/%m/%Y} ({kind}): {self.name}"


class NoticeKind(models.TextChoices):
    """What a notice is about: its label on the notices page, and the unit of a person's
    choice to get it by email too (`NoticePreference`)."""

    PRESENTED = "presented", _("Văn bản trình tôi")
    DIRECTED = "directed", _("Ý kiến chỉ đạo")
    ASSIGNED = "assigned", _("Phân công xử lý")
    RETURNED = "returned", _("Trả lại")
    APPROVED = "approved", _("Dự thảo được duyệt")
    ISSUED = "issued", _("Văn bản được phát hành")
    RECEIVED = "received", _("Văn bản đến chờ vào sổ")
    RECALLED = "recalled", _("Văn bản bị thu hồi")
    TASK = "task", _("Nhiệm vụ")
    SCHEDULE = "schedule", _("Lịch công tác điều chỉnh")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    OTHER = "other", _("Khác")


# The kinds whose email a person gets unless they turn it off; every other kind is off until
# turned on.
EMAIL_BY_DEFAULT = frozenset({NoticeKind.OVERDUE})


class Notification(models.Model):
    """A line in a person's in-app notices (see core.notifications)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)
    # The same key is never sent twice to the same person (a retried job, a repeated publish).
    key = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=NoticeKind.choices, default=NoticeKind.OTHER)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "key"], condition=~Q(key=""), name="core_notification_once"
            )
        ]
        indexes = [
            models.Index(fields=["person", "read_at"], name="core_notification_unread"),
            models.Index(fields=["person", "-created_at"], name="core_notification_recent"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class NoticePreference(models.Model):
    """A person's choice for one kind of notice: whether it also comes by email. No row: the
    default (`EMAIL_BY_DEFAULT`)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    email = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="core_notice_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id}:{self.kind}={self.email}"
