from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.api.models import ApiToken
from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person

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


@transaction.atomic
def token_revoke(*, actor: Person | None, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(_("Mã truy cập này đã bị thu hồi."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(actor=actor, action="api_token.revoke", target=token, after={"revoked": True})
    return token
