"""The planning API refuses out-of-range input on its field (422, in Vietnamese), never 500:
a room name of two million characters, malformed or zoned times, weeks and days outside
1900–2100, years that are not years."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.support.api import api
from tests.support.planning import PlanWorld, entry
from vanphong.planning.models import Entry, Room

VIETNAMESE = set("ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịéèẻẽẹóòỏõọýỳỷỹỵ")


def _refused(response: Any, field: str) -> None:
    assert response.status_code == 422, (response.status_code, response.content[:300])
    messages = response.json()["errors"][field]
    assert any(set(m.lower()) & VIETNAMESE for m in messages), messages


def _draft(client: Client, world: PlanWorld) -> str:
    opened = api(client, world.specialist).post(
        "/lich", {"committee": str(world.province.uuid), "kind": "leaders", "day": "2012-02-15"}
    )
    assert opened.status_code == 201, opened.content
    return str(opened.json()["version"]["uuid"])


def test_a_room_name_of_two_million_characters_is_refused(client: Client, world: PlanWorld) -> None:
    body = {"committee": str(world.province.uuid), "name": "P" * 2_000_000}
    _refused(api(client, world.specialist).post("/phong-hop", body), "name")
    assert Room.objects.count() == 2


def test_a_room_name_of_control_characters_only_is_blank(client: Client, world: PlanWorld) -> None:
    body = {"committee": str(world.province.uuid), "name": "\x00\x1b "}
    _refused(api(client, world.specialist).post("/phong-hop", body), "name")


def test_a_room_capacity_past_what_the_database_holds_is_refused(
    client: Client, world: PlanWorld
) -> None:
    body = {"committee": str(world.province.uuid), "name": "Hội trường B", "capacity": 2**63}
    _refused(api(client, world.specialist).post("/phong-hop", body), "capacity")


@pytest.mark.parametrize("value", ["08:00+07:00", "25:00", "08:61", "8h", "08:00:00.5Z"])
@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_a_malformed_or_zoned_time_is_refused(
    client: Client, world: PlanWorld, field: str, value: str
) -> None:
    version = _draft(client, world)
    answer = api(client, world.specialist).post(
        f"/lich/ban/{version}/muc", entry(world, **{field: value})
    )
    _refused(answer, field)
    assert not Entry.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-03", "9999-12-31"])
def test_a_week_in_year_1_or_9999_is_refused(client: Client, world: PlanWorld, day: str) -> None:
    office = api(client, world.specialist)
    answer = office.post(
        "/lich", {"committee": str(world.province.uuid), "kind": "leaders", "day": day}
    )
    _refused(answer, "day")
    _refused(office.get("/lich", day=day), "day")


@pytest.mark.parametrize("year", ["-1", "0", "99999999999999999999"])
@pytest.mark.parametrize("path", ["/chuong-trinh", "/thang"])
def test_a_year_that_is_no_year_is_refused(
    client: Client, world: PlanWorld, path: str, year: str
) -> None:
    _refused(api(client, world.specialist).get(path, year=year), "year")


def test_a_programme_or_plan_year_and_month_out_of_range_are_refused(
    client: Client, world: PlanWorld
) -> None:
    office = api(client, world.specialist)
    committee = str(world.province.uuid)
    programme = {"committee": committee, "body": "standing_committee", "year": 2**63}
    _refused(office.post("/chuong-trinh", programme), "year")
    _refused(office.post("/thang", {"committee": committee, "year": 2012, "month": 13}), "month")
