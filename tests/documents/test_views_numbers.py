"""Every page that shows a document's number prints it as its issuer does: `Số 45-CT/TU` for a
Party document, `Số: 12/QĐ-UBND` for a government one (RULES.md §2), through one formatter."""

from __future__ import annotations

import re

import pytest
from django.conf import LazySettings
from django.test import Client

from tests.support.documents import (
    DocWorld,
    direct,
    issued_report,
    register,
    register_post,
    url,
)
from tests.support.web import login, messages_of
from vanphong.documents import services_incoming
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.services_delivery import Recipient

GOVERNMENT = "Số: 12/QĐ-UBND"
PARTY = "Số 45-CT/TU"


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _text(response: object) -> str:
    """The page's text with its tags and runs of spaces folded, as a reader sees it."""
    html = response.content.decode()  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _government(world: DocWorld) -> IncomingDocument:
    return register(
        world,
        sender_name="UBND tỉnh Tây Ninh",
        number_symbol="12/qd-ubnd",
        subject="Quyết định thành lập Ban chỉ đạo bầu cử",
    )


def test_the_document_page_prints_each_number_in_its_issuers_style(
    client: Client, world: DocWorld
) -> None:
    government, party = _government(world), register(world)
    login(client, world.chau_thanh_clerk)
    assert GOVERNMENT in _text(client.get(url("incoming_detail", government.uuid)))
    assert PARTY in _text(client.get(url("incoming_detail", party.uuid)))
    assert "Số 12/QĐ-UBND" not in _text(client.get(url("incoming_detail", government.uuid)))


def test_the_incoming_book_and_the_lists_print_the_number_line(
    client: Client, world: DocWorld
) -> None:
    government = _government(world)
    direct(world, government, lead=world.chau_thanh_specialist)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=register(world), leader=world.chau_thanh_leader
    )
    login(client, world.chau_thanh_clerk)
    assert GOVERNMENT in _text(client.get(url("incoming_book"), {"nam": "2012"}))
    login(client, world.chau_thanh_specialist)
    assert GOVERNMENT in _text(client.get(url("inbox")))
    login(client, world.chau_thanh_office_leader)
    assert GOVERNMENT in _text(client.get(url("assigned_by_me")))
    login(client, world.chau_thanh_leader)
    assert PARTY in _text(client.get(url("presented_to_me")))


def test_registering_says_the_number_in_its_issuers_style(client: Client, world: DocWorld) -> None:
    login(client, world.chau_thanh_clerk)
    response = client.post(
        url("incoming_register"), register_post(world, number_symbol="07/qđ-ubnd"), follow=True
    )
    assert any("Số: 07/QĐ-UBND" in m for m in messages_of(response))


def test_an_outgoing_document_its_book_and_its_recipients_queue_print_our_own_number(
    client: Client, world: DocWorld
) -> None:
    document = issued_report(world, recipients=[Recipient(unit=world.hoa_thanh_office)])
    assert document.number_symbol == "01-BC/VPHU"
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_detail", document.uuid))
    number = re.search(r'data-testid="number">([^<]*)<', page.content.decode())
    assert number is not None
    assert number[1] == "Số 01-BC/VPHU"
    assert "Số 01-BC/VPHU" in _text(client.get(url("outgoing_book")))
    login(client, world.hoa_thanh_clerk)
    assert "Số 01-BC/VPHU" in _text(client.get(url("queue")))


def test_a_reply_names_the_document_it_answers_in_its_issuers_style(
    client: Client, world: DocWorld
) -> None:
    government = _government(world)
    login(client, world.chau_thanh_specialist)
    page = client.get(f"{url('outgoing_create')}?tra-loi={government.uuid}")
    assert f"({GOVERNMENT})" in _text(page)
    reply = issued_report(world, reply_to=government)
    login(client, world.chau_thanh_clerk)
    detail = client.get(url("outgoing_detail", reply.uuid))
    assert f"— {GOVERNMENT}" in _text(detail)
    assert OutgoingDocument.objects.filter(reply_to=government).count() == 1
