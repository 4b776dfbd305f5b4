"""Handling statistics: on time, late, open and overdue, per unit and per person, in the
database, over what the asking person sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support.documents import DocWorld, complete, direct, register
from vanphong.documents import services_handling, services_incoming, stats
from vanphong.documents.models import Assignment, AssignmentRole, IncomingDocument
from vanphong.documents.registers import Period
from vanphong.documents.stats import Tally
from vanphong.org.models import Clearance

DEADLINE = date(2012, 3, 20)
# 23:59 and 00:00 in Tây Ninh: the last minute of the deadline day, and the first one after it.
LAST_MINUTE = datetime(2012, 3, 20, 16, 59, tzinfo=UTC)
NEXT_DAY = datetime(2012, 3, 20, 17, 0, tzinfo=UTC)


@dataclass
class Handled:
    """Assignments in every state, on Châu Thành documents, plus one in Hòa Thành."""

    today: date
    later: date
    hoa_thanh_document: IncomingDocument


def _lead(document: IncomingDocument) -> Assignment:
    return Assignment.objects.get(document=document, role=AssignmentRole.LEAD)


@pytest.fixture
def handled(world: DocWorld) -> Handled:
    today = timezone.localdate()
    later = today + timedelta(days=30)
    specialist, clerk = world.chau_thanh_specialist, world.chau_thanh_clerk
    on_time = register(world, number_symbol="1-CT/TU")
    late = register(world, number_symbol="2-CT/TU")
    overdue = register(world, number_symbol="3-CT/TU")
    running = register(world, number_symbol="4-CT/TU")
    to_unit = register(world, number_symbol="5-CT/TU")
    handed = register(world, number_symbol="6-CT/TU")
    for document in (on_time, late, overdue):
        direct(world, document, lead=specialist, deadline=DEADLINE)
    direct(world, running, lead=clerk, supporting=(specialist,), deadline=later)
    direct(world, to_unit, lead_unit=world.chau_thanh, deadline=DEADLINE)
    services_incoming.direction_give(  # "for information" is no handling: not counted
        actor=world.chau_thanh_office_leader,
        document=handed,
        text="Giao đồng chí chủ trì; văn thư biết.",
        lead=services_incoming.Handler(person=specialist),
        informed=[services_incoming.Handler(person=world.chau_thanh_office_leader)],
        deadline=later,
    )
    services_handling.assignment_hand_over(actor=specialist, assignment=_lead(handed), to=clerk)
    complete(_lead(on_time), on=LAST_MINUTE)
    complete(_lead(late), on=NEXT_DAY)

    hoa_thanh_document = register(
        world,
        actor=world.hoa_thanh_clerk,
        unit=world.hoa_thanh_office,
        number_symbol="7-CT/TU",
    )
    services_incoming.direction_give(
        actor=world.province_leader,
        document=hoa_thanh_document,
        text="Văn thư Hoà Thành chủ trì.",
        lead=services_incoming.Handler(person=world.hoa_thanh_clerk),
        deadline=DEADLINE,
    )
    return Handled(today=today, later=later, hoa_thanh_document=hoa_thanh_document)


def _this_year_and_2012(today: date) -> Period:
    return Period(date(2012, 1, 1), today)


def test_each_assignment_falls_in_exactly_one_column_per_unit_and_per_person(
    world: DocWorld, handled: Handled
) -> None:
    found = stats.handling_stats(
        world.chau_thanh_clerk,
        unit=world.chau_thanh_office,
        period=_this_year_and_2012(handled.today),
    )
    assert [(line.name, line.tally) for line in found.by_unit] == [
        ("Văn phòng Huyện ủy Châu Thành", Tally(on_time=1, late=1, open=3, overdue=2)),
    ]
    assert [(line.name, line.tally) for line in found.by_person] == [
        ("Đặng Thị Đến", Tally(on_time=0, late=0, open=2, overdue=0)),
        ("Huỳnh Chuyên Viên", Tally(on_time=1, late=1, open=1, overdue=1)),
    ]
    assert found.total == Tally(on_time=1, late=1, open=3, overdue=2)
    assert found.total.total == 7
    assert found.by_person[1].uuid == world.chau_thanh_specialist.uuid


def test_a_unit_counts_with_the_units_under_it(world: DocWorld, handled: Handled) -> None:
    found = stats.handling_stats(
        world.chau_thanh_leader, unit=world.chau_thanh, period=_this_year_and_2012(handled.today)
    )
    assert [line.name for line in found.by_unit] == ["Văn phòng Huyện ủy Châu Thành"]
    assert found.total.total == 7


def test_without_a_unit_every_unit_the_person_sees_is_counted(
    world: DocWorld, handled: Handled
) -> None:
    period = _this_year_and_2012(handled.today)
    province = stats.handling_stats(world.province_leader, unit=None, period=period)
    assert {line.name: line.tally.total for line in province.by_unit} == {
        "Văn phòng Huyện ủy Châu Thành": 7,
        "Văn phòng Huyện uỷ Hoà Thành": 1,
    }
    district = stats.handling_stats(world.chau_thanh_clerk, unit=None, period=period)
    assert [line.name for line in district.by_unit] == ["Văn phòng Huyện ủy Châu Thành"]
    assert "Bùi Thị Hoà" not in {line.name for line in district.by_person}


def test_overdue_is_judged_against_the_day_asked_for(world: DocWorld, handled: Handled) -> None:
    before_the_deadline = stats.handling_stats(
        world.chau_thanh_clerk,
        unit=world.chau_thanh_office,
        period=_this_year_and_2012(handled.today),
        today=DEADLINE,
    )
    assert before_the_deadline.total == Tally(on_time=1, late=1, open=5, overdue=0)


def test_secret_documents_count_only_for_those_who_see_them(
    world: DocWorld, handled: Handled
) -> None:
    secret = register(world, number_symbol="8-CT/TU", confidentiality=Clearance.SECRET)
    direct(world, secret, lead=world.chau_thanh_clerk, deadline=DEADLINE)
    period = _this_year_and_2012(handled.today)
    for_clerk = stats.handling_stats(world.chau_thanh_clerk, unit=None, period=period)
    for_specialist = stats.handling_stats(world.chau_thanh_specialist, unit=None, period=period)
    assert for_clerk.total.overdue == 3
    assert for_specialist.total.overdue == 2


def test_only_assignments_given_within_the_period_are_counted(
    world: DocWorld, handled: Handled
) -> None:
    old = register(world, number_symbol="9-CT/TU")
    direct(
        world,
        old,
        lead=world.chau_thanh_specialist,
        deadline=DEADLINE,
        given_at=datetime(2012, 3, 31, 17, 30, tzinfo=UTC),  # 00:30 on 1 April in Tây Ninh
    )
    march = stats.handling_stats(
        world.chau_thanh_clerk,
        unit=world.chau_thanh_office,
        period=Period(date(2012, 3, 1), date(2012, 3, 31)),
    )
    april = stats.handling_stats(
        world.chau_thanh_clerk,
        unit=world.chau_thanh_office,
        period=Period(date(2012, 4, 1), date(2012, 4, 30)),
    )
    assert march.total.total == 0
    assert april.total == Tally(overdue=1)


def test_the_counts_cost_a_fixed_number_of_queries(world: DocWorld, handled: Handled) -> None:
    period = _this_year_and_2012(handled.today)
    stats.handling_stats(world.chau_thanh_clerk, unit=world.chau_thanh_office, period=period)
    with CaptureQueriesContext(connection) as few:
        stats.handling_stats(world.chau_thanh_clerk, unit=world.chau_thanh_office, period=period)
    for n in range(3):
        document = register(world, number_symbol=f"{n + 20}-CT/TU")
        direct(world, document, lead=world.chau_thanh_specialist, deadline=DEADLINE)
    with CaptureQueriesContext(connection) as many:
        found = stats.handling_stats(
            world.chau_thanh_clerk, unit=world.chau_thanh_office, period=period
        )
    assert found.total.overdue == 5
    assert len(many) == len(few) <= 6  # 5 + the unit tree (the units' order and labels)
    grouped = [q["sql"] for q in many.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(grouped) == 2, "one grouped query per table, counting in the database"


def test_lateness_counts_working_days_so_tet_is_skipped(world: DocWorld) -> None:
    before_tet = date(2012, 1, 20)  # Friday; 21 to 29 January 2012 were all off
    january = Period(date(2012, 1, 1), date(2012, 1, 31))
    given = datetime(2012, 1, 9, 3, 0, tzinfo=UTC)
    documents = [
        register(
            world,
            number_symbol=f"{n + 30}-CT/TU",
            document_date=date(2012, 1, 6),
            received_at=datetime(2012, 1, 9, 2, n, tzinfo=UTC),
        )
        for n in range(3)
    ]
    for document in documents:
        direct(
            world, document, lead=world.chau_thanh_specialist, deadline=before_tet, given_at=given
        )
    during_tet, after_tet, _ = (_lead(d) for d in documents)

    def tally(today: date) -> Tally:
        found = stats.handling_stats(
            world.chau_thanh_clerk, unit=world.chau_thanh_office, period=january, today=today
        )
        return found.total

    complete(during_tet, on=datetime(2012, 1, 27, 3, 0, tzinfo=UTC))
    # Nine days after the deadline, but all of them off: done on time, and nothing overdue.
    assert tally(date(2012, 1, 29)) == Tally(on_time=1, open=2)
    complete(after_tet, on=datetime(2012, 1, 30, 3, 0, tzinfo=UTC))
    # The first working day after Tết is one working day past the deadline.
    assert tally(date(2012, 1, 30)) == Tally(on_time=1, late=1, overdue=1)
