"""Linking duplicates: "đơn trùng lần n" counted in the chain, and the refusals."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.models import AuditEvent
from vanphong.petitions.models import Letter
from vanphong.petitions.services_duplicates import letter_duplicate_link, letter_duplicate_unlink


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def chain(world: PetitionWorld) -> list[Letter]:
    return [
        letter_row(world, received_on=date(2011, 3, 1)),
        letter_row(world, received_on=date(2011, 6, 1)),
        letter_row(world, received_on=date(2012, 2, 1)),
        letter_row(world, received_on=date(2012, 9, 1)),
    ]


def message(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(error.value.message_dict["original"])


def test_linking_gives_round_two_then_three_on_the_chains_first_letter(
    world: PetitionWorld, chain: list[Letter]
) -> None:
    first, second, third, _ = chain
    actor = world.province_reception
    linked = letter_duplicate_link(actor=actor, letter=second, original=first)
    assert (linked.duplicate_of_id, linked.duplicate_round) == (first.pk, 2)
    # Linked to the second, the third still counts in the first letter's chain.
    linked = letter_duplicate_link(actor=actor, letter=third, original=second)
    assert (linked.duplicate_of_id, linked.duplicate_round) == (first.pk, 3)
    event = AuditEvent.objects.filter(action="letter.duplicate_linked").latest("seq")
    assert event.object_id == str(third.uuid)
    assert event.after == {"duplicate_of": str(first.uuid), "duplicate_round": 3}


def test_a_letter_is_not_linked_to_itself(world: PetitionWorld, chain: list[Letter]) -> None:
    with pytest.raises(ValidationError) as error:
        letter_duplicate_link(actor=world.province_reception, letter=chain[0], original=chain[0])
    assert "chính nó" in message(error)


def test_a_letter_is_not_linked_to_a_later_letter(
    world: PetitionWorld, chain: list[Letter]
) -> None:
    with pytest.raises(ValidationError) as error:
        letter_duplicate_link(actor=world.province_reception, letter=chain[0], original=chain[1])
    assert "nhận sau" in message(error)
    assert Letter.objects.get(pk=chain[0].pk).duplicate_of_id is None


def test_a_letter_is_not_linked_twice(world: PetitionWorld, chain: list[Letter]) -> None:
    actor = world.province_reception
    letter_duplicate_link(actor=actor, letter=chain[2], original=chain[0])
    with pytest.raises(ValidationError) as error:
        letter_duplicate_link(actor=actor, letter=chain[2], original=chain[1])
    assert "lần 2" in message(error)


def test_a_chains_first_letter_is_not_linked_elsewhere(
    world: PetitionWorld, chain: list[Letter]
) -> None:
    actor = world.province_reception
    letter_duplicate_link(actor=actor, letter=chain[2], original=chain[1])
    with pytest.raises(ValidationError):
        letter_duplicate_link(actor=actor, letter=chain[1], original=chain[0])


def test_a_letter_the_actor_does_not_see_is_refused_without_being_named(
    world: PetitionWorld, chain: list[Letter]
) -> None:
    elsewhere = letter_row(world, unit=world.chau_thanh_office, received_on=date(2010, 1, 4))
    with pytest.raises(ValidationError) as error:
        letter_duplicate_link(actor=world.province_reception, letter=chain[1], original=elsewhere)
    assert "Không tìm thấy" in message(error)


def test_who_may_not_act_on_the_letter_is_refused(
    world: PetitionWorld, chain: list[Letter]
) -> None:
    handled = letter_row(world, received_on=date(2012, 12, 1), handler=world.province_reception)
    with pytest.raises(PermissionDenied):
        letter_duplicate_link(actor=world.province_reception_2, letter=handled, original=chain[0])


def test_unlinking_moves_the_later_rounds_up(world: PetitionWorld, chain: list[Letter]) -> None:
    actor = world.province_reception
    first, second, third, fourth = chain
    for letter in (second, third, fourth):
        letter_duplicate_link(actor=actor, letter=letter, original=first)
    letter_duplicate_unlink(actor=actor, letter=Letter.objects.get(pk=third.pk))
    rounds = dict(Letter.objects.filter(pk__in=[second.pk, third.pk, fourth.pk]).values_list(
        "pk", "duplicate_round"
    ))  # fmt: skip
    assert rounds == {second.pk: 2, third.pk: None, fourth.pk: 3}
    with pytest.raises(ValidationError):
        letter_duplicate_unlink(actor=actor, letter=Letter.objects.get(pk=third.pk))
