"""Every write to people and their accounts: profiles, passwords, (de)activation,
credentials."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean, fold
from vanphong.org import hooks
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import may_manage_account
from vanphong.org.services import _require_admin
from vanphong.org.services_memberships import _grant
from vanphong.org.usernames import check_username

PERSON_FIELDS = ("username", "full_name", "email", "phone", "is_active")


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
    check_username(person.username)
    if not person.full_name:
        raise ValidationError({"full_name": _("Cần nhập họ và tên.")})
    taken = Person.objects.filter(username__iexact=person.username).exclude(pk=person.pk)
    if taken.exists():
        raise ValidationError({"username": _("Tên đăng nhập này đã có người dùng.")})


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


def _require_authority_over_account(actor: Person | None, person: Person) -> None:
    if not may_manage_account(actor, person):
        raise PermissionDenied(_("Bạn không có quyền quản trị tài khoản của cán bộ này."))


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
