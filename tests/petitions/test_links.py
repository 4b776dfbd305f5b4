"""The way back from a forwarding note and from a reply to their letter (`petitions.links`):
the handler finds the letter on both documents' pages; the receiving body's clerk, and anyone
else who does not see the letter, finds neither a link nor its number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.test import Client
from django.urls import reverse

from tests.support.documents import register_2011, register_delivery
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from tests.support.web import login
from vanphong.documents import services_outgoing
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Person
from vanphong.petitions.links import letters_of_document
from vanphong.petitions.models import Letter
from vanphong.petitions.services_forward import forward_result_record, letter_forward


@dataclass
class Forwarded:
    world: PetitionWorld
    letter: Letter
    note: OutgoingDocument  # issued to Hòa Thành's Office
    note_copy: IncomingDocument  # the note as Hòa Thành's clerk registered it
    reply: IncomingDocument  # the body's result, in the province Office's book


@pytest.fixture
def forwarded(db: None, settings: LazySettings, tmp_path: Path) -> Forwarded:
    settings.MEDIA_ROOT = str(tmp_path)
    world = build_petition_world()
    letter = letter_row(world)
    forward = letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="Ủy ban Kiểm tra Huyện ủy Hòa Thành",
        to_unit=world.hoa_thanh,
        forwarded_on=date(2011, 9, 20),
    )
    note = forward.note
    assert note is not None
    leader = world.province_office_leader
    services_outgoing.outgoing_submit(actor=world.province_reception, document=note)
    services_outgoing.outgoing_approve(actor=leader, document=note)
    services_outgoing.outgoing_sign(actor=leader, document=note, position="Chánh Văn phòng")
    services_outgoing.outgoing_issue(
        actor=world.province_clerk,
        document=note,
        recipients=[Recipient(unit=world.hoa_thanh_office)],
        issued_on=date(2011, 9, 21),
    )
    note.refresh_from_db()
    note_copy = register_delivery(world.d, note)
    reply = register_2011(
        world.d, actor=world.province_clerk, unit=world.province_office, number_symbol="Số 9/UBKT"
    )
    forward_result_record(
        actor=world.province_reception,
        forward=forward,
        reply=reply,
        result="Đã kiểm tra, kết luận",
        result_on=date(2011, 10, 3),
    )
    return Forwarded(world, letter, note, note_copy, reply)


def outgoing_page(document: OutgoingDocument) -> str:
    return reverse("documents:outgoing_detail", args=[document.uuid])


def incoming_page(document: IncomingDocument) -> str:
    return reverse("documents:incoming_detail", args=[document.uuid])


def title(letter: Letter) -> str:
    return f"Đơn số {letter.book_number} — {letter.unit.label}"


def related(client: Client, person: Person, address: str) -> tuple[int, str]:
    login(client, person)
    response = client.get(address)
    return response.status_code, response.content.decode()


def test_the_handler_finds_the_letter_on_its_forwarding_notes_page(
    client: Client, forwarded: Forwarded
) -> None:
    status, html = related(
        client, forwarded.world.province_reception, outgoing_page(forwarded.note)
    )
    assert status == 200
    assert 'data-testid="related"' in html
    assert reverse("petitions:letter", args=[forwarded.letter.uuid]) in html
    assert title(forwarded.letter) in html
    block = html.split('data-testid="related"', 1)[1].split("</ul>", 1)[0]
    assert "Nguyễn Văn Khiếu" not in block  # the petitioner is never the link's title


def test_the_handler_finds_the_letter_on_its_replys_page(
    client: Client, forwarded: Forwarded
) -> None:
    status, html = related(
        client, forwarded.world.province_reception, incoming_page(forwarded.reply)
    )
    assert status == 200
    assert reverse("petitions:letter", args=[forwarded.letter.uuid]) in html
    assert title(forwarded.letter) in html


def test_the_receiving_bodys_clerk_finds_no_way_to_the_letter(
    client: Client, forwarded: Forwarded
) -> None:
    clerk = forwarded.world.hoa_thanh_clerk
    status, html = related(client, clerk, incoming_page(forwarded.note_copy))
    assert status == 200  # the note delivered to them, which they read
    assert 'data-testid="related"' not in html
    assert reverse("petitions:letter", args=[forwarded.letter.uuid]) not in html
    status, html = related(client, clerk, outgoing_page(forwarded.note))
    assert reverse("petitions:letter", args=[forwarded.letter.uuid]) not in html
    assert f"Đơn số {forwarded.letter.book_number}" not in html
    assert letters_of_document(clerk, forwarded.note) == []
    assert letters_of_document(clerk, forwarded.reply) == []


def test_a_clerk_who_keeps_the_note_and_the_reply_but_not_the_letters_book_sees_no_letter(
    client: Client, forwarded: Forwarded
) -> None:
    clerk = forwarded.world.province_clerk
    for address in (outgoing_page(forwarded.note), incoming_page(forwarded.reply)):
        status, html = related(client, clerk, address)
        assert status == 200
        assert 'data-testid="related"' not in html
        assert reverse("petitions:letter", args=[forwarded.letter.uuid]) not in html
        assert f"Đơn số {forwarded.letter.book_number}" not in html


def test_a_document_no_letter_refers_to_links_to_none(forwarded: Forwarded) -> None:
    assert letters_of_document(forwarded.world.province_reception, forwarded.note_copy) == []
    assert letters_of_document(forwarded.world.province_reception, forwarded.letter) == []
