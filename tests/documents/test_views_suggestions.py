"""Fewer retypes: the registration form's sender box suggests earlier senders, from the books
the clerk keeps and the documents they may open only, matched with or without diacritics."""

from __future__ import annotations

import re

import pytest
from django.conf import LazySettings
from django.test import Client

from tests.support.documents import DocWorld, cleared_clerk, register, url
from tests.support.web import login, page_queries
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Clearance


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _options(html: str) -> list[str]:
    return re.findall(r'data-vp-pick="([^"]*)"', html)


def _suggested(client: Client, typed: str = "") -> list[str]:
    response = client.get(url("incoming_senders"), {"sender_name": typed})
    assert response.status_code == 200
    return _options(response.content.decode())


def _senders(world: DocWorld, *names: str) -> None:
    for i, name in enumerate(names, start=1):
        register(world, sender_name=name, number_symbol=f"{i}-CV/TU", subject=f"Công văn {i}")


def test_the_sender_box_asks_for_earlier_senders_most_frequent_first(
    client: Client, world: DocWorld
) -> None:
    _senders(world, "Ban Tổ chức Tỉnh ủy", "Tỉnh ủy Tây Ninh", "Tỉnh uỷ Tây Ninh")
    login(client, world.chau_thanh_clerk)
    page = client.get(url("incoming_register")).content.decode()
    box = re.search(r'<input[^>]*name="sender_name"[^>]*>', page)
    assert box is not None
    assert f'hx-get="{url("incoming_senders")}"' in box[0]
    # Old and new tone placement are one sender, counted twice; each sender named once.
    offered = _suggested(client)
    assert len(offered) == 2
    assert offered[1] == "Ban Tổ chức Tỉnh ủy"
    assert _suggested(client, "tỉnh ủy tây") == _suggested(client, "Tinh uy Tay")


def test_typing_without_diacritics_finds_the_sender(client: Client, world: DocWorld) -> None:
    _senders(world, "UBND tỉnh Tây Ninh", "Ban Tuyên giáo Tỉnh ủy", "Sở Nội vụ")
    login(client, world.chau_thanh_clerk)
    assert _suggested(client, "tuyen giao") == ["Ban Tuyên giáo Tỉnh ủy"]
    assert _suggested(client, "TÂY NINH") == ["UBND tỉnh Tây Ninh"]
    assert _suggested(client, "so noi") == ["Sở Nội vụ"]
    assert _suggested(client, "không có") == []


def test_a_clerk_of_another_district_never_sees_these_senders(
    client: Client, world: DocWorld
) -> None:
    _senders(world, "Ban Dân vận Huyện ủy Châu Thành")
    login(client, world.hoa_thanh_clerk)
    assert _suggested(client) == []
    assert "Ban Dân vận" not in client.get(url("incoming_register")).content.decode()


def test_a_secret_documents_sender_is_not_suggested_to_a_clerk_not_cleared_for_it(
    client: Client, world: DocWorld
) -> None:
    register(
        world,
        actor=cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET),
        sender_name="Cục An ninh nội địa",
        confidentiality=Clearance.TOP_SECRET,
    )
    login(client, world.chau_thanh_clerk)
    assert _suggested(client, "an ninh") == []
    assert "Cục An ninh" not in client.get(url("incoming_register")).content.decode()
    login(client, cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET))
    assert _suggested(client, "an ninh") == ["Cục An ninh nội địa"]


def test_someone_who_keeps_no_book_gets_no_suggestion(client: Client, world: DocWorld) -> None:
    _senders(world, "Tỉnh ủy Tây Ninh")
    login(client, world.chau_thanh_specialist)
    assert _suggested(client) == []


def test_the_suggestions_cost_the_same_queries_for_a_long_book(
    client: Client, world: DocWorld
) -> None:
    _senders(world, "Tỉnh ủy Tây Ninh")
    login(client, world.chau_thanh_clerk)
    address = f"{url('incoming_senders')}?sender_name=tinh"
    few = page_queries(client, address)
    _senders(world, *[f"Cơ quan số {i}" for i in range(30)])
    assert IncomingDocument.objects.count() == 31
    assert page_queries(client, address) == few
    assert few <= 5  # session, person, posts, books, suggestions
