"""Reception sessions as entries of the weekly schedule, and the visits recorded in them."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld
from vanphong.core import numbering
from vanphong.core.models import AuditEvent
from vanphong.petitions import services_reception as reception
from vanphong.petitions.identity import id_number_clean
from vanphong.petitions.models import Citizen, ReceptionSession, Visit
from vanphong.petitions.services_reception import CitizenData
from vanphong.planning import services_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import Entry, VersionStatus


def _next_monday() -> date:
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


def _plan(world: PetitionWorld, **changes: Any) -> ReceptionSession:
    fields: dict[str, Any] = {
        "actor": world.province_office_leader,
        "unit": world.province_office,
        "kind": "head",
        "day": _next_monday() + timedelta(days=2),
        "session": "morning",
        "place": "Trụ sở tiếp công dân tỉnh",
        "host": world.province_leader,
        "host_title": "Bí thư Tỉnh ủy",
    }
    fields.update(changes)
    return reception.reception_session_plan(**fields)


def _entry(session: ReceptionSession) -> Entry:
    assert session.entry_lineage is not None
    return Entry.objects.get(lineage=session.entry_lineage)


def _held(world: PetitionWorld, day: date = date(2011, 9, 15), **changes: Any) -> ReceptionSession:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "unit": world.province_office,
        "kind": "regular",
        "day": day,
        "place": "Phòng tiếp công dân",
    }
    fields.update(changes)
    return reception.reception_session_record(**fields)


def _visit(world: PetitionWorld, session: ReceptionSession, **changes: Any) -> Visit:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "session": session,
        "group_size": 1,
        "citizens": [CitizenData("Nguyễn Văn Khiếu", "072 123 456", address="ấp Trường Lưu")],
        "complaint": True,
        "field": world.land,
        "place": "xã Trường Hòa, huyện Hòa Thành",
        "raised": "Khiếu nại mức bồi thường đất làm đường",
        "answer": "Đã giải thích chính sách bồi thường",
        "agreed": "Hướng dẫn gửi đơn đến UBND huyện Hòa Thành",
    }
    fields.update(changes)
    return reception.visit_record(**fields)


def _series(world: PetitionWorld, year: int = 2011) -> str:
    return reception.visit_series(world.province_office, year)


def test_a_planned_session_is_an_entry_of_the_committees_week_attended_by_the_head(
    world: PetitionWorld,
) -> None:
    session = _plan(world)
    entry = _entry(session)
    assert entry.version.schedule.committee == world.province
    assert entry.version.schedule.kind == "leaders"
    assert entry.day == session.day
    assert entry.session == "morning"
    assert [a.person_id for a in entry.attending()] == [world.province_leader.pk]
    assert "Bí thư Tỉnh ủy" in entry.content
    assert session.held is False
    assert AuditEvent.objects.filter(action="schedule.entry_add").exists()
    assert AuditEvent.objects.filter(action="reception.plan").exists()


def test_a_session_planned_in_a_published_week_goes_into_an_amendment_of_it(
    world: PetitionWorld,
) -> None:
    monday = _next_monday()
    leader = world.province_office_leader
    version = services_schedule.schedule_open(
        actor=leader, committee=world.province, kind="leaders", day=monday
    )
    services_schedule.entry_add(
        actor=leader,
        version=version,
        data=EntryData(day=monday, session="morning", content="Giao ban Thường trực"),
    )
    services_schedule.schedule_approve(actor=leader, version=version)
    services_schedule.schedule_publish(actor=leader, version=version)
    session = _plan(world)
    entry = _entry(session)
    assert entry.version.number == 2
    assert entry.version.status == VersionStatus.DRAFT
    assert "tiếp công dân" in entry.version.change_note
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    assert not version.entries.filter(lineage=str(session.entry_lineage)).exists()


def test_a_reception_officer_who_does_not_compile_the_week_is_refused_with_plannings_message(
    world: PetitionWorld,
) -> None:
    with pytest.raises(PermissionDenied, match="tổng hợp, sửa lịch"):
        _plan(world, actor=world.province_reception)
    assert not ReceptionSession.objects.exists()
    assert not Entry.objects.exists()


def test_another_units_reception_officer_may_not_plan_or_record_here(
    world: PetitionWorld,
) -> None:
    with pytest.raises(PermissionDenied):
        _held(world, actor=world.chau_thanh_reception)
    session = _held(world)
    with pytest.raises(PermissionDenied):
        _visit(world, session, actor=world.chau_thanh_reception)


def test_a_head_session_needs_a_leader_of_the_committee_as_host(world: PetitionWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        _plan(world, host=None)
    assert "host" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _plan(world, host=world.chau_thanh_leader)
    assert "host" in refused.value.message_dict
    assert not Entry.objects.exists()


def test_a_session_recorded_afterwards_is_held_and_a_future_one_must_be_planned(
    world: PetitionWorld,
) -> None:
    session = _held(world)
    assert session.held
    assert session.entry_lineage is None
    with pytest.raises(ValidationError) as refused:
        _held(world, day=timezone.localdate() + timedelta(days=3))
    assert "day" in refused.value.message_dict


def test_a_group_of_twelve_with_a_representative_is_one_visit(world: PetitionWorld) -> None:
    session = _held(world, kind="head", host=world.province_leader, host_title="Bí thư")
    people = [CitizenData(f"Công dân {n}") for n in range(1, 12)]
    visit = _visit(
        world,
        session,
        group_size=12,
        citizens=[CitizenData("Trần Văn Đại", "079201001234", is_representative=True), *people],
    )
    assert visit.is_group
    assert visit.number == 1
    assert visit.year == 2011
    assert visit.citizens.count() == 12
    assert visit.citizens.get(is_representative=True).id_number == "079201001234"
    assert _visit(world, session).number == 2


def test_a_group_without_a_representative_is_refused_and_consumes_no_number(
    world: PetitionWorld,
) -> None:
    session = _held(world)
    with pytest.raises(ValidationError) as refused:
        _visit(world, session, group_size=6, citizens=[CitizenData("Lê Văn A")])
    assert "người đại diện" in refused.value.message_dict["citizens"][0]
    assert numbering.peek(_series(world)) == 0
    assert not Visit.objects.exists()


def test_a_bad_id_number_is_refused_on_its_field_nothing_saved_no_number_consumed(
    world: PetitionWorld,
) -> None:
    session = _held(world)
    citizens = [CitizenData("Lê Văn A", "123456789"), CitizenData("Lê Văn B", "12345")]
    with pytest.raises(ValidationError) as refused:
        _visit(world, session, group_size=2, citizens=citizens)
    assert refused.value.message_dict == {
        "citizens-1-id_number": ["Số CMND gồm 9 chữ số, số CCCD gồm 12 chữ số: “12345” không đúng."]
    }
    assert numbering.peek(_series(world)) == 0
    assert not Visit.objects.exists()
    assert not Citizen.objects.exists()


def test_an_id_number_has_9_or_12_digits_spaces_aside() -> None:
    assert id_number_clean(" 072 201 001 234 ") == "072201001234"
    assert id_number_clean("072123456") == "072123456"
    assert id_number_clean("  ") == ""
    for bad in ("0721234567", "07212345a", "０７２１２３４５６"):
        with pytest.raises(ValidationError):
            id_number_clean(bad)


def test_a_visit_needs_a_kind_and_what_was_raised(world: PetitionWorld) -> None:
    session = _held(world)
    with pytest.raises(ValidationError) as refused:
        _visit(world, session, complaint=False, raised=" ")
    assert set(refused.value.message_dict) == {"kinds", "raised"}


def test_a_rejected_scan_saves_nothing_and_gives_the_number_back(world: PetitionWorld) -> None:
    session = _held(world)
    bad = SimpleUploadedFile("don.exe", b"MZ\x90\x00not a scan")
    with pytest.raises(ValidationError) as refused:
        _visit(world, session, files=[bad])
    assert "files" in refused.value.message_dict
    assert numbering.peek(_series(world)) == 0
    assert not Visit.objects.exists()


def test_a_denunciation_visits_scans_reveal_identity_and_its_audit_names_nobody(
    world: PetitionWorld,
) -> None:
    session = _held(world)
    visit = _visit(
        world,
        session,
        complaint=False,
        denunciation=True,
        citizens=[CitizenData("Phạm Thị Tố", "072999888", address="ấp Bình Hòa")],
        files=[SimpleUploadedFile("don-to-cao.pdf", PDF)],
    )
    scan = visit.files.get()
    assert scan.reveals_identity
    assert scan.filename.endswith(".pdf")
    event = AuditEvent.objects.get(action="visit.record")
    payload = str(event.after)
    assert "Phạm Thị Tố" not in payload
    assert "072999888" not in payload
    assert event.after is not None
    assert event.after["visitors"] == 1


def test_only_the_receiver_and_the_leaders_read_a_denunciation_visits_visitors_and_it_is_audited(
    world: PetitionWorld,
) -> None:
    session = _held(world)
    visit = _visit(world, session, complaint=False, denunciation=True)
    assert reception.visit_identity_read(actor=world.province_reception, visit=visit)
    assert reception.visit_identity_read(actor=world.province_office_leader, visit=visit)
    assert not reception.visit_identity_read(actor=world.province_reception_2, visit=visit)
    assert AuditEvent.objects.filter(action="visit.identity_read").count() == 2
    plain = _visit(world, session)
    assert reception.visit_identity_read(actor=world.province_reception_2, visit=plain)
    assert AuditEvent.objects.filter(action="visit.identity_read").count() == 2


def test_recording_a_visit_confirms_a_planned_session_was_held(world: PetitionWorld) -> None:
    session = _plan(world)
    with pytest.raises(ValidationError):
        _visit(world, session)
    ReceptionSession.objects.filter(pk=session.pk).update(day=date(2011, 9, 15))
    session.refresh_from_db()
    _visit(world, session, actor=world.province_office_leader)
    session.refresh_from_db()
    assert session.held


def test_a_planned_session_without_visitors_is_confirmed_held_on_its_day(
    world: PetitionWorld,
) -> None:
    session = _plan(world)
    with pytest.raises(ValidationError):
        reception.reception_session_hold(actor=world.province_reception, session=session)
    ReceptionSession.objects.filter(pk=session.pk).update(day=date(2011, 9, 15))
    held = reception.reception_session_hold(actor=world.province_reception, session=session)
    assert held.held


def test_files_are_read_as_streams(world: PetitionWorld) -> None:
    session = _held(world)
    stream = io.BytesIO(PDF)
    visit = _visit(world, session, files=[stream])
    assert visit.files.get().reveals_identity is False


def test_a_visitor_is_typed_as_a_letters_petitioner() -> None:
    from vanphong.petitions import services

    # One class: a visit's visitors and a letter's petitioners are cleaned alike.
    assert reception.CitizenData is services.CitizenData
