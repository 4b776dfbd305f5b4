"""Planning and recording reception sessions through the JSON API: a planned session is an
entry of the committee's week (planning's rules and refusals as on the page), one held is
recorded afterwards, bad input is refused on its field with nothing saved, and a session of an
Office the caller does not see is a 404."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.petitions.api import Caller
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.petitions.models import ReceptionSession
from vanphong.planning.models import Entry


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _next_wednesday() -> date:
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday() + 2)


def _plan(world: PetitionWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.province_office.uuid),
        "kind": "head",
        "day": _next_wednesday().isoformat(),
        "session": "morning",
        "place": "Trụ sở tiếp công dân tỉnh",
        "host": str(world.province_leader.uuid),
        "host_title": "Bí thư Tỉnh ủy",
    }
    data.update(overrides)
    return data


def _held(world: PetitionWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.province_office.uuid),
        "kind": "regular",
        "day": "2011-09-15",
        "place": "Phòng tiếp công dân",
    }
    data.update(overrides)
    return data


def test_the_office_leader_plans_the_heads_session_as_an_entry_of_the_week(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.province_office_leader).post(
        "/tiep-cong-dan/lich", _plan(world)
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["kind"], body["held"], body["host"]["uuid"]) == (
        "head",
        False,
        str(world.province_leader.uuid),
    )
    session = ReceptionSession.objects.get(uuid=body["uuid"])
    assert session.entry_lineage is not None
    entry = Entry.objects.get(lineage=session.entry_lineage)
    assert entry.day == _next_wednesday()
    assert "Bí thư Tỉnh ủy" in entry.content
    assert AuditEvent.objects.filter(action="reception.plan").count() == 1


def test_a_reception_officer_who_does_not_compile_the_week_is_refused_and_nothing_saved(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.province_reception).post("/tiep-cong-dan/lich", _plan(world))
    assert response.status_code == 403
    assert not ReceptionSession.objects.exists()
    assert not Entry.objects.exists()


def test_a_heads_session_without_a_leader_of_the_committee_is_refused_on_the_host(
    world: PetitionWorld, client: Client
) -> None:
    leader = Caller(client, world.province_office_leader)
    missing = leader.post("/tiep-cong-dan/lich", _plan(world, host=None))
    assert missing.status_code == 422
    assert missing.json()["errors"]["host"] == [
        "Buổi tiếp của người đứng đầu cần ghi người chủ trì."
    ]
    other = leader.post("/tiep-cong-dan/lich", _plan(world, host=str(world.chau_thanh_leader.uuid)))
    assert other.status_code == 422
    assert "host" in other.json()["errors"]
    assert not ReceptionSession.objects.exists()
    assert not Entry.objects.exists()


def test_a_session_held_is_recorded_and_listed(world: PetitionWorld, client: Client) -> None:
    officer = Caller(client, world.province_reception)
    response = officer.post("/tiep-cong-dan", _held(world))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["held"], body["day"], body["visit_count"]) == (True, "2011-09-15", 0)
    listed = officer.get("/tiep-cong-dan", year=2011).json()["items"]
    assert [row["uuid"] for row in listed] == [body["uuid"]]


def test_a_session_in_the_future_must_be_planned_not_recorded(
    world: PetitionWorld, client: Client
) -> None:
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = Caller(client, world.province_reception).post(
        "/tiep-cong-dan", _held(world, day=future)
    )
    assert response.status_code == 422
    assert response.json()["errors"]["day"] == ["Buổi tiếp chưa diễn ra; hãy lên lịch buổi tiếp."]
    assert not ReceptionSession.objects.exists()


def test_another_units_officer_may_not_record_a_session_of_this_office(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.chau_thanh_reception).post("/tiep-cong-dan", _held(world))
    assert response.status_code == 403
    assert not ReceptionSession.objects.exists()


def test_a_unit_that_does_not_exist_is_refused_on_the_unit(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.province_reception).post(
        "/tiep-cong-dan", _held(world, unit="00000000-0000-4000-8000-000000000000")
    )
    assert response.status_code == 422
    assert response.json()["errors"]["unit"] == ["Không tìm thấy đơn vị có mã này."]


def test_a_planned_session_is_confirmed_held_only_once_its_day_has_come(
    world: PetitionWorld, client: Client
) -> None:
    leader = Caller(client, world.province_office_leader)
    planned = leader.post("/tiep-cong-dan/lich", _plan(world)).json()
    early = leader.post(f"/tiep-cong-dan/{planned['uuid']}/da-tiep")
    assert early.status_code == 422
    ReceptionSession.objects.filter(uuid=planned["uuid"]).update(day=date(2011, 9, 15))
    held = leader.post(f"/tiep-cong-dan/{planned['uuid']}/da-tiep")
    assert held.status_code == 200, held.json()
    assert held.json()["held"] is True


def test_a_session_of_an_office_the_caller_does_not_see_is_a_404(
    world: PetitionWorld, client: Client
) -> None:
    made = Caller(client, world.province_reception).post("/tiep-cong-dan", _held(world)).json()
    district = Caller(client, world.chau_thanh_reception)
    assert district.post(f"/tiep-cong-dan/{made['uuid']}/da-tiep").status_code == 404
    assert district.get(f"/tiep-cong-dan/{made['uuid']}").status_code == 404
