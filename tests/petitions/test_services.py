"""The letters book's services: registration and its bad input, the handling flow, the
identity read, the fields."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.core.numbering import peek
from vanphong.documents.services import Upload
from vanphong.petitions import services, services_handling
from vanphong.petitions.models import Field, Letter, LetterStatus
from vanphong.petitions.services import CitizenData

RECEIVED = date(2011, 9, 12)
DENOUNCER = CitizenData(
    full_name="Trần Văn Tố", id_number="290 123 456", address="ấp Bình Lợi", phone="0909123456"
)


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def register(world: PetitionWorld, **overrides: Any) -> Letter:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "unit": world.province_office,
        "received_on": RECEIVED,
        "channel": "post",
        "summary": "Khiếu nại việc bồi thường đất khi mở rộng đường",
        "complaint": True,
        "citizens": [CitizenData(full_name="Nguyễn Văn Khiếu", id_number="290111222")],
        "field": world.land,
    }
    fields.update(overrides)
    return services.letter_register(**fields)


def denunciation(world: PetitionWorld, **overrides: Any) -> Letter:
    fields: dict[str, Any] = {
        "complaint": False,
        "denunciation": True,
        "summary": "Tố cáo bí thư Đảng ủy xã nhận tiền khi cấp đất",
        "citizens": [DENOUNCER],
    }
    return register(world, **{**fields, **overrides})


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
    assert "290123456" not in text and "0909123456" not in text and "Bình Lợi" not in text
    assert event.after["citizens_count"] == 1
    assert letter.citizens.get().id_number == "290123456"


def test_a_complaints_registration_audit_names_its_petitioner(world: PetitionWorld) -> None:
    letter = register(world)
    event = AuditEvent.objects.get(action="letter.register", object_id=str(letter.uuid))
    assert event.after["citizens"] == ["Nguyễn Văn Khiếu"]


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
    assert letter.anonymous and not letter.citizens.exists()


def test_an_anonymous_denunciation_is_proposed_ineligible(world: PetitionWorld) -> None:
    letter = denunciation(world, anonymous=True, citizens=[])
    proposed = services_handling.proposed_classification(letter)
    assert proposed == {"eligibility": "ineligible", "ineligible_reason": "anonymous"}
    assert services_handling.proposed_classification(register(world))["eligibility"] == "eligible"


def test_ineligible_needs_a_legal_reason(world: PetitionWorld) -> None:
    letter = register(world)
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_classify(
            actor=world.province_reception, letter=letter, eligibility="ineligible"
        )
    assert "ineligible_reason" in raised.value.message_dict


def classify(world: PetitionWorld, letter: Letter, **overrides: Any) -> Letter:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "letter": letter,
        "eligibility": "eligible",
        "classified_on": RECEIVED + timedelta(days=2),
    }
    fields.update(overrides)
    return services_handling.letter_classify(**fields)


def test_a_kept_letter_closes_at_once(world: PetitionWorld) -> None:
    letter = classify(world, register(world, anonymous=True, citizens=[]), eligibility="ineligible",
                      ineligible_reason="anonymous")  # fmt: skip
    handled = services_handling.letter_handle(
        actor=world.province_reception,
        letter=letter,
        handling="keep",
        handled_on=RECEIVED + timedelta(days=3),
    )
    assert handled.status == LetterStatus.CLOSED
    assert handled.closed_on == RECEIVED + timedelta(days=3)


def test_an_ineligible_letter_is_not_accepted(world: PetitionWorld) -> None:
    letter = classify(world, register(world), eligibility="ineligible", ineligible_reason="court")
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handle(
            actor=world.province_reception, letter=letter, handling="accept", accepted_on=RECEIVED
        )
    assert "handling" in raised.value.message_dict


def test_forwarding_is_not_done_by_letter_handle(world: PetitionWorld) -> None:
    letter = classify(world, register(world))
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handle(
            actor=world.province_reception, letter=letter, handling="forward"
        )
    assert "handling" in raised.value.message_dict
    assert services_handling.handling_status("forward") == LetterStatus.FOLLOWING


def test_an_accepted_letter_closes_when_the_result_is_in_and_the_petitioner_told(
    world: PetitionWorld,
) -> None:
    letter = classify(world, register(world))
    letter = services_handling.letter_handle(
        actor=world.province_reception,
        letter=letter,
        handling="accept",
        accepted_on=date(2011, 9, 20),
        handled_on=date(2011, 9, 20),
    )
    assert letter.status == LetterStatus.FOLLOWING
    with pytest.raises(ValidationError) as early:
        services_handling.letter_told(
            actor=world.province_reception, letter=letter, told_on=date(2011, 9, 21), told_how="x"
        )
    assert "told_on" in early.value.message_dict
    with pytest.raises(ValidationError) as before_acceptance:
        services_handling.letter_result_record(
            actor=world.province_reception, letter=letter, result="x", result_on=date(2011, 9, 1)
        )
    assert "result_on" in before_acceptance.value.message_dict
    letter = services_handling.letter_result_record(
        actor=world.province_reception,
        letter=letter,
        result="Giữ nguyên quyết định kỷ luật",
        result_on=date(2011, 10, 15),
    )
    assert letter.status == LetterStatus.FOLLOWING
    letter = services_handling.letter_told(
        actor=world.province_reception,
        letter=letter,
        told_on=date(2011, 10, 17),
        told_how="Văn bản số 12-CV/VPTU",
    )
    assert letter.status == LetterStatus.CLOSED
    assert letter.closed_on == date(2011, 10, 17)


def test_an_anonymous_letter_closes_on_its_result(world: PetitionWorld) -> None:
    letter = classify(world, register(world, anonymous=True, citizens=[]))
    letter = services_handling.letter_handle(
        actor=world.province_reception, letter=letter, handling="accept", accepted_on=RECEIVED
    )
    letter = services_handling.letter_result_record(
        actor=world.province_reception, letter=letter, result="Đã giải quyết", result_on=RECEIVED
    )
    assert letter.status == LetterStatus.CLOSED
    with pytest.raises(ValidationError):
        services_handling.letter_told(
            actor=world.province_reception, letter=letter, told_on=RECEIVED, told_how="x"
        )


def test_assigning_to_a_unit_outside_the_committee_is_refused(world: PetitionWorld) -> None:
    letter = classify(world, register(world))
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handle(
            actor=world.province_reception,
            letter=letter,
            handling="assign",
            assigned_unit=world.province_office,
        )
    assert "assigned_unit" in raised.value.message_dict


def test_a_leader_gives_a_letter_to_a_reception_officer_of_its_unit(world: PetitionWorld) -> None:
    letter = register(world)
    with pytest.raises(PermissionDenied):
        services_handling.letter_handler_assign(
            actor=world.province_reception, letter=letter, handler=world.province_reception_2
        )
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handler_assign(
            actor=world.province_office_leader,
            letter=letter,
            handler=world.chau_thanh_reception,
        )
    assert "handler" in raised.value.message_dict
    letter = services_handling.letter_handler_assign(
        actor=world.province_office_leader, letter=letter, handler=world.province_reception_2
    )
    assert letter.handler == world.province_reception_2
    # Once handled, the other officers no longer act on it.
    with pytest.raises(PermissionDenied):
        classify(world, letter)


def test_an_officer_takes_a_letter_nobody_handles(world: PetitionWorld) -> None:
    letter = services_handling.letter_take(actor=world.province_reception, letter=register(world))
    assert letter.handler == world.province_reception
    with pytest.raises(ValidationError):
        services_handling.letter_take(actor=world.province_reception_2, letter=letter)


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
    letter = services_handling.letter_take(actor=world.province_reception, letter=denunciation(world))
    common = {
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
    assert updated.citizens.count() == 2 and updated.group_size == 2


def test_fields_are_kept_by_the_provinces_office_leaders_and_admins(world: PetitionWorld) -> None:
    field = services.field_create(actor=world.province_office_leader, name="Môi trường")
    assert field.position > max(f.position for f in Field.objects.exclude(pk=field.pk))
    with pytest.raises(ValidationError) as raised:
        services.field_create(actor=world.province_admin, name="MÔI TRƯỜNG")
    assert "name" in raised.value.message_dict
    with pytest.raises(PermissionDenied):
        services.field_create(actor=world.chau_thanh_office_leader, name="Khác nữa")
    with pytest.raises(PermissionDenied):
        services.field_create(actor=world.province_reception, name="Khác nữa")
    field = services.field_update(
        actor=world.province_admin, field=field, name="Tài nguyên, môi trường", is_active=False
    )
    assert (field.name, field.is_active) == ("Tài nguyên, môi trường", False)
    with pytest.raises(ValidationError) as inactive:
        register(world, field=field)
    assert "field" in inactive.value.message_dict


def test_the_usual_fields_are_seeded(db: None) -> None:
    names = set(Field.objects.values_list("name", flat=True))
    assert {"Đất đai", "Tham nhũng, tiêu cực", "Đảng viên vi phạm", "Khác"} <= names
