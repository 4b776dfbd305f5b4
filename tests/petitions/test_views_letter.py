"""One letter's page shows everything about the letter: its duplicates, its clocks with their
rules' sources and the extension and suspension forms (only to those who may use them), the
files form, the guide document picker, the links to the covering document, the forward's note,
the reply and the visits it came from, and a prompt to tell the petitioner once the results
are in."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.petitions.letters import accepted
from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.petitions import services_forward
from vanphong.petitions.models import FileKind, Forward, Letter, LetterStatus


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _page(client: Client, letter: Letter) -> str:
    response = client.get(reverse("petitions:letter", args=[letter.uuid]))
    assert response.status_code == 200
    return response.content.decode()


def _forward(world: PetitionWorld, letter: Letter) -> Forward:
    return services_forward.letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="Thanh tra tỉnh",
        forwarded_on=date(2011, 9, 15),
    )


def _result(world: PetitionWorld, forward: Forward) -> None:
    services_forward.forward_result_record(
        actor=world.province_reception,
        forward=forward,
        result="Đã giải quyết",
        result_on=date(2011, 11, 2),
    )


def _act(client: Client, letter: Letter, slug: str, data: dict[str, Any]) -> Any:
    return client.post(reverse("petitions:letter_action", args=[letter.uuid, slug]), data)


def test_the_duplicates_fragment_is_on_the_letters_page(
    world: PetitionWorld, client: Client
) -> None:
    original = letter_row(world, received_on=date(2011, 3, 1), summary="Khiếu nại đất ấp Trường")
    letter = letter_row(world, received_on=date(2011, 9, 12), summary="Khiếu nại đất ấp Trường")
    letter.duplicate_of = original
    letter.duplicate_round = 2
    letter.save()
    client.force_login(world.province_reception)
    body = _page(client, letter)
    assert 'data-testid="letter-duplicates"' in body
    assert f"Đơn trùng lần 2 của đơn số {original.book_number}" in body


def test_the_clock_forms_show_to_the_handler_of_an_accepted_denunciation(
    world: PetitionWorld, client: Client
) -> None:
    letter = accepted(world)
    client.force_login(world.province_reception)
    body = _page(client, letter)
    assert 'data-testid="clock-forms"' in body
    assert 'data-testid="form-gia-han"' in body
    assert 'data-testid="form-tam-dinh-chi"' in body
    # The deadlines carry the rule they come from.
    assert "Luật Tố cáo" in body


def test_the_clock_forms_are_not_offered_before_acceptance_nor_to_one_who_may_not_act(
    world: PetitionWorld, client: Client
) -> None:
    registered = letter_row(world, received_on=date(2019, 3, 4))
    client.force_login(world.province_reception)
    assert 'data-testid="clock-forms"' not in _page(client, registered)
    handled = accepted(world)
    handled.handler = world.province_reception
    handled.save()
    client.force_login(world.province_reception_2)  # sees the letter, handles none
    assert 'data-testid="clock-forms"' not in _page(client, handled)


def test_an_open_suspension_offers_its_end_and_is_listed(
    world: PetitionWorld, client: Client
) -> None:
    letter = accepted(world)
    client.force_login(world.province_reception)
    added = client.post(
        reverse("petitions:letter_suspension_add", args=[letter.uuid]),
        {"starts_on": "10/03/2019", "decision_number": "5/QĐ", "reason": "Chờ giám định"},
    )
    assert added.status_code == 302
    body = _page(client, letter)
    assert 'data-testid="form-ket-thuc-tam-dinh-chi"' in body
    assert 'data-testid="form-tam-dinh-chi"' not in body
    assert "Tạm đình chỉ theo quyết định số 5/QĐ từ 10/03/2019" in body


def test_files_are_added_to_a_letter_from_its_page(world: PetitionWorld, client: Client) -> None:
    letter = letter_row(world)
    client.force_login(world.province_reception)
    assert 'data-testid="form-them-tep"' in _page(client, letter)
    scan = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    response = _act(client, letter, "them-tep", {"scans": scan, "kind": FileKind.EVIDENCE})
    assert response.status_code == 302
    (added,) = letter.files.all()
    assert (added.filename, added.kind) == ("bien-ban.pdf", FileKind.EVIDENCE)
    assert "bien-ban.pdf" in _page(client, letter)


def test_adding_no_file_is_refused_on_the_field(world: PetitionWorld, client: Client) -> None:
    letter = letter_row(world)
    client.force_login(world.province_reception)
    response = _act(client, letter, "them-tep", {"kind": FileKind.EVIDENCE})
    assert response.status_code == 400
    assert "id_them-tep_scans_error" in response.content.decode()
    assert not letter.files.exists()


def test_a_guided_letter_names_its_guide_document_chosen_in_the_picker(
    world: PetitionWorld, client: Client
) -> None:
    note = _forward(world, letter_row(world, received_on=date(2011, 9, 12))).note
    assert note is not None
    letter = letter_row(
        world,
        received_on=date(2011, 9, 12),
        eligibility="eligible",
        classified_on=date(2011, 9, 13),
        status=LetterStatus.CLASSIFIED,
    )
    client.force_login(world.province_reception)
    assert f'value="{note.uuid}"' in _page(client, letter)  # offered in the picker
    response = _act(
        client,
        letter,
        "xu-ly",
        {"handling": "guide", "handled_on": "16/09/2011", "guide_document": str(note.uuid)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    letter.refresh_from_db()
    assert letter.guide_document == note
    body = _page(client, letter)
    assert 'data-testid="guide-document"' in body
    assert reverse("documents:outgoing_detail", args=[note.uuid]) in body


def test_the_page_links_the_forwards_note_and_prompts_to_tell_once_the_result_is_in(
    world: PetitionWorld, client: Client
) -> None:
    letter = letter_row(world, received_on=date(2011, 9, 12))
    forward = _forward(world, letter)
    client.force_login(world.province_reception)
    body = _page(client, letter)
    assert forward.note is not None
    assert reverse("documents:outgoing_detail", args=[forward.note.uuid]) in body
    assert 'data-testid="tell-prompt"' not in body
    _result(world, forward)
    body = _page(client, letter)
    assert 'data-testid="tell-prompt"' in body
    assert "chưa thông báo cho người gửi đơn" in body
    told = _act(client, letter, "thong-bao", {"told_on": "04/11/2011", "told_how": "Văn bản số 9"})
    assert told.status_code == 302
    assert 'data-testid="tell-prompt"' not in _page(client, letter)


def test_an_anonymous_letter_is_never_prompted_to_tell(
    world: PetitionWorld, client: Client
) -> None:
    letter = letter_row(world, received_on=date(2011, 9, 12), anonymous=True, petitioners=())
    _result(world, _forward(world, letter))
    client.force_login(world.province_reception)
    assert 'data-testid="tell-prompt"' not in _page(client, letter)


def test_the_covering_document_is_linked_for_one_who_sees_it(
    world: PetitionWorld, client: Client
) -> None:
    from tests.support.documents import register

    covering = register(world.d)  # in Châu Thành's incoming book
    letter = letter_row(
        world,
        unit=world.chau_thanh_office,
        channel="forwarded",
        covering=covering,
        sender_body="Thanh tra",
    )
    client.force_login(world.chau_thanh_office_leader)
    body = _page(client, letter)
    assert reverse("documents:incoming_detail", args=[covering.uuid]) in body
