"""What one week (planning.week.build, behind the page, the print, the lobby and the API) tells a
reader who is not cleared: no secret document linked to an entry, no secret entry through a
clearance held as an administrator."""

from __future__ import annotations

from django.test import Client

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.planning import PlanWorld, publish
from vanphong.documents import services_outgoing as documents_outgoing
from vanphong.org.models import Clearance, Person, Role
from vanphong.planning import services_schedule, week
from vanphong.planning.models import ScheduleVersion

SUBJECT = "Báo cáo tình hình bảo vệ chính trị nội bộ"


def _linked_week(world: PlanWorld) -> ScheduleVersion:
    """A published ordinary entry that links a Tối mật draft of the province's Office."""
    draft = documents_outgoing.outgoing_create(
        actor=world.specialist,
        unit=world.province_office,
        type_symbol="BC",
        subject=SUBJECT,
        confidentiality=Clearance.TOP_SECRET,
    )
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(outgoing=[draft])
    )
    return publish(world, version)


def _documents_shown(version: ScheduleVersion, person: Person) -> list[str]:
    return [
        label for _d, _s, row in week.build(version, person).rows() for label, _ in row.documents
    ]


def test_a_linked_secret_document_is_named_only_to_those_who_may_open_it(
    world: PlanWorld,
) -> None:
    version = _linked_week(world)
    assert any(SUBJECT in label for label in _documents_shown(version, world.chief))
    for uncleared in (world.province_clerk, world.chau_thanh_specialist, world.hoa_thanh_clerk):
        assert _documents_shown(version, uncleared) == [], uncleared


def test_the_published_week_page_does_not_name_a_linked_secret_document(
    client: Client, world: PlanWorld
) -> None:
    version = _linked_week(world)
    client.force_login(world.chau_thanh_specialist)
    page = client.get(f"/ke-hoach/lich/{version.schedule.uuid}/")
    assert page.status_code == 200
    assert "Họp Thường trực Tỉnh ủy" in page.content.decode()
    assert SUBJECT not in page.content.decode()


def test_a_clearance_held_as_administrator_does_not_open_a_secret_entry(
    world: PlanWorld,
) -> None:
    admin = PersonFactory.create(username="qt.tuyetmat", full_name="Cao Quản Trị")
    MembershipFactory.create(
        person=admin, unit=world.province, role=Role.ADMIN, clearance=Clearance.ULTRA_SECRET
    )
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(content="Làm việc với đoàn kiểm tra", confidentiality=2),
    )
    publish(world, version)
    (row,) = [row for _d, _s, row in week.build(version, admin).rows()]
    assert row.hidden
    assert row.content == "Bận"
    (seen,) = [row for _d, _s, row in week.build(version, world.chief).rows()]
    assert seen.content == "Làm việc với đoàn kiểm tra"
