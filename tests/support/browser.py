"""Steps of a journey clicked through in chromium (Playwright's page)."""

from __future__ import annotations

from typing import Any

from tests.support.personas import PASSWORD
from vanphong.org.models import Person


def login(page: Any, base: str, person: Person) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(person.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def submit(page: Any, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def follow(page: Any, target: Any) -> None:
    """Click what leads to another page and wait for that page.

    A check that does not wait (``count()``, ``is_visible()``) run straight after a bare click
    reads the page being left.
    """
    with page.expect_navigation():
        target.click()
