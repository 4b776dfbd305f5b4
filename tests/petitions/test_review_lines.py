"""The petitions' lines of the annual review: reception and letters of the year in their state
on 31/12, recomputed here from the rows; counts only, never a petitioner's name."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_review import ReviewWorld, build_review_world
from tests.support.petitions import letter_row
from vanphong.petitions import review_lines
from vanphong.petitions.models import Letter, ReceptionSession, Visit

pytestmark = pytest.mark.django_db
END = date(2011, 12, 31)
KEYS = (
    "sessions",
    "head",
    "visits",
    "letters",
    "eligible",
    "ineligible",
    "anonymous",
    "forwarded",
    "settled",
)


@pytest.fixture
def world() -> ReviewWorld:
    return build_review_world()


def figures(unit_ids: list[int], year: int = 2011) -> dict[str, dict[int, int]]:
    lines = review_lines.lines(unit_ids, year, date(year, 12, 31))
    return {k: dict(line.values) for k, line in zip(KEYS, lines, strict=True)}


def session(
    world: ReviewWorld, day: date, kind: str = "regular", visits: int = 0
) -> ReceptionSession:
    made = ReceptionSession.objects.create(
        unit=world.province_office, kind=kind, day=day, created_by=world.province_reception
    )
    last = Visit.objects.filter(unit=world.province_office, year=day.year).count()
    for n in range(visits):
        Visit.objects.create(
            session=made,
            unit=world.province_office,
            year=day.year,
            number=last + n + 1,
            complaint=True,
            raised="Trình bày việc bồi thường",
            received_by=world.province_reception,
        )
    return made


def test_letters_count_by_their_state_on_31_december(world: ReviewWorld) -> None:
    office = world.province_office
    letter_row(
        world.w,
        received_on=date(2011, 12, 31),
        eligibility="eligible",
        classified_on=date(2011, 12, 31),
    )
    letter_row(
        world.w,
        received_on=date(2011, 12, 20),
        eligibility="eligible",
        classified_on=date(2012, 1, 2),
    )
    letter_row(
        world.w,
        received_on=date(2011, 12, 20),
        eligibility="ineligible",
        ineligible_reason="anonymous",
        classified_on=date(2011, 12, 21),
        anonymous=True,
    )
    letter_row(
        world.w,
        received_on=date(2011, 6, 1),
        handling="forward",
        handled_on=date(2011, 6, 5),
        result_on=date(2011, 9, 1),
    )
    letter_row(
        world.w, received_on=date(2011, 6, 1), handling="forward", handled_on=date(2012, 1, 5)
    )
    letter_row(world.w, received_on=date(2012, 1, 1))
    found = figures([office.pk])
    letters = [x for x in Letter.objects.filter(unit=office) if x.received_on.year == 2011]
    assert found["letters"] == {office.pk: len(letters)} == {office.pk: 5}

    def on_31(day: date | None) -> bool:
        return day is not None and day <= END

    eligible = [x for x in letters if x.eligibility == "eligible" and on_31(x.classified_on)]
    assert found["eligible"] == {office.pk: len(eligible)} == {office.pk: 1}
    assert found["ineligible"] == {office.pk: 1}
    assert found["anonymous"] == {office.pk: sum(1 for x in letters if x.anonymous)}
    forwarded = [x for x in letters if x.handling == "forward" and on_31(x.handled_on)]
    assert found["forwarded"] == {office.pk: len(forwarded)} == {office.pk: 1}
    assert found["settled"] == {office.pk: sum(1 for x in letters if on_31(x.result_on))}


def test_sessions_and_visits_of_the_year_with_the_heads_sessions_apart(world: ReviewWorld) -> None:
    office = world.province_office
    session(world, date(2011, 3, 15), visits=2)
    session(world, date(2011, 4, 15), kind="head", visits=3)
    session(world, date(2012, 1, 15), kind="head", visits=1)
    found = figures([office.pk])
    assert found["sessions"] == {office.pk: 2}
    assert found["head"] == {office.pk: 1}
    assert found["visits"] == {office.pk: 5}


def test_no_line_names_a_petitioner(world: ReviewWorld) -> None:
    letter_row(
        world.w, received_on=date(2011, 5, 1), denunciation=True, petitioners=("Trần Văn Tốgiác",)
    )
    lines = review_lines.lines([world.province_office.pk], 2011, END)
    assert all("Tốgiác" not in line.label for line in lines)


def test_the_lines_cost_the_same_queries_for_one_unit_as_for_three(world: ReviewWorld) -> None:
    units = [world.province_office, world.chau_thanh_office, world.hoa_thanh_office]
    for unit in units:
        letter_row(world.w, unit=unit, received_on=date(2011, 5, 1))
    with CaptureQueriesContext(connection) as one:
        figures([units[0].pk])
    with CaptureQueriesContext(connection) as three:
        found = figures([u.pk for u in units])
    assert len(one.captured_queries) == len(three.captured_queries)
    assert found["letters"] == {u.pk: 1 for u in units}
