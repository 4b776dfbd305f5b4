"""A letter's legal clocks across every law version and case type (RULES.md §5)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.models import CalendarDay
from vanphong.core.services import calendar_day_delete
from vanphong.org.models import Person
from vanphong.petitions import clocks
from vanphong.petitions.models import ClockKind, Deadline, Forward, Letter, Suspension


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _clocks(letter: Letter) -> dict[str, Deadline]:
    clocks.refresh(letter, today=date(2026, 12, 7))
    return {row.kind: row for row in Deadline.objects.filter(letter=letter)}


def _accepted(world: PetitionWorld, accepted_on: date, **fields: Any) -> Letter:
    values: dict[str, Any] = {
        "received_on": accepted_on,
        "eligibility": "eligible",
        "handling": "accept",
        "handled_on": accepted_on,
        "accepted_on": accepted_on,
    }
    values.update(fields)
    return letter_row(world, **values)


def _settlement(world: PetitionWorld, accepted_on: date, **fields: Any) -> Deadline:
    return _clocks(_accepted(world, accepted_on, **fields))[ClockKind.SETTLEMENT]


def test_a_letter_received_just_before_tet_2012_is_processed_ten_working_days_after_tet(
    world: PetitionWorld,
) -> None:
    # Friday 20/01/2012; 22–27/01 are Tết, Saturday 04/02 is worked instead of 27/01.
    letter = letter_row(world, received_on=date(2012, 1, 20))
    row = _clocks(letter)[ClockKind.PROCESSING]
    assert (row.due_on, row.days, row.working_days) == (date(2012, 2, 9), 10, True)
    assert (row.rule_kind, row.rule_from) == ("deadline.processing", date(1999, 1, 1))
    assert "chưa kiểm chứng" in row.source
    assert row.met_on is None


def test_processing_follows_the_citizen_reception_law_from_1_july_2014(
    world: PetitionWorld,
) -> None:
    before = _clocks(letter_row(world, received_on=date(2014, 6, 30)))[ClockKind.PROCESSING]
    after = _clocks(letter_row(world, received_on=date(2014, 7, 1)))[ClockKind.PROCESSING]
    assert before.rule_from == date(1999, 1, 1)
    assert after.rule_from == date(2014, 7, 1)
    assert "07/2014/TT-TTCP" in after.source
    # Monday 30/06 + 10 working days = Monday 14/07; Tuesday 01/07 → Tuesday 15/07.
    assert (before.due_on, after.due_on) == (date(2014, 7, 14), date(2014, 7, 15))


def test_processing_is_met_when_the_letter_is_handled(world: PetitionWorld) -> None:
    letter = letter_row(
        world, received_on=date(2011, 9, 12), handling="keep", handled_on=date(2011, 9, 15)
    )
    assert _clocks(letter)[ClockKind.PROCESSING].met_on == date(2011, 9, 15)


@pytest.mark.parametrize(
    ("accepted_on", "complexity", "days", "rule_from"),
    [
        (date(2012, 6, 30), "normal", 60, date(1999, 1, 1)),
        (date(2012, 6, 30), "complex", 90, date(1999, 1, 1)),
        (date(2012, 7, 1), "normal", 60, date(2012, 7, 1)),
        (date(2012, 7, 1), "complex", 90, date(2012, 7, 1)),
        (date(2018, 12, 31), "normal", 60, date(2012, 7, 1)),
        (date(2018, 12, 31), "especially_complex", 90, date(2012, 7, 1)),
        (date(2019, 1, 1), "normal", 30, date(2019, 1, 1)),
        (date(2019, 1, 1), "complex", 30, date(2019, 1, 1)),
        (date(2019, 1, 1), "especially_complex", 30, date(2019, 1, 1)),
    ],
)
def test_a_denunciation_is_settled_by_the_law_in_force_on_its_acceptance_day(
    world: PetitionWorld, accepted_on: date, complexity: str, days: int, rule_from: date
) -> None:
    row = _settlement(world, accepted_on, complaint=False, denunciation=True, complexity=complexity)
    assert (row.days, row.rule_kind, row.rule_from) == (days, "deadline.denunciation", rule_from)
    assert not row.working_days


def test_the_settlement_due_day_moves_at_each_boundary(world: PetitionWorld) -> None:
    def due(accepted_on: date) -> date:
        return _settlement(world, accepted_on, complaint=False, denunciation=True).due_on

    assert due(date(2012, 6, 30)) == date(2012, 8, 29)
    assert due(date(2012, 7, 1)) == date(2012, 8, 30)
    assert due(date(2018, 12, 31)) == date(2019, 3, 1)
    assert due(date(2019, 1, 1)) == date(2019, 1, 31)


@pytest.mark.parametrize("accepted_on", [date(2011, 10, 3), date(2013, 5, 2)])
@pytest.mark.parametrize(
    ("second", "complexity", "remote", "days"),
    [
        (False, "normal", False, 30),
        (False, "complex", False, 45),
        (False, "normal", True, 45),
        (False, "complex", True, 60),
        (True, "normal", False, 45),
        (True, "complex", False, 60),
        (True, "normal", True, 60),
        (True, "complex", True, 70),
    ],
)
def test_a_complaint_is_settled_by_round_complexity_and_remoteness(
    world: PetitionWorld,
    accepted_on: date,
    second: bool,
    complexity: str,
    remote: bool,
    days: int,
) -> None:
    row = _settlement(
        world, accepted_on, second_complaint=second, complexity=complexity, remote=remote
    )
    assert row.days == days
    assert row.rule_from == (date(1999, 1, 1) if accepted_on.year == 2011 else date(2012, 7, 1))


def test_a_settlement_that_ends_on_a_day_off_runs_to_the_next_working_day(
    world: PetitionWorld,
) -> None:
    # 13/10/2011 + 30 days = Saturday 12/11 → Monday 14/11.
    row = _settlement(world, date(2011, 10, 13))
    assert row.due_on == date(2011, 11, 14)


def test_the_acceptance_clock_is_ten_days_then_seven_working_days_under_the_2018_law(
    world: PetitionWorld,
) -> None:
    complaint = letter_row(world, received_on=date(2011, 9, 12), eligibility="eligible")
    old = letter_row(
        world,
        received_on=date(2018, 12, 31),
        complaint=False,
        denunciation=True,
        eligibility="eligible",
    )
    new = letter_row(
        world,
        received_on=date(2019, 1, 7),
        complaint=False,
        denunciation=True,
        eligibility="eligible",
    )
    assert _clocks(complaint)[ClockKind.ACCEPTANCE].due_on == date(2011, 9, 22)
    old_row = _clocks(old)[ClockKind.ACCEPTANCE]
    assert (old_row.days, old_row.working_days, old_row.due_on) == (10, False, date(2019, 1, 10))
    new_row = _clocks(new)[ClockKind.ACCEPTANCE]
    assert (new_row.days, new_row.working_days, new_row.due_on) == (7, True, date(2019, 1, 16))


def test_only_letters_the_committee_settles_carry_an_acceptance_clock(
    world: PetitionWorld,
) -> None:
    unclassified = letter_row(world)
    forwarded = letter_row(world, eligibility="eligible", handling="forward")
    proposal = letter_row(world, complaint=False, proposal=True, eligibility="eligible")
    for letter in (unclassified, forwarded, proposal):
        assert set(_clocks(letter)) == {ClockKind.PROCESSING}
    accepted = _accepted(world, date(2011, 9, 20), received_on=date(2011, 9, 12))
    kinds = _clocks(accepted)
    assert kinds[ClockKind.ACCEPTANCE].met_on == date(2011, 9, 20)
    assert kinds[ClockKind.SETTLEMENT].starts_on == date(2011, 9, 20)


def test_a_clock_that_no_longer_applies_is_removed(world: PetitionWorld) -> None:
    letter = letter_row(world, eligibility="eligible")
    assert ClockKind.ACCEPTANCE in _clocks(letter)
    letter.handling = "forward"
    letter.save()
    assert ClockKind.ACCEPTANCE not in _clocks(letter)


def _person(world: PetitionWorld) -> Person:
    return world.province_reception


def test_suspended_days_do_not_count_and_extensions_add_theirs(world: PetitionWorld) -> None:
    letter = _accepted(world, date(2019, 3, 4), complaint=False, denunciation=True)
    assert _clocks(letter)[ClockKind.SETTLEMENT].due_on == date(2019, 4, 3)
    Suspension.objects.create(
        letter=letter,
        starts_on=date(2019, 3, 10),
        ends_on=date(2019, 3, 16),
        decision_number="05/QĐ-TĐC",
        reason="Chờ kết quả giám định",
        created_by=_person(world),
    )
    assert _clocks(letter)[ClockKind.SETTLEMENT].due_on == date(2019, 4, 10)


def test_an_open_suspension_counts_up_to_today(world: PetitionWorld) -> None:
    letter = _accepted(world, date(2019, 3, 4), complaint=False, denunciation=True)
    Suspension.objects.create(
        letter=letter,
        starts_on=date(2019, 3, 10),
        decision_number="05/QĐ-TĐC",
        reason="Chờ kết quả giám định",
        created_by=_person(world),
    )
    clocks.refresh(letter, today=date(2019, 3, 19))
    row = Deadline.objects.get(letter=letter, kind=ClockKind.SETTLEMENT)
    # 10 days stopped (10/03–19/03): 03/04 + 10 = Saturday 13/04 → Monday 15/04.
    assert row.due_on == date(2019, 4, 15)


def test_the_follow_up_is_the_earliest_open_forward_and_met_when_all_results_are_in(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world, eligibility="eligible", handling="forward")
    first = Forward.objects.create(
        letter=letter,
        to_body="UBND huyện Hòa Thành",
        forwarded_on=date(2011, 10, 3),
        result_due_on=clocks.forward_due(letter, date(2011, 10, 3)),
        created_by=_person(world),
    )
    second = Forward.objects.create(
        letter=letter,
        to_body="Thanh tra tỉnh",
        forwarded_on=date(2011, 10, 5),
        result_due_on=clocks.forward_due(letter, date(2011, 10, 5)),
        created_by=_person(world),
    )
    # 10 days to accept (13/10), 30 to settle: Saturday 12/11 → Monday 14/11.
    assert first.result_due_on == date(2011, 11, 14)
    row = _clocks(letter)[ClockKind.FOLLOW_UP]
    assert (row.due_on, row.met_on, row.rule_kind) == (
        date(2011, 11, 14),
        None,
        "deadline.complaint",
    )
    Forward.objects.filter(pk=first.pk).update(result_on=date(2011, 11, 1), result="Đã giải quyết")
    row = _clocks(letter)[ClockKind.FOLLOW_UP]
    assert (row.due_on, row.met_on) == (second.result_due_on, None)
    Forward.objects.filter(pk=second.pk).update(result_on=date(2011, 11, 20), result="Xong")
    assert _clocks(letter)[ClockKind.FOLLOW_UP].met_on == date(2011, 11, 20)


def test_a_forwarded_denunciation_and_a_proposal_are_owed_their_result_by_the_rules(
    world: PetitionWorld,
) -> None:
    denunciation = letter_row(world, complaint=False, denunciation=True)
    proposal = letter_row(world, complaint=False, proposal=True)
    # 7 working days to accept (Wednesday 13/03/2019), then 30 days: Friday 12/04/2019.
    assert clocks.forward_due(denunciation, date(2019, 3, 4)) == date(2019, 4, 12)
    # Under the 2011 law: 10 days (Saturday 14/07/2012 → Monday 16/07), then 60: 14/09/2012.
    assert clocks.forward_due(denunciation, date(2012, 7, 4)) == date(2012, 9, 14)
    assert clocks.forward_due(proposal, date(2019, 3, 4)) == date(2019, 3, 18)


def test_a_date_before_the_first_law_is_refused_on_its_field(world: PetitionWorld) -> None:
    letter = letter_row(world, received_on=date(1998, 12, 31))
    with pytest.raises(ValidationError) as caught:
        clocks.refresh(letter)
    message = caught.value.message_dict["received_on"][0]
    assert "31/12/1998 trước khi có quy định về thời hạn xử lý đơn" in message
    assert not Deadline.objects.filter(letter=letter).exists()
    with pytest.raises(ValidationError) as forwarded:
        clocks.forward_due(letter, date(1998, 6, 1))
    assert "01/06/1998" in forwarded.value.message_dict["forwarded_on"][0]


def test_a_changed_day_of_the_calendar_moves_the_working_day_clocks_over_it(
    world: PetitionWorld, django_capture_on_commit_callbacks: Any
) -> None:
    letter = letter_row(world, received_on=date(2012, 1, 20))
    assert _clocks(letter)[ClockKind.PROCESSING].due_on == date(2012, 2, 9)
    # Friday 27/01/2012 worked after all: one working day more before the deadline.
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_delete(actor=None, calendar_day=CalendarDay.objects.get(day=date(2012, 1, 27)))
    assert Deadline.objects.get(letter=letter, kind=ClockKind.PROCESSING).due_on == date(2012, 2, 8)
