"""The annual review's figures: an Office's own books, this year against the year before, and
the provincial Office's version rolling up the districts the reader sees."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_review import (
    ReviewWorld,
    award_row,
    build_review_world,
    incoming_row,
    local,
    movement_row,
    outgoing_row,
    programme_row,
)
from tests.support.factories import UnitFactory
from vanphong.core import yearly
from vanphong.emulation import review
from vanphong.emulation.models import Nominee, Proposal
from vanphong.emulation.review import FigureLine, ReviewFigures, review_figures
from vanphong.org.models import UnitKind
from vanphong.org.selectors import forget_scope

pytestmark = pytest.mark.django_db
TODAY = date(2013, 3, 1)


@pytest.fixture
def world() -> ReviewWorld:
    w = build_review_world()
    # The province's books, and each district's, in 2011 and 2012.
    for unit, n2011, n2012 in (
        (w.province_office, 3, 5),
        (w.chau_thanh_office, 2, 1),
        (w.hoa_thanh_office, 4, 4),
    ):
        for n in range(n2011):
            incoming_row(w, unit, local(2011, 5, 1 + n))
        for n in range(n2012):
            incoming_row(w, unit, local(2012, 5, 1 + n))
    outgoing_row(w, w.province, date(2012, 2, 1))  # the committee's own book counts as its Office's
    programme_row(w, w.province, 2012, [("done", date(2012, 3, 1)), ("dropped", None)])
    programme_row(w, w.chau_thanh, 2012, [("done", date(2012, 3, 1))])
    return w


def line(figures: ReviewFigures, key: str, label: str) -> FigureLine:
    section = next(s for s in figures.sections if s.key == key)
    return next(x for x in section.lines if x.label == label)


def test_an_office_compares_its_year_with_the_year_before(world: ReviewWorld) -> None:
    figures = review_figures(world.province_office, 2012, reader=world.chief, today=TODAY)
    incoming = line(figures, "documents", "Văn bản đến đã vào sổ")
    assert (incoming.own.this, incoming.own.last, incoming.own.difference) == (5, 3, 2)
    outgoing = line(figures, "documents", "Văn bản đi đã phát hành")
    assert (outgoing.own.this, outgoing.own.last) == (1, 0)
    items = line(figures, "planning.programme", "Nội dung trong chương trình công tác năm")
    assert items.own.this == 2
    assert figures.as_of == date(2012, 12, 31)
    assert figures.last_as_of == date(2011, 12, 31)


def test_the_provincial_offices_version_rolls_up_the_districts_the_reader_sees(
    world: ReviewWorld,
) -> None:
    everything = review_figures(
        world.province_office, 2012, reader=world.province_leader, today=TODAY
    )
    assert everything.districts == [world.chau_thanh, world.hoa_thanh]
    incoming = line(everything, "documents", "Văn bản đến đã vào sổ")
    assert incoming.by_district[world.chau_thanh.pk].this == 1
    assert incoming.by_district[world.hoa_thanh.pk].last == 4
    assert incoming.districts is not None
    assert incoming.districts.this == sum(c.this for c in incoming.by_district.values()) == 5
    assert incoming.districts.last == sum(c.last for c in incoming.by_district.values()) == 6
    assert incoming.own.this == 5  # the province's own column is never mixed with them
    items = line(everything, "planning.programme", "Nội dung trong chương trình công tác năm")
    assert items.districts is not None
    assert items.districts.this == 1

    # The provincial Office's leader reads no district: the same review, no roll-up.
    own_only = review_figures(world.province_office, 2012, reader=world.chief, today=TODAY)
    assert not own_only.rolled_up
    assert line(own_only, "documents", "Văn bản đến đã vào sổ").districts is None


def test_a_district_office_has_no_roll_up(world: ReviewWorld) -> None:
    figures = review_figures(
        world.chau_thanh_office, 2012, reader=world.province_leader, today=TODAY
    )
    assert not figures.rolled_up
    assert line(figures, "documents", "Văn bản đến đã vào sổ").own.this == 1


def test_a_section_no_app_provides_is_listed_without_figures_rather_than_invented(
    world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(yearly._registry.sections, "archives")
    figures = review_figures(world.province_office, 2012, today=TODAY)
    archives = next(s for s in figures.sections if s.key == "archives")
    assert not archives.provided
    assert archives.lines == []
    keys = [s.key for s in figures.sections]
    assert keys == [
        "planning.programme",
        "planning.schedules",
        "documents",
        "directives",
        "petitions",
        "archives",
    ]


def test_while_the_year_runs_figures_are_as_of_today(world: ReviewWorld) -> None:
    figures = review_figures(world.province_office, 2012, today=date(2012, 6, 30))
    assert figures.as_of == date(2012, 6, 30)


def test_the_emulation_results_come_from_the_blocs_ranking_and_the_awards_of_the_year(
    world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    offices = [world.province_office, world.chau_thanh_office, world.hoa_thanh_office]
    movement = movement_row(world, 2012, offices)
    award_row(world, world.province_office, 2012)
    award_row(world, world.province_office, 2011)
    rows = [
        SimpleNamespace(unit=world.chau_thanh_office, total=Decimal("96.5"), rank=1),
        SimpleNamespace(unit=world.province_office, total=Decimal("92"), rank=2),
        SimpleNamespace(unit=world.hoa_thanh_office, total=Decimal("80.25"), rank=3),
    ]
    group = SimpleNamespace(title="I. Công tác tham mưu")
    fake: Any = SimpleNamespace(
        bloc_ranking=lambda m: SimpleNamespace(rows=rows) if m == movement else None,
        unit_profile=lambda m, u: [
            SimpleNamespace(group=group, points=Decimal(18), max_points=Decimal(20))
        ],
    )
    monkeypatch.setattr(review, "_ranking_module", lambda: fake)
    figures = review_figures(world.province_office, 2012, today=TODAY)
    assert figures.standing is not None
    assert (figures.standing.rank, figures.standing.total) == (2, Decimal("92"))
    assert [r[2] for r in figures.standing.rows] == [1, 2, 3]
    assert figures.standing.profile == [("I. Công tác tham mưu", Decimal(18), Decimal(20))]
    assert [a.year for a in figures.awards] == [2012]


def test_without_the_ranking_module_the_movement_is_named_without_a_rank(
    world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    movement_row(world, 2012, [world.province_office, world.chau_thanh_office])
    monkeypatch.setattr(review, "_ranking_module", lambda: None)
    figures = review_figures(world.province_office, 2012, today=TODAY)
    assert figures.standing is not None
    assert figures.standing.rank is None


def test_more_districts_cost_no_more_queries(world: ReviewWorld) -> None:
    with CaptureQueriesContext(connection) as two:
        review_figures(world.province_office, 2012, reader=world.province_leader, today=TODAY)
    third = UnitFactory.create(
        parent=world.province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Gò Dầu", symbol="HU"
    )
    office = UnitFactory.create(
        parent=third, kind=UnitKind.OFFICE, name="Văn phòng Huyện ủy Gò Dầu"
    )
    incoming_row(world, office, local(2012, 7, 1))
    forget_scope(world.province_leader)  # the scope is kept per person; the tree has grown
    with CaptureQueriesContext(connection) as three:
        figures = review_figures(
            world.province_office, 2012, reader=world.province_leader, today=TODAY
        )
    assert len(figures.districts) == 3
    assert len(three.captured_queries) == len(two.captured_queries)


def test_the_convenors_review_gives_its_blocs_ranking_and_the_titles_it_proposed(
    world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The provincial Office is no member of the districts' bloc: it convenes it, and the
    bloc's ranking and the titles it proposed for the districts are its year's emulation."""
    movement = movement_row(world, 2012, [world.chau_thanh_office, world.hoa_thanh_office])
    flag = award_row(world, world.chau_thanh_office, 2012)
    proposal = Proposal.objects.create(
        movement=movement,
        proposing_unit=world.province_office,
        year=2012,
        title_code="provincial_flag",
        title_name="Cờ thi đua",
        awarding_body="Chủ tịch Ủy ban nhân dân tỉnh",
        created_by=world.chief,
    )
    flag.nominee = Nominee.objects.create(proposal=proposal, unit=world.chau_thanh_office)
    flag.save()
    award_row(world, world.hoa_thanh_office, 2012)  # the district's own register, not proposed
    rows = [
        SimpleNamespace(unit=world.chau_thanh_office, total=Decimal("95"), rank=1),
        SimpleNamespace(unit=world.hoa_thanh_office, total=Decimal("88"), rank=2),
    ]
    fake: Any = SimpleNamespace(bloc_ranking=lambda m: SimpleNamespace(rows=rows))
    monkeypatch.setattr(review, "_ranking_module", lambda: fake)
    figures = review_figures(world.province_office, 2012, today=TODAY)
    assert figures.standing is not None
    assert figures.standing.convened
    assert figures.standing.movement == movement
    assert [r[0] for r in figures.standing.rows] == [
        world.chau_thanh_office,
        world.hoa_thanh_office,
    ]
    assert figures.awards == [flag]
    district = review_figures(world.hoa_thanh_office, 2012, today=TODAY)
    assert district.standing is not None
    assert not district.standing.convened
