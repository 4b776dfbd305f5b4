"""The two journeys of the documents issue, clicked through in Debian's chromium."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import login, submit
from tests.support.documents import DocWorld, build_world
from vanphong.documents.models import (
    AssignmentStatus,
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def test_an_incoming_document_goes_from_registration_to_completion(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    base = live_server.url
    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/van-ban/den/dang-ky/")
    page.get_by_label("Cơ quan ban hành (tác giả)").fill("Tỉnh uỷ Tây Ninh")
    page.get_by_label("Số, ký hiệu").fill("Số 45-CT/TU")
    page.get_by_label("Ngày văn bản").fill("2011-03-01")
    page.get_by_label("Tên loại và trích yếu nội dung").fill(
        "Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII"
    )
    page.get_by_label("Độ khẩn").select_option(label="Khẩn")
    submit(page, "Vào sổ")
    document = IncomingDocument.objects.get()
    assert page.url.endswith(f"/van-ban/den/{document.uuid}/")
    assert "45-CT/TU" in page.content()

    page.get_by_role("link", name="Trình lãnh đạo").click()
    page.locator("#id_leader").get_by_label(str(world.chau_thanh_office_leader)).check()
    submit(page, "Trình")
    document.refresh_from_db()
    assert document.status == IncomingStatus.PRESENTED

    login(page, base, world.chau_thanh_office_leader)
    page.goto(f"{base}/van-ban/den/trinh-toi/")
    page.get_by_role("link", name="Chỉ đạo", exact=True).first.click()
    page.get_by_label("Ý kiến chỉ đạo").fill("Giao đồng chí Huỳnh chủ trì tham mưu kế hoạch.")
    page.locator("#id_lead_person").get_by_label(str(world.chau_thanh_specialist)).check()
    submit(page, "Ghi ý kiến chỉ đạo")
    document.refresh_from_db()
    assert document.status == IncomingStatus.ASSIGNED

    login(page, base, world.chau_thanh_specialist)
    page.goto(f"{base}/van-ban/viec-cua-toi/")
    page.get_by_role("link", name="Về lãnh đạo cuộc bầu cử").first.click()
    page.get_by_role("textbox", name="Tiến độ").fill("Đã xin ý kiến các ban.")
    submit(page, "Ghi tiến độ")
    page.get_by_role("textbox", name="Kết quả xử lý").fill("Đã trình kế hoạch triển khai.")
    submit(page, "Hoàn thành")
    document.refresh_from_db()
    assert document.status == IncomingStatus.DONE
    assert document.assignments.get().status == AssignmentStatus.DONE


def test_an_outgoing_draft_is_issued_and_received_by_the_province(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    base = live_server.url
    login(page, base, world.chau_thanh_specialist)
    page.goto(f"{base}/van-ban/di/moi/")
    page.get_by_label("Loại văn bản").select_option(value="BC")
    page.get_by_label("Trích yếu").fill("Báo cáo kết quả bầu cử đại biểu HĐND huyện 2011–2016")
    page.get_by_label("Nội dung dự thảo").fill("Dự thảo lần 1")
    submit(page, "Tạo dự thảo")
    document = OutgoingDocument.objects.get()
    submit(page, "Trình duyệt")

    login(page, base, world.chau_thanh_office_leader)
    page.goto(f"{base}/van-ban/di/cho-duyet/")
    page.get_by_role("link", name="Báo cáo kết quả bầu cử").first.click()
    page.get_by_role("link", name="Duyệt / trả lại").click()
    submit(page, "Đồng ý")

    page.goto(f"{base}/van-ban/di/{document.uuid}/")
    page.get_by_role("link", name="Ký", exact=True).click()
    page.get_by_label("Chức vụ người ký").fill("Chánh Văn phòng")
    submit(page, "Ký")

    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/van-ban/di/{document.uuid}/")
    page.get_by_role("link", name="Cấp số, phát hành").click()
    page.get_by_label("Ngày ban hành").fill("2012-03-01")
    page.locator("#id_recipients").get_by_label(world.province_office.label).check()
    submit(page, "Cấp số và phát hành")
    document.refresh_from_db()
    assert document.number_symbol == "01-BC/VPHU"
    assert "01-BC/VPHU" in page.content()

    login(page, base, world.province_clerk)
    page.goto(f"{base}/van-ban/den/cho-vao-so/")
    page.get_by_role("link", name="Vào sổ", exact=True).first.click()
    submit(page, "Vào sổ")
    received = IncomingDocument.objects.get(unit=world.province_office)
    assert received.number_symbol == "01-BC/VPHU"
    delivery = document.deliveries.get()
    assert delivery.status == DeliveryStatus.REGISTERED

    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/van-ban/di/{document.uuid}/")
    assert "Đã vào sổ" in page.content()
