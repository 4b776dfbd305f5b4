"""Emulation (thi đua) among committee Offices and the annual review of each Office's year.

A `Bloc` (khối thi đua) groups Offices; its members are data (`BlocMember`, dated). Each year a
`Movement` is launched for a bloc by the convening unit (the provincial Office), with the
year's leading member (`leader_unit`, rotating) and the `CriteriaSet` it is scored on. Each
member registers a `Pledge` (the titles it aims for) by the movement's deadline.

A `CriteriaSet` is versioned data for a year: `CriterionGroup`s of `Criterion` rows, each with
its maximum points and how it is measured — `measured` from vanphong's own data through a
`core.yearly` measure (its key and a scale turning the share into points), `assessed` by people
with evidence, or a `bonus` / `penalty` within its bounds. `Measurement` keeps each measured
figure as computed (done of counted, points), so a page shows the figure and its records.

Scoring runs in `Round`s in a fixed order (self → bloc → council). A `ScoreSheet` is one
reviewer's scores of one unit in one round: in the self round the unit itself; in the bloc
round each other member (or the bloc's council, as the movement says); in the council round
the provincial council. A `Score` is one criterion's points on a sheet, with the reviewer's
reason and its `Evidence`. A round's score of a unit is its sheets' mean per criterion.

Titles and their conditions, quotas and vote thresholds are the rule kind `emulation.titles`
in `core.rules`, by date. A `Proposal` puts units (or people) forward for one title to the
awarding body, with the council's vote; its dossier (tờ trình, list, minutes) is drafted as
outgoing documents. The awarding body's decision is registered as an incoming document and
linked; each awarded line becomes an `Award`, the register of awards.

An `AnnualReview` is a unit's tổng kết năm: the assessed sections typed by the Office, the
generated DOCX draft, and the review conference (an entry of the weekly schedule) with its
documents.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.core.models import StoredFile
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Unit


class Bloc(models.Model):
    """An emulation bloc (khối thi đua): the Offices that compete with one another."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    name = models.CharField(_("tên khối thi đua"), max_length=200)
    convenor = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị tổ chức"),
        help_text=_("Đơn vị phát động và theo dõi thi đua của khối, ví dụ Văn phòng Tỉnh ủy."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khối thi đua")
        verbose_name_plural = _("khối thi đua")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BlocMember(models.Model):
    bloc = models.ForeignKey(Bloc, on_delete=models.CASCADE, related_name="members")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    joined_on = models.DateField(_("tham gia từ"))
    left_on = models.DateField(_("rời khối"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["bloc", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "unit", "joined_on"], name="emulation_member_once"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gt=models.F("joined_on")),
                name="emulation_member_leaves_after_joining",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bloc_id}:{self.unit_id}"


class CriteriaSet(models.Model):
    """The criteria of a year (bảng tiêu chí thi đua), as data; a new year copies and edits."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên bảng tiêu chí"), max_length=300)
    source = models.CharField(_("căn cứ"), max_length=500, blank=True)
    # Once a movement scores on it, criteria are frozen: a change is a new set.
    frozen = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bảng tiêu chí thi đua")
        verbose_name_plural = _("bảng tiêu chí thi đua")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class CriterionGroup(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="groups")
    position = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(_("số thứ tự"), max_length=10)  # "I", "II"
    title = models.CharField(_("nhóm tiêu chí"), max_length=300)

    class Meta:
        ordering = ["criteria_set", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="emulation_group_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class CriterionKind(models.TextChoices):
    MEASURED = "measured", _("Đo từ số liệu")
    ASSESSED = "assessed", _("Chấm có minh chứng")
    BONUS = "bonus", _("Điểm thưởng")
    PENALTY = "penalty", _("Điểm trừ")


class Criterion(models.Model):
    """One criterion. Points are never above `max_points`; a penalty's points are subtracted.

    A measured criterion names its `core.yearly` measure (`measure`) and a `scale`:
    `{"kind": "linear"}` (points = max × share), or `{"kind": "bands", "bands": [[0.95, 10],
    [0.9, 8], [0, 5]]}` (the points of the first band whose lower bound the share reaches).
    A measure with nothing counted gives `scale.get("empty_points", max_points)`.
    """

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    group = models.ForeignKey(CriterionGroup, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(_("số thứ tự"), max_length=10)  # "1.1"
    title = models.CharField(_("tiêu chí"), max_length=500)
    kind = models.CharField(_("loại"), max_length=10, choices=CriterionKind.choices)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    measure = models.CharField(_("cách đo"), max_length=100, blank=True)
    scale: models.JSONField[dict[str, object]] = models.JSONField(default=dict, blank=True)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["group", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(max_points__gt=0), name="emulation_max_positive"),
            models.CheckConstraint(
                condition=Q(kind="measured", measure__gt="") | ~Q(kind="measured"),
                name="emulation_measured_names_measure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ReviewMode(models.TextChoices):
    MEMBERS = "members", _("Các thành viên chấm chéo lẫn nhau")
    COUNCIL = "council", _("Hội đồng của khối chấm")


class MovementStatus(models.TextChoices):
    OPEN = "open", _("Đang phát động")
    SCORING = "scoring", _("Đang chấm điểm")
    RANKED = "ranked", _("Đã xếp hạng")
    CLOSED = "closed", _("Đã kết thúc")


class Movement(models.Model):
    """The year's emulation movement (phong trào thi đua) of one bloc."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    bloc = models.ForeignKey(Bloc, on_delete=models.PROTECT, related_name="movements")
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên phong trào"), max_length=500)
    launched_on = models.DateField(_("ngày phát động"))
    pledge_deadline = models.DateField(_("hạn đăng ký thi đua"))
    leader_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị trưởng khối"),
    )
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.PROTECT, related_name="movements"
    )
    review_mode = models.CharField(
        _("cách chấm chéo"), max_length=10, choices=ReviewMode.choices, default=ReviewMode.MEMBERS
    )
    status = models.CharField(
        max_length=10, choices=MovementStatus.choices, default=MovementStatus.OPEN
    )
    launch_document = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-year", "bloc"]
        constraints = [
            models.UniqueConstraint(fields=["bloc", "year"], name="emulation_movement_per_year"),
            models.CheckConstraint(
                condition=Q(pledge_deadline__gte=models.F("launched_on")),
                name="emulation_pledge_after_launch",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Pledge(models.Model):
    """A member's registration (đăng ký thi đua): the titles it aims for."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="pledges")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    titles: models.JSONField[list[str]] = models.JSONField(default=list)  # title codes
    content = models.TextField(_("nội dung đăng ký"), blank=True)
    registered_on = models.DateField(_("ngày đăng ký"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    late = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="emulation_pledge_once")
        ]

    def __str__(self) -> str:
        return f"{self.movement_id}:{self.unit_id}"


class Measurement(models.Model):
    """A measured criterion's figure for a unit, as the batch computed it."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="measurements")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    done = models.PositiveIntegerField()
    counted = models.PositiveIntegerField()
    points = models.DecimalField(max_digits=6, decimal_places=2)
    as_of = models.DateField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit", "criterion"], name="emulation_measurement_once"
            ),
            models.CheckConstraint(
                condition=Q(done__lte=models.F("counted")), name="emulation_done_within_counted"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}:{self.unit_id} {self.done}/{self.counted}"


class Round(models.TextChoices):
    SELF = "self", _("Tự chấm")
    BLOC = "bloc", _("Khối chấm chéo")
    COUNCIL = "council", _("Hội đồng chấm")


ROUND_ORDER = (Round.SELF, Round.BLOC, Round.COUNCIL)


class SheetStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chấm")
    SUBMITTED = "submitted", _("Đã gửi")


class ScoreSheet(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="sheets")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị được chấm")
    )
    round = models.CharField(_("vòng chấm"), max_length=10, choices=Round.choices)
    # Who scores: the unit itself (self), another member or the bloc's leader for its council
    # (bloc), the convening unit for the provincial council (council).
    reviewer_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị chấm")
    )
    status = models.CharField(max_length=10, choices=SheetStatus.choices, default=SheetStatus.DRAFT)
    note = models.TextField(_("nhận xét chung"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["movement", "unit", "round", "reviewer_unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit", "round", "reviewer_unit"], name="emulation_sheet_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round}:{self.unit_id} by {self.reviewer_unit_id}"


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    reason = models.TextField(_("lý do, nhận xét"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="emulation_score_once"),
            models.CheckConstraint(
                condition=Q(points__gte=0), name="emulation_points_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


class Evidence(models.Model):
    """What backs an assessed score: a file, or a document of the registry."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.ForeignKey(StoredFile, null=True, blank=True, on_delete=models.PROTECT)
    file_name = models.CharField(max_length=255, blank=True)
    incoming = models.ForeignKey(
        IncomingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outgoing = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(file__isnull=False)
                | Q(incoming__isnull=False)
                | Q(outgoing__isnull=False),
                name="emulation_evidence_names_something",
            )
        ]

    def __str__(self) -> str:
        return self.file_name or self.note or str(self.pk)


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập")
    VOTED = "voted", _("Hội đồng đã bỏ phiếu")
    SUBMITTED = "submitted", _("Đã trình")
    DECIDED = "decided", _("Đã có quyết định")


class Proposal(models.Model):
    """A proposal (đề nghị khen thưởng) of one title to the awarding body."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    movement = models.ForeignKey(
        Movement, null=True, blank=True, on_delete=models.PROTECT, related_name="proposals"
    )
    proposing_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    title_code = models.CharField(_("danh hiệu"), max_length=50)
    title_name = models.CharField(max_length=300)
    awarding_body = models.CharField(_("cấp khen"), max_length=300)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    voters = models.PositiveSmallIntegerField(_("số thành viên hội đồng"), null=True, blank=True)
    voted_on = models.DateField(_("ngày họp hội đồng"), null=True, blank=True)
    cover_note = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    list_document = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.ForeignKey(
        IncomingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return f"{self.title_name} ({self.year})"


class Nominee(models.Model):
    """One line of a proposal: a unit or a person, with the checks and the vote."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominees")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    total = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    # The rule's conditions as checked when the line was added: [{"code", "met", "detail"}].
    checks: models.JSONField[list[dict[str, object]]] = models.JSONField(default=list)
    override_reason = models.TextField(_("lý do đề nghị dù chưa đạt điều kiện"), blank=True)
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"), null=True, blank=True)
    achievements = models.TextField(_("tóm tắt thành tích"), blank=True)
    awarded = models.BooleanField(null=True)

    class Meta:
        ordering = ["proposal", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(unit__isnull=False) & Q(person__isnull=True))
                | (Q(unit__isnull=True) & Q(person__isnull=False)),
                name="emulation_nominee_unit_or_person",
            ),
            models.UniqueConstraint(
                fields=["proposal", "unit"], name="emulation_nominee_unit_once"
            ),
            models.UniqueConstraint(
                fields=["proposal", "person"], name="emulation_nominee_person_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}:{self.unit_id or self.person_id}"


class Award(models.Model):
    """A line of the register of awards (sổ khen thưởng)."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    title_code = models.CharField(_("danh hiệu"), max_length=50)
    title_name = models.CharField(_("danh hiệu, hình thức"), max_length=300)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The unit whose register holds the line (the person's unit at the time, or the unit).
    register_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    awarding_body = models.CharField(_("cấp khen"), max_length=300)
    decision = models.ForeignKey(
        IncomingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_number = models.CharField(_("số quyết định"), max_length=100)
    decided_on = models.DateField(_("ngày quyết định"))
    nominee = models.OneToOneField(
        Nominee, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("sổ khen thưởng")
        ordering = ["-year", "title_code", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(unit__isnull=False) & Q(person__isnull=True))
                | (Q(unit__isnull=True) & Q(person__isnull=False)),
                name="emulation_award_unit_or_person",
            ),
        ]
        indexes = [models.Index(fields=["register_unit", "year"], name="emulation_award_unit")]

    def __str__(self) -> str:
        return f"{self.title_name} ({self.year})"


class AnnualReview(models.Model):
    """A unit's tổng kết năm: the sections people write and what was generated for it."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    # Assessed text per section key ("crypto_it", "finance", "administration", "tasks_next").
    texts: models.JSONField[dict[str, str]] = models.JSONField(default=dict, blank=True)
    # The review conference: the lineage of its weekly-schedule entry.
    conference_lineage = models.UUIDField(null=True, blank=True)
    report = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    conclusions = models.ForeignKey(
        OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tổng kết năm")
        verbose_name_plural = _("tổng kết năm")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="emulation_review_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}:{self.year}"


ZERO = Decimal("0")
