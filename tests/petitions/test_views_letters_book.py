"""The letters list narrowed to one book (`don-vi`), as an emulation figure links to it."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from tests.support.petitions import PetitionWorld, letter_row
from vanphong.petitions import selectors


def test_the_list_shows_one_book_when_asked_and_ignores_a_book_not_seen(
    world: PetitionWorld, client: Client
) -> None:
    reader = world.province_leader
    assert {world.province_office.pk, world.chau_thanh_office.pk} <= selectors.visible_unit_ids(
        reader
    )
    letter_row(world, summary="Đơn ở Tỉnh", received_on=date(2011, 9, 12))
    letter_row(
        world,
        summary="Đơn ở Châu Thành",
        received_on=date(2011, 9, 13),
        unit=world.chau_thanh_office,
    )
    client.force_login(reader)
    url = reverse("petitions:letters")
    both = client.get(url, {"nam": "2011"}).content.decode()
    assert "Đơn ở Tỉnh" in both
    assert "Đơn ở Châu Thành" in both
    one = client.get(url, {"nam": "2011", "don-vi": str(world.chau_thanh_office.uuid)})
    html = one.content.decode()
    assert "Đơn ở Châu Thành" in html
    assert "Đơn ở Tỉnh" not in html
    assert f'name="don-vi" value="{world.chau_thanh_office.uuid}"' in html  # kept when filtering
    client.force_login(world.chau_thanh_reception)
    unseen = client.get(url, {"nam": "2011", "don-vi": str(world.province_office.uuid)})
    assert "Đơn ở Tỉnh" not in unseen.content.decode()
    assert "Đơn ở Châu Thành" in unseen.content.decode()  # not applied: their own book
    garbled = client.get(url, {"nam": "2011", "don-vi": "khong-phai-uuid"})
    assert garbled.status_code == 200
