"""The fields and the period report through the JSON API: the report's figures are the ones
`reports.report_build` computes for the page and its files, and a bad choice is refused on
its field."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.petitions.letters import denunciation, register
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.petitions import reports
from vanphong.petitions.models import Field


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def test_the_fields_are_listed_with_those_no_longer_used(
    world: PetitionWorld, client: Client
) -> None:
    Field.objects.update_or_create(name="Khác hẳn", defaults={"position": 999, "is_active": False})
    response = Caller(client, world.province_reception).get("/linh-vuc")
    assert response.status_code == 200
    listed = [(f["name"], f["is_active"]) for f in response.json()]
    assert ("Đất đai", True) in listed
    assert listed[-1] == ("Khác hẳn", False)
    assert len(listed) == Field.objects.count()


def test_the_yearly_report_has_the_figures_the_page_computes(
    world: PetitionWorld, client: Client
) -> None:
    register(world)
    register(world, received_on=date(2011, 10, 3))
    denunciation(world, field=None)
    register(world, received_on=date(2012, 1, 5))  # another year
    leader = world.province_office_leader
    response = Caller(client, leader).get(
        "/bao-cao", unit=str(world.province_office.uuid), kind="year", year=2011
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    built = reports.report_build(
        person=leader,
        unit=world.province_office,
        period=reports.Period(reports.PeriodKind.YEAR, 2011),
    )
    total = body["total"]
    assert (total["letters"], total["complaint"], total["denunciation"]) == (
        built.total.letters,
        built.total.complaint,
        built.total.denunciation,
    )
    assert (total["letters"], total["complaint"], total["denunciation"]) == (3, 2, 1)
    assert {row["name"]: row["count"] for row in total["by_field"]} == {
        "Đất đai": 2,
        "Chưa xác định lĩnh vực": 1,
    }
    assert body["period"] == {
        "kind": "year",
        "year": 2011,
        "month": None,
        "start": "2011-01-01",
        "end": "2011-12-31",
        "label": "năm 2011",
    }


def test_a_monthly_report_without_its_month_is_refused_on_the_month(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.province_reception).get(
        "/bao-cao", unit=str(world.province_office.uuid), kind="month", year=2011
    )
    assert response.status_code == 422
    assert response.json()["errors"]["month"] == ["Chọn tháng của báo cáo tháng."]


def test_a_unit_the_caller_may_not_report_on_is_refused_on_the_unit(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.chau_thanh_reception).get(
        "/bao-cao", unit=str(world.province_office.uuid), kind="year", year=2011
    )
    assert response.status_code == 422
    assert "unit" in response.json()["errors"]
