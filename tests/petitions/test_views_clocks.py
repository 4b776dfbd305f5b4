"""The extension and suspension forms of a letter: POST, back to the letter page; a refusal
shows the form again with the reason on its field, nothing saved."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.petitions.letters import accepted
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.petitions.models import Extension, Suspension


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _client(world: PetitionWorld) -> Client:
    client = Client()
    client.force_login(world.province_reception)
    return client


def test_an_extension_with_its_decision_goes_back_to_the_letter(world: PetitionWorld) -> None:
    letter = accepted(world)
    response = _client(world).post(
        reverse("petitions:letter_extension_add", args=[letter.uuid]),
        {
            "days": "30",
            "decision_number": "12/QĐ-UBKT",
            "decision_date": "05/03/2019",
            "reason": "Xác minh nhiều nơi",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:letter", args=[letter.uuid])
    assert Extension.objects.get(letter=letter).days == 30


def test_an_extension_without_a_decision_is_shown_again_with_the_reason(
    world: PetitionWorld,
) -> None:
    letter = accepted(world)
    response = _client(world).post(
        reverse("petitions:letter_extension_add", args=[letter.uuid]),
        {"days": "30", "decision_number": "", "decision_date": "", "reason": "Xác minh"},
    )
    assert response.status_code == 400
    assert "Phải có số của quyết định bằng văn bản." in response.content.decode()
    assert not Extension.objects.exists()


def test_a_suspension_is_recorded_and_ended(world: PetitionWorld) -> None:
    letter = accepted(world)
    client = _client(world)
    added = client.post(
        reverse("petitions:letter_suspension_add", args=[letter.uuid]),
        {"starts_on": "10/03/2019", "decision_number": "5/QĐ", "reason": "Chờ giám định"},
    )
    assert added.status_code == 302
    ended = client.post(
        reverse("petitions:letter_suspension_end", args=[letter.uuid]), {"ends_on": "16/03/2019"}
    )
    assert ended.status_code == 302
    assert Suspension.objects.get().ends_on == date(2019, 3, 16)


def test_a_letter_of_a_unit_not_seen_is_not_found(world: PetitionWorld) -> None:
    letter = accepted(world)
    client = Client()
    client.force_login(world.chau_thanh_reception)
    response = client.post(
        reverse("petitions:letter_extension_add", args=[letter.uuid]),
        {"days": "30", "decision_number": "1", "decision_date": "05/03/2019", "reason": "x"},
    )
    assert response.status_code == 404
    assert not Extension.objects.exists()
