"""The documents' lines of the annual review: the year's books and the handling of its incoming
documents as of 31/12, recomputed here from the rows written."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_review import (
    TZ,
    ReviewWorld,
    assignment_row,
    build_review_world,
    incoming_row,
    local,
    outgoing_row,
)
from vanphong.core.workdays import WorkCalendar
from vanphong.documents import review_lines
from vanphong.documents.models import Assignment

pytestmark = pytest.mark.django_db
END = date(2011, 12, 31)


@pytest.fixture
def world() -> ReviewWorld:
    return build_review_world()


def figures(unit_ids: list[int], year: int = 2011) -> dict[str, dict[int, int]]:
    lines = review_lines.lines(unit_ids, year, date(year, 12, 31))
    return {key: dict(line.values) for key, line in zip(review_lines.LABELS, lines, strict=True)}


def test_a_document_received_at_23_30_on_31_december_is_the_old_years_one_after_midnight_not(
    world: ReviewWorld,
) -> None:
    office = world.province_office
    incoming_row(world, office, local(2011, 12, 31, 23, 30))
    incoming_row(world, office, local(2012, 1, 1, 0, 10))
    # 23:30 UTC on 31/12 is already 1 January in Tây Ninh.
    incoming_row(world, office, datetime(2011, 12, 31, 23, 30, tzinfo=UTC))
    assert figures([office.pk])["incoming"] == {office.pk: 1}
    assert figures([office.pk], 2012)["incoming"] == {office.pk: 2}


def test_incoming_documents_count_by_medium_and_recall_per_unit(world: ReviewWorld) -> None:
    office, district = world.province_office, world.chau_thanh_office
    rows = [
        incoming_row(world, office, local(2011, 3, 1), medium="paper"),
        incoming_row(world, office, local(2011, 4, 1), medium="electronic"),
        incoming_row(world, office, local(2011, 5, 1), medium="electronic", status="recalled"),
        incoming_row(world, district, local(2011, 6, 1), medium="internal"),
        incoming_row(world, district, local(2010, 6, 1), medium="paper"),
    ]
    found = figures([office.pk, district.pk])
    in_2011 = [row for row in rows if row.received_at.year == 2011]
    for unit in (office, district):
        mine = [row for row in in_2011 if row.unit_id == unit.pk]
        assert found["incoming"].get(unit.pk, 0) == len(mine)
        for medium in ("paper", "electronic", "internal"):
            expected = sum(1 for row in mine if row.medium == medium)
            assert found[f"incoming_{medium}"].get(unit.pk, 0) == expected
        recalled = sum(1 for row in mine if row.status == "recalled")
        assert found["incoming_recalled"].get(unit.pk, 0) == recalled


def test_outgoing_counts_issues_of_the_year_and_those_withdrawn_never_drafts(
    world: ReviewWorld,
) -> None:
    office = world.province_office
    outgoing_row(world, office, date(2011, 1, 1))
    outgoing_row(world, office, date(2011, 12, 31), status="withdrawn")
    outgoing_row(world, office, date(2012, 1, 1))
    outgoing_row(world, office, None, status="draft")
    found = figures([office.pk])
    assert found["outgoing"] == {office.pk: 2}
    assert found["outgoing_recalled"] == {office.pk: 1}


def test_handling_is_classified_as_of_31_december_in_working_days(world: ReviewWorld) -> None:
    office = world.province_office
    document = incoming_row(world, office, local(2011, 11, 1))
    parts = [
        # done the day of its deadline: on time
        assignment_row(
            world, document, deadline=date(2011, 11, 10), completed_at=local(2011, 11, 10)
        ),
        # done two working days after: late
        assignment_row(
            world, document, deadline=date(2011, 11, 10), completed_at=local(2011, 11, 14)
        ),
        # not done, deadline in the new year: open
        assignment_row(world, document, deadline=date(2012, 1, 10)),
        # not done, deadline passed: overdue
        assignment_row(world, document, deadline=date(2011, 12, 1)),
        # done only on 3 January: still overdue on 31/12
        assignment_row(world, document, deadline=date(2011, 12, 1), completed_at=local(2012, 1, 3)),
        # no deadline, not done: open
        assignment_row(world, document, deadline=None),
        # handed over and cancelled parts and parts for information do not count
        assignment_row(world, document, deadline=None, status="handed_over"),
        assignment_row(world, document, deadline=None, status="cancelled"),
        assignment_row(world, document, deadline=None, role="info"),
    ]
    found = figures([office.pk])
    calendar = WorkCalendar.load(date(2011, 1, 1), END)
    through = calendar.overdue_through(END)
    expected = {"on_time": 0, "late": 0, "open": 0, "overdue": 0}
    counted = [
        a
        for a in Assignment.objects.filter(pk__in=[p.pk for p in parts])
        if a.role in ("lead", "support") and a.status not in ("handed_over", "cancelled")
    ]
    for part in counted:
        done_day = part.completed_at.astimezone(TZ).date() if part.completed_at else None
        if part.status == "done" and done_day is not None and done_day <= END:
            late = part.deadline is not None and calendar.days_late(part.deadline, done_day) > 0
            expected["late" if late else "on_time"] += 1
        elif part.deadline is not None and part.deadline <= through:
            expected["overdue"] += 1
        else:
            expected["open"] += 1
    assert expected == {"on_time": 1, "late": 1, "open": 2, "overdue": 2}
    assert found["parts"] == {office.pk: len(counted)}
    for key, n in expected.items():
        assert found[key] == {office.pk: n}


def test_the_lines_cost_the_same_queries_for_one_unit_as_for_six(world: ReviewWorld) -> None:
    units = [
        world.province,
        world.province_office,
        world.chau_thanh,
        world.chau_thanh_office,
        world.hoa_thanh,
        world.hoa_thanh_office,
    ]
    for unit in units:
        document = incoming_row(world, unit, local(2011, 5, 5))
        assignment_row(world, document, deadline=date(2011, 6, 1), completed_at=local(2011, 6, 2))
        outgoing_row(world, unit, date(2011, 5, 6))
    with CaptureQueriesContext(connection) as one:
        figures([world.province_office.pk])
    with CaptureQueriesContext(connection) as six:
        found = figures([unit.pk for unit in units])
    assert len(one.captured_queries) == len(six.captured_queries) <= 5
    assert sum(found["incoming"].values()) == 6


def test_a_deadline_outside_the_usual_span_is_still_classified(world: ReviewWorld) -> None:
    office = world.province_office
    document = incoming_row(world, office, local(2011, 1, 3))
    # A deadline typed before the document arrived, and one far ahead: both done in 2011.
    assignment_row(world, document, deadline=date(2010, 12, 20), completed_at=local(2011, 1, 5))
    assignment_row(world, document, deadline=date(2012, 9, 1), completed_at=local(2011, 2, 1))
    found = figures([office.pk])
    assert found["late"] == {office.pk: 1}
    assert found["on_time"] == {office.pk: 1}


def test_lateness_agrees_with_the_calendar_for_deadlines_all_over_the_year(
    world: ReviewWorld,
) -> None:
    office = world.province_office
    document = incoming_row(world, office, local(2011, 1, 3))
    calendar = WorkCalendar.load(date(2011, 1, 1), date(2012, 12, 31))
    late = on_time = 0
    for n in range(0, 420, 7):
        deadline = date(2011, 1, 1) + timedelta(days=n)
        for after in (0, 1, 2, 3):
            done = deadline + timedelta(days=after)
            if done > END:
                continue
            assignment_row(
                world,
                document,
                deadline=deadline,
                completed_at=local(done.year, done.month, done.day, 16),
            )
            if calendar.days_late(deadline, done) > 0:
                late += 1
            else:
                on_time += 1
    found = figures([office.pk])
    assert late > 0
    assert on_time > 0
    assert found["late"] == {office.pk: late}
    assert found["on_time"] == {office.pk: on_time}
