"""Extensions and suspensions: only on a written decision, only within the rule's allowance."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.models import AuditEvent
from vanphong.petitions import clocks
from vanphong.petitions.models import ClockKind, Deadline, Extension, Letter, Suspension
from vanphong.petitions.services_clocks import (
    letter_extension_add,
    letter_suspension_add,
    letter_suspension_end,
)


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _denunciation(world: PetitionWorld, accepted_on: date, complexity: str = "normal") -> Letter:
    letter = letter_row(
        world,
        received_on=accepted_on,
        complaint=False,
        denunciation=True,
        complexity=complexity,
        eligibility="eligible",
        handling="accept",
        handled_on=accepted_on,
        accepted_on=accepted_on,
    )
    clocks.refresh(letter)
    return letter


def _extend(world: PetitionWorld, letter: Letter, **overrides: Any) -> Extension:
    values: dict[str, Any] = {
        "actor": world.province_reception,
        "letter": letter,
        "days": 30,
        "decision_number": "12/QĐ-UBKT",
        "decision_date": letter.accepted_on,
        "reason": "Phải xác minh tại nhiều địa điểm",
    }
    values.update(overrides)
    return letter_extension_add(**values)


def _due(letter: Letter) -> date:
    return Deadline.objects.get(letter=letter, kind=ClockKind.SETTLEMENT).due_on


def test_an_extension_without_a_written_decision_is_refused_on_its_fields(
    world: PetitionWorld,
) -> None:
    letter = _denunciation(world, date(2019, 3, 4), "complex")
    with pytest.raises(ValidationError) as caught:
        _extend(world, letter, decision_number="  ", decision_date=None)
    errors = caught.value.message_dict
    assert "số của quyết định" in errors["decision_number"][0]
    assert "ngày của quyết định" in errors["decision_date"][0]
    assert not Extension.objects.exists()
    assert _due(letter) == date(2019, 4, 3)


def test_a_complex_denunciation_under_the_2018_law_is_extended_once_by_at_most_30_days(
    world: PetitionWorld,
) -> None:
    letter = _denunciation(world, date(2019, 3, 4), "complex")
    with pytest.raises(ValidationError) as too_long:
        _extend(world, letter, days=31)
    assert "không được quá 30 ngày" in too_long.value.message_dict["days"][0]
    _extend(world, letter, days=30)
    assert _due(letter) == date(2019, 5, 3)
    with pytest.raises(ValidationError) as twice:
        _extend(world, letter, days=10)
    assert "1 lần" in twice.value.message_dict["days"][0]
    assert Extension.objects.filter(letter=letter).count() == 1
    event = AuditEvent.objects.filter(action="letter.extension_add").get()
    assert event.object_label == letter.book_number


def test_an_especially_complex_one_is_extended_twice_and_an_ordinary_one_never(
    world: PetitionWorld,
) -> None:
    special = _denunciation(world, date(2019, 3, 4), "especially_complex")
    _extend(world, special)
    _extend(world, special, decision_number="13/QĐ-UBKT")
    with pytest.raises(ValidationError):
        _extend(world, special, decision_number="14/QĐ-UBKT")
    ordinary = _denunciation(world, date(2019, 3, 4))
    with pytest.raises(ValidationError) as caught:
        _extend(world, ordinary, days=5)
    assert "không cho phép gia hạn" in caught.value.message_dict["days"][0]


def test_the_2011_law_allows_one_extension_of_30_days_or_60_when_complex(
    world: PetitionWorld,
) -> None:
    ordinary = _denunciation(world, date(2012, 7, 1))
    with pytest.raises(ValidationError):
        _extend(world, ordinary, days=31)
    _extend(world, ordinary, days=30)
    complex_ = _denunciation(world, date(2018, 12, 31), "complex")
    _extend(world, complex_, days=60)
    # 90 + 60 days from 31/12/2018: Friday 30/05/2019.
    assert _due(complex_) == date(2019, 5, 30)


def test_the_1998_law_and_the_complaint_law_allow_no_extension(world: PetitionWorld) -> None:
    old = _denunciation(world, date(2012, 6, 30), "complex")
    with pytest.raises(ValidationError, match="không cho phép gia hạn"):
        _extend(world, old, days=10)
    complaint = letter_row(
        world,
        received_on=date(2013, 5, 2),
        eligibility="eligible",
        handling="accept",
        accepted_on=date(2013, 5, 2),
    )
    with pytest.raises(ValidationError, match="không cho phép gia hạn"):
        _extend(world, complaint, days=10)


def test_only_an_accepted_letter_is_extended(world: PetitionWorld) -> None:
    forwarded = letter_row(world, complaint=False, denunciation=True, handling="forward")
    with pytest.raises(ValidationError) as caught:
        _extend(world, forwarded, decision_date=date(2019, 3, 4))
    assert "đã thụ lý" in caught.value.messages[0]


def test_a_reception_officer_of_another_unit_may_not_extend(world: PetitionWorld) -> None:
    letter = _denunciation(world, date(2019, 3, 4), "complex")
    with pytest.raises(PermissionDenied):
        _extend(world, letter, actor=world.chau_thanh_reception)
    assert not Extension.objects.exists()


def test_suspended_days_are_added_back_when_the_suspension_ends(world: PetitionWorld) -> None:
    letter = _denunciation(world, date(2019, 3, 4))
    suspension = letter_suspension_add(
        actor=world.province_reception,
        letter=letter,
        starts_on=date(2019, 3, 10),
        decision_number="05/QĐ-TĐC",
        reason="Chờ kết quả giám định",
    )
    with pytest.raises(ValidationError):
        letter_suspension_add(
            actor=world.province_reception,
            letter=letter,
            starts_on=date(2019, 3, 20),
            decision_number="06/QĐ-TĐC",
            reason="Lần khác",
        )
    with pytest.raises(ValidationError) as before:
        letter_suspension_end(
            actor=world.province_reception, suspension=suspension, ends_on=date(2019, 3, 9)
        )
    assert "ends_on" in before.value.message_dict
    letter_suspension_end(
        actor=world.province_reception, suspension=suspension, ends_on=date(2019, 3, 16)
    )
    assert _due(letter) == date(2019, 4, 10)  # 30 days + 7 suspended
    assert Suspension.objects.get().ends_on == date(2019, 3, 16)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"letter.suspension_add", "letter.suspension_end"} <= actions


def test_a_suspension_needs_a_decision_and_may_not_start_before_acceptance(
    world: PetitionWorld,
) -> None:
    letter = _denunciation(world, date(2019, 3, 4))
    with pytest.raises(ValidationError) as caught:
        letter_suspension_add(
            actor=world.province_reception,
            letter=letter,
            starts_on=None,
            decision_number="",
            reason="",
        )
    assert {"decision_number", "starts_on", "reason"} <= set(caught.value.message_dict)
    with pytest.raises(ValidationError) as early:
        letter_suspension_add(
            actor=world.province_reception,
            letter=letter,
            starts_on=date(2019, 3, 1),
            decision_number="05/QĐ-TĐC",
            reason="Chờ giám định",
        )
    assert "trước ngày thụ lý" in early.value.message_dict["starts_on"][0]
    assert not Suspension.objects.exists()
