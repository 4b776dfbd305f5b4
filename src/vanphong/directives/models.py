"""Resolutions, directives and conclusions, broken into tasks and followed to their end.

A `Directive` tracks one document of a directive type (issued by the unit or received from
above). Its `Task`s each have an assigning unit, a lead unit and supporting units; a unit that
received a task may break it into sub-tasks of its own (`parent`), which the units above see
as a roll-up only. States change along `TRANSITIONS` and nowhere else.
"""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.core.models import StoredFile
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Clearance, Unit
from vanphong.planning.models import ProgrammeItem, WorkProgramme

DIRECTIVE_TYPES = ("NQ", "CT", "KL", "TB", "KH", "CTr")


class Directive(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="directives", verbose_name=_("đơn vị theo dõi")
    )
    incoming = models.ForeignKey(
        IncomingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outgoing = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A committee's own annual work programme, followed item by item like a directive.
    programme = models.ForeignKey(
        WorkProgramme, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    type_symbol = models.CharField(_("loại văn bản"), max_length=10)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=50)
    title = models.CharField(_("trích yếu"), max_length=500)
    document_date = models.DateField(_("ngày văn bản"))
    # The tracked document's secrecy (a work programme has none): wherever the directive is
    # named — its tasks included — the document's rule applies (selectors.py).
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản chỉ đạo được theo dõi")
        verbose_name_plural = _("văn bản chỉ đạo được theo dõi")
        ordering = ["-document_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(incoming__isnull=True) & Q(outgoing__isnull=True))
                | (Q(incoming__isnull=True) & Q(programme__isnull=True))
                | (Q(outgoing__isnull=True) & Q(programme__isnull=True)),
                name="directives_one_source",
            ),
            models.UniqueConstraint(
                fields=["unit", "incoming"],
                condition=Q(incoming__isnull=False),
                name="directives_incoming_once",
            ),
            models.UniqueConstraint(
                fields=["unit", "outgoing"],
                condition=Q(outgoing__isnull=False),
                name="directives_outgoing_once",
            ),
            models.UniqueConstraint(
                fields=["unit", "programme"],
                condition=Q(programme__isnull=False),
                name="directives_programme_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol} — {self.title[:80]}"


class Recurrence(models.TextChoices):
    NONE = "", _("Một lần")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")


class TaskState(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    SUBMITTED = "submitted", _("Báo cáo hoàn thành, chờ xác nhận")
    DONE = "done", _("Hoàn thành")
    CANNOT_DO = "cannot_do", _("Không thực hiện được")


# The only moves a task's state makes (services enforce them; tests walk every one).
TRANSITIONS: dict[str, frozenset[str]] = {
    TaskState.NOT_STARTED: frozenset(
        {TaskState.IN_PROGRESS, TaskState.SUBMITTED, TaskState.CANNOT_DO}
    ),
    TaskState.IN_PROGRESS: frozenset({TaskState.SUBMITTED, TaskState.CANNOT_DO}),
    TaskState.SUBMITTED: frozenset({TaskState.DONE, TaskState.IN_PROGRESS}),
    TaskState.DONE: frozenset(),
    TaskState.CANNOT_DO: frozenset(),
}
CLOSED_STATES = (TaskState.DONE, TaskState.CANNOT_DO)


class Task(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    directive = models.ForeignKey(Directive, on_delete=models.PROTECT, related_name="tasks")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    assigning_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="tasks_assigned", verbose_name=_("đơn vị giao")
    )
    lead_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="tasks_led", verbose_name=_("đơn vị chủ trì")
    )
    supporting_units = models.ManyToManyField(
        Unit, blank=True, related_name="tasks_supported", verbose_name=_("đơn vị phối hợp")
    )
    # The committee leader who follows the task for the assigning side (the per-leader board).
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks_followed",
        verbose_name=_("lãnh đạo phụ trách"),
    )
    programme_item = models.ForeignKey(
        ProgrammeItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    content = models.TextField(_("nội dung"))
    clause = models.CharField(_("căn cứ (mục, điểm)"), max_length=200, blank=True)
    product = models.CharField(_("sản phẩm"), max_length=200, blank=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    # The first day on which finishing is late: the working day after the deadline (or after
    # the working day it runs to). Kept so the dashboards classify in SQL; recomputed when the
    # deadline or the working-day calendar around it changes (see lateness.py).
    late_from = models.DateField(null=True, blank=True, editable=False)
    recurrence = models.CharField(
        _("định kỳ"), max_length=20, choices=Recurrence.choices, blank=True, default=""
    )
    # A recurring task is one occurrence at a time: accepting it gives the next one, due a
    # period later, as long as that falls on or before this day (and the parent's deadline).
    recur_until = models.DateField(_("định kỳ đến ngày"), null=True, blank=True)
    # The period's own due day as assigned, which an extension does not move (the next period
    # is counted from it), and the series' first one, whose day of the month every period keeps.
    period_due = models.DateField(null=True, blank=True, editable=False)
    series_due = models.DateField(null=True, blank=True, editable=False)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_occurrence"
    )
    state = models.CharField(
        max_length=20, choices=TaskState.choices, default=TaskState.NOT_STARTED
    )
    state_reason = models.CharField(_("lý do"), max_length=500, blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    product_document = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who last reported the task done, and when: the assigning side's decision on it is never
    # that person's (they may act for both sides), whatever became of the report since.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["deadline", "id"]
        indexes = [
            # The unit dashboard reads only this index: every column it groups and classifies by.
            models.Index(
                fields=["lead_unit", "directive", "state", "deadline", "done_on", "late_from"],
                name="directives_task_lead",
            ),
            models.Index(
                fields=["assigning_unit", "state", "deadline"], name="directives_task_assigned"
            ),
            models.Index(fields=["state", "deadline"], name="directives_task_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_item"],
                condition=Q(programme_item__isnull=False),
                name="directives_item_once",
            )
        ]

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES


class ProgressReport(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nội dung báo cáo"))
    state = models.CharField(max_length=20, choices=TaskState.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["task", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ReportFile(models.Model):
    """A file attached to a progress report; the bytes live in core.StoredFile."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    report = models.ForeignKey(ProgressReport, on_delete=models.PROTECT, related_name="files")
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("tên tệp"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "id"]

    def __str__(self) -> str:
        return self.filename


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ quyết định")
    APPROVED = "approved", _("Đồng ý")
    REFUSED = "refused", _("Không đồng ý")


class ExtensionRequest(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="extensions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    old_deadline = models.DateField(null=True, blank=True)
    new_deadline = models.DateField(_("thời hạn đề nghị"))
    reason = models.CharField(_("lý do"), max_length=500)
    status = models.CharField(
        max_length=20, choices=ExtensionStatus.choices, default=ExtensionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["task", "created_at"]
        constraints = [
            # One request waits at a time.
            models.UniqueConstraint(
                fields=["task"], condition=Q(status="pending"), name="directives_one_pending"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.new_deadline}"


class Reminder(models.Model):
    """A task's reminder of one day: written before anyone is told, so a retried job tells no
    one twice."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders")
    day = models.DateField()
    overdue = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "day"], name="directives_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.task_id} @ {self.day}"


class Delegation(models.Model):
    """A leader of a unit lets someone decide for it on tasks it assigned (extensions,
    deadlines, accepting or returning a completion) for a time. It lapses when ended, past
    its last day, or when the leader is no longer a leader of the unit."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị giao nhiệm vụ")
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="delegations_given",
        verbose_name=_("lãnh đạo ủy quyền"),
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="delegations_received",
        verbose_name=_("người được ủy quyền"),
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ủy quyền quyết định")
        verbose_name_plural = _("ủy quyền quyết định")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(leader=models.F("delegate")), name="directives_delegation_not_self"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="directives_delegation_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["delegate", "unit"], name="directives_delegation_to"),
        ]

    def __str__(self) -> str:
        return f"{self.leader_id} → {self.delegate_id} @ {self.unit_id}"
