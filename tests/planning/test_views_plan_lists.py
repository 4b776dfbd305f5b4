"""The weeks, programmes and monthly plans lists: a page at a time with the total and page
numbers, at a cost that does not grow with the rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from tests.support.planning import MONDAY, PlanWorld
from tests.support.web import login, page_queries
from vanphong.planning import services_programme, views, views_plans
from vanphong.planning.models import MonthlyPlan, WorkProgramme


def _weeks(world: PlanWorld, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        world.week(MONDAY + timedelta(weeks=n))


def test_the_weeks_list_shows_the_rest_on_page_two(
    world: PlanWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "WEEKS", 2)
    _weeks(world, 3)
    login(client, world.specialist)
    first = client.get("/ke-hoach/lich/")
    assert [w.monday for w in first.context["weeks"]] == [
        MONDAY + timedelta(weeks=2),
        MONDAY + timedelta(weeks=1),
    ]
    assert "3 lịch tuần · trang 1/2" in first.content.decode()
    second = client.get("/ke-hoach/lich/?trang=2")
    assert [w.monday for w in second.context["weeks"]] == [MONDAY]


def test_the_weeks_list_costs_the_same_queries_for_many_weeks(
    world: PlanWorld, client: Client
) -> None:
    _weeks(world, 1)
    login(client, world.specialist)
    few = page_queries(client, "/ke-hoach/lich/")
    _weeks(world, 4, start=1)
    # The COUNT for the page numbers is one of them.
    assert page_queries(client, "/ke-hoach/lich/") == few


def _programmes(world: PlanWorld, years: range) -> list[WorkProgramme]:
    return [
        services_programme.programme_create(
            actor=world.specialist,
            committee=world.province,
            body="standing_committee",
            year=year,
            title=f"Chương trình công tác năm {year}",
        )
        for year in years
    ]


def _plans(world: PlanWorld, months: range) -> list[MonthlyPlan]:
    return [
        services_programme.monthly_plan_draft(
            actor=world.specialist, committee=world.province, year=2012, month=month
        )
        for month in months
    ]


def test_the_programmes_and_monthly_plans_show_the_rest_on_page_two(
    world: PlanWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_plans, "PAGE", 2)
    programmes = _programmes(world, range(2011, 2014))
    plans = _plans(world, range(1, 4))
    login(client, world.specialist)
    first = client.get("/ke-hoach/chuong-trinh/")
    assert first.context["programmes"] == programmes[:0:-1]
    assert "3 chương trình · trang 1/2" in first.content.decode()
    assert client.get("/ke-hoach/chuong-trinh/?trang=2").context["programmes"] == [programmes[0]]
    first = client.get("/ke-hoach/thang/")
    assert list(first.context["plans"]) == plans[:0:-1]
    assert "3 kế hoạch tháng · trang 1/2" in first.content.decode()
    assert list(client.get("/ke-hoach/thang/?trang=2").context["plans"]) == [plans[0]]


def test_the_programmes_and_monthly_plans_cost_the_same_queries_for_many(
    world: PlanWorld, client: Client
) -> None:
    _programmes(world, range(2011, 2012))
    _plans(world, range(1, 2))
    login(client, world.specialist)
    few = [
        page_queries(client, "/ke-hoach/chuong-trinh/"),
        page_queries(client, "/ke-hoach/thang/"),
    ]
    _programmes(world, range(2012, 2015))
    _plans(world, range(2, 5))
    # The COUNT for the page numbers is one of them.
    many = [
        page_queries(client, "/ke-hoach/chuong-trinh/"),
        page_queries(client, "/ke-hoach/thang/"),
    ]
    assert many == few
