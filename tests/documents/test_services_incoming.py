from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.documents import DocWorld, register_2011
from tests.support.files import docx
from vanphong.core.models import AuditEvent, Counter
from vanphong.documents import services_handling, services_incoming
from vanphong.documents.models import (
    AssignmentRole,
    AssignmentStatus,
    IncomingDocument,
    IncomingStatus,
)
from vanphong.documents.selectors import incoming_visible
from vanphong.documents.services import Upload
from vanphong.documents.services_incoming import DuplicateDocument, Handler
from vanphong.org.models import Clearance, Unit

RECEIVED = datetime(2011, 3, 7, 2, 30, tzinfo=UTC)  # 09:30 in Tây Ninh


def _counter(unit: Unit, year: int = 2011) -> int:
    row = Counter.objects.filter(series=f"in:{unit.pk}:{year}").first()
    return row.value if row else 0


def test_registration_numbers_the_book_of_the_year_from_one(world: DocWorld) -> None:
    first = register_2011(world)
    second = register_2011(world, number_symbol="46-CT/TU")
    assert (first.year, first.number, second.number) == (2011, 1, 2)
    assert first.number_symbol == "45-CT/TU"
    assert first.type_name == "Chỉ thị"
    assert first.status == IncomingStatus.REGISTERED
    assert AuditEvent.objects.filter(action="incoming.register").count() == 2


def test_a_document_received_late_on_new_years_eve_utc_belongs_to_the_next_year(
    world: DocWorld,
) -> None:
    late_utc = datetime(2011, 12, 31, 23, 30, tzinfo=UTC)
    document = register_2011(world, received_at=late_utc, document_date=date(2011, 12, 30))
    assert (document.year, document.number) == (2012, 1)


def test_each_unit_keeps_its_own_book(world: DocWorld) -> None:
    register_2011(world)
    other = register_2011(world, actor=world.hoa_thanh_clerk, unit=world.hoa_thanh_office)
    assert other.number == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"number_symbol": "45/"}, "number_symbol"),
        ({"number_symbol": "abc"}, "number_symbol"),
        ({"document_date": date(2011, 3, 8)}, "document_date"),
        ({"received_at": timezone.now() + timedelta(days=1)}, "received_at"),
        ({"subject": "   "}, "subject"),
        ({"subject": "x" * 501}, "subject"),
        ({"sender_name": ""}, "sender_name"),
        ({"deadline": date(2011, 3, 1)}, "deadline"),
        ({"confidentiality": Clearance.TOP_SECRET}, "confidentiality"),
    ],
)
def test_bad_input_names_the_field_and_uses_no_number(
    world: DocWorld, overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        register_2011(world, **overrides)
    assert field in caught.value.message_dict
    assert _counter(world.chau_thanh_office) == 0
    assert not IncomingDocument.objects.exists()


def test_a_wrong_attachment_type_rolls_back_the_whole_registration(world: DocWorld) -> None:
    fake_pdf = Upload(name="giay-moi.pdf", stream=io.BytesIO(b"plain text, not a PDF"))
    with pytest.raises(ValidationError) as caught:
        register_2011(world, attachments=[fake_pdf])
    assert "attachments" in caught.value.message_dict
    assert _counter(world.chau_thanh_office) == 0
    assert not IncomingDocument.objects.exists()


def test_only_a_clerk_of_the_unit_registers(world: DocWorld) -> None:
    with pytest.raises(PermissionDenied):
        register_2011(world, actor=world.chau_thanh_specialist)
    with pytest.raises(PermissionDenied):
        register_2011(world, actor=world.hoa_thanh_clerk)


def test_a_duplicate_is_flagged_across_tone_and_spacing_variants(world: DocWorld) -> None:
    first = register_2011(world, sender_name="Tỉnh uỷ Tây Ninh")
    with pytest.raises(DuplicateDocument) as caught:
        register_2011(world, sender_name="Tỉnh ủy  Tây Ninh", number_symbol="45 - ct / tu")
    assert caught.value.existing == [first]
    assert _counter(world.chau_thanh_office) == 1
    second = register_2011(world, duplicate_reason="Bản gửi lại có phụ lục")
    assert second.duplicate_of == first
    assert second.number == 2


def test_the_same_number_from_another_body_or_year_is_not_a_duplicate(world: DocWorld) -> None:
    register_2011(world)
    register_2011(world, sender_name="Huyện ủy Gò Dầu")
    register_2011(world, document_date=date(2010, 3, 1))
    assert IncomingDocument.objects.count() == 3


def test_a_double_submit_registers_once(world: DocWorld) -> None:
    key = uuid4()
    first = register_2011(world, submission_id=key)
    again = register_2011(world, submission_id=key)
    assert again == first
    assert _counter(world.chau_thanh_office) == 1


def test_a_double_submit_racing_past_the_first_check_still_registers_once(
    world: DocWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = uuid4()
    first = register_2011(world, submission_id=key)
    looked_up = services_incoming._registered_by_submission
    answers = iter([None])  # the second request looked before the first one committed

    def racing(submission_id: Any) -> IncomingDocument | None:
        return next(answers, None) or looked_up(submission_id)

    monkeypatch.setattr(services_incoming, "_registered_by_submission", racing)
    again = register_2011(world, submission_id=key)
    assert again == first
    assert IncomingDocument.objects.filter(unit=world.chau_thanh_office).count() == 1
    assert _counter(world.chau_thanh_office) == 1  # the loser's number was given back


def _present_and_direct(world: DocWorld) -> IncomingDocument:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Giao đồng chí Huỳnh chủ trì tham mưu kế hoạch.",
        lead=Handler(person=world.chau_thanh_specialist),
        supporting=[Handler(unit=world.chau_thanh_office)],
        deadline=date(2011, 3, 20),
    )
    document.refresh_from_db()
    return document


def test_a_direction_assigns_the_lead_and_the_supporting_unit_with_the_deadline(
    world: DocWorld,
) -> None:
    document = _present_and_direct(world)
    assert document.status == IncomingStatus.ASSIGNED
    lead = document.assignments.get(role=AssignmentRole.LEAD)
    assert lead.assignee == world.chau_thanh_specialist
    assert lead.deadline == date(2011, 3, 20)
    support = document.assignments.get(role=AssignmentRole.SUPPORT)
    assert support.assignee_unit == world.chau_thanh_office


def test_only_a_leader_gives_directions(world: DocWorld) -> None:
    document = register_2011(world)
    with pytest.raises(PermissionDenied):
        services_incoming.direction_give(
            actor=world.chau_thanh_clerk,
            document=document,
            text="x",
            lead=Handler(person=world.chau_thanh_specialist),
        )


def test_the_specialist_records_progress_and_completes_and_the_document_is_done(
    world: DocWorld,
) -> None:
    document = _present_and_direct(world)
    lead = document.assignments.get(role=AssignmentRole.LEAD)
    services_handling.assignment_progress(
        actor=world.chau_thanh_specialist, assignment=lead, text="Đã xin ý kiến các ban."
    )
    lead.refresh_from_db()
    assert lead.status == AssignmentStatus.IN_PROGRESS
    services_handling.assignment_complete(
        actor=world.chau_thanh_specialist, assignment=lead, result="Đã trình kế hoạch."
    )
    document.refresh_from_db()
    assert document.status == IncomingStatus.DONE


def test_someone_else_cannot_complete_another_persons_assignment(world: DocWorld) -> None:
    document = _present_and_direct(world)
    lead = document.assignments.get(role=AssignmentRole.LEAD)
    with pytest.raises(PermissionDenied):
        services_handling.assignment_complete(
            actor=world.chau_thanh_clerk, assignment=lead, result="x"
        )


def test_handing_over_moves_the_part_and_its_deadline_to_a_colleague(world: DocWorld) -> None:
    document = _present_and_direct(world)
    lead = document.assignments.get(role=AssignmentRole.LEAD)
    successor = services_handling.assignment_hand_over(
        actor=world.chau_thanh_specialist, assignment=lead, to=world.chau_thanh_clerk
    )
    lead.refresh_from_db()
    assert lead.status == AssignmentStatus.HANDED_OVER
    assert (successor.assignee, successor.deadline) == (world.chau_thanh_clerk, lead.deadline)


def test_the_leader_returns_a_presented_document_with_a_reason(world: DocWorld) -> None:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    with pytest.raises(ValidationError):
        services_incoming.incoming_return(
            actor=world.chau_thanh_office_leader, document=document, reason=""
        )
    services_incoming.incoming_return(
        actor=world.chau_thanh_office_leader, document=document, reason="Chuyển nhầm đơn vị"
    )
    document.refresh_from_db()
    assert (document.status, document.presented_to) == (IncomingStatus.REGISTERED, None)


def test_a_cancelled_registration_keeps_its_number_and_refuses_further_work(
    world: DocWorld,
) -> None:
    document = register_2011(world)
    services_incoming.incoming_cancel(
        actor=world.chau_thanh_clerk, document=document, reason="Vào nhầm"
    )
    document.refresh_from_db()
    assert (document.status, document.number) == (IncomingStatus.CANCELLED, 1)
    with pytest.raises(ValidationError, match="hủy"):
        services_incoming.incoming_present(
            actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
        )
    assert register_2011(world, number_symbol="47-CT/TU").number == 2


def test_a_leader_without_the_clearance_cannot_be_presented_a_secret_document(
    world: DocWorld,
) -> None:
    secret = register_2011(world, confidentiality=Clearance.SECRET)
    specialist_leader = world.chau_thanh_specialist
    with pytest.raises(ValidationError):
        services_incoming.incoming_present(
            actor=world.chau_thanh_clerk, document=secret, leader=specialist_leader
        )


def test_attachment_text_is_extracted_in_the_background_after_commit(
    world: DocWorld, django_capture_on_commit_callbacks: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Kế hoạch bầu cử Hoà Thành</w:t></w:r></w:p></w:body>"
        "</w:document>"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document = register_2011(
            world, attachments=[Upload(name="ke-hoach.docx", stream=io.BytesIO(docx(xml)))]
        )
    assert len(callbacks) == 1
    attachment = document.attachments.get()
    assert attachment.filename == "ke-hoach.docx"
    assert attachment.text == "Kế hoạch bầu cử Hoà Thành"
    assert attachment.text_extracted_at is not None


def test_a_direction_cannot_name_someone_from_another_district(world: DocWorld) -> None:
    document = register_2011(world, confidentiality=Clearance.SECRET)
    with pytest.raises(ValidationError, match="không thuộc đơn vị"):
        services_incoming.direction_give(
            actor=world.chau_thanh_office_leader,
            document=document,
            text="Giao xử lý",
            lead=Handler(person=world.hoa_thanh_clerk),
        )
    assert not incoming_visible(world.hoa_thanh_clerk).filter(pk=document.pk).exists()


def test_the_leader_forwards_a_presented_document_to_another_leader(world: DocWorld) -> None:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    with pytest.raises(PermissionDenied):
        services_incoming.incoming_present(
            actor=world.chau_thanh_specialist, document=document, leader=world.chau_thanh_leader
        )
    services_incoming.incoming_present(
        actor=world.chau_thanh_office_leader, document=document, leader=world.chau_thanh_leader
    )
    document.refresh_from_db()
    assert (document.status, document.presented_to) == (
        IncomingStatus.PRESENTED,
        world.chau_thanh_leader,
    )
