"""Dates are typed day first and times in 24 hours even in a browser set to American English,
whose own date and time controls would read 01/03/2012 as 3 January and show 2:30 PM; and its
file input says "Chọn tệp", not the browser's "Choose file / No file chosen"."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

import pytest
from django.urls import reverse

from tests.support.browser import login, submit
from tests.support.personas import build_personas
from tests.support.planning import PlanWorld, build_world
from vanphong.planning.models import Entry, Schedule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(label: str) -> re.Pattern[str]:
    return re.compile(rf"^{label}( \*)?$")


def test_an_english_browser_types_01_03_2012_as_the_first_of_march_and_14_30_as_14_30(
    english_page: Any, live_server: Any
) -> None:
    page, base = english_page, live_server.url
    world: PlanWorld = build_world()
    login(page, base, world.specialist)
    page.goto(f"{base}/ke-hoach/lich/")
    page.get_by_label("Cấp ủy").select_option(label="Tỉnh ủy Tây Ninh")
    page.get_by_label("Lịch của").select_option(label="Lãnh đạo cấp ủy")
    day = page.get_by_label("Một ngày trong tuần")
    assert day.get_attribute("type") == "text"
    assert day.get_attribute("placeholder") == "dd/mm/yyyy"
    day.fill("01/03/2012")
    submit(page, "Lập lịch tuần")
    # 1 March 2012 is a Thursday: its week starts on Monday 27 February (3 January's on the 2nd).
    assert Schedule.objects.get().monday == date(2012, 2, 27)

    page.get_by_role("link", name="Thêm mục lịch").click()
    page.get_by_label(field("Ngày")).select_option(label="Thứ Năm 01/03")
    page.get_by_label(field("Buổi")).select_option(label="Chiều")
    starts = page.get_by_label("Giờ bắt đầu")
    assert starts.get_attribute("type") == "text"
    starts.fill("14:30")
    page.get_by_label(field("Nội dung")).fill("Họp Ban Thường vụ")
    page.get_by_label("Nguyễn Bí Thư").check()
    submit(page, "Lưu")
    entry = Entry.objects.get()
    assert (entry.day, entry.starts_at) == (date(2012, 3, 1), time(14, 30))

    row = page.get_by_test_id("entry").filter(has_text="Họp Ban Thường vụ")
    assert "14g30" in row.inner_text()
    assert "PM" not in row.inner_text()
    row.get_by_role("link", name="Sửa").click()
    assert page.get_by_label("Giờ bắt đầu").input_value() == "14:30"


def test_the_file_input_is_a_vietnamese_button_reached_by_keyboard(
    english_page: Any, live_server: Any
) -> None:
    page, base = english_page, live_server.url
    people = build_personas()
    login(page, base, people.chau_thanh_clerk)
    page.goto(f"{base}{reverse('documents:incoming_register')}")
    button = page.locator("label.vp-file-button")
    names = page.locator("[data-vp-file-names]")
    assert button.is_visible()
    assert button.inner_text() == "Chọn các tệp…"
    assert names.inner_text() == "Chưa chọn tệp nào"
    # In the tab order (Space or Enter opens the picker), with its focus ring on the button.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_attachments":
            break
    else:
        pytest.fail("the file input is never reached with Tab")
    assert button.evaluate("label => getComputedStyle(label).outlineStyle") == "solid"
    page.locator("#id_attachments").set_input_files(
        [
            {"name": "cong-van.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"},
            {"name": "phu-luc.docx", "mimeType": "application/octet-stream", "buffer": b"PK"},
        ]
    )
    assert names.inner_text() == "cong-van.pdf, phu-luc.docx"


def test_the_browsers_own_refusal_of_a_date_speaks_the_pages_language(
    english_page: Any, live_server: Any
) -> None:
    page, base = english_page, live_server.url
    login(page, base, build_personas().chau_thanh_clerk)
    page.goto(f"{base}{reverse('documents:incoming_book')}")
    since = page.get_by_label("Đến từ ngày")
    since.fill("3/31")
    page.get_by_role("button", name="Lọc").click()
    assert since.evaluate("input => input.validationMessage") == "Ghi theo dạng: dd/mm/yyyy"
    since.fill("01/03/2012")
    assert since.evaluate("input => input.validity.valid")
