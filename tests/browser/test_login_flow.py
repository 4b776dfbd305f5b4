from __future__ import annotations

from typing import Any

import pytest

from tests.support.personas import PASSWORD, Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_logs_in_and_sees_their_home_page(
    page: Any, live_server: Any, people: Personas
) -> None:
    page.goto(f"{live_server.url}/")
    assert "/dang-nhap/" in page.url
    page.get_by_label("Tên đăng nhập").fill("vt.chauthanh")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_test_id("current-user").inner_text() == "Đặng Thị Đến"
    memberships = page.get_by_test_id("memberships").inner_text()
    assert "Văn phòng Huyện ủy Châu Thành" in memberships
    assert "Văn thư" in memberships
    # Bootstrap came from our own static files, not the network.
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")


def test_a_wrong_password_shows_the_message_on_the_page(
    page: Any, live_server: Any, people: Personas
) -> None:
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("vt.chauthanh")
    page.get_by_label("Mật khẩu").fill("sai")
    page.get_by_role("button", name="Đăng nhập").click()
    assert "không đúng" in page.get_by_test_id("login-error").inner_text()


def test_the_home_page_fits_a_phone_and_the_menu_opens_from_the_keyboard(
    page: Any, live_server: Any, people: Personas
) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("vt.chauthanh")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    toggler = page.get_by_role("button", name="Mở trình đơn")
    toggler.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Đăng xuất").wait_for(state="visible")
