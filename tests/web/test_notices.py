"""In-app notices: listed for their person only, counted unread in the bar, marked read."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.support.personas import Personas
from tests.support.web import page_queries
from vanphong.core import notifications
from vanphong.web import views


def test_a_notice_is_listed_for_its_person_and_marked_read(
    client: Client, people: Personas
) -> None:
    notifications.send(
        person_ids=[people.province_leader.pk], text="Lịch tuần 07 đã điều chỉnh", url="/x/"
    )
    client.force_login(people.province_leader)
    assert 'data-testid="unread">1<' in client.get("/thong-bao/chua-doc/").content.decode()
    assert "Lịch tuần 07 đã điều chỉnh" in client.get("/thong-bao/").content.decode()
    client.post("/thong-bao/")
    assert "unread" not in client.get("/thong-bao/chua-doc/").content.decode()
    client.force_login(people.chau_thanh_clerk)
    assert "Lịch tuần 07" not in client.get("/thong-bao/").content.decode()


def test_the_same_key_is_sent_to_a_person_once(people: Personas) -> None:
    first = notifications.send(person_ids=[people.province_leader.pk], text="A", key="k1")
    again = notifications.send(person_ids=[people.province_leader.pk], text="A", key="k1")
    assert (first, again) == (1, 0)
    assert notifications.unread(people.province_leader).count() == 1


def test_the_notices_show_the_rest_on_page_two_and_the_button_whatever_page_is_unread(
    client: Client, people: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "NOTICES_SHOWN", 2)
    for text in ("Cũ nhất", "Giữa", "Mới nhất"):
        notifications.send(person_ids=[people.province_leader.pk], text=text)
    client.force_login(people.province_leader)
    first = client.get("/thong-bao/")
    assert [n.text for n in first.context["notices"]] == ["Mới nhất", "Giữa"]
    assert "3 thông báo · trang 1/2" in first.content.decode()
    notifications.mark_read(
        person=people.province_leader, uuids=[str(n.uuid) for n in first.context["notices"]]
    )
    second = client.get("/thong-bao/?trang=2")
    assert [n.text for n in second.context["notices"]] == ["Cũ nhất"]
    # Opening a page reads nothing; the one unread notice, on page 2, keeps the button on page 1.
    assert "Đánh dấu đã đọc tất cả" in client.get("/thong-bao/").content.decode()
    client.post("/thong-bao/")
    assert "Đánh dấu đã đọc tất cả" not in client.get("/thong-bao/").content.decode()


def test_the_notices_page_costs_the_same_queries_for_many(client: Client, people: Personas) -> None:
    client.force_login(people.province_leader)
    notifications.send(person_ids=[people.province_leader.pk], text="A")
    few = page_queries(client, "/thong-bao/")
    for i in range(5):
        notifications.send(person_ids=[people.province_leader.pk], text=f"B{i}")
    # One of them counts the notices and the unread ones together, for the page numbers.
    assert page_queries(client, "/thong-bao/") == few
