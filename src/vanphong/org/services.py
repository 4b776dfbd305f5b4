"""Every write to the organisation: one atomic, audited function per use case."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from vanphong.core import audit
from vanphong.core.vietnamese import clean, fold
from vanphong.org import hooks
from vanphong.org.models import (
    COMMITTEE_KINDS,
    Clearance,
    CommitteeTerm,
    Membership,
    MembershipRequest,
    NumberingStyle,
    Person,
    RequestStatus,
    Role,
    Unit,
    UnitKind,
)
from vanphong.org.selectors import (
    _chain_up,
    _subtrees,
    account_units,
    forget_scope,
    may_manage_account,
    request_refusal,
    scope_for,
)

UNIT_FIELDS = (
    "parent",
    "kind",
    "name",
    "short_name",
    "symbol",
    "superior_name",
    "place",
    "numbering_style",
    "sort_order",
    "is_active",
)
TERM_FIELDS = ("committee", "name", "congress", "starts_on", "ends_on")
PERSON_FIELDS = ("username", "full_name", "email", "phone", "is_active")
MEMBERSHIP_FIELDS = ("person", "unit", "role", "clearance", "position", "starts_on", "ends_on")
REQUEST_FIELDS = (
    "person",
    "unit",
    "role",
    "clearance",
    "position",
    "starts_on",
    "membership",
    "requested_by",
    "status",
)


def _require_admin(actor: Person | None, unit: Unit | None) -> None:
    """Refuse unless the actor administers `unit` (None: the top of the tree, superusers only)."""
    if actor is None:  # system work: the demo loader, migrations, the command line
        return
    scope = scope_for(actor)
    if scope.everything or (unit is not None and scope.administers(unit.id)):
        return
    raise PermissionDenied(_("Bạn không có quyền quản trị đơn vị này."))


# --- units ---------------------------------------------------------------------------------


def _check_unit(unit: Unit) -> None:
    if not unit.name:
        raise ValidationError({"name": _("Cần nhập tên đơn vị.")})
    if not unit.symbol:
        raise ValidationError({"symbol": _("Cần nhập ký hiệu văn bản của đơn vị.")})
    if unit.kind not in UnitKind.values:
        raise ValidationError({"kind": _("Loại đơn vị không hợp lệ.")})
    if unit.numbering_style not in NumberingStyle.values:
        raise ValidationError({"numbering_style": _("Kiểu đánh số không hợp lệ.")})
    siblings = Unit.objects.filter(parent=unit.parent, name_folded=unit.name_folded)
    if siblings.exclude(pk=unit.pk).exists():
        raise ValidationError({"name": _("Đã có đơn vị cùng tên trong đơn vị cấp trên này.")})


@transaction.atomic
def unit_create(
    *,
    actor: Person | None,
    parent: Unit | None,
    kind: str,
    name: str,
    symbol: str,
    short_name: str = "",
    superior_name: str = "",
    place: str = "",
    numbering_style: str = NumberingStyle.PARTY,
    sort_order: int = 0,
) -> Unit:
    _require_admin(actor, parent)
    unit = Unit(
        parent=parent,
        kind=kind,
        name=clean(name),
        short_name=clean(short_name),
        symbol=clean(symbol),
        superior_name=clean(superior_name),
        place=clean(place),
        numbering_style=numbering_style,
        sort_order=sort_order,
    )
    unit.name_folded = fold(unit.name)
    _check_unit(unit)
    unit.save()
    if actor is not None:
        forget_scope(actor)  # its cached scope predates the new unit
    audit.record(
        actor=actor, action="unit.create", target=unit, after=audit.snapshot(unit, UNIT_FIELDS)
    )
    return unit


RESTRUCTURE_REFUSED = _lazy(
    "Thay đổi này mở văn bản cho cán bộ đang công tác ở đơn vị khác mà không qua xác nhận "
    "cấp quyền; chỉ quản trị tối cao thực hiện được."
)


def _restructure_grants(actor: Person | None, units: set[int]) -> bool:
    """Whether a move or a change of kind by an administrator would act as a grant: people
    with a working post (not ended) in `units` would come to see, or act for, units they were
    never granted — a grant that skips the second administrator. The system and superusers
    restructure freely."""
    if actor is None or scope_for(actor).everything or not units:
        return False
    live = Membership.objects.not_ended().filter(unit_id__in=sorted(units))
    return live.exclude(role=Role.ADMIN).exists()


@transaction.atomic
def unit_update(
    *,
    actor: Person | None,
    unit: Unit,
    parent: Unit | None,
    kind: str,
    name: str,
    symbol: str,
    short_name: str = "",
    superior_name: str = "",
    place: str = "",
    numbering_style: str = NumberingStyle.PARTY,
    sort_order: int = 0,
    is_active: bool = True,
) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require_admin(actor, unit)
    if parent != unit.parent:
        _require_admin(actor, parent)
        if parent is not None and parent.id in _subtrees([unit.id])[unit.id]:
            raise ValidationError(
                {"parent": _("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.")}
            )
        gained = set(_chain_up(parent.id) if parent else []) - set(_chain_up(unit.id))
        if _restructure_grants(actor, gained):
            raise ValidationError({"parent": RESTRUCTURE_REFUSED})
    if kind != unit.kind:
        children = Unit.objects.filter(parent=unit).values_list("id", flat=True)
        if _restructure_grants(actor, {unit.id, *children}):
            raise ValidationError({"kind": RESTRUCTURE_REFUSED})
    before = audit.snapshot(unit, UNIT_FIELDS)
    unit.parent = parent
    unit.kind = kind
    unit.name = clean(name)
    unit.name_folded = fold(unit.name)
    unit.short_name = clean(short_name)
    unit.symbol = clean(symbol)
    unit.superior_name = clean(superior_name)
    unit.place = clean(place)
    unit.numbering_style = numbering_style
    unit.sort_order = sort_order
    unit.is_active = is_active
    _check_unit(unit)
    unit.save()
    if actor is not None:
        forget_scope(actor)  # a move changes which units lie below the actor's
    after = audit.snapshot(unit, UNIT_FIELDS)
    if after != before:
        audit.record(actor=actor, action="unit.update", target=unit, before=before, after=after)
    return unit


# --- committee terms -----------------------------------------------------------------------


def _check_term(term: CommitteeTerm) -> None:
    if term.committee.kind not in COMMITTEE_KINDS:
        raise ValidationError({"committee": _("Nhiệm kỳ chỉ thuộc về một cấp ủy.")})
    if not term.name:
        raise ValidationError({"name": _("Cần nhập tên nhiệm kỳ.")})
    if term.ends_on is not None and term.ends_on <= term.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    overlapping = CommitteeTerm.objects.filter(committee=term.committee).exclude(pk=term.pk)
    if term.ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=term.ends_on)
    overlapping = overlapping.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=term.starts_on))
    clash = overlapping.first()
    if clash is not None:
        raise ValidationError(
            {"starts_on": _("Nhiệm kỳ trùng thời gian với %(term)s.") % {"term": clash.name}}
        )


@transaction.atomic
def term_create(
    *,
    actor: Person | None,
    committee: Unit,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    congress: str = "",
) -> CommitteeTerm:
    _require_admin(actor, committee)
    Unit.objects.select_for_update().filter(pk=committee.pk).first()  # one term change at a time
    term = CommitteeTerm(
        committee=committee,
        name=clean(name),
        congress=clean(congress),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _check_term(term)
    term.save()
    audit.record(
        actor=actor, action="term.create", target=term, after=audit.snapshot(term, TERM_FIELDS)
    )
    return term


@transaction.atomic
def term_update(
    *,
    actor: Person | None,
    term: CommitteeTerm,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    congress: str = "",
) -> CommitteeTerm:
    _require_admin(actor, term.committee)
    Unit.objects.select_for_update().filter(pk=term.committee_id).first()
    term = CommitteeTerm.objects.select_related("committee").get(pk=term.pk)
    before = audit.snapshot(term, TERM_FIELDS)
    term.name = clean(name)
    term.congress = clean(congress)
    term.starts_on = starts_on
    term.ends_on = ends_on
    _check_term(term)
    term.save()
    after = audit.snapshot(term, TERM_FIELDS)
    if after != before:
        audit.record(actor=actor, action="term.update", target=term, before=before, after=after)
    return term


# --- people --------------------------------------------------------------------------------


def _set_checked_password(person: Person, password: str) -> None:
    try:
        validate_password(password, person)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    person.set_password(password)


def _check_person(person: Person) -> None:
    if not person.username:
        raise ValidationError({"username": _("Cần nhập tên đăng nhập.")})
    if not person.full_name:
        raise ValidationError({"full_name": _("Cần nhập họ và tên.")})
    taken = Person.objects.filter(username__iexact=person.username).exclude(pk=person.pk)
    if taken.exists():
        raise ValidationError({"username": _("Tên đăng nhập này đã có người dùng.")})


def _is_sensitive(role: str, clearance: int) -> bool:
    """A grant that opens documents: every role but quản trị reads them, and any clearance
    above Không mật opens secret ones (or, on a quản trị post, lets its holder confirm them)."""
    return role != Role.ADMIN or clearance > Clearance.UNCLASSIFIED


def _refuse_own(actor: Person | None, person: Person) -> None:
    if actor is not None and actor.pk == person.pk:
        raise PermissionDenied(_("Không ai tự cấp, sửa hay kết thúc công tác của chính mình."))


@transaction.atomic
def person_create(
    *,
    actor: Person | None,
    username: str,
    full_name: str,
    password: str,
    unit: Unit,
    role: str,
    clearance: int = 0,
    position: str = "",
    email: str = "",
    phone: str = "",
    starts_on: date | None = None,
) -> Person:
    """Create a person together with their first membership, so they are never orphaned —
    or, when that membership is a sensitive grant by an administrator, with a request for it
    (`requests_pending_for` then names it)."""
    _require_admin(actor, unit)
    person = Person(
        username=clean(username).lower(),
        full_name=clean(full_name),
        email=clean(email).lower(),
        phone=clean(phone),
    )
    person.name_folded = fold(person.full_name)
    _check_person(person)
    _set_checked_password(person, password)
    person.save()
    audit.record(
        actor=actor,
        action="person.create",
        target=person,
        after=audit.snapshot(person, PERSON_FIELDS),
    )
    _grant(
        actor=actor,
        person=person,
        unit=unit,
        role=role,
        clearance=clearance,
        position=position,
        starts_on=starts_on,
    )
    return person


def _refuse_superuser(actor: Person | None, person: Person) -> None:
    """Only superusers act on a superuser: his posts (a leader's, which decides and signs)
    are not changed or ended by the administrator of the unit they are in."""
    if person.is_superuser and actor is not None and not scope_for(actor).everything:
        raise PermissionDenied(_("Bạn không có quyền quản trị cán bộ này."))


def _require_authority_over_account(actor: Person | None, person: Person) -> None:
    if not may_manage_account(actor, person):
        raise PermissionDenied(_("Bạn không có quyền quản trị tài khoản của cán bộ này."))


def _require_admin_of_a_post(actor: Person | None, person: Person) -> None:
    """Refuse unless the actor administers a unit where the person works now (or, for someone
    retired or not yet placed, worked or was proposed): placing a stranger in his unit would
    otherwise draw them into his administration."""
    if actor is None or scope_for(actor).everything:
        return
    if person.is_superuser:
        raise PermissionDenied(_("Bạn không có quyền quản trị cán bộ này."))
    if not any(scope_for(actor).administers(unit_id) for unit_id in account_units(person)):
        raise PermissionDenied(_("Bạn không có quyền quản trị cán bộ này."))


@transaction.atomic
def person_update(
    *, actor: Person | None, person: Person, full_name: str, email: str = "", phone: str = ""
) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    _require_authority_over_account(actor, person)
    before = audit.snapshot(person, PERSON_FIELDS)
    person.full_name = clean(full_name)
    person.name_folded = fold(person.full_name)
    person.email = clean(email).lower()
    person.phone = clean(phone)
    _check_person(person)
    person.save()
    after = audit.snapshot(person, PERSON_FIELDS)
    if after != before:
        audit.record(actor=actor, action="person.update", target=person, before=before, after=after)
    return person


def _end_sessions(person: Person) -> None:
    """End every session of the person: each stored session hash stops matching, and the
    authentication middleware flushes such a session on its next request."""
    person.rotate_session_salt()
    person.save(update_fields=["session_salt"])


@transaction.atomic
def person_set_password(*, actor: Person | None, person: Person, password: str) -> Person:
    """A new password (one's own, or a reset): every session ends, and every API token and
    calendar link of the person is revoked, since whoever knew the old password may hold them."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if actor is None or actor.pk != person.pk:
        _require_authority_over_account(actor, person)
    _set_checked_password(person, password)
    person.save(update_fields=["password"])
    _end_sessions(person)
    audit.record(actor=actor, action="person.set_password", target=person)
    hooks.credentials_reset(person=person, actor=actor, reason=hooks.PASSWORD_CHANGED)
    return person


@transaction.atomic
def person_change_own_password(*, person: Person, current_password: str, password: str) -> Person:
    """One's own new password, proven by the current one (a session left open is not enough)."""
    locked = Person.objects.select_for_update().get(pk=person.pk)
    if not locked.check_password(current_password):
        raise ValidationError({"current_password": _("Mật khẩu hiện tại không đúng.")})
    return person_set_password(actor=locked, person=locked, password=password)


@transaction.atomic
def person_deactivate(*, actor: Person | None, person: Person, reason: str) -> Person:
    """Lock the account: sessions end, and tokens and calendar links are revoked for good, so
    a later reactivation does not bring them back."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    _require_authority_over_account(actor, person)
    if actor is not None and actor.pk == person.pk:
        raise ValidationError(_("Không thể tự vô hiệu hóa tài khoản của mình."))
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do vô hiệu hóa.")})
    if not person.is_active:
        raise ValidationError(_("Tài khoản này đã bị vô hiệu hóa."))
    person.is_active = False
    person.save(update_fields=["is_active"])
    _end_sessions(person)
    audit.record(
        actor=actor,
        action="person.deactivate",
        target=person,
        before={"is_active": True},
        after={"is_active": False, "reason": reason},
    )
    hooks.credentials_reset(person=person, actor=actor, reason=hooks.DEACTIVATED)
    return person


@transaction.atomic
def person_reactivate(*, actor: Person | None, person: Person) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    _require_authority_over_account(actor, person)
    if person.is_active:
        raise ValidationError(_("Tài khoản này đang hoạt động."))
    person.is_active = True
    person.save(update_fields=["is_active"])
    audit.record(
        actor=actor,
        action="person.reactivate",
        target=person,
        before={"is_active": False},
        after={"is_active": True},
    )
    return person


@transaction.atomic
def person_credentials_revoke(*, actor: Person | None, person: Person) -> Person:
    """Revoke every API token and calendar link of the person (a lost phone, a leaked
    script), leaving the password and the sessions alone."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if actor is None or actor.pk != person.pk:
        _require_authority_over_account(actor, person)
    audit.record(actor=actor, action="person.revoke_credentials", target=person)
    hooks.credentials_reset(person=person, actor=actor, reason=hooks.REVOKED)
    return person


# --- memberships ---------------------------------------------------------------------------


@transaction.atomic
def membership_create(
    *,
    actor: Person | None,
    person: Person,
    unit: Unit,
    role: str,
    clearance: int = 0,
    position: str = "",
    starts_on: date | None = None,
) -> Membership | MembershipRequest:
    """A new post for the person — or, for a sensitive grant by an administrator, a request
    that takes effect when an administrator above him confirms it."""
    _require_admin(actor, unit)
    _refuse_own(actor, person)
    _require_admin_of_a_post(actor, person)
    return _grant(
        actor=actor,
        person=person,
        unit=unit,
        role=role,
        clearance=clearance,
        position=position,
        starts_on=starts_on,
    )


def _grant(
    *,
    actor: Person | None,
    person: Person,
    unit: Unit,
    role: str,
    clearance: int,
    position: str,
    starts_on: date | None,
) -> Membership | MembershipRequest:
    """Apply a grant the actor may make, or record it for confirmation when it is sensitive
    and made by an administrator with someone above him."""
    if actor is not None and _is_sensitive(role, clearance) and not scope_for(actor).everything:
        return _request_insert(
            actor=actor,
            person=person,
            unit=unit,
            role=role,
            clearance=clearance,
            position=position,
            starts_on=starts_on,
        )
    return _membership_insert(
        actor=actor,
        person=person,
        unit=unit,
        role=role,
        clearance=clearance,
        position=position,
        starts_on=starts_on,
    )


def _membership_insert(
    *,
    actor: Person | None,
    person: Person,
    unit: Unit,
    role: str,
    clearance: int,
    position: str,
    starts_on: date | None,
) -> Membership:
    """Insert a membership; the caller has checked that the actor may (inside its atomic)."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    membership = Membership(
        person=person,
        unit=unit,
        role=role,
        clearance=clearance,
        position=clean(position),
        starts_on=starts_on or timezone.localdate(),
    )
    membership.full_clean(exclude=["person", "unit"], validate_constraints=False)
    open_same = Membership.objects.filter(person=person, unit=unit, role=role, ends_on__isnull=True)
    if open_same.exists():
        raise ValidationError(_("Cán bộ này đang giữ vai trò đó ở đơn vị này."))
    membership.save()
    forget_scope(person)
    audit.record(
        actor=actor,
        action="membership.create",
        target=membership,
        after=audit.snapshot(membership, MEMBERSHIP_FIELDS),
    )
    return membership


def _request_insert(
    *,
    actor: Person,
    person: Person,
    unit: Unit,
    role: str,
    clearance: int,
    position: str,
    starts_on: date | None,
    membership: Membership | None = None,
) -> MembershipRequest:
    """Record a sensitive grant for confirmation; nothing of it applies yet."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    request = MembershipRequest(
        person=person,
        unit=unit,
        role=role,
        clearance=clearance,
        position=clean(position),
        starts_on=starts_on,
        membership=membership,
        requested_by=actor,
    )
    request.full_clean(
        exclude=["person", "unit", "membership", "requested_by"], validate_constraints=False
    )
    if membership is None:
        open_same = Membership.objects.filter(
            person=person, unit=unit, role=role, ends_on__isnull=True
        )
        if open_same.exists():
            raise ValidationError(_("Cán bộ này đang giữ vai trò đó ở đơn vị này."))
    waiting = MembershipRequest.objects.filter(
        person=person, unit=unit, role=role, status=RequestStatus.PENDING
    )
    if waiting.exists():
        raise ValidationError(_("Đã có đề nghị cho vai trò này ở đơn vị này đang chờ xác nhận."))
    request.save()
    audit.record(
        actor=actor,
        action="membership_request.create",
        target=request,
        after=audit.snapshot(request, REQUEST_FIELDS),
    )
    return request


@transaction.atomic
def membership_update(
    *, actor: Person | None, membership: Membership, clearance: int, position: str = ""
) -> Membership | MembershipRequest:
    """Change clearance or position; a raised clearance by an administrator is a request."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("unit", "person")
        .get(pk=membership.pk)
    )
    _require_admin(actor, membership.unit)
    _refuse_own(actor, membership.person)
    _refuse_superuser(actor, membership.person)
    if clearance > membership.clearance and actor is not None and not scope_for(actor).everything:
        if membership.ends_on is not None:
            raise ValidationError(_("Công tác này đã kết thúc."))
        return _request_insert(
            actor=actor,
            person=membership.person,
            unit=membership.unit,
            role=membership.role,
            clearance=clearance,
            position=position,
            starts_on=membership.starts_on,
            membership=membership,
        )
    return _membership_change(
        actor=actor, membership=membership, clearance=clearance, position=position
    )


def _membership_change(
    *, actor: Person | None, membership: Membership, clearance: int, position: str
) -> Membership:
    """Apply a change to a locked membership; the caller has checked that the actor may."""
    before = audit.snapshot(membership, MEMBERSHIP_FIELDS)
    membership.clearance = clearance
    membership.position = clean(position)
    membership.full_clean(exclude=["person", "unit"], validate_constraints=False)
    membership.save()
    forget_scope(membership.person)
    after = audit.snapshot(membership, MEMBERSHIP_FIELDS)
    if after != before:
        audit.record(
            actor=actor,
            action="membership.update",
            target=membership,
            before=before,
            after=after,
        )
    return membership


@transaction.atomic
def membership_end(
    *, actor: Person | None, membership: Membership, ends_on: date | None = None
) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("unit", "person")
        .get(pk=membership.pk)
    )
    _require_admin(actor, membership.unit)
    _refuse_own(actor, membership.person)
    _refuse_superuser(actor, membership.person)
    if membership.ends_on is not None:
        raise ValidationError(_("Công tác này đã kết thúc."))
    ends_on = ends_on or timezone.localdate()
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc không được trước ngày bắt đầu.")})
    before = audit.snapshot(membership, MEMBERSHIP_FIELDS)
    membership.ends_on = ends_on
    membership.save(update_fields=["ends_on"])
    forget_scope(membership.person)
    audit.record(
        actor=actor,
        action="membership.end",
        target=membership,
        before=before,
        after=audit.snapshot(membership, MEMBERSHIP_FIELDS),
    )
    return membership


# --- membership requests -------------------------------------------------------------------


def _locked_pending(request: MembershipRequest) -> MembershipRequest:
    request = (
        MembershipRequest.objects.select_for_update(of=("self",))
        .select_related("person", "unit", "requested_by", "membership")
        .get(pk=request.pk)
    )
    if not request.is_pending:
        raise ValidationError(_("Đề nghị này đã được quyết định."))
    return request


def _decided(request: MembershipRequest, *, actor: Person, status: str, reason: str = "") -> None:
    request.status = status
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.reason = reason
    request.save(update_fields=["status", "decided_by", "decided_at", "reason"])


@transaction.atomic
def membership_request_confirm(*, actor: Person, request: MembershipRequest) -> Membership:
    """Apply a pending grant, by a second administrator above the requester
    (`selectors.request_refusal` says who)."""
    request = _locked_pending(request)
    refusal = request_refusal(actor, request, confirming=True)
    if refusal is not None:
        raise PermissionDenied(refusal)
    if request.membership is None:
        membership = _membership_insert(
            actor=actor,
            person=request.person,
            unit=request.unit,
            role=request.role,
            clearance=request.clearance,
            position=request.position,
            starts_on=request.starts_on,
        )
    else:
        membership = Membership.objects.select_for_update().get(pk=request.membership.pk)
        if membership.ends_on is not None:
            raise ValidationError(_("Công tác này đã kết thúc."))
        membership = _membership_change(
            actor=actor,
            membership=membership,
            clearance=request.clearance,
            position=request.position,
        )
    _decided(request, actor=actor, status=RequestStatus.CONFIRMED)
    audit.record(
        actor=actor,
        action="membership_request.confirm",
        target=request,
        before={"status": RequestStatus.PENDING},
        after={"status": RequestStatus.CONFIRMED, "membership": str(membership.uuid)},
    )
    return membership


@transaction.atomic
def membership_request_refuse(
    *, actor: Person, request: MembershipRequest, reason: str
) -> MembershipRequest:
    request = _locked_pending(request)
    refusal = request_refusal(actor, request, confirming=False)
    if refusal is not None:
        raise PermissionDenied(refusal)
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do từ chối.")})
    _decided(request, actor=actor, status=RequestStatus.REFUSED, reason=reason)
    audit.record(
        actor=actor,
        action="membership_request.refuse",
        target=request,
        before={"status": RequestStatus.PENDING},
        after={"status": RequestStatus.REFUSED, "reason": reason},
    )
    return request
