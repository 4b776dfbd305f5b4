"""A task walked through in Debian's chromium: assigned from its directive, an extension
asked and granted, completion reported and accepted — and the dashboard follows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.support.browser import login, submit
from tests.support.directives import province_directive
from tests.support.documents import DocWorld, build_world
from vanphong.directives.models import Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def figures(page: Any) -> dict[str, str]:
    kinds = ("on_time", "late", "overdue", "open", "cannot_do")
    return {kind: page.get_by_test_id(f"total-{kind}").inner_text() for kind in kinds}


def open_form(page: Any, summary: str, name: str) -> Any:
    page.locator("summary", has_text=summary).click()
    return page.get_by_test_id(f"form-{name}")


def test_a_task_goes_from_assignment_through_an_extension_to_completion(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    base = live_server.url
    directive = province_directive(world)
    today = timezone.localdate()
    board = f"{base}/nhiem-vu/van-ban/{directive.uuid}/"

    login(page, base, world.province_office_leader)
    page.goto(board)
    form = open_form(page, "Giao nhiệm vụ", "assign")
    form.get_by_label("Nội dung nhiệm vụ").fill("Tổ chức hội nghị triển khai công tác bầu cử")
    form.get_by_label("Đơn vị chủ trì").select_option(label="Huyện ủy Châu Thành")
    form.get_by_label("Thời hạn").fill((today + timedelta(days=20)).isoformat())
    form.locator("#id_leader").get_by_label(world.province_leader.full_name).check()
    submit(page, "Giao nhiệm vụ")
    assert figures(page)["open"] == "1"
    task = Task.objects.get()

    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/nhiem-vu/")
    page.get_by_role("link", name="Tổ chức hội nghị triển khai công tác bầu cử").click()
    form = open_form(page, "Đề nghị gia hạn", "gia-han")
    later = today + timedelta(days=40)
    form.get_by_label("Thời hạn đề nghị").fill(later.isoformat())
    form.get_by_label("Lý do").fill("Chờ hướng dẫn của Ủy ban bầu cử tỉnh")
    with page.expect_navigation():
        form.get_by_role("button", name="Gửi").click()
    assert "Đã gửi đề nghị gia hạn." in page.content()

    # The Office prepares; the province's leader decides.
    login(page, base, world.province_office_leader)
    page.goto(f"{base}/nhiem-vu/{task.uuid}/")
    assert page.get_by_test_id("awaiting").is_visible()
    assert page.get_by_test_id("form-decide").count() == 0
    login(page, base, world.province_leader)
    page.goto(f"{base}/nhiem-vu/{task.uuid}/")
    decide = page.get_by_test_id("form-decide")
    decide.get_by_label("Quyết định").select_option(label="Đồng ý gia hạn")
    with page.expect_navigation():
        decide.get_by_role("button", name="Ghi quyết định").click()
    assert page.get_by_test_id("deadline").inner_text().startswith(later.strftime("%d/%m/%Y"))

    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/nhiem-vu/{task.uuid}/")
    form = open_form(page, "Báo cáo hoàn thành", "hoan-thanh")
    form.get_by_label("Kết quả thực hiện").fill("Đã tổ chức hội nghị với 250 đại biểu")
    with page.expect_navigation():
        form.get_by_role("button", name="Gửi").click()
    assert page.get_by_test_id("state").inner_text() == "Báo cáo hoàn thành, chờ xác nhận"

    login(page, base, world.province_leader)
    page.goto(board)
    assert figures(page)["open"] == "1"  # reported, not yet accepted
    page.goto(f"{base}/nhiem-vu/{task.uuid}/")
    submit(page, "Xác nhận hoàn thành")
    assert page.get_by_test_id("state").inner_text() == "Hoàn thành"
    page.goto(board)
    assert figures(page) == {
        "on_time": "1",
        "late": "0",
        "overdue": "0",
        "open": "0",
        "cannot_do": "0",
    }
    page.get_by_test_id("total-on_time").click()
    page.get_by_role("link", name="Tổ chức hội nghị triển khai công tác bầu cử").wait_for()
