"""The fields (lĩnh vực) of letters."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.petitions.letters import register, world
from tests.support.petitions import PetitionWorld
from vanphong.petitions import services_fields
from vanphong.petitions.models import Field

__all__ = ["world"]  # the fixture: imported for pytest to find, not called


def test_fields_are_kept_by_the_provinces_office_leaders_and_admins(world: PetitionWorld) -> None:
    field = services_fields.field_create(actor=world.province_office_leader, name="Môi trường")
    assert field.position > max(f.position for f in Field.objects.exclude(pk=field.pk))
    with pytest.raises(ValidationError) as raised:
        services_fields.field_create(actor=world.province_admin, name="MÔI TRƯỜNG")
    assert "name" in raised.value.message_dict
    with pytest.raises(PermissionDenied):
        services_fields.field_create(actor=world.chau_thanh_office_leader, name="Khác nữa")
    with pytest.raises(PermissionDenied):
        services_fields.field_create(actor=world.province_reception, name="Khác nữa")
    field = services_fields.field_update(
        actor=world.province_admin, field=field, name="Tài nguyên, môi trường", is_active=False
    )
    assert (field.name, field.is_active) == ("Tài nguyên, môi trường", False)
    with pytest.raises(ValidationError) as inactive:
        register(world, field=field)
    assert "field" in inactive.value.message_dict


def test_the_usual_fields_are_seeded(db: None) -> None:
    names = set(Field.objects.values_list("name", flat=True))
    assert {"Đất đai", "Tham nhũng, tiêu cực", "Đảng viên vi phạm", "Khác"} <= names
