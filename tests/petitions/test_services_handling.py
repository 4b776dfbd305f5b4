"""Handling a letter: handler, classification, handling, result, telling, closing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.petitions.letters import RECEIVED, denunciation, register, world
from tests.support.petitions import PetitionWorld
from vanphong.petitions import services_handling
from vanphong.petitions.models import Letter, LetterStatus

__all__ = ["world"]  # the fixture: imported for pytest to find, not called


def test_an_anonymous_denunciation_is_proposed_ineligible(world: PetitionWorld) -> None:
    letter = denunciation(world, anonymous=True, citizens=[])
    proposed = services_handling.proposed_classification(letter)
    assert proposed == {"eligibility": "ineligible", "ineligible_reason": "anonymous"}
    assert services_handling.proposed_classification(register(world))["eligibility"] == "eligible"


def test_ineligible_needs_a_legal_reason(world: PetitionWorld) -> None:
    letter = register(world)
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_classify(
            actor=world.province_reception, letter=letter, eligibility="ineligible"
        )
    assert "ineligible_reason" in raised.value.message_dict


def classify(world: PetitionWorld, letter: Letter, **overrides: Any) -> Letter:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "letter": letter,
        "eligibility": "eligible",
        "classified_on": RECEIVED + timedelta(days=2),
    }
    fields.update(overrides)
    return services_handling.letter_classify(**fields)


def test_a_kept_letter_closes_at_once(world: PetitionWorld) -> None:
    letter = classify(world, register(world, anonymous=True, citizens=[]), eligibility="ineligible",
                      ineligible_reason="anonymous")  # fmt: skip
    handled = services_handling.letter_handle(
        actor=world.province_reception,
        letter=letter,
        handling="keep",
        handled_on=RECEIVED + timedelta(days=3),
    )
    assert handled.status == LetterStatus.CLOSED
    assert handled.closed_on == RECEIVED + timedelta(days=3)


def test_an_ineligible_letter_is_not_accepted(world: PetitionWorld) -> None:
    letter = classify(world, register(world), eligibility="ineligible", ineligible_reason="court")
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handle(
            actor=world.province_reception, letter=letter, handling="accept", accepted_on=RECEIVED
        )
    assert "handling" in raised.value.message_dict


def test_forwarding_is_not_done_by_letter_handle(world: PetitionWorld) -> None:
    letter = classify(world, register(world))
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handle(
            actor=world.province_reception, letter=letter, handling="forward"
        )
    assert "handling" in raised.value.message_dict
    assert services_handling.handling_status("forward") == LetterStatus.FOLLOWING


def test_an_accepted_letter_closes_when_the_result_is_in_and_the_petitioner_told(
    world: PetitionWorld,
) -> None:
    letter = classify(world, register(world))
    letter = services_handling.letter_handle(
        actor=world.province_reception,
        letter=letter,
        handling="accept",
        accepted_on=date(2011, 9, 20),
        handled_on=date(2011, 9, 20),
    )
    assert letter.status == LetterStatus.FOLLOWING
    with pytest.raises(ValidationError) as early:
        services_handling.letter_told(
            actor=world.province_reception, letter=letter, told_on=date(2011, 9, 21), told_how="x"
        )
    assert "told_on" in early.value.message_dict
    with pytest.raises(ValidationError) as before_acceptance:
        services_handling.letter_result_record(
            actor=world.province_reception, letter=letter, result="x", result_on=date(2011, 9, 1)
        )
    assert "result_on" in before_acceptance.value.message_dict
    letter = services_handling.letter_result_record(
        actor=world.province_reception,
        letter=letter,
        result="Giữ nguyên quyết định kỷ luật",
        result_on=date(2011, 10, 15),
    )
    assert letter.status == LetterStatus.FOLLOWING
    letter = services_handling.letter_told(
        actor=world.province_reception,
        letter=letter,
        told_on=date(2011, 10, 17),
        told_how="Văn bản số 12-CV/VPTU",
    )
    assert letter.status == LetterStatus.CLOSED
    assert letter.closed_on == date(2011, 10, 17)


def test_an_anonymous_letter_closes_on_its_result(world: PetitionWorld) -> None:
    letter = classify(world, register(world, anonymous=True, citizens=[]))
    letter = services_handling.letter_handle(
        actor=world.province_reception, letter=letter, handling="accept", accepted_on=RECEIVED
    )
    letter = services_handling.letter_result_record(
        actor=world.province_reception, letter=letter, result="Đã giải quyết", result_on=RECEIVED
    )
    assert letter.status == LetterStatus.CLOSED
    with pytest.raises(ValidationError):
        services_handling.letter_told(
            actor=world.province_reception, letter=letter, told_on=RECEIVED, told_how="x"
        )


def test_assigning_to_a_unit_outside_the_committee_is_refused(world: PetitionWorld) -> None:
    letter = classify(world, register(world))
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handle(
            actor=world.province_reception,
            letter=letter,
            handling="assign",
            assigned_unit=world.province_office,
        )
    assert "assigned_unit" in raised.value.message_dict


def test_a_leader_gives_a_letter_to_a_reception_officer_of_its_unit(world: PetitionWorld) -> None:
    letter = register(world)
    with pytest.raises(PermissionDenied):
        services_handling.letter_handler_assign(
            actor=world.province_reception, letter=letter, handler=world.province_reception_2
        )
    with pytest.raises(ValidationError) as raised:
        services_handling.letter_handler_assign(
            actor=world.province_office_leader,
            letter=letter,
            handler=world.chau_thanh_reception,
        )
    assert "handler" in raised.value.message_dict
    letter = services_handling.letter_handler_assign(
        actor=world.province_office_leader, letter=letter, handler=world.province_reception_2
    )
    assert letter.handler == world.province_reception_2
    # Once handled, the other officers no longer act on it.
    with pytest.raises(PermissionDenied):
        classify(world, letter)


def test_an_officer_takes_a_letter_nobody_handles(world: PetitionWorld) -> None:
    letter = services_handling.letter_take(actor=world.province_reception, letter=register(world))
    assert letter.handler == world.province_reception
    with pytest.raises(ValidationError):
        services_handling.letter_take(actor=world.province_reception_2, letter=letter)
