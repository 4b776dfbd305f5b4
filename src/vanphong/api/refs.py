"""References to units and people: how an answer names them, and how a request body's UUID
becomes one (an unknown UUID is a 422 on that field, not a 404 of the whole request)."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Schema

from vanphong.org.models import Person, Unit


class UnitRef(Schema):
    uuid: UUID
    name: str = Field(description="Tên đơn vị.")
    symbol: str = Field(description="Ký hiệu cơ quan ban hành, ví dụ TU, HU, VPTU.")


class PersonRef(Schema):
    uuid: UUID
    username: str
    full_name: str


def person_named(uuid: UUID, field: str) -> Person:
    """An active person referred to in a request body; unknown is an error on that field."""
    person = Person.objects.filter(uuid=uuid, is_active=True).first()
    if person is None:
        raise ValidationError({field: _("Không tìm thấy cán bộ có mã này.")})
    return person


def unit_named(uuid: UUID, field: str, among: QuerySet[Unit] | None = None) -> Unit:
    """An active unit referred to in a request body, among those given (default: any)."""
    units = among if among is not None else Unit.objects.all()
    unit = units.filter(uuid=uuid, is_active=True).first()
    if unit is None:
        raise ValidationError({field: _("Không tìm thấy đơn vị có mã này.")})
    return unit
