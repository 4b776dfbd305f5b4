"""The fields (lĩnh vực) through the JSON API: added and edited only by the province's
administrators and its Office's leaders, a name repeated (accents and case aside) refused on
the name with nothing saved, and a field that does not exist a 404."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.petitions.models import Field


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def test_the_provinces_office_leader_adds_a_field_last(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.province_office_leader).post(
        "/linh-vuc", {"name": "  Môi   trường "}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["name"], body["is_active"]) == ("Môi trường", True)
    others = Field.objects.exclude(uuid=body["uuid"])
    assert body["position"] > max(f.position for f in others)
    assert AuditEvent.objects.filter(action="petition_field.create").count() == 1


@pytest.mark.parametrize(
    "persona", ["province_reception", "chau_thanh_office_leader", "chau_thanh_reception"]
)
def test_who_does_not_keep_the_fields_may_not_add_one(
    world: PetitionWorld, client: Client, persona: str
) -> None:
    before = Field.objects.count()
    response = Caller(client, getattr(world, persona)).post("/linh-vuc", {"name": "Khác nữa"})
    assert response.status_code == 403
    assert Field.objects.count() == before


def test_a_name_already_used_accents_and_case_aside_is_refused_on_the_name(
    world: PetitionWorld, client: Client
) -> None:
    before = Field.objects.count()
    response = Caller(client, world.province_admin).post("/linh-vuc", {"name": "DAT DAI"})
    assert response.status_code == 422
    assert response.json()["errors"]["name"] == ["Đã có lĩnh vực “Đất đai”."]
    empty = Caller(client, world.province_admin).post("/linh-vuc", {"name": "   "})
    assert empty.status_code == 422
    assert empty.json()["errors"]["name"] == ["Cần nhập tên lĩnh vực."]
    assert Field.objects.count() == before


def test_an_admin_renames_a_field_and_stops_using_it_the_rest_kept(
    world: PetitionWorld, client: Client
) -> None:
    position = world.land.position
    response = Caller(client, world.province_admin).patch(
        f"/linh-vuc/{world.land.uuid}", {"name": "Đất đai, nhà ở", "is_active": False}
    )
    assert response.status_code == 200, response.json()
    world.land.refresh_from_db()
    assert (world.land.name, world.land.is_active, world.land.position) == (
        "Đất đai, nhà ở",
        False,
        position,
    )


def test_a_reception_officer_may_not_edit_a_field(world: PetitionWorld, client: Client) -> None:
    response = Caller(client, world.province_reception).patch(
        f"/linh-vuc/{world.land.uuid}", {"is_active": False}
    )
    assert response.status_code == 403
    world.land.refresh_from_db()
    assert world.land.is_active


def test_a_rename_to_another_fields_name_is_refused_and_nothing_changes(
    world: PetitionWorld, client: Client
) -> None:
    other = Field.objects.exclude(pk=world.land.pk).first()
    assert other is not None
    response = Caller(client, world.province_admin).patch(
        f"/linh-vuc/{world.land.uuid}", {"name": other.name.upper(), "is_active": False}
    )
    assert response.status_code == 422
    assert "name" in response.json()["errors"]
    world.land.refresh_from_db()
    assert (world.land.name, world.land.is_active) == ("Đất đai", True)


def test_a_field_that_does_not_exist_is_a_404(world: PetitionWorld, client: Client) -> None:
    response = Caller(client, world.province_admin).patch(
        "/linh-vuc/00000000-0000-4000-8000-000000000000", {"is_active": False}
    )
    assert response.status_code == 404
