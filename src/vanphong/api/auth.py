from __future__ import annotations

from datetime import timedelta
from typing import cast

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from vanphong.api.models import ApiToken
from vanphong.api.services import token_digest
from vanphong.org.models import Person

# Writing last_used_at on every call would turn each read into a write; once a minute is enough.
_TOUCH_EVERY = timedelta(minutes=1)


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Person | None:
        record = (
            ApiToken.objects.select_related("person")
            .filter(digest=token_digest(token), revoked_at__isnull=True, person__is_active=True)
            .first()
        )
        if record is None:
            return None
        now = timezone.now()
        if record.last_used_at is None or now - record.last_used_at > _TOUCH_EVERY:
            ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
        request.user = record.person
        return record.person


def actor(request: HttpRequest) -> Person:
    """Who calls: the person the bearer token authenticated (every operation requires one)."""
    return cast(Person, request.auth)  # type: ignore[attr-defined]
