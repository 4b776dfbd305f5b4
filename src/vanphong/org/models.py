"""Units, committee terms, people and their memberships (role and clearance in a unit)."""

from __future__ import annotations

import secrets
import uuid
from datetime import date
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from vanphong.core.vietnamese import fold


class UnitKind(models.TextChoices):
    PROVINCIAL_COMMITTEE = "provincial_committee", _("Tỉnh ủy")
    DISTRICT_COMMITTEE = "district_committee", _("Huyện ủy")
    TOWN_COMMITTEE = "town_committee", _("Thị ủy")
    PARTY_COMMITTEE = "party_committee", _("Đảng ủy")
    OFFICE = "office", _("Văn phòng")
    BOARD = "board", _("Ban, cơ quan tham mưu")
    DEPARTMENT = "department", _("Phòng")


COMMITTEE_KINDS = frozenset(
    {
        UnitKind.PROVINCIAL_COMMITTEE,
        UnitKind.DISTRICT_COMMITTEE,
        UnitKind.TOWN_COMMITTEE,
        UnitKind.PARTY_COMMITTEE,
    }
)


class NumberingStyle(models.TextChoices):
    PARTY = "party", _("Văn bản Đảng (Số 45-NQ/TU)")
    GOVERNMENT = "government", _("Văn bản hành chính (Số: 123/QĐ-UBND)")


class Unit(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    name = models.CharField(_("tên đơn vị"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    symbol = models.CharField(
        _("ký hiệu văn bản"),
        max_length=30,
        help_text=_("Ký hiệu cơ quan ban hành trên văn bản, ví dụ TU, HU, VPTU."),
    )
    superior_name = models.CharField(
        _("tên cơ quan chủ quản"),
        max_length=200,
        blank=True,
        help_text=_("Dòng trên cùng bên trái của văn bản, ví dụ ĐẢNG BỘ TỈNH TÂY NINH."),
    )
    place = models.CharField(
        _("địa danh"), max_length=100, blank=True, help_text=_("Ví dụ: Tây Ninh, Hòa Thành.")
    )
    numbering_style = models.CharField(
        _("kiểu đánh số"),
        max_length=20,
        choices=NumberingStyle.choices,
        default=NumberingStyle.PARTY,
    )
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Who receives what is sent to the unit (its clerical work); empty: the rule of
    # org.selectors.receiving_unit (a committee's active Office, any other unit itself).
    clerical_unit = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị làm công tác văn thư"),
    )
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["sort_order", "name"]
        constraints = [
            # Roots (parent NULL) are checked by the service: SQLite has no NULLS NOT DISTINCT.
            models.UniqueConstraint(
                fields=["parent", "name_folded"], name="org_unit_name_unique_under_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_committee(self) -> bool:
        return self.kind in COMMITTEE_KINDS

    @cached_property
    def label(self) -> str:
        """The name no one mistakes for another ("Văn phòng Huyện ủy Châu Thành", never a bare
        "Văn phòng"): see `org.units`. One query here; lists and fields set it for all their
        units at once (`org.units.units_in_order`)."""
        from vanphong.org.units import directory  # units reads this module

        return directory().label(self)


class CommitteeTerm(models.Model):
    """A committee's term (nhiệm kỳ): Party documents are numbered from 01 within it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    committee = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="terms", verbose_name=_("cấp ủy")
    )
    name = models.CharField(_("tên nhiệm kỳ"), max_length=100)
    congress = models.CharField(
        _("đại hội"), max_length=20, blank=True, help_text=_("Ví dụ: IX (Đại hội IX).")
    )
    starts_on = models.DateField(_("bắt đầu"))
    ends_on = models.DateField(_("kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["committee", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gt=models.F("starts_on")),
                name="org_term_ends_after_start",
            ),
            models.UniqueConstraint(fields=["committee", "starts_on"], name="org_term_start_once"),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.committee}"


class PersonManager(BaseUserManager["Person"]):
    use_in_migrations = True

    def create_user(self, username: str, password: str | None = None, **extra: Any) -> Person:
        person = self.model(username=username, **extra)
        person.name_folded = fold(person.full_name)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, username: str, password: str | None = None, **extra: Any) -> Person:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(username, password, **extra)


def _new_session_salt() -> str:
    return secrets.token_hex(16)


class Person(AbstractBaseUser, PermissionsMixin):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    username = models.CharField(_("tên đăng nhập"), max_length=150, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    is_staff = models.BooleanField(_("vào trang quản trị Django"), default=False)
    date_joined = models.DateTimeField(_("ngày tạo"), default=timezone.now)
    name_folded = models.CharField(max_length=150, editable=False, db_index=True)
    # Part of the session hash: rotating it ends every session of the person at once.
    session_salt = models.CharField(max_length=32, default=_new_session_salt, editable=False)

    objects: ClassVar[PersonManager] = PersonManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["name_folded", "username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split()[-1] if self.full_name else self.username

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        key_salt = "vanphong.org.Person.session"
        return salted_hmac(
            key_salt, f"{self.password}|{self.session_salt}", secret=secret, algorithm="sha256"
        ).hexdigest()

    def rotate_session_salt(self) -> None:
        self.session_salt = _new_session_salt()


class Role(models.TextChoices):
    CLERK = "clerk", _("Văn thư")
    SPECIALIST = "specialist", _("Chuyên viên")
    OFFICE_LEADER = "office_leader", _("Lãnh đạo Văn phòng")
    COMMITTEE_LEADER = "committee_leader", _("Lãnh đạo cấp ủy")
    RECEPTION = "reception", _("Cán bộ tiếp dân")
    EMULATION = "emulation", _("Cán bộ thi đua")
    ARCHIVIST = "archivist", _("Cán bộ lưu trữ")
    ADMIN = "admin", _("Quản trị hệ thống")


class Clearance(models.IntegerChoices):
    UNCLASSIFIED = 0, _("Không mật")
    SECRET = 1, _("Mật")
    TOP_SECRET = 2, _("Tối mật")
    ULTRA_SECRET = 3, _("Tuyệt mật")


LEADER_ROLES = (Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: date | None = None) -> MembershipQuerySet:
        """The memberships in force on `on` (today when not given): begun on or before it and
        not ended before it (`ends_on` is the last day of the post)."""
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).not_ended(on)

    def not_ended(self, on: date | None = None) -> MembershipQuerySet:
        """The memberships not ended before `on`, those yet to begin included."""
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class Membership(models.Model):
    """A person's place in a unit: what they do there (role) and what they may read."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("cán bộ")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("đơn vị")
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    clearance = models.PositiveSmallIntegerField(
        _("độ mật được tiếp cận"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    position = models.CharField(
        _("chức vụ"), max_length=150, blank=True, help_text=_("Ví dụ: Chánh Văn phòng.")
    )
    starts_on = models.DateField(_("từ ngày"), default=timezone.localdate)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("công tác")
        verbose_name_plural = _("công tác")
        ordering = ["unit__sort_order", "unit__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "unit", "role"],
                condition=Q(ends_on__isnull=True),
                name="org_membership_once_while_open",
            ),
        ]
        indexes = [models.Index(fields=["unit", "role"], name="org_membership_unit_role")]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} — {self.unit}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    REFUSED = "refused", _("Đã từ chối")


class MembershipRequest(models.Model):
    """A sensitive grant (a role that reads documents, a clearance above Không mật, a raised
    clearance) asked for by an administrator: it takes effect only when an administrator
    above him confirms it. `membership` is set when the request changes an existing one."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="membership_requests",
        verbose_name=_("cán bộ"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="membership_requests", verbose_name=_("đơn vị")
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    clearance = models.PositiveSmallIntegerField(
        _("độ mật được tiếp cận"), choices=Clearance.choices, default=Clearance.UNCLASSIFIED
    )
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    membership = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
        verbose_name=_("công tác được sửa"),
    )
    requested_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đề nghị")
    )
    requested_at = models.DateTimeField(_("ngày đề nghị"), default=timezone.now)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người quyết định"),
    )
    decided_at = models.DateTimeField(_("ngày quyết định"), null=True, blank=True)
    reason = models.TextField(_("lý do từ chối"), blank=True)

    class Meta:
        verbose_name = _("đề nghị phân quyền")
        verbose_name_plural = _("đề nghị phân quyền")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "unit", "role"],
                condition=Q(status="pending"),
                name="org_request_once_while_pending",
            ),
            models.CheckConstraint(
                condition=Q(status="pending", decided_by__isnull=True)
                | (~Q(status="pending") & Q(decided_by__isnull=False)),
                name="org_request_decided_by_whom",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} — {self.unit}"

    @property
    def is_pending(self) -> bool:
        return self.status == RequestStatus.PENDING
