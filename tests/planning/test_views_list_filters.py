"""The programmes and weekly schedules lists narrowed by `don-vi` (its committee's) and `nam`,
as an emulation figure links to them."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from tests.support.planning import PlanWorld
from vanphong.planning import services_programme


def test_the_programmes_list_shows_the_units_committee_and_year_asked(
    world: PlanWorld, client: Client
) -> None:
    for year in (2011, 2012):
        services_programme.programme_create(
            actor=world.specialist,
            committee=world.province,
            body="standing_committee",
            year=year,
            title=f"Chương trình công tác năm {year}",
        )
    client.force_login(world.chief)
    url = reverse("planning:programmes")
    office = str(world.province_office.uuid)
    html = client.get(url, {"don-vi": office, "nam": "2011"}).content.decode()
    assert "Chương trình công tác năm 2011" in html
    assert "Chương trình công tác năm 2012" not in html
    other = client.get(url, {"don-vi": str(world.chau_thanh_office.uuid)}).content.decode()
    assert "Chương trình công tác năm 2011" not in other
    garbled = client.get(url, {"don-vi": "x", "nam": "hai"}).content.decode()
    assert "Chương trình công tác năm 2012" in garbled  # not applied


def test_the_weeks_list_shows_the_weeks_whose_monday_is_in_the_year(
    world: PlanWorld, client: Client
) -> None:
    world.week(date(2012, 12, 31))  # ISO week 1 of 2013, Monday in 2012
    world.week(date(2013, 1, 7))
    client.force_login(world.chief)
    url = reverse("planning:schedules")
    html = client.get(url, {"don-vi": str(world.province_office.uuid), "nam": "2012"}).content
    assert "31/12/2012" in html.decode()
    assert "07/01/2013" not in html.decode()
    other = client.get(url, {"don-vi": str(world.chau_thanh.uuid)}).content.decode()
    assert "31/12/2012" not in other
