from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.api.models import ApiToken
from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person
from vanphong.org.selectors import may_manage_account

TOKEN_PREFIX = "vp_"  # noqa: S105 (a marker, not a secret)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    record: ApiToken
    token: str  # shown once; only its digest is kept


@transaction.atomic
def token_create(*, actor: Person | None, person: Person, name: str) -> IssuedToken:
    if not person.is_active:
        raise ValidationError(_("Không cấp mã truy cập cho tài khoản đã bị vô hiệu hóa."))
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        person=person,
        name=clean(name) or "cli",
        prefix=token[:10],
        digest=token_digest(token),
    )
    audit.record(
        actor=actor,
        action="api_token.create",
        target=record,
        after={"person": person.pk, "name": record.name, "prefix": record.prefix},
    )
    return IssuedToken(record, token)


def _require_authority(actor: Person | None, person: Person) -> None:
    """One's own tokens, or those of someone whose whole account the actor administers."""
    if actor is not None and actor.pk == person.pk:
        return
    if not may_manage_account(actor, person):
        raise PermissionDenied(_("Bạn không được thu hồi mã truy cập của cán bộ này."))


def _revoke(token: ApiToken, *, actor: Person | None, reason: str) -> None:
    token.revoked_at = timezone.now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    audit.record(
        actor=actor,
        action="api_token.revoke",
        target=token,
        after={"revoked": True, "reason": reason},
    )


@transaction.atomic
def token_revoke(*, actor: Person | None, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().select_related("person").get(pk=token.pk)
    _require_authority(actor, token.person)
    if token.revoked_at is not None:
        raise ValidationError(_("Mã truy cập này đã bị thu hồi."))
    _revoke(token, actor=actor, reason="revoked")
    return token


@transaction.atomic
def tokens_revoke_all(*, actor: Person | None, person: Person, reason: str = "revoked") -> int:
    """Revoke every live token of the person; how many there were."""
    _require_authority(actor, person)
    live = list(ApiToken.objects.select_for_update().filter(person=person, revoked_at__isnull=True))
    for token in live:
        _revoke(token, actor=actor, reason=reason)
    return len(live)


def on_credentials_reset(*, person: Person, actor: Person | None, reason: str) -> None:
    """org's hook: a new password or a deactivation revokes every token (org has checked the
    actor's authority, inside the transaction this runs in)."""
    tokens_revoke_all(actor=actor, person=person, reason=reason)
