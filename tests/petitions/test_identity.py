"""A denouncer's identity: never in the list or its search, whoever reads; on the letter's page
only for its readers, and every such read audited."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.documents.services import Upload
from vanphong.org.models import Person
from vanphong.petitions import (
    services,
    services_forward,
    services_handling,
    services_reception,
)
from vanphong.petitions.models import Eligibility, FileKind, Letter, Visit
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
    """A scan of the letter is often named after who wrote it; the audit counts the scans and
    names only the other files."""
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
        {"files": [], "letter_scans": 1, "kind": "letter"},
        {"files": ["bien-ban-xac-minh.pdf"], "letter_scans": 0, "kind": "evidence"},
    ]
    assert letter.files.get(kind=FileKind.LETTER).filename.startswith("don to cao")


def _register(world: PetitionWorld, **changes: Any) -> Letter:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "unit": world.province_office,
        "received_on": date(2011, 9, 12),
        "channel": "post",
        "summary": "Tố cáo bí thư Đảng ủy xã nhận tiền khi cấp đất",
        "denunciation": True,
        "citizens": [
            CitizenData(full_name=NAME, id_number=NUMBER, address=ADDRESS, phone=PHONE),
        ],
    }
    fields.update(changes)
    return services.letter_register(**fields)


def test_a_denunciation_whose_free_text_names_its_denouncer_is_not_registered(
    world: PetitionWorld, letter: Letter
) -> None:
    """The summary, the subject and the place are shown in the list, the search, the exports
    and the audit: a denouncer written there would be everywhere."""
    before = Letter.objects.count()
    with pytest.raises(ValidationError) as refused:
        _register(
            world,
            summary=f"Ông {NAME.upper()} tố cáo bí thư Đảng ủy xã",
            subject=f"Người bị tố cáo là hàng xóm (điện thoại {PHONE})",
            place=ADDRESS,
        )
    assert set(refused.value.message_dict) == {"summary", "subject", "place"}
    assert "giữ bí mật" in refused.value.message_dict["summary"][0]
    assert Letter.objects.count() == before
    # No number consumed: the next letter takes the one after the fixture's.
    assert _register(world).number == letter.number + 1
    # A complaint's summary may name its petitioner: nothing there is secret.
    assert _register(world, denunciation=False, complaint=True, summary=f"Ông {NAME} khiếu nại")


def test_a_correction_cannot_write_the_denouncer_into_the_summary(
    world: PetitionWorld, letter: Letter
) -> None:
    """Even by an officer who does not see the petitioners (`citizens` None keeps them)."""
    letter.handler = None
    letter.save(update_fields=["handler"])
    with pytest.raises(ValidationError) as refused:
        services.letter_update(
            actor=world.province_reception_2,
            letter=letter,
            received_on=letter.received_on,
            channel=letter.channel,
            summary=f"{letter.summary}; liên hệ số {NUMBER}",
            complaint=False,
            denunciation=True,
            proposal=False,
            report=False,
            anonymous=False,
        )
    assert set(refused.value.message_dict) == {"summary"}
    letter.refresh_from_db()
    assert NUMBER not in letter.summary


def test_a_letter_naming_its_petitioner_is_not_classified_a_denunciation_until_corrected(
    world: PetitionWorld,
) -> None:
    complaint = _register(
        world, denunciation=False, complaint=True, summary=f"Bà con {NAME} phản ánh, khiếu nại"
    )
    with pytest.raises(ValidationError) as refused:
        services_handling.letter_classify(
            actor=world.province_reception,
            letter=complaint,
            eligibility=Eligibility.ELIGIBLE,
            denunciation=True,
        )
    assert set(refused.value.message_dict) == {"kinds"}
    complaint.refresh_from_db()
    assert not complaint.denunciation


def test_a_denouncers_visit_naming_them_in_what_was_raised_is_not_recorded(
    world: PetitionWorld,
) -> None:
    session = services_reception.reception_session_record(
        actor=world.province_reception,
        unit=world.province_office,
        kind="regular",
        day=date(2011, 9, 15),
        place="Phòng tiếp công dân",
    )
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "session": session,
        "group_size": 1,
        "citizens": [CitizenData(NAME, "0791 2345 6789", address=ADDRESS, phone=PHONE)],
        "denunciation": True,
        "raised": "Tố cáo trưởng ấp thu tiền trái quy định",
    }
    with pytest.raises(ValidationError) as refused:
        services_reception.visit_record(
            **fields, answer=f"Đã hẹn {NAME} quay lại", agreed=f"Gọi số {NUMBER} khi có kết quả"
        )
    assert set(refused.value.message_dict) == {"answer", "agreed"}
    assert not Visit.objects.exists()
    assert services_reception.visit_record(**fields).denunciation


def test_opening_a_denouncers_scan_is_an_audited_read_and_other_files_are_not(
    world: PetitionWorld, letter: Letter, client: Client
) -> None:
    scan, evidence = (
        services.letter_files_add(
            actor=world.province_reception,
            letter=letter,
            files=[Upload(name, io.BytesIO(PDF))],
            kind=kind,
        )[0]
        for name, kind in (("don.pdf", FileKind.LETTER), ("bien-ban.pdf", FileKind.EVIDENCE))
    )
    client.force_login(world.province_reception)
    for stored in (scan, evidence):
        response = client.get(reverse("petitions:letter_file", args=[stored.uuid]))
        assert response.status_code == 200
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
    reads = AuditEvent.objects.filter(action="letter.identity_read", object_id=str(letter.uuid))
    assert [event.after for event in reads] == [{"file": str(scan.uuid)}]
    assert reads.get().actor == world.province_reception
    # A colleague who may not read the denouncer does not open the scan (and nothing is read).
    client.force_login(world.province_reception_2)
    assert client.get(reverse("petitions:letter_file", args=[scan.uuid])).status_code == 404
    assert reads.count() == 1


def test_a_letter_classified_a_denunciation_after_registration_left_no_name_in_the_audit(
    world: PetitionWorld,
) -> None:
    proposal = _register(
        world,
        denunciation=False,
        proposal=True,
        files=[Upload(f"don cua {NAME}.pdf", io.BytesIO(PDF))],
    )
    services_handling.letter_classify(
        actor=world.province_reception,
        letter=proposal,
        eligibility=Eligibility.ELIGIBLE,
        denunciation=True,
    )
    events = AuditEvent.objects.filter(object_id=str(proposal.uuid))
    assert {"letter.register", "letter.classify"} <= {e.action for e in events}
    for event in events:
        assert not _shows_identity(f"{event.before} {event.after} {event.object_label}")
    assert proposal.files.get().reveals_identity


def _refused(call: Any) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return set(refused.value.message_dict)


def test_what_is_written_while_a_denunciation_is_handled_may_not_name_its_denouncer(
    world: PetitionWorld, letter: Letter
) -> None:
    """A handling note, how the petitioner was told, a closing reason: kept in the audit and
    shown to all who see the letter."""
    officer, leader = world.province_reception, world.province_office_leader
    today = timezone.localdate()
    classified = services_handling.letter_classify(
        actor=officer, letter=letter, eligibility=Eligibility.ELIGIBLE
    )
    assert _refused(
        lambda: services_handling.letter_handle(
            actor=officer, letter=classified, handling="keep", note=f"Đã gọi {PHONE}"
        )
    ) == {"note"}
    assert _refused(
        lambda: services_handling.letter_close(
            actor=leader, letter=classified, reason=f"Bà {NAME.lower()} rút đơn"
        )
    ) == {"reason"}
    kept = services_handling.letter_handle(
        actor=officer, letter=classified, handling="keep", note="Lưu theo dõi"
    )
    assert _refused(
        lambda: services_handling.letter_told(
            actor=officer, letter=kept, told_on=today, told_how=f"Văn bản gửi {ADDRESS}"
        )
    ) == {"told_how"}
    told = services_handling.letter_told(
        actor=officer, letter=kept, told_on=today, told_how="Văn bản số 12/VPTU"
    )
    assert told.told_how == "Văn bản số 12/VPTU"


def test_a_forwarded_denunciations_result_may_not_name_its_denouncer(
    world: PetitionWorld, letter: Letter
) -> None:
    forward = services_forward.letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="Ủy ban Kiểm tra Tỉnh ủy",
        forwarded_on=date(2011, 9, 20),
    )
    assert _refused(
        lambda: services_forward.forward_result_record(
            actor=world.province_reception,
            forward=forward,
            result=f"Đã làm việc với người tố cáo ({NUMBER})",
            result_on=date(2011, 11, 1),
        )
    ) == {"result"}
    forward.refresh_from_db()
    assert forward.result_on is None
