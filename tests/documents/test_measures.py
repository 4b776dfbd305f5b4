"""The documents' yearly measures, checked against a plain recount over the rows: lead
assignments handled on time (working days, as of a day) and outgoing documents not recalled."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support.documents import DocWorld, complete, direct, issued, register
from tests.support.emulation_recount import recount_incoming, recount_outgoing
from tests.support.factories import UnitFactory
from vanphong.core import yearly
from vanphong.core.yearly import Ratio
from vanphong.documents import services_delivery
from vanphong.documents.measures import INCOMING_ON_TIME, OUTGOING_NOT_RECALLED
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    OutgoingDocument,
)

DEADLINE = date(2012, 3, 20)  # a Tuesday
LAST_MINUTE = datetime(2012, 3, 20, 16, 59, tzinfo=UTC)  # 23:59 in Tây Ninh
NEXT_DAY = datetime(2012, 3, 21, 1, 0, tzinfo=UTC)  # one working day late
YEAR_END = date(2012, 12, 31)
GIVEN = datetime(2012, 3, 6, 2, 0, tzinfo=UTC)


def _compute(key: str, unit_ids: list[int], year: int, as_of: date) -> dict[int, Ratio]:
    measure = yearly.measure(key)
    assert measure is not None
    return dict(measure.compute(unit_ids, year, as_of))


def _lead(document: IncomingDocument) -> Assignment:
    return Assignment.objects.get(document=document, role=AssignmentRole.LEAD)


@pytest.fixture
def handled(world: DocWorld) -> None:
    specialist = world.chau_thanh_specialist
    on_time, late, overdue, ahead, helped = (
        register(world, number_symbol=f"{n}-CT/TU") for n in range(1, 6)
    )
    for document in (on_time, late, overdue):
        direct(world, document, lead=specialist, deadline=DEADLINE, given_at=GIVEN)
    direct(world, ahead, lead=specialist, deadline=date(2013, 6, 1), given_at=GIVEN)
    direct(
        world,
        helped,
        lead=world.chau_thanh_clerk,
        supporting=(specialist,),
        deadline=DEADLINE,
        given_at=GIVEN,
    )
    complete(_lead(on_time), on=LAST_MINUTE)
    complete(_lead(late), on=NEXT_DAY)


def test_the_share_of_lead_assignments_handled_on_time_matches_a_recount(
    world: DocWorld, handled: None
) -> None:
    unit = world.chau_thanh_office.pk
    found = _compute(INCOMING_ON_TIME, [unit], 2012, YEAR_END)
    # on time; one working day late; overdue; the helper's lead overdue too; ahead not counted
    assert found[unit] == Ratio(1, 4) == recount_incoming(unit, 2012, YEAR_END)


def test_as_of_the_deadline_a_completion_the_day_after_is_not_yet_known(
    world: DocWorld, handled: None
) -> None:
    unit = world.chau_thanh_office.pk
    found = _compute(INCOMING_ON_TIME, [unit], 2012, DEADLINE)
    # Only the one finished by the deadline: nothing was overdue yet on the deadline itself.
    assert found[unit] == Ratio(1, 1) == recount_incoming(unit, 2012, DEADLINE)


def test_an_assignment_given_at_2330_on_31_december_belongs_to_that_year(
    world: DocWorld,
) -> None:
    unit = world.chau_thanh_office.pk
    before, after = (
        register(world, number_symbol="8-CT/TU"),
        register(world, number_symbol="9-CT/TU"),
    )
    direct(
        world,
        before,
        lead=world.chau_thanh_specialist,
        deadline=date(2012, 12, 31),
        given_at=datetime(2012, 12, 31, 16, 30, tzinfo=UTC),
    )
    direct(
        world,
        after,
        lead=world.chau_thanh_specialist,
        deadline=date(2012, 12, 31),
        given_at=datetime(2012, 12, 31, 17, 10, tzinfo=UTC),
    )
    complete(_lead(before), on=datetime(2012, 12, 31, 16, 45, tzinfo=UTC))
    complete(_lead(after), on=datetime(2012, 12, 31, 17, 20, tzinfo=UTC))
    assert _compute(INCOMING_ON_TIME, [unit], 2012, YEAR_END)[unit] == Ratio(1, 1)
    assert _compute(INCOMING_ON_TIME, [unit], 2013, date(2013, 12, 31))[unit] == Ratio(1, 1)
    assert recount_incoming(unit, 2013, date(2013, 12, 31)) == Ratio(1, 1)


def _local(day: date, hour: int, minute: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


# (deadline, the last local minute still on time, the first minute late): a Friday runs over
# the weekend; a Saturday rolls to Monday; a Friday before 30/4 and 1/5 runs past both.
BOUNDARIES = [
    (date(2012, 3, 23), date(2012, 3, 23), date(2012, 3, 26)),
    (date(2012, 3, 24), date(2012, 3, 26), date(2012, 3, 27)),
    (date(2012, 4, 27), date(2012, 5, 1), date(2012, 5, 2)),
]


def test_lateness_starts_at_midnight_of_the_working_day_after_the_rolled_deadline(
    world: DocWorld,
) -> None:
    unit = world.chau_thanh_office.pk
    n = 0
    for deadline, last_on_time, first_late in BOUNDARIES:
        for finished in (_local(last_on_time, 23, 59), _local(first_late, 0, 0)):
            n += 1
            document = register(world, number_symbol=f"{20 + n}-CT/TU")
            direct(
                world, document, lead=world.chau_thanh_specialist, deadline=deadline, given_at=GIVEN
            )
            complete(_lead(document), on=finished)
    found = _compute(INCOMING_ON_TIME, [unit], 2012, YEAR_END)
    assert found[unit] == Ratio(3, 6) == recount_incoming(unit, 2012, YEAR_END)
    # As of the first late day of the last deadline, its late completion is already known.
    as_of = BOUNDARIES[-1][2]
    assert _compute(INCOMING_ON_TIME, [unit], 2012, as_of)[unit] == Ratio(3, 6)
    assert recount_incoming(unit, 2012, as_of) == Ratio(3, 6)


def test_a_unit_with_nothing_counted_has_no_figure(world: DocWorld, handled: None) -> None:
    quiet = world.hoa_thanh_office.pk
    assert _compute(INCOMING_ON_TIME, [quiet], 2012, YEAR_END) == {}
    assert _compute(OUTGOING_NOT_RECALLED, [quiet], 2012, YEAR_END) == {}
    assert recount_incoming(quiet, 2012, YEAR_END) == Ratio(0, 0)


def test_outgoing_documents_recalled_are_not_done(world: DocWorld) -> None:
    unit = world.chau_thanh_office.pk
    kept = issued(world)
    recalled = issued(world, subject="Văn bản ban hành nhầm, phải thu hồi")
    issued(world, subject="Một văn bản khác")
    services_delivery.outgoing_recall(
        actor=world.chau_thanh_clerk, document=recalled, reason="Ban hành nhầm nơi nhận"
    )
    OutgoingDocument.objects.filter(pk=kept.pk).update(issued_on=date(2011, 12, 31))
    found = _compute(OUTGOING_NOT_RECALLED, [unit], 2012, YEAR_END)
    assert found[unit] == Ratio(1, 2) == recount_outgoing(unit, 2012, YEAR_END)
    # As of the day before they were issued, nothing was.
    assert _compute(OUTGOING_NOT_RECALLED, [unit], 2012, date(2012, 2, 29)) == {}


def _queries(key: str, unit_ids: list[int]) -> int:
    with CaptureQueriesContext(connection) as queries:
        _compute(key, unit_ids, 2012, YEAR_END)
    return len(queries)


@pytest.mark.parametrize("key", [INCOMING_ON_TIME, OUTGOING_NOT_RECALLED])
def test_the_number_of_queries_does_not_grow_with_the_number_of_units(
    world: DocWorld, handled: None, key: str
) -> None:
    issued(world)
    units = [world.chau_thanh_office.pk, *(u.pk for u in UnitFactory.create_batch(49))]
    assert _queries(key, units[:10]) == _queries(key, units)
