"""Archives: file plans, files (hồ sơ) and what is filed in them, transfer to the agency
archive, access, disposal with legal holds, and preservation (fixity, OCR copies).

Retention is a number of years, or none for permanent (Vĩnh viễn): `retention_years IS NULL`.
A file's confidentiality is the highest of its documents', so whoever sees the file sees every
line of its index.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.core.models import StoredFile
from vanphong.org.models import Clearance, Unit


class UnitLevel(models.TextChoices):
    PROVINCIAL = "provincial", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")


class RetentionRule(models.Model):
    """A row of a retention schedule (bảng thời hạn bảo quản), shipped as editable data: the
    Party's HD 35-HD/VPTW tables are not verified row by row, so each row says so."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    level = models.CharField(_("cấp"), max_length=20, choices=UnitLevel.choices)
    group = models.CharField(_("nhóm"), max_length=200)
    number = models.CharField(_("số thứ tự"), max_length=20)
    title = models.CharField(_("tên nhóm hồ sơ, tài liệu"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, default="")
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn bảo quản (năm)"), null=True, blank=True
    )
    source = models.CharField(_("căn cứ"), max_length=300)
    verified = models.BooleanField(_("đã kiểm chứng"), default=False)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("dòng bảng thời hạn bảo quản")
        ordering = ["level", "id"]
        constraints = [
            models.UniqueConstraint(fields=["level", "number"], name="archives_retention_once"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã ban hành")


class FilePlan(models.Model):
    """A unit's file plan (danh mục hồ sơ) for a year, approved by its head."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="file_plans")
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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
        verbose_name = _("danh mục hồ sơ")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="archives_plan_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"


class PlanHeading(models.Model):
    """A heading of the plan: major (Roman numerals, no parent) or minor (Arabic, under one)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(FilePlan, on_delete=models.CASCADE, related_name="headings")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("tên đề mục"), max_length=300)

    class Meta:
        verbose_name = _("đề mục")
        ordering = ["plan", "parent_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "parent", "position"], name="archives_heading_position"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PlanEntry(models.Model):
    """A file the plan foresees: code (`01.TCCB`), title, retention, who compiles it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(FilePlan, on_delete=models.CASCADE, related_name="entries")
    heading = models.ForeignKey(PlanHeading, on_delete=models.PROTECT, related_name="entries")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    code = models.CharField(_("số và ký hiệu hồ sơ"), max_length=30)
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, default="")
    keywords = models.CharField(_("từ khóa gợi ý"), max_length=500, blank=True)
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn bảo quản (năm)"), null=True, blank=True
    )
    retention_rule = models.ForeignKey(
        RetentionRule, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("hồ sơ trong danh mục")
        ordering = ["plan", "heading_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="archives_entry_code_once"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class FileStatus(models.TextChoices):
    OPEN = "open", _("Đang lập")
    CLOSED = "closed", _("Đã kết thúc")
    TRANSFERRED = "transferred", _("Đã nộp lưu")
    DESTROYED = "destroyed", _("Đã tiêu hủy")


class RecordFile(models.Model):
    """A file (hồ sơ). Once destroyed, the row stays as the stub: metadata, history, approval."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="record_files")
    year = models.PositiveSmallIntegerField(_("năm"))
    plan_entry = models.ForeignKey(
        PlanEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    code = models.CharField(_("số và ký hiệu hồ sơ"), max_length=30)
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, default="")
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn bảo quản (năm)"), null=True, blank=True
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=FileStatus.choices, default=FileStatus.OPEN)
    opened_on = models.DateField(_("ngày mở hồ sơ"))
    # The day the work the file documents ended: the transfer clock runs from it.
    work_ended_on = models.DateField(_("ngày kết thúc công việc"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    first_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    last_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    item_count = models.PositiveIntegerField(_("số văn bản"), default=0)
    page_count = models.PositiveIntegerField(_("số tờ"), default=0)
    # A unit may keep a file back at most two years past the transfer deadline.
    kept_back_until = models.DateField(_("giữ lại đến"), null=True, blank=True)
    kept_back_reason = models.CharField(_("lý do giữ lại"), max_length=500, blank=True)
    transfer = models.ForeignKey(
        "Transfer", null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    archive_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="archived_files"
    )
    box = models.CharField(_("hộp số"), max_length=30, blank=True)
    shelf = models.CharField(_("giá"), max_length=30, blank=True)
    destroyed_at = models.DateTimeField(null=True, blank=True)
    disposal = models.ForeignKey(
        "Disposal", null=True, blank=True, on_delete=models.PROTECT, related_name="destroyed"
    )
    note = models.TextField(_("ghi chú"), blank=True)
    # The year whose 31 December ended the retention the archivists were told of: the daily
    # job reads only files expired since (or whose retention was changed), not every one kept.
    retention_alerted_year = models.PositiveSmallIntegerField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hồ sơ")
        ordering = ["unit_id", "year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "code"], name="archives_file_code"),
            models.CheckConstraint(
                condition=~Q(status="destroyed") | Q(disposal__isnull=False),
                name="archives_destroyed_by_disposal",
            ),
        ]
        indexes = [
            models.Index(fields=["archive_unit", "year"]),
            models.Index(fields=["status", "work_ended_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_permanent(self) -> bool:
        return self.retention_years is None


class HoldingCount(models.Model):
    """How many files a unit has of a year, retention kind, secrecy, status and archive: the
    summary the holdings statistics read (`archives/holdings.py` keeps it exact: every service
    changing one of these columns of a file recounts the file's unit when it commits)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    archive_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    permanent = models.BooleanField()
    confidentiality = models.PositiveSmallIntegerField(choices=Clearance.choices)
    status = models.CharField(max_length=20, choices=FileStatus.choices)
    n = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("số hồ sơ theo nhóm")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "archive_unit", "year", "permanent", "confidentiality", "status"],
                condition=Q(archive_unit__isnull=False),
                name="archives_holding_once",
            ),
            models.UniqueConstraint(
                fields=["unit", "year", "permanent", "confidentiality", "status"],
                condition=Q(archive_unit__isnull=True),
                name="archives_holding_once_unarchived",
            ),
        ]
        indexes = [models.Index(fields=["archive_unit", "year"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}: {self.n}"


class ItemKind(models.TextChoices):
    INCOMING = "incoming", _("Văn bản đến")
    OUTGOING = "outgoing", _("Văn bản đi")
    SCHEDULE = "schedule", _("Lịch công tác")
    DIRECTIVE_REVIEW = "directive_review", _("Sơ kết, tổng kết")
    LETTER = "letter", _("Đơn, thư")
    OTHER = "other", _("Tài liệu khác")


class FileItem(models.Model):
    """A document in a file, referenced, never copied: one document may sit in several files.
    The describing fields are a snapshot taken when filed, so the index survives as printed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.ForeignKey(RecordFile, on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(max_length=30, choices=ItemKind.choices)
    source_uuid = models.UUIDField()
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveIntegerField(_("số thứ tự"))
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    author = models.CharField(_("tác giả"), max_length=200, blank=True)
    title = models.CharField(_("trích yếu nội dung"), max_length=500)
    page_count = models.PositiveIntegerField(_("số trang"), null=True, blank=True)
    page_from = models.PositiveIntegerField(_("từ tờ"), null=True, blank=True)
    page_to = models.PositiveIntegerField(_("đến tờ"), null=True, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    retention_years = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản trong hồ sơ")
        ordering = ["file_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["file", "kind", "source_uuid"], name="archives_item_once_per_file"
            ),
            models.UniqueConstraint(fields=["file", "position"], name="archives_item_position"),
        ]
        indexes = [models.Index(fields=["kind", "source_uuid"])]

    def __str__(self) -> str:
        return self.title


class TransferStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập")
    SUBMITTED = "submitted", _("Đã gửi nộp")
    RECEIVED = "received", _("Đã giao nhận")


class Transfer(models.Model):
    """A transfer (nộp lưu) of a unit's closed files to its agency archive."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="transfers")
    archive_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm của hồ sơ"))
    status = models.CharField(
        max_length=20, choices=TransferStatus.choices, default=TransferStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField(_("ngày giao nhận"), null=True, blank=True)
    record = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("đợt nộp lưu")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"


class AccessMode(models.TextChoices):
    READ = "read", _("Đọc tại chỗ")
    BORROW = "borrow", _("Mượn")


class AccessStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REFUSED = "refused", _("Từ chối")
    LENT = "lent", _("Đang mượn")
    RETURNED = "returned", _("Đã trả")
    EXPIRED = "expired", _("Hết hạn")


class AccessRequest(models.Model):
    """A request to read or borrow an archived file (khai thác), approved per its secrecy."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.ForeignKey(RecordFile, on_delete=models.PROTECT, related_name="access_requests")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("hình thức"), max_length=20, choices=AccessMode.choices)
    purpose = models.CharField(_("mục đích"), max_length=500)
    status = models.CharField(
        max_length=20, choices=AccessStatus.choices, default=AccessStatus.PENDING
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("ý kiến"), max_length=500, blank=True)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_until = models.DateField(_("đến ngày"), null=True, blank=True)
    lent_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu khai thác")
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["requester", "status"])]

    def __str__(self) -> str:
        return f"{self.file} — {self.requester}"


class DisposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề nghị")
    APPRAISED = "appraised", _("Hội đồng đã thẩm định")
    APPROVED = "approved", _("Đã phê duyệt")
    EXECUTED = "executed", _("Đã tiêu hủy")
    CANCELLED = "cancelled", _("Hủy bỏ")


class Disposal(models.Model):
    """A disposal (tiêu hủy): the list proposed, appraised by the council (hội đồng xác định giá
    trị tài liệu), approved by the head, executed with a record."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    archive_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="disposals")
    title = models.CharField(_("tên đợt"), max_length=300)
    status = models.CharField(
        max_length=20, choices=DisposalStatus.choices, default=DisposalStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    council = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    council_opinion = models.TextField(_("ý kiến hội đồng"), blank=True)
    appraised_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(_("quyết định tiêu hủy"), max_length=200, blank=True)
    executed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    executed_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(_("phương pháp hủy"), max_length=200, blank=True)
    record = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("đợt tiêu hủy")
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return self.title


class DisposalItem(models.Model):
    """A file on a disposal list and what the council said of it."""

    disposal = models.ForeignKey(Disposal, on_delete=models.CASCADE, related_name="items")
    file = models.ForeignKey(RecordFile, on_delete=models.PROTECT, related_name="disposal_items")
    keep = models.BooleanField(_("giữ lại"), default=False)
    reason = models.CharField(_("lý do"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị tiêu hủy")
        constraints = [
            models.UniqueConstraint(fields=["disposal", "file"], name="archives_disposal_once"),
        ]

    def __str__(self) -> str:
        return str(self.file)


class HoldKind(models.TextChoices):
    PETITION = "petition", _("Đơn thư đang giải quyết")
    INSPECTION = "inspection", _("Thanh tra, kiểm tra")
    LITIGATION = "litigation", _("Tranh chấp, tố tụng")
    OTHER = "other", _("Khác")


class LegalHold(models.Model):
    """A legal hold: while it is in force, nothing it covers may be disposed of."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="legal_holds")
    kind = models.CharField(_("loại"), max_length=20, choices=HoldKind.choices)
    reason = models.CharField(_("lý do"), max_length=500)
    reference = models.CharField(_("căn cứ"), max_length=300, blank=True)
    files = models.ManyToManyField(RecordFile, related_name="holds")
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField(auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)
    release_reason = models.CharField(_("lý do gỡ"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("lệnh tạm giữ")
        ordering = ["-placed_at"]

    def __str__(self) -> str:
        return self.reason


class FixityRunStatus(models.TextChoices):
    RUNNING = "running", _("Đang chạy")
    PAUSED = "paused", _("Tạm dừng")
    DONE = "done", _("Hoàn thành")


class FixityRun(models.Model):
    """A pass of the SHA-256 check over every stored file, resumable from `cursor` (the last
    StoredFile id checked)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=20, choices=FixityRunStatus.choices, default=FixityRunStatus.RUNNING
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    cursor = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(default=0)
    checked = models.PositiveBigIntegerField(default=0)
    bytes_read = models.PositiveBigIntegerField(default=0)
    failures = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("lượt kiểm tra toàn vẹn")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class FixityProblem(models.TextChoices):
    CHANGED = "changed", _("Nội dung đã bị thay đổi")
    MISSING = "missing", _("Tệp không còn trên đĩa")


class FixityFinding(models.Model):
    run = models.ForeignKey(FixityRun, on_delete=models.CASCADE, related_name="findings")
    stored_file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    problem = models.CharField(max_length=20, choices=FixityProblem.choices)
    found_sha256 = models.CharField(max_length=64, blank=True)
    found_size = models.PositiveBigIntegerField(null=True, blank=True)
    detected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sai lệch toàn vẹn")
        constraints = [
            models.UniqueConstraint(fields=["run", "stored_file"], name="archives_finding_once"),
        ]

    def __str__(self) -> str:
        return f"{self.stored_file} {self.problem}"


class OcrStatus(models.TextChoices):
    QUEUED = "queued", _("Chờ nhận dạng")
    DONE = "done", _("Đã nhận dạng")
    UNREADABLE = "unreadable", _("Không nhận dạng được")
    FAILED = "failed", _("Lỗi")
    UNAVAILABLE = "unavailable", _("Máy chủ chưa cài OCR")


class OcrCopy(models.Model):
    """A scan's OCR: the recognised text and the PDF/A preservation copy kept beside the
    original, which is never altered."""

    original = models.OneToOneField(StoredFile, on_delete=models.PROTECT, related_name="ocr")
    status = models.CharField(max_length=20, choices=OcrStatus.choices, default=OcrStatus.QUEUED)
    pdfa = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(blank=True)
    message = models.CharField(max_length=500, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bản nhận dạng ký tự")
        indexes = [models.Index(fields=["status", "queued_at"])]

    def __str__(self) -> str:
        return str(self.original)
