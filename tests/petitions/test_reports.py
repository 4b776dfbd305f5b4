"""The periodic reports' figures: counted from the books as of the period's end, rolled up from
the districts for the province, and in a number of queries that does not grow with the books."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.personas import cast
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.org.models import Person, Unit
from vanphong.petitions.models import Field, Forward, Letter, ReceptionSession, Visit
from vanphong.petitions.reports import (
    Figures,
    Period,
    PeriodKind,
    figures,
    figures_by_unit,
    report_build,
    report_units,
)

SEPTEMBER_2011 = Period(PeriodKind.MONTH, 2011, 9)
YEAR_2011 = Period(PeriodKind.YEAR, 2011)


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _office(world: PetitionWorld) -> Figures:
    return figures(units=[world.province_office], period=SEPTEMBER_2011)


def session(world: PetitionWorld, unit: Unit, day: date, kind: str = "regular") -> ReceptionSession:
    return ReceptionSession.objects.create(
        unit=unit, kind=kind, day=day, created_by=world.province_reception
    )


def visit(world: PetitionWorld, held: ReceptionSession, people: int = 1) -> Visit:
    last = Visit.objects.filter(unit=held.unit, year=held.day.year).count()
    return Visit.objects.create(
        session=held,
        unit=held.unit,
        year=held.day.year,
        number=last + 1,
        group_size=people,
        complaint=True,
        raised="Đề nghị giải quyết bồi thường",
        received_by=world.province_reception,
    )


# --- periods -------------------------------------------------------------------------------


def test_each_period_kind_runs_from_its_first_day_to_its_last_and_reads_in_vietnamese() -> None:
    assert (SEPTEMBER_2011.start, SEPTEMBER_2011.end) == (date(2011, 9, 1), date(2011, 9, 30))
    assert SEPTEMBER_2011.label == "tháng 9 năm 2011"
    february = Period(PeriodKind.MONTH, 2012, 2)
    assert february.end == date(2012, 2, 29)
    q1 = Period(PeriodKind.Q1, 2012)
    assert (q1.start, q1.end, q1.label) == (date(2012, 1, 1), date(2012, 3, 31), "quý I năm 2012")
    six = Period(PeriodKind.SIX_MONTHS, 2012)
    assert (six.end, six.label) == (date(2012, 6, 30), "6 tháng đầu năm 2012")
    nine = Period(PeriodKind.NINE_MONTHS, 2012)
    assert (nine.end, nine.label) == (date(2012, 9, 30), "9 tháng đầu năm 2012")
    assert (YEAR_2011.start, YEAR_2011.end, YEAR_2011.label) == (
        date(2011, 1, 1),
        date(2011, 12, 31),
        "năm 2011",
    )


def test_a_monthly_period_needs_a_month_and_no_other_period_takes_one() -> None:
    with pytest.raises(ValueError, match="needs a month"):
        Period(PeriodKind.MONTH, 2011)
    with pytest.raises(ValueError, match="only a monthly"):
        Period(PeriodKind.YEAR, 2011, 3)


# --- letters -------------------------------------------------------------------------------


def test_a_letter_of_several_kinds_counts_under_each_kind_and_once_in_the_total(
    world: PetitionWorld,
) -> None:
    letter_row(world, complaint=True, denunciation=True)
    letter_row(world, complaint=True)
    letter_row(world, complaint=False, proposal=True, report=True)
    found = _office(world)
    assert found.letters == 3
    assert (found.complaint, found.denunciation, found.proposal, found.report) == (2, 1, 1, 1)


def test_the_period_includes_its_first_and_last_days_and_nothing_outside(
    world: PetitionWorld,
) -> None:
    for day in (date(2011, 8, 31), date(2011, 9, 1), date(2011, 9, 30), date(2011, 10, 1)):
        letter_row(world, received_on=day)
    assert _office(world).letters == 2
    assert figures(units=[world.province_office], period=YEAR_2011).letters == 4


def test_new_letters_duplicates_anonymous_fields_and_places_are_counted(
    world: PetitionWorld,
) -> None:
    policy = Field.objects.get_or_create(name="Chế độ chính sách", defaults={"position": 2})[0]
    first = letter_row(world, place_unit=world.hoa_thanh)
    letter_row(world, duplicate_of=first, duplicate_round=2, place_unit=world.hoa_thanh)
    letter_row(world, anonymous=True, field=policy)
    letter_row(world, field=None)
    found = _office(world)
    assert (found.letters, found.new, found.duplicates, found.anonymous) == (4, 3, 1, 1)
    assert found.by_field == {world.land.pk: 2, policy.pk: 1, None: 1}
    assert found.by_place == {world.hoa_thanh.pk: 2, None: 2}


def test_classification_counts_as_of_the_end_date_with_the_reasons(
    world: PetitionWorld,
) -> None:
    letter_row(world, eligibility="eligible", classified_on=date(2011, 9, 20))
    letter_row(
        world,
        eligibility="ineligible",
        ineligible_reason="anonymous",
        classified_on=date(2011, 9, 21),
    )
    # Classified in October: not yet classified at the end of September.
    letter_row(
        world,
        eligibility="ineligible",
        ineligible_reason="time_limit",
        classified_on=date(2011, 10, 3),
    )
    found = _office(world)
    assert (found.eligible, found.ineligible, found.unclassified) == (1, 1, 1)
    assert found.reasons == {"anonymous": 1}
    year = figures(units=[world.province_office], period=YEAR_2011)
    assert year.reasons == {"anonymous": 1, "time_limit": 1}


def test_handling_results_and_closing_after_the_end_date_are_not_counted(
    world: PetitionWorld,
) -> None:
    letter_row(world, handling="guide", handled_on=date(2011, 9, 15), told_on=date(2011, 9, 16))
    letter_row(
        world,
        handling="accept",
        handled_on=date(2011, 9, 20),
        result="Giải quyết xong",
        result_on=date(2011, 10, 10),
        closed_on=date(2011, 10, 11),
    )
    letter_row(world, handling="keep", handled_on=date(2011, 10, 2))
    september = _office(world)
    assert september.handled == {"guide": 1, "accept": 1}
    assert (september.unhandled, september.results, september.closed, september.told) == (
        1,
        0,
        0,
        1,
    )
    year = figures(units=[world.province_office], period=YEAR_2011)
    assert year.handled == {"guide": 1, "accept": 1, "keep": 1}
    assert (year.unhandled, year.results, year.closed) == (0, 1, 1)


def test_forwards_their_results_and_the_overdue_ones_are_counted_as_of_the_end_date(
    world: PetitionWorld,
) -> None:
    def forward(letter: Letter, on: date, due: date, result_on: date | None = None) -> None:
        Forward.objects.create(
            letter=letter,
            to_body="Ủy ban Kiểm tra Tỉnh ủy",
            forwarded_on=on,
            result_due_on=due,
            result_on=result_on,
            created_by=world.province_reception,
        )

    sent_thrice = letter_row(world, handling="forward", handled_on=date(2011, 9, 5))
    for _n in range(3):
        forward(sent_thrice, date(2011, 9, 5), date(2011, 9, 20))
    answered_late = letter_row(world, handling="forward", handled_on=date(2011, 9, 6))
    # The result comes back after September: still overdue and without a result then.
    forward(answered_late, date(2011, 9, 6), date(2011, 9, 25), result_on=date(2011, 10, 4))
    answered = letter_row(world, handling="forward", handled_on=date(2011, 9, 7))
    forward(answered, date(2011, 9, 7), date(2011, 9, 25), result_on=date(2011, 9, 24))
    waiting = letter_row(world, handling="forward", handled_on=date(2011, 9, 8))
    forward(waiting, date(2011, 9, 8), date(2011, 10, 25))
    september = _office(world)
    assert september.handled == {"forward": 4}
    assert (september.forwards, september.forwarded_letters) == (6, 4)
    assert (september.forward_results, september.forwards_overdue) == (1, 4)
    year = figures(units=[world.province_office], period=YEAR_2011)
    assert (year.forward_results, year.forwards_overdue) == (2, 4)


def test_sessions_by_kind_visits_people_and_groups_in_the_period(world: PetitionWorld) -> None:
    regular = session(world, world.province_office, date(2011, 9, 6))
    head = session(world, world.province_office, date(2011, 9, 15), kind="head")
    visit(world, regular)
    visit(world, head, people=12)
    visit(world, head, people=5)
    visit(world, head, people=4)
    outside = session(world, world.province_office, date(2011, 10, 3), kind="head")
    visit(world, outside, people=7)
    not_held = session(world, world.province_office, date(2011, 9, 20))
    not_held.held = False
    not_held.save()
    found = _office(world)
    assert found.sessions == {"regular": 1, "head": 1}
    assert (found.session_total, found.head_sessions) == (2, 1)
    assert (found.visits, found.people, found.groups) == (4, 22, 2)


def test_a_committee_or_its_office_stands_for_its_own_books_without_the_districts(
    world: PetitionWorld,
) -> None:
    letter_row(world)
    letter_row(world, unit=world.chau_thanh_office, created_by=world.chau_thanh_reception)
    assert figures(units=world.province_office, period=SEPTEMBER_2011).letters == 1
    assert figures(units=world.province, period=SEPTEMBER_2011).letters == 1
    assert figures(units=world.chau_thanh, period=SEPTEMBER_2011).letters == 1


# --- the rollup ----------------------------------------------------------------------------


def _books(world: PetitionWorld) -> None:
    letter_row(world, complaint=True, denunciation=True)
    letter_row(world, handling="guide", handled_on=date(2011, 9, 2))
    for _n in range(3):
        letter_row(world, unit=world.chau_thanh_office, created_by=world.chau_thanh_reception)
    letter_row(world, unit=world.hoa_thanh_office, proposal=True, complaint=False)
    visit(world, session(world, world.chau_thanh_office, date(2011, 9, 9), kind="head"), 6)


def test_the_provinces_report_rolls_up_each_district_and_its_total_is_their_sum(
    world: PetitionWorld,
) -> None:
    _books(world)
    secretary: Person = cast(world.d.p, "bithu")
    report = report_build(person=secretary, unit=world.province_office, period=SEPTEMBER_2011)
    names = [line.name for line in report.lines]
    assert names == ["Tỉnh ủy Tây Ninh", "Huyện ủy Châu Thành", "Huyện uỷ Hoà Thành"]
    assert [line.figures.letters for line in report.lines] == [2, 3, 1]
    assert report.total.letters == 6
    assert (report.total.complaint, report.total.proposal) == (5, 1)
    assert (report.total.head_sessions, report.total.groups) == (1, 1)
    by_unit = figures_by_unit(
        [world.province_office.pk, world.chau_thanh_office.pk, world.hoa_thanh_office.pk],
        SEPTEMBER_2011,
    )
    assert report.total == sum(by_unit.values(), Figures())
    assert report.rolled_up


def test_a_reception_officer_of_the_province_reports_only_the_books_they_see(
    world: PetitionWorld,
) -> None:
    _books(world)
    report = report_build(
        person=world.province_reception, unit=world.province_office, period=SEPTEMBER_2011
    )
    assert [line.name for line in report.lines] == ["Tỉnh ủy Tây Ninh"]
    assert report.total.letters == 2
    assert not report.rolled_up
    assert (report.office, report.committee) == (world.province_office, world.province)


def test_units_offered_are_the_offices_seen_and_a_committee_only_without_its_office(
    world: PetitionWorld,
) -> None:
    assert set(report_units(world.province_reception)) == {world.province_office}
    assert set(report_units(world.chau_thanh_reception)) == {world.chau_thanh_office}
    secretary = cast(world.d.p, "bithu")
    assert set(report_units(secretary)) == {
        world.province_office,
        world.chau_thanh_office,
        world.hoa_thanh_office,
    }
    assert not report_units(world.province_clerk).exists()


def test_the_yearly_report_costs_the_same_queries_whatever_the_number_of_letters(
    world: PetitionWorld,
) -> None:
    secretary = cast(world.d.p, "bithu")
    counts = []
    for extra in (1, 12):
        for n in range(extra):
            letter_row(world, received_on=date(2011, 1 + n % 12, 3), field=None)
            letter_row(world, unit=world.chau_thanh_office, created_by=world.chau_thanh_reception)
        visit(world, session(world, world.hoa_thanh_office, date(2011, 5, extra)))
        secretary = Person.objects.get(pk=secretary.pk)  # a fresh scope, as a new request
        with CaptureQueriesContext(connection) as queries:
            report_build(person=secretary, unit=world.province_office, period=YEAR_2011)
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 14
