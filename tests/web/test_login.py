from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.personas import PASSWORD, Personas
from vanphong.org import services_people

LOGIN = reverse("web:login")


def _login(client: Client, username: str, password: str) -> str:
    response = client.post(LOGIN, {"username": username, "password": password}, follow=True)
    return response.content.decode()


def test_a_clerk_logs_in_with_the_right_password_and_lands_home(
    client: Client, people: Personas
) -> None:
    response = client.post(LOGIN, {"username": "vt.chauthanh", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")


def test_the_login_page_speaks_vietnamese(client: Client, db: None) -> None:
    body = client.get(LOGIN).content.decode()
    assert 'lang="vi"' in body
    assert "Tên đăng nhập" in body
    assert "Mật khẩu" in body


def test_the_login_page_speaks_english_once_chosen(client: Client, db: None) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    body = client.get(LOGIN).content.decode()
    assert 'lang="en"' in body
    assert "Username" in body


def test_a_wrong_password_gets_a_clear_vietnamese_message(client: Client, people: Personas) -> None:
    body = _login(client, "vt.chauthanh", "sai-mat-khau")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in body


def test_repeated_failures_lock_the_login_even_with_the_right_password(
    client: Client, people: Personas, settings: object
) -> None:
    for _ in range(5):
        _login(client, "vt.chauthanh", "sai-mat-khau")
    body = _login(client, "vt.chauthanh", PASSWORD)
    assert "Đăng nhập tạm bị khóa" in body
    assert "_auth_user_id" not in client.session


def test_a_lockout_of_one_login_leaves_other_people_alone(client: Client, people: Personas) -> None:
    for _ in range(5):
        _login(client, "vt.chauthanh", "sai-mat-khau")
    response = client.post(LOGIN, {"username": "vt.hoathanh", "password": PASSWORD})
    assert response.status_code == 302


def test_a_deactivated_person_cannot_log_in(client: Client, people: Personas) -> None:
    services_people.person_deactivate(
        actor=people.superuser, person=people.chau_thanh_clerk, reason="Nghỉ hưu"
    )
    body = _login(client, "vt.chauthanh", PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "không đúng" in body or "vô hiệu hóa" in body


@pytest.mark.parametrize("change", ["password", "deactivate"])
def test_open_sessions_end_when_the_password_changes_or_the_person_is_deactivated(
    client: Client, people: Personas, change: str
) -> None:
    assert client.post(LOGIN, {"username": "vt.chauthanh", "password": PASSWORD}).status_code == 302
    assert client.get(reverse("web:home")).status_code == 200
    if change == "password":
        services_people.person_set_password(
            actor=people.superuser, person=people.chau_thanh_clerk, password="Mat-khau-moi-2012"
        )
    else:
        services_people.person_deactivate(
            actor=people.superuser, person=people.chau_thanh_clerk, reason="Chuyển công tác"
        )
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_logout_is_a_post_and_ends_the_session(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_clerk)
    assert client.get(reverse("web:logout")).status_code == 405
    client.post(reverse("web:logout"))
    assert client.get(reverse("web:home")).status_code == 302


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(
    client: Client, db: None
) -> None:
    body = client.get(LOGIN, headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert 'lang="vi"' in body
    assert "Tên đăng nhập" in body
