"""The weekly schedule on a phone (375×812): one card a day, every entry readable, nothing
wider than the screen; from a desktop's width it is the table it was."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from tests.support.browser import login
from tests.support.planning import PlanWorld, build_world, publish
from vanphong.org.models import Clearance
from vanphong.planning import services_schedule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = (
    "Hội nghị sơ kết công tác Văn phòng cấp ủy năm 2011, triển khai nhiệm vụ năm 2012 "
    "(https://example.invalid/tai-lieu/hoi-nghi-so-ket-cong-tac-van-phong-cap-uy-2011-2012)"
)


@pytest.fixture
def world() -> PlanWorld:
    return build_world()


def published_week(world: PlanWorld) -> Any:
    version = world.week()
    for data in (
        world.data(starts_at=time(7, 30), ends_at=time(9, 0), leaders=[world.secretary]),
        world.data(day=date(2012, 2, 14), content="Họp Ban Thường vụ Tỉnh ủy"),
        world.data(
            day=date(2012, 2, 14),
            session="afternoon",
            starts_at=time(14, 0),
            content="Làm việc về công tác cán bộ",
            leaders=[world.deputy],
            confidentiality=Clearance.TOP_SECRET,
        ),
        world.data(
            day=date(2012, 2, 16),
            session="afternoon",
            starts_at=time(14, 0),
            content=LONG,
            leaders=[world.secretary, world.deputy],
            units=[world.chau_thanh, world.hoa_thanh],
            place="Hội trường Tỉnh ủy, số 1 đường Trần Hưng Đạo",
            preparing_unit=world.province_office,
        ),
    ):
        services_schedule.entry_add(actor=world.specialist, version=version, data=data)
    return publish(world, version)


def test_the_week_on_a_phone_is_one_card_a_day_and_nothing_is_cut_off(
    page: Any, live_server: Any, world: PlanWorld
) -> None:
    version = published_week(world)
    page.set_viewport_size({"width": 375, "height": 812})
    login(page, live_server.url, world.province_clerk)  # cleared for Mật, not Tối mật
    page.goto(f"{live_server.url}/ke-hoach/lich/{version.schedule.uuid}/")

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    days = page.get_by_test_id("day")
    assert days.count() == 5  # Monday to Friday
    for index in range(5):
        box = days.nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 375
    assert days.nth(0).inner_text().startswith("Thứ Hai 13/02")
    entries = page.get_by_test_id("entry")
    assert entries.count() == 4
    for index in range(4):
        entry = entries.nth(index)
        assert entry.is_visible()
        box = entry.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 375
    first = days.nth(0).inner_text()
    assert "07g30–09g00" in first
    assert "Lãnh đạo dự: Nguyễn Bí Thư" in first
    assert "Địa điểm: Hội trường A" in first
    # The secret entry is "Bận" to this reader, as on the desktop.
    second = days.nth(1).inner_text()
    assert "Bận" in second
    assert "công tác cán bộ" not in second
    assert second.count("Thứ Ba 14/02") == 1  # a card names its day once, over both sessions
    assert "Chuẩn bị: Văn phòng Tỉnh ủy" in days.nth(3).inner_text()
    # The time stays on one line.
    time_height = page.locator("[data-testid=entry] strong").first.evaluate(
        "e => e.getClientRects().length"
    )
    assert time_height == 1


def test_the_week_on_a_desktop_is_a_table(page: Any, live_server: Any, world: PlanWorld) -> None:
    version = published_week(world)
    login(page, live_server.url, world.province_clerk)
    page.goto(f"{live_server.url}/ke-hoach/lich/{version.schedule.uuid}/")
    grid = page.get_by_test_id("week-grid")
    assert grid.locator("thead").is_visible()
    assert grid.evaluate("e => getComputedStyle(e).display") == "table"
    assert page.get_by_role("columnheader", name="Lãnh đạo dự").is_visible()
