"""Every write to memberships (posts): grants, changes, ends — and the requests that a
sensitive grant by an administrator waits in until one above him confirms it."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.org.models import (
    Clearance,
    Membership,
    MembershipRequest,
    Person,
    RequestStatus,
    Role,
    Unit,
)
from vanphong.org.selectors import account_units, forget_scope, request_refusal, scope_for
from vanphong.org.services import _require_admin

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

# --- memberships ---------------------------------------------------------------------------


def _is_sensitive(role: str, clearance: int) -> bool:
    """A grant that opens documents: every role but quản trị reads them, and any clearance
    above Không mật opens secret ones (or, on a quản trị post, lets its holder confirm them)."""
    return role != Role.ADMIN or clearance > Clearance.UNCLASSIFIED


def _refuse_own(actor: Person | None, person: Person) -> None:
    if actor is not None and actor.pk == person.pk:
        raise PermissionDenied(_("Không ai tự cấp, sửa hay kết thúc công tác của chính mình."))


def _refuse_superuser(actor: Person | None, person: Person) -> None:
    """Only superusers act on a superuser: his posts (a leader's, which decides and signs)
    are not changed or ended by the administrator of the unit they are in."""
    if person.is_superuser and actor is not None and not scope_for(actor).everything:
        raise PermissionDenied(_("Bạn không có quyền quản trị cán bộ này."))


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
    if role not in Role.values:
        # Chosen, never assumed: a default role would quietly open a clerk's queues.
        raise ValidationError({"role": _("Chọn vai trò của cán bộ ở đơn vị này.")})
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
