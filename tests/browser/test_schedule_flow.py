"""The weekly schedule clicked through in Debian's chromium: compile with a conflict, resolve it,
approve, publish, amend one entry and see the change marked."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.browser import login, submit
from tests.support.planning import PlanWorld, build_world
from vanphong.planning.models import Entry, ScheduleVersion, VersionStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> PlanWorld:
    return build_world()


def field(label: str) -> re.Pattern[str]:
    """A form label, with or without the asterisk of a required field."""
    return re.compile(rf"^{label}( \*)?$")


def add_entry(page: Any, *, at: str, content: str, leader: str, room: str) -> None:
    page.get_by_role("link", name="Thêm mục lịch").click()
    page.get_by_label(field("Ngày")).select_option(label="Thứ Hai 13/02")
    page.get_by_label(field("Buổi")).select_option(label="Sáng")
    page.get_by_label("Giờ bắt đầu").fill(at)
    page.get_by_label(field("Nội dung")).fill(content)
    page.get_by_label(leader).check()
    page.get_by_label("Phòng họp").select_option(label=room)
    submit(page, "Lưu")


def test_a_week_is_compiled_approved_published_and_amended(
    page: Any, live_server: Any, world: PlanWorld
) -> None:
    base = live_server.url
    login(page, base, world.specialist)
    page.goto(f"{base}/ke-hoach/lich/")
    page.get_by_label("Cấp ủy").select_option(label="Tỉnh ủy Tây Ninh")
    page.get_by_label("Lịch của").select_option(label="Lãnh đạo cấp ủy")
    page.get_by_label("Một ngày trong tuần").fill("2012-02-15")
    submit(page, "Lập lịch tuần")
    assert page.get_by_test_id("week-subtitle").inner_text() == (
        "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012"
    )

    add_entry(
        page,
        at="08:00",
        content="Họp Thường trực Tỉnh ủy",
        leader="Nguyễn Bí Thư",
        room="Hội trường A",
    )
    add_entry(
        page,
        at="08:30",
        content="Tiếp đoàn công tác Trung ương",
        leader="Nguyễn Bí Thư",
        room="Phòng họp số 2",
    )
    # The clash is shown with the other entry, and nothing is saved.
    conflicts = page.get_by_test_id("conflicts")
    assert "Nguyễn Bí Thư đã có lịch" in conflicts.inner_text()
    assert "Họp Thường trực Tỉnh ủy" in conflicts.inner_text()
    assert Entry.objects.count() == 1
    # Resolved by moving it to later in the morning.
    page.get_by_label("Giờ bắt đầu").fill("10:00")
    submit(page, "Lưu")
    assert Entry.objects.count() == 2

    login(page, base, world.chief)
    version = ScheduleVersion.objects.get()
    page.goto(f"{base}/ke-hoach/lich/{version.schedule.uuid}/")
    submit(page, "Duyệt lịch")
    submit(page, "Phát hành")
    assert page.get_by_test_id("version-status").inner_text() == "Đã phát hành"

    login(page, base, world.specialist)
    page.goto(f"{base}/ke-hoach/lich/{version.schedule.uuid}/")
    page.get_by_role("link", name="Điều chỉnh lịch").click()
    page.get_by_label("Lý do điều chỉnh").fill("Đoàn Trung ương đến chiều")
    submit(page, "Điều chỉnh lịch đã phát hành")
    row = page.get_by_test_id("entry").filter(has_text="Tiếp đoàn công tác Trung ương")
    row.get_by_role("link", name="Sửa").click()
    page.get_by_label(field("Buổi")).select_option(label="Chiều")
    page.get_by_label("Giờ bắt đầu").fill("14:00")
    submit(page, "Lưu")

    login(page, base, world.chief)
    page.goto(f"{base}/ke-hoach/lich/{version.schedule.uuid}/")
    submit(page, "Duyệt lịch")
    submit(page, "Phát hành")
    assert ScheduleVersion.objects.get(number=1).status == VersionStatus.SUPERSEDED

    login(page, base, world.hoa_thanh_clerk)
    page.goto(f"{base}/ke-hoach/lich/{version.schedule.uuid}/")
    marked = page.get_by_test_id("entry").filter(has=page.get_by_test_id("mark"))
    assert marked.count() == 1
    assert "Tiếp đoàn công tác Trung ương" in marked.inner_text()
    assert "Điều chỉnh" in marked.get_by_test_id("mark").inner_text()
    assert "14g00" in marked.inner_text()
