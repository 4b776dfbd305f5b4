"""The directives' yearly measure, checked against a plain recount on the working-day
calendar: tasks a unit leads, due in the year, accepted as done on time, of those due."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.directives import district_task
from tests.support.documents import DocWorld
from tests.support.emulation_recount import recount_tasks
from tests.support.factories import UnitFactory
from vanphong.core import yearly
from vanphong.core.yearly import Ratio
from vanphong.directives.measures import TASKS_ON_TIME
from vanphong.directives.models import Task, TaskState

DEADLINE = date(2011, 4, 15)  # a Friday


def _compute(unit_ids: list[int], year: int, as_of: date) -> dict[int, Ratio]:
    measure = yearly.measure(TASKS_ON_TIME)
    assert measure is not None
    return dict(measure.compute(unit_ids, year, as_of))


def _task(world: DocWorld, deadline: date, state: str = "", done_on: date | None = None) -> Task:
    """A task assigned through the service; how it went is then written as of its day."""
    task = district_task(world, deadline=deadline, content=f"Nhiệm vụ hạn {deadline}")
    if state:
        Task.objects.filter(pk=task.pk).update(state=state, done_on=done_on)
    return task


@pytest.fixture
def tasks(world: DocWorld) -> None:
    _task(world, DEADLINE, TaskState.DONE, DEADLINE)  # on time
    _task(world, DEADLINE, TaskState.DONE, date(2011, 4, 18))  # one working day late
    _task(world, date(2011, 4, 16), TaskState.DONE, date(2011, 4, 18))  # Saturday: runs on
    _task(world, DEADLINE)  # overdue
    _task(world, DEADLINE, TaskState.SUBMITTED, date(2011, 4, 14))  # not accepted yet
    _task(world, DEADLINE, TaskState.CANNOT_DO)  # not counted
    _task(world, date(2011, 12, 30), TaskState.DONE, date(2011, 12, 30))  # on time
    _task(world, date(2011, 12, 30), TaskState.DONE, date(2012, 1, 4))  # done next year
    _task(world, date(2011, 12, 31))  # due on the last day, a Saturday: not late yet
    _task(world, date(2012, 2, 1), TaskState.DONE, date(2011, 11, 1))  # next year's


def test_tasks_done_on_time_of_those_due_match_a_recount(world: DocWorld, tasks: None) -> None:
    unit = world.chau_thanh.pk
    found = _compute([unit], 2011, date(2011, 12, 31))
    # Done on time: 15/4, the Saturday one, 30/12. Counted besides: late, overdue, submitted.
    assert found[unit] == Ratio(3, 6) == recount_tasks(unit, 2011, date(2011, 12, 31))


def test_a_task_done_in_january_counts_once_that_day_is_reached(
    world: DocWorld, tasks: None
) -> None:
    unit = world.chau_thanh.pk
    later = date(2012, 1, 31)
    assert _compute([unit], 2011, later)[unit] == recount_tasks(unit, 2011, later)
    assert _compute([unit], 2011, later)[unit].counted == 8  # + done 4/1 (late), + due 31/12


def test_as_of_a_day_before_the_deadline_nothing_is_counted(world: DocWorld, tasks: None) -> None:
    unit = world.chau_thanh.pk
    assert _compute([unit], 2011, date(2011, 4, 14)) == {}
    assert recount_tasks(unit, 2011, date(2011, 4, 14)) == Ratio(0, 0)


def test_the_number_of_queries_does_not_grow_with_the_number_of_units(
    world: DocWorld, tasks: None
) -> None:
    units = [world.chau_thanh.pk, *(u.pk for u in UnitFactory.create_batch(49))]

    def queries(ids: list[int]) -> int:
        with CaptureQueriesContext(connection) as captured:
            _compute(ids, 2011, date(2011, 12, 31))
        return len(captured)

    assert queries(units[:10]) == queries(units) == 1
