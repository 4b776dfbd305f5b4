"""The schedule entry form: leaders under their units as "Name — position", units in the
organisation's order under their labels, in as many queries for many leaders as for few."""

from __future__ import annotations

from django.test import Client

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.planning import PlanWorld
from tests.support.web import login, page_queries
from vanphong.org.models import Role


def test_leaders_are_checked_in_a_picker_grouped_by_unit(world: PlanWorld, client: Client) -> None:
    version = world.week()
    login(client, world.specialist)
    body = client.get(f"/ke-hoach/lich/ban/{version.uuid}/them/").content.decode()
    assert 'type="checkbox" name="leaders"' in body
    committee = body.index('<legend class="vp-picker-group-name">Tỉnh ủy Tây Ninh</legend>')
    office = body.index('<legend class="vp-picker-group-name">Văn phòng Tỉnh ủy Tây Ninh</legend>')
    assert committee < office
    assert f"{world.secretary.full_name} — " in body
    units = body[body.index('id="id_units"') :]
    assert units.index(">Huyện ủy Châu Thành<") < units.index(">Văn phòng Huyện ủy Châu Thành<")


def test_the_entry_form_takes_as_many_queries_for_twenty_more_leaders(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    login(client, world.specialist)
    address = f"/ke-hoach/lich/ban/{version.uuid}/them/"
    few = page_queries(client, address)
    for n in range(20):
        MembershipFactory.create(
            person=PersonFactory.create(full_name=f"Ủy viên {n}"),
            unit=world.province,
            role=Role.COMMITTEE_LEADER,
            position="Ủy viên Ban Thường vụ",
        )
    body = client.get(address).content.decode()
    assert "Ủy viên 19 — Ủy viên Ban Thường vụ</label>" in body
    assert page_queries(client, address) == few
