"""The people picker in chromium: typing filters the grouped options ignoring marks, the
keyboard reaches and checks an option, and Enter in the search box sends nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import login, submit
from tests.support.documents import DocWorld, build_world, register_2011
from tests.support.factories import MembershipFactory, PersonFactory
from vanphong.documents import services_incoming
from vanphong.documents.models import AssignmentRole, IncomingStatus
from vanphong.org.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def test_typing_without_marks_filters_the_people_and_the_keyboard_checks_one(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    nguyen = PersonFactory.create(full_name="Nguyễn Thị Ánh")
    MembershipFactory.create(
        person=nguyen, unit=world.chau_thanh_office, role=Role.SPECIALIST, position="Chuyên viên"
    )
    document = services_incoming.incoming_present(
        actor=world.chau_thanh_clerk,
        document=register_2011(world),
        leader=world.chau_thanh_office_leader,
    )
    login(page, live_server.url, world.chau_thanh_office_leader)
    page.goto(f"{live_server.url}/van-ban/den/{document.uuid}/chi-dao/")
    page.get_by_label("Ý kiến chỉ đạo").fill("Giao xử lý.")
    picker = page.locator("#id_supporting")
    search = page.get_by_label("Người phối hợp")
    assert search.is_visible()  # the script showed the box; without it the list is all

    search.fill("nguyen anh")
    visible = picker.locator(".vp-picker-option:visible")
    assert visible.count() == 1
    assert visible.inner_text().strip() == "Nguyễn Thị Ánh — Chuyên viên"
    assert picker.get_by_text("Huyện ủy Châu Thành", exact=True).is_hidden()  # empty group

    search.press("Enter")  # sends nothing
    assert page.url.endswith("/chi-dao/")
    search.press("ArrowDown")
    page.keyboard.press("Space")
    assert picker.get_by_label("Nguyễn Thị Ánh").is_checked()

    search.fill("không ai tên này")
    assert picker.get_by_text("Không có lựa chọn nào khớp.").is_visible()
    search.press("Escape")
    assert picker.locator(".vp-picker-option:visible").count() > 3

    page.locator("#id_lead_person").get_by_label(str(world.chau_thanh_specialist)).check()
    submit(page, "Ghi ý kiến chỉ đạo")
    document.refresh_from_db()
    assert document.status == IncomingStatus.ASSIGNED
    assert {(a.assignee, a.role) for a in document.assignments.all()} == {
        (world.chau_thanh_specialist, AssignmentRole.LEAD),
        (nguyen, AssignmentRole.SUPPORT),
    }
