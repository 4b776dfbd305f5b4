"""Registering and correcting letters, and reading a denouncer's identity."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.petitions.letters import DENOUNCER, RECEIVED, denunciation, register, world
from tests.support.files import PDF
from tests.support.petitions import PetitionWorld
from vanphong.core.models import AuditEvent
from vanphong.core.numbering import peek
from vanphong.documents.services import Upload
from vanphong.petitions import services, services_handling
from vanphong.petitions.models import Letter, LetterStatus
from vanphong.petitions.services import CitizenData

__all__ = ["world"]  # the fixture: imported for pytest to find, not called


def test_a_letter_is_numbered_in_its_units_book_per_year(world: PetitionWorld) -> None:
    first = register(world)
    second = register(world)
    next_year = register(world, received_on=date(2012, 1, 3))
    assert (first.number, second.number, next_year.number) == (1, 2, 1)
    assert first.book_number == "1/2011"
    assert first.status == LetterStatus.REGISTERED
    citizen = first.citizens.get()
    assert citizen.name_folded == "nguyen van khieu"
    assert first.summary_folded.startswith("khieu nai")


def test_a_denunciations_registration_audit_names_no_petitioner(world: PetitionWorld) -> None:
    letter = denunciation(world)
    event = AuditEvent.objects.get(action="letter.register", object_id=str(letter.uuid))
    text = str(event.after)
    assert "Trần Văn Tố" not in text
    assert "290123456" not in text
    assert "0909123456" not in text
    assert "Bình Lợi" not in text
    assert event.after is not None
    assert event.after["citizens_count"] == 1
    assert letter.citizens.get().id_number == "290123456"


def test_a_complaints_registration_audit_counts_its_petitioners_without_naming_them(
    world: PetitionWorld,
) -> None:
    """It may be classified a denunciation later, and the audit outlives the purge."""
    letter = register(world)
    event = AuditEvent.objects.get(action="letter.register", object_id=str(letter.uuid))
    assert event.after is not None
    assert event.after["citizens_count"] == 1
    assert "Nguyễn Văn Khiếu" not in str(event.after)


def test_a_denunciations_scans_reveal_its_denouncer(world: PetitionWorld) -> None:
    letter = denunciation(world, files=[Upload("don.pdf", io.BytesIO(PDF))])
    complaint = register(world, files=[Upload("don.pdf", io.BytesIO(PDF))])
    assert [f.reveals_identity for f in letter.files.all()] == [True]
    assert [f.reveals_identity for f in complaint.files.all()] == [False]


BAD_INPUT = [
    ({"citizens": []}, "citizens", "ít nhất một người gửi"),
    ({"anonymous": True}, "citizens", "nặc danh"),
    ({"complaint": False}, "kinds", "loại đơn"),
    (
        {"citizens": [CitizenData(full_name="A", id_number="12345")]},
        "citizens",
        "9 chữ số",
    ),
    (
        {"citizens": [CitizenData(full_name="A", id_number="29012345X")]},
        "citizens",
        "12 chữ số",
    ),
    ({"received_on": "tomorrow"}, "received_on", "sau hôm nay"),
    ({"channel": "forwarded"}, "sender_body", "cơ quan chuyển"),
    ({"summary": "   "}, "summary", "tóm tắt"),
]


@pytest.mark.parametrize(("change", "field", "words"), BAD_INPUT)
def test_bad_input_is_refused_on_its_field_with_nothing_saved_and_no_number_used(
    world: PetitionWorld, change: dict[str, Any], field: str, words: str
) -> None:
    register(world)
    if change.get("received_on") == "tomorrow":
        change = {"received_on": timezone.localdate() + timedelta(days=1)}
    year = change.get("received_on", RECEIVED).year
    series = services.series(world.province_office, year)
    before = peek(series)
    with pytest.raises(ValidationError) as raised:
        register(world, **change)
    assert words in " ".join(raised.value.message_dict[field])
    assert Letter.objects.count() == 1
    assert peek(series) == before


def test_a_covering_document_the_officer_may_not_see_is_refused(world: PetitionWorld) -> None:
    from tests.support.documents import register as document_register

    hidden = document_register(world.d)  # Châu Thành's incoming document
    with pytest.raises(ValidationError) as raised:
        register(world, channel="forwarded", covering=hidden)
    assert "covering" in raised.value.message_dict
    assert peek(services.series(world.province_office, 2011)) == 0


def test_a_bad_upload_is_refused_on_the_files_field_with_no_number_used(
    world: PetitionWorld,
) -> None:
    with pytest.raises(ValidationError) as raised:
        register(world, files=[Upload("don.exe", io.BytesIO(b"MZ not a scan"))])
    assert "files" in raised.value.message_dict
    assert peek(services.series(world.province_office, 2011)) == 0
    assert not Letter.objects.exists()


def test_only_the_units_reception_officers_register(world: PetitionWorld) -> None:
    with pytest.raises(PermissionDenied):
        register(world, actor=world.chau_thanh_reception)
    with pytest.raises(PermissionDenied):
        register(world, actor=world.province_office_leader)


def test_an_anonymous_letter_has_no_petitioner(world: PetitionWorld) -> None:
    letter = register(world, anonymous=True, citizens=[])
    assert letter.anonymous
    assert not letter.citizens.exists()


def test_reading_a_denouncers_identity_is_audited_and_refused_to_others(
    world: PetitionWorld,
) -> None:
    letter = denunciation(world)
    letter = services_handling.letter_take(actor=world.province_reception, letter=letter)
    with pytest.raises(PermissionDenied):
        services.letter_identity_read(actor=world.province_reception_2, letter=letter)
    citizens = services.letter_identity_read(actor=world.province_reception, letter=letter)
    assert [c.full_name for c in citizens] == ["Trần Văn Tố"]
    reads = AuditEvent.objects.filter(action="letter.identity_read", object_id=str(letter.uuid))
    assert [e.actor_id for e in reads] == [world.province_reception.pk]


def test_reading_a_complaints_petitioners_is_not_an_audited_read(world: PetitionWorld) -> None:
    letter = register(world)
    services.letter_identity_read(actor=world.province_reception_2, letter=letter)
    assert not AuditEvent.objects.filter(action="letter.identity_read").exists()


def test_correcting_a_denouncer_is_for_those_who_read_them(world: PetitionWorld) -> None:
    letter = services_handling.letter_take(
        actor=world.province_reception, letter=denunciation(world)
    )
    common: dict[str, Any] = {
        "received_on": RECEIVED,
        "channel": "post",
        "summary": letter.summary,
        "complaint": False,
        "denunciation": True,
        "proposal": False,
        "report": False,
        "anonymous": False,
    }
    with pytest.raises(PermissionDenied):
        services.letter_update(
            actor=world.province_reception_2, letter=letter, citizens=[DENOUNCER], **common
        )
    with pytest.raises(ValidationError) as raised:
        services.letter_update(
            actor=world.province_reception,
            letter=letter,
            **{**common, "received_on": date(2012, 1, 2)},
        )
    assert "received_on" in raised.value.message_dict
    updated = services.letter_update(
        actor=world.province_reception,
        letter=letter,
        citizens=[DENOUNCER, CitizenData(full_name="Lê Thị Hai")],
        **{**common, "summary": "Tố cáo sai phạm khi cấp đất"},
    )
    assert updated.citizens.count() == 2
    assert updated.group_size == 2
