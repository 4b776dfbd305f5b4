"""A letter's legal clocks through the JSON API: the deadlines with the rules they come from,
an extension only on a written decision, a suspension and its end; a letter the caller does
not see is a 404."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.petitions.letters import accepted
from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.petitions.models import Extension, FileKind, Suspension


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def test_the_deadlines_carry_their_rule_and_source(world: PetitionWorld, client: Client) -> None:
    letter = accepted(world)
    response = Caller(client, world.province_reception).get(f"/{letter.uuid}/thoi-han")
    assert response.status_code == 200
    deadlines = {d["kind"]: d for d in response.json()["deadlines"]}
    expected = {d.kind: d for d in letter.deadlines.all()}
    assert set(deadlines) == set(expected)
    settlement = deadlines["settlement"]
    assert settlement["due_on"] == expected["settlement"].due_on.isoformat()
    assert settlement["source"] == expected["settlement"].source != ""
    assert settlement["rule_from"] == "2019-01-01"  # the 2018 denunciation law


def test_an_extension_without_a_decision_is_refused_on_its_fields_and_saves_nothing(
    world: PetitionWorld, client: Client
) -> None:
    letter = accepted(world)
    response = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/gia-han", {"days": 30, "reason": "Xác minh thêm"}
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "decision_number" in errors or "decision_date" in errors
    assert not Extension.objects.exists()


def test_an_extension_on_a_decision_moves_the_settlement_deadline(
    world: PetitionWorld, client: Client
) -> None:
    letter = accepted(world)
    officer = Caller(client, world.province_reception)
    before = letter.deadlines.get(kind="settlement").due_on
    response = officer.post(
        f"/{letter.uuid}/gia-han",
        {
            "days": 30,
            "decision_number": "12/QĐ-UBKT",
            "decision_date": "2019-03-05",
            "reason": "Vụ việc phức tạp",
            "decision_file": {
                "name": "qd-12.pdf",
                "content_base64": base64.b64encode(PDF).decode(),
            },
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["decision_number"] == "12/QĐ-UBKT"
    after = letter.deadlines.get(kind="settlement").due_on
    assert after > before
    assert letter.files.filter(kind=FileKind.DECISION).count() == 1
    clocks = officer.get(f"/{letter.uuid}/thoi-han").json()
    assert [e["days"] for e in clocks["extensions"]] == [30]


def test_a_suspension_is_recorded_and_ended(world: PetitionWorld, client: Client) -> None:
    letter = accepted(world)
    officer = Caller(client, world.province_reception)
    added = officer.post(
        f"/{letter.uuid}/tam-dinh-chi",
        {"starts_on": "2019-03-10", "decision_number": "5/QĐ", "reason": "Chờ giám định"},
    )
    assert added.status_code == 201, added.json()
    assert added.json()["ends_on"] is None
    ended = officer.post(f"/{letter.uuid}/tam-dinh-chi/ket-thuc", {"ends_on": "2019-03-20"})
    assert ended.status_code == 200, ended.json()
    assert Suspension.objects.get().ends_on.isoformat() == "2019-03-20"  # type: ignore[union-attr]
    # No suspension left open: nothing to end.
    again = officer.post(f"/{letter.uuid}/tam-dinh-chi/ket-thuc", {"ends_on": "2019-03-21"})
    assert again.status_code == 404


def test_the_clocks_of_a_letter_of_another_unit_are_a_404(
    world: PetitionWorld, client: Client
) -> None:
    letter = accepted(world)
    district = Caller(client, world.chau_thanh_reception)
    assert district.get(f"/{letter.uuid}/thoi-han").status_code == 404
    refused = district.post(
        f"/{letter.uuid}/gia-han",
        {"days": 30, "decision_number": "1", "decision_date": "2019-03-05", "reason": "x"},
    )
    assert refused.status_code == 404
    assert not Extension.objects.exists()
