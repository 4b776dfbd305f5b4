"""In-app notices: listed for their person only, counted unread in the bar, marked read."""

from __future__ import annotations

from django.test import Client

from tests.support.personas import Personas
from vanphong.core import notifications


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
