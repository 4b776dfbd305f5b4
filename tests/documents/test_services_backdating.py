"""The outgoing book reads in the order of its numbers and their dates: an issue dated before
the latest date already numbered in its series is refused, unless the Chief of Office issues it
and says why."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.documents import DocWorld, signed
from tests.support.factories import MembershipFactory
from tests.support.registers import YEAR_2012
from vanphong.core.models import AuditEvent, NumberAllocation
from vanphong.documents import registers, services_outgoing
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.registers import Kind
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Person, Role


def issue(
    world: DocWorld, on: date, *, actor: Person | None = None, backdate_reason: str = ""
) -> OutgoingDocument:
    return services_outgoing.outgoing_issue(
        actor=actor or world.chau_thanh_clerk,
        document=signed(world),
        recipients=[Recipient(unit=world.hoa_thanh_office)],
        issued_on=on,
        backdate_reason=backdate_reason,
    )


def test_a_clerk_may_not_date_an_issue_before_the_last_number_of_its_series(
    world: DocWorld,
) -> None:
    issue(world, date(2012, 3, 5))
    with pytest.raises(ValidationError) as refused:
        issue(world, date(2012, 3, 1), backdate_reason="Quên vào sổ")
    assert refused.value.message_dict == {
        "issued_on": [
            "Ngày ban hành 01/03/2012 trước ngày 05/03/2012 của số đã cấp trước trong sổ: sổ "
            "văn bản đi phải theo thứ tự số và ngày. Chỉ Chánh Văn phòng mới cấp số lùi ngày, "
            "có nêu lý do."
        ]
    }
    assert NumberAllocation.objects.count() == 1  # the refused issue gave its number back


def test_the_same_day_or_another_series_is_not_back_dating(world: DocWorld) -> None:
    issue(world, date(2012, 3, 5))
    assert issue(world, date(2012, 3, 5)).number == 2
    plan = services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=signed(world, type_symbol="KH"),
        recipients=[Recipient(unit=world.hoa_thanh_office)],
        issued_on=date(2012, 3, 1),
    )
    assert plan.number_symbol == "01-KH/VPHU"


def test_the_chief_of_office_must_give_a_reason(world: DocWorld) -> None:
    issue(world, date(2012, 3, 5))
    with pytest.raises(ValidationError) as refused:
        issue(world, date(2012, 3, 1), actor=world.chau_thanh_office_leader)
    assert list(refused.value.message_dict) == ["backdate_reason"]
    assert "cần nêu lý do cấp số lùi ngày" in refused.value.message_dict["backdate_reason"][0]


def test_the_chief_of_office_back_dates_with_a_reason_kept_in_the_audit(world: DocWorld) -> None:
    issue(world, date(2012, 3, 5))
    late = issue(
        world,
        date(2012, 3, 1),
        actor=world.chau_thanh_office_leader,
        backdate_reason="Văn bản giấy ký ngày 01/03, vào sổ chậm",
    )
    assert (late.number, late.issued_on, late.issued_by) == (
        2,
        date(2012, 3, 1),
        world.chau_thanh_office_leader,
    )
    event = AuditEvent.objects.get(action="outgoing.backdate")
    assert event.actor_id == world.chau_thanh_office_leader.pk
    assert event.after == {
        "number_symbol": "02-CV/VPHU",
        "issued_on": "2012-03-01",
        "latest_issued_on": "2012-03-05",
        "reason": "Văn bản giấy ký ngày 01/03, vào sổ chậm",
    }


def test_an_issue_in_order_writes_no_back_dating_event(world: DocWorld) -> None:
    issue(world, date(2012, 3, 1), actor=world.chau_thanh_office_leader, backdate_reason="x")
    issue(world, date(2012, 3, 5))
    assert not AuditEvent.objects.filter(action="outgoing.backdate").exists()


def test_a_leader_of_another_office_is_not_the_chief_of_this_one(world: DocWorld) -> None:
    issue(world, date(2012, 3, 5))
    with pytest.raises(PermissionDenied):
        issue(world, date(2012, 3, 1), actor=world.province_office_leader, backdate_reason="x")


def test_an_ended_chief_of_office_may_not_back_date(world: DocWorld) -> None:
    former = MembershipFactory.create(
        unit=world.chau_thanh_office,
        role=Role.OFFICE_LEADER,
        ends_on=timezone.localdate() - timedelta(days=1),
    ).person
    MembershipFactory.create(person=former, unit=world.chau_thanh_office, role=Role.CLERK)
    issue(world, date(2012, 3, 5))
    with pytest.raises(ValidationError, match="Chỉ Chánh Văn phòng"):
        issue(world, date(2012, 3, 1), actor=former, backdate_reason="x")


def test_a_date_in_the_future_is_refused_even_to_the_chief(world: DocWorld) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="không được ở tương lai"):
        issue(world, tomorrow, actor=world.chau_thanh_office_leader, backdate_reason="x")


def test_the_register_reads_in_order_of_number_and_date(world: DocWorld) -> None:
    for day in (1, 5, 5, 9):
        issue(world, date(2012, 3, day))
    with pytest.raises(ValidationError):
        issue(world, date(2012, 3, 6))
    book = registers.rows(
        world.chau_thanh_clerk, Kind.OUTGOING, unit=world.chau_thanh_office, period=YEAR_2012
    )
    rows = [r.texts for r in book]
    assert [(row[0], row[1]) for row in rows] == [
        ("01-CV/VPHU", "01/03/2012"),
        ("02-CV/VPHU", "05/03/2012"),
        ("03-CV/VPHU", "05/03/2012"),
        ("04-CV/VPHU", "09/03/2012"),
    ]
