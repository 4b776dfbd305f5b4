"""What several of the documents flows take: a reason, a time of day, the cap on a list."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from ninja import Field, Schema

from vanphong.core.inputs import CleanStr

MAX_LIST = 200


class ReasonIn(Schema):
    reason: CleanStr = Field(min_length=1, max_length=500, description="Lý do.")


def aware(moment: datetime | None) -> datetime | None:
    """A time sent without an offset is office time (Asia/Ho_Chi_Minh)."""
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment
