"""Forwarding a letter to the competent body through the documents flow, the redacted copy
of a denunciation, and the result that closes the follow-up."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.files import open_stored, store
from vanphong.core.models import AuditEvent
from vanphong.documents.extract import extract_text
from vanphong.documents.models import OutgoingDocument, OutgoingStatus
from vanphong.petitions import clocks
from vanphong.petitions.models import (
    Eligibility,
    FileKind,
    Forward,
    Handling,
    IneligibleReason,
    Letter,
    LetterFile,
    LetterStatus,
)
from vanphong.petitions.selectors import forwards_awaiting
from vanphong.petitions.services_forward import forward_result_record, letter_forward

FORWARDED_ON = date(2011, 9, 20)
INSPECTION = "Ủy ban Kiểm tra Tỉnh ủy Tây Ninh"
DENOUNCER = "Trần Văn Tốcáo"
DENOUNCER_ID = "072011000123"
DENOUNCER_PHONE = "0913555777"
DENOUNCER_ADDRESS = "ấp Trường Lưu, xã Trường Hòa, huyện Hòa Thành"


@pytest.fixture
def world(db: None, settings: LazySettings, tmp_path: Path) -> PetitionWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return build_petition_world()


def scan(world: PetitionWorld, letter: Letter, *, reveals: bool) -> LetterFile:
    stored = store(io.BytesIO(PDF + letter.book_number.encode())).stored
    return LetterFile.objects.create(
        letter=letter,
        file=stored,
        filename="don-goc.pdf",
        kind=FileKind.LETTER,
        reveals_identity=reveals,
        uploaded_by=world.province_reception,
    )


def denunciation(world: PetitionWorld, **fields: object) -> Letter:
    letter = letter_row(
        world,
        petitioners=(DENOUNCER,),
        id_number=DENOUNCER_ID,
        complaint=False,
        denunciation=True,
        subject_kind="party_member",
        subject="Bí thư Đảng ủy xã Trường Hòa",
        # An officer wrote the denouncer into the summary: the copy must still hide him.
        summary=f"Ông {DENOUNCER} tố cáo Bí thư Đảng ủy xã nhận tiền bồi thường đất sai quy định",
        **fields,
    )
    letter.citizens.update(phone=DENOUNCER_PHONE, address=DENOUNCER_ADDRESS)
    scan(world, letter, reveals=True)
    return letter


def forward(world: PetitionWorld, letter: Letter, **overrides: object) -> Forward:
    fields: dict[str, object] = {
        "actor": world.province_reception,
        "letter": letter,
        "to_body": INSPECTION,
        "forwarded_on": FORWARDED_ON,
    }
    fields.update(overrides)
    return letter_forward(**fields)  # type: ignore[arg-type]


def identity_in(text: str) -> list[str]:
    folded = text.casefold()
    return [
        value
        for value in (DENOUNCER, DENOUNCER_ID, DENOUNCER_PHONE, DENOUNCER_ADDRESS)
        if value.casefold() in folded
    ]


def attachment_texts(note: OutgoingDocument) -> list[str]:
    texts = []
    for attachment in note.attachments.select_related("file"):
        with open_stored(attachment.file) as handle:
            texts.append(extract_text(handle, attachment.file.content_type))
    return texts


def test_a_forward_drafts_the_note_as_an_outgoing_document_of_the_letters_unit(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world, petitioners=("Nguyễn Văn Khiếu",))
    made = forward(world, letter)
    note = made.note
    assert note is not None
    assert note.unit == world.province_office
    assert note.status == OutgoingStatus.DRAFT
    assert note.type_symbol == "CV"
    assert note.drafter == world.province_reception
    assert note.subject == "V/v chuyển đơn khiếu nại của công dân"
    body = note.versions.get().body
    assert letter.book_number in body
    assert "12/09/2011" in body
    assert INSPECTION in body
    assert "Khiếu nại việc bồi thường đất" in body
    due = clocks.forward_due(letter, FORWARDED_ON)
    assert made.result_due_on == due
    assert due.strftime("%d/%m/%Y") in body
    # A complaint protects nobody: the petitioner is named for the body to answer him.
    assert "Nguyễn Văn Khiếu" in body
    assert OutgoingDocument.objects.filter(unit=world.province_office, pk=note.pk).exists()


def test_a_forward_puts_the_letter_under_follow_up_with_an_audit_event(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world)
    made = forward(world, letter)
    letter.refresh_from_db()
    assert letter.handling == Handling.FORWARD
    assert letter.handled_on == FORWARDED_ON
    assert letter.status == LetterStatus.FOLLOWING
    event = AuditEvent.objects.get(action="letter.forward")
    assert event.object_id == str(letter.uuid)
    assert event.after is not None
    assert event.after["forward"] == str(made.uuid)
    assert list(forwards_awaiting(world.province_reception)) == [made]


def test_a_complaint_is_sent_with_its_original_scans(world: PetitionWorld) -> None:
    letter = letter_row(world)
    original = scan(world, letter, reveals=False)
    made = forward(world, letter)
    assert made.copy == original
    assert made.note is not None
    assert [a.file_id for a in made.note.attachments.all()] == [original.file_id]


def test_a_denunciation_is_forwarded_without_a_trace_of_the_denouncer(
    world: PetitionWorld,
) -> None:
    letter = denunciation(world)
    original = letter.files.get()
    made = forward(world, letter)
    note = made.note
    assert note is not None
    assert identity_in(note.subject) == []
    body = note.versions.get().body
    assert identity_in(body) == []
    assert "Bí thư Đảng ủy xã Trường Hòa" in body  # the person denounced is named
    assert "nhận tiền bồi thường đất sai quy định" in body
    # The copy attached is the generated redacted one, never the handwriting.
    texts = attachment_texts(note)
    assert len(texts) == 1
    assert "đã che thông tin người tố cáo" in texts[0]
    assert "[đã che]" in texts[0]
    assert "Bí thư Đảng ủy xã Trường Hòa" in texts[0]
    assert identity_in(texts[0]) == []
    assert note.attachments.filter(file=original.file).exists() is False
    assert identity_in(" ".join(a.filename for a in note.attachments.all())) == []


def test_the_redacted_copy_is_kept_beside_the_untouched_original(world: PetitionWorld) -> None:
    letter = denunciation(world)
    original = letter.files.get()
    made = forward(world, letter)
    copy = made.copy
    assert copy is not None
    assert (copy.kind, copy.reveals_identity) == (FileKind.REDACTED, False)
    assert copy.letter == letter
    assert made.note is not None
    assert made.note.attachments.get().file_id == copy.file_id
    kept = LetterFile.objects.get(pk=original.pk)
    assert (kept.kind, kept.reveals_identity, kept.file_id) == (
        FileKind.LETTER,
        True,
        original.file_id,
    )


def test_the_audit_event_of_a_forward_names_no_denouncer(world: PetitionWorld) -> None:
    forward(world, denunciation(world))
    event = AuditEvent.objects.get(action="letter.forward")
    assert identity_in(f"{event.object_label} {event.before} {event.after}") == []


def test_a_subject_naming_the_denouncer_is_refused_on_its_field(world: PetitionWorld) -> None:
    letter = denunciation(world)
    with pytest.raises(ValidationError) as refused:
        forward(world, letter, note_subject=f"V/v chuyển đơn của ông {DENOUNCER}")
    assert "note_subject" in refused.value.message_dict
    assert not OutgoingDocument.objects.exists()
    assert not LetterFile.objects.filter(kind=FileKind.REDACTED).exists()


def test_a_duplicate_goes_to_three_bodies(world: PetitionWorld) -> None:
    letter = letter_row(world)
    bodies = ["Ủy ban nhân dân tỉnh Tây Ninh", "Thanh tra tỉnh", "UBND huyện Hòa Thành"]
    for body in bodies:
        forward(world, letter, to_body=body)
    assert sorted(letter.forwards.values_list("to_body", flat=True)) == sorted(bodies)
    assert OutgoingDocument.objects.filter(unit=world.province_office).count() == 3


def test_the_same_body_twice_while_waiting_is_refused(world: PetitionWorld) -> None:
    letter = letter_row(world)
    forward(world, letter)
    with pytest.raises(ValidationError) as refused:
        forward(world, letter, to_body=INSPECTION.upper())
    assert "to_body" in refused.value.message_dict


@pytest.mark.parametrize(
    ("state", "fields"),
    [
        ("closed", {"status": LetterStatus.CLOSED}),
        ("guided", {"handling": Handling.GUIDE}),
        (
            "anonymous denunciation",
            {
                "eligibility": Eligibility.INELIGIBLE,
                "ineligible_reason": IneligibleReason.ANONYMOUS,
            },
        ),
    ],
)
def test_a_letter_that_cannot_be_forwarded_is_refused(
    world: PetitionWorld, state: str, fields: dict[str, Any]
) -> None:
    letter = letter_row(world, **fields)
    with pytest.raises(ValidationError):
        forward(world, letter)
    assert not OutgoingDocument.objects.exists(), state


def test_a_letter_outside_the_offices_competence_is_forwarded(world: PetitionWorld) -> None:
    letter = letter_row(
        world,
        eligibility=Eligibility.INELIGIBLE,
        ineligible_reason=IneligibleReason.NOT_COMPETENT,
    )
    assert forward(world, letter).note is not None


def test_a_forward_before_the_letter_arrived_or_in_the_future_is_refused(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world)
    for day in (date(2011, 9, 1), timezone.localdate() + timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            forward(world, letter, forwarded_on=day)
        assert "forwarded_on" in refused.value.message_dict
    assert not OutgoingDocument.objects.exists()


def test_another_reception_officer_may_not_forward_a_letter_someone_handles(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world, handler=world.province_reception)
    with pytest.raises(PermissionDenied):
        forward(world, letter, actor=world.province_reception_2)
    with pytest.raises(PermissionDenied):
        forward(world, letter, actor=world.chau_thanh_reception)
    assert forward(world, letter, actor=world.province_office_leader).note is not None


def test_a_result_before_the_forward_is_refused_on_its_field(world: PetitionWorld) -> None:
    made = forward(world, letter_row(world))
    with pytest.raises(ValidationError) as refused:
        forward_result_record(
            actor=world.province_reception,
            forward=made,
            result="Đã giải quyết",
            result_on=FORWARDED_ON - timedelta(days=1),
        )
    assert refused.value.message_dict["result_on"] == [
        "Ngày nhận kết quả không được trước ngày chuyển đơn (20/09/2011)."
    ]
    made.refresh_from_db()
    assert made.result_on is None


def test_a_result_in_the_future_is_refused(world: PetitionWorld) -> None:
    made = forward(world, letter_row(world))
    with pytest.raises(ValidationError) as refused:
        forward_result_record(
            actor=world.province_reception,
            forward=made,
            result="Đã giải quyết",
            result_on=timezone.localdate() + timedelta(days=1),
        )
    assert "result_on" in refused.value.message_dict


def test_a_result_leaves_the_follow_up_list_and_the_last_one_gives_the_letter_its_result(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world)
    first = forward(world, letter)
    second = forward(world, letter, to_body="Thanh tra tỉnh")
    forward_result_record(
        actor=world.province_reception,
        forward=first,
        result="Kỷ luật khiển trách",
        result_on=date(2011, 11, 2),
    )
    assert list(forwards_awaiting(world.province_reception)) == [second]
    letter.refresh_from_db()
    assert letter.result_on is None
    forward_result_record(
        actor=world.province_reception,
        forward=second,
        result="Không có căn cứ",
        result_on=date(2011, 11, 9),
    )
    assert list(forwards_awaiting(world.province_reception)) == []
    letter.refresh_from_db()
    assert letter.result_on == date(2011, 11, 9)
    assert INSPECTION in letter.result
    assert "Không có căn cứ" in letter.result
    assert AuditEvent.objects.filter(action="forward.result").count() == 2


def test_a_result_links_the_reply_from_the_units_incoming_book(world: PetitionWorld) -> None:
    from tests.support.documents import register_2011

    made = forward(world, letter_row(world))
    reply = register_2011(
        world.d,
        actor=world.province_clerk,
        unit=world.province_office,
        sender_name=INSPECTION,
        subject="V/v báo cáo kết quả giải quyết đơn",
    )
    forward_result_record(
        actor=world.province_reception,
        forward=made,
        reply=reply,
        result="Đã xem xét, trả lời công dân",
        result_on=date(2011, 11, 2),
    )
    made.refresh_from_db()
    assert made.reply == reply
    district = register_2011(world.d)  # Châu Thành's book, not the letter's unit
    with pytest.raises(ValidationError) as refused:
        forward_result_record(
            actor=world.province_reception,
            forward=made,
            reply=district,
            result="x",
            result_on=date(2011, 11, 2),
        )
    assert "reply" in refused.value.message_dict


def test_an_officer_of_another_unit_may_not_record_a_result(world: PetitionWorld) -> None:
    made = forward(world, letter_row(world))
    with pytest.raises(PermissionDenied):
        forward_result_record(
            actor=world.chau_thanh_reception,
            forward=made,
            result="x",
            result_on=date(2011, 11, 2),
        )
