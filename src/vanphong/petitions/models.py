"""Citizen reception and letters (đơn, thư): the books an Office keeps for its committee.

A `Letter` is one entry of a unit's petitions book (sổ đơn thư), numbered per unit and year.
Its petitioners are `Citizen` rows; when the letter denounces someone (`denunciation`), their
identity is protected: only the letter's handler and the unit's leaders read it (see
`workflow.protects_identity`), and nothing else — lists, search, exports, notices, forwarded
copies — ever carries it. `Deadline` rows are the legal clocks computed from `core.rules`,
stored so the inbox and the lists find due-soon and overdue letters with one index lookup.

A `ReceptionSession` is a reception day planned in the weekly schedule (its entry's lineage);
each `Visit` in it is a row of the reception register (sổ tiếp công dân).
"""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.core.models import StoredFile
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Unit


class Field(models.Model):
    """A subject field of letters (lĩnh vực): editable data, shared by every unit."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    name = models.CharField(_("tên lĩnh vực"), max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("lĩnh vực đơn thư")
        verbose_name_plural = _("lĩnh vực đơn thư")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    POST = "post", _("Qua bưu điện")
    IN_PERSON = "in_person", _("Gửi trực tiếp")
    EMAIL = "email", _("Thư điện tử")
    FORWARDED = "forwarded", _("Cơ quan khác chuyển đến")


class SubjectKind(models.TextChoices):
    PARTY_MEMBER = "party_member", _("Đảng viên")
    ORGANISATION = "organisation", _("Tổ chức")
    DECISION = "decision", _("Quyết định, việc làm")
    OTHER = "other", _("Khác")


class Eligibility(models.TextChoices):
    ELIGIBLE = "eligible", _("Đủ điều kiện xử lý")
    INELIGIBLE = "ineligible", _("Không đủ điều kiện xử lý")


class IneligibleReason(models.TextChoices):
    """The legal reasons a letter is not processed (Luật Khiếu nại 2011 điều 11; Luật Tố cáo
    2018 điều 25; Thông tư 07/2014/TT-TTCP)."""

    ANONYMOUS = "anonymous", _("Tố cáo nặc danh, mạo danh")
    TIME_LIMIT = "time_limit", _("Đã hết thời hiệu khiếu nại")
    FINAL_DECISION = "final_decision", _("Đã được giải quyết bằng quyết định cuối cùng")
    NOT_COMPETENT = "not_competent", _("Không thuộc thẩm quyền")
    UNCLEAR = "unclear", _("Nội dung không rõ, không có căn cứ")
    ALREADY_SETTLED = "already_settled", _("Tố cáo đã được giải quyết, không có tình tiết mới")
    WITHDRAWN = "withdrawn", _("Người gửi đơn đã rút đơn")
    COURT = "court", _("Đã được Tòa án thụ lý hoặc giải quyết")
    OTHER = "other", _("Lý do khác")


class Handling(models.TextChoices):
    FORWARD = "forward", _("Chuyển đơn đến cơ quan có thẩm quyền")
    GUIDE = "guide", _("Hướng dẫn người gửi đơn")
    KEEP = "keep", _("Lưu đơn, theo dõi")
    ASSIGN = "assign", _("Giao ban xác minh, báo cáo")
    ACCEPT = "accept", _("Thụ lý giải quyết")


class LetterStatus(models.TextChoices):
    REGISTERED = "registered", _("Mới vào sổ")
    CLASSIFIED = "classified", _("Đã phân loại")
    FOLLOWING = "following", _("Đang theo dõi")
    CLOSED = "closed", _("Đã kết thúc")


class Complexity(models.TextChoices):
    NORMAL = "normal", _("Thông thường")
    COMPLEX = "complex", _("Phức tạp")
    ESPECIALLY_COMPLEX = "especially_complex", _("Đặc biệt phức tạp")


class Letter(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    # The unit keeping the book: the Office receiving for its committee.
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="letters", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số vào sổ"))
    received_on = models.DateField(_("ngày nhận"))
    channel = models.CharField(_("nguồn đơn"), max_length=20, choices=Channel.choices)
    # A letter another body forwarded: its covering document in the registry.
    covering = models.ForeignKey(
        IncomingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("văn bản chuyển đơn đến"),
    )
    sender_body = models.CharField(_("cơ quan chuyển đến"), max_length=300, blank=True)
    anonymous = models.BooleanField(_("nặc danh"), default=False)
    complaint = models.BooleanField(_("khiếu nại"), default=False)
    denunciation = models.BooleanField(_("tố cáo"), default=False)
    proposal = models.BooleanField(_("kiến nghị"), default=False)
    report = models.BooleanField(_("phản ánh"), default=False)
    field = models.ForeignKey(
        Field,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("lĩnh vực"),
    )
    place = models.CharField(_("địa bàn"), max_length=300, blank=True)
    # The district or town committee whose area the place lies in, for the reports by place.
    place_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("thuộc huyện, thị"),
    )
    subject_kind = models.CharField(
        _("đối tượng bị khiếu nại, tố cáo"),
        max_length=20,
        choices=SubjectKind.choices,
        blank=True,
    )
    subject = models.CharField(
        _("người, tổ chức, quyết định bị đề cập"), max_length=300, blank=True
    )
    summary = models.TextField(_("nội dung tóm tắt"))
    summary_folded = models.TextField(editable=False, blank=True)
    group_size = models.PositiveSmallIntegerField(_("số người đứng đơn"), default=1)
    second_complaint = models.BooleanField(_("khiếu nại lần hai"), default=False)
    complexity = models.CharField(
        _("tính chất vụ việc"), max_length=20, choices=Complexity.choices, default="normal"
    )
    remote = models.BooleanField(_("vùng sâu, vùng xa, đi lại khó khăn"), default=False)
    status = models.CharField(
        max_length=20, choices=LetterStatus.choices, default=LetterStatus.REGISTERED
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cán bộ xử lý"),
    )
    eligibility = models.CharField(max_length=20, choices=Eligibility.choices, blank=True)
    ineligible_reason = models.CharField(
        _("lý do không đủ điều kiện"), max_length=30, choices=IneligibleReason.choices, blank=True
    )
    classified_on = models.DateField(null=True, blank=True)
    # "Đơn trùng lần n": the first letter of the chain, and this letter's place in it (2, 3, …).
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates"
    )
    duplicate_round = models.PositiveSmallIntegerField(null=True, blank=True)
    handling = models.CharField(
        _("hướng xử lý"), max_length=20, choices=Handling.choices, blank=True
    )
    handled_on = models.DateField(_("ngày xử lý"), null=True, blank=True)
    handling_note = models.TextField(_("ý kiến xử lý"), blank=True)
    # The committee board assigned to verify and report (handling "assign").
    assigned_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_on = models.DateField(_("ngày thụ lý"), null=True, blank=True)
    result = models.TextField(_("kết quả giải quyết"), blank=True)
    result_on = models.DateField(_("ngày có kết quả"), null=True, blank=True)
    told_on = models.DateField(_("ngày thông báo cho người gửi đơn"), null=True, blank=True)
    told_how = models.CharField(_("hình thức thông báo"), max_length=300, blank=True)
    # Outgoing letters of this letter's handling: the guide letter, the reply to the petitioner.
    guide_document = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    # Personal data purged after the retention period (Nghị định 13/2023/NĐ-CP): the counts,
    # kinds, field, place and handling stay for the statistics.
    purged_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đơn thư")
        verbose_name_plural = _("đơn thư")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "number"], name="petitions_letter_number_once"
            ),
            models.CheckConstraint(
                condition=Q(complaint=True)
                | Q(denunciation=True)
                | Q(proposal=True)
                | Q(report=True),
                name="petitions_letter_has_kind",
            ),
            models.CheckConstraint(
                condition=~Q(eligibility="ineligible") | ~Q(ineligible_reason=""),
                name="petitions_ineligible_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | Q(duplicate_round__gte=2),
                name="petitions_duplicate_has_round",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "-received_on"], name="petitions_letter_unit_day"),
            # The list's page: a year of the books in the list's order, from the index alone
            # (selectors.letters_rows); the row itself is read for the page's letters only.
            models.Index(
                fields=["unit", "year", "-received_on", "-number", "-id"],
                name="petitions_letter_book_year",
            ),
            models.Index(fields=["unit", "status"], name="petitions_letter_unit_status"),
            models.Index(fields=["received_on"], name="petitions_letter_day"),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def book_number(self) -> str:
        return f"{self.number}/{self.year}"

    def kinds(self) -> list[str]:
        return [
            str(label)
            for flag, label in (
                (self.complaint, _("Khiếu nại")),
                (self.denunciation, _("Tố cáo")),
                (self.proposal, _("Kiến nghị")),
                (self.report, _("Phản ánh")),
            )
            if flag
        ]


class Visit(models.Model):
    """One citizen or group received: a row of the reception register, numbered per unit and
    year."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    session = models.ForeignKey("ReceptionSession", on_delete=models.PROTECT, related_name="visits")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField(_("số thứ tự"))
    # 1 for one person; 5 or more is a group (đoàn đông người) with a representative.
    group_size = models.PositiveSmallIntegerField(_("số người"), default=1)
    complaint = models.BooleanField(_("khiếu nại"), default=False)
    denunciation = models.BooleanField(_("tố cáo"), default=False)
    proposal = models.BooleanField(_("kiến nghị"), default=False)
    report = models.BooleanField(_("phản ánh"), default=False)
    field = models.ForeignKey(
        Field, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("địa bàn"), max_length=300, blank=True)
    place_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised = models.TextField(_("nội dung trình bày"))
    answer = models.TextField(_("ý kiến trả lời"), blank=True)
    agreed = models.TextField(_("nội dung thống nhất, hướng xử lý"), blank=True)
    # A letter handed in during the visit, registered in the petitions book.
    letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="visits"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    purged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt tiếp công dân")
        verbose_name_plural = _("lượt tiếp công dân")
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "number"], name="petitions_visit_number_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def is_group(self) -> bool:
        return self.group_size >= 5


class Citizen(models.Model):
    """A petitioner of a letter or a visitor: the personal data, purged after retention."""

    letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.CASCADE, related_name="citizens"
    )
    visit = models.ForeignKey(
        Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="citizens"
    )
    position = models.PositiveSmallIntegerField(default=0)
    full_name = models.CharField(_("họ và tên"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    id_number = models.CharField(_("số CMND/CCCD"), max_length=20, blank=True, db_index=True)
    id_issued = models.CharField(_("ngày và nơi cấp"), max_length=200, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    is_representative = models.BooleanField(_("người đại diện"), default=False)

    class Meta:
        verbose_name = _("người gửi đơn, công dân")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(letter__isnull=False) | Q(visit__isnull=False),
                name="petitions_citizen_belongs",
            ),
        ]
        # The duplicate proposal's lookups: a letter's petitioners by number or folded name,
        # newest letters first, read from the index alone (see duplicates.py).
        indexes = [
            models.Index(
                fields=["id_number", "-letter"],
                condition=Q(letter__isnull=False) & ~Q(id_number=""),
                name="petitions_citizen_id_letter",
            ),
            models.Index(
                fields=["name_folded", "-letter"],
                condition=Q(letter__isnull=False),
                name="petitions_citizen_name_letter",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class FileKind(models.TextChoices):
    LETTER = "letter", _("Đơn (bản quét)")
    REDACTED = "redacted", _("Bản che thông tin người tố cáo")
    EVIDENCE = "evidence", _("Tài liệu kèm theo")
    DECISION = "decision", _("Quyết định, văn bản")


class LetterFile(models.Model):
    """A stored scan of a letter or a visit. Scans of a denunciation's letter reveal the
    denouncer (handwriting): `reveals_identity` keeps them to those who may read the identity.
    """

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    visit = models.ForeignKey(
        Visit, null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("tên tệp"), max_length=200)
    kind = models.CharField(max_length=20, choices=FileKind.choices, default=FileKind.LETTER)
    reveals_identity = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đơn thư")
        constraints = [
            models.CheckConstraint(
                condition=Q(letter__isnull=False) | Q(visit__isnull=False),
                name="petitions_file_belongs",
            ),
        ]

    def __str__(self) -> str:
        return self.filename


class Forward(models.Model):
    """A letter forwarded to the competent body, followed until its result comes back."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="forwards")
    to_body = models.CharField(_("cơ quan nhận"), max_length=300)
    # The body when it is a unit of the system (the Inspection Committee, a district committee).
    to_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The forwarding note (phiếu chuyển đơn), drafted through the documents flow.
    note = models.ForeignKey(
        OutgoingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("phiếu chuyển đơn"),
    )
    # The copy of the letter sent with the note: for a denunciation, the redacted one.
    copy = models.ForeignKey(
        LetterFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    forwarded_on = models.DateField(_("ngày chuyển"))
    result_due_on = models.DateField(_("hạn báo cáo kết quả"))
    reply = models.ForeignKey(
        IncomingDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("văn bản trả lời kết quả"),
    )
    result = models.TextField(_("kết quả"), blank=True)
    result_on = models.DateField(_("ngày nhận kết quả"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần chuyển đơn")
        ordering = ["forwarded_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(result_on__isnull=True) | Q(result_on__gte=models.F("forwarded_on")),
                name="petitions_result_after_forward",
            ),
        ]
        indexes = [
            models.Index(fields=["result_on", "result_due_on"], name="petitions_forward_due"),
        ]

    def __str__(self) -> str:
        return f"{self.letter} → {self.to_body}"


class Extension(models.Model):
    """An extension of a settlement period: only on a recorded written decision."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="extensions")
    days = models.PositiveSmallIntegerField(_("số ngày gia hạn"))
    decision_number = models.CharField(_("số quyết định gia hạn"), max_length=50)
    decision_date = models.DateField(_("ngày quyết định"))
    decision = models.ForeignKey(
        LetterFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("lý do"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gia hạn giải quyết")
        ordering = ["decision_date", "id"]

    def __str__(self) -> str:
        return self.decision_number


class Suspension(models.Model):
    """Days the settlement is suspended (tạm đình chỉ): they do not count toward the period."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="suspensions")
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50)
    reason = models.CharField(_("lý do"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("tạm đình chỉ giải quyết")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="petitions_suspension_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.decision_number


class ClockKind(models.TextChoices):
    PROCESSING = "processing", _("Hạn xử lý đơn")
    ACCEPTANCE = "acceptance", _("Hạn thụ lý")
    SETTLEMENT = "settlement", _("Hạn giải quyết")
    FOLLOW_UP = "follow_up", _("Hạn báo cáo kết quả đơn đã chuyển")


class Deadline(models.Model):
    """One legal clock of a letter, computed from the rule version in force (`rule_kind`,
    `rule_from`, `source`) and met (`met_on`) when what it waits for is done."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=20, choices=ClockKind.choices)
    starts_on = models.DateField()
    due_on = models.DateField()
    days = models.PositiveSmallIntegerField()
    working_days = models.BooleanField(default=False)
    rule_kind = models.CharField(max_length=50)
    rule_from = models.DateField()
    source = models.CharField(max_length=300)
    met_on = models.DateField(null=True, blank=True)
    # The letter's unit and handler, copied so the inbox's due-soon query is one index lookup.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("thời hạn pháp lý")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "kind"], name="petitions_clock_once"),
        ]
        indexes = [
            models.Index(
                fields=["unit", "due_on"],
                condition=Q(met_on__isnull=True),
                name="petitions_clock_open_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on}"


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Tiếp thường xuyên")
    HEAD = "head", _("Người đứng đầu cấp ủy tiếp định kỳ")
    AD_HOC = "ad_hoc", _("Tiếp đột xuất")


class ReceptionSession(models.Model):
    """A reception day or half-day, planned as an entry of the committee's weekly schedule
    (`entry_lineage`: the entry across the schedule's versions)."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reception_sessions")
    kind = models.CharField(_("hình thức"), max_length=20, choices=SessionKind.choices)
    day = models.DateField(_("ngày tiếp"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    # Who received: the committee head for a head's session, the reception officers otherwise.
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người chủ trì tiếp"),
    )
    host_title = models.CharField(_("chức vụ người chủ trì"), max_length=200, blank=True)
    entry_lineage = models.UUIDField(null=True, blank=True, db_index=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    held = models.BooleanField(_("đã tiếp"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("buổi tiếp công dân")
        verbose_name_plural = _("buổi tiếp công dân")
        ordering = ["-day", "-id"]
        indexes = [
            models.Index(fields=["unit", "day"], name="petitions_session_unit_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.day:%d/%m/%Y}"
