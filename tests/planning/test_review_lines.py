"""Planning's lines of the annual review: the committee's programme and its weeks, as of 31/12,
recomputed here from the rows written."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_review import (
    ReviewWorld,
    build_review_world,
    local,
    programme_row,
    week_row,
)
from vanphong.planning import review_lines
from vanphong.planning.models import Entry, ProgrammeItem, ScheduleVersion

pytestmark = pytest.mark.django_db
END = date(2011, 12, 31)


@pytest.fixture
def world() -> ReviewWorld:
    return build_review_world()


def programme(unit_ids: list[int], year: int = 2011) -> dict[str, dict[int, int]]:
    lines = review_lines.programme_lines(unit_ids, year, date(year, 12, 31))
    return {
        k: dict(line.values) for k, line in zip(review_lines.PROGRAMME_LABELS, lines, strict=True)
    }


def weeks(unit_ids: list[int], year: int = 2011) -> dict[str, dict[int, int]]:
    lines = review_lines.schedule_lines(unit_ids, year, date(year, 12, 31))
    return {
        k: dict(line.values) for k, line in zip(review_lines.SCHEDULE_LABELS, lines, strict=True)
    }


def test_programme_items_count_by_state_with_done_only_when_done_by_31_december(
    world: ReviewWorld,
) -> None:
    province = world.province
    programme_row(
        world,
        province,
        2011,
        [
            ("done", date(2011, 3, 1)),
            ("done", date(2012, 1, 5)),  # done after the year: not done on 31/12
            ("moved", None),
            ("postponed", None),
            ("dropped", None),
            ("planned", None),
        ],
    )
    programme_row(world, province, 2011, [("done", date(2011, 5, 1))], body="conference")
    programme_row(world, province, 2012, [("done", date(2012, 5, 1))])
    found = programme(list({province.pk, world.province_office.pk}))
    items = ProgrammeItem.objects.filter(programme__committee=province, programme__year=2011)
    assert found["items"] == {province.pk: items.count()}
    done = [i for i in items if i.state == "done" and i.done_on is not None and i.done_on <= END]
    assert found["done"] == {province.pk: len(done)} == {province.pk: 2}
    for state in ("moved", "postponed", "dropped"):
        assert found[state] == {province.pk: items.filter(state=state).count()}


def test_weeks_count_once_however_often_amended_and_entries_of_the_live_version_only(
    world: ReviewWorld,
) -> None:
    province = world.province
    week_row(
        world,
        province,
        date(2011, 2, 14),
        published=[local(2011, 2, 11), local(2011, 2, 15)],
        entries=[date(2011, 2, 14), date(2011, 2, 15)],
    )
    week_row(
        world,
        province,
        date(2011, 12, 26),
        published=[local(2011, 12, 23)],
        entries=[date(2011, 12, 30)],
    )
    # A week whose amendment was published in the new year: the amendment is not the old year's.
    week_row(
        world, province, date(2011, 12, 19), published=[local(2011, 12, 16), local(2012, 1, 2)]
    )
    week_row(
        world,
        province,
        date(2012, 1, 2),
        published=[local(2011, 12, 30)],
        entries=[date(2012, 1, 2)],
    )
    found = weeks([province.pk])
    versions = ScheduleVersion.objects.filter(
        schedule__committee=province,
        schedule__monday__year=2011,
        published_at__lt=local(2012, 1, 1, 0),
    )
    assert (
        found["weeks"]
        == {province.pk: versions.values("schedule").distinct().count()}
        == {province.pk: 3}
    )
    assert (
        found["amendments"]
        == {province.pk: versions.filter(number__gt=1).count()}
        == {province.pk: 1}
    )
    live = Entry.objects.filter(
        version__status="published", day__year=2011, version__schedule__committee=province
    )
    assert found["entries"] == {province.pk: live.count()} == {province.pk: 3}


def test_an_office_has_no_figures_of_its_own_its_committee_does(world: ReviewWorld) -> None:
    programme_row(world, world.chau_thanh, 2011, [("done", date(2011, 2, 1))])
    assert programme([world.chau_thanh_office.pk])["items"] == {}
    assert programme([world.chau_thanh.pk])["items"] == {world.chau_thanh.pk: 1}


def test_the_lines_cost_the_same_queries_for_one_committee_as_for_three(world: ReviewWorld) -> None:
    committees = [world.province, world.chau_thanh, world.hoa_thanh]
    for committee in committees:
        programme_row(world, committee, 2011, [("done", date(2011, 2, 1))])
        week_row(
            world,
            committee,
            date(2011, 3, 7),
            published=[local(2011, 3, 4)],
            entries=[date(2011, 3, 7)],
        )
    with CaptureQueriesContext(connection) as one:
        programme([world.province.pk])
        weeks([world.province.pk])
    with CaptureQueriesContext(connection) as three:
        found = weeks([c.pk for c in committees])
        programme([c.pk for c in committees])
    assert len(one.captured_queries) == len(three.captured_queries) == 4
    assert sum(found["weeks"].values()) == 3
