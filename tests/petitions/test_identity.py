"""A denouncer's identity: never in the list or its search, whoever reads; on the letter's page
only for its readers, and every such read audited."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.documents.services import Upload
from vanphong.org.models import Person
from vanphong.petitions import services, services_handling
from vanphong.petitions.models import FileKind, Letter
from vanphong.petitions.services import CitizenData

NAME = "Trần Văn Tố"
NUMBER = "079123456789"
ADDRESS = "ấp Bàu Sen, xã Thanh Điền"
PHONE = "0913555777"


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def letter(world: PetitionWorld) -> Letter:
    registered = services.letter_register(
        actor=world.province_reception,
        unit=world.province_office,
        received_on=date(2011, 9, 12),
        channel="post",
        summary="Tố cáo bí thư Đảng ủy xã nhận tiền khi cấp đất",
        denunciation=True,
        citizens=[CitizenData(full_name=NAME, id_number=NUMBER, address=ADDRESS, phone=PHONE)],
    )
    return services_handling.letter_take(actor=world.province_reception, letter=registered)


def _reads(letter: Letter) -> list[int | None]:
    events = AuditEvent.objects.filter(action="letter.identity_read", object_id=str(letter.uuid))
    return list(events.order_by("seq").values_list("actor_id", flat=True))


def _shows_identity(body: str) -> bool:
    return any(part in body for part in (NAME, NUMBER, ADDRESS, PHONE))


@pytest.mark.parametrize("reader", [True, False])
def test_the_list_never_shows_a_denouncer_even_to_one_who_reads_them(
    world: PetitionWorld, letter: Letter, client: Client, reader: bool
) -> None:
    person: Person = world.province_reception if reader else world.province_reception_2
    client.force_login(person)
    body = client.get(reverse("petitions:letters")).content.decode()
    assert reverse("petitions:letter", args=[letter.uuid]) in body
    assert not _shows_identity(body)
    assert "(Giữ bí mật)" in body


@pytest.mark.parametrize("typed", [NAME, "tran van to", NUMBER, "Bàu Sen"])
def test_searching_the_list_by_a_denouncer_finds_nothing(
    world: PetitionWorld, letter: Letter, client: Client, typed: str
) -> None:
    client.force_login(world.province_reception_2)
    body = client.get(reverse("petitions:letters"), {"q": typed}).content.decode()
    assert reverse("petitions:letter", args=[letter.uuid]) not in body
    # The same search by what the letter is about finds it: the search itself works.
    found = client.get(reverse("petitions:letters"), {"q": "nhan tien"}).content.decode()
    assert reverse("petitions:letter", args=[letter.uuid]) in found


def test_the_handlers_read_of_the_page_is_audited_and_a_colleagues_view_is_not(
    world: PetitionWorld, letter: Letter, client: Client
) -> None:
    page = reverse("petitions:letter", args=[letter.uuid])
    client.force_login(world.province_reception_2)
    colleague = client.get(page).content.decode()
    assert not _shows_identity(colleague)
    assert "Thông tin người tố cáo được giữ bí mật" in colleague
    assert _reads(letter) == []
    client.force_login(world.province_reception)
    handler = client.get(page).content.decode()
    assert NAME in handler
    assert NUMBER in handler
    assert PHONE in handler
    client.force_login(world.province_office_leader)
    assert NAME in client.get(page).content.decode()
    assert _reads(letter) == [world.province_reception.pk, world.province_office_leader.pk]


def test_the_letters_history_and_audit_name_no_denouncer(
    world: PetitionWorld, letter: Letter, client: Client
) -> None:
    events = AuditEvent.objects.filter(object_id=str(letter.uuid))
    assert events.exists()
    for event in events:
        assert not _shows_identity(f"{event.before} {event.after} {event.object_label}")


def test_the_correction_form_leaves_a_denouncer_out_for_a_colleague(
    world: PetitionWorld, letter: Letter, client: Client
) -> None:
    letter.handler = None
    letter.save(update_fields=["handler"])
    # With no handler the unit's officers correct it, but only its leaders read the denouncer.
    client.force_login(world.province_reception_2)
    body = client.get(reverse("petitions:letter_edit", args=[letter.uuid])).content.decode()
    assert 'name="citizens-ho-ten"' not in body
    assert not _shows_identity(body)


def test_a_denouncers_scan_added_later_is_audited_without_its_file_name(
    world: PetitionWorld, letter: Letter
) -> None:
    """A scan is often named after who wrote it; the audit counts a denouncer's scans and names
    only the files that reveal nobody."""
    scan = Upload(f"don to cao {NAME}.pdf", io.BytesIO(PDF))
    evidence = Upload("bien-ban-xac-minh.pdf", io.BytesIO(PDF))
    services.letter_files_add(
        actor=world.province_reception, letter=letter, files=[scan], kind=FileKind.LETTER
    )
    services.letter_files_add(
        actor=world.province_reception, letter=letter, files=[evidence], kind=FileKind.EVIDENCE
    )
    events = AuditEvent.objects.filter(action="letter.files_add", object_id=str(letter.uuid))
    assert [event.after for event in events.order_by("seq")] == [
        {"files": [], "identity_scans": 1, "kind": "letter"},
        {"files": ["bien-ban-xac-minh.pdf"], "identity_scans": 0, "kind": "evidence"},
    ]
    assert letter.files.get(kind=FileKind.LETTER).filename.startswith("don to cao")
