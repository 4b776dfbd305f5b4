"""What a person sees of their own API tokens."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from vanphong.api.models import ApiToken
from vanphong.core.access import get_visible_or_404
from vanphong.org.models import Person


def tokens_of(person: Person) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(person=person).order_by("revoked_at", "-created_at")


def token_get_own(person: Person, token_uuid: UUID | str) -> ApiToken:
    """One of the person's tokens, or 404 (another person's token does not exist for them)."""
    return get_visible_or_404(tokens_of(person), token_uuid)
