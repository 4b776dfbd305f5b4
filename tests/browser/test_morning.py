"""The morning of a clerk, a leader and a specialist, clicked through in Debian's chromium:
each opens the home page, reaches an item from their inbox, acts on it, and finds it gone."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.support.browser import login, submit
from tests.support.documents import DocWorld, build_world, register_2011
from vanphong.documents import services_incoming, services_outgoing
from vanphong.documents.models import AssignmentStatus, DeliveryStatus, IncomingStatus
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def section(page: Any, key: str) -> Any:
    return page.locator(f'[data-testid="inbox-{key}"]')


def count(page: Any, key: str) -> str:
    text: str = section(page, key).locator('[data-testid="count"]').inner_text()
    return text.strip()


def test_a_clerk_registers_what_waits_in_their_queue_from_the_home_page(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    document = services_outgoing.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Báo cáo kết quả bầu cử đại biểu HĐND huyện",
    )
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader, document=document, position="Chánh Văn phòng"
    )
    services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=document,
        recipients=[Recipient(unit=world.province_office)],
        issued_on=date(2012, 3, 1),
    )
    base = live_server.url
    login(page, base, world.province_clerk)
    assert count(page, "awaiting_registration") == "1"
    section(page, "awaiting_registration").get_by_role(
        "link", name="Báo cáo kết quả bầu cử"
    ).click()
    submit(page, "Vào sổ")
    assert document.deliveries.get().status == DeliveryStatus.REGISTERED
    page.goto(f"{base}/")
    assert count(page, "awaiting_registration") == "0"
    assert "Không có văn bản nào chờ vào sổ." in section(page, "awaiting_registration").inner_text()


def test_a_leader_directs_what_was_presented_to_them_from_the_home_page(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    base = live_server.url
    login(page, base, world.chau_thanh_office_leader)
    assert count(page, "presented_to_me") == "1"
    section(page, "presented_to_me").get_by_role("link", name="45-CT/TU").click()
    page.get_by_role("link", name="Cho ý kiến chỉ đạo").click()
    page.get_by_label("Ý kiến chỉ đạo").fill("Giao đồng chí Huỳnh chủ trì tham mưu kế hoạch.")
    page.locator("#id_lead_person").get_by_label(str(world.chau_thanh_specialist)).check()
    submit(page, "Ghi ý kiến chỉ đạo")
    document.refresh_from_db()
    assert document.status == IncomingStatus.ASSIGNED
    page.goto(f"{base}/")
    assert count(page, "presented_to_me") == "0"


def test_a_specialist_reports_their_assignment_done_from_the_home_page(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    document = register_2011(world)
    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Đề nghị tham mưu văn bản trả lời",
        lead=Handler(person=world.chau_thanh_specialist),
        deadline=date(2011, 3, 20),
    )
    base = live_server.url
    login(page, base, world.chau_thanh_specialist)
    assert count(page, "my_assignments") == "1"
    assert "Quá hạn" in section(page, "my_assignments").inner_text()
    section(page, "my_assignments").get_by_role("link", name="45-CT/TU").click()
    page.get_by_role("textbox", name="Kết quả xử lý").fill("Đã trình kế hoạch triển khai.")
    submit(page, "Hoàn thành")
    assert document.assignments.get().status == AssignmentStatus.DONE
    page.goto(f"{base}/")
    assert count(page, "my_assignments") == "0"
    # The bell counts the notice of the assignment.
    assert page.get_by_test_id("unread").inner_text() == "1"
