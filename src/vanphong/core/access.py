"""Fetching one object through a visibility-scoped queryset."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def get_visible_or_404(visible: QuerySet[M], uuid: UUID | str) -> M:
    """The object with `uuid` among `visible`, or 404 — the same answer whether it exists
    elsewhere, does not exist, or the identifier is malformed, so nothing leaks."""
    try:
        return visible.get(uuid=uuid)
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None
