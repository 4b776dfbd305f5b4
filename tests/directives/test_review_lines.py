"""The directives' lines of the annual review: the directives taken up, the tasks assigned and
their state on 31/12, and the sơ kết / tổng kết drafts, recomputed here from the rows."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support.emulation_review import (
    ReviewWorld,
    build_review_world,
    directive_row,
    local,
    task_row,
)
from vanphong.core import audit
from vanphong.core.workdays import WorkCalendar
from vanphong.directives import review_lines
from vanphong.directives.models import Task

pytestmark = pytest.mark.django_db
END = date(2011, 12, 31)


@pytest.fixture
def world() -> ReviewWorld:
    return build_review_world()


def figures(unit_ids: list[int], year: int = 2011) -> dict[str, dict[int, int]]:
    lines = review_lines.lines(unit_ids, year, date(year, 12, 31))
    return {k: dict(line.values) for k, line in zip(review_lines.LABELS, lines, strict=True)}


def expected_state(task: Task, through: date) -> str:
    if task.state == "done" and task.done_on and task.done_on <= END:
        return "late" if task.late_from and task.done_on >= task.late_from else "on_time"
    if task.state == "cannot_do" and task.closed_at and task.closed_at < local(2012, 1, 1, 0):
        return "cannot_do"
    if task.deadline is not None and task.deadline <= through:
        return "overdue"
    return "open"


def test_a_directive_taken_up_at_23_30_on_31_december_is_the_old_years(world: ReviewWorld) -> None:
    unit = world.province
    directive_row(world, unit, local(2011, 12, 31, 23, 30))
    directive_row(world, unit, local(2012, 1, 1, 0, 10))
    assert figures([unit.pk])["directives"] == {unit.pk: 1}
    assert figures([unit.pk], 2012)["directives"] == {unit.pk: 1}


def test_tasks_assigned_in_the_year_count_by_their_state_on_31_december(world: ReviewWorld) -> None:
    unit = world.province
    directive = directive_row(world, unit, local(2011, 2, 1))
    made = local(2011, 3, 1)
    tasks = [
        task_row(
            world,
            directive,
            assigning=unit,
            created_at=made,
            deadline=date(2011, 6, 30),
            state="done",
            done_on=date(2011, 6, 30),
        ),
        task_row(
            world,
            directive,
            assigning=unit,
            created_at=made,
            deadline=date(2011, 6, 30),
            state="done",
            done_on=date(2011, 7, 12),
        ),
        task_row(world, directive, assigning=unit, created_at=made, deadline=date(2011, 9, 30)),
        task_row(world, directive, assigning=unit, created_at=made, deadline=date(2012, 3, 31)),
        task_row(
            world,
            directive,
            assigning=unit,
            created_at=made,
            deadline=date(2011, 9, 30),
            state="done",
            done_on=date(2012, 1, 4),
        ),
        task_row(
            world,
            directive,
            assigning=unit,
            created_at=made,
            deadline=None,
            state="cannot_do",
            closed_at=local(2011, 11, 1),
        ),
        task_row(
            world,
            directive,
            assigning=unit,
            created_at=made,
            deadline=None,
            state="submitted",
            done_on=date(2011, 12, 1),
        ),
        # assigned the year before, or by another unit: not counted
        task_row(world, directive, assigning=unit, created_at=local(2010, 12, 1), deadline=None),
        task_row(world, directive, assigning=world.chau_thanh, created_at=made, deadline=None),
    ]
    found = figures([unit.pk])
    through = WorkCalendar.load(END).overdue_through(END)
    counted = [t for t in tasks if t.assigning_unit_id == unit.pk and t.created_at.year == 2011]
    expected: dict[str, int] = {}
    for task in counted:
        state = expected_state(task, through)
        expected[state] = expected.get(state, 0) + 1
    assert expected == {"on_time": 1, "late": 1, "overdue": 2, "open": 2, "cannot_do": 1}
    assert found["tasks"] == {unit.pk: len(counted)}
    for state, n in expected.items():
        assert found[state] == {unit.pk: n}


def test_reviews_count_each_directive_kind_and_end_day_once(world: ReviewWorld) -> None:
    unit = world.province
    year = timezone.localdate().year
    directive = directive_row(world, unit, local(2011, 2, 1))
    other = directive_row(world, world.chau_thanh, local(2011, 2, 1))
    for kind, end in (
        ("interim", "2011-06-30"),
        ("interim", "2011-06-30"),
        ("final", "2011-12-31"),
    ):
        audit.record(
            actor=world.chief,
            action="directive.review",
            target=directive,
            after={"kind": kind, "end": end},
        )
    audit.record(
        actor=world.chief,
        action="directive.review",
        target=other,
        after={"kind": "final", "end": "2011-12-31"},
    )
    assert figures([unit.pk], year)["reviews"] == {unit.pk: 2}
    assert figures([unit.pk, world.chau_thanh.pk], year)["reviews"] == {
        unit.pk: 2,
        world.chau_thanh.pk: 1,
    }


def test_the_lines_cost_the_same_queries_for_one_unit_as_for_three(world: ReviewWorld) -> None:
    units = [world.province, world.chau_thanh, world.hoa_thanh]
    for unit in units:
        directive = directive_row(world, unit, local(2011, 2, 1))
        task_row(
            world,
            directive,
            assigning=unit,
            created_at=local(2011, 3, 1),
            deadline=date(2011, 5, 1),
        )
        audit.record(
            actor=world.chief,
            action="directive.review",
            target=directive,
            after={"kind": "final", "end": "x"},
        )
    with CaptureQueriesContext(connection) as one:
        figures([units[0].pk], timezone.localdate().year)
    with CaptureQueriesContext(connection) as three:
        figures([u.pk for u in units], timezone.localdate().year)
    assert len(one.captured_queries) == len(three.captured_queries) <= 5
