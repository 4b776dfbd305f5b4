"""The measures API: the registry of measures, a movement's measurements (per unit), and the
convenor's recompute — bearer token, the page's visibility and errors."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from django.test import Client

from tests.support.emulation_measures import MEASURES, EmulationWorld, build_emulation_world
from tests.support.personas import Personas
from vanphong.api.services import token_create
from vanphong.emulation.models import Measurement, MovementStatus
from vanphong.emulation.services_measure import measurements_compute
from vanphong.org.models import Person

API = "/api/v1/thi-dua"


class Caller:
    def __init__(self, client: Client, person: Person) -> None:
        self.client = client
        token = token_create(actor=None, person=person, name="thử").token
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(API + path, params, headers=self.headers)

    def post(self, path: str, data: dict[str, Any] | None = None) -> Any:
        return self.client.post(
            API + path, data or {}, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def world(people: Personas) -> EmulationWorld:
    return build_emulation_world(people)


def test_the_registry_lists_every_measure_with_its_query(
    client: Client, world: EmulationWorld
) -> None:
    response = Caller(client, world.member_officer).get("/so-lieu/cach-do")
    assert response.status_code == 200
    found = {row["key"]: row for row in response.json()}
    assert set(MEASURES) <= set(found)
    assert "FROM directives_task" in found["directives.tasks_on_time"]["query"]
    assert found["planning.schedules_on_time"]["title"]


def test_without_a_token_nothing_is_answered(client: Client, world: EmulationWorld) -> None:
    assert client.get(f"{API}/so-lieu/cach-do").status_code == 401


def test_the_convenor_recomputes_and_reads_every_members_measurements(
    client: Client, world: EmulationWorld
) -> None:
    officer = Caller(client, world.officer)
    movement = world.movement.uuid
    response = officer.post(f"/phong-trao/{movement}/so-lieu/tinh-lai", {"as_of": "2011-06-30"})
    assert response.status_code == 200, response.json()
    assert response.json() == {"rows": 12}
    rows = officer.get(f"/phong-trao/{movement}/so-lieu").json()
    assert len(rows) == 12
    first = rows[0]
    assert first["as_of"] == "2011-06-30"
    assert first["share"] is None
    assert "nam=2011" in first["records_url"]
    one = officer.get(
        f"/phong-trao/{movement}/so-lieu", unit=str(world.hoa_thanh_office.uuid)
    ).json()
    assert {row["unit"]["uuid"] for row in one} == {str(world.hoa_thanh_office.uuid)}


def test_a_member_reads_only_its_own_and_may_not_recompute(
    client: Client, world: EmulationWorld
) -> None:
    measurements_compute(movement=world.movement, actor=world.officer)
    member = Caller(client, world.member_officer)
    movement = world.movement.uuid
    rows = member.get(f"/phong-trao/{movement}/so-lieu").json()
    assert {row["unit"]["uuid"] for row in rows} == {str(world.chau_thanh_office.uuid)}
    other = member.get(f"/phong-trao/{movement}/so-lieu", unit=str(world.hoa_thanh_office.uuid))
    assert other.status_code == 404
    assert member.post(f"/phong-trao/{movement}/so-lieu/tinh-lai").status_code == 403


def test_an_unknown_or_unseen_movement_is_a_404(client: Client, world: EmulationWorld) -> None:
    assert Caller(client, world.officer).get(f"/phong-trao/{uuid4()}/so-lieu").status_code == 404
    outsider = Caller(client, world.unassigned)
    assert outsider.get(f"/phong-trao/{world.movement.uuid}/so-lieu").status_code == 404


def test_a_closed_movement_is_a_422(client: Client, world: EmulationWorld) -> None:
    world.movement.status = MovementStatus.CLOSED
    world.movement.save()
    response = Caller(client, world.officer).post(
        f"/phong-trao/{world.movement.uuid}/so-lieu/tinh-lai"
    )
    assert response.status_code == 422
    assert not Measurement.objects.exists()
