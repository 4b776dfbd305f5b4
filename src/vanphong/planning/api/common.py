"""What every planning operation shares: the caller, units looked up by UUID, and the input
types of periods and reasons."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field

from vanphong.core.inputs import CleanStr
from vanphong.org.models import Unit

Month = Annotated[int, Field(ge=1, le=12)]
Quarter = Annotated[int, Field(ge=1, le=4)]
Reason = Annotated[CleanStr, Field(max_length=500)]


def optional_unit(uuid: UUID | None, field: str) -> Unit | None:
    if uuid is None:
        return None
    unit = Unit.objects.filter(uuid=uuid, is_active=True).first()
    if unit is None:
        raise ValidationError({field: _("Không tìm thấy đơn vị có mã này.")})
    return unit


def required_unit(uuid: UUID, field: str) -> Unit:
    unit = optional_unit(uuid, field)
    if unit is None:  # optional_unit raises for an unknown one; this informs the type checker
        raise ValidationError({field: _("Cần chọn đơn vị.")})
    return unit
