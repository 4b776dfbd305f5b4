from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.support.personas import Personas


def test_anonymous_visitor_is_sent_to_the_login_page(client: Client, db: None) -> None:
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_clerk_sees_their_unit_role_and_modules(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_clerk)
    response = client.get(reverse("web:home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Văn phòng Huyện ủy Châu Thành" in body
    assert "Văn thư" in body
    assert "sắp có" in body


def test_person_without_membership_is_told_so_instead_of_a_crash(
    client: Client, people: Personas
) -> None:
    client.force_login(people.unassigned)
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    assert "chưa thuộc đơn vị nào" in response.content.decode()
