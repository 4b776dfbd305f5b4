"""Incoming and outgoing documents, their handling, approval and exchange between units.

Invariants live here as constraints; workflow lives in services.py. A numbered document is
never deleted: withdrawal, cancellation and recall are states with reasons.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vanphong.core.models import StoredFile
from vanphong.org.models import Clearance, Unit


class Urgency(models.IntegerChoices):
    """Độ khẩn; the values are edXML's OtherInfo/Priority codes."""

    NORMAL = 0, _("Thường")
    URGENT = 1, _("Khẩn")
    VERY_URGENT = 2, _("Thượng khẩn")
    FLASH = 3, _("Hỏa tốc")
    FLASH_TIMED = 4, _("Hỏa tốc hẹn giờ")


class Medium(models.TextChoices):
    PAPER = "paper", _("Giấy")
    ELECTRONIC = "electronic", _("Điện tử")
    INTERNAL = "internal", _("Liên thông nội bộ")


class IncomingStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã vào sổ")
    PRESENTED = "presented", _("Đã trình")
    ASSIGNED = "assigned", _("Đã giao xử lý")
    DONE = "done", _("Đã xử lý xong")
    FILED = "filed", _("Lưu để biết")
    RECALLED = "recalled", _("Đã thu hồi")
    CANCELLED = "cancelled", _("Đã hủy")


class IncomingDocument(models.Model):
    """A document registered in a unit's incoming book (sổ văn bản đến) for one year."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="incoming")
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số đến"))
    received_at = models.DateTimeField(_("ngày đến"))
    medium = models.CharField(_("hình thức"), max_length=20, choices=Medium.choices)
    sender_name = models.CharField(_("cơ quan ban hành"), max_length=200)
    sender_folded = models.CharField(max_length=200, editable=False)
    sender_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=50)
    symbol_key = models.CharField(max_length=80)
    document_date = models.DateField(_("ngày văn bản"))
    type_symbol = models.CharField(_("loại văn bản"), max_length=10, blank=True)
    type_name = models.CharField(_("tên loại"), max_length=100, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=500)
    subject_folded = models.CharField(max_length=500, editable=False)
    page_count = models.PositiveIntegerField(_("số trang"), null=True, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    urgency = models.PositiveSmallIntegerField(
        _("độ khẩn"), choices=Urgency.choices, default=Urgency.NORMAL
    )
    deadline = models.DateField(_("hạn xử lý"), null=True, blank=True)
    recipients_note = models.CharField(_("đơn vị, người nhận"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        max_length=20, choices=IncomingStatus.choices, default=IncomingStatus.REGISTERED
    )
    status_reason = models.CharField(max_length=500, blank=True)
    presented_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_presented",
    )
    presented_at = models.DateTimeField(null=True, blank=True)
    delivery = models.OneToOneField(
        "Delivery", null=True, blank=True, on_delete=models.PROTECT, related_name="registered_as"
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    duplicate_reason = models.CharField(max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    # The registration form's one-time key: a double submit finds the first registration.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "number"], name="doc_in_number_once"),
        ]
        indexes = [
            models.Index(fields=["unit", "-received_at", "-id"], name="doc_in_book"),
            models.Index(fields=["unit", "status", "-received_at"], name="doc_in_status"),
            models.Index(fields=["unit", "symbol_key"], name="doc_in_duplicates"),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year} — {self.number_symbol}"

    @property
    def is_urgent(self) -> bool:
        return self.urgency >= Urgency.URGENT

    @property
    def is_frozen(self) -> bool:
        return self.status in {IncomingStatus.RECALLED, IncomingStatus.CANCELLED}


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")
    INFO = "info", _("Để biết")


class AssignmentStatus(models.TextChoices):
    OPEN = "open", _("Chưa xử lý")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    DONE = "done", pgettext_lazy("trạng thái", "Hoàn thành")
    HANDED_OVER = "handed_over", _("Đã chuyển người khác")
    CANCELLED = "cancelled", _("Đã hủy")


class Direction(models.Model):
    """A leader's direction (ý kiến chỉ đạo) on an incoming document."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        IncomingDocument, on_delete=models.PROTECT, related_name="directions"
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("ý kiến chỉ đạo"))
    deadline = models.DateField(_("hạn xử lý"), null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến chỉ đạo")
        ordering = ["given_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Assignment(models.Model):
    """One person's (or unit's) part in handling an incoming document."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        IncomingDocument, on_delete=models.PROTECT, related_name="assignments"
    )
    direction = models.ForeignKey(
        Direction, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    assignee_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=10, choices=AssignmentRole.choices)
    deadline = models.DateField(_("hạn xử lý"), null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AssignmentStatus.choices, default=AssignmentStatus.OPEN
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    result = models.TextField(_("kết quả"), blank=True)
    reply = models.ForeignKey(
        "OutgoingDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handed_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("phân công xử lý")
        constraints = [
            models.CheckConstraint(
                condition=Q(assignee__isnull=False) | Q(assignee_unit__isnull=False),
                name="doc_assignment_has_someone",
            ),
        ]
        indexes = [
            models.Index(fields=["assignee", "status", "deadline"], name="doc_inbox"),
        ]

    def __str__(self) -> str:
        return f"{self.document} → {self.assignee or self.assignee_unit}"

    @property
    def is_open(self) -> bool:
        return self.status in {AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS}


class ProgressNote(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("tiến độ"))

    class Meta:
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class OutgoingStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    IN_REVIEW = "in_review", _("Đang trình duyệt")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã duyệt")
    SIGNED = "signed", _("Đã ký")
    ISSUED = "issued", _("Đã phát hành")
    WITHDRAWN = "withdrawn", _("Đã thu hồi")
    CANCELLED = "cancelled", _("Đã hủy")


class SigningAuthority(models.TextChoices):
    NONE = "", _("Ký trực tiếp")
    ON_BEHALF = "T/M", _("T/M (thay mặt)")
    DEPUTY = "K/T", _("K/T (ký thay)")
    BY_ORDER = "T/L", _("T/L (thừa lệnh)")
    BY_AUTHORISATION = "TUQ", _("TUQ (thừa ủy quyền)")


class OutgoingDocument(models.Model):
    """A document drafted in a unit, approved, signed, numbered and issued."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="outgoing")
    type_symbol = models.CharField(_("loại văn bản"), max_length=10)
    type_name = models.CharField(_("tên loại"), max_length=100)
    subject = models.CharField(_("trích yếu"), max_length=500)
    subject_folded = models.CharField(max_length=500, editable=False)
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    urgency = models.PositiveSmallIntegerField(
        _("độ khẩn"), choices=Urgency.choices, default=Urgency.NORMAL
    )
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="drafts"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=20, choices=OutgoingStatus.choices, default=OutgoingStatus.DRAFT
    )
    status_reason = models.CharField(max_length=500, blank=True)
    chain = models.JSONField(default=list, blank=True)  # the steps as configured at submission
    current_step = models.PositiveSmallIntegerField(default=0)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signer_position = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signing_authority = models.CharField(
        _("thẩm quyền ký"), max_length=5, choices=SigningAuthority.choices, blank=True
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    series = models.CharField(max_length=200, blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    symbol_key = models.CharField(max_length=80, blank=True, db_index=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    page_count = models.PositiveIntegerField(_("số trang"), null=True, blank=True)
    copies = models.PositiveIntegerField(_("số lượng bản"), default=1)
    file_copy_holder = models.CharField(_("đơn vị, người nhận bản lưu"), max_length=200, blank=True)
    reply_to = models.ForeignKey(
        IncomingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("văn bản đi")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                condition=Q(number__isnull=False),
                name="doc_out_number_once",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "-issued_on", "-id"], name="doc_out_book"),
            models.Index(fields=["unit", "status", "-created_at"], name="doc_out_status"),
        ]

    def __str__(self) -> str:
        return self.number_symbol or f"{self.type_name}: {self.subject[:60]}"

    @property
    def is_urgent(self) -> bool:
        return self.urgency >= Urgency.URGENT


class DraftVersion(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveSmallIntegerField()
    body = models.TextField(_("nội dung"), blank=True)
    note = models.CharField(_("ghi chú phiên bản"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["document", "version"], name="doc_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.version}"


class ApprovalDecision(models.TextChoices):
    APPROVED = "approved", _("Đồng ý")
    RETURNED = "returned", _("Trả lại")


class ApprovalStep(models.Model):
    """A decision taken at one step of the approval chain."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.PROTECT, related_name="decisions"
    )
    step = models.PositiveSmallIntegerField()
    decision = models.CharField(max_length=10, choices=ApprovalDecision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(_("ý kiến"), blank=True)
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"{self.document} #{self.step} {self.decision}"


class ApprovalChain(models.Model):
    """How a unit's drafts are approved: ordered steps of leader roles, each at the unit or
    at its committee."""

    unit = models.OneToOneField(Unit, on_delete=models.PROTECT, related_name="approval_chain")
    # [{"role": "office_leader", "at": "unit" | "committee"}, ...]
    steps = models.JSONField(default=list)
    allow_self_approval = models.BooleanField(default=False)
    # Who last allowed or stopped self-approval (a leader of the committee), and when.
    self_approval_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    self_approval_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.unit}: {len(self.steps)} bước"


class DeliveryStatus(models.TextChoices):
    """edXML status codes (QCVN 102), kept as the stored values."""

    ARRIVED = "01", _("Đã đến")
    REFUSED = "02", _("Từ chối tiếp nhận")
    REGISTERED = "03", _("Đã vào sổ")
    ASSIGNED = "04", _("Đã phân công")
    IN_PROGRESS = "05", _("Đang xử lý")
    DONE = "06", pgettext_lazy("trạng thái", "Hoàn thành")
    RECALL_REQUESTED = "13", _("Đề nghị thu hồi")
    RECALLED = "15", _("Đã thu hồi")
    RECALL_REFUSED = "16", _("Từ chối thu hồi")
    SENT_EXTERNAL = "00", _("Đã gửi ra ngoài")


class Delivery(models.Model):
    """One recipient of an issued document: a unit in this installation, or an outside body."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.PROTECT, related_name="deliveries"
    )
    recipient_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="inbox_deliveries"
    )
    # Who receives it for the addressee (org.selectors.receiving_unit when it was sent): a
    # committee's Office for the committee. Its clerks see, register or refuse it; the
    # addressee stays `recipient_unit`, as the registers and edXML name it.
    receiving_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="received_deliveries"
    )
    external_name = models.CharField(_("nơi nhận bên ngoài"), max_length=200, blank=True)
    delivery_note = models.CharField(_("ghi chú gửi"), max_length=500, blank=True)
    status = models.CharField(max_length=2, choices=DeliveryStatus.choices)
    status_at = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nơi nhận")
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient_unit__isnull=False) | ~Q(external_name=""),
                name="doc_delivery_has_recipient",
            ),
            models.UniqueConstraint(
                fields=["document", "recipient_unit"],
                condition=Q(recipient_unit__isnull=False),
                name="doc_delivery_once_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(recipient_unit__isnull=True, receiving_unit__isnull=True)
                | Q(recipient_unit__isnull=False, receiving_unit__isnull=False),
                name="doc_delivery_received_by_a_unit",
            ),
        ]
        indexes = [models.Index(fields=["receiving_unit", "status"], name="doc_queue")]

    def __str__(self) -> str:
        return f"{self.document} → {self.recipient_unit or self.external_name}"


class DeliveryEvent(models.Model):
    """The status history of a delivery, as edXML status messages would carry it."""

    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, related_name="events")
    status = models.CharField(max_length=2, choices=DeliveryStatus.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.delivery_id}: {self.status}"


class Participant(models.Model):
    """Who is involved in a document; involvement opens a secret document to its holder."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    incoming = models.ForeignKey(
        IncomingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participants",
    )
    outgoing = models.ForeignKey(
        OutgoingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participants",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(incoming__isnull=False) ^ Q(outgoing__isnull=False),
                name="doc_participant_one_document",
            ),
            models.UniqueConstraint(
                fields=["person", "incoming"],
                condition=Q(incoming__isnull=False),
                name="doc_participant_in_once",
            ),
            models.UniqueConstraint(
                fields=["person", "outgoing"],
                condition=Q(outgoing__isnull=False),
                name="doc_participant_out_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.incoming_id or self.outgoing_id}"


class Attachment(models.Model):
    """A file attached to a document or a draft version; the bytes live in core.StoredFile."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("tên tệp"), max_length=200)
    incoming = models.ForeignKey(
        IncomingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    outgoing = models.ForeignKey(
        OutgoingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    version = models.ForeignKey(
        DraftVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(blank=True)  # extracted in the background, for search
    text_extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        constraints = [
            models.CheckConstraint(
                condition=Q(incoming__isnull=False)
                | Q(outgoing__isnull=False)
                | Q(version__isnull=False),
                name="doc_attachment_belongs",
            ),
        ]

    def __str__(self) -> str:
        return self.filename
